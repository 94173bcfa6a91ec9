// Official actions are pinned by commit SHA in the project's workflows and actions (issue 20): the
// harness and the workflow runner find their stand-ins by the action's name whatever the ref.
import { describe, expect, it } from "vitest";
import { parseActionRef } from "../src/action-harness/action-ref.js";
import { standInFor, uploadArtifact } from "../src/action-harness/stand-ins.js";
import { downloadArtifact, jobActionFor } from "../src/workflow-runner/official-actions.js";

const SHA = "27d5ce7f107fe9357f9df03efb73ab90386fccae";

describe("parseActionRef", () => {
  it("splits owner/repo[/path] from a tag, a branch or a full SHA", () => {
    expect(parseActionRef(`actions/cache/restore@${SHA}`)).toEqual({ name: "actions/cache/restore", ref: SHA });
    expect(parseActionRef("Actions/Checkout@v7")).toEqual({ name: "actions/checkout", ref: "v7" });
    expect(parseActionRef("octo/tools/.github/workflows/x.yml@main")).toEqual({
      name: "octo/tools/.github/workflows/x.yml",
      ref: "main",
    });
  });

  it("names no remote action for local, docker and ref-less values", () => {
    for (const uses of ["./actions/preflight", "docker://alpine:3", "actions/checkout", "actions/checkout@", "x@v1"])
      expect(parseActionRef(uses), uses).toBeUndefined();
  });
});

describe("stand-ins answer to SHA-pinned uses", () => {
  it("maps the harness stand-ins by name", () => {
    expect(standInFor(`actions/cache/restore@${SHA}`)?.name).toBe("actions/cache/restore");
    expect(standInFor(`actions/cache/save@${SHA}`)?.name).toBe("actions/cache/save");
    expect(standInFor("actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f")?.name).toBe(
      "actions/upload-artifact",
    );
    expect(standInFor(`actions/cache@${SHA}`)).toBeUndefined();
  });

  it("maps the job actions by name", () => {
    expect(jobActionFor("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1")?.name).toBe("actions/checkout");
    expect(jobActionFor("actions/setup-node@820762786026740c76f36085b0efc47a31fe5020")?.name).toBe(
      "actions/setup-node",
    );
    expect(jobActionFor("actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c")?.name).toBe(
      "actions/download-artifact",
    );
    expect(jobActionFor("someone/checkout@v7")).toBeUndefined();
  });

  it("declares the inputs of the pinned majors", () => {
    // checkout v7 added allow-unsafe-pr-checkout; setup-node v6.1 dropped always-auth; upload-artifact
    // v7 added archive; download-artifact v8 added skip-decompress and digest-mismatch.
    expect(jobActionFor("actions/checkout@v7")?.inputs).toHaveProperty("allow-unsafe-pr-checkout");
    expect(jobActionFor("actions/setup-node@v7")?.inputs).not.toHaveProperty("always-auth");
    expect(standInFor("actions/upload-artifact@v7")?.inputs).toHaveProperty("archive", { default: "true" });
    expect(Object.keys(jobActionFor("actions/download-artifact@v8")?.inputs ?? {})).toEqual(
      expect.arrayContaining(["skip-decompress", "digest-mismatch"]),
    );
  });

  it("refuses the new modes it does not model instead of faking them", () => {
    // Both answer before touching the context: nothing is stored or copied.
    expect(uploadArtifact.run({ name: "a", path: "out.zip", archive: "false" }, {} as never).failed).toMatch(
      /does not model 'archive: false'/,
    );
    expect(downloadArtifact.run({ name: "a", "skip-decompress": "true" }, {} as never).failed).toMatch(
      /does not model 'skip-decompress: true'/,
    );
  });
});
