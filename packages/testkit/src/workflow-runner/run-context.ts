/** What every job of one workflow run shares. */
import type { JsonValue } from "../action-harness/expressions.js";
import type { HarnessEvent } from "../action-harness/types.js";
import type { WorkflowSimulation } from "./simulation.js";

export interface RunContext {
  sim: WorkflowSimulation;
  runId: number;
  event: HarnessEvent;
  /** The github context without the per-job fields (job, token, workspace). */
  github: Record<string, JsonValue>;
  inputs: Record<string, JsonValue>;
  secrets: Record<string, string>;
  workflowEnv: Record<string, string>;
  defaults: Record<string, unknown> | undefined;
  artifactsDir: string;
  cancelRequested(): boolean;
  /** Aborted when the run is cancelled: a running step gets GitHub's SIGINT, SIGTERM, kill sequence. */
  cancelSignal: AbortSignal;
}
