/**
 * `pull_request_review` (submitted) and `pull_request_review_comment` (created) events: feedback on
 * a PR continues its implementation, routed like comments.
 */
import { get, int, str, user } from "../payload.js";
import type { CursorKind } from "../state.js";
import { commentDraft } from "./commands.js";
import { type Actor, type Base, type Ctx, type Draft, ignored } from "./draft.js";
import { deliveryKey, isFork, makeThread, requireNumber, safePath } from "./fields.js";
import { forkBlock, guardActor } from "./guard.js";
import { ReasonCodes, type SourceKind } from "./task.js";

/** The PR, the review or review comment, its author and body: what both review events share. */
function prItem(ctx: Ctx, field: "review" | "comment", kind: SourceKind, cursor: CursorKind) {
  const pr = ctx.payload["pull_request"];
  const item = ctx.payload[field];
  const number = requireNumber(ctx, get(pr, "number"), "pull_request.number");
  const id = int(get(item, "id"));
  const base: Base = {
    thread: makeThread(ctx, "pr", number),
    title: str(get(pr, "title")) ?? "",
    body: str(get(pr, "body")) ?? "",
    source: { kind, id, url: str(get(item, "html_url")), cursor },
    fork: isFork(pr),
  };
  const u = user(get(item, "user"));
  const actor: Actor | null = u ? { user: u, association: str(get(item, "author_association")) } : null;
  return { item, number, id, base, actor, body: str(get(item, "body")) ?? "" };
}

export function pullRequestReview(ctx: Ctx): Draft {
  const { item, number, id, base, actor, body } = prItem(ctx, "review", "review", "review");
  if (ctx.action !== "submitted") {
    return ignored(
      ctx,
      base,
      ReasonCodes.NOT_CREATED,
      `review ${ctx.action ?? "changed"}: only submitted reviews trigger`,
    );
  }
  const state = (str(get(item, "state")) ?? "").toLowerCase();
  const guard = guardActor(ctx, base, actor, body);
  if (guard) return guard;
  if (body.trim() === "" && state !== "changes_requested") {
    return ignored(ctx, base, ReasonCodes.EMPTY, `review ${id ?? ""} (${state || "?"}) has no text`);
  }
  const forkGuard = forkBlock(ctx, base, number);
  if (forkGuard) return forkGuard;
  return commentDraft(ctx, base, actor, body, {
    dedupeKey: id !== null ? `pull_request_review/${id}` : deliveryKey(ctx),
    what: `review ${id ?? ""} (${state.replaceAll("_", " ") || "submitted"}) on PR #${number}`.replace("  ", " "),
    reasonCode: ReasonCodes.REVIEW_SUBMITTED,
    context: [],
    defaultText: body.trim() === "" ? "Changes were requested without a summary; address the review comments." : null,
  });
}

export function reviewComment(ctx: Ctx): Draft {
  const { item, number, id, base, actor, body } = prItem(ctx, "comment", "review_comment", "reviewComment");
  if (ctx.action !== "created") {
    return ignored(
      ctx,
      base,
      ReasonCodes.NOT_CREATED,
      `review comment ${ctx.action ?? "changed"}: only new comments trigger`,
    );
  }
  const guard = guardActor(ctx, base, actor, body);
  if (guard) return guard;
  const forkGuard = forkBlock(ctx, base, number);
  if (forkGuard) return forkGuard;
  const path = str(get(item, "path"));
  const line = int(get(item, "line")) ?? int(get(item, "original_line"));
  const hunk = str(get(item, "diff_hunk"));
  return commentDraft(ctx, base, actor, body, {
    dedupeKey: id !== null ? `pull_request_review_comment/${id}` : deliveryKey(ctx),
    what: `review comment ${id ?? ""} on PR #${number}`.replace("  ", " "),
    reasonCode: ReasonCodes.REVIEW_COMMENT,
    context: path ? [`On ${safePath(path)}${line !== null ? ` line ${line}` : ""}`] : [],
    extraBlocks: hunk ? [["diff context", hunk.slice(-2000)]] : [],
  });
}
