import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate } from "@codexrel/core/schemas";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-intake-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// As GitHub renders the codex-release form (see packages/core/test/intake.test.ts for bodies built from the form file).
const body = `### Target version

1.4.0

### Release target kind

Release branch

### Release branch or tag

release/1.4

### Changelog source

Changesets

### Changelog file

_No response_

### Known blockers

_No response_

### Required CUJs

checkout
sign-in

### Fix budget

2

### Notes

_No response_`;

describe("codexrel intake", () => {
  test("prints the plan comment, writes the intake JSON, exit 0", async () => {
    writeFileSync(join(dir, "body.md"), body);
    const r = await cli(["intake", "--issue-body-file", "body.md", "--out", "intake.json", "--plan-file", "plan.md"], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!-- codex:plan -->\n# Release plan: 1\.4\.0/);
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(r.stdout);
    const intake = JSON.parse(readFileSync(join(dir, "intake.json"), "utf8"));
    expect(validate("release-intake", intake).errors).toEqual([]);
    expect(intake.requiredCujs).toEqual(["checkout", "sign-in"]);
  });

  test("--json with a missing required field: names it, writes no intake, exit 1", async () => {
    writeFileSync(join(dir, "body.md"), body.replace("checkout\nsign-in", "_No response_"));
    const r = await cli(["intake", "--issue-body-file", "body.md", "--json", "--out", "intake.json"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.intake).toBeNull();
    expect(out.problems).toEqual([
      { field: "requiredCujs", label: "Required CUJs", message: "is required but was left empty" },
    ]);
    expect(out.plan).toContain("- **Required CUJs** is required but was left empty");
    expect(() => readFileSync(join(dir, "intake.json"))).toThrow();
  });

  test("usage: a bad marker exits 2; a missing file is a coded error", async () => {
    writeFileSync(join(dir, "body.md"), body);
    const bad = await cli(["intake", "--issue-body-file", "body.md", "--plan-marker", "plan"], { cwd: dir });
    expect(bad.code).toBe(2);
    const missing = await cli(["intake", "--issue-body-file", "nope.md"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/INPUT_NOT_FOUND/);
  });
});
