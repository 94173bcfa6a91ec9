/**
 * The whole corpus (fixtures/corpus, copied from ../shared/corpus with licences) classified with
 * the default reading of repeated testcases: each report against itself gives no regression and
 * loses no test, and the reporters that repeat testcases are recognised as what they are.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CodexrelError } from "@codexrel/core/errors";
import { classifyReports, type Dialect, detectDialect, parseReportFile } from "@codexrel/regressions";
import { glob } from "tinyglobby";
import { describe, expect, test } from "vitest";

const FIXTURES = join(import.meta.dirname, "fixtures", "corpus");
const files = (await glob("**/*.{xml,json}", { cwd: FIXTURES })).sort();

/** Testcases per id in document order, or null when the file is not a report we read. */
async function testcases(file: string): Promise<string[] | null> {
  try {
    const outcome = await parseReportFile(join(FIXTURES, file), {}, file);
    return outcome.kind === "report" ? outcome.report.cases.map((c) => c.id) : null;
  } catch (error) {
    if (error instanceof CodexrelError) return null; // malformed on purpose (covered in corpus.test.ts)
    throw error;
  }
}

describe("every corpus report classified against itself, default reading", async () => {
  const reports: string[] = [];
  for (const f of files) if ((await testcases(f)) !== null) reports.push(f);

  test("the corpus has many reports", () => {
    expect(reports.length).toBeGreaterThanOrEqual(120);
  });

  test.each(reports)("%s", async (file) => {
    const ids = (await testcases(file))!;
    const path = join(FIXTURES, file);
    const { section } = await classifyReports({ base: [path], candidate: [path] });
    const c = section.counts;
    expect([c.new, c.added, c.removed, c.fixed]).toEqual([0, 0, 0, 0]);
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    const distinct = new Set(ids).size;
    const dialect = file.endsWith(".json") ? "ctrf" : detectDialect(readFileSync(path, "utf8"));
    if (dialect === "gradle" || dialect === "gotestsum" || dialect === "pytest") {
      // Repeats are attempts (or reruns) of one test.
      expect(total).toBe(distinct);
    } else {
      // Repeats are separate tests: every testcase is counted.
      expect(total).toBe(ids.length);
    }
    if (ids.length > distinct) {
      expect(section.warnings?.some((w) => /repeated testcase/.test(w))).toBe(true);
    }
  });
});

describe("dialects of the corpus reports that repeat a testcase", () => {
  const expected: [string, Dialect][] = [
    ["dorny__test-reporter/__tests__/fixtures/external/jest/jest-test-results.xml", "jest-junit"],
    ["jstemmer__go-junit-report/testdata/016-report.xml", "go-junit-report"],
    ["mikepenz__action-junit-report/test_results/junit-server-test/report.xml", "gotestsum"],
    // Hand-written by the upstream maintainers to look like retries; no reporter's attribute order.
    ["mikepenz__action-junit-report/test_results/flaky_retries/flaky_with_classname_file.xml", "junit"],
    ["mikepenz__action-junit-report/test_results/python/report_flaky.xml", "pytest"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/junit-xml/mocha/latex-utensils.xml", "mocha"],
    ["dorny__test-reporter/__tests__/fixtures/external/java/pulsar-test-report.xml", "junit"],
  ];
  test.each(expected)("%s is %s", (file, dialect) => {
    expect(detectDialect(readFileSync(join(FIXTURES, file), "utf8"))).toBe(dialect);
  });

  test("jest: test.each cases with one title stay separate tests (31 repeated titles)", async () => {
    const path = join(FIXTURES, expected[0]![0]);
    const ids = (await testcases(relative(FIXTURES, path)))!;
    const { section } = await classifyReports({ candidate: [path], includePassed: true });
    expect(section.tests).toHaveLength(ids.length);
    expect(section.tests.filter((t) => / \[#\d+\]$/.test(t.id))).toHaveLength(ids.length - new Set(ids).size);
  });

  test("gotestsum --rerun-fails: a failure then a pass of one test is flaky", async () => {
    const { section } = await classifyReports({ candidate: [join(FIXTURES, expected[2]![0])] });
    expect(section.tests.find((t) => t.name === "TestWebSocketReconnectRace")).toMatchObject({ class: "flaky" });
  });

  test("retries of an unknown writer: separate tests by default, retries with repeated: attempts", async () => {
    const path = join(FIXTURES, expected[3]![0]);
    const byDefault = await classifyReports({ candidate: [path], includePassed: false });
    expect(byDefault.section.tests.filter((t) => t.name === "test_foo").map((t) => [t.id, t.class])).toEqual([
      ["FlakyTestSuite::test_foo.TestFoo::test_foo", "unknown-baseline"],
      ["FlakyTestSuite::test_foo.TestFoo::test_foo [#2]", "unknown-baseline"],
    ]);
    const asRetries = await classifyReports({ candidate: [path], repeated: "attempts" });
    expect(asRetries.section.tests.find((t) => t.name === "test_foo")).toMatchObject({ class: "flaky" });
  });

  test("pytest-rerunfailures 16.6.1 style: empty rerun records before a failure are failed attempts", async () => {
    const xml = (last: string) =>
      `<testsuites><testsuite name="pytest" errors="0" failures="1" skipped="0" tests="3" time="1" timestamp="2026-01-01T00:00:00" hostname="h"><testcase classname="test_rerun" name="test_x" time="0.1" /><testcase classname="test_rerun" name="test_x" time="0.1" />${last}</testsuite></testsuites>`;
    const { parseReport, mergeReports, classify, memorySource } = await import("@codexrel/regressions");
    const runOf = async (text: string) => {
      const out = await parseReport(memorySource("r.xml", text));
      if (out.kind !== "report") throw new Error("skipped");
      return mergeReports([out.report], { label: "candidate" });
    };
    const base = await runOf(
      `<testsuites><testsuite name="pytest"><testcase classname="test_rerun" name="test_x" time="0.1" /></testsuite></testsuites>`,
    );
    const failing = await runOf(
      xml(
        `<testcase classname="test_rerun" name="test_x" time="0.1"><failure message="assert False">E</failure></testcase>`,
      ),
    );
    const passing = await runOf(xml(`<testcase classname="test_rerun" name="test_x" time="0.1" />`));
    const classOf = (candidate: typeof base) =>
      classify({ base: [base], candidate: [candidate] }).section.tests.find((t) => t.name === "test_x")?.class;
    expect(classOf(failing)).toBe("new"); // failed on every rerun: a regression, not a flaky test
    expect(classOf(passing)).toBe("flaky"); // failed, rerun, passed
  });
});
