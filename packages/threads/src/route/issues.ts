/** `issues` events: opened (or labeled with the trigger label) starts a thread; an edit continues it. */
import { get, int, obj, str, user } from "../payload.js";
import { threadKey } from "../text.js";
import { type Ctx, type Draft, draft, ignored, senderActor } from "./draft.js";
import { labelNames, makeThread, requireNumber } from "./fields.js";
import { guardActor } from "./guard.js";
import { issuePrompt } from "./prompt.js";
import { ReasonCodes, type TaskSource } from "./task.js";

export function issues(ctx: Ctx): Draft {
  const issue = ctx.payload["issue"];
  const number = requireNumber(ctx, get(issue, "number"), "issue.number");
  const thread = makeThread(ctx, get(issue, "pull_request") ? "pr" : "issue", number);
  const title = str(get(issue, "title")) ?? "";
  const body = str(get(issue, "body")) ?? "";
  const author = user(get(issue, "user"));
  const association = str(get(issue, "author_association"));
  const sender = user(ctx.payload["sender"]);
  const labels = labelNames(get(issue, "labels"));
  const source: TaskSource = {
    kind: "issue",
    id: int(get(issue, "id")),
    url: str(get(issue, "html_url")),
    cursor: null,
  };
  const base = { thread, title, source };
  const { config } = ctx;

  if (ctx.action === "opened") {
    if (config.triggerLabel !== null && !labels.includes(config.triggerLabel)) {
      return ignored(
        ctx,
        base,
        ReasonCodes.WAITING_FOR_LABEL,
        `issue has no ${JSON.stringify(config.triggerLabel)} label`,
      );
    }
    const actor = author ? { user: author, association } : null;
    const guard = guardActor(ctx, base, actor, body);
    if (guard) return guard;
    return draft(ctx, base, actor, {
      action: "start",
      stage: "planning",
      reasonCode: ReasonCodes.ISSUE_OPENED,
      reason: `issue #${number} opened by @${actor?.user.login}`,
      dedupeKey: `issues/${threadKey(thread)}/opened`,
      prompt: issuePrompt(thread, "planning", "A new issue was opened.", actor, title, body),
    });
  }
  if (ctx.action === "labeled") {
    const label = str(get(ctx.payload, "label", "name"));
    if (config.triggerLabel === null || label !== config.triggerLabel) {
      return ignored(
        ctx,
        base,
        ReasonCodes.LABEL_NOT_TRIGGER,
        `label ${JSON.stringify(label)} is not the trigger label`,
      );
    }
    const actor = sender ? senderActor(sender, author, association) : null;
    const guard = guardActor(ctx, base, actor, "");
    if (guard) return guard;
    return draft(ctx, base, actor, {
      action: "start",
      stage: "planning",
      reasonCode: ReasonCodes.ISSUE_LABELED,
      reason: `label ${JSON.stringify(label)} added to #${number} by @${actor?.user.login}`,
      // A replay carries the same updated_at; removing and re-adding the label is a new request.
      dedupeKey: `issues/${threadKey(thread)}/labeled/${label}/${str(get(issue, "updated_at")) ?? ctx.deliveryId ?? ""}`,
      prompt: issuePrompt(thread, "planning", `The issue was labeled ${JSON.stringify(label)}.`, actor, title, body),
    });
  }
  if (ctx.action === "edited") {
    const changes = obj(ctx.payload["changes"]) ?? {};
    if (!("title" in changes) && !("body" in changes)) {
      return ignored(ctx, base, ReasonCodes.NOTHING_CHANGED, "neither the title nor the body changed");
    }
    if (config.triggerLabel !== null && !labels.includes(config.triggerLabel)) {
      return ignored(
        ctx,
        base,
        ReasonCodes.WAITING_FOR_LABEL,
        `issue has no ${JSON.stringify(config.triggerLabel)} label`,
      );
    }
    if (str(get(issue, "state")) === "closed") {
      return ignored(ctx, base, ReasonCodes.THREAD_CLOSED, `issue #${number} is closed`);
    }
    const actor = sender ? senderActor(sender, author, association) : null;
    const guard = guardActor(ctx, base, actor, body);
    if (guard) return guard;
    const updated = str(get(issue, "updated_at"));
    return draft(ctx, base, actor, {
      action: "continue",
      stage: "planning",
      reasonCode: ReasonCodes.ISSUE_EDITED,
      reason: `issue #${number} edited by @${actor?.user.login}`,
      dedupeKey: ctx.deliveryId
        ? `delivery/${ctx.deliveryId}`
        : updated
          ? `issues/${threadKey(thread)}/edited/${updated}`
          : null,
      prompt: issuePrompt(thread, "planning", "The issue was edited; the updated text follows.", actor, title, body),
    });
  }
  return ignored(ctx, base, ReasonCodes.ACTION_NOT_ROUTED, `issues.${ctx.action ?? "?"} is not routed`);
}
