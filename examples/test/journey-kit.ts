/**
 * What the journeys share (examples/test/journeys.test.ts): the simulation a user's repository
 * runs in, the payloads of the events they send, and the fake model's script.
 *
 * Glue that stands in for the runner image (not testkit changes): `codexrel/codexrel` is a
 * simulated repository whose `v1` branch holds this checkout's worker and actions (built
 * actions/dist), so the worker's own checkout of codexrel works as on GitHub; a PATH shim makes
 * `npm install --global @openai/codex@<v>` a no-op and `codex` the testkit's real CLI. The fake
 * Responses API is set through the callers' own `vars.CODEX_BASE_URL` option.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createWorkflowSimulation, type WorkflowSimulation } from "@codexrel/testkit/actions";
import { webhookPayload } from "@codexrel/testkit/github";
import {
  codexEntry,
  execCommandTurn,
  type FakeOpenAI,
  type FakeTurn,
  type RecordedRequest,
  startFakeOpenAI,
} from "@codexrel/testkit/openai";
import { expect } from "vitest";
import { parse } from "yaml";

export type Sim = WorkflowSimulation;

const repoRoot = join(import.meta.dirname, "..", "..");
export const APP = "octo/app";
export const PLAN = [
  "## Objective",
  "Add a greeting.",
  "## Task Breakdown",
  "- [ ] Add greet.txt",
  "- [ ] Mention it in the README",
  "## Ready Checklist",
  "- [ ] reviewed",
].join("\n");

let scratch = "";
let openai: FakeOpenAI;

/** This checkout's worker and actions, copied into `dir`: the `v1` branch of a simulated codexrel/codexrel. */
export function codexrelUpstream(dir: string): string {
  mkdirSync(join(dir, ".github", "workflows"), { recursive: true });
  cpSync(
    join(repoRoot, ".github", "workflows", "codex-worker.yml"),
    join(dir, ".github", "workflows", "codex-worker.yml"),
  );
  cpSync(join(repoRoot, "actions"), join(dir, "actions"), {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|test|src)([/\\]|$)/.test(relative(repoRoot, src)),
  });
  return dir;
}

function pathShims(): string {
  const bin = join(scratch, "bin");
  mkdirSync(bin, { recursive: true });
  const entry = codexEntry();
  if (!entry) throw new Error("@openai/codex is not installed");
  writeFileSync(join(bin, "codex"), `#!/bin/sh\nexec "${process.execPath}" "${entry}" "$@"\n`);
  writeFileSync(
    join(bin, "npm"),
    `#!/bin/sh\ncase "$*" in "install --global @openai/codex@"*) echo "codex is preinstalled in this runner image"; exit 0;; esac\necho "npm is not available in the simulation: $*" >&2\nexit 1\n`,
  );
  for (const f of ["codex", "npm"]) chmodSync(join(bin, f), 0o755);
  return bin;
}

async function simulation(): Promise<Sim> {
  const sim = await createWorkflowSimulation({
    secrets: { OPENAI_API_KEY: "sk-test-journeys" },
    // The callers' documented option for a non-OpenAI Responses endpoint.
    vars: { CODEX_BASE_URL: openai.baseUrl },
    stepTimeoutMs: 90_000, // safety kill, not an assertion
  });
  sim.addRepo("codexrel/codexrel", { defaultBranch: "v1", files: codexrelUpstream(join(scratch, "codexrel")) });
  sim.addRepo(APP, {
    collaborators: { octocat: "admin" },
    files: {
      "README.md": "# app\n",
      ".github/workflows/codex-issues.yml": readFileSync(join(repoRoot, "examples/workflows/codex-issues.yml"), "utf8"),
      ".github/workflows/codex-comments.yml": readFileSync(
        join(repoRoot, "examples/workflows/codex-comments.yml"),
        "utf8",
      ),
    },
  });
  return sim;
}

/** A release request's body as GitHub renders the codex-release issue form (answers by label). */
export function releaseRequest(answers: Record<string, string>): string {
  const form = parse(readFileSync(join(repoRoot, ".github/ISSUE_TEMPLATE/codex-release.yml"), "utf8")) as {
    body: { type: string; attributes: { label?: string } }[];
  };
  return form.body
    .filter((e) => e.type !== "markdown")
    .map((e) => `### ${e.attributes.label}\n\n${answers[e.attributes.label ?? ""] || "_No response_"}`)
    .join("\n\n");
}

export const RELEASE = {
  "Target version": "2.0.0",
  "Release target kind": "Tag",
  "Release branch or tag": "v2.0.0",
  "Changelog source": "Changesets",
  "Required CUJs": "checkout",
  "Fix budget": "2",
};
export const RELEASE_LABEL = [
  { id: 1, node_id: "LA_1", url: "", name: "codex-release", color: "ededed", default: false },
];

export function jobLog(run: {
  jobs: Record<string, { id: string; steps: { name?: string; outcome: string; log: string[] }[] }>;
}): string {
  return Object.values(run.jobs)
    .flatMap((j) => j.steps.map((s) => `${j.id} · ${s.name ?? ""}: ${s.outcome}\n${s.log.join("\n")}`))
    .join("\n");
}

/** Issue #1 as journeys start from it (the payloads below describe the same issue). */
export function addIssue(sim: Sim): void {
  sim.fake.state.addIssue(APP, { number: 1, title: "Add a greeting", body: "Say hello.", author: "octocat" });
}

export function issueOpened(
  number: number,
  issue: Record<string, unknown> = {},
  action = "opened",
  extra: Record<string, unknown> = {},
): { name: string; payload: Record<string, unknown> } {
  return {
    name: "issues",
    payload: webhookPayload("issues", {
      action,
      repo: APP,
      overrides: {
        issue: {
          number,
          title: "Add a greeting",
          body: "Say hello.",
          author_association: "OWNER",
          user: { login: "octocat" },
          ...issue,
        },
        sender: { login: "octocat", type: "User" },
        ...extra,
      },
    }),
  };
}

export interface CommentBy {
  body: string;
  login: string;
  association: string;
  type?: "User" | "Bot";
}

/** An issue_comment `created` on the issue, the comment added to the fake's thread first (ids agree). */
export function commentOn(sim: Sim, number: number, by: CommentBy): { name: string; payload: Record<string, unknown> } {
  const made = sim.fake.state.addComment(APP, number, { body: by.body, author: by.login });
  return {
    name: "issue_comment",
    payload: webhookPayload("issue_comment", {
      action: "created",
      repo: APP,
      onPullRequest: false,
      overrides: {
        issue: { number, title: "Add a greeting", body: "Say hello.", user: { login: "octocat" } },
        comment: {
          id: made.id,
          body: by.body,
          user: { login: by.login, type: by.type ?? "User" },
          author_association: by.association,
        },
        sender: { login: by.login, type: by.type ?? "User" },
      },
    }),
  };
}

/** An issue_comment `created` on pull request `number` (GitHub sends PR conversation comments as issue_comment). */
export function commentOnPr(
  sim: Sim,
  pr: { number: number; title: string; body: string },
  by: CommentBy,
): { name: string; payload: Record<string, unknown> } {
  const made = sim.fake.state.addComment(APP, pr.number, { body: by.body, author: by.login });
  return {
    name: "issue_comment",
    payload: webhookPayload("issue_comment", {
      action: "created",
      repo: APP,
      onPullRequest: true,
      overrides: {
        issue: { number: pr.number, title: pr.title, body: pr.body, user: { login: "github-actions[bot]" } },
        comment: {
          id: made.id,
          body: by.body,
          user: { login: by.login, type: by.type ?? "User" },
          author_association: by.association,
        },
        sender: { login: by.login, type: by.type ?? "User" },
      },
    }),
  };
}

/**
 * The fake model: the planning turn answers with PLAN; the implementation turn (plan approved) and
 * a follow-up asking for a farewell each run one exec_command through Codex, then report. Which
 * request is which is read from the input's order (a resumed session carries the earlier turns).
 */
export function implementer(request: RecordedRequest): FakeTurn {
  const approved = request.body.lastIndexOf("approved the plan");
  const farewell = request.body.lastIndexOf("also add a farewell");
  const asked = Math.max(approved, farewell);
  if (asked < 0) return PLAN;
  const answered = request.body.lastIndexOf("function_call_output") > asked;
  if (farewell > approved) return answered ? "Added farewell.txt." : execCommandTurn("printf 'bye\\n' > farewell.txt");
  return answered
    ? "Added greet.txt and mentioned it in the README."
    : execCommandTurn("printf 'hello\\n' > greet.txt");
}

/** Journeys 1 and 2's runs: the issue is planned, then the plan approved and implemented. */
export async function planAndApprove(sim: Sim) {
  addIssue(sim);
  const planned = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: issueOpened(1) });
  expect(planned.conclusion, jobLog(planned)).toBe("success");
  const approve = commentOn(sim, 1, { body: "execute plan", login: "octocat", association: "OWNER" });
  const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: approve });
  return { run, log: jobLog(run) };
}

export const branchFile = (sim: Sim, ref: string, file: string) =>
  execFileSync("git", ["--git-dir", sim.bareOf(APP) as string, "show", `refs/heads/${ref}:${file}`], {
    encoding: "utf8",
  });

/** The commit a branch of the simulated repository points at. */
export const branchHead = (sim: Sim, ref: string) =>
  execFileSync("git", ["--git-dir", sim.bareOf(APP) as string, "rev-parse", `refs/heads/${ref}`], {
    encoding: "utf8",
  }).trim();

export interface JourneyKit {
  openai: FakeOpenAI;
  simulation(): Promise<Sim>;
  close(): Promise<void>;
}

/** The fake Responses API and the PATH shims, for one test file (call close() in afterAll). */
export async function startJourneyKit(): Promise<JourneyKit> {
  const savedPath = process.env.PATH ?? "";
  scratch = mkdtempSync(join(tmpdir(), "codexrel-journeys-"));
  process.env.PATH = `${pathShims()}:${savedPath}`;
  openai = await startFakeOpenAI({ reply: PLAN });
  return {
    openai,
    simulation,
    close: async () => {
      process.env.PATH = savedPath;
      await openai.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Polls until `done()` (a safety limit, not an assertion on time: it fails with what it awaited). */
export async function until(done: () => boolean, what: string, limitMs = 240_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the comments caller for `event` without waiting (a burst: GitHub's concurrency decides
 * which runs go ahead); `settled.conclusion` is set once the run ends.
 */
export function startCommentsRun(sim: Sim, event: { name: string; payload: Record<string, unknown> }) {
  const settled: { conclusion?: string } = {};
  const result = sim.start({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event }).result;
  void result.then((r) => {
    settled.conclusion = r.conclusion;
  });
  return { result, settled };
}
