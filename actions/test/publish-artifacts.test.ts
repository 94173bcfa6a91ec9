/**
 * actions/publish-artifacts run for real by the testkit's action harness (GitHub's parser and
 * expression evaluator, real bash steps, the upload-artifact stand-in) over the committed bundle
 * in actions/dist. Run `pnpm --filter @codexrel/actions build` after changing the entry.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..");
const demoBundle = join(repoRoot, "examples/demo/cuj");

let harness: ActionHarness;
afterEach(() => harness?.dispose());

/** The harness's GITHUB_SHA: the bundle says it was recorded in this job, so its journeys are evidence. */
const HARNESS_SHA = "0000000000000000000000000000000000000001";

function withDemoBundle(h: ActionHarness): void {
  const dir = join(h.paths.workspace, "cuj");
  cpSync(demoBundle, dir, { recursive: true });
  const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  writeFileSync(join(dir, "summary.json"), JSON.stringify({ ...summary, commit: { sha: HARNESS_SHA } }, null, 2));
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
    expect(uploaded).toEqual([
      "index.html",
      "index.md",
      "logs",
      "redactions.json",
      "screens",
      "summary.json",
      "videos",
    ]);
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

const WRITER = "ghs_CANARYpublishWriter00000000000000000001";
const READER = "ghs_CANARYpublishReader00000000000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets");
  fake.state.addPullRequest("acme/widgets", { number: 5 });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: WRITER,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: READER,
  });
});

function prEvent(number: number) {
  return {
    name: "pull_request",
    payload: {
      action: "synchronize",
      number,
      repository: { full_name: "acme/widgets" },
      pull_request: {
        number,
        user: { login: "someone" },
        head: { ref: "patch", sha: "abc1234", repo: { full_name: "acme/widgets" } },
        base: { ref: "main", repo: { full_name: "acme/widgets" } },
      },
    },
  };
}

function prHarness(token: string): ActionHarness {
  const h = createActionHarness({
    event: prEvent(5),
    github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token },
  });
  withDemoBundle(h);
  return h;
}

describe("actions/publish-artifacts on a pull request (fake GitHub)", () => {
  it("end to end: artifact uploaded, one report comment linking it; a re-run updates nothing", {
    timeout: 120_000,
  }, async () => {
    harness = prHarness(WRITER);
    const first = await harness.run("publish-artifacts", { inputs: { bundle: "cuj" } });
    expect(first.conclusion).toBe("success");
    expect(first.outputs["publication-status"]).toBe("published");
    const [artifact] = harness.artifacts.list();
    expect(JSON.parse(first.outputs["artifact-urls"] ?? "")).toEqual([artifact?.url]);
    expect(first.outputs["comment-url"]).toMatch(/^https:\/\/github\.com\/acme\/widgets\/pull\/5#issuecomment-\d+$/);
    const comments = gh().state.threadComments("acme/widgets", 5);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`[codexrel-cuj](${artifact?.url})`);
    expect(comments[0]?.body).not.toMatch(/\/tmp\/|file:\/\//);
    expect(first.log.join("\n")).not.toContain(WRITER);

    // Same job again (overwrite the artifact name in a new harness = a new workflow run).
    const again = prHarness(WRITER);
    try {
      const second = await again.run("publish-artifacts", { inputs: { bundle: "cuj" } });
      expect(second.outputs["publication-status"]).toBe("published");
      expect(second.outputs["comment-url"]).toBe(first.outputs["comment-url"]);
      expect(gh().state.threadComments("acme/widgets", 5)).toHaveLength(1);
    } finally {
      again.dispose();
    }
  });

  it("advisory: a read-only token is reported as blocked in outputs and summary, nothing claimed, exit 0", async () => {
    harness = prHarness(READER);
    const r = await harness.run("publish-artifacts", { inputs: { bundle: "cuj" } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs["publication-status"]).toBe("blocked");
    expect(r.outputs["comment-url"]).toBe("");
    expect(r.summary).toMatch(/blocked/);
    expect(r.summary).toMatch(/GITHUB_PERMISSION_DENIED/);
    expect(r.annotations.some((a) => a.level === "warning" && /publication blocked/.test(a.message))).toBe(true);
    expect(gh().state.threadComments("acme/widgets", 5)).toHaveLength(0);
  });
});
