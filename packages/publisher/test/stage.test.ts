import { existsSync } from "node:fs";
import { join } from "node:path";
import { createReport, finalizeReport } from "@codexrel/core";
import { applyCujStage, runCujStage } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, demoBundle, demoWebm, journey, makePng, repoRoot, tempDir, writeBundle } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

describe("the CUJ stage of codexrel run", () => {
  test("the demo bundle: both checks pass, every file is an artifact, the report validates and stays ready", async () => {
    const out = join(dir, "out");
    const report = await applyCujStage(createReport({ tool: { version: "1.0.0" } }), {
      publish: { bundle: "examples/demo/cuj" },
      projectDir: repoRoot,
      outDir: out,
    });
    expect(report.preflight.map((c) => [c.id, c.status, c.code, c.blocking])).toEqual([
      ["cuj-bundle", "pass", "CUJ_BUNDLE_OK", false],
      // No commit judged here: what the bundle says is shown, but it is not evidence (checked below).
      ["cuj-journeys", "pass", "CUJ_JOURNEYS_PASSED", false],
    ]);
    expect(report.preflight[0]?.reason).toBe(
      "CUJ bundle examples/demo/cuj: 8 files, every journey has its screenshots and video",
    );
    expect(report.preflight[1]?.evidence).toBe(false);
    expect(report.artifacts).toHaveLength(10);
    const final = finalizeReport(report);
    // Journeys of no known commit are no evidence: nothing else ran, so the run is not ready.
    expect(final.decision.ready).toBe(false);
    expect(final.decision.blockingReasons.map((r) => r.code)).toEqual(["NO_EVIDENCE"]);
    expect(existsSync(join(out, "cuj/index.html"))).toBe(true);
  });

  test("journeys recorded at this commit are evidence; from another commit they are a warning, not evidence", async () => {
    const sha = "a".repeat(40);
    const b = writeBundle(
      join(dir, "c"),
      { commit: { sha, repository: "octo/hello", ref: "refs/heads/main" }, journeys: [journey("j")] },
      { "j.png": makePng(), "j.webm": demoWebm() },
    );
    const same = await runCujStage({ bundleDir: b, outDir: join(dir, "out1"), commitSha: sha });
    expect(same.checks[1]).toMatchObject({ status: "pass", code: "CUJ_JOURNEYS_PASSED", evidence: true });
    const report = finalizeReport({ ...createReport({ tool: { version: "1" } }), preflight: same.checks });
    expect(report.decision.ready).toBe(true);

    const other = await runCujStage({ bundleDir: b, outDir: join(dir, "out2"), commitSha: "b".repeat(40) });
    expect(other.checks[1]).toMatchObject({ status: "warn", code: "CUJ_BUNDLE_OTHER_COMMIT", evidence: false });
    expect(other.checks[1]?.reason).toMatch(/recorded at aaaaaaaaaaaa, not at this run's commit bbbbbbbbbbbb/);
    const notEvidence = finalizeReport({ ...createReport({ tool: { version: "1" } }), preflight: other.checks });
    expect(notEvidence.decision.ready).toBe(false);
    expect(notEvidence.decision.blockingReasons.map((r) => r.code)).toEqual(["NO_EVIDENCE"]);
  });

  test("a policy failure blocks, says why, and still keeps the local copy", async () => {
    const b = writeBundle(join(dir, "b"), { journeys: [journey("j", { video: null })] }, { "j.png": makePng() });
    const r = await runCujStage({ bundleDir: b, outDir: join(dir, "out"), shownBundleDir: "b" });
    expect(r.checks[0]).toMatchObject({
      id: "cuj-bundle",
      status: "fail",
      code: "CUJ_POLICY_FAILED",
      blocking: true,
      reason: "CUJ bundle b: 1 error(s), 0 warning(s); first: journey j has no usable video",
    });
    expect(existsSync(join(dir, "out/cuj/index.html"))).toBe(true);
    const report = finalizeReport({
      ...createReport({ tool: { version: "1" } }),
      preflight: r.checks,
      artifacts: r.artifacts,
    });
    expect(report.decision.ready).toBe(false);
    expect(report.decision.blockingReasons[0]).toMatchObject({ source: "preflight", code: "CUJ_POLICY_FAILED" });

    const lenient = await runCujStage({ bundleDir: b, outDir: join(dir, "out2"), policy: "lenient" });
    expect(lenient.checks[0]).toMatchObject({ status: "warn", code: "CUJ_NO_VIDEO", blocking: false });
  });

  test("no summary.json: a failing check with the loader's code and hint, and no artifacts", async () => {
    const r = await runCujStage({ bundleDir: join(dir, "missing"), outDir: join(dir, "out") });
    expect(r.artifacts).toEqual([]);
    expect(r.checks).toEqual([
      expect.objectContaining({ id: "cuj-bundle", status: "fail", code: "CUJ_BUNDLE_NOT_FOUND", blocking: true }),
    ]);
  });

  test("a failed journey blocks unless blockOnFailedJourney is false", async () => {
    const b = writeBundle(
      join(dir, "b"),
      {
        journeys: [
          journey("j", {
            status: "fail",
            assertions: [{ id: "x", description: "d", status: "fail", message: "nope" }],
          }),
        ],
      },
      { "j.png": makePng(), "j.webm": demoWebm() },
    );
    const r = await runCujStage({ bundleDir: b, outDir: join(dir, "out") });
    expect(r.checks[1]).toMatchObject({
      id: "cuj-journeys",
      status: "fail",
      code: "CUJ_JOURNEY_FAILED",
      blocking: true,
      reason: "journey(s) failed: j (1 failing assertion(s))",
    });
    const soft = await runCujStage({ bundleDir: b, outDir: join(dir, "out"), blockOnFailedJourney: false });
    expect(soft.checks[1]).toMatchObject({ status: "fail", blocking: false });
  });

  test("the output folder inside the bundle becomes a failing check, not a crash", async () => {
    const r = await runCujStage({ bundleDir: demoBundle, outDir: join(demoBundle, "out") });
    expect(r.checks.at(-1)).toMatchObject({ id: "cuj-local-copy", status: "fail", code: "CUJ_OUTPUT_INSIDE_BUNDLE" });
    expect(existsSync(join(demoBundle, "out"))).toBe(false);
  });
});
