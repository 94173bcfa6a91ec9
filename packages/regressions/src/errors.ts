/**
 * Error and warning codes raised by @codexrel/regressions. Errors are `CodexrelError`s from core;
 * skip codes appear in warnings (a file that is not a test report is skipped, never fatal).
 */
export const RegressionErrorCodes = {
  /** XML that is not well-formed: truncated, unclosed, a NUL or other disallowed character, bad entity. */
  JUNIT_MALFORMED: "JUNIT_MALFORMED",
  /** Any `<!DOCTYPE`: DTDs (and so external entities) are never processed. */
  JUNIT_DOCTYPE_REFUSED: "JUNIT_DOCTYPE_REFUSED",
  /** Nesting depth, attribute count/size or text size above the configured caps. */
  REPORT_LIMIT_EXCEEDED: "REPORT_LIMIT_EXCEEDED",
  /** A `.json` report that is not valid JSON, or a CTRF document with the wrong shape. */
  CTRF_MALFORMED: "CTRF_MALFORMED",
  /** A file that could not be read. */
  REPORT_READ_FAILED: "REPORT_READ_FAILED",
  /** A configured base, candidate, attempt or history path matches no file (exit 2, never a warning). */
  REGRESSIONS_INPUT_MISSING: "REGRESSIONS_INPUT_MISSING",
  /** No candidate report was found among the inputs. */
  REGRESSIONS_NO_CANDIDATE: "REGRESSIONS_NO_CANDIDATE",
  /** The known-failing (quarantine) file is unreadable or invalid. */
  KNOWN_FAILING_INVALID: "KNOWN_FAILING_INVALID",
} as const;

/** Codes of files that were skipped (reported as warnings, not errors). */
export const SkipCodes = {
  REPORT_EMPTY: "REPORT_EMPTY",
  REPORT_UNRECOGNIZED: "REPORT_UNRECOGNIZED",
  REPORT_OTHER_FORMAT: "REPORT_OTHER_FORMAT",
} as const;

export type RegressionErrorCode = (typeof RegressionErrorCodes)[keyof typeof RegressionErrorCodes];
export type SkipCode = (typeof SkipCodes)[keyof typeof SkipCodes];
