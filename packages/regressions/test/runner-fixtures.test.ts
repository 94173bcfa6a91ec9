/**
 * Reports written by real runs of vitest, jest (jest-junit), pytest, go (gotestsum) and node:test over the
 * same parameterized suite, base and candidate (fixtures/runners; `generate.mjs` regenerates them,
 * VERSIONS.md says what ran). Two parameterized cases share one title; the candidate breaks the
 * second of them, breaks one plain test, and keeps a test that fails on both sides. The go
 * candidate ran with `gotestsum --rerun-fails`, so its failing tests are listed once per run and
 * TestFlakyOnce fails, then passes. The node:test base ran on Node 20 and its candidate on Node 24,
 * whose reporters write different classnames for the same test ("test" against "hasProtocol.strict").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { classifyReports, type Dialect, detectDialect, parseReport, type ReportSource } from "@codexrel/regressions";
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
  {
    runner: "node",
    dialect: "node-test",
    testcases: 5,
    expected: {
      "hasProtocol › strict::https://": "new",
      "withTrailingSlash::adds a slash": "new",
      "broken on both sides": "known",
    },
    passed: 2,
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

test("node:test: a report that starts with a top-level test is read as node-test too", () => {
  const head = `<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n\t<testcase name="top" time="0.001" classname="test"/>`;
  expect(detectDialect(head)).toBe("node-test");
  // The same first testcase under a root with attributes is some other reporter's.
  expect(detectDialect(head.replace("<testsuites>", '<testsuites name="x">'))).toBe("junit");
});

test("node:test: a classname that is neither the placeholder nor the suite path stays in the id", async () => {
  const xml = (classname: string) =>
    `<testsuites>\n<testsuite name="s" time="0" disabled="0" errors="0" tests="1" failures="0" skipped="0" hostname="h">` +
    `<testcase name="t" time="0" classname="${classname}"/></testsuite></testsuites>`;
  const ids: string[][] = [];
  for (const classname of ["test", "s", "custom"]) {
    const source: ReportSource = {
      name: "r.xml",
      async *chunks() {
        yield new TextEncoder().encode(xml(classname));
      },
    };
    const outcome = await parseReport(source);
    ids.push(outcome.kind === "report" ? outcome.report.cases.map((c) => c.id) : [outcome.kind]);
  }
  expect(ids).toEqual([["s::t"], ["s::t"], ["s::custom::t"]]);
});
