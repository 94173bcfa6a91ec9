export { ConcurrencyGroups, type GroupHolder } from "./concurrency.js";
export { WorkflowError, type WorkflowErrorCode, WorkflowErrorCodes } from "./errors.js";
export { JOB_ACTIONS, type JobAction, type JobActionContext, jobActionFor } from "./official-actions.js";
export {
  type Access,
  type DefaultPermissions,
  defaultPermissions,
  intersectPermissions,
  jobPermissions,
  parsePermissionsBlock,
  type TokenPermissions,
  toTokenGrant,
  WORKFLOW_SCOPES,
} from "./permissions.js";
export {
  type AddSimRepoOptions,
  createWorkflowSimulation,
  type OpenPullRequestOptions,
  type RunHandle,
  type StartRunOptions,
  WorkflowSimulation,
  type WorkflowSimulationOptions,
} from "./simulation.js";
export type * from "./types.js";
export { matchesEvent, parseWorkflow, triggers } from "./workflow-file.js";
