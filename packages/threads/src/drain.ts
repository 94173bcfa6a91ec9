/**
 * Queue drain. GitHub keeps at most one pending run per concurrency group and cancels the others,
 * so a comment's own run may never start. Whichever run gets the thread handles every authorized
 * comment newer than the thread's cursor, oldest first, and then moves the cursor past them.
 */
import type { Thread } from "@codexrel/core";
import type { RoutingConfigInput } from "./config.js";
import { queuedItems } from "./drain-items.js";
import type { ThreadReview, ThreadReviewComment } from "./pr-feedback.js";
import { type PermissionPort, routeEvent, type Task, type TaskAction } from "./route.js";
import {
  batchStage,
  type CursorKind,
  laterStage,
  markProcessed,
  type ProcessedItem,
  type TaskStage,
  type ThreadState,
} from "./state.js";

/** One conversation comment on an issue or PR, as the GitHub adapter lists it. */
export interface ThreadComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  authorAssociation: string | null;
  createdAt?: string;
  url?: string | null;
}

export interface DrainOptions {
  thread: Thread;
  /** Issue or PR title (names the work branch). */
  title?: string;
  /** The thread's comments, in any order (the caller lists them through the GitHub adapter). */
  comments: readonly ThreadComment[];
  /** A PR's submitted reviews and review comments (`listPullRequestFeedback`), drained with the comments. */
  reviews?: readonly ThreadReview[];
  reviewComments?: readonly ThreadReviewComment[];
  state: ThreadState;
  config?: RoutingConfigInput;
  permissions?: PermissionPort;
  /** The thread's state as GitHub reports it (`OPEN`, `CLOSED`, `MERGED`); closed threads drain nothing. */
  threadState?: string;
}

export interface DrainSkip {
  id: number;
  /** Which kind it is (default `issueComment`): its cursor moves past it. */
  cursor?: CursorKind;
  reasonCode: string;
  reason: string;
}

export interface DrainResult {
  /** Tasks to run, oldest comment first. */
  tasks: Task[];
  /** Newer comments that were not tasks (bots, our own output, unauthorized, edits of nothing ...). */
  skipped: DrainSkip[];
  /** One prompt covering every task in order, for a single agent turn; empty when there is none. */
  prompt: string;
  /** `review` when every task is a review, else `continue`; `ignore` when there is nothing to do. */
  action: Exclude<TaskAction, "start" | "duplicate">;
  stage: TaskStage | null;
  /** The state after all tasks ran (save it once the run succeeded). */
  nextState: ThreadState;
}

/**
 * Every comment, review and review comment newer than its kind's cursor, oldest first, routed by
 * the same rules as the live event GitHub sends for it (`drain-items.ts`).
 */
export async function drainQueue(options: DrainOptions, now: Date = new Date()): Promise<DrainResult> {
  const tasks: Task[] = [];
  const skipped: DrainSkip[] = [];
  for (const item of queuedItems(options)) {
    const task = await routeEvent({
      eventName: item.eventName,
      payload: item.payload,
      ...(options.config ? { config: options.config } : {}),
      ...(options.permissions ? { permissions: options.permissions } : {}),
    });
    const skip = { id: item.id, cursor: item.cursor };
    if (task.action === "ignore") skipped.push({ ...skip, reasonCode: task.reasonCode, reason: task.reason });
    else if (task.dedupeKey && options.state.seen.includes(task.dedupeKey)) {
      skipped.push({ ...skip, reasonCode: "DUPLICATE", reason: `already processed (${task.dedupeKey})` });
    } else tasks.push(task);
  }
  // Skipped comments move the cursor too: they were looked at and need no run.
  const processed = [
    ...tasks.map((t) => ({ dedupeKey: t.dedupeKey, source: cursorOf(t), stage: t.stage })),
    ...skipped.map((s) => ({ dedupeKey: null, source: { cursor: s.cursor ?? ("issueComment" as const), id: s.id } })),
  ];
  const nextState = markProcessed(options.state, processed, now);
  const stage = laterStage(options.state.stage, batchStage(tasks.map((t) => t.stage)));
  const action = tasks.length === 0 ? "ignore" : tasks.every((t) => t.action === "review") ? "review" : "continue";
  return { tasks, skipped, prompt: combinePrompts(tasks), action, stage: tasks.length ? stage : null, nextState };
}

function cursorOf(task: Task): { cursor: CursorKind; id: number } | null {
  return task.source?.cursor && task.source.id !== null ? { cursor: task.source.cursor, id: task.source.id } : null;
}

/** Joins task prompts in order under numbered headings; one task returns its prompt unchanged. */
export function combinePrompts(tasks: readonly Task[]): string {
  if (tasks.length === 0) return "";
  if (tasks.length === 1) return (tasks[0] as Task).prompt;
  const parts = tasks.map((t, i) => `## Request ${i + 1} of ${tasks.length}\n\n${t.prompt.trim()}\n`);
  return `Handle these ${tasks.length} requests in order; later ones may refine earlier ones.\n\n${parts.join("\n")}`;
}

/** What to record for a task once its run succeeded (`commitProcessed`). */
export function processedItem(task: Task): {
  dedupeKey: string | null;
  source: { cursor: NonNullable<Task["source"]>["cursor"] & string; id: number } | null;
  stage: TaskStage | null;
  branch: string | null;
} {
  const s = task.source;
  return {
    dedupeKey: task.dedupeKey,
    source: s?.cursor && s.id !== null ? { cursor: s.cursor, id: s.id } : null,
    stage: task.stage,
    branch: task.branch,
  };
}

/**
 * Everything one run of `task` handled, to record once it succeeded (`commitProcessed`): the task,
 * the queued items it drained, and each kind's cursor past what the drain looked at (skipped
 * items too). A task file written before reviews were drained has only the comment cursor.
 * Both edges (route-event's commit, `codexrel thread commit`) record through this.
 */
export function processedItemsOf(
  task: Task & Partial<Pick<DrainedTask, "drained" | "drainCursor" | "drainCursors">>,
): ProcessedItem[] {
  const items: ProcessedItem[] = [task, ...(task.drained ?? [])].map(processedItem);
  const cursors = task.drainCursors ?? (task.drainCursor != null ? { issueComment: task.drainCursor } : {});
  for (const [cursor, id] of Object.entries(cursors) as [CursorKind, number | undefined][])
    if (id != null) items.push({ dedupeKey: null, source: { cursor, id } });
  return items;
}

/** A live task together with the queued comments one run handles with it. */
export type DrainedTask = Task & {
  /** The other tasks this run covers (their keys are recorded on commit). */
  drained: Task[];
  /** The comment cursor to record on commit (covers skipped comments too); null without a drain. */
  drainCursor: number | null;
  /** Every kind's cursor to record on commit (comments, reviews, review comments); empty without a drain. */
  drainCursors?: Partial<Record<CursorKind, number>>;
};

/**
 * Folds a drain into the live task: one prompt over every request in order (the live comment in
 * its place among the queued ones), the later stage, and the items to record on commit.
 */
export function mergeDrained(live: Task, drain: DrainResult | null): DrainedTask {
  if (!drain) return { ...live, drained: [], drainCursor: null, drainCursors: {} };
  if (live.relayed) return mergeRelayed(live, drain);
  const drainCursor = drain.nextState.cursors.issueComment ?? null;
  const drainCursors = { ...drain.nextState.cursors };
  const twin = live.dedupeKey === null ? -1 : drain.tasks.findIndex((t) => t.dedupeKey === live.dedupeKey);
  const others = drain.tasks.filter((_, i) => i !== twin);
  if (others.length === 0) return { ...live, drained: [], drainCursor, drainCursors };
  // The drain lists the live event too (oldest first, kinds interleaved by time): it takes its place.
  const all =
    twin >= 0
      ? drain.tasks.map((t, i) => (i === twin ? live : t))
      : live.source?.kind === "issue_comment"
        ? [...others, live].sort((a, b) => (a.source?.id ?? 0) - (b.source?.id ?? 0))
        : [live, ...others];
  const stage = batchStage(all.map((t) => t.stage));
  // A review stays a (read-only) review only when every request in the batch asked for one.
  const action =
    live.action === "start" ? live.action : all.every((t) => t.action === "review") ? "review" : "continue";
  return {
    ...live,
    action,
    stage,
    prompt: combinePrompts(all),
    reason: `${live.reason}; with ${others.length} queued request(s)`,
    drained: others,
    drainCursor,
    drainCursors,
  };
}

/**
 * A relayed review (route/relay.ts) stands for the PR's queue: the run handles what the drain found
 * there, the oldest request first, under the relay's event; nothing queued is a duplicate (an
 * earlier run of the thread handled the review already).
 */
function mergeRelayed(live: Task, drain: DrainResult): DrainedTask {
  const [first, ...rest] = drain.tasks;
  const drainCursors = { ...drain.nextState.cursors };
  const drainCursor = drainCursors.issueComment ?? null;
  const what = `${live.relayed?.event ?? "review"}${live.relayed?.id != null ? ` ${live.relayed.id}` : ""}`;
  if (!first) {
    return {
      ...live,
      action: "duplicate",
      prompt: "",
      reasonCode: "ALREADY_DRAINED",
      reason: `relayed ${what}: nothing is queued on PR #${live.thread?.number} (an earlier run handled it)`,
      drained: [],
      drainCursor,
      drainCursors,
    };
  }
  const stage = drain.stage ?? batchStage(drain.tasks.map((t) => t.stage));
  const action = drain.tasks.every((t) => t.action === "review") ? "review" : "continue";
  return {
    ...first,
    action,
    stage,
    prompt: combinePrompts(drain.tasks),
    drained: rest,
    event: live.event,
    reason: `relayed ${what}: ${drain.tasks.length} queued request(s) on PR #${live.thread?.number}, oldest first`,
    drainCursor,
    drainCursors,
  };
}
