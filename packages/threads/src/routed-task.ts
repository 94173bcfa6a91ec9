/**
 * What a task routed to work still needs from GitHub before an agent runs it (the route-event
 * action's second half): a PR thread's head branch, with fork PRs refused; the queued comments of
 * the thread drained into it; and, for a review or a follow-up on a PR, the review context (unresolved
 * threads, failing checks) appended to the prompt. Each
 * read is optional and switched by the caller; a missing token is a warning, never a silent skip.
 * A read that fails throws (a 403 names the permission to add): the caller still holds the task as
 * routed and reports it.
 */
import { type RoutingConfigInput, resolveRoutingConfig } from "./config.js";
import { type DrainedTask, mergeDrained } from "./drain.js";
import type { ThreadsGitHub } from "./github.js";
import { renderReviewContext } from "./review-context.js";
import type { Task } from "./route.js";
import { emptyThreadState, type ThreadStateStore } from "./state.js";
import { sessionFallbackThread, threadKey } from "./text.js";

export interface CompleteRoutedTaskOptions {
  /** The task as routeEvent returned it. */
  live: Task;
  /** null without a token: the reads that need it are skipped with a warning. */
  github: Pick<ThreadsGitHub, "pullRequestHead" | "drain" | "reviewContext"> | null;
  store?: ThreadStateStore | undefined;
  config: RoutingConfigInput;
  /** Look up a PR thread's head branch and refuse a fork (default true). */
  prHead?: boolean;
  /** Fold the thread's queued comments into the task (needs `store`). */
  drain?: boolean;
  /** Append the PR's review context to the prompt of a review or a follow-up on a PR (default true). */
  reviewContext?: boolean;
  warn: (message: string) => void;
}

export interface CompletedTask {
  task: DrainedTask;
  /** The PR's head branch ("" when not looked up). */
  headRef: string;
  /** The PR comes from a fork: the task was turned into `ignore` (reason code FORK). */
  refused: boolean;
  /**
   * The thread key whose saved session this PR thread starts from when it has none of its own: the
   * issue the PR's head branch was made for (`sessionFallbackThread`); "" otherwise.
   */
  sessionFallback: string;
}

const WORKING = new Set(["start", "continue", "review"]);

export async function completeRoutedTask(options: CompleteRoutedTaskOptions): Promise<CompletedTask> {
  const { live, github, store } = options;
  let task = mergeDrained(live, null);
  const active = WORKING.has(live.action);
  // A PR thread works on the PR's head branch: look it up (an issue_comment payload does not say),
  // and refuse forks: their branch cannot be pushed to and their code must not get our secrets.
  let headRef = "";
  let refused = false;
  if (active && live.thread?.kind === "pr" && github && options.prHead !== false) {
    const head = await github.pullRequestHead(live.thread);
    if (head.fork) {
      refused = true;
      task = {
        ...task,
        action: "ignore",
        reasonCode: "FORK",
        reason: `PR #${live.thread.number} comes from a fork (${head.repository ?? "deleted repository"}); refused`,
        prompt: "",
      };
    } else headRef = head.ref;
  }
  const fallback =
    live.thread && headRef
      ? sessionFallbackThread(live.thread, headRef, resolveRoutingConfig(options.config).branchPrefix)
      : null;
  if (!refused && active && options.drain === true && store && live.thread && live.threadKey) {
    if (!github) options.warn("drain: no github-token, so queued comments were not read (only this event is handled)");
    else {
      const state = (await store.load(live.threadKey)) ?? emptyThreadState(live.threadKey);
      const drain = await github.drain({ thread: live.thread, state, config: options.config });
      if (!drain.complete) options.warn("drain: the page limit stopped before the oldest unhandled comment");
      task = mergeDrained(live, drain);
    }
  }
  // A review reads it, and so does a follow-up on the PR ("fix the failing check"): the agent
  // sees what is failing and what reviewers asked without being told again.
  const wantsContext = task.action === "review" || task.action === "continue";
  if (wantsContext && task.thread?.kind === "pr" && options.reviewContext !== false) {
    if (!github) options.warn("review-context: no github-token, so the prompt has no review context");
    else {
      const context = await github.reviewContext(task.thread);
      task = { ...task, prompt: `${task.prompt}\n${renderReviewContext(context)}` };
    }
  }
  return { task, headRef, refused, sessionFallback: fallback ? threadKey(fallback) : "" };
}
