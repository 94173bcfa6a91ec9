/**
 * CTRF JSON (https://ctrf.io): `results.tests[]` with `name`, `status`, `duration`, optional
 * `suite` (string or path array), `filePath`, `line`, `message`, `trace`, `retries`, `flaky` and
 * `retryAttempts[]`. Statuses `pending`/`other` count as skipped.
 */
import { CodexrelError } from "@codexrel/core";
import { checkCtrfSummary, ctrfCount, ctrfDuration, ctrfPath, MAX_CTRF_RETRIES } from "./ctrf-checks.js";
import { RegressionErrorCodes, SkipCodes } from "./errors.js";
import { createIdentity, type IdentityFn, type IdentityOptions } from "./identity.js";
import { NotJunitSignal } from "./junit.js";
import { type AttemptStatus, NO_LINES, type TestAttempt, type TestResult } from "./model.js";

export interface CtrfOptions {
  identity?: IdentityOptions | IdentityFn;
  failureLines?: number;
  lineWidth?: number;
}

const STATUS: Record<string, AttemptStatus> = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  pending: "skipped",
  other: "skipped",
};

export function parseCtrf(
  file: string,
  text: string,
  options: CtrfOptions = {},
): { cases: TestResult[]; declaredTests: number | null; warnings: string[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    if (isJsonLines(text)) {
      throw new NotJunitSignal(
        SkipCodes.REPORT_UNRECOGNIZED,
        "newline-delimited JSON (e.g. go test -json, dart --reporter json): not a CTRF report",
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: is not valid JSON: ${message}`, {
      hint: "The report is truncated or corrupt: re-run the tests, or check the reporter's output path.",
      cause: error,
      details: { file },
    });
  }
  const results = (doc as { results?: { tests?: unknown; summary?: { tests?: unknown } } } | null)?.results;
  if (!results || typeof results !== "object" || !("tests" in results)) {
    throw new NotJunitSignal(SkipCodes.REPORT_UNRECOGNIZED, "JSON without results.tests: not a CTRF report");
  }
  if (!Array.isArray(results.tests)) throw malformed(file, "results.tests is not an array");
  const identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
  const failureLines = options.failureLines ?? 20;
  const width = options.lineWidth ?? 500;
  const cap = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  const warnings: string[] = [];
  const cases: TestResult[] = [];
  const declaredTests = checkCtrfSummary(file, results.summary);

  results.tests.forEach((raw: unknown, index: number) => {
    if (!raw || typeof raw !== "object") throw malformed(file, `results.tests[${index}] is not an object`);
    const t = raw as Record<string, unknown>;
    if (typeof t.name !== "string") throw malformed(file, `results.tests[${index}].name is not a string`);
    const status = typeof t.status === "string" ? STATUS[t.status] : undefined;
    if (!status)
      throw malformed(file, `results.tests[${index}].status ${JSON.stringify(t.status)} is not a CTRF status`);
    const suite = Array.isArray(t.suite)
      ? t.suite.filter((s): s is string => typeof s === "string").join(" › ") || null
      : typeof t.suite === "string" && t.suite !== ""
        ? t.suite
        : null;
    const lines = (message: unknown, trace: unknown): { message: string | null; firstLines: string[] } => {
      const body =
        typeof trace === "string" && trace.trim() !== "" ? trace : typeof message === "string" ? message : "";
      const firstLines = body
        .split(/\r?\n/)
        .filter((l, i, all) => i > 0 || l.trim() !== "" || all.length === 1)
        .slice(0, failureLines)
        .map((l) => cap(l.trimEnd()));
      return {
        message:
          typeof message === "string" && message !== ""
            ? cap(message.split(/\r?\n/, 1)[0] ?? "")
            : (firstLines[0] ?? null),
        firstLines: status === "skipped" ? [] : firstLines,
      };
    };
    const at = (field: string) => ctrfPath(index, t.name, field);
    const durationMs = ctrfDuration(file, at("duration"), t.duration, t.name);
    const retries = ctrfCount(file, at("retries"), t.retries, MAX_CTRF_RETRIES, t.name) ?? 0;
    const attempts: TestAttempt[] = [];
    if (Array.isArray(t.retryAttempts)) {
      ctrfCount(file, at("retryAttempts.length"), t.retryAttempts.length, MAX_CTRF_RETRIES, t.name);
      for (const [k, r] of (t.retryAttempts as Record<string, unknown>[]).entries()) {
        const rs = typeof r?.status === "string" ? STATUS[r.status] : undefined;
        if (!rs) continue;
        attempts.push({
          status: rs,
          durationMs: ctrfDuration(file, at(`retryAttempts[${k}].duration`), r.duration, t.name),
          ...lines(r.message, r.trace),
          report: file,
          reportLine: null,
          origin: "retry",
        });
      }
    } else if (retries > 0 && t.flaky === true && status === "passed") {
      // Only the count is known: the earlier tries failed, the last passed.
      for (let i = 0; i < retries; i += 1)
        attempts.push({
          status: "failed",
          durationMs: null,
          message: null,
          firstLines: NO_LINES,
          report: file,
          reportLine: null,
          origin: "retry",
        });
    }
    // CTRF 1.x lists every try in retryAttempts, the final one last; older writers list only the
    // earlier tries. Append the top-level outcome unless the last listed try already is it.
    const last = attempts[attempts.length - 1];
    const finalIncluded =
      last !== undefined && last.status === status && last.origin === "retry" && Array.isArray(t.retryAttempts);
    if (!finalIncluded) {
      attempts.push({
        status,
        durationMs,
        ...lines(t.message, t.trace),
        report: file,
        reportLine: null,
        origin: "result",
      });
    }
    const line = typeof t.line === "number" && Number.isInteger(t.line) && t.line >= 1 ? t.line : null;
    const test: TestResult = {
      id: "",
      name: t.name,
      classname: null,
      suite,
      file: typeof t.filePath === "string" && t.filePath !== "" ? t.filePath : null,
      line,
      attempts,
    };
    test.id = identity(test);
    cases.push(test);
  });
  return { cases, declaredTests, warnings };
}

function malformed(file: string, what: string): CodexrelError {
  return new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: ${what}`, {
    hint: "Check the file against the CTRF schema (https://ctrf.io).",
    details: { file },
  });
}

/** Several JSON values, one a line: an event stream, not a malformed CTRF document. */
function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/, 3).filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  try {
    for (const l of lines) JSON.parse(l);
    return true;
  } catch {
    return false;
  }
}
