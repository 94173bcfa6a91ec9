/**
 * actions/publish-artifacts run for real by the testkit's action harness (GitHub's parser and
 * expression evaluator, real bash steps, the upload-artifact stand-in) over the committed bundle
 * in actions/dist. Run `pnpm --filter @codexrel/actions build` after changing the entry.
 */
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..");
const demoBundle = join(repoRoot, "examples/demo/cuj");

let harness: ActionHarness;
afterEach(() => harness?.dispose());

function withDemoBundle(h: ActionHarness): void {
  cpSync(demoBundle, join(h.paths.workspace, "cuj"), { recursive: true });
}

describe("actions/publish-artifacts without a comment", () => {
  it("uploads the checked bundle with actions/upload-artifact; its artifact-url is the published link", async () => {
    harness = createActionHarness({ github: { repository: "octo/app" } });
    withDemoBundle(harness);
    const result = await harness.run("publish-artifacts", { inputs: { bundle: "cuj", thread: "none" } });
    expect(result.conclusion).toBe("success");
    const [artifact] = harness.artifacts.list();
    expect(artifact?.name).toBe("codexrel-cuj");
    const uploaded = readdirSync(artifact?.dir as string).sort();
    expect(uploaded).toEqual(["index.html", "index.md", "logs", "screens", "summary.json", "videos"]);
    expect(result.outputs["publication-status"]).toBe("published");
    expect(JSON.parse(result.outputs["artifact-urls"] ?? "")).toEqual([artifact?.url]);
    expect(result.outputs["comment-url"]).toBe("");
    expect(result.summary).toContain("Publication:");
    expect(result.summary).toContain(artifact?.url);
  });

  it("advisory: a bundle that does not load is reported in outputs and summary, nothing uploaded, exit 0", async () => {
    harness = createActionHarness({ github: { repository: "octo/app" } });
    const result = await harness.run("publish-artifacts", { inputs: { bundle: "missing", thread: "none" } });
    expect(result.conclusion).toBe("success");
    expect(result.exitCode).toBe(0);
    expect(harness.artifacts.list()).toEqual([]);
    expect(result.steps.find((s) => s.id === "upload")?.outcome).toBe("skipped");
    expect(result.outputs["publication-status"]).toBe("blocked");
    expect(result.outputs["artifact-urls"]).toBe("[]");
    expect(result.summary).toContain("CUJ_BUNDLE_NOT_FOUND");
    expect(result.annotations.some((a) => a.level === "warning")).toBe(true);
  });

  it("blocking: the same failure fails the step", async () => {
    harness = createActionHarness({ github: { repository: "octo/app" } });
    const result = await harness.run("publish-artifacts", {
      inputs: { bundle: "missing", thread: "none", mode: "blocking" },
    });
    expect(result.conclusion).toBe("failure");
    expect(result.outputs["publication-status"]).toBe("blocked");
  });

  it("a thread without a usable token: blocked with the re-run hint, the artifact still uploaded", async () => {
    harness = createActionHarness({ github: { repository: "octo/app" } });
    withDemoBundle(harness);
    const result = await harness.run("publish-artifacts", {
      inputs: { bundle: "cuj", thread: "7", "github-token": "" },
    });
    expect(result.conclusion).toBe("success");
    expect(result.outputs["publication-status"]).toBe("blocked");
    expect(result.outputs["comment-url"]).toBe("");
    expect(harness.artifacts.list()).toHaveLength(1);
    expect(result.summary).toMatch(/GITHUB_TOKEN_MISSING/);
    expect(existsSync(join(harness.paths.workspace, "cuj", "index.html"))).toBe(false); // the input is untouched
  });
});
