/**
 * Queue drain. GitHub keeps at most one pending run per concurrency group and cancels the others,
 * so a comment's own run may never start. Whichever run gets the thread handles every authorized
 * comment newer than the thread's cursor, oldest first, and then moves the cursor past them.
 */
import type { Thread } from "@codexrel/core";
import type { RoutingConfigInput } from "./config.js";
import { type PermissionPort, routeEvent, type Task, type TaskAction } from "./route.js";
import { batchStage, laterStage, markProcessed, type TaskStage, type ThreadState } from "./state.js";

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
  state: ThreadState;
  config?: RoutingConfigInput;
  permissions?: PermissionPort;
  /** The thread's state as GitHub reports it (`OPEN`, `CLOSED`, `MERGED`); closed threads drain nothing. */
  threadState?: string;
}

export interface DrainSkip {
  id: number;
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

/** Every comment newer than the cursor, routed by the same rules as a live `issue_comment` event. */
export async function drainQueue(options: DrainOptions, now: Date = new Date()): Promise<DrainResult> {
  const cursor = options.state.cursors.issueComment ?? 0;
  const pending = options.comments.filter((c) => c.id > cursor).sort((a, b) => a.id - b.id);
  const tasks: Task[] = [];
  const skipped: DrainSkip[] = [];
  const [owner, name] = options.thread.repository.split("/");
  for (const c of pending) {
    const payload = {
      action: "created",
      repository: { full_name: options.thread.repository, name, owner: { login: owner } },
      issue: {
        number: options.thread.number,
        title: options.title ?? "",
        state: options.threadState && options.threadState.toUpperCase() !== "OPEN" ? "closed" : "open",
        ...(options.thread.kind === "pr" ? { pull_request: {} } : {}),
      },
      comment: {
        id: c.id,
        body: c.body,
        user: c.user,
        author_association: c.authorAssociation,
        html_url: c.url ?? null,
      },
      sender: c.user,
    };
    const task = await routeEvent({
      eventName: "issue_comment",
      payload,
      ...(options.config ? { config: options.config } : {}),
      ...(options.permissions ? { permissions: options.permissions } : {}),
    });
    if (task.action === "ignore") skipped.push({ id: c.id, reasonCode: task.reasonCode, reason: task.reason });
    else if (task.dedupeKey && options.state.seen.includes(task.dedupeKey)) {
      skipped.push({ id: c.id, reasonCode: "DUPLICATE", reason: `already processed (${task.dedupeKey})` });
    } else tasks.push(task);
  }
  // Skipped comments move the cursor too: they were looked at and need no run.
  const processed = [
    ...tasks.map((t) => ({ dedupeKey: t.dedupeKey, source: cursorOf(t), stage: t.stage })),
    ...skipped.map((s) => ({ dedupeKey: null, source: { cursor: "issueComment" as const, id: s.id } })),
  ];
  const nextState = markProcessed(options.state, processed, now);
  const stage = laterStage(options.state.stage, batchStage(tasks.map((t) => t.stage)));
  const action = tasks.length === 0 ? "ignore" : tasks.every((t) => t.action === "review") ? "review" : "continue";
  return { tasks, skipped, prompt: combinePrompts(tasks), action, stage: tasks.length ? stage : null, nextState };
}

function cursorOf(task: Task): { cursor: "issueComment"; id: number } | null {
  return task.source?.cursor === "issueComment" && task.source.id !== null
    ? { cursor: "issueComment", id: task.source.id }
    : null;
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

/** A live task together with the queued comments one run handles with it. */
export type DrainedTask = Task & {
  /** The other tasks this run covers (their keys are recorded on commit). */
  drained: Task[];
  /** The comment cursor to record on commit (covers skipped comments too); null without a drain. */
  drainCursor: number | null;
};

/**
 * Folds a drain into the live task: one prompt over every request in order (the live comment in
 * its place among the queued ones), the later stage, and the items to record on commit.
 */
export function mergeDrained(live: Task, drain: DrainResult | null): DrainedTask {
  if (!drain) return { ...live, drained: [], drainCursor: null };
  const drainCursor = drain.nextState.cursors.issueComment ?? null;
  const others = drain.tasks.filter((t) => t.dedupeKey === null || t.dedupeKey !== live.dedupeKey);
  if (others.length === 0) return { ...live, drained: [], drainCursor };
  const all =
    live.source?.kind === "issue_comment"
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
    reason: `${live.reason}; with ${others.length} queued comment(s)`,
    drained: others,
    drainCursor,
  };
}
