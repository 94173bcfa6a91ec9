import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { BUNDLE_SHA, cli, demoBundleAt } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-publish-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("codexrel publish", () => {
  test("local destination: bundle checked and copied with its gallery, not claimed as published, exit 0", async () => {
    const out = join(dir, "out");
    // A bundle recorded at the commit judged: its journeys are evidence, so the decision can be ready.
    const r = await cli(["publish", demoBundleAt(dir), "--sha", BUNDLE_SHA, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("publication: skipped (NO_PUBLISH_TARGET)");
    expect(existsSync(join(out, "cuj/index.html"))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
  });

  test("--json prints the report only", async () => {
    const r = await cli(["publish", demoBundleAt(dir), "--sha", BUNDLE_SHA, "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.publication.status).toBe("skipped");
    expect(report.artifacts.some((a: { kind: string }) => a.kind === "video")).toBe(true);
  });

  test("a thread without a token: blocked (exit 1) with the re-run hint; nothing claimed; local copy kept", async () => {
    const out = join(dir, "out");
    const r = await cli(["publish", "examples/demo/cuj", "--out", out, "--repo", "octo/app", "--pr", "7"], {
      env: { PATH: process.env.PATH },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("publication: blocked (GITHUB_TOKEN_MISSING)");
    expect(r.stdout).toMatch(/To publish: .*GITHUB_TOKEN/);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.publication.url).toBeUndefined();
    expect(existsSync(join(out, "cuj/index.html"))).toBe(true);
  });

  test.each([
    [["--pr", "7"], /--issue\/--pr needs --repo/],
    [["--repo", "octo/app", "--pr", "7", "--issue", "8"], /mutually exclusive/],
    [["--repo", "octo/app", "--pr", "x"], /not an issue or PR number/],
    [["--destination", "s3"], /unknown destination/],
    [["--destination", "branch"], /needs --repo/],
    [["--policy", "loose"], /unknown policy/],
    [["--repo", "not a repo", "--pr", "1"], /is not owner\/repo/],
  ])("usage error %j exits 2", async (args, message) => {
    const r = await cli(["publish", "examples/demo/cuj", "--out", join(dir, "out"), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test("a bundle without summary.json: not ready (exit 1) with CUJ_SUMMARY_MISSING", async () => {
    const r = await cli(["publish", dir, "--out", join(dir, "..", `${dir.split("/").pop()}-out`)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("CUJ_SUMMARY_MISSING");
    rmSync(join(dir, "..", `${dir.split("/").pop()}-out`), { recursive: true, force: true });
  });
});
