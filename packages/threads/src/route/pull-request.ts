/** `pull_request` events: an opened, reopened, pushed or ready PR gets a review (not forks or drafts by default). */
import { get, int, str, user } from "../payload.js";
import { threadKey } from "../text.js";
import { type Ctx, type Draft, draft, ignored, senderActor } from "./draft.js";
import { deliveryKey, isFork, makeThread, requireNumber, safeRef } from "./fields.js";
import { guardActor } from "./guard.js";
import { prompt } from "./prompt.js";
import { ReasonCodes, type TaskSource } from "./task.js";

export function pullRequest(ctx: Ctx): Draft {
  const pr = ctx.payload["pull_request"];
  const number = requireNumber(ctx, get(pr, "number") ?? ctx.payload["number"], "pull_request.number");
  const thread = makeThread(ctx, "pr", number);
  const title = str(get(pr, "title")) ?? "";
  const fork = isFork(pr);
  const source: TaskSource = {
    kind: "pull_request",
    id: int(get(pr, "id")),
    url: str(get(pr, "html_url")),
    cursor: null,
  };
  const base = { thread, title, source, fork };
  const { config } = ctx;
  if (!["opened", "reopened", "synchronize", "ready_for_review"].includes(ctx.action ?? "")) {
    return ignored(ctx, base, ReasonCodes.ACTION_NOT_ROUTED, `pull_request.${ctx.action ?? "?"} is not routed`);
  }
  if (!config.reviewPullRequests) {
    return ignored(ctx, base, ReasonCodes.REVIEWS_DISABLED, "pull request reviews are turned off");
  }
  if (fork && !config.allowForks) {
    return ignored(ctx, base, ReasonCodes.FORK, `PR #${number} comes from a fork; forks are not reviewed`);
  }
  if (get(pr, "draft") === true && !config.reviewDrafts) {
    return ignored(ctx, base, ReasonCodes.DRAFT, `PR #${number} is a draft`);
  }
  const author = user(get(pr, "user"));
  const sender = user(ctx.payload["sender"]);
  const actor = sender ? senderActor(sender, author, str(get(pr, "author_association"))) : null;
  const body = str(get(pr, "body")) ?? "";
  const guard = guardActor(ctx, base, actor, "");
  if (guard) return guard;
  const sha = str(get(pr, "head", "sha"));
  const headRef = str(get(pr, "head", "ref")) ?? "?";
  const baseRef = str(get(pr, "base", "ref")) ?? "?";
  return draft(ctx, base, actor, {
    action: "review",
    stage: "review",
    reasonCode: ReasonCodes.PULL_REQUEST,
    reason: `PR #${number} ${ctx.action} by @${actor?.user.login}`,
    dedupeKey: sha ? `pull_request/${threadKey(thread)}/${sha}` : deliveryKey(ctx),
    prompt: prompt(thread, "review", {
      what: `Pull request #${number} was ${ctx.action?.replaceAll("_", " ")}. Review it.`,
      actor,
      facts: [`Branches: ${safeRef(headRef)} into ${safeRef(baseRef)}${sha ? ` at ${sha.slice(0, 12)}` : ""}`],
      blocks: [
        ["PR title", title],
        ["PR description", body],
      ],
    }),
  });
}
