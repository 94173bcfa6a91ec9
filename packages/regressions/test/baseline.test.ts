import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attemptBits, classify, classifyReports, loadRun, outcomeOf, outcomeOfBits } from "@codexrel/regressions";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// classifyReports reduces the base to outcome bits while it streams (BaselineBuilder); classify
// over runs in memory keeps every record (baselineFromRuns). Both must give the same section.

const clock = { now: () => new Date("2026-06-01T12:00:00Z") };

/** One <testcase> per letter: p passed, f failed, e error, s skipped, r Surefire flakyFailure then pass. */
function junit(spec: Record<string, string>, suite = "pkg.Cls"): string {
  const body = (name: string, s: string) =>
    s === "f"
      ? `<failure message="${name} broke">AssertionError: ${name}</failure>`
      : s === "e"
        ? `<error message="${name} crashed">Error</error>`
        : s === "s"
          ? "<skipped/>"
          : s === "r"
            ? `<flakyFailure message="${name} flaked">boom</flakyFailure>`
            : "";
  const cases = Object.entries(spec).flatMap(([name, seq]) =>
    [...seq].map((s) => `<testcase classname="pkg.Cls" name="${name}" file="t/${name}.js">${body(name, s)}</testcase>`),
  );
  return `<testsuites><testsuite name="${suite}">${cases.join("\n")}</testsuite></testsuites>`;
}

const BASE = {
  stillPasses: "p",
  breaks: "p",
  alreadyBroken: "f",
  getsFixed: "f",
  goesAway: "p",
  goesAwayRetried: "fp",
  skippedBefore: "s",
  flakyOnBase: "fp",
  surefireFlaky: "r",
  repeatedFail: "pf",
  nowSkipped: "p",
};
const CANDIDATE = {
  stillPasses: "p",
  breaks: "f",
  alreadyBroken: "f",
  getsFixed: "p",
  brandNew: "p",
  brandNewBroken: "e",
  skippedBefore: "f",
  flakyOnBase: "f",
  surefireFlaky: "f",
  repeatedFail: "f",
  nowSkipped: "s",
  retried: "fp",
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "codexrel-baseline-"));
  await writeFile(join(dir, "base.xml"), junit(BASE));
  await writeFile(join(dir, "candidate.xml"), junit(CANDIDATE));
  // The same tests from pytest (its suite name): repeated testcases are reruns there.
  await writeFile(join(dir, "pytest-base.xml"), junit(BASE, "pytest"));
  await writeFile(join(dir, "pytest-candidate.xml"), junit(CANDIDATE, "pytest"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("streamed baseline", () => {
  const modes = [
    ["attempts", ""],
    ["repetitions", ""],
    ["separate", ""],
    ["auto", ""], // unrecognised JUnit: separate tests
    ["auto", "pytest-"], // pytest: reruns
  ] as const;
  for (const [repeated, prefix] of modes) {
    test(`gives the section classify gives over whole runs (repeated testcases: ${repeated} ${prefix || "junit"})`, async () => {
      const files = { base: [`${prefix}base.xml`], candidate: [`${prefix}candidate.xml`] };
      const streamed = await classifyReports({ ...files, cwd: dir, repeated, clock, includePassed: true });
      const base = await loadRun(files.base, { label: "base", cwd: dir, repeated });
      const candidate = await loadRun(files.candidate, { label: "candidate", cwd: dir, repeated });
      const whole = classify({ base: [base], candidate: [candidate], clock, includePassed: true });
      expect(streamed.section).toEqual(whole.section);
      expect(streamed.blocked).toBe(whole.blocked);
      // Every class the table can give from these inputs is exercised, removed included.
      const seen = new Set(streamed.section.tests.map((t) => t.class));
      for (const cls of ["new", "known", "flaky", "fixed", "added", "removed", "skipped", "passed"]) {
        expect(seen).toContain(cls);
      }
      const separate = repeated === "separate" || (repeated === "auto" && prefix === "");
      if (separate) {
        expect(streamed.section.tests.find((t) => t.id === "pkg.Cls::retried [#2]")).toMatchObject({ class: "added" });
        expect([...(streamed.base?.tests.keys() ?? [])].sort()).toEqual([
          "pkg.Cls::flakyOnBase [#2]",
          "pkg.Cls::goesAway",
          "pkg.Cls::goesAwayRetried",
          "pkg.Cls::goesAwayRetried [#2]",
          "pkg.Cls::repeatedFail [#2]",
        ]);
        return;
      }
      if (prefix === "pytest-") {
        // A rerun record before the last is a failed attempt: "pf" on the base failed throughout.
        expect(streamed.section.tests.find((t) => t.name === "repeatedFail")).toMatchObject({ class: "known" });
      }
      // Only the tests the candidate dropped are kept whole.
      const suite = prefix === "pytest-" ? "pytest::" : "";
      expect([...(streamed.base?.tests.keys() ?? [])].sort()).toEqual([
        `${suite}pkg.Cls::goesAway`,
        `${suite}pkg.Cls::goesAwayRetried`,
      ]);
    });
  }

  test("gives the same section whatever order the base lists its tests in (the candidate's next test is tried first)", async () => {
    // 300 tests; the base drops some, adds some, swaps neighbours, moves a block far away and
    // repeats one, so every path of the lookup (next test, a few ahead, far away, absent) is taken.
    const names = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const candidateSpec = Object.fromEntries(
      names.filter((_, i) => i % 37 !== 5).map((n, i) => [n, i % 11 === 0 ? "f" : "p"]),
    );
    const baseNames = names.filter((_, i) => i % 29 !== 3);
    for (let i = 10; i + 1 < 100; i += 7) [baseNames[i], baseNames[i + 1]] = [baseNames[i + 1]!, baseNames[i]!];
    const moved = baseNames.splice(120, 40);
    baseNames.push(...moved, "gone1", "gone2");
    const baseSpec = Object.fromEntries(baseNames.map((n, i) => [n, i % 13 === 0 ? "f" : i === 50 ? "pf" : "p"]));
    await writeFile(join(dir, "order-base.xml"), junit(baseSpec));
    await writeFile(join(dir, "order-candidate.xml"), junit(candidateSpec));
    for (const repeated of ["auto", "attempts"] as const) {
      const files = { base: ["order-base.xml"], candidate: ["order-candidate.xml"] };
      const streamed = await classifyReports({ ...files, cwd: dir, repeated, clock, includePassed: true });
      const base = await loadRun(files.base, { label: "base", cwd: dir, repeated });
      const candidate = await loadRun(files.candidate, { label: "candidate", cwd: dir, repeated });
      const whole = classify({ base: [base], candidate: [candidate], clock, includePassed: true });
      expect(streamed.section).toEqual(whole.section);
      expect(streamed.section.tests.filter((t) => t.class === "removed").map((t) => t.name)).toContain("gone2");
    }
  });

  test("outcome bits agree with outcomeOf on every mix of attempt statuses and origins", () => {
    const statuses = ["passed", "failed", "error", "skipped"] as const;
    const origins = ["result", "rerun", "repeat", "retry"] as const;
    const one = statuses.flatMap((status) => origins.map((origin) => ({ status, origin })));
    let compared = 0;
    for (const a of one)
      for (const b of one)
        for (const repetitions of [false, true]) {
          const attempts = [a, b].map((x) => ({
            ...x,
            durationMs: null,
            message: null,
            firstLines: [],
            report: "r.xml",
            reportLine: 1,
          }));
          const expected = reference(attempts, repetitions);
          expect(outcomeOfBits(attemptBits(attempts), repetitions)).toBe(expected);
          expect(outcomeOf(attempts, repetitions)).toBe(expected);
          compared += 1;
        }
    expect(compared).toBe(one.length ** 2 * 2);
  });
});

/** The counting rule, written out independently of the bits. */
function reference(attempts: { status: string; origin: string }[], repetitions: boolean): string {
  const failed = (a: { status: string }) => a.status === "failed" || a.status === "error";
  const passes = attempts.filter((a) => a.status === "passed").length;
  const fails = attempts.filter(failed).length;
  const repeatFails = attempts.filter((a) => failed(a) && (a.origin === "result" || a.origin === "repeat")).length;
  if (fails === 0) return passes > 0 ? "pass" : "skip";
  if (passes === 0) return "fail";
  if (repetitions && repeatFails > 0) return "fail";
  return "flaky";
}
