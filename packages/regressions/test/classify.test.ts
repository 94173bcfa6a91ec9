import {
  createReport,
  finalizeReport,
  type RegressionClass,
  renderComment,
  renderJobSummary,
  validateReport,
} from "@codexrel/core";
import {
  classify,
  formatAnnotationCommand,
  memorySource,
  mergeReports,
  parseKnownFailing,
  parseReport,
  selectAnnotations,
  type TestRun,
} from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

type Spec = Record<string, "p" | "f" | "e" | "s" | string>;

/** A JUnit document from a compact spec: name -> sequence of p/f/e/s (one testcase per letter). */
function junit(spec: Spec, extra = ""): string {
  const cases = Object.entries(spec)
    .flatMap(([name, seq]) =>
      [...seq].map((s) => {
        const body =
          s === "f"
            ? `<failure message="${name} broke">AssertionError: ${name}\n    at ${name}.test.js:3</failure>`
            : s === "e"
              ? `<error message="${name} crashed">Error</error>`
              : s === "s"
                ? "<skipped/>"
                : "";
        return `<testcase classname="suite.Cls" name="${name}" file="src/${name}.test.js" line="3">${body}</testcase>`;
      }),
    )
    .join("\n");
  return `<testsuite name="suite.Cls">${cases}${extra}</testsuite>`;
}

async function run(label: string, spec: Spec, repeated: "attempts" | "repetitions" = "attempts"): Promise<TestRun> {
  const out = await parseReport(memorySource(`${label}.xml`, junit(spec)));
  if (out.kind !== "report") throw new Error("skipped");
  return mergeReports([out.report], { label, repeated });
}

const clock = { now: () => new Date("2026-06-01T12:00:00Z") };

function classes(section: { tests: { name: string; class: RegressionClass }[] }): Record<string, RegressionClass> {
  return Object.fromEntries(section.tests.map((t) => [t.name, t.class]));
}

describe("classification table", () => {
  test("every class from base + candidate", async () => {
    const base = await run("base", {
      stillPasses: "p",
      breaks: "p",
      alreadyBroken: "f",
      getsFixed: "f",
      goesAway: "p",
      skippedBefore: "s",
      retried: "p",
      nowSkipped: "p",
    });
    const candidate = await run("candidate", {
      stillPasses: "p",
      breaks: "f",
      alreadyBroken: "f",
      getsFixed: "p",
      brandNew: "p",
      brandNewBroken: "e",
      skippedBefore: "f",
      retried: "fp",
      nowSkipped: "s",
    });
    const { section, blocked } = classify({ base: [base], candidate: [candidate], clock });
    expect(classes(section)).toEqual({
      stillPasses: "passed",
      breaks: "new",
      alreadyBroken: "known",
      getsFixed: "fixed",
      goesAway: "removed",
      brandNew: "added",
      brandNewBroken: "new",
      skippedBefore: "new",
      retried: "flaky",
      nowSkipped: "skipped",
    });
    expect(blocked).toBe(true);
    expect(section.counts).toMatchObject({
      new: 3,
      known: 1,
      flaky: 1,
      fixed: 1,
      added: 1,
      removed: 1,
      skipped: 1,
      passed: 1,
    });
    expect(section.baseline).toEqual({ available: true, source: "base" });
    const breaks = section.tests.find((t) => t.name === "breaks")!;
    expect(breaks).toMatchObject({
      id: "suite.Cls::breaks",
      classname: "suite.Cls",
      file: "src/breaks.test.js",
      line: 3,
      blocking: true,
      evidence: "passed on the base, fails here",
      message: "breaks broke",
      firstLines: ["AssertionError: breaks", "    at breaks.test.js:3"],
    });
    expect(section.tests.find((t) => t.name === "retried")!.evidence).toMatch(/passed on retry in-report/);
    // Most important first.
    expect(section.tests[0]!.class).toBe("new");
  });

  test("includePassed: false lists every non-passing test and only counts passing ones", async () => {
    const base = await run("base", { a: "p", b: "p", c: "f", d: "f", e: "p", g: "p", h: "p" });
    const candidate = await run("candidate", { a: "p", b: "f", c: "f", d: "p", f: "p", g: "fp", h: "s", i: "p" });
    const { section } = classify({ base: [base], candidate: [candidate], clock, includePassed: false });
    expect(section.passedListed).toBe(false);
    expect(classes(section)).toEqual({
      b: "new",
      c: "known",
      g: "flaky",
      d: "fixed",
      f: "added",
      i: "added",
      e: "removed",
      h: "skipped",
    });
    expect(section.counts).toMatchObject({
      passed: 1,
      new: 1,
      known: 1,
      flaky: 1,
      fixed: 1,
      added: 2,
      removed: 1,
      skipped: 1,
    });
    expect(section.tests.some((t) => t.class === "passed")).toBe(false);
    // A policy that blocks on passing tests must see them.
    const odd = classify({
      base: [base],
      candidate: [candidate],
      clock,
      includePassed: false,
      policy: { blocking: ["passed"] },
    }).section;
    expect(odd.tests.filter((t) => t.class === "passed").map((t) => t.name)).toEqual(["a"]);
  });

  test("the section is valid in a finalized run report and renders with core's renderers", async () => {
    const base = await run("base", { a: "p", b: "p", c: "f" });
    const candidate = await run("candidate", { a: "f", b: "fp", c: "f" });
    const { section } = classify({ base: [base], candidate: [candidate], clock });
    const report = finalizeReport({ ...createReport({ tool: { version: "0.0.0" } }), regressions: section });
    expect(validateReport(report).valid).toBe(true);
    expect(report.decision.ready).toBe(false);
    expect(report.decision.blockingReasons[0]).toMatchObject({ source: "regression", code: "REGRESSIONS_BLOCK" });
    const comment = renderComment(report);
    expect(comment).toContain("New regressions (1)");
    expect(comment).toContain("AssertionError: a");
    expect(renderJobSummary(report)).toContain("Flaky suspects (1)");
  });

  test("no baseline: failures are unknown-baseline, never new or known, and the report says so", async () => {
    const candidate = await run("candidate", { a: "f", b: "p", c: "fp" });
    const { section, blocked } = classify({ base: null, candidate: [candidate], clock });
    expect(classes(section)).toEqual({ a: "unknown-baseline", b: "passed", c: "flaky" });
    expect(section.baseline.available).toBe(false);
    expect(section.baseline.note).toMatch(/cannot be told new from known/);
    // A failure whose baseline is unknown blocks by default, and so does not having chosen `baseline: none`.
    expect(blocked).toBe(true);
    const report = finalizeReport({ ...createReport({ tool: { version: "0" } }), regressions: section });
    expect(report.decision.ready).toBe(false);
    expect(report.decision.blockingReasons.map((r) => r.code)).toEqual(["REGRESSIONS_BLOCK", "BASELINE_MISSING"]);
    expect(report.decision.blockingReasons[1]?.message).toMatch(/no baseline/);
    const relaxed = classify({ base: null, candidate: [candidate], clock, policy: { blocking: ["new"] } });
    expect(relaxed.blocked).toBe(false);
  });

  test("a base that holds no test counts as no baseline", async () => {
    const empty = mergeReports([], { label: "base" });
    const candidate = await run("candidate", { a: "f" });
    const { section } = classify({ base: [empty], candidate: [candidate], clock });
    expect(classes(section)).toEqual({ a: "unknown-baseline" });
    expect(section.baseline.note).toMatch(/hold no test/);
  });

  test("policy: blocking classes are configurable", async () => {
    const base = await run("base", { a: "f", b: "p" });
    const candidate = await run("candidate", { a: "f", b: "fp" });
    expect(classify({ base: [base], candidate: [candidate], clock }).blocked).toBe(false);
    const strict = classify({
      base: [base],
      candidate: [candidate],
      clock,
      policy: { blocking: ["new", "known", "flaky"] },
    });
    expect(strict.blocked).toBe(true);
    expect(strict.section.policy.blocking).toEqual(["new", "known", "flaky"]);
    expect(strict.section.tests.every((t) => t.blocking)).toBe(true);
  });
});

describe("flaky evidence", () => {
  test("passed in a later attempt (a re-run of the candidate)", async () => {
    const base = await run("base", { a: "p" });
    const first = await run("attempt 1", { a: "f", b: "p" });
    const second = await run("attempt 2", { a: "p", b: "p" });
    const { section } = classify({ base: [base], candidate: [first, second], clock });
    const a = section.tests.find((t) => t.name === "a")!;
    expect(a.class).toBe("flaky");
    expect(a.evidence).toBe("failed in attempt 1, passed in a later attempt (2)");
    expect(a.attempts?.map((x) => x.status)).toEqual(["failed", "passed"]);
    expect(a.firstLines?.[0]).toBe("AssertionError: a");
  });

  test("flips in history", async () => {
    const base = await run("base", { a: "p", b: "p" });
    const h1 = await run("h1", { a: "p", b: "f" });
    const h2 = await run("h2", { a: "f", b: "p" });
    const candidate = await run("candidate", { a: "f", b: "p" });
    const { section } = classify({ base: [base], candidate: [candidate], history: [h1, h2], clock });
    expect(classes(section)).toEqual({ a: "flaky", b: "flaky" });
    expect(section.tests.find((t) => t.name === "a")!.evidence).toMatch(/passed in 1 of 2 earlier run/);
  });

  test("flaky on the base, failing every attempt here", async () => {
    const base = await run("base", { a: "fp" });
    const candidate = await run("candidate", { a: "ff" });
    const { section } = classify({ base: [base], candidate: [candidate], clock });
    expect(classes(section)).toEqual({ a: "flaky" });
  });

  test("repetitions mode: a failing repetition fails the test instead of making it flaky", async () => {
    const base = await run("base", { a: "ppp" }, "repetitions");
    const candidate = await run("candidate", { a: "pfp" }, "repetitions");
    const { section } = classify({ base: [base], candidate: [candidate], clock });
    expect(classes(section)).toEqual({ a: "new" });
    expect(section.tests[0]!.attempts).toHaveLength(3);
    const asRetries = classify({ base: [base], candidate: [await run("c", { a: "pfp" })], clock });
    expect(classes(asRetries.section)).toEqual({ a: "flaky" });
  });
});

describe("known-failing list", () => {
  const yaml = `
tests:
  - id: "suite.Cls::a"
    reason: "JIRA-1: upstream bug"
  - classname: "suite.*"
    name: "b*"
    reason: "storage emulator"
    expires: 2026-12-31
  - name: c
    reason: "was broken in May"
    expires: 2026-05-31
  - name: never-matches
    reason: stale
`;

  test("listed failures are known (with reason); expired entries do not apply and are reported", async () => {
    const list = parseKnownFailing(yaml, "known-failing.yml");
    const base = await run("base", { a: "p", bee: "p", c: "p", d: "p" });
    const candidate = await run("candidate", { a: "f", bee: "f", c: "f", d: "p" });
    const { section } = classify({ base: [base], candidate: [candidate], knownFailing: list, clock });
    expect(classes(section)).toEqual({ a: "known", bee: "known", c: "new", d: "passed" });
    expect(section.tests.find((t) => t.name === "a")!.knownReason).toBe("JIRA-1: upstream bug");
    expect(section.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/name="c" expired on 2026-05-31/),
        expect.stringMatching(/name="never-matches" matched no test/),
      ]),
    );
  });

  test("a listed failure is known even without a baseline (explicit, not silent)", async () => {
    const list = parseKnownFailing(JSON.stringify([{ name: "a", reason: "known" }]));
    const candidate = await run("candidate", { a: "f", b: "f" });
    const { section } = classify({ base: null, candidate: [candidate], knownFailing: list, clock });
    expect(classes(section)).toEqual({ a: "known", b: "unknown-baseline" });
  });

  test.each([
    ["not a list", "tests: 3"],
    ["no selector", "- reason: x"],
    ["no reason", "- name: a"],
    ["bad date", "- name: a\n  reason: r\n  expires: someday"],
    ["unknown field", "- name: a\n  reason: r\n  owner: me"],
    ["bad yaml", "- name: [a"],
  ])("invalid file (%s) is KNOWN_FAILING_INVALID", (_what, text) => {
    expect(() => parseKnownFailing(text, "kf.yml")).toThrowError(
      expect.objectContaining({ code: "KNOWN_FAILING_INVALID", message: expect.stringContaining("kf.yml") }),
    );
  });
});

describe("annotations", () => {
  test("most important first, at most 10, with file and line", async () => {
    const spec: Spec = {};
    for (let i = 0; i < 8; i += 1) spec[`known${i}`] = "f";
    for (let i = 0; i < 5; i += 1) spec[`new${i}`] = "f";
    spec.flaky = "fp";
    const base = await run("base", {
      ...Object.fromEntries(Object.keys(spec).map((k) => [k, k.startsWith("known") ? "f" : "p"])),
    });
    const candidate = await run("candidate", spec);
    const { section } = classify({ base: [base], candidate: [candidate], clock });
    const annotations = selectAnnotations(section);
    expect(annotations).toHaveLength(10);
    expect(annotations.slice(0, 5).every((a) => a.level === "error" && a.title.startsWith("new:"))).toBe(true);
    expect(annotations[5]!.title).toMatch(/^known:/);
    expect(annotations[0]).toMatchObject({ file: "src/new0.test.js", line: 3 });
    const cmd = formatAnnotationCommand({
      level: "error",
      file: "a,b.js",
      line: 3,
      title: "new: x:y",
      message: "l1\nl2%",
    });
    expect(cmd).toBe("::error file=a%2Cb.js,line=3,title=new%3A x%3Ay::l1%0Al2%25");
  });
});

describe("determinism", () => {
  test("same inputs, same section; classes in importance order, input order within a class", async () => {
    const base = await run("base", { z: "p", a: "p", m: "f", q: "p" });
    const candidate = await run("candidate", { z: "f", a: "p", m: "f", q: "f" });
    const s1 = classify({ base: [base], candidate: [candidate], clock }).section;
    const s2 = classify({ base: [base], candidate: [candidate], clock }).section;
    expect(s2).toEqual(s1);
    expect(s1.tests.map((t) => `${t.class}:${t.name}`)).toEqual(["new:z", "new:q", "known:m", "passed:a"]);
  });
});
