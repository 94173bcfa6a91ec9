/**
 * Hostile and broken CTRF numbers (issue 16 items 9 and 12): every count is capped and checked,
 * every duration is checked, and each failure is a coded error naming the file and the test.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodexrelError, createReport, finalizeReport } from "@codexrel/core";
import { classifyReports, MAX_CTRF_RETRIES, memorySource, parseReport } from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

const ctrf = (test: Record<string, unknown>, summary?: Record<string, unknown>) =>
  JSON.stringify({
    results: { ...(summary ? { summary } : {}), tests: [{ name: "login", status: "passed", duration: 1, ...test }] },
  });

async function error(text: string): Promise<CodexrelError> {
  try {
    await parseReport(memorySource("ctrf.json", text));
  } catch (e) {
    if (e instanceof CodexrelError) return e;
    throw e;
  }
  throw new Error("parsed without an error");
}

describe("CTRF counts", () => {
  test('a 118-byte file with "retries": 1000000000 is REPORT_LIMIT_EXCEEDED naming file and test, not out of memory', async () => {
    const text = `{"results":{"tests":[{"name":"login","status":"passed","duration":1,"flaky":true,"retries":1000000000}]}}`;
    expect(text.length).toBeLessThanOrEqual(118);
    const e = await error(text);
    expect(e.code).toBe("REPORT_LIMIT_EXCEEDED");
    expect(e.message).toBe(
      `ctrf.json: results.tests[0] ("login").retries 1000000000 is over the limit of ${MAX_CTRF_RETRIES}`,
    );
    expect(e.details).toMatchObject({ file: "ctrf.json", test: "login" });
  });

  test.each([
    [{ retries: -1, flaky: true }, "retries -1 is not a count"],
    [{ retries: 2.5, flaky: true }, "retries 2.5 is not a count"],
    [{ retries: "3", flaky: true }, 'retries "3" is not a count'],
  ])("%j is CTRF_MALFORMED", async (fields, what) => {
    const e = await error(ctrf(fields));
    expect(e.code).toBe("CTRF_MALFORMED");
    expect(e.message).toContain(`results.tests[0] ("login").${what}`);
  });

  test("too many listed retry attempts are capped", async () => {
    const attempts = Array.from({ length: MAX_CTRF_RETRIES + 1 }, () => ({ status: "failed", duration: 1 }));
    const e = await error(ctrf({ retryAttempts: attempts }));
    expect(e.code).toBe("REPORT_LIMIT_EXCEEDED");
    expect(e.message).toContain("retryAttempts.length");
  });

  test("summary counts must be counts", async () => {
    const e = await error(ctrf({}, { tests: -3, passed: 1 }));
    expect(e.code).toBe("CTRF_MALFORMED");
    expect(e.message).toContain("results.summary.tests -3 is not a count");
  });

  test("the largest allowed retries still parses", async () => {
    const out = await parseReport(memorySource("ctrf.json", ctrf({ retries: MAX_CTRF_RETRIES, flaky: true })));
    expect(out.kind === "report" && out.report.cases[0]!.attempts).toHaveLength(MAX_CTRF_RETRIES + 1);
  });
});

describe("CTRF durations", () => {
  test("a duration of -5 is CTRF_MALFORMED naming the file and the test, not REPORT_INVALID about the run report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "codexrel-ctrf-"));
    writeFileSync(join(dir, "results.json"), ctrf({ duration: -5 }));
    let caught: unknown;
    try {
      const { section } = await classifyReports({ candidate: ["results.json"], cwd: dir });
      finalizeReport({ ...createReport({ tool: { version: "0" } }), regressions: section });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CodexrelError);
    const e = caught as CodexrelError;
    expect(e.code).toBe("CTRF_MALFORMED");
    expect(e.message).toBe(
      'results.json: results.tests[0] ("login").duration -5 is not a duration (non-negative milliseconds)',
    );
    expect(e.details).toMatchObject({ file: "results.json", test: "login" });
  });

  test("a retry attempt's negative duration names the attempt", async () => {
    const e = await error(ctrf({ retryAttempts: [{ status: "failed", duration: -1 }] }));
    expect(e.code).toBe("CTRF_MALFORMED");
    expect(e.message).toContain('results.tests[0] ("login").retryAttempts[0].duration -1');
  });
});
