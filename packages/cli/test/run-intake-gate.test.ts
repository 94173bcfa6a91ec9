/**
 * The intake feeds the run (required CUJs, fix budget) and the required-CUJ gate: a missing or
 * failed required journey blocks and is named; a labelled exception (config + PR label) lets it
 * through and the report shows it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, repoRoot } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-gate-"));
  cpSync(join(repoRoot, "examples/demo/cuj"), join(dir, "cuj"), { recursive: true });
  // One journey of the recorded bundle fails.
  const summaryPath = join(dir, "cuj/summary.json");
  const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
  summary.journeys[1].status = "fail";
  summary.journeys[1].assertions[0].status = "fail";
  writeFileSync(summaryPath, JSON.stringify(summary));
  writeFileSync(
    join(dir, "intake.json"),
    JSON.stringify({
      schemaVersion: "1",
      targetVersion: "1.4.0",
      target: { kind: "branch", name: "release/1.4" },
      changelog: { source: "changesets" },
      knownBlockers: [],
      requiredCujs: ["make-slug", "add-numbers", "checkout"],
      fixBudget: 2,
    }),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = (extra = "") => `version: 1\nchecks:\n  - name: ok\n    run: 'true'\npublish:\n  bundle: cuj\n${extra}`;

const report = () => JSON.parse(readFileSync(join(dir, ".codexrel/out/report.json"), "utf8"));

describe("codexrel run --intake and the required-CUJ gate", () => {
  test("the decision names the missing and the failed required CUJ; the intake's budget is the loop's", async () => {
    writeFileSync(join(dir, "codexrel.yml"), config());
    const r = await cli(["run", "--config", "codexrel.yml", "--intake", "intake.json", "--iteration", "1"], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const rep = report();
    expect(validateReport(rep).errors).toEqual([]);
    const reasons = rep.decision.blockingReasons.map(
      (b: { code: string; message: string }) => `${b.code} ${b.message}`,
    );
    expect(reasons).toEqual([
      "CUJ_REQUIRED_MISSING preflight cuj-required: required CUJ(s) (required by the release intake) missing from the bundle: checkout; failed: add-numbers",
    ]);
    expect(rep.intake).toEqual({
      targetVersion: "1.4.0",
      target: "branch release/1.4",
      requiredCujs: ["make-slug", "add-numbers", "checkout"],
      fixBudget: 2,
    });
    expect(rep.iterations.budget).toEqual({ max: 2, source: "intake" });
    // The plain journeys check no longer blocks by itself: the gate decides.
    expect(rep.preflight.find((c: { id: string }) => c.id === "cuj-journeys").blocking).toBe(false);
  });

  test("a labelled exception lets a failed required CUJ through only with the PR label, and is shown", async () => {
    writeFileSync(
      join(dir, "codexrel.yml"),
      config(
        '  required: [make-slug, add-numbers]\n  exceptions:\n    - journey: add-numbers\n      label: cuj-exception:add-numbers\n      reason: "flaky sandbox, tracked in #42"\n',
      ),
    );
    const without = await cli(["run", "--config", "codexrel.yml"], { cwd: dir });
    expect(without.code).toBe(1);
    expect(report().preflight.find((c: { id: string }) => c.id === "cuj-required").reason).toBe(
      "required CUJ(s) (required by the config) failed: add-numbers; exception(s) for add-numbers not in force (the PR lacks the label)",
    );
    const withLabel = await cli(["run", "--config", "codexrel.yml", "--pr-label", "cuj-exception:add-numbers"], {
      cwd: dir,
    });
    expect(withLabel.code).toBe(0);
    const gate = report().preflight.find((c: { id: string }) => c.id === "cuj-required");
    expect(gate).toMatchObject({ status: "warn", code: "CUJ_REQUIRED_EXCEPTED", blocking: false });
    expect(gate.reason, gate.reason).toContain(
      "add-numbers failed but excepted by label cuj-exception:add-numbers: flaky sandbox, tracked in #42",
    );
    expect(readFileSync(join(dir, ".codexrel/out/report.md"), "utf8")).toContain(
      "excepted by label cuj-exception:add-numbers",
    );
  });

  test("the Actions event's PR labels count too", async () => {
    writeFileSync(
      join(dir, "codexrel.yml"),
      config("  exceptions:\n    - journey: add-numbers\n      reason: known issue\n"),
    );
    writeFileSync(
      join(dir, "event.json"),
      JSON.stringify({ pull_request: { labels: [{ name: "codexrel:cuj-exception" }] } }),
    );
    const r = await cli(["run", "--config", "codexrel.yml"], {
      cwd: dir,
      env: { PATH: process.env.PATH, GITHUB_EVENT_PATH: join(dir, "event.json") },
    });
    expect(r.code).toBe(0);
  });
});
