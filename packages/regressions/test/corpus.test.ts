/**
 * Real report files (copied from ../shared/corpus into fixtures/corpus with their licences):
 * parsed counts agree with the expectations the corpus ships (EnricoMi `*.results` and
 * `*.results.json`, the reports' own declared totals), and every hazardous file gives the right
 * coded error or skip.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CodexrelError } from "@codexrel/core/errors";
import { attemptSource, outcomeOf, type ParsedReport, parseReportFile } from "@codexrel/regressions";
import { glob } from "tinyglobby";
import { describe, expect, test } from "vitest";

const FIXTURES = join(import.meta.dirname, "fixtures", "corpus");
const ENRICO = join(FIXTURES, "EnricoMi__publish-unit-test-result-action/python/test/files");

async function parse(path: string, options: Parameters<typeof parseReportFile>[1] = {}): Promise<ParsedReport> {
  const outcome = await parseReportFile(path, options, relative(FIXTURES, path));
  if (outcome.kind !== "report") throw new Error(`${path} skipped: ${outcome.skipped.reason}`);
  return outcome.report;
}

function mergeById(report: ParsedReport) {
  const byId = new Map<string, ParsedReport["cases"]>();
  for (const c of report.cases) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  return byId;
}

const worst = (statuses: string[]) =>
  statuses.includes("error")
    ? "error"
    : statuses.includes("failed")
      ? "failed"
      : statuses.includes("passed")
        ? "passed"
        : "skipped";

describe("EnricoMi expectations (*.results, *.results.json)", async () => {
  const inputs = (await glob("junit-xml/**/*.xml", { cwd: ENRICO })).sort();
  const withExpectations = inputs.filter((f) => {
    try {
      readFileSync(join(ENRICO, f.replace(/\.xml$/, ".results.json")));
      return !readFileSync(join(ENRICO, f.replace(/\.xml$/, ".results.json")), "utf8").includes('"errors": [\n      {');
    } catch {
      return false;
    }
  });

  test("the corpus ships expectations for most JUnit inputs", () => {
    expect(withExpectations.length).toBeGreaterThanOrEqual(25);
  });

  test.each(withExpectations)("%s", async (file) => {
    const expected = JSON.parse(readFileSync(join(ENRICO, file.replace(/\.xml$/, ".results.json")), "utf8")).stats;
    const results = readFileSync(join(ENRICO, file.replace(/\.xml$/, ".results")), "utf8");
    const upstreamCases = [...results.matchAll(/UnitTestCase\(/g)].length;
    const upstreamResults = [...results.matchAll(/result='(\w+)'/g)].map((m) => m[1]);

    // EnricoMi identifies a test by (classname, name): use the configurable identity to match.
    const report = await parse(join(ENRICO, file), { identity: { fields: ["classname", "name"] } });
    if (upstreamCases > 0) expect(report.cases.length).toBe(upstreamCases);

    // One attempt per testcase; its status equals upstream's per-case result.
    const statusMap: Record<string, string> = {
      success: "passed",
      failure: "failed",
      error: "error",
      skipped: "skipped",
      disabled: "skipped",
    };
    if (upstreamCases > 0) {
      expect(report.cases.flatMap((c) => c.attempts.map((a) => a.status))).toEqual(
        upstreamResults.map((r) => statusMap[r!]),
      );
    }

    if (upstreamCases === 0 && report.cases.length > 0) {
      // no-attributes.xml: upstream's *.results lists no case (it drops unnamed ones) while its
      // *.results.json counts 4 tests; we name them by position and match the JSON.
      expect(report.cases.length).toBe(expected.tests);
      return;
    }
    if (upstreamCases === 0) {
      // Upstream falls back to the suite's declared counts; we report them as declared only.
      expect(report.declaredTests ?? 0).toBe(expected.tests);
      return;
    }
    const byId = mergeById(report);
    expect(byId.size).toBe(expected.tests);
    expect(report.cases.length).toBe(expected.runs);
    const perTest = [...byId.values()].map((cases) => worst(cases.flatMap((c) => c.attempts.map((a) => a.status))));
    expect(perTest.filter((s) => s === "error").length).toBe(expected.tests_error);
    expect(perTest.filter((s) => s === "failed").length).toBe(expected.tests_fail);
    expect(perTest.filter((s) => s === "skipped").length).toBe(expected.tests_skip);
    expect(perTest.filter((s) => s === "passed").length).toBe(expected.tests_succ);
  });

  test("XML entities are decoded in names and messages", async () => {
    const report = await parse(join(ENRICO, "junit-xml/with-xml-entities.xml"));
    const text = JSON.stringify(report.cases);
    expect(text).toContain(`'`);
    expect(text).toMatch(/&|<|>|\\"/);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|apos);/);
  });

  test("unicode beyond the BMP survives", async () => {
    const report = await parse(join(ENRICO, "junit-xml/unsupported-unicode.xml"));
    expect(JSON.stringify(report.cases)).toMatch(/[\u{10000}-\u{10FFFF}]/u);
  });

  test("nested suites give a suite path", async () => {
    const report = await parse(join(ENRICO, "junit-xml/testsuite-root.xml"));
    const t3 = report.cases.find((c) => c.name === "TestCase3")!;
    expect(t3.suite).toBe("Project Test Suite › TestSuite2 › TestSuite2.1");
    expect(t3.file).toBe("/somepath");
    expect(t3.line).toBe(40);
  });
});

describe("declared totals", () => {
  // Files whose top-level `tests` attribute counts their testcases (runners that write both).
  const files = [
    "jstemmer__go-junit-report/testdata/*.xml",
    "apache__maven-surefire/**/TEST-*.xml",
    // Surefire's own FlakyTest fixture declares tests="1" for its two testcases.
    "!apache__maven-surefire/**/TEST-org.acme.FlakyTest.xml",
    "dorny__test-reporter/__tests__/fixtures/external/java/*.xml",
    "dorny__test-reporter/__tests__/fixtures/external/jest/*.xml",
    "dorny__test-reporter/__tests__/fixtures/phpunit/*.xml",
    "mikepenz__action-junit-report/test_results/nextest/*.xml",
    "mikepenz__action-junit-report/test_results/catch2/*.xml",
    "ctrf-io__junit-to-ctrf/reports/test-junit*.xml",
  ];
  test("testcase counts equal the suites' declared `tests` (go-junit-report, Surefire, jest-junit, PHPUnit, nextest, Catch2)", async () => {
    const paths = (await glob(files, { cwd: FIXTURES, absolute: true })).sort();
    expect(paths.length).toBeGreaterThan(60);
    const mismatches: string[] = [];
    for (const p of paths) {
      const r = await parse(p);
      if (r.declaredTests !== null && r.declaredTests !== r.cases.length)
        mismatches.push(`${relative(FIXTURES, p)}: declared ${r.declaredTests}, parsed ${r.cases.length}`);
    }
    expect(mismatches).toEqual([]);
  });

  test("CTRF examples: summary.tests equals the tests read", async () => {
    for (const p of await glob("ctrf-io__ctrf/examples/*.json", { cwd: FIXTURES, absolute: true })) {
      const r = await parse(p);
      expect(r.format).toBe("ctrf");
      expect(r.cases.length).toBe(r.declaredTests);
    }
  });
});

describe("dialects", () => {
  test("Surefire flakyFailure/flakyError: failed attempts before the passing one", async () => {
    const r = await parse(
      join(
        FIXTURES,
        "apache__maven-surefire/surefire-report-parser/src/test/resources/fixture/testsuitexmlparser/TEST-org.acme.FlakyTest.xml",
      ),
    );
    const statuses = r.cases.map((c) => c.attempts.map((a) => `${a.origin}:${a.status}`));
    expect(statuses).toEqual([
      ["rerun:failed", "rerun:failed", "rerun:failed", "rerun:error", "result:passed"],
      ["result:passed"],
    ]);
    expect(outcomeOf(r.cases[0]!.attempts)).toBe("flaky");
    expect(outcomeOf(r.cases[1]!.attempts)).toBe("pass");
    expect(r.cases[0]!.attempts[0]!.firstLines.length).toBeGreaterThan(0);
  });

  test("Surefire rerunFailure/rerunError: every attempt failed", async () => {
    const r = await parse(join(FIXTURES, "ctrf-io__junit-to-ctrf/reports/test-surefire-retry.xml"));
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]!.attempts.map((a) => a.status)).toEqual(["failed", "failed", "error"]);
    expect(outcomeOf(r.cases[0]!.attempts)).toBe("fail");
  });

  test("nextest flakyFailure is a passed-on-retry", async () => {
    const r = await parse(
      join(FIXTURES, "mikepenz__action-junit-report/test_results/junit_flaky_failure/marathon_junit_report.xml"),
    );
    expect(outcomeOf(r.cases[0]!.attempts)).toBe("flaky");
  });

  test("repeated testcases (web-test-runner/pytest-rerun style) are attempts of one test", async () => {
    const r = await parse(
      join(FIXTURES, "mikepenz__action-junit-report/test_results/flaky_retries/flaky_with_classname_file.xml"),
    );
    const byId = mergeById(r);
    expect(byId.size).toBeLessThan(r.cases.length);
  });

  test("mocha-junit-reporter: swapped classname/name are swapped back", async () => {
    const r = await parse(join(FIXTURES, "mikepenz__action-junit-report/test_results/mocha/mocha.xml"));
    expect(r.cases[0]).toMatchObject({
      name: "projectUTCOffset should be a callable with current UTC offset",
      classname: "Config files default config",
      file: "/path/test/config.js",
    });
    const off = await parse(join(FIXTURES, "mikepenz__action-junit-report/test_results/mocha/mocha.xml"), {
      mochaSwappedNames: "never",
    });
    expect(off.cases[0]!.name).toBe(
      "Config files default config projectUTCOffset should be a callable with current UTC offset",
    );
  });

  test("tst `status` attributes: disabled is skipped, errored is an error", async () => {
    const r = await parse(join(ENRICO, "junit-xml/tst/disabled.xml"));
    expect(r.cases.find((c) => c.name === "disabled_test")!.attempts[0]!.status).toBe("skipped");
    expect(r.cases.find((c) => c.name === "test_which_throws_unknown_exception")!.attempts[0]!.status).toBe("error");
  });

  test("failure message and first lines are kept", async () => {
    const r = await parse(join(FIXTURES, "dorny__test-reporter/__tests__/fixtures/python-xunit-pytest.xml"));
    const failed = r.cases.find((c) => c.attempts[0]!.status === "failed")!;
    expect(failed.attempts[0]!.message).toBeTruthy();
    expect(failed.attempts[0]!.firstLines.length).toBeGreaterThan(0);
    expect(failed.attempts[0]!.firstLines.length).toBeLessThanOrEqual(20);
    expect(attemptSource(failed.attempts[0]!)).toMatch(/python-xunit-pytest\.xml:\d+$/);
  });

  test("PHPUnit nested suites keep file and line", async () => {
    const r = await parse(join(FIXTURES, "dorny__test-reporter/__tests__/fixtures/phpunit/phpunit.xml"));
    expect(r.cases.every((c) => c.file?.startsWith("/home/matteo/OSS/phpunit/tests/"))).toBe(true);
    // .phpt cases carry no line attribute; class-based cases do.
    expect(r.cases.filter((c) => c.line !== null)).toHaveLength(10);
  });
});

describe("hazardous files", () => {
  const errors: [string, string, number | null][] = [
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/junit-xml/pytest/corrupt-xml.xml",
      "JUNIT_MALFORMED",
      11,
    ],
    [
      "mikepenz__action-junit-report/test_results/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml",
      "JUNIT_MALFORMED",
      18,
    ],
    ["mikepenz__action-junit-report/test_results/junit-web-test/expected.xml", "JUNIT_MALFORMED", 9],
    ["mikepenz__action-junit-report/test_results/junit-web-test/expectedRetries.xml", "JUNIT_MALFORMED", 9],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/xml/non-xml.xml", "JUNIT_MALFORMED", 1],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-sec1752-file.xml",
      "JUNIT_DOCTYPE_REFUSED",
      4,
    ],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-sec1752-https.xml",
      "JUNIT_DOCTYPE_REFUSED",
      4,
    ],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/json/malformed-json.json", "CTRF_MALFORMED", null],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/json/non-json.json", "CTRF_MALFORMED", null],
  ];
  test.each(errors)("%s -> %s", async (file, code, line) => {
    const error = await parseReportFile(join(FIXTURES, file), {}, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodexrelError);
    const coded = error as CodexrelError;
    expect(coded.code).toBe(code);
    expect(coded.message).toContain(file);
    expect(coded.hint.length).toBeGreaterThan(0);
    if (line !== null) {
      expect(coded.details?.line).toBe(line);
      expect(coded.message).toContain(`${file}:${line}:`);
    }
  });

  const skips: [string, string][] = [
    ["EnricoMi__publish-unit-test-result-action/python/test/files/xml/empty.xml", "REPORT_EMPTY"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/json/empty.json", "REPORT_EMPTY"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/junit-xml/non-junit.xml", "REPORT_UNRECOGNIZED"],
    ["ctrf-io__junit-to-ctrf/reports/not-junit.xml", "REPORT_UNRECOGNIZED"],
    [
      "apache__maven-surefire/surefire-report-parser/src/test/resources/fixture/testsuitexmlparser/failsafe-summary.xml",
      "REPORT_OTHER_FORMAT",
    ],
    [
      "apache__maven-surefire/surefire-report-parser/src/test/resources/fixture/testsuitexmlparser/failsafe-summary-old.xml",
      "REPORT_OTHER_FORMAT",
    ],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-issue17521.xml",
      "REPORT_OTHER_FORMAT",
    ],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-issue47367.xml",
      "REPORT_OTHER_FORMAT",
    ],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-simple.xml",
      "REPORT_OTHER_FORMAT",
    ],
    [
      "EnricoMi__publish-unit-test-result-action/python/test/files/nunit/nunit3/jenkins/NUnit-sec1752-file.txt",
      "REPORT_UNRECOGNIZED",
    ],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/trx/mstest/pickles.trx", "REPORT_OTHER_FORMAT"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/xunit/mstest/pickles.xml", "REPORT_OTHER_FORMAT"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/mocha/tests.json", "REPORT_UNRECOGNIZED"],
    ["EnricoMi__publish-unit-test-result-action/python/test/files/dart/json/tests.json", "REPORT_UNRECOGNIZED"],
    ["dorny__test-reporter/__tests__/fixtures/golang-json.json", "REPORT_UNRECOGNIZED"],
    ["dorny__test-reporter/__tests__/fixtures/mocha-json.json", "REPORT_UNRECOGNIZED"],
  ];
  test.each(skips)("%s is skipped (%s)", async (file, code) => {
    const outcome = await parseReportFile(join(FIXTURES, file), {}, file);
    expect(outcome.kind).toBe("skipped");
    if (outcome.kind === "skipped") {
      expect(outcome.skipped.code).toBe(code);
      expect(outcome.skipped.reason.length).toBeGreaterThan(0);
    }
  });

  test("every corpus fixture parses, skips or fails with a code (never a crash)", async () => {
    const all = (await glob("**/*", { cwd: FIXTURES, absolute: true })).filter(
      (f) => !/(\.results|\.results\.json|SOURCE\.md|LICENSE)$/.test(f),
    );
    expect(all.length).toBeGreaterThan(180);
    for (const f of all) {
      try {
        await parseReportFile(f);
      } catch (error) {
        expect(error, f).toBeInstanceOf(CodexrelError);
        expect((error as CodexrelError).code, f).toMatch(/^(JUNIT_MALFORMED|JUNIT_DOCTYPE_REFUSED|CTRF_MALFORMED)$/);
      }
    }
  });
});
