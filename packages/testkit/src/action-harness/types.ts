/** Public types of the action harness. */

export type AnnotationLevel = "error" | "warning" | "notice";

/** One annotation, as GitHub would show it on the run. */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  /** `command`: printed by the action (`::error ...::`); `runner`: raised by the runner or a stand-in. */
  origin: "command" | "runner";
  /** Display name of the step that raised it. */
  step: string;
}

export type StepOutcome = "success" | "failure" | "skipped";

export interface StepResult {
  /** The step's `id:` (empty when it has none). */
  id: string;
  name: string;
  kind: "run" | "uses";
  /** `uses:` value for uses steps. */
  uses?: string;
  outcome: StepOutcome;
  /** Outcome after `continue-on-error`. */
  conclusion: StepOutcome;
  /** Exit code of the script (run steps that started), else undefined. */
  exitCode?: number;
  outputs: Record<string, string>;
  /** What the step wrote to $GITHUB_STEP_SUMMARY. */
  summary: string;
  /** stdout and stderr lines, masked (`::add-mask::` and the token). */
  log: string[];
}

export interface ActionRunResult {
  /** The action's declared outputs, evaluated from `outputs.<id>.value` after the steps ran. */
  outputs: Record<string, string>;
  /** All step summaries concatenated, in step order. */
  summary: string;
  annotations: Annotation[];
  /** `success` unless a step failed without `continue-on-error`. */
  conclusion: "success" | "failure";
  /** 0 on success; else the exit code of the step that failed the action (1 when it did not exit). */
  exitCode: number;
  steps: StepResult[];
  /** Every log line of every step, masked. */
  log: string[];
  /** Variables the action exported through $GITHUB_ENV (they stay set for later runs in the same harness). */
  exportedEnv: Record<string, string>;
  /** Directories the action prepended through $GITHUB_PATH. */
  addedPath: string[];
  /** Values saved through $GITHUB_STATE. */
  state: Record<string, string>;
  /** Declared outputs whose value reads a step output nobody wrote. */
  unwrittenOutputs: string[];
  /** Declared inputs as the action saw them (test values, then evaluated defaults). */
  inputs: Record<string, string>;
}

/** The `github` context, with the names GitHub uses. Anything given here overrides the defaults. */
export interface GitHubContextOverrides {
  repository?: string;
  repository_owner?: string;
  ref?: string;
  ref_name?: string;
  ref_type?: string;
  sha?: string;
  head_ref?: string;
  base_ref?: string;
  actor?: string;
  triggering_actor?: string;
  run_id?: string;
  run_number?: string;
  run_attempt?: string;
  workflow?: string;
  workflow_ref?: string;
  job?: string;
  server_url?: string;
  api_url?: string;
  graphql_url?: string;
  token?: string;
  [key: string]: unknown;
}

export interface HarnessEvent {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`. */
  name: string;
  /** The webhook payload written to `GITHUB_EVENT_PATH` (and exposed as `github.event`). */
  payload: Record<string, unknown>;
}

export interface ActionHarnessOptions {
  /** Repository root holding `actions/`; default: found from this file. */
  repoRoot?: string;
  /** `GITHUB_WORKSPACE`; default: an empty folder in the harness temp root. */
  workspace?: string;
  /** `HOME` of the spawned scripts; default: an empty folder in the harness temp root (never the real home). */
  home?: string;
  /** Folder of the actions/cache stand-in; pass the same folder to a second harness to model a later workflow run. */
  cacheDir?: string;
  /**
   * Folders a restore also searches, in order, after `cacheDir` (never saved to): the caches of
   * the scopes GitHub lets a run read besides its own ref (the base branch, the default branch).
   */
  cacheFallbackDirs?: string[];
  /** Folder of the actions/upload-artifact stand-in. */
  artifactsDir?: string;
  event?: HarnessEvent;
  github?: GitHubContextOverrides;
  /** Job-level env (what the workflow sets around the action). */
  env?: Record<string, string>;
  /** Names of variables of the test process passed to scripts (PATH is always passed). */
  inheritEnv?: string[];
  /** Sets RUNNER_DEBUG=1 and `runner.debug`. */
  debug?: boolean;
  /** Kill a step after this long (a safety net, not an assertion). Default 120000 ms. */
  stepTimeoutMs?: number;
  /** The run's cancel: a running step gets SIGINT, then SIGTERM after 7500 ms, then its tree is killed. */
  cancelSignal?: AbortSignal;
}

export interface RunActionOptions {
  /** Values the workflow passes in `with:` (strings, as GitHub passes them). */
  inputs?: Record<string, string | number | boolean>;
  /** `env:` of the calling workflow step. */
  env?: Record<string, string>;
  /** Declared outputs allowed to stay unwritten on success. */
  optionalOutputs?: string[];
  /** Allow leaving out required inputs (to test how the action reports them). */
  allowMissingRequired?: boolean;
}
