import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import {
  checkWorkflowFile,
  findProjectActionUses,
  findRepoRoot,
  findWorkflowFiles,
  projectActionName,
} from "@codexrel/testkit/actions";
import { describe, expect, it } from "vitest";

// The fixture root stands for a repository: ./actions/<name> resolves to fixtures/actions/<name>.
const fixtureRoot = join(import.meta.dirname, "fixtures");
const fixtureWorkflows = join(fixtureRoot, "workflows");

describe("workflow steps that use the project's actions", () => {
  it("recognises ./actions/<name> and <owner>/codexrel/actions/<name>@ref only", () => {
    expect(projectActionName("./actions/preflight")).toBe("preflight");
    expect(projectActionName("acme/codexrel/actions/save-codex-home@v1")).toBe("save-codex-home");
    expect(projectActionName("actions/cache/restore@v4")).toBeUndefined();
    expect(projectActionName("./other/preflight")).toBeUndefined();
  });

  it("finds workflow files (.yml and .yaml) and skips YAML that is not a workflow", () => {
    expect(findWorkflowFiles(fixtureWorkflows).map((f) => relative(fixtureWorkflows, f))).toEqual([
      "good.yml",
      "nested/bad.yaml",
    ]);
  });

  it("reads the with: keys of each use with GitHub's workflow parser", () => {
    const { uses, errors } = findProjectActionUses(join(fixtureWorkflows, "good.yml"));
    expect(errors).toEqual([]);
    expect(uses.map((u) => [u.action, u.inputs, u.line])).toEqual([
      ["lint-good", ["report-path", "token"], 9],
      ["lint-good", ["report-path"], 13],
    ]);
  });

  it("passes a workflow whose steps pass declared inputs and every required one", () => {
    expect(checkWorkflowFile(join(fixtureWorkflows, "good.yml"), fixtureRoot)).toEqual([]);
  });

  it("reports an undeclared input, a missing required input and an unknown action", () => {
    const messages = checkWorkflowFile(join(fixtureWorkflows, "nested", "bad.yaml"), fixtureRoot).map((p) => p.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("input 'report_path' is not declared by actions/lint-good");
    expect(messages[1]).toContain("required input 'report-path' of actions/lint-good is not passed");
    expect(messages[2]).toContain("./actions/does-not-exist: action cannot be loaded");
  });
});

// The real check over the repository: examples/** (what users copy) and .github/workflows.
const repoRoot = findRepoRoot();
const roots = [join(repoRoot, "examples"), join(repoRoot, ".github", "workflows")].filter((d) => existsSync(d));
const workflows = roots.flatMap(findWorkflowFiles).map((file) => ({ file, name: relative(repoRoot, file) }));

describe("the repository's workflows", () => {
  it("are searched under examples/ (passes while there are none yet)", () => {
    expect(roots).toContain(join(repoRoot, "examples"));
  });

  it.each(workflows)("$name passes only inputs that ./actions/* declare", ({ file }) => {
    expect(checkWorkflowFile(file, repoRoot)).toEqual([]);
  });
});
