export { DEFAULT_FAILING_LINES, DEFAULT_TAIL_LINES, FAILURE_LINE, OutputCapture } from "./output-capture.js";
export { type CheckEvent, DEFAULT_CHECK_TIMEOUT_MS, type RunChecksOptions, runChecks } from "./run-checks.js";
export { type CommandOutcome, type RunCommandOptions, runCommand } from "./run-command.js";
