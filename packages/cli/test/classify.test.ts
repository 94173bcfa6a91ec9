import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { describe, expect, test } from "vitest";
import { cli, cliProcess } from "./helpers.js";

function suite(cases: Record<string, "pass" | "fail">): string {
  const body = Object.entries(cases)
    .map(([name, s]) =>
      s === "pass"
        ? `<testcase classname="app.Calc" name="${name}" file="src/calc.test.js" line="4"/>`
        : `<testcase classname="app.Calc" name="${name}" file="src/calc.test.js" line="9"><failure message="${name} failed">AssertionError: ${name}</failure></testcase>`,
    )
    .join("");
  return `<?xml version="1.0"?><testsuites><testsuite name="app.Calc">${body}</testsuite></testsuites>`;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "codexrel-classify-"));
  writeFileSync(join(dir, "base.xml"), suite({ adds: "pass", divides: "fail", rounds: "pass" }));
  writeFileSync(join(dir, "candidate.xml"), suite({ adds: "fail", divides: "fail", rounds: "pass", parses: "pass" }));
  writeFileSync(join(dir, "known.yml"), `- name: adds\n  reason: "JIRA-7 upstream float bug"\n`);
  return dir;
}

describe("codexrel classify", () => {
  test("--json prints a valid run report listing each non-passing test under its class; exit 1 when policy blocks", async () => {
    const dir = workspace();
    const r = await cli(["classify", "--base", "base.xml", "--candidate", "candidate.xml", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report).valid).toBe(true);
    const byName = Object.fromEntries(
      report.regressions.tests.map((t: { name: string; class: string }) => [t.name, t.class]),
    );
    expect(byName).toEqual({ adds: "new", divides: "known", parses: "added" });
    expect(report.regressions.counts.passed).toBe(1);
    expect(report.regressions.passedListed).toBe(false);
    const adds = report.regressions.tests.find((t: { name: string }) => t.name === "adds");
    expect(adds).toMatchObject({ classname: "app.Calc", file: "src/calc.test.js", line: 9, blocking: true });
    expect(report.decision.ready).toBe(false);
  });

  test("--include-passed lists passing tests too", async () => {
    const dir = workspace();
    const r = await cli(
      ["classify", "--base", "base.xml", "--candidate", "candidate.xml", "--json", "--include-passed"],
      { cwd: dir },
    );
    const report = JSON.parse(r.stdout);
    expect(validateReport(report).valid).toBe(true);
    expect(report.regressions.passedListed).toBe(true);
    expect(report.regressions.tests.find((t: { name: string }) => t.name === "rounds")).toMatchObject({
      class: "passed",
    });
  });

  test("--repeated: an unknown value is a usage error (exit 2)", async () => {
    const dir = workspace();
    const r = await cli(["classify", "--candidate", "candidate.xml", "--repeated", "twice"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--repeated/);
  });

  test("a known-failing entry turns the regression into a known failure: exit 0", async () => {
    const dir = workspace();
    const r = await cli(
      [
        "classify",
        "--base",
        "base.xml",
        "--candidate",
        "candidate.xml",
        "--known-failing",
        "known.yml",
        "--out",
        "report.json",
        "--summary",
        "summary.md",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("known (2)");
    expect(r.stdout).toContain("known: JIRA-7 upstream float bug");
    expect(validateReport(JSON.parse(readFileSync(join(dir, "report.json"), "utf8"))).valid).toBe(true);
    expect(readFileSync(join(dir, "summary.md"), "utf8")).toContain("Known failures (2)");
  });

  test("without --base: unknown-baseline, said plainly, not ready (BASELINE_MISSING) until --no-base chooses it", async () => {
    const dir = workspace();
    const r = await cli(["classify", "--candidate", "candidate.xml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/baseline: none — no base results were given/);
    expect(r.stdout).toContain("unknown-baseline (2) — blocking");
    expect(r.stdout).toMatch(/Decision: NOT READY/);
    expect(r.stdout).toContain("[BASELINE_MISSING]");
    // Chosen on purpose, failures without a baseline still block by default; --blocking new relaxes it.
    const chosen = await cli(["classify", "--candidate", "candidate.xml", "--no-base"], { cwd: dir });
    expect(chosen.code).toBe(1);
    expect(chosen.stdout).toMatch(/baseline: none \(chosen with --no-base\)/);
    expect(chosen.stdout).not.toContain("BASELINE_MISSING");
    const relaxed = await cli(["classify", "--candidate", "candidate.xml", "--no-base", "--blocking", "new"], {
      cwd: dir,
    });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/Decision: READY/);
  });

  test("--blocking widens the policy; an unknown class is a usage error (exit 2)", async () => {
    const dir = workspace();
    const strict = await cli(
      [
        "classify",
        "--base",
        "base.xml",
        "--candidate",
        "candidate.xml",
        "--known-failing",
        "known.yml",
        "--blocking",
        "new,known",
      ],
      { cwd: dir },
    );
    expect(strict.code).toBe(1);
    const bad = await cli(["classify", "--candidate", "candidate.xml", "--blocking", "nope"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("USAGE");
  });

  test("a malformed report is a coded error naming file and line (exit 2); no candidate report is an error too", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "broken.xml"), `<testsuite><testcase name="a">`);
    const broken = await cli(["classify", "--candidate", "broken.xml"], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/JUNIT_MALFORMED: broken\.xml:1:\d+/);
    const none = await cli(["classify", "--candidate", "nothing/*.xml"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'REGRESSIONS_INPUT_MISSING: configured test report path(s) match no file: candidate "nothing/*.xml"',
    );
  });

  test("the real executable classifies globs", () => {
    const dir = workspace();
    // The helper starts tsx from the repository, so paths are absolute here.
    const r = cliProcess([
      "classify",
      "--base",
      join(dir, "base.xml"),
      "--candidate",
      join(dir, "cand*.xml"),
      "--json",
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).regressions.counts).toMatchObject({ new: 1, known: 1, added: 1, passed: 1 });
  });
});
