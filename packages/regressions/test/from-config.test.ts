import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { classifyOptionsFromConfig, classifyReports } from "@codexrel/regressions";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

const report = (cases: string) => `<testsuite name="s">${cases}</testsuite>`;
const FAIL = '<testcase classname="c" name="breaks"><failure message="no">x</failure></testcase>';
const PASS = '<testcase classname="c" name="breaks"/>';

describe("classifyOptionsFromConfig", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "codexrel-from-config-"));
    await mkdir(join(dir, "reports"));
    await writeFile(join(dir, "reports", "candidate.xml"), report(FAIL));
    await writeFile(join(dir, "reports", "base.xml"), report(PASS));
    await writeFile(join(dir, "reports", "rerun.xml"), report(PASS));
    await writeFile(join(dir, "quarantine.yml"), 'tests:\n  - id: "s::c::breaks"\n    reason: "JIRA-1"\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test("a section with only a candidate leaves every other option to the library's defaults", () => {
    expect(classifyOptionsFromConfig({ candidate: ["a.xml"] }, { cwd: dir, includePassed: false })).toEqual({
      cwd: dir,
      includePassed: false,
      base: null,
      candidate: ["a.xml"],
    });
  });

  test("every key of the section reaches the classification, paths relative to cwd", async () => {
    const options = classifyOptionsFromConfig(
      {
        base: ["reports/base.xml"],
        candidate: ["reports/candidate.xml"],
        knownFailing: "quarantine.yml",
        blocking: ["known"],
        baselineSource: "main@abc1234",
        repeated: "separate",
      },
      { cwd: dir },
    );
    const { section } = await classifyReports(options);
    expect(section.baseline).toMatchObject({ available: true, source: "main@abc1234" });
    expect(section.policy.blocking).toEqual(["known"]);
    expect(section.tests.find((t) => t.name === "breaks")).toMatchObject({
      class: "known",
      knownReason: "JIRA-1",
      blocking: true,
    });
  });

  test("baseline: none is recorded as chosen, and attempts are later runs of the candidate", async () => {
    const { section } = await classifyReports(
      classifyOptionsFromConfig(
        { baseline: "none", candidate: ["reports/candidate.xml"], attempts: [["reports/rerun.xml"]] },
        { cwd: dir },
      ),
    );
    expect(section.baseline).toMatchObject({ available: false, declaredNone: true });
    expect(section.tests.find((t) => t.name === "breaks")?.class).toBe("flaky");
  });
});
