import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-cuj-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("codexrel run publishes the CUJ bundle to the local folder", () => {
  test("the demo: bundle checked, copied with its gallery, every artifact a relative non-durable link", async () => {
    const out = join(dir, "out");
    const r = await cli(["run", "--config", "examples/demo/codexrel.yml", "--out", out]);
    // The demo is not ready because of its new test regression (by design); the CUJ checks pass.
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/blocking: \[CUJ_/);
    expect(r.stdout).toMatch(/PASS {2}preflight cuj-bundle +CUJ bundle examples\/demo\/cuj: 8 files/);
    expect(r.stdout).toContain("CUJ gallery: ");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
    const cuj = report.artifacts.filter((a: { url: string }) => a.url.startsWith("cuj/"));
    expect(cuj.length).toBe(10);
    for (const a of cuj) {
      expect(a).toMatchObject({ durable: false, destination: "local" });
      expect(existsSync(join(out, a.url)), a.url).toBe(true);
    }
    // Not published anywhere durable (no token here): never claimed.
    expect(report.publication.status).not.toBe("published");
    expect(readFileSync(join(out, "report.md"), "utf8")).not.toMatch(/\]\((?:\/tmp|file:)/);
  });

  test("a bundle that fails the strict policy makes the run not ready (exit 1) and says why", async () => {
    writeFileSync(join(dir, "codexrel.yml"), "checks:\n  - name: ok\n    run: 'true'\npublish:\n  bundle: cuj\n");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir, "cuj"));
    writeFileSync(
      join(dir, "cuj/summary.json"),
      JSON.stringify({
        schemaVersion: "1",
        journeys: [{ id: "j", title: "J", status: "pass", assertions: [], screenshots: [], video: null }],
      }),
    );
    const r = await cli(["run", "--config", join(dir, "codexrel.yml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("blocking: [CUJ_POLICY_FAILED]");
    expect(existsSync(join(dir, ".codexrel/out/cuj/index.html"))).toBe(true);
  });

  test("a publish section with an unknown key is a config error (exit 2)", async () => {
    writeFileSync(join(dir, "codexrel.yml"), "publish:\n  bundle: cuj\n  destination: mars\n");
    const r = await cli(["run", "--config", join(dir, "codexrel.yml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: .*\/publish\/destination is not an allowed property/);
  });
});
