import { join } from "node:path";
import { inputEnvName, lintAction } from "@codexrel/testkit/actions";
import { describe, expect, it } from "vitest";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", "actions", name);

describe("lintAction (the project's rules for its actions)", () => {
  it("accepts an action that follows every rule (inputs via env: or an official action's with:)", () => {
    expect(lintAction(fixture("lint-good"))).toEqual([]);
  });

  it("reports the node guard missing, unmapped and misnamed inputs, and unknown or later steps", () => {
    const problems = lintAction(fixture("lint-bad"));
    expect(problems.map((p) => p.rule).sort()).toEqual(
      ["check-node-first", "env-name", "input-not-mapped", "input-not-mapped", "unknown-step", "unknown-step"].sort(),
    );
    const text = problems.map((p) => p.message).join("\n");
    expect(text).toContain("input 'token' never reaches a script");
    expect(text).toContain("env INPUT_MODUS maps inputs.mode; name it INPUT_MODE");
    expect(text).toContain("step run reads steps.later");
    expect(text).toContain("output 'status' reads steps.runn");
  });

  it("reports expressions inside run: and parser refusals instead of throwing", () => {
    expect(lintAction(fixture("run-expression")).map((p) => p.rule)).toContain("run-expression");
    expect(lintAction(fixture("missing-shell")).map((p) => p.rule)).toEqual(["parse"]);
  });

  it("names env variables INPUT_<UPPER_SNAKE>", () => {
    expect(inputEnvName("report-path")).toBe("INPUT_REPORT_PATH");
    expect(inputEnvName("codexHome")).toBe("INPUT_CODEXHOME");
  });
});
