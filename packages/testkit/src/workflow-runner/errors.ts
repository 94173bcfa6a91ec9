import { CodexrelError } from "@codexrel/core";

/** Stable codes of the workflow runner: each one is a reason a simulated run cannot go on. */
export const WorkflowErrorCodes = {
  /** The workflow file is missing, not YAML, or not a workflow. */
  WORKFLOW_INVALID: "WORKFLOW_INVALID",
  /** The workflow uses a feature the runner does not model (matrix, services, containers...). */
  WORKFLOW_UNSUPPORTED: "WORKFLOW_UNSUPPORTED",
  /** A `uses:` names a repository the simulation has neither created nor registered. */
  WORKFLOW_REPO_UNKNOWN: "WORKFLOW_REPO_UNKNOWN",
  /** A git operation of the simulation itself failed (not a job's git command). */
  WORKFLOW_GIT_FAILED: "WORKFLOW_GIT_FAILED",
} as const;

export type WorkflowErrorCode = (typeof WorkflowErrorCodes)[keyof typeof WorkflowErrorCodes];

export class WorkflowError extends CodexrelError {
  constructor(code: WorkflowErrorCode, message: string, hint: string) {
    super(code, message, { hint });
  }
}
