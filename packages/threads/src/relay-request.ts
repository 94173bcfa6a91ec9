/**
 * The review-event relay's request: which delivery on which PR a `pull_request_review*` run hands
 * to a run on the default branch. Pure, so routing (route/relay.ts), the drain and the edges share
 * it; sending it is relay.ts.
 *
 * Why relay at all: GitHub runs `pull_request_review` and `pull_request_review_comment` workflows
 * on the PR's test merge ref `refs/pull/<n>/merge`, and a cache a run saves is scoped to its ref:
 * "Workflow runs can restore caches created in either the current branch or the default branch",
 * never a child's ref (https://docs.github.com/en/actions/reference/workflows-and-actions/dependency-caching#restrictions-for-accessing-a-cache).
 * A CODEX_HOME saved by a review run is invisible to the thread's conversation-comment runs, which
 * run on the default branch. A `repository_dispatch` runs on the default branch ("GITHUB_REF:
 * default branch"), and it is one of the two events a run's GITHUB_TOKEN may start runs with
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#repository_dispatch).
 */
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import type { Task } from "./route/task.js";

/** The `repository_dispatch` event type the worker sends and its callers listen for. */
export const RELAY_EVENT_TYPE = "codexrel-relay";

/** The deliveries whose runs land in the PR merge ref's cache scope, and so are relayed. */
export const RELAYED_EVENTS = ["pull_request_review", "pull_request_review_comment"] as const;
export type RelayedEvent = (typeof RELAYED_EVENTS)[number];

/** `client_payload` of the dispatch: numbers and a fixed event name only, never untrusted text. */
export interface RelayRequest {
  /** The pull request. */
  number: number;
  /** The delivery relayed. */
  event: RelayedEvent;
  /** The review's or review comment's REST id (the drain finds it among the PR's feedback). */
  id: number | null;
}

const ACTIVE = new Set(["start", "continue", "review"]);

/**
 * The relay request for a routed task: a review or review comment on a same-repository PR that
 * routing sent to work. Null for anything else (ignored, duplicate, forks, other events).
 */
export function relayRequest(task: Task): RelayRequest | null {
  const event = RELAYED_EVENTS.find((e) => e === task.event.name);
  if (!event || !ACTIVE.has(task.action) || task.thread?.kind !== "pr" || task.fork === true) return null;
  return { number: task.thread.number, event, id: task.source?.id ?? null };
}

/** Reads a relay request back (a dispatch's client_payload, a workflow output); throws RELAY_INVALID. */
export function parseRelayRequest(value: unknown): RelayRequest {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v) as unknown;
    } catch (cause) {
      throw invalid("it is not JSON", cause);
    }
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw invalid("it is not an object");
  const o = v as Record<string, unknown>;
  const number = Number(o["number"]);
  if (!Number.isSafeInteger(number) || number < 1) throw invalid("`number` is not a pull request number");
  const event = RELAYED_EVENTS.find((e) => e === o["event"]);
  if (!event) throw invalid(`\`event\` is not one of ${RELAYED_EVENTS.join(", ")}`);
  const rawId = o["id"];
  const id = rawId === null || rawId === undefined ? null : Number(rawId);
  if (id !== null && (!Number.isSafeInteger(id) || id < 1)) throw invalid("`id` is not a REST id");
  return { number, event, id };
}

function invalid(why: string, cause?: unknown) {
  return threadsError(
    ThreadsErrorCodes.RELAY_INVALID,
    `the relay request is invalid: ${why}`,
    'Pass the route step\'s `relay` output unchanged ({"number":N,"event":"pull_request_review","id":N}).',
    cause,
  );
}
