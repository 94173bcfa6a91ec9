/**
 * `repository_dispatch` of type codexrel-relay: the worker's hand-off of a review delivery from
 * its run on the PR's merge ref to a run on the default branch (relay-request.ts says why). The
 * task stands for the PR's queue: the drain replaces it with every authorized request queued
 * there, the relayed review among them (`mergeDrained`), or makes it a duplicate when an earlier
 * run already handled them. The dispatcher is the run's token (`github-actions[bot]`), not a
 * person: sending a dispatch needs write access, and each drained request is authorized on its own.
 */
import { ThreadsErrorCodes } from "../errors.js";
import { obj, user } from "../payload.js";
import { parseRelayRequest, RELAY_EVENT_TYPE } from "../relay-request.js";
import { type Ctx, type Draft, draft, ignored } from "./draft.js";
import { makeThread } from "./fields.js";
import { prompt } from "./prompt.js";
import { ReasonCodes } from "./task.js";

export function relayed(ctx: Ctx): Draft {
  if (ctx.action !== RELAY_EVENT_TYPE) {
    return ignored(
      ctx,
      null,
      ReasonCodes.ACTION_NOT_ROUTED,
      `repository_dispatch ${JSON.stringify(ctx.action)} is not codexrel's relay (${RELAY_EVENT_TYPE})`,
    );
  }
  let request: ReturnType<typeof parseRelayRequest>;
  try {
    request = parseRelayRequest(obj(ctx.payload["client_payload"]) ?? {});
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return ignored(ctx, null, ReasonCodes.NO_THREAD, `${ThreadsErrorCodes.RELAY_INVALID}: ${why}`);
  }
  const thread = makeThread(ctx, "pr", request.number);
  const sender = user(ctx.payload["sender"]);
  const actor = sender ? { user: sender, association: null } : null;
  const item = `${request.event}${request.id !== null ? ` ${request.id}` : ""}`;
  const d = draft(ctx, { thread, title: "", source: { kind: "dispatch", id: null, url: null, cursor: null } }, actor, {
    action: "continue",
    stage: "implementation",
    reasonCode: ReasonCodes.RELAYED,
    reason: `${item} on PR #${request.number}, relayed to a run on the default branch (one cache scope for the thread's session)`,
    // Replays and twins are settled by the drain: the queued items carry the delivery keys.
    dedupeKey: null,
    // Only used when no drain runs (the worker always drains): the queue is then not read.
    prompt: prompt(thread, "implementation", {
      what: `Handle the review feedback queued on this pull request (${item}).`,
      actor: null,
      facts: [],
      blocks: [],
    }),
  });
  return { ...d, task: { ...d.task, relayed: request }, impliedPermission: "write" };
}
