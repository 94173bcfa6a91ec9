export { parseKeyValueFile, parseWorkflowCommand, type WorkflowCommand } from "./commands.js";
export { HarnessError, type HarnessErrorCode, HarnessErrorCodes } from "./errors.js";
export { hashFiles } from "./expressions.js";
export {
  ActionHarness,
  createActionHarness,
  findRepoRoot,
  type HarnessPaths,
  runAction,
  STEP_SUMMARY_LIMIT_BYTES,
} from "./harness.js";
export { CHECK_NODE_COMMAND, inputEnvName, type LintProblem, lintAction, lintLoaded } from "./lint.js";
export {
  type ActionInputDef,
  type ActionOutputDef,
  type LoadedAction,
  loadAction,
  type ParseOutcome,
  parseActionFile,
  type RunStepDef,
  resolveActionFile,
  type StepDef,
  type UsesStepDef,
} from "./load.js";
export {
  type ArtifactRecord,
  ArtifactStore,
  type CacheEntry,
  CacheStore,
  STAND_INS,
  type StandIn,
  standInFor,
} from "./stand-ins.js";
export type * from "./types.js";
export {
  checkWorkflowFile,
  findProjectActionUses,
  findWorkflowFiles,
  isWorkflowFile,
  projectActionName,
  type WorkflowProblem,
  type WorkflowUse,
} from "./workflow-uses.js";
