import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, cliProcess, repoRoot } from "./helpers.js";

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
  test("the demo: pass, fallback rescue (warn), non-blocking failure (warn) => ready, files written", async () => {
    const out = join(dir, "out");
    const r = await cli(["run", "--config", "examples/demo/codexrel.yml", "--out", out]);
    expect(r.stderr).not.toContain("INTERNAL");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS {2}lint/);
    expect(r.stdout).toMatch(/WARN {2}build .*fallback used/);
    expect(r.stdout).toMatch(/WARN {2}docs links .*non-blocking/);
    expect(r.stdout).toContain("Decision: READY");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
    expect(report.commands.map((c: { status: string }) => c.status)).toEqual(["pass", "pass", "warn", "warn"]);
    // No token in the environment: preflight says so and publication is blocked, truthfully.
    expect(report.publication).toMatchObject({ status: "blocked", code: "GITHUB_TOKEN_MISSING" });
    expect(report.publication.reason).toMatch(/^publication blocked: no token/);
    expect(report.preflight).toEqual([
      expect.objectContaining({ id: "github-token", status: "fail", blocking: false }),
    ]);
    expect(r.stdout).toMatch(/publication: blocked \(GITHUB_TOKEN_MISSING\) — publication blocked: no token/);
    for (const f of ["report.md", "report.html", "summary.md"]) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toMatch(/^<!doctype html>/);
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
  test("--help everywhere, usage errors exit 2, the demo exits by its decision", () => {
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
    const demo = cliProcess(["run", "--config", "examples/demo/codexrel.yml", "--out", join(dir, "out")], {
      cwd: repoRoot,
    });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("Decision: READY");
  });
});
