/**
 * One report file in, one outcome out: a parsed report (JUnit XML or CTRF JSON, told apart by
 * content, not by file name), a skip (not a test report, with the reason), or a coded error.
 */
import { CodexrelError } from "@codexrel/core";
import { parseCtrf } from "./ctrf.js";
import { type Dialect, detectDialect } from "./dialect.js";
import { RegressionErrorCodes, SkipCodes } from "./errors.js";
import { createIdentity, type IdentityFn } from "./identity.js";
import { type JunitOptions, JunitStreamParser, NotJunitSignal } from "./junit.js";
import type { ParsedReport, SkippedFile } from "./model.js";
import { DecodeError, decode, fileSource, type ReportSource } from "./source.js";

export interface ParseOptions extends JunitOptions {
  /** Largest JSON report read (JSON is parsed whole). Default 256 MiB of text. */
  maxJsonChars?: number;
  /** Told the report's dialect before its first testcase reaches `onCase`. */
  onDialect?: (dialect: Dialect) => void;
}

export type ParseOutcome = { kind: "report"; report: ParsedReport } | { kind: "skipped"; skipped: SkippedFile };

export async function parseReportFile(
  path: string,
  options: ParseOptions = {},
  name: string = path,
): Promise<ParseOutcome> {
  return parseReport(fileSource(path, name), options);
}

export async function parseReport(source: ReportSource, options: ParseOptions = {}): Promise<ParseOutcome> {
  const file = source.name;
  const warnings: string[] = [];
  const identity: IdentityFn =
    typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
  const opts = { ...options, identity };
  let kind: "xml" | "json" | "other" | undefined;
  let junit: JunitStreamParser | undefined;
  let dialect: Dialect = "junit";
  let json = "";
  const maxJson = options.maxJsonChars ?? 256 * 1024 * 1024;
  let firstText = "";
  try {
    for await (const text of decode(readChunks(source), (w) => warnings.push(`${file}: ${w}`))) {
      if (kind === undefined) {
        firstText += text;
        const trimmed = firstText.replace(/^[\s\uFEFF]+/, "");
        if (trimmed.length === 0) continue;
        const c = trimmed[0];
        kind = c === "<" ? "xml" : c === "{" || c === "[" ? "json" : "other";
        if (kind === "xml") {
          const head = firstText.replace(/^\uFEFF/, "");
          dialect = detectDialect(head);
          options.onDialect?.(dialect);
          junit = new JunitStreamParser(file, opts, dialect);
          junit.write(head);
        } else if (kind === "json") {
          json = firstText;
        } else {
          return notAReport(file, trimmed);
        }
        continue;
      }
      if (junit) junit.write(text);
      else {
        json += text;
        if (json.length > maxJson) {
          throw new CodexrelError(
            RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
            `${file}: JSON report over ${maxJson} characters`,
            {
              hint: "Raise maxJsonChars if this report is trustworthy.",
              details: { file },
            },
          );
        }
      }
    }
    if (kind === undefined) {
      return { kind: "skipped", skipped: { file, code: SkipCodes.REPORT_EMPTY, reason: "the file is empty" } };
    }
    if (junit) {
      const result = junit.close();
      return {
        kind: "report",
        report: {
          file,
          format: "junit",
          dialect,
          cases: result.cases,
          caseCount: result.caseCount,
          declaredTests: result.declaredTests,
          warnings: [...warnings, ...result.warnings],
        },
      };
    }
    const result = parseCtrf(file, json, opts);
    const onCase = options.onCase;
    options.onDialect?.("ctrf");
    if (onCase) for (const test of result.cases) onCase(test);
    return {
      kind: "report",
      report: {
        file,
        format: "ctrf",
        dialect: "ctrf",
        cases: onCase ? [] : result.cases,
        caseCount: result.cases.length,
        declaredTests: result.declaredTests,
        warnings: [...warnings, ...result.warnings],
      },
    };
  } catch (error) {
    if (error instanceof DecodeError) {
      // Lines before the failing chunk: what the XML reader was given (JSON: counted in its text).
      const before = junit ? junit.linesWritten() : countLines(kind === undefined ? firstText : json);
      const line = before + error.linesBefore + 1;
      const xml = kind !== "json";
      throw new CodexrelError(
        xml ? RegressionErrorCodes.JUNIT_MALFORMED : RegressionErrorCodes.CTRF_MALFORMED,
        `${file}:${line}: is not valid ${error.encoding}: ${error.message} (bytes are never replaced, so two different names cannot merge into one test)`,
        {
          hint: "The reporter wrote bytes that are not in the file's encoding: fix its output encoding, or declare the real one in the XML declaration.",
          cause: error,
          details: { file, line },
        },
      );
    }
    if (error instanceof NotJunitSignal)
      return { kind: "skipped", skipped: { file, code: error.code, reason: error.reason } };
    throw error;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n += 1;
  return n;
}

async function* readChunks(source: ReportSource): AsyncGenerator<Uint8Array> {
  try {
    yield* source.chunks();
  } catch (error) {
    if (error instanceof CodexrelError) throw error;
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new CodexrelError(
      RegressionErrorCodes.REPORT_READ_FAILED,
      `${source.name}: cannot be read${code ? ` (${code})` : ""}`,
      {
        hint: "Check the path and that the test step wrote its report before this step ran.",
        cause: error,
        details: { file: source.name },
      },
    );
  }
}

function notAReport(file: string, start: string): ParseOutcome {
  const lower = file.toLowerCase();
  // A file named like a report that holds no markup is a broken report, not an unrelated file.
  if (lower.endsWith(".xml")) {
    throw new CodexrelError(
      RegressionErrorCodes.JUNIT_MALFORMED,
      `${file}:1:1: is not XML (starts with ${JSON.stringify(start.slice(0, 20))})`,
      {
        hint: "The report is corrupt or was overwritten with other output; re-run the tests.",
        details: { file, line: 1, column: 1 },
      },
    );
  }
  if (lower.endsWith(".json")) {
    throw new CodexrelError(
      RegressionErrorCodes.CTRF_MALFORMED,
      `${file}: is not JSON (starts with ${JSON.stringify(start.slice(0, 20))})`,
      {
        hint: "The report is corrupt or was overwritten with other output; re-run the tests.",
        details: { file, line: 1, column: 1 },
      },
    );
  }
  return { kind: "skipped", skipped: { file, code: SkipCodes.REPORT_UNRECOGNIZED, reason: "neither XML nor JSON" } };
}
