/** Public types of the workflow runner. */
import type { Annotation, StepOutcome } from "../action-harness/types.js";
import type { TokenPermissions } from "./permissions.js";

export type JobConclusion = "success" | "failure" | "cancelled" | "skipped";

export interface WorkflowStepResult {
  id: string;
  name: string;
  kind: "run" | "uses";
  uses?: string;
  outcome: StepOutcome | "cancelled";
  conclusion: StepOutcome | "cancelled";
  outputs: Record<string, string>;
  summary: string;
  log: string[];
  exitCode?: number;
  /**
   * The names of the secrets (GITHUB_TOKEN included) whose values reached this step: its
   * environment, its `with:` inputs or its script. What a fork-PR test asserts stayed unused;
   * empty for a skipped step.
   */
  secrets: string[];
}

export interface JobResult {
  /** `jobId`, or `callerJob / calledJob` for a job of a called workflow. */
  id: string;
  name: string;
  result: JobConclusion;
  outputs: Record<string, string>;
  steps: WorkflowStepResult[];
  annotations: Annotation[];
  summary: string;
  /** The GITHUB_TOKEN's permissions (table spelling), undefined for skipped jobs. */
  permissions?: TokenPermissions;
  /** Why the job was skipped or failed before its steps. */
  reason?: string;
  /** The job's workspace (kept until the simulation is disposed). */
  workspace?: string;
}

export interface WorkflowEvent {
  /** `GITHUB_EVENT_NAME`, e.g. `issue_comment`. */
  name: string;
  payload: Record<string, unknown>;
}

export interface WorkflowRunResult {
  runId: number;
  workflow: string;
  /** False when `on:` does not match the event (no run is created on GitHub). */
  triggered: boolean;
  /** `success`, `failure`, `cancelled`; `skipped` when not triggered. */
  conclusion: JobConclusion;
  jobs: Record<string, JobResult>;
  /** The evaluated concurrency group, when the workflow has one. */
  concurrencyGroup?: string;
  reason?: string;
}
