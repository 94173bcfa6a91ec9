// The seed's journeys, run in the testkit's workflow runner through the callers exactly as a user
// copies them (examples/workflows/*.yml naming codexrel/codexrel/...@v1), with the real Codex CLI
// (@openai/codex, the testkit's devDependency) against the fake Responses API.
// The events, the simulation and the fake model's script are in journey-kit.ts.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execCommandTurn, type FakeOpenAI } from "@codexrel/testkit/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  addIssue,
  branchFile,
  branchHead,
  commentOn,
  implementer,
  issueOpened,
  type JourneyKit,
  jobLog,
  PLAN,
  planAndApprove,
  startCommentsRun,
  startJourneyKit,
  until,
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
      // Least exposure: the OpenAI key reaches the Codex step and no other step of any job.
      const handed = Object.values(run.jobs).flatMap((j) =>
        j.steps.filter((st) => st.secrets.includes("OPENAI_API_KEY")).map((st) => `${j.id} · ${st.name}`),
      );
      expect(handed, log).toEqual([`${work?.id} · ${codex?.name}`]);
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

  it("7. five comments in a burst: GitHub keeps one pending run per group, the run that gets the thread drains the rest; all five reach Codex in order, none lost", async () => {
    const sim = await simulation();
    // The first ask's turn runs a command that waits for this file, so comments 2-5 arrive while
    // the thread's run is busy (the case GitHub's one-pending-run-per-group rule makes lossy).
    const gate = join(mkdtempSync(join(tmpdir(), "codexrel-burst-")), "open");
    const asks = [1, 2, 3, 4, 5].map((n) => `@codex burst item ${n}`);
    openai.setReply((request) => {
      const first = request.body.lastIndexOf(asks[0] as string);
      if (first < 0) return implementer(request);
      const waited = request.body.lastIndexOf("function_call_output") > first;
      return waited || request.body.includes(asks[1] as string)
        ? "Handled the burst."
        : execCommandTurn(`while [ ! -e '${gate}' ]; do sleep 0.2; done; echo gate open`);
    });
    try {
      const first = await planAndApprove(sim);
      expect(first.run.conclusion, first.log).toBe("success");
      const before = openai.responsesRequests().length;
      const start = (body: string) =>
        startCommentsRun(sim, commentOn(sim, 1, { body, login: "octocat", association: "OWNER" }));
      const busy = start(asks[0] as string);
      await until(() => openai.responsesRequests().length > before, "the first ask's turn to start");
      const burst = asks.slice(1).map(start);
      // GitHub cancels a pending run when a newer one joins the group: three of the four cancel
      // while the first still holds the thread; then the busy turn may finish.
      await until(() => burst.filter((b) => b.settled.conclusion === "cancelled").length >= 3, "the burst to queue");
      writeFileSync(gate, "");
      const runs = await Promise.all([busy, ...burst].map((b) => b.result));
      const log = runs.map(jobLog).join("\n----\n");
      expect(runs[0]?.conclusion, log).toBe("success");
      expect(
        runs
          .slice(1)
          .map((r) => r.conclusion)
          .sort(),
        log,
      ).toEqual(["cancelled", "cancelled", "cancelled", "success"]);
      // Every ask reached the model, in the order it was written, and exactly once: the resumed
      // session's history (the last request carries every earlier turn) holds each one once.
      const last = openai.responsesRequests().at(-1)?.body ?? "";
      const at = asks.map((a) => last.indexOf(a));
      expect(
        at.every((i) => i >= 0),
        log,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const ask of asks) expect(last.split(ask).length - 1, `${ask}\n${log}`).toBe(1);
      const progress = sim.fake.state
        .threadComments(APP, 1)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
    } finally {
      writeFileSync(gate, "");
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 600_000);
});
