/**
 * What a comment or review asks for: the stop, review and execute-plan commands, a plan that
 * promotes the thread to implementation, the mention rule, then a plain continue.
 */

import type { TaskStage } from "../state.js";
import { matchStopCommand } from "../stop-command.js";
import { commandLines, matchCommand, mentions } from "../text.js";
import { type Actor, type Base, type Ctx, type Draft, draft, ignored } from "./draft.js";
import { prompt } from "./prompt.js";
import { type ReasonCode, ReasonCodes } from "./task.js";

interface CommentOptions {
  dedupeKey: string | null;
  what: string;
  reasonCode: ReasonCode;
  context: string[];
  defaultText?: string | null;
  /** More fenced context after the comment (e.g. the diff hunk a review comment is on). */
  extraBlocks?: Array<[string, string]>;
}

/** A comment or review: commands, plan promotion, mention rule, then a plain continue. */
export function commentDraft(ctx: Ctx, base: Base, actor: Actor | null, body: string, o: CommentOptions): Draft {
  const { config } = ctx;
  const { thread } = base;
  const isPr = thread.kind === "pr";
  const stop = matchStopCommand(body, config.botName, actor?.user.login);
  if (stop) {
    const stage: TaskStage = isPr ? "implementation" : "planning";
    const blocks: [string, string][] = stop.reason ? [["stop reason", stop.reason]] : [];
    const reason = `fix loop stopped by @${actor?.user.login} in ${o.what}`;
    const p = prompt(thread, stage, { what: stop.what, actor, facts: o.context, blocks });
    return draft(ctx, base, actor, {
      action: "continue",
      stage,
      command: "stop",
      reasonCode: ReasonCodes.STOP_COMMAND,
      reason,
      dedupeKey: o.dedupeKey,
      prompt: p,
    });
  }
  const review = matchCommand(body, config.commands.review, config.botName);
  if (review) {
    if (!isPr) return ignored(ctx, base, ReasonCodes.REVIEW_NEEDS_PR, "the review command needs a pull request thread");
    return draft(ctx, base, actor, {
      action: "review",
      stage: "review",
      command: "review",
      reasonCode: ReasonCodes.REVIEW_COMMAND,
      reason: `review requested by @${actor?.user.login} in ${o.what}`,
      dedupeKey: o.dedupeKey,
      prompt: prompt(thread, "review", {
        what: `@${actor?.user.login} asked for a review of pull request #${thread.number}. The review context (unresolved threads, failing checks) follows when available.`,
        actor,
        facts: o.context,
        blocks: review.args ? [["review request", review.args]] : [],
      }),
    });
  }
  const execute = matchCommand(body, config.commands.executePlan, config.botName);
  if (execute) {
    return draft(ctx, base, actor, {
      action: "continue",
      stage: "implementation",
      command: "execute-plan",
      reasonCode: ReasonCodes.EXECUTE_PLAN,
      reason: `plan execution requested by @${actor?.user.login} in ${o.what}`,
      dedupeKey: o.dedupeKey,
      prompt: prompt(thread, "implementation", {
        what: `@${actor?.user.login} approved the plan: implement the latest plan comment (marked ${config.planMarker}) step by step.`,
        actor,
        facts: o.context,
        blocks: execute.args ? [["additional instructions", execute.args]] : [],
      }),
    });
  }
  // The marker promotes only on a line of its own text: quoted or fenced, it is only shown.
  if (commandLines(body).some((line) => line.includes(config.planMarker))) {
    return draft(ctx, base, actor, {
      action: "continue",
      stage: "implementation",
      reasonCode: ReasonCodes.PLAN_COMMENT,
      reason: `plan posted by @${actor?.user.login} in ${o.what}`,
      dedupeKey: o.dedupeKey,
      prompt: prompt(thread, "implementation", {
        what: `@${actor?.user.login} posted the plan to implement. Work through it step by step.`,
        actor,
        facts: o.context,
        blocks: [["plan", body.replace(config.planMarker, "").trim()]],
      }),
    });
  }
  if (config.requireMention && !mentions(body, config.botName)) {
    return ignored(ctx, base, ReasonCodes.NO_MENTION, `${o.what} does not mention @${config.botName}`);
  }
  const text = body.trim() || o.defaultText || "";
  if (!text) return ignored(ctx, base, ReasonCodes.EMPTY, `${o.what} is empty`);
  const stage: TaskStage = isPr ? "implementation" : "planning";
  return draft(ctx, base, actor, {
    action: "continue",
    stage,
    reasonCode: o.reasonCode,
    reason: `${o.what} by @${actor?.user.login}`,
    dedupeKey: o.dedupeKey,
    prompt: prompt(thread, stage, {
      what: `@${actor?.user.login} replied on the ${isPr ? "pull request" : "issue"}. Continue the work with this input.`,
      actor,
      facts: o.context,
      blocks: [[o.reasonCode === ReasonCodes.COMMENT ? "comment" : "review", text], ...(o.extraBlocks ?? [])],
    }),
  });
}
