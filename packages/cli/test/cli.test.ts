import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, cliProcess, copyDemo, repoRoot } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(yaml: string): string {
  const path = join(dir, "codexrel.yml");
  writeFileSync(path, yaml);
  return path;
}

describe("codexrel run", () => {
  test("the demo: fallback rescue and non-blocking failures warn, one test of each class, the new regression blocks", async () => {
    const out = join(dir, "out");
    const demo = copyDemo();
    const r = await cli(["run", "--config", demo.config, "--out", out, "--iteration", "1"]);
    expect(r.stderr).not.toContain("INTERNAL");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PASS {2}lint/);
    expect(r.stdout).toMatch(/WARN {2}build .*fallback used/);
    expect(r.stdout).toMatch(/WARN {2}docs links .*non-blocking/);
    expect(r.stdout).toContain("Decision: NOT READY");
    expect(r.stdout).toContain("blocking: [REGRESSIONS_BLOCK] blocking tests (1 new): math › slugifies titles");
    expect(r.stdout).toContain("fix iteration 1 of 3");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
    expect(report.commands.map((c: { name: string; status: string }) => `${c.name}: ${c.status}`)).toEqual([
      "lint: pass",
      "unit tests: warn",
      "unit tests (re-run): warn",
      "build: warn",
      "docs links: warn",
    ]);
    // Real node --test runs classified against the committed base report: one test of each class.
    const byClass = Object.fromEntries(
      report.regressions.tests.map((t: { class: string; name: string }) => [t.class, t.name]),
    );
    expect(byClass).toEqual({
      new: "slugifies titles",
      known: "formats prices for de-DE",
      flaky: "retries the flaky network call",
      fixed: "computes ISO weeks",
      added: "truncates long titles",
      removed: "keeps the legacy number format",
      skipped: "renders dark mode",
    });
    // Passing tests are counted, not listed (the report grows with what needs attention).
    expect(report.regressions.counts.passed).toBe(1);
    expect(report.regressions.passedListed).toBe(false);
    expect(report.regressions.tests.find((t: { class: string }) => t.class === "flaky").evidence).toMatch(
      /later attempt/,
    );
    expect(report.decision.risks).toEqual(expect.arrayContaining([expect.stringMatching(/flaky/)]));
    expect(report.decision.changelog).toMatch(/^From 2 pending changeset\(s\):/);
    expect(report.meta.iteration).toEqual({ n: 1, max: 3, stopReason: null });
    // No token in the environment: preflight says so and publication is blocked, truthfully.
    expect(report.publication).toMatchObject({ status: "blocked", code: "GITHUB_TOKEN_MISSING" });
    expect(report.publication.reason).toMatch(/^publication blocked: no token/);
    expect(report.preflight).toEqual([
      expect.objectContaining({ id: "github-token", status: "fail", blocking: false }),
      // The demo's CUJ bundle (publish: in codexrel.yml) is checked too.
      expect.objectContaining({ id: "cuj-bundle", status: "pass" }),
      // The run's commit is unknown here (no git checkout): the journeys are shown, never evidence,
      // so the required-CUJ gate warns instead of passing.
      expect.objectContaining({ id: "cuj-journeys", status: "pass", evidence: false }),
      expect.objectContaining({ id: "cuj-required", status: "warn", code: "CUJ_REQUIRED_NOT_EVIDENCE" }),
    ]);
    expect(r.stdout).toMatch(/publication: blocked \(GITHUB_TOKEN_MISSING\) — publication blocked: no token/);
    for (const f of ["report.md", "report.html", "summary.md"]) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toMatch(/^<!doctype html>/);
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("<summary>Changelog draft</summary>");
  });

  test("a blocking failure => not ready, exit 1, and the reason is printed", async () => {
    const config = writeConfig("checks:\n  - name: unit\n    run: echo 'FAIL one'; exit 1\n");
    const r = await cli(["run", "--config", config]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Decision: NOT READY");
    expect(r.stdout).toContain('blocking: [CHECK_FAILED] check "unit" failed: exit code 1');
    expect(existsSync(join(dir, ".codexrel/out/report.json"))).toBe(true);
  });

  test("--json prints the report only", async () => {
    const config = writeConfig("checks:\n  - name: ok\n    run: 'true'\n");
    const r = await cli(["run", "--config", config, "--json"]);
    expect(r.code).toBe(0);
    expect(validateReport(JSON.parse(r.stdout)).valid).toBe(true);
  });

  test("an invalid config is exit 2 with a coded error and writes nothing", async () => {
    const config = writeConfig("checks:\n  - name: x\n    runn: typo\n");
    const r = await cli(["run", "--config", config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^CONFIG_INVALID: .*\/checks\/0\/runn is not an allowed property/m);
    expect(r.stderr).toContain("hint:");
    expect(existsSync(join(dir, ".codexrel"))).toBe(false);
  });

  test("malformed YAML is exit 2 with the position", async () => {
    const config = writeConfig("checks: [\n");
    const r = await cli(["run", "--config", config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_PARSE: .*codexrel\.yml:\d+:\d+/);
  });

  test("a missing config is exit 2", async () => {
    const r = await cli(["run", "--config", join(dir, "nope.yml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^INPUT_NOT_FOUND/);
  });

  test("a previous report survives a run that fails on bad config", async () => {
    const out = join(dir, "out");
    await cli(["run", "--config", writeConfig("checks:\n  - name: ok\n    run: 'true'\n"), "--out", out]);
    const before = readFileSync(join(out, "report.json"), "utf8");
    const r = await cli(["run", "--config", writeConfig("checks: 3\n"), "--out", out]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(out, "report.json"), "utf8")).toBe(before);
  });

  test("secrets in the environment never reach stdout or the report", async () => {
    const token = `ghp_${"Zx9".repeat(12)}`;
    const config = writeConfig(
      'checks:\n  - name: leak\n    run: echo "$GITHUB_TOKEN and custom $MY_SECRET"; exit 1\n',
    );
    const env = { PATH: process.env.PATH, GITHUB_TOKEN: token, OPENAI_API_KEY: "not-a-pattern-but-secret-value" };
    const r = await cli(["run", "--config", config, "--verbose"], { env });
    expect(r.code).toBe(1);
    const files = ["report.json", "report.md", "report.html", "summary.md"].map((f) =>
      readFileSync(join(dir, ".codexrel/out", f), "utf8"),
    );
    for (const text of [r.stdout, r.stderr, ...files]) expect(text).not.toContain(token);
  });
});

describe("codexrel checks run", () => {
  test("prints the table and exits by the decision", async () => {
    const config = writeConfig(
      "checks:\n  - name: a\n    run: 'true'\n  - name: b\n    run: 'false'\n    blocking: false\n",
    );
    const r = await cli(["checks", "run", "--config", config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS {2}a/);
    expect(r.stdout).toMatch(/WARN {2}b/);
    const j = await cli(["checks", "run", "--config", config, "--json"]);
    expect(JSON.parse(j.stdout).map((c: { status: string }) => c.status)).toEqual(["pass", "warn"]);
  });
});

describe("codexrel report", () => {
  async function demoReport(): Promise<string> {
    const out = join(dir, "out");
    await cli(["run", "--config", writeConfig("checks:\n  - name: ok\n    run: 'true'\n"), "--out", out]);
    return join(out, "report.json");
  }

  test("validate: valid => 0; invalid => 1 with every pointer; not JSON => 2", async () => {
    const file = await demoReport();
    expect((await cli(["report", "validate", file])).code).toBe(0);
    const bad = JSON.parse(readFileSync(file, "utf8"));
    bad.commands[0].status = "ok";
    delete bad.decision;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const r = await cli(["report", "validate", join(dir, "bad.json"), "--json"]);
    expect(r.code).toBe(1);
    const pointers = JSON.parse(r.stdout).errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/commands/0/status", "/decision"]));
    writeFileSync(join(dir, "junk.json"), "{nope");
    expect((await cli(["report", "validate", join(dir, "junk.json")])).code).toBe(2);
  });

  test("render md|summary|html; an invalid report renders nothing (exit 2)", async () => {
    const file = await demoReport();
    expect((await cli(["report", "render", file])).stdout).toContain("<!-- codexrel:report -->");
    expect((await cli(["report", "render", file, "--format", "summary"])).stdout).toContain("#### Checks");
    const out = join(dir, "r.html");
    expect((await cli(["report", "render", file, "--format", "html", "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<!doctype html>");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ schemaVersion: "1" }));
    const bad = await cli([
      "report",
      "render",
      join(dir, "bad.json"),
      "--format",
      "html",
      "--out",
      join(dir, "bad.html"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^REPORT_INVALID/);
    expect(existsSync(join(dir, "bad.html"))).toBe(false);
  });
});

describe("the codexrel executable", () => {
  test("--help everywhere, usage errors exit 2, the demo exits by its decision", { timeout: 120_000 }, () => {
    const help = cliProcess(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: codexrel");
    for (const sub of [["run"], ["checks", "run"], ["report", "validate"], ["report", "render"]]) {
      const r = cliProcess([...sub, "--help"]);
      expect(r.code, sub.join(" ")).toBe(0);
      expect(r.stdout).toContain("Usage: codexrel");
    }
    expect(cliProcess(["no-such-command"]).code).toBe(2);
    expect(cliProcess(["run"]).code).toBe(2); // missing --config
    expect(cliProcess(["report", "render", "x.json", "--format", "pdf"]).code).toBe(2);
    const demo = cliProcess(["run", "--config", copyDemo().config, "--out", join(dir, "out")], { cwd: repoRoot });
    expect(demo.code).toBe(1); // the demo's new regression: not ready
    expect(demo.stdout).toContain("Decision: NOT READY");
  });
});
