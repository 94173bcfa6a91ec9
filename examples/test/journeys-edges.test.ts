// Journeys 8 to 12 (who may trigger, forks, no saved session, cancellation, release requests), run
// like journeys.test.ts: the callers as a user copies them, in the testkit's workflow runner, with
// the real Codex CLI against the fake Responses API. Split from journeys.test.ts (past 400 lines),
// so the two files run beside each other.

import { execFileSync } from "node:child_process";
import { webhookPayload } from "@codexrel/testkit/github";
import type { FakeOpenAI } from "@codexrel/testkit/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  addIssue,
  type CommentBy,
  commentOn,
  issueOpened,
  type JourneyKit,
  jobLog,
  RELEASE,
  RELEASE_LABEL,
  releaseRequest,
  startJourneyKit,
} from "./journey-kit.js";

let kit: JourneyKit;
let openai: FakeOpenAI;
const simulation = () => kit.simulation();

beforeAll(async () => {
  kit = await startJourneyKit();
  openai = kit.openai;
});

afterAll(async () => {
  await kit?.close();
});

/** The commit a branch of the app's repository points at, or null when there is no such branch. */
function branchHeadOrNull(sim: Awaited<ReturnType<JourneyKit["simulation"]>>, ref: string): string | null {
  try {
    return execFileSync("git", ["--git-dir", sim.bareOf(APP) as string, "rev-parse", "--verify", `refs/heads/${ref}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

describe("journeys: guards, failures and release requests", () => {
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

  it("9. a fork PR: a maintainer's @codex on it is refused with a comment saying why; Codex never runs and no step is handed the OpenAI key", async () => {
    const sim = await simulation();
    try {
      const pr = sim.fake.state.addPullRequest(APP, {
        number: 2,
        title: "Fix a typo",
        body: "From a fork.",
        author: "stranger",
        headRepo: "stranger/app",
        headRef: "patch-1",
      });
      const made = sim.fake.state.addComment(APP, pr.number, { body: "@codex fix the typo", author: "octocat" });
      const event = {
        name: "issue_comment",
        payload: webhookPayload("issue_comment", {
          action: "created",
          repo: APP,
          onPullRequest: true,
          overrides: {
            issue: { number: pr.number, title: "Fix a typo", body: "From a fork.", user: { login: "stranger" } },
            comment: {
              id: made.id,
              body: "@codex fix the typo",
              user: { login: "octocat", type: "User" },
              author_association: "OWNER",
            },
            sender: { login: "octocat", type: "User" },
          },
        }),
      };
      const before = openai.responsesRequests().length;
      const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event });
      const log = jobLog(run);
      // An issue_comment run has the repository's secrets even on a fork's PR (it runs in the base
      // repository's context): the worker must be the one that keeps them away from fork code.
      expect(run.conclusion, log).not.toBe("cancelled");
      const work = Object.values(run.jobs).find((j) => j.id.endsWith("work"));
      expect(work?.result, log).toBe("skipped");
      expect(openai.responsesRequests().length, log).toBe(before);
      const handed = Object.values(run.jobs).flatMap((j) =>
        j.steps.filter((st) => st.secrets.includes("OPENAI_API_KEY")).map((st) => `${j.id} · ${st.name}`),
      );
      expect(handed, log).toEqual([]);
      const said = sim.fake.state.threadComments(APP, pr.number).slice(1);
      expect(said, log).toHaveLength(1);
      expect(said[0]?.body).toMatch(/FORK\\?_PR\\?_REFUSED/);
      expect(said[0]?.body).toContain("comes from a fork");
      expect(sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr")).toHaveLength(1);
      expect(branchHeadOrNull(sim, "patch-1"), "nothing is pushed to the base repository").toBeNull();
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

  it("11. a cancelled run: the running Codex step gets GitHub's SIGINT, SIGTERM, kill; the progress comment says cancelled, never failed", async () => {
    const sim = await simulation();
    openai.setResponsesMode("slow"); // the model never answers in time: Codex is mid-turn at the cancel
    try {
      addIssue(sim);
      const before = openai.responsesRequests().length;
      const handle = sim.start({ repo: APP, workflow: ".github/workflows/codex-issues.yml", event: issueOpened(1) });
      const deadline = Date.now() + 120_000;
      while (openai.responsesRequests().length === before && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      handle.cancel();
      const run = await handle.result;
      const log = jobLog(run);
      expect(run.conclusion, log).toBe("cancelled");
      const work = Object.values(run.jobs).find((j) => j.id.endsWith("work"));
      const step = (prefix: string) => work?.steps.find((s) => s.name?.startsWith(prefix))?.outcome;
      expect(step("Run Codex"), log).toBe("cancelled");
      expect(step("Progress comment (failed"), log).toBe("skipped");
      expect(step("Record the handled events"), log).toBe("skipped");
      expect(step("Progress comment (cancelled)"), log).toBe("success");
      // The cancel reached the pipeline: the mirror closed its sinks, so the transcript survives.
      const codex = work?.steps.find((s) => s.name?.startsWith("Run Codex"));
      expect(codex?.summary, log).toContain("the stream was stopped \\(SIGTERM\\)");
      expect(codex?.summary).toMatch(/<summary>planning transcript: \d+ lines, secrets redacted<\/summary>/);
      expect(step("Upload the stage transcript"), log).toBe("success");
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body, log).toMatch(/cancelled/i);
      expect(progress[0]?.body).not.toMatch(/failed/i);
    } finally {
      openai.setResponsesMode("ok");
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
