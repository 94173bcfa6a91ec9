/** Ready to merge: what the review context says about handing a pull request off. */
import { sameAuthor } from "@codexrel/github";
import type { CheckInfo, ReviewContext } from "./gather.js";
import { withoutIgnoredChecks } from "./ignore-checks.js";

export interface ReadinessOptions {
  /** Check names (exact, or `*` globs) to leave out, e.g. the running job's own check. */
  ignoreChecks?: string[];
  /** Zero checks on the head is not ready (default true: nothing proved the change works). */
  requireChecks?: boolean;
  /**
   * Only a PR this worker opened is handed off: its author must be this login (exactly, see
   * @codexrel/github's `sameAuthor`) and its head branch must start with `branchPrefix`.
   */
  openedBy?: { login: string; branchPrefix?: string };
}

export interface Readiness {
  ready: boolean;
  failing: CheckInfo[];
  pending: CheckInfo[];
  passing: number;
  unresolvedThreads: number;
  reasons: string[];
}

/** Ready to merge: every considered check passed (or was neutral/skipped) and no thread is unresolved. */
export function evaluateReadiness(context: ReviewContext, options: ReadinessOptions = {}): Readiness {
  const checks = withoutIgnoredChecks(context.checks, options.ignoreChecks);
  const failing = checks.filter((c) => c.state === "failure");
  const pending = checks.filter((c) => c.state === "pending");
  const passing = checks.filter((c) => c.state === "success" || c.state === "neutral" || c.state === "skipped").length;
  const reasons: string[] = [];
  if (failing.length > 0) reasons.push(`${failing.length} check(s) failing: ${names(failing)}`);
  if (pending.length > 0) reasons.push(`${pending.length} check(s) still running: ${names(pending)}`);
  if (context.unresolvedThreads.length > 0) {
    reasons.push(`${context.unresolvedThreads.length} review thread(s) unresolved`);
  }
  if (checks.length === 0 && options.requireChecks !== false) reasons.push("no checks reported on the head commit");
  if (!context.complete) reasons.push("not every thread or check could be read (page limit)");
  if (context.pr.state !== "OPEN") reasons.push(`the pull request is ${context.pr.state.toLowerCase()}`);
  if (options.openedBy) {
    const own = sameAuthor(context.pr.author, context.pr.authorType, options.openedBy.login);
    const prefix = options.openedBy.branchPrefix;
    if (!own || (prefix && !context.pr.headRef.startsWith(prefix))) {
      reasons.push(`the pull request was not opened by this worker (@${options.openedBy.login}) for a thread`);
    }
  }
  return {
    ready: reasons.length === 0,
    failing,
    pending,
    passing,
    unresolvedThreads: context.unresolvedThreads.length,
    reasons,
  };
}

function names(list: CheckInfo[]): string {
  const shown = list.slice(0, 5).map((c) => c.name);
  return `${shown.join(", ")}${list.length > shown.length ? `, and ${list.length - shown.length} more` : ""}`;
}
