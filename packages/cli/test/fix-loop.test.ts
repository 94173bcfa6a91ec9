/**
 * Stage 3 end to end: a two-iteration fix loop in a real git repository. Iteration 1 fails two
 * tests; the agent commits a fix; iteration 2 fixes both (one of them also "fixed against base")
 * and breaks another. Then the budget refuses iteration 3 until a maintainer raises it, and a
 * maintainer's stop refuses the next.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-loop-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function junit(results: Record<string, boolean>): string {
  const cases = Object.entries(results)
    .map(([name, ok]) =>
      ok
        ? `<testcase classname="suite" name="${name}" time="0.01"/>`
        : `<testcase classname="suite" name="${name}" time="0.01"><failure message="${name} broke">boom</failure></testcase>`,
    )
    .join("\n");
  const failures = Object.values(results).filter((ok) => !ok).length;
  return `<?xml version="1.0"?>\n<testsuites><testsuite name="suite" tests="${Object.keys(results).length}" failures="${failures}">\n${cases}\n</testsuite></testsuites>\n`;
}

const git = (...args: string[]) =>
  execFileSync("git", args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@e",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@e",
    },
  })
    .toString()
    .trim();

describe("the fix-iteration loop", () => {
  test("two iterations: ledger, report.json/md/html history, fixed in this loop vs fixed against base, budget and stop", async () => {
    mkdirSync(join(dir, "reports"));
    writeFileSync(
      join(dir, "codexrel.yml"),
      [
        "version: 1",
        "checks:",
        "  - name: unit",
        "    run: 'true'",
        "regressions:",
        "  base: [reports/base.xml]",
        "  candidate: [reports/candidate.xml]",
        "  blocking: [new, known]",
        "iterations:",
        "  max: 2",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "reports/base.xml"), junit({ a: true, b: false, c: true, d: true }));
    writeFileSync(join(dir, "reports/candidate.xml"), junit({ a: false, b: false, c: true, d: true }));
    writeFileSync(join(dir, "src.txt"), "one\n");
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "start");
    const first = git("rev-parse", "HEAD");

    const r1 = await cli(
      ["run", "--config", "codexrel.yml", "--iteration", "1", "--hypothesis", "a broke in the parser rewrite"],
      { cwd: dir },
    );
    expect(r1.stderr).not.toMatch(/Error|[A-Z]{4,}_[A-Z_]+/);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain("Iteration 1 recorded in .codexrel/iterations.json");

    // The agent's fix: a and b pass now; d breaks.
    writeFileSync(join(dir, "reports/candidate.xml"), junit({ a: true, b: true, c: true, d: false }));
    writeFileSync(join(dir, "src.txt"), "one\ntwo\nthree\n");
    writeFileSync(
      join(dir, "notes.yml"),
      "hypothesis: the parser lost its escape table\nresidualRisk: d depends on locale\n",
    );
    git("commit", "-qam", "fix a and b");
    const second = git("rev-parse", "HEAD");
    const r2 = await cli(["run", "--config", "codexrel.yml", "--iteration", "2", "--notes-file", "notes.yml"], {
      cwd: dir,
    });
    expect(r2.code).toBe(1);

    const ledger = JSON.parse(readFileSync(join(dir, ".codexrel/iterations.json"), "utf8"));
    expect(ledger.iterations.map((e: { n: number; commit: string }) => [e.n, e.commit])).toEqual([
      [1, first],
      [2, second],
    ]);
    const [i1, i2] = ledger.iterations;
    expect(i1).toMatchObject({
      checks: { pass: 1, fail: 0, warn: 0, skip: 0 },
      tests: { total: 4, failing: 2 },
      fixedInLoop: [],
      newlyFailing: [],
      diffStat: null,
      hypothesis: "a broke in the parser rewrite",
      stopReason: null,
      ready: false,
    });
    expect(i2).toMatchObject({
      tests: { total: 4, failing: 1 },
      fixedInLoop: ["suite::a", "suite::b"],
      fixedAgainstBase: ["suite::b"],
      newlyFailing: ["suite::d"],
      hypothesis: "the parser lost its escape table",
      residualRisk: "d depends on locale",
      stopReason: "fix budget reached (2 of 2)",
    });
    // reports/candidate.xml and src.txt changed (notes.yml is untracked: not part of the diff).
    expect(i2.diffStat).toEqual({ files: 2, insertions: expect.any(Number), deletions: expect.any(Number) });
    expect(i2.diffStat.insertions).toBeGreaterThan(0);

    const report = JSON.parse(readFileSync(join(dir, ".codexrel/out/report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
    expect(report.iterations.budget).toEqual({ max: 2, source: "config" });
    expect(report.iterations.entries.map((e: { n: number }) => e.n)).toEqual([1, 2]);
    expect(report.iterations.entries[1].failingTests).toBeUndefined();
    expect(report.meta.iteration).toEqual({ n: 2, max: 2, stopReason: "fix budget reached (2 of 2)" });
    expect(report.decision.blockingReasons.map((b: { code: string }) => b.code)).toContain("ITERATIONS_EXHAUSTED");

    const md = readFileSync(join(dir, ".codexrel/out/report.md"), "utf8");
    expect(md).toContain("#### Fix iterations");
    expect(md).toMatch(/\| 1 \| `[0-9a-f]{7}` \| 1✓ 0✗ \| 2 failing \/ 4 \| — \| — \| — \|/);
    expect(md).toMatch(
      /\| 2 \| `[0-9a-f]{7}` \| 1✓ 0✗ \| 1 failing \/ 4 \| `suite::a`, `suite::b` \| `suite::d` \| 2 files/,
    );
    expect(md).toContain("Fixed against base (failed on the base branch, pass now): `suite::b`");
    const html = readFileSync(join(dir, ".codexrel/out/report.html"), "utf8");
    expect(html).toContain("<h2>Fix iterations</h2>");
    expect(html).toMatch(
      /<td>2<\/td>.*<td><code>suite::a<\/code>, <code>suite::b<\/code><\/td><td><code>suite::d<\/code><\/td><td><code>suite::b<\/code><\/td>/,
    );

    // Beyond the budget: a usage error, nothing recorded.
    const r3 = await cli(["run", "--config", "codexrel.yml", "--iteration", "3"], { cwd: dir });
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/ITERATION_OVER_BUDGET.*iteration 3 is beyond the fix budget of 2 \(from the config\)/);
    // Skipping ahead is refused too.
    const r4 = await cli(["run", "--config", "codexrel.yml", "--iteration", "5", "--max-iterations", "9"], {
      cwd: dir,
    });
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/ITERATION_OUT_OF_ORDER/);

    // A maintainer raises the budget: iteration 3 runs.
    const raise = await cli(["iterations", "raise", "--max", "3", "--by", "octocat"], { cwd: dir });
    expect(raise.code).toBe(0);
    writeFileSync(join(dir, "reports/candidate.xml"), junit({ a: true, b: true, c: true, d: true }));
    const r5 = await cli(["run", "--config", "codexrel.yml", "--iteration", "3"], { cwd: dir });
    expect(r5.code).toBe(0);
    const after = JSON.parse(readFileSync(join(dir, ".codexrel/out/report.json"), "utf8"));
    expect(after.iterations.budget).toEqual({ max: 3, source: "maintainer", raisedBy: "octocat" });
    expect(after.iterations.entries[2]).toMatchObject({
      fixedInLoop: ["suite::d"],
      stopReason: "required checks pass",
    });

    // `@codex stop` (routed by @codexrel/threads) -> `codexrel iterations stop`: the next iteration is refused.
    const stop = await cli(["iterations", "stop", "--by", "octocat", "--reason", "shipping as is"], { cwd: dir });
    expect(stop.stdout).toContain("Fix loop stopped by @octocat: shipping as is after iteration 3.");
    const r6 = await cli(["run", "--config", "codexrel.yml", "--iteration", "3"], { cwd: dir });
    expect(r6.code).toBe(2);
    expect(r6.stderr).toMatch(/ITERATION_LOOP_STOPPED/);
  });
});
