// The example workflows users copy, run in the testkit's workflow runner on real webhook payloads
// (@octokit/webhooks-examples) the way GitHub would run them in a user's repository: the
// examples are copied to .github/workflows/ of a simulated `octo/app`, `codexrel/codexrel/...@v1`
// resolves to this checkout, and `./actions/...` resolves in the user's checkout (GitHub's rule).
//
// Each workflow runs once (beforeAll). The worker itself is not copied: it lives in codexrel's
// own .github/workflows and the callers name codexrel/codexrel/.github/workflows/codex-worker.yml@v1,
// served here from this checkout. This file has no Responses API: the Codex runs themselves are
// proven in journeys.test.ts; here every example must get past GitHub's resolution and permission
// rules. An `it.fails` names a gap that is still open, with its reason.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  createWorkflowSimulation,
  type JobResult,
  jobPermissions,
  type WorkflowRunResult,
  type WorkflowSimulation,
} from "@codexrel/testkit/actions";
import { webhookPayload } from "@codexrel/testkit/github";
import { type FakeOpenAI, startFakeOpenAI } from "@codexrel/testkit/openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { codexrelUpstream } from "./journey-kit.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const repoRoot = join(import.meta.dirname, "..", "..");
const examples = join(repoRoot, "examples");
const REPO = "octo/app";

function userRepoFiles(upstreamUrl: string): Record<string, string> {
  const files: Record<string, string> = {
    "README.md": "# app\n",
    // The user's own journeys (cuj-evidence runs `npm ci && npm run e2e`): no dependencies, so
    // `npm ci` works offline.
    "package.json": JSON.stringify({
      name: "app",
      version: "1.0.0",
      private: true,
      scripts: { e2e: "node e2e.js" },
    }),
    "package-lock.json": JSON.stringify({
      name: "app",
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: { "": { name: "app", version: "1.0.0" } },
    }),
    // The journeys' output: the demo's real CUJ bundle (summary, screenshots, video, logs).
    "e2e.js": 'require("node:fs").cpSync("fixtures/cuj", "cuj", { recursive: true });\n',
    // The upstream is a simulated repository (a local URL): no test reaches github.com.
    ".github/release-monitor.yml": `upstreams:\n  - repository: openai/codex\n    url: ${upstreamUrl}\n    tagPattern: rust-v*\n    prereleases: false\nissues:\n  labels: [upstream-release]\n`,
  };
  for (const f of readdirSync(join(examples, "workflows"))) {
    files[`.github/workflows/${f}`] = readFileSync(join(examples, "workflows", f), "utf8");
  }
  files[".github/workflows/release-monitor.yml"] = readFileSync(join(examples, "release-monitor.yml"), "utf8");
  return files;
}

function userRepoDir(upstreamUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), "codexrel-example-repo-"));
  for (const [path, content] of Object.entries(userRepoFiles(upstreamUrl))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  cpSync(join(examples, "demo", "cuj"), join(dir, "fixtures", "cuj"), { recursive: true });
  return dir;
}

/** This checkout's worker and actions, as the `v1` branch of a simulated codexrel/codexrel. */
function codexrelFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "codexrel-example-upstream-"));
  scratch.push(dir);
  return codexrelUpstream(dir);
}
const scratch: string[] = [];

let sim: WorkflowSimulation;
let prNumber: number;
const runs: Record<string, WorkflowRunResult> = {};

const stepError = (job: JobResult | undefined) =>
  job?.annotations.filter((a) => a.level === "error").map((a) => a.message) ?? [];

let openai: FakeOpenAI | undefined;

beforeAll(async () => {
  // The agent answers at once (the callers' own CODEX_BASE_URL option): without it the worker's
  // Codex step waits for a network this machine does not have until the step timeout.
  openai = await startFakeOpenAI({ reply: "Nothing to change here." });
  sim = await createWorkflowSimulation({
    secrets: { OPENAI_API_KEY: "sk-test-example" },
    vars: { CODEX_BASE_URL: openai.baseUrl },
  });
  sim.addRepo("codexrel/codexrel", { defaultBranch: "v1", files: codexrelFolder() });
  const upstream = sim.addRepo("openai/codex", { files: { "README.md": "codex\n" } });
  sim.tag("openai/codex", "rust-v0.1.0", "refs/heads/main");
  sim.commit("openai/codex", "main", { "CHANGELOG.md": "0.2: a new flag\n" });
  sim.tag("openai/codex", "rust-v0.2.0", "refs/heads/main");
  const dir = userRepoDir(`file://${upstream.bare}`);
  try {
    sim.addRepo(REPO, { files: dir, collaborators: { alice: "write" } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  sim.fake.state.addIssue(REPO, { number: 1, title: "The app crashes on start", body: "Steps...", author: "alice" });
  const pr = sim.openPullRequest(REPO, {
    number: 2,
    head: "fix-crash",
    files: { "fix.txt": "fixed\n" },
    author: "alice",
    title: "Fix the crash",
  });
  prNumber = pr.number;
  const prPayload = (action: string) =>
    webhookPayload("pull_request", {
      action,
      repo: REPO,
      overrides: { number: prNumber, pull_request: { number: prNumber, draft: false, head: { ref: "fix-crash" } } },
    });
  const sender = { sender: { login: "alice", type: "User" } };
  const go = (workflow: string, name: string, payload: Record<string, unknown>) =>
    sim.run({ repo: REPO, workflow: `.github/workflows/${workflow}`, event: { name, payload } });

  runs["codex-review"] = await go("codex-review.yml", "pull_request", prPayload("opened"));
  runs["cuj-evidence"] = await go("cuj-evidence.yml", "pull_request", prPayload("opened"));
  runs["codex-comments"] = await go(
    "codex-comments.yml",
    "issue_comment",
    webhookPayload("issue_comment", {
      action: "created",
      repo: REPO,
      overrides: { issue: { number: 1 }, comment: { body: "@codex please fix this" }, ...sender },
    }),
  );
  runs["codex-issues"] = await go(
    "codex-issues.yml",
    "issues",
    webhookPayload("issues", {
      action: "opened",
      repo: REPO,
      overrides: { issue: { number: 1, body: "@codex fix the crash" }, ...sender },
    }),
  );
  runs["release-validation"] = await go(
    "release-validation.yml",
    "workflow_dispatch",
    webhookPayload("workflow_dispatch", {
      repo: REPO,
      overrides: { ref: "refs/heads/main", inputs: { pr: String(prNumber) }, ...sender },
    }),
  );
  runs["release-monitor"] = await go(
    "release-monitor.yml",
    "workflow_dispatch",
    webhookPayload("workflow_dispatch", { repo: REPO, overrides: { ref: "refs/heads/main", inputs: {}, ...sender } }),
  );
}, 600_000);

afterAll(async () => {
  await sim?.dispose();
  await openai?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

const comments = (number: number) =>
  [...sim.fake.state.comments.values()].filter((c) => c.repo === REPO && c.number === number);
const NO_LOCAL_ACTION = /No action.yml or action.yaml in .*\/workspace\/actions\//;

const allErrors = (run: WorkflowRunResult) =>
  Object.values(run.jobs)
    .flatMap((j) => stepError(j))
    .join("\n");
const worker = parseYaml(readFileSync(join(repoRoot, ".github", "workflows", "codex-worker.yml"), "utf8"));

describe("codex-review.yml on pull_request opened", () => {
  it("checks out refs/pull/N/merge and reaches codexrel's actions as codexrel/codexrel/actions/<name>@v1", () => {
    const review = runs["codex-review"]!.jobs["review"]!;
    expect(review.steps[0]!.outputs["ref"]).toBe(`refs/pull/${prNumber}/merge`);
    expect(allErrors(runs["codex-review"]!)).not.toMatch(NO_LOCAL_ACTION);
  });
});

describe("codex-comments.yml -> codex-worker.yml on issue_comment created", () => {
  it("runs the called worker's route job (codexrel's actions from the worker's own checkout), read-only", () => {
    const run = runs["codex-comments"]!;
    expect(run.triggered).toBe(true);
    expect(allErrors(run)).not.toMatch(NO_LOCAL_ACTION);
    expect(run.jobs["codex / route"]!.result).toBe("success");
    // The called workflow's route job asked for read access: the caller's write grant is downgraded.
    expect(run.jobs["codex / route"]!.permissions).toMatchObject({ contents: "read" });
  });
});

describe("codex-issues.yml -> codex-worker.yml on issues opened", () => {
  it("routes the issue in the called worker without resolving ./actions in the user's checkout", () => {
    const run = runs["codex-issues"]!;
    expect(allErrors(run)).not.toMatch(NO_LOCAL_ACTION);
    expect(run.jobs["codex / route"]!.result).toBe("success");
  });
});

describe("codex-worker.yml (codexrel's own reusable worker)", () => {
  it("is only a reusable workflow (on: workflow_call)", () => {
    expect(Object.keys(worker.on)).toEqual(["workflow_call"]);
  });
  it("the work job's token can read check runs, statuses and workflow runs for review context and handoff", () => {
    const perms = jobPermissions({
      workflowBlock: worker.permissions,
      jobBlock: worker.jobs.work.permissions,
      repoDefault: "restricted",
    });
    expect(perms.checks).toBe("read");
    expect(perms.statuses).toBe("read");
    expect(perms.actions).toBe("read");
  });
  it("runs the Codex CLI with flags 0.169 accepts, the prompt on stdin", () => {
    const scripts = (worker.jobs.work.steps as Array<{ run?: string }>).map((s) => s.run ?? "").join("\n");
    expect(scripts).not.toContain("--full-auto");
    expect(scripts).toMatch(/codex exec .*- < "\$PROMPT_FILE"/);
  });
  it("checks out the thread's branch (a PR comment works on the PR's head, not the default branch)", () => {
    const steps = worker.jobs.work.steps as Array<{ uses?: string; with?: Record<string, unknown> }>;
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout") && !s.with?.["repository"])!;
    expect(String(checkout.with?.["ref"] ?? "")).not.toBe("");
  });
});

describe("cuj-evidence.yml on pull_request opened", () => {
  it("runs the user's journeys and the publish step from codexrel/codexrel/actions/publish-artifacts@v1", () => {
    const job = runs["cuj-evidence"]!.jobs["journeys"]!;
    expect(job.steps.some((s) => s.uses === "codexrel/codexrel/actions/publish-artifacts@v1")).toBe(true);
    expect(allErrors(runs["cuj-evidence"]!)).not.toMatch(NO_LOCAL_ACTION);
  });
  it("publishes the evidence and one report comment on the PR", () => {
    expect(runs["cuj-evidence"]!.jobs["journeys"]!.result).toBe("success");
    // Other examples in this simulation comment on the same PR too (their own progress); the
    // evidence run owns exactly one report comment, and it links what the branch now holds.
    const reports = comments(prNumber).filter((c) => c.body.startsWith("<!-- codexrel:report:cuj -->"));
    expect(reports.length).toBe(1);
    expect(reports[0]?.body).toContain("**Publication:** ✅ published");
    const link = /blob\/([0-9a-f]{40})\/(codexrel\/pr-\d+\/[0-9a-f]+)\/index\.md/.exec(reports[0]?.body ?? "");
    expect(link, reports[0]?.body).not.toBeNull();
    const [, commit, dir] = link as RegExpExecArray;
    const index = execFileSync("git", ["--git-dir", sim.bareOf(REPO) as string, "show", `${commit}:${dir}/index.md`], {
      encoding: "utf8",
    });
    expect(index).toContain("add-numbers");
  });
});

describe("release-validation.yml on workflow_dispatch", () => {
  it("checks out the PR's head and reaches codexrel's actions as codexrel/codexrel/actions/<name>@v1", () => {
    const job = runs["release-validation"]!.jobs["validate"]!;
    expect(job.steps[0]!.outputs["ref"]).toBe(`refs/pull/${prNumber}/head`);
    expect(allErrors(runs["release-validation"]!)).not.toMatch(NO_LOCAL_ACTION);
  });
});

describe("release-monitor.yml on workflow_dispatch", () => {
  it("finds the new upstream release with a contents: read token, hands the context to the issues job, and without an agent opens nothing", () => {
    const run = runs["release-monitor"]!;
    expect(run.triggered).toBe(true);
    const review = run.jobs["review"]!;
    expect(review.permissions).toMatchObject({ contents: "read", issues: "none" });
    expect(review.outputs["has-new"]).toBe("true");
    expect(run.jobs["issues"]!.permissions).toMatchObject({ contents: "read", issues: "write" });
    expect(run.jobs["issues"]!.result).toBe("success");
    expect(run.jobs["issues"]!.outputs["state-changed"]).toBe("false");
    expect(run.jobs["commit-state"]!.result).toBe("skipped");
    expect(sim.fake.state.repoIssues(REPO).map((i) => i.number)).toEqual([1]);
  });
});

describe("no example's writes start new workflow runs", () => {
  it("every event the runs recorded was made with a GITHUB_TOKEN and triggers nothing", () => {
    for (const e of sim.events) expect(e.triggersWorkflows, `${e.name} ${e.action ?? ""}`).toBe(false);
  });
});
