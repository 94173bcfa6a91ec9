// The seed's journeys, run in the testkit's workflow runner through the callers exactly as a user
// copies them (examples/workflows/*.yml naming codexrel/codexrel/...@v1), with the real Codex CLI
// (@openai/codex, the testkit's devDependency) against the fake Responses API.
// The events, the simulation and the fake model's script are in journey-kit.ts.
import type { FakeOpenAI } from "@codexrel/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  addIssue,
  branchFile,
  branchHead,
  type CommentBy,
  commentOn,
  implementer,
  issueOpened,
  type JourneyKit,
  jobLog,
  PLAN,
  planAndApprove,
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
      expect(branchHead(sim, pr.headRef)).toBe(pr.headSha);
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
