/**
 * Known-failing wildcards (issue 16 item 10): `*` is any run of characters, matched without
 * backtracking, so a long test name costs work in proportion to its length.
 */
import { classify, compileWildcard, mergeReports, parseKnownFailing } from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

describe("compileWildcard", () => {
  test.each([
    ["*", "", true],
    ["*", "anything/at all\n", true],
    ["a*", "abc", true],
    ["*c", "abc", true],
    ["a*c", "ac", true],
    ["a*c", "a", false],
    ["ab*ba", "aba", false],
    ["*checkout*total*", "cart checkout: total is 3", true],
    ["*checkout*total*", "cart total then checkout", false],
    ["e2e.*", "e2e.upload", true],
    ["e2e.*", "e2eXupload", false],
    ["TestX/*", "TestX/case/with/slashes", true],
    ["a**b", "ab", true],
    ["(x)+?[y]", "(x)+?[y]", true],
    ["*a*a*a*a*b", `${"a".repeat(50)}`, false],
  ])("%j against %j is %s", (pattern, text, expected) => {
    expect(compileWildcard(pattern)(text)).toBe(expected);
  });

  test("a 1 MB name against *checkout*total* takes work in proportion to its length", () => {
    const match = compileWildcard("*checkout*total*");
    const name = "checkout".repeat(131_072); // 1 MiB, never "total"
    expect(match(name)).toBe(false);
    // The regex this replaced backtracked: quadratic in the name's length (52 s at 1 MB).
    expect(match.steps).toBeLessThanOrEqual(name.length * "checkout".length);
    const doubled = name + name;
    match(doubled);
    const ratio = match.steps / (name.length * 1.0);
    expect(ratio).toBeLessThanOrEqual(2 * "checkout".length);
  });

  test("the steps grow linearly: twice the name, twice the work (not four times)", () => {
    const match = compileWildcard("*a*b*");
    match("a".repeat(100_000));
    const small = match.steps;
    match("a".repeat(200_000));
    expect(match.steps).toBeLessThanOrEqual(2 * small + 10);
  });
});

test("a quarantine entry with wildcards matches a test with a 1 MB name", () => {
  const list = parseKnownFailing(
    `- name: "*checkout*total*"\n  reason: "JIRA-9"\n- classname: "e2e.*"\n  name: "*upload*"\n  reason: emulator\n`,
    "known-failing.yml",
  );
  const long = `${"checkout ".repeat(116_000)}total`;
  const attempt = {
    status: "failed" as const,
    durationMs: null,
    message: null,
    firstLines: [],
    report: "r.xml",
    reportLine: null,
    origin: "result" as const,
  };
  const candidate = mergeReports(
    [
      {
        file: "r.xml",
        format: "junit",
        caseCount: 2,
        declaredTests: null,
        warnings: [],
        cases: [
          { id: "long", name: long, classname: null, suite: null, file: null, line: null, attempts: [attempt] },
          {
            id: "up",
            name: "uploads a file",
            classname: "e2e.Files",
            suite: null,
            file: null,
            line: null,
            attempts: [attempt],
          },
        ],
      },
    ],
    { label: "candidate" },
  );
  const { section } = classify({ base: null, candidate: [candidate], knownFailing: list });
  expect(section.tests.map((t) => [t.id, t.class, t.knownReason])).toEqual([
    ["long", "known", "JIRA-9"],
    ["up", "known", "emulator"],
  ]);
});
