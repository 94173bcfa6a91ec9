/**
 * The coded errors of one JUnit report, each placed at the scanner's line and column when it is
 * made: a refused DOCTYPE, a passed cap, and the scanner's well-formedness errors translated.
 */
import { CodexrelError } from "@codexrel/core";
import { RegressionErrorCodes } from "../errors.js";
import { ScanError, type XmlScanner } from "../xml-scanner.js";
import { NotJunitSignal } from "./options.js";

export class PlacedErrors {
  constructor(
    private readonly file: string,
    private readonly scanner: XmlScanner,
  ) {}

  doctypeRefused(): CodexrelError {
    return this.coded(
      RegressionErrorCodes.JUNIT_DOCTYPE_REFUSED,
      "has a <!DOCTYPE> declaration, which is refused",
      "Test reports never need a DTD; a DOCTYPE can smuggle external entities (XXE). Remove it from the reporter's output.",
    );
  }

  limit(what: string): CodexrelError {
    return this.coded(
      RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
      what,
      "Raise the parser limit (limits option) if this report is trustworthy, or trim the reporter's captured output.",
    );
  }

  /** A `ScanError` as JUNIT_MALFORMED or REPORT_LIMIT_EXCEEDED; anything else as it is. */
  translate(error: unknown): unknown {
    if (error instanceof CodexrelError || error instanceof NotJunitSignal) return error;
    if (!(error instanceof ScanError)) return error;
    if (error.limit) return this.limit(error.message);
    const message = error.message;
    return this.coded(
      RegressionErrorCodes.JUNIT_MALFORMED,
      `is not well-formed XML: ${message}`,
      "The report is truncated or corrupt: re-run the tests, or check that the reporter finished writing before this step.",
      error,
    );
  }

  private coded(code: string, what: string, hint: string, cause?: unknown): CodexrelError {
    const line = this.scanner.line;
    const column = this.scanner.column;
    return new CodexrelError(code, `${this.file}:${line}:${column}: ${what}`, {
      hint,
      ...(cause === undefined ? {} : { cause }),
      details: { file: this.file, line, column },
    });
  }
}
