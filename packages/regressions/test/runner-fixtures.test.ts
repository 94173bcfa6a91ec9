/**
 * Reports written by real runs of vitest, jest (jest-junit), pytest and go (gotestsum) over the
 * same parameterized suite, base and candidate (fixtures/runners; `generate.mjs` regenerates them,
 * VERSIONS.md says what ran). Two parameterized cases share one title; the candidate breaks the
 * second of them, breaks one plain test, and keeps a test that fails on both sides. The go
 * candidate ran with `gotestsum --rerun-fails`, so its failing tests are listed once per run and
 * TestFlakyOnce fails, then passes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyReports, type Dialect, detectDialect } from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

const FIXTURES = join(import.meta.dirname, "fixtures", "runners");
const report = (runner: string, version: string) => join(FIXTURES, runner, version, "report.xml");

async function classifyRunner(runner: string, repeated?: "attempts") {
  return classifyReports({
    base: [report(runner, "base")],
    candidate: [report(runner, "candidate")],
    includePassed: false, // as codexrel classify --json and the run report do
    ...(repeated ? { repeated } : {}),
  });
}

const cases: {
  runner: string;
  dialect: Dialect;
  testcases: number;
  expected: Record<string, string>;
  passed: number;
}[] = [
  {
    runner: "vitest",
    dialect: "vitest",
    testcases: 6,
    expected: {
      "url.test.mjs::hasProtocol > https:// [#2]": "new",
      "url.test.mjs::withTrailingSlash > adds a slash": "new",
      "url.test.mjs::known > broken on both sides": "known",
    },
    passed: 3,
  },
  {
    runner: "jest",
    dialect: "jest-junit",
    testcases: 6,
    expected: {
      "hasProtocol::hasProtocol https:// [#2]": "new",
      "hasProtocol::withTrailingSlash adds a slash": "new",
      "hasProtocol::known broken on both sides": "known",
    },
    passed: 3,
  },
  {
    runner: "pytest",
    dialect: "pytest",
    testcases: 6,
    expected: {
      "pytest::test_url::test_has_protocol[https://1]": "new",
      "pytest::test_url::test_adds_a_slash": "new",
      "pytest::test_url::test_broken_on_both_sides": "known",
    },
    passed: 3,
  },
  {
    runner: "go",
    dialect: "gotestsum",
    testcases: 17,
    expected: {
      "example.com/urlfix::TestHasProtocol/https://#01": "new",
      "example.com/urlfix::TestHasProtocol": "new",
      "example.com/urlfix::TestAddsASlash": "new",
      "example.com/urlfix::TestBrokenOnBothSides": "known",
      "example.com/urlfix::TestFlakyOnce": "flaky",
    },
    passed: 3,
  },
];

describe.each(cases)("$runner (real run)", ({ runner, dialect, testcases, expected, passed }) => {
  test(`is read as ${dialect}`, () => {
    for (const version of ["base", "candidate"]) {
      expect(detectDialect(readFileSync(report(runner, version), "utf8"))).toBe(dialect);
    }
    const xml = readFileSync(report(runner, "candidate"), "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(testcases);
  });

  test("classifies every parameterized case right by default, and counts every test", async () => {
    const { section, blocked } = await classifyRunner(runner);
    expect(Object.fromEntries(section.tests.map((t) => [t.id, t.class]))).toEqual(expected);
    expect(section.counts.passed).toBe(passed);
    expect(blocked).toBe(true);
    const total = Object.values(section.counts).reduce((a, b) => a + b, 0);
    // Each distinct test once: separate parameterized cases are not merged away, and gotestsum's
    // reruns are attempts of their test, not extra tests.
    expect(total).toBe(Object.keys(expected).length + passed);
  });
});

test("vitest: the repeated title is reported, and its second case is numbered in id and evidence", async () => {
  const { section } = await classifyRunner("vitest");
  expect(section.warnings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/candidate: 1 repeated testcase\(s\) \(vitest report\(s\)\) read as separate tests/),
    ]),
  );
  const second = section.tests.find((t) => t.id.endsWith("[#2]"))!;
  expect(second.name).toBe("hasProtocol > https://");
  expect(second.evidence).toMatch(/repeated testcase #2 of this name in its suite/);
});

test("reading the repeated title as retries (the old default) hides the regression as flaky", async () => {
  const { section } = await classifyRunner("vitest", "attempts");
  expect(section.tests.find((t) => t.name === "hasProtocol > https://")).toMatchObject({ class: "flaky" });
  expect(section.counts.new).toBe(1);
});

test("go: gotestsum's rerun records are attempts (fail, then pass on the rerun)", async () => {
  const { section } = await classifyRunner("go");
  const flaky = section.tests.find((t) => t.name === "TestFlakyOnce")!;
  expect(flaky.attempts?.map((a) => a.status)).toEqual(["failed", "passed"]);
  const broken = section.tests.find((t) => t.name === "TestBrokenOnBothSides")!;
  expect(broken.attempts?.map((a) => a.status)).toEqual(["failed", "failed", "failed"]);
  expect(section.warnings).toEqual(
    expect.arrayContaining([expect.stringMatching(/\(gotestsum report\(s\)\) read as retry attempts/)]),
  );
});
