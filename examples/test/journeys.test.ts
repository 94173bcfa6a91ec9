// The seed's journeys, run in the testkit's workflow runner through the callers exactly as a user
// copies them (examples/workflows/*.yml naming codexrel/codexrel/...@v1), with the real Codex CLI
// (@openai/codex, the testkit's devDependency) against the fake Responses API.
//
// Glue that stands in for the runner image (not testkit changes): `codexrel/codexrel` is a
// simulated repository whose `v1` branch holds this checkout's worker and actions (built
// actions/dist), so the worker's own checkout of codexrel works as on GitHub; a PATH shim makes
// `npm install --global @openai/codex@<v>` a no-op and `codex` the testkit's real CLI. The fake
// Responses API is set through the callers' own `vars.CODEX_BASE_URL` option.

import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  codexEntry,
  createWorkflowSimulation,
  execCommandTurn,
  type FakeOpenAI,
  type FakeTurn,
  type RecordedRequest,
  startFakeOpenAI,
  type WorkflowSimulation,
  webhookPayload,
} from "@codexrel/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const repoRoot = join(import.meta.dirname, "..", "..");
const APP = "octo/app";
const PLAN = [
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
const savedPath = process.env.PATH ?? "";

/** This checkout's worker and actions, as the `v1` branch of a simulated codexrel/codexrel. */
function codexrelFolder(): string {
  const dir = join(scratch, "codexrel");
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

async function simulation(): Promise<WorkflowSimulation> {
  const sim = await createWorkflowSimulation({
    secrets: { OPENAI_API_KEY: "sk-test-journeys" },
    // The callers' documented option for a non-OpenAI Responses endpoint.
    vars: { CODEX_BASE_URL: openai.baseUrl },
    stepTimeoutMs: 90_000, // safety kill, not an assertion
  });
  sim.addRepo("codexrel/codexrel", { defaultBranch: "v1", files: codexrelFolder() });
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

type Sim = WorkflowSimulation;

/** A release request's body as GitHub renders the codex-release issue form (answers by label). */
function releaseRequest(answers: Record<string, string>): string {
  const form = parse(readFileSync(join(repoRoot, ".github/ISSUE_TEMPLATE/codex-release.yml"), "utf8")) as {
    body: { type: string; attributes: { label?: string } }[];
  };
  return form.body
    .filter((e) => e.type !== "markdown")
    .map((e) => `### ${e.attributes.label}\n\n${answers[e.attributes.label ?? ""] || "_No response_"}`)
    .join("\n\n");
}

const RELEASE = {
  "Target version": "2.0.0",
  "Release target kind": "Tag",
  "Release branch or tag": "v2.0.0",
  "Changelog source": "Changesets",
  "Required CUJs": "checkout",
  "Fix budget": "2",
};
const RELEASE_LABEL = [{ id: 1, node_id: "LA_1", url: "", name: "codex-release", color: "ededed", default: false }];

function jobLog(run: {
  jobs: Record<string, { id: string; steps: { name?: string; outcome: string; log: string[] }[] }>;
}): string {
  return Object.values(run.jobs)
    .flatMap((j) => j.steps.map((s) => `${j.id} · ${s.name ?? ""}: ${s.outcome}\n${s.log.join("\n")}`))
    .join("\n");
}

/** Issue #1 as journeys start from it (the payloads below describe the same issue). */
function addIssue(sim: Sim): void {
  sim.fake.state.addIssue(APP, { number: 1, title: "Add a greeting", body: "Say hello.", author: "octocat" });
}

function issueOpened(
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

interface CommentBy {
  body: string;
  login: string;
  association: string;
  type?: "User" | "Bot";
}

/** An issue_comment `created` on the issue, the comment added to the fake's thread first (ids agree). */
function commentOn(sim: Sim, number: number, by: CommentBy): { name: string; payload: Record<string, unknown> } {
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

/**
 * The fake model: the planning turn answers with PLAN; the implementation turn (plan approved) and
 * a follow-up asking for a farewell each run one exec_command through Codex, then report. Which
 * request is which is read from the input's order (a resumed session carries the earlier turns).
 */
function implementer(request: RecordedRequest): FakeTurn {
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
async function planAndApprove(sim: Sim) {
  addIssue(sim);
  const planned = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: issueOpened(1) });
  expect(planned.conclusion, jobLog(planned)).toBe("success");
  const approve = commentOn(sim, 1, { body: "execute plan", login: "octocat", association: "OWNER" });
  const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: approve });
  return { run, log: jobLog(run) };
}

const branchFile = (sim: Sim, ref: string, file: string) =>
  execFileSync("git", ["--git-dir", sim.bareOf(APP) as string, "show", `refs/heads/${ref}:${file}`], {
    encoding: "utf8",
  });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "codexrel-journeys-"));
  process.env.PATH = `${pathShims()}:${savedPath}`;
  openai = await startFakeOpenAI({ reply: PLAN });
});

afterAll(async () => {
  process.env.PATH = savedPath;
  await openai?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("journeys", () => {
  it("1. an OWNER opens an issue: a planning run posts one plan comment with the marker and one progress comment", async () => {
    const sim = await simulation();
    try {
      addIssue(sim);
      const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: issueOpened(1) });
      const log = jobLog(run);
      expect(run.conclusion, log).toBe("success");
      const comments = sim.fake.state.threadComments(APP, 1);
      const plans = comments.filter((c) => c.body.startsWith("<!-- codex:plan -->"));
      const progress = comments.filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(plans, log).toHaveLength(1);
      expect(plans[0]?.body).toContain("Add greet.txt");
      expect(progress).toHaveLength(1);
      expect(progress[0]?.body).toContain("- [ ] Add greet.txt");
      expect(openai.responsesRequests().length).toBeGreaterThan(0);
      // The stage log: raw --json events in the job log, a readable transcript in the summary and
      // the transcript artifact; Discord says once that it is off (no DISCORD_* secrets here).
      const work = Object.values(run.jobs).find((j) => j.id.endsWith("work"));
      const codex = work?.steps.find((s) => s.name?.startsWith("Run Codex"));
      expect(codex?.summary, log).toMatch(/<summary>planning transcript: \d+ lines, secrets redacted<\/summary>/);
      expect(codex?.summary).toContain("Add greet.txt");
      expect(codex?.log.join("\n")).toMatch(/"type":"(thread|turn)\./);
      expect(codex?.log.join("\n")).toContain(
        "discord streaming is off: DISCORD_BOT_TOKEN and DISCORD_GUILD_ID are not set",
      );
      const upload = work?.steps.find((s) => s.name?.startsWith("Upload the stage transcript"));
      expect(upload?.outcome, log).toBe("success");
      expect(upload?.log.join("\n")).toContain(
        "Artifact codex-planning-transcript-1 has been successfully uploaded! Final size is 1 files",
      );
      expect(log).not.toContain("sk-test-journeys");
    } finally {
      await sim.dispose();
    }
  }, 300_000);
  it("2. the plan is approved: implementation pushes the issue's branch, opens a draft PR with Closes #1, checks off the progress, saves the session", async () => {
    const sim = await simulation();
    openai.setReply(implementer);
    try {
      const before = openai.responsesRequests().length;
      const { run, log } = await planAndApprove(sim);
      expect(run.conclusion, log).toBe("success");
      // The session was resumed: the implementation turn carries the planning turn's plan.
      const turn = openai.responsesRequests().slice(before);
      expect(turn.find((r) => r.body.includes("approved the plan"))?.body, log).toContain("Add greet.txt");
      const pulls = sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr");
      expect(pulls, log).toHaveLength(1);
      const pr = pulls[0] as (typeof pulls)[number];
      expect(pr).toMatchObject({ draft: true, baseRef: "main", headRepo: APP });
      expect(pr.body).toContain("Closes #1");
      expect(pr.headRef).toMatch(/^codex\/issue-1\//);
      expect(branchFile(sim, pr.headRef, "greet.txt")).toBe("hello\n");
      const bare = sim.bareOf(APP) as string;
      const head = execFileSync("git", ["--git-dir", bare, "rev-parse", `refs/heads/${pr.headRef}`], {
        encoding: "utf8",
      });
      expect(head.trim()).toBe(pr.headSha);
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body).toContain("- [x] Add greet.txt");
      expect(progress[0]?.body).toContain("Added greet.txt and mentioned it in the README.");
      const work = Object.values(run.jobs).find((j) => j.id.endsWith("work"));
      expect(work?.steps.find((s) => s.name?.startsWith("Save the thread's CODEX_HOME"))?.outcome, log).toBe("success");
    } finally {
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 300_000);

  it("3. a follow-up comment on the issue: the saved session is resumed, the same branch gets the commit, no second PR", async () => {
    const sim = await simulation();
    openai.setReply(implementer);
    try {
      const first = await planAndApprove(sim);
      expect(first.run.conclusion, first.log).toBe("success");
      const [pr] = sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr");
      const before = openai.responsesRequests().length;
      const event = commentOn(sim, 1, { body: "@codex also add a farewell", login: "octocat", association: "OWNER" });
      const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event });
      const log = jobLog(run);
      expect(run.conclusion, log).toBe("success");
      // Resumed: the follow-up's first request carries the implementation turn before it.
      const followUp = openai.responsesRequests().slice(before);
      expect(followUp[0]?.body, log).toContain("approved the plan");
      expect(followUp[0]?.body).toContain("also add a farewell");
      const pulls = sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr");
      expect(
        pulls.map((t) => t.number),
        log,
      ).toEqual([pr?.number]);
      expect(branchFile(sim, pr?.headRef ?? "", "farewell.txt")).toBe("bye\n");
      expect(branchFile(sim, pr?.headRef ?? "", "greet.txt")).toBe("hello\n");
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body).toContain("Added farewell.txt.");
    } finally {
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 300_000);

  it("6. the same delivery replayed: the second run is a duplicate, Codex does not run again, no new comment", async () => {
    const sim = await simulation();
    try {
      addIssue(sim);
      const event = issueOpened(1);
      const first = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event });
      expect(first.conclusion, jobLog(first)).toBe("success");
      const requests = openai.responsesRequests().length;
      const comments = sim.fake.state.threadComments(APP, 1).map((c) => `${c.id}:${c.body}`);
      const replay = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event });
      const log = jobLog(replay);
      expect(replay.conclusion, log).toBe("success");
      const task = Object.values(replay.jobs).find((j) => j.id.endsWith("work"));
      expect(task?.steps.find((s) => s.name?.startsWith("Run Codex"))?.outcome, log).toBe("skipped");
      expect(log).toMatch(/duplicate/i);
      expect(openai.responsesRequests().length).toBe(requests);
      expect(sim.fake.state.threadComments(APP, 1).map((c) => `${c.id}:${c.body}`)).toEqual(comments);
    } finally {
      await sim.dispose();
    }
  }, 300_000);

  it("8. comments from a non-collaborator, a bot and the automation itself are ignored: nothing written, no Codex", async () => {
    const sim = await simulation();
    try {
      addIssue(sim);
      const before = openai.responsesRequests().length;
      const authors: CommentBy[] = [
        { body: "@codex delete everything", login: "stranger", association: "NONE" },
        { body: "@codex bump deps", login: "renovate[bot]", association: "NONE", type: "Bot" },
        { body: "@codex keep going", login: "github-actions[bot]", association: "NONE", type: "Bot" },
      ];
      for (const by of authors) {
        const event = commentOn(sim, 1, by);
        const comments = sim.fake.state.threadComments(APP, 1).length;
        const events = sim.events.length;
        const run = await sim.run({
          repo: APP,
          workflow: ".github/workflows/codex-comments.yml",
          event,
        });
        const log = jobLog(run);
        expect(["success", "skipped"], `${by.login}\n${log}`).toContain(run.conclusion);
        const work = Object.values(run.jobs).find((j) => j.id.endsWith("work"));
        if (work) expect(work.result, `${by.login}\n${log}`).toBe("skipped");
        expect(
          sim.fake.state
            .threadComments(APP, 1)
            .slice(comments)
            .map((c) => `${c.author}: ${c.body}`),
          `${by.login}\n${log}`,
        ).toEqual([]);
        expect(sim.events.slice(events), by.login).toEqual([]);
      }
      expect(openai.responsesRequests().length).toBe(before);
    } finally {
      await sim.dispose();
    }
  }, 300_000);

  it("12. a release request from the issue form: missing answers are named and the agent waits; the edit that completes them posts the intake's plan before the agent runs", async () => {
    const sim = await simulation();
    try {
      const partial = releaseRequest({ ...RELEASE, "Fix budget": "" });
      sim.fake.state.addIssue(APP, { number: 1, title: "Release: 2.0.0", body: partial, author: "octocat" });
      const before = openai.responsesRequests().length;
      const opened = issueOpened(1, { title: "Release: 2.0.0", body: partial, labels: RELEASE_LABEL });
      const first = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: opened });
      let log = jobLog(first);
      expect(first.conclusion, log).toBe("success");
      expect(openai.responsesRequests().length, log).toBe(before);
      let plans = sim.fake.state.threadComments(APP, 1).filter((c) => c.body.startsWith("<!-- codex:plan -->"));
      expect(plans, log).toHaveLength(1);
      expect(plans[0]?.body).toContain("information needed");
      expect(plans[0]?.body).toContain("Fix budget");
      const waiting = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(waiting[0]?.body, log).toMatch(/RELEASE\\?_INTAKE\\?_INCOMPLETE: Fix budget/);

      const full = releaseRequest(RELEASE);
      const edited = issueOpened(1, { title: "Release: 2.0.0", body: full, labels: RELEASE_LABEL }, "edited", {
        changes: { body: { from: partial } },
      });
      const second = await sim.run({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: edited });
      log = jobLog(second);
      expect(second.conclusion, log).toBe("success");
      plans = sim.fake.state.threadComments(APP, 1).filter((c) => c.body.startsWith("<!-- codex:plan -->"));
      expect(plans, log).toHaveLength(1);
      expect(plans[0]?.body).toContain("# Release plan: 2.0.0");
      expect(plans[0]?.body).toContain("at most 2 fix iteration(s)");
      expect(plans[0]?.body, "the agent's own plan is not posted over the intake's").not.toContain("Add greet.txt");
      const requests = openai.responsesRequests().slice(before);
      expect(requests.length, log).toBeGreaterThan(0);
      expect(requests[0]?.body, "the planning turn is given the posted plan").toContain(
        "Release plan (posted on the thread",
      );
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body).not.toMatch(/RELEASE\\?_INTAKE\\?_INCOMPLETE/);
      expect(progress[0]?.body).toContain("execute plan");
    } finally {
      await sim.dispose();
    }
  }, 300_000);

  it("10. a follow-up on a thread with no saved session fails loudly and the progress comment says why", async () => {
    const sim = await simulation();
    try {
      addIssue(sim);
      const before = openai.responsesRequests().length;
      const event = commentOn(sim, 1, { body: "@codex also add a farewell", login: "octocat", association: "OWNER" });
      const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event });
      const log = jobLog(run);
      expect(run.conclusion, log).toBe("failure");
      expect(openai.responsesRequests().length, log).toBe(before);
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body, log).toMatch(
        /SESSION\\?_REQUIRED\\?_BUT\\?_MISSING[^\n]*no saved Codex session[^\n]*run the first turn/,
      );
    } finally {
      await sim.dispose();
    }
  }, 300_000);
});
