export { type CliContext, ExitCode, type Output } from "./context.js";
export {
  KNOWN_OUTPUT_NAMES,
  type OutputFileHandle,
  type OutputFs,
  OutputSet,
  realOutputFs,
  recoverOutputSet,
  writeChecked,
  writeOutputSet,
} from "./output/output-set.js";
export { formatDecision, formatStatusTable } from "./output/status-table.js";
export { REPORT_FILES, type RunPipelineOptions, type RunPipelineResult, runPipeline } from "./pipeline/run-pipeline.js";
export { buildProgram, runCli } from "./program.js";
export { CLI_VERSION } from "./version.js";
