/* Generated from schemas/run-report.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * owner/name
 *
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Repository".
 */
export type Repository = string;
/**
 * Outcome of one check or command. A fallback that rescued a failure is warn, never pass.
 *
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Status".
 */
export type Status = "pass" | "fail" | "warn" | "skip";
/**
 * A stable, machine-readable code in SCREAMING_SNAKE_CASE.
 *
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Code".
 */
export type Code = string;
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "RegressionClass".
 */
export type RegressionClass =
  "new" | "known" | "flaky" | "fixed" | "added" | "removed" | "skipped" | "passed" | "unknown-baseline";

/**
 * The one report every codexrel stage reads and writes. Renderers read only this.
 */
export interface RunReport {
  schemaVersion: "1";
  meta: Meta;
  preflight: PreflightCheck[];
  commands: CommandResult[];
  /**
   * Null when no test reports were classified in this run.
   */
  regressions: Regressions | null;
  artifacts: Artifact[];
  publication: Publication;
  decision: Decision;
  /**
   * The fix-iteration ledger up to this run (stage 3); absent or null outside a fix loop.
   */
  iterations?: IterationHistory | null;
  /**
   * The release intake (stage 0) this run took its policy from; absent or null without one.
   */
  intake?: IntakePolicy | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Meta".
 */
export interface Meta {
  tool: {
    name: string;
    version: string;
  };
  title?: string;
  repository?: Repository | null;
  ref?: string | null;
  sha?: string | null;
  thread?: Thread | null;
  runUrl?: string | null;
  /**
   * What started the run: the GitHub event name (push, pull_request, ...) or "local".
   */
  event?: string | null;
  /**
   * Who started the run (a GitHub login, or the local user).
   */
  actor?: string | null;
  stage: "planning" | "implementation" | "review" | "validation" | "release";
  iteration?: Iteration | null;
  startedAt: string;
  finishedAt?: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Thread".
 */
export interface Thread {
  repository: Repository;
  kind: "issue" | "pr";
  number: number;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Iteration".
 */
export interface Iteration {
  n: number;
  max: number;
  /**
   * Why the fix loop stopped, when it did.
   */
  stopReason?: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "PreflightCheck".
 */
export interface PreflightCheck {
  id: string;
  status: Status;
  code: Code;
  reason: string;
  hint?: string;
  /**
   * Whether a fail here blocks publication or the run.
   */
  blocking?: boolean;
  /**
   * True when a pass here is evidence that the change works (e.g. CUJ journeys that passed at this commit), not only that publication can happen.
   */
  evidence?: boolean;
  details?: {};
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "CommandResult".
 */
export interface CommandResult {
  name: string;
  /**
   * The exact command line that ran.
   */
  command: string;
  status: Status;
  blocking: boolean;
  /**
   * Null when killed by a signal or never started.
   */
  exitCode: number | null;
  signal?: string | null;
  timedOut?: boolean;
  /**
   * True when processes the check started were still running after it ended (they were killed with its process group): a warning.
   */
  leftoverProcesses?: boolean;
  durationMs: number;
  /**
   * Why the status is what it is, in one line.
   */
  reason?: string;
  code?: Code;
  fallback?: FallbackResult | null;
  /**
   * Last lines of combined output, redacted.
   */
  outputTail: string[];
  /**
   * First lines that look like a failure, redacted.
   */
  firstFailingLines: string[];
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "FallbackResult".
 */
export interface FallbackResult {
  command: string;
  status: "pass" | "fail";
  exitCode: number | null;
  durationMs: number;
  outputTail?: string[];
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Regressions".
 */
export interface Regressions {
  baseline: {
    available: boolean;
    /**
     * True when the run chose to have no baseline (`baseline: none`, `--no-base`): failures are then judged without one on purpose.
     */
    declaredNone?: boolean;
    source?: string | null;
    note?: string;
  };
  policy: {
    blocking: RegressionClass[];
  };
  counts: RegressionCounts;
  /**
   * Every non-passing test exactly once, under its one class; passing tests too when passedListed is true (otherwise they are only counted).
   */
  tests: ClassifiedTest[];
  /**
   * Whether the tests of class passed are listed in tests (codexrel classify --include-passed); when false or absent they are only counted in counts.passed.
   */
  passedListed?: boolean;
  warnings?: string[];
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "RegressionCounts".
 */
export interface RegressionCounts {
  new: number;
  known: number;
  flaky: number;
  fixed: number;
  added: number;
  removed: number;
  skipped: number;
  passed: number;
  "unknown-baseline": number;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "ClassifiedTest".
 */
export interface ClassifiedTest {
  /**
   * Stable test identity.
   */
  id: string;
  name: string;
  classname?: string | null;
  suite?: string | null;
  file?: string | null;
  line?: number | null;
  class: RegressionClass;
  blocking?: boolean;
  /**
   * Why this class: e.g. passed on retry in-report.
   */
  evidence?: string;
  message?: string | null;
  firstLines?: string[];
  attempts?: Attempt[];
  knownReason?: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Attempt".
 */
export interface Attempt {
  status: "passed" | "failed" | "error" | "skipped";
  durationMs?: number | null;
  /**
   * Which report or run the attempt came from.
   */
  source?: string;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Artifact".
 */
export interface Artifact {
  name: string;
  kind: "report" | "summary" | "screenshot" | "video" | "log" | "bundle" | "index" | "other";
  /**
   * An https URL, or for the local destination a path relative to the output folder. Any other scheme (javascript:, data:, http:), whitespace or control characters anywhere (a leading space hides a scheme from naive checks), absolute local paths, file:// and home-relative paths are refused: they are not links a reader can safely open.
   */
  url: string;
  durable: boolean;
  destination: "local" | "artifact" | "branch" | "comment" | "external";
  note?: string;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Publication".
 */
export interface Publication {
  status: "published" | "blocked" | "dry-run" | "skipped";
  code?: Code;
  reason?: string;
  rerunHint?: string;
  url?: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "Decision".
 */
export interface Decision {
  ready: boolean;
  blockingReasons: BlockingReason[];
  warnings?: string[];
  nextAction: string;
  risks?: string[];
  changelog?: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "BlockingReason".
 */
export interface BlockingReason {
  /**
   * input: a configured input is missing (exit 2); evidence: nothing blocking ran or the baseline choice was not made.
   */
  source:
    "preflight" | "command" | "regression" | "publication" | "iteration" | "input" | "evidence" | "other";
  code: Code;
  message: string;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "IterationHistory".
 */
export interface IterationHistory {
  budget: {
    max: number;
    /**
     * Where the budget came from; maintainer when raised with `codexrel iterations raise`.
     */
    source: "maintainer" | "flag" | "intake" | "config";
    raisedBy?: string;
  };
  /**
   * Set when a maintainer stopped the loop (`@codex stop`).
   */
  stopped?: {
    by: string;
    at: string;
    reason?: string;
  } | null;
  entries: IterationEntry[];
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "IterationEntry".
 */
export interface IterationEntry {
  n: number;
  commit: string | null;
  at: string;
  checks: {
    pass: number;
    fail: number;
    warn: number;
    skip: number;
  };
  /**
   * Null when no test reports were classified.
   */
  tests: {
    total: number;
    passed: number;
    failing: number;
  } | null;
  /**
   * Tests that failed in the previous iteration and pass in this one.
   */
  fixedInLoop: string[];
  /**
   * Tests that failed on the base and pass in this iteration (the classifier's fixed).
   */
  fixedAgainstBase: string[];
  /**
   * Tests that fail in this iteration and did not in the previous one.
   */
  newlyFailing: string[];
  /**
   * git diff --shortstat from the previous iteration's commit to this iteration's tree; null for the first.
   */
  diffStat: {
    files: number;
    insertions: number;
    deletions: number;
  } | null;
  hypothesis?: string | null;
  residualRisk?: string | null;
  ready: boolean;
  stopReason: string | null;
}
/**
 * This interface was referenced by `RunReport`'s JSON-Schema
 * via the `definition` "IntakePolicy".
 */
export interface IntakePolicy {
  targetVersion: string;
  target?: string;
  requiredCujs: string[];
  fixBudget: number;
}
