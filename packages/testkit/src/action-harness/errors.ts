import { CodexrelError } from "@codexrel/core";
import type { ActionRunResult } from "./types.js";

/** Stable codes of the action harness: each one is a reason a test of an action must fail. */
export const HarnessErrorCodes = {
  /** action.yml is missing, is not valid YAML, or GitHub's parser refuses it. */
  ACTION_INVALID: "ACTION_INVALID",
  /** The harness runs composite actions only. */
  ACTION_NOT_COMPOSITE: "ACTION_NOT_COMPOSITE",
  /** A `run:` script holds `${{ }}` (the project's rule: inputs reach scripts through `env:` only). */
  ACTION_RUN_EXPRESSION: "ACTION_RUN_EXPRESSION",
  /** A `uses:` step names an action the harness has no stand-in for. */
  ACTION_USES_UNSUPPORTED: "ACTION_USES_UNSUPPORTED",
  /** The test passed an input the action does not declare (or a `uses:` step passed one its action does not declare). */
  ACTION_INPUT_UNDECLARED: "ACTION_INPUT_UNDECLARED",
  /** The test left out an input the action declares as required and gives no default. */
  ACTION_INPUT_REQUIRED: "ACTION_INPUT_REQUIRED",
  /** The action succeeded but a declared output was never written by the step it reads. */
  ACTION_OUTPUT_NOT_WRITTEN: "ACTION_OUTPUT_NOT_WRITTEN",
} as const;

export type HarnessErrorCode = (typeof HarnessErrorCodes)[keyof typeof HarnessErrorCodes];

/** A CodexrelError that may carry the run result (for the checks made after the action ran). */
export class HarnessError extends CodexrelError {
  readonly result: ActionRunResult | undefined;
  constructor(code: HarnessErrorCode, message: string, hint: string, result?: ActionRunResult) {
    super(code, message, { hint });
    this.result = result;
  }
}
