/** `issue_comment` events, on issues and on pull requests: only new comments count. */
import { get, int, str, user } from "../payload.js";
import { commentDraft } from "./commands.js";
import { type Ctx, type Draft, ignored } from "./draft.js";
import { deliveryKey, makeThread, requireNumber } from "./fields.js";
import { guardActor } from "./guard.js";
import { ReasonCodes, type TaskSource } from "./task.js";

export function issueComment(ctx: Ctx): Draft {
  const issue = ctx.payload["issue"];
  const comment = ctx.payload["comment"];
  const number = requireNumber(ctx, get(issue, "number"), "issue.number");
  const isPr = Boolean(get(issue, "pull_request"));
  const thread = makeThread(ctx, isPr ? "pr" : "issue", number);
  const title = str(get(issue, "title")) ?? "";
  const id = int(get(comment, "id"));
  const source: TaskSource = { kind: "issue_comment", id, url: str(get(comment, "html_url")), cursor: "issueComment" };
  const base = { thread, title, source, body: str(get(issue, "body")) ?? "" };
  if (ctx.action !== "created") {
    return ignored(ctx, base, ReasonCodes.NOT_CREATED, `comment ${ctx.action ?? "changed"}: only new comments trigger`);
  }
  const body = str(get(comment, "body")) ?? "";
  const u = user(get(comment, "user"));
  const actor = u ? { user: u, association: str(get(comment, "author_association")) } : null;
  const guard = guardActor(ctx, base, actor, body);
  if (guard) return guard;
  if (str(get(issue, "state")) === "closed") {
    return ignored(ctx, base, ReasonCodes.THREAD_CLOSED, `${isPr ? "pull request" : "issue"} #${number} is closed`);
  }
  return commentDraft(ctx, base, actor, body, {
    dedupeKey: id !== null ? `issue_comment/${id}` : deliveryKey(ctx),
    what: `comment ${id ?? ""} on ${isPr ? "PR" : "issue"} #${number}`.replace("  ", " "),
    reasonCode: ReasonCodes.COMMENT,
    context: [],
  });
}
