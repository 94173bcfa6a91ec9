/**
 * Runs a real Playwright project (two journeys, one failing) with Debian's chromium and Debian's
 * ffmpeg, through the reporter, then hands the bundle to `codexrel publish --destination local`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "@codexrel/cli";
import { type CujSummary, validateCujSummary, validateReport } from "@codexrel/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { linkSystemFfmpeg } from "../src/ffmpeg.js";

const here = import.meta.dirname;
const fixture = join(here, "fixtures", "two-journeys");
const require = createRequire(import.meta.url);
const playwrightCli = join(dirname(require.resolve("@playwright/test/package.json")), "cli.js");

let dir: string;
let summary: CujSummary;
let run: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-playwright-"));
  const browsersPath = linkSystemFfmpeg({ browsersPath: join(dir, "browsers"), resolveFrom: playwrightCli });
  const r = spawnSync(process.execPath, [playwrightCli, "test", "--config", join(fixture, "playwright.config.ts")], {
    cwd: fixture,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PLAYWRIGHT_BROWSERS_PATH: browsersPath,
      CUJ_REPORTER: join(here, "..", "src", "reporter.ts"),
      CUJ_OUT: join(dir, "cuj"),
      PW_RESULTS: join(dir, "results"),
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      GITHUB_REPOSITORY: "octo/app",
      GITHUB_REF_NAME: "release/1.2",
    },
    timeout: 180_000,
  });
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  const path = join(dir, "cuj", "summary.json");
  if (!existsSync(path)) throw new Error(`no summary.json; playwright said:\n${r.stdout}\n${r.stderr}`);
  summary = JSON.parse(readFileSync(path, "utf8"));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const magic = (file: string, bytes: number[]) => [...readFileSync(file).subarray(0, bytes.length)];

describe("@codexrel/playwright reporter with real Playwright and chromium", () => {
  test("Playwright itself reports one failure (the failing journey), and the bundle is written", () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/1 failed/);
    expect(run.stdout).toMatch(/2 passed/);
    expect(run.stderr).toMatch(/wrote CUJ bundle .* \(2 journey\(s\), 1 failed, commit 0123456789ab\)/);
  });

  test("summary.json is a valid CUJ summary: one journey per test, one per @journey describe, with the commit", () => {
    expect(validateCujSummary(summary).errors).toEqual([]);
    expect(summary.commit).toEqual({
      sha: "0123456789abcdef0123456789abcdef01234567",
      repository: "octo/app",
      ref: "release/1.2",
    });
    expect(summary.journeys.map((j) => [j.id, j.title, j.status])).toEqual([
      ["count-up", "count up", "pass"],
      ["reset-the-counter", "reset the counter", "fail"],
    ]);
  });

  test("expect steps are the assertion log, with locator and expected value", () => {
    const [countUp] = summary.journeys;
    expect(countUp?.assertions).toEqual([
      expect.objectContaining({ status: "pass", kind: "text-visible", selector: "locator('h1')", expected: "Counter" }),
      expect.objectContaining({ status: "pass", kind: "text-visible", selector: "locator('#count')", expected: "2" }),
    ]);
    const log = readFileSync(join(dir, "cuj", countUp?.log ?? ""), "utf8");
    expect(log).toMatch(/\[pw:api\] Click \{locator=locator\('#inc'\)\}/);
    expect(log).not.toMatch(/Launch browser/);
  });

  test("the failure keeps its error and its last screenshot; screenshots are real PNG, videos real WebM", () => {
    const failed = summary.journeys[1];
    const failing = failed?.assertions.filter((a) => a.status === "fail") ?? [];
    expect(failing).toHaveLength(1);
    expect(failing[0]?.kind).toBe("element-visible");
    expect(failing[0]?.message).toMatch(/toBeVisible\(\) failed[\s\S]*#reset/);
    expect(failing[0]?.message).not.toMatch(/\u001b\[/);
    expect(failed?.screenshots.length).toBe(2);
    for (const j of summary.journeys) {
      expect(j.screenshots.length).toBeGreaterThan(0);
      for (const s of j.screenshots)
        expect(magic(join(dir, "cuj", s), [0x89, 0x50, 0x4e, 0x47])).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // EBML header: every WebM starts with 1A 45 DF A3.
      expect(magic(join(dir, "cuj", j.video ?? ""), [0x1a, 0x45, 0xdf, 0xa3])).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    }
    const log = readFileSync(join(dir, "cuj", failed?.log ?? ""), "utf8");
    expect(log).toMatch(/Expect "toBeVisible".*FAIL/);
  });

  test("codexrel publish --destination local accepts the bundle: policy passes, the failed journey is named", async () => {
    let stdout = "";
    let stderr = "";
    const out = join(dir, "published");
    const code = await runCli(["publish", join(dir, "cuj"), "--destination", "local", "--out", out], {
      env: { PATH: process.env.PATH },
      cwd: dir,
      stdout: {
        write: (s) => {
          stdout += s;
        },
      },
      stderr: {
        write: (s) => {
          stderr += s;
        },
      },
      version: "0.0.0-test",
      exitCode: 0,
    });
    expect(stderr).toBe("");
    expect(stdout).toMatch(/cuj-journeys/);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(validateReport(report).errors).toEqual([]);
    const bundleCheck = report.preflight.find((c: { id: string }) => c.id === "cuj-bundle");
    expect(bundleCheck.status).toBe("pass");
    const journeys = report.preflight.find((c: { id: string }) => c.id === "cuj-journeys");
    expect(journeys.reason).toMatch(/reset-the-counter/);
    // A failed journey is not a releasable bundle: publish reports it and exits 1, the gallery is kept.
    expect(code).toBe(1);
    expect(existsSync(join(out, "cuj", "index.html"))).toBe(true);
    expect(report.artifacts.filter((a: { kind: string }) => a.kind === "video")).toHaveLength(2);
    expect(report.artifacts.filter((a: { kind: string }) => a.kind === "screenshot")).toHaveLength(3);
  });
});
