// Journeys 4 and 5 (the review loop on the worker's own PR), run like journeys.test.ts: the
// callers as a user copies them, in the testkit's workflow runner, with the real Codex CLI
// against the fake Responses API. They live in their own file (journeys.test.ts is past 400 lines)
// and so run beside the others.
//
// `@codex review` is a read-only turn (sandbox read-only, nothing pushed), as Codex's own
// `@codex review` only reviews; a follow-up comment on the PR ("fix the review ...") is the turn
// that commits. Both see the unresolved review threads and the failing checks.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webhookPayload } from "@codexrel/testkit/github";
import { execCommandTurn, type FakeOpenAI, type FakeTurn, type RecordedRequest } from "@codexrel/testkit/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  branchFile,
  branchHead,
  commentOnPr,
  implementer,
  type JourneyKit,
  jobLog,
  PLAN,
  planAndApprove,
  type Sim,
  startCommentsRun,
  startJourneyKit,
  until,
} from "./journey-kit.js";

let kit: JourneyKit;
let openai: FakeOpenAI;

beforeAll(async () => {
  kit = await startJourneyKit();
  openai = kit.openai;
});

afterAll(async () => {
  await kit?.close();
});

const REVIEW = "@codex review";
/** What the routed review prompt says (the comment itself is the command, not the prompt). */
const REVIEW_ASKED = "asked for a review of pull request";
const FIX = "@codex fix the review thread and the failing check";
const FINISH = "@codex finish up";

/**
 * The fake model on the PR: a review answers in text, the fix edits greet.txt through Codex's
 * exec_command, "finish up" changes nothing. Earlier turns (plan, implementation) as in
 * journey-kit's `implementer`. Which turn a request is comes from the newest prompt in it (a
 * resumed session carries the earlier ones).
 */
function reviewLoop(request: RecordedRequest): FakeTurn {
  const body = request.body;
  const review = body.lastIndexOf(REVIEW_ASKED);
  const fix = body.lastIndexOf(FIX);
  const finish = body.lastIndexOf(FINISH);
  const latest = Math.max(review, fix, finish);
  if (latest < 0) return implementer(request);
  if (latest === finish) return "Nothing left to change.";
  if (latest === review) return "Review: greet.txt says hello where the open thread asks for hi; unit tests fail.";
  return body.lastIndexOf("function_call_output") > fix
    ? "Changed greet.txt to hi."
    : execCommandTurn("printf 'hi\\n' > greet.txt");
}

/** The worker's draft PR for issue #1, after journeys 1 and 2. */
async function workerPr(sim: Sim) {
  const first = await planAndApprove(sim);
  expect(first.run.conclusion, first.log).toBe("success");
  const pulls = sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr");
  expect(pulls, first.log).toHaveLength(1);
  return pulls[0] as (typeof pulls)[number];
}

/** The sandbox Codex was told of last in a request (a resumed session carries the earlier turns' too). */
function sandboxOf(body: string): string {
  const modes = ["read-only", "workspace-write", "danger-full-access"];
  const at = modes.map((m) => body.lastIndexOf(`\`sandbox_mode\` is \`${m}\``));
  const newest = Math.max(...at);
  return newest < 0 ? "unknown" : (modes[at.indexOf(newest)] as string);
}

type PrRef = { number: number; title: string; body: string; headRef: string; headSha: string };

/** The `pull_request` object of a review delivery for the worker's PR (same repository). */
function prPayload(pr: PrRef) {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    draft: true,
    head: { ref: pr.headRef, sha: pr.headSha, repo: { full_name: APP } },
    base: { ref: "main", repo: { full_name: APP } },
  };
}

/** A review comment on greet.txt (added to the fake first, ids agree) and its delivery. */
function reviewCommentOn(sim: Sim, pr: PrRef, body: string) {
  const thread = sim.fake.state.addReviewThread(APP, pr.number, {
    path: "greet.txt",
    line: 1,
    comments: [{ author: "octocat", body }],
  });
  const comment = thread.comments[0] as (typeof thread.comments)[number];
  return {
    name: "pull_request_review_comment",
    payload: webhookPayload("pull_request_review_comment", {
      action: "created",
      repo: APP,
      overrides: {
        pull_request: prPayload(pr),
        comment: {
          id: comment.id,
          body,
          path: "greet.txt",
          line: 1,
          user: { login: "octocat", type: "User" },
          author_association: "OWNER",
        },
        sender: { login: "octocat", type: "User" },
      },
    }),
  };
}

/** A submitted review (added to the fake first) and its delivery. */
function reviewOn(sim: Sim, pr: PrRef, body: string) {
  const review = sim.fake.state.addReview(APP, pr.number, { author: "octocat", body, state: "CHANGES_REQUESTED" });
  return {
    name: "pull_request_review",
    payload: webhookPayload("pull_request_review", {
      action: "submitted",
      repo: APP,
      overrides: {
        pull_request: prPayload(pr),
        review: {
          id: review.id,
          body,
          state: "changes_requested",
          user: { login: "octocat", type: "User" },
          author_association: "OWNER",
        },
        sender: { login: "octocat", type: "User" },
      },
    }),
  };
}

const pullsOf = (sim: Sim) => sim.fake.state.threadsOf(APP).filter((t) => t.kind === "pr");
const workJob = (run: {
  jobs: Record<string, { id: string; result?: string; steps: { name?: string; summary?: string }[] }>;
}) => Object.values(run.jobs).find((j) => j.id.endsWith("work"));

describe("journeys: the review loop on the worker's PR", () => {
  it("4. @codex review on the PR with an unresolved thread and a failing check: the PR branch is checked out, the prompt holds both, the review reads only; the follow-up commits on the PR branch", async () => {
    const sim = await kit.simulation();
    openai.setReply(reviewLoop);
    try {
      const pr = await workerPr(sim);
      const head = branchHead(sim, pr.headRef);
      // An outside reviewer's comment: not a request the worker takes (not a collaborator), but a
      // thread the review and the fix must see.
      sim.fake.state.addReviewThread(APP, pr.number, {
        path: "greet.txt",
        line: 1,
        comments: [{ author: "reviewer", body: "Say hi instead of hello." }],
      });
      sim.fake.state.addCheckRun(APP, head, {
        name: "unit tests",
        conclusion: "FAILURE",
        title: "1 failing: greets",
      });

      // The review: a read-only turn on the PR's head, resumed from the issue's session.
      let before = openai.responsesRequests().length;
      const reviewEvent = commentOnPr(sim, pr, { body: REVIEW, login: "octocat", association: "OWNER" });
      const review = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: reviewEvent });
      let log = jobLog(review);
      expect(review.conclusion, log).toBe("success");
      const reviewTurn = openai.responsesRequests().slice(before);
      expect(reviewTurn.length, log).toBeGreaterThan(0);
      const reviewPrompt = reviewTurn[0]?.body ?? "";
      expect(reviewPrompt, log).toContain("Say hi instead of hello.");
      expect(reviewPrompt).toContain("unit tests");
      // The PR thread had no session of its own: it started from issue #1's (the plan and the
      // implementation turn are in the request), and says so in the restore step's summary.
      expect(reviewPrompt).toContain("approved the plan");
      const restore = workJob(review)?.steps.find((s) => s.name?.startsWith("Restore the thread's CODEX_HOME"));
      expect(restore?.summary, log).toContain(`from \`${APP}/issue-1\``);
      expect(branchHead(sim, pr.headRef), "a review pushes nothing").toBe(head);
      expect(sandboxOf(reviewPrompt), "Codex was told its sandbox reads only").toBe("read-only");

      // The follow-up: the same PR branch gets the commit; still one PR, still a draft.
      before = openai.responsesRequests().length;
      const fixEvent = commentOnPr(sim, pr, { body: FIX, login: "octocat", association: "OWNER" });
      const fix = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: fixEvent });
      log = jobLog(fix);
      expect(fix.conclusion, log).toBe("success");
      const fixPrompt = openai.responsesRequests().slice(before)[0]?.body ?? "";
      expect(fixPrompt, log).toContain(FIX);
      expect(fixPrompt).toContain("Say hi instead of hello.");
      expect(fixPrompt).toContain("unit tests");
      expect(fixPrompt, "resumed the PR thread's own session (the review turn)").toContain(REVIEW_ASKED);
      expect(sandboxOf(fixPrompt), "a fix turn writes in the checkout").toBe("workspace-write");
      const after = branchHead(sim, pr.headRef);
      expect(after, log).not.toBe(head);
      expect(branchFile(sim, pr.headRef, "greet.txt")).toBe("hi\n");
      expect(pullsOf(sim).map((t) => t.number)).toEqual([pr.number]);
      expect(pullsOf(sim)[0]?.draft, "not handed off: a thread is unresolved").toBe(true);
      const progress = sim.fake.state
        .threadComments(APP, pr.number)
        .filter((c) => c.body.includes("<!-- codexrel:progress -->"));
      expect(progress, log).toHaveLength(1);
      expect(progress[0]?.body).toContain("Changed greet.txt to hi.");
    } finally {
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 400_000);

  it("4 (a review). a review on the PR is relayed to a run on the default branch: that run commits the fix, saves the session where the thread's comment runs read it, and a replay of the relay is a duplicate", async () => {
    const sim = await kit.simulation();
    openai.setReply(reviewLoop);
    try {
      const pr = await workerPr(sim);
      const ref = { ...pr, headSha: branchHead(sim, pr.headRef) };
      const head = ref.headSha;
      let before = openai.responsesRequests().length;
      const onReview = await sim.run({
        repo: APP,
        workflow: ".github/workflows/codex-comments.yml",
        event: reviewOn(sim, ref, FIX),
      });
      let log = jobLog(onReview);
      expect(onReview.conclusion, log).toBe("success");
      expect(workJob(onReview)?.result, "the review's own run (refs/pull/N/merge) does not work on it").toBe("skipped");
      expect(openai.responsesRequests().length).toBe(before);
      const relays = sim.events.filter((e) => e.name === "repository_dispatch");
      expect(relays, log).toHaveLength(1);
      const relay = relays[0] as (typeof relays)[number];
      expect(relay).toMatchObject({ action: "codexrel-relay", triggersWorkflows: true });

      const relayed = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: relay });
      log = jobLog(relayed);
      expect(relayed.conclusion, log).toBe("success");
      const fixTurn = openai.responsesRequests().slice(before);
      expect(fixTurn[0]?.body, log).toContain(FIX);
      expect(sandboxOf(fixTurn[0]?.body ?? ""), "the review asks for a fix: a writing turn").toBe("workspace-write");
      expect(branchHead(sim, pr.headRef), log).not.toBe(head);
      expect(branchFile(sim, pr.headRef, "greet.txt")).toBe("hi\n");

      // The next comment run (default branch) resumes the relayed run's session: the review's
      // turn and its answer are in its history, and the review is not handled a second time.
      before = openai.responsesRequests().length;
      const finish = commentOnPr(sim, pr, { body: FINISH, login: "octocat", association: "OWNER" });
      const next = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: finish });
      log = jobLog(next);
      expect(next.conclusion, log).toBe("success");
      const finishTurn = openai.responsesRequests().slice(before)[0]?.body ?? "";
      expect(finishTurn, log).toContain("Changed greet.txt to hi.");
      expect(finishTurn).not.toContain("Handle these");

      before = openai.responsesRequests().length;
      const replay = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: relay });
      const routed = workJob(replay)?.steps.find((st) => st.name?.startsWith("Route again"));
      expect(routed?.summary, jobLog(replay)).toContain("**duplicate**");
      expect(openai.responsesRequests().length).toBe(before);
      expect(pullsOf(sim).map((t) => t.number)).toEqual([pr.number]);
    } finally {
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 400_000);

  it("5. checks green and threads resolved: the draft PR becomes ready and the handoff is posted once", async () => {
    const sim = await kit.simulation();
    openai.setReply(reviewLoop);
    try {
      const pr = await workerPr(sim);
      const head = branchHead(sim, pr.headRef);
      sim.fake.state.addReviewThread(APP, pr.number, {
        path: "greet.txt",
        resolved: true,
        comments: [{ author: "octocat", body: "Say hi instead of hello." }],
      });
      sim.fake.state.addCheckRun(APP, head, { name: "unit tests" });

      for (let turn = 1; turn <= 2; turn += 1) {
        const event = commentOnPr(sim, pr, { body: FINISH, login: "octocat", association: "OWNER" });
        const run = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event });
        const log = jobLog(run);
        expect(run.conclusion, log).toBe("success");
        expect(branchHead(sim, pr.headRef), "nothing to commit: the head the checks ran on").toBe(head);
        expect(pullsOf(sim)[0]?.draft, log).toBe(false);
        const handoffs = sim.fake.state
          .threadComments(APP, pr.number)
          .filter((c) => c.body.includes("<!-- codex:handoff -->"));
        expect(handoffs, `turn ${turn}\n${log}`).toHaveLength(1);
        expect(handoffs[0]?.body).toContain("Ready for review");
      }
    } finally {
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 400_000);

  it("7 (on the PR). a comment, a review comment and a review queue behind a busy run: the reviews are relayed, the run that gets the thread handles every kind in order once, none lost; the relays then are duplicates", async () => {
    const sim = await kit.simulation();
    const gate = join(mkdtempSync(join(tmpdir(), "codexrel-pr-burst-")), "open");
    const asks = [
      "@codex pr burst 1: busy",
      "pr burst 2: a review comment",
      "pr burst 3: a review",
      "@codex pr burst 4: a comment",
    ];
    openai.setReply((request) => {
      const first = request.body.lastIndexOf(asks[0] as string);
      if (first < 0) return reviewLoop(request);
      const waited = request.body.lastIndexOf("function_call_output") > first;
      return waited || request.body.includes(asks[1] as string)
        ? "Handled the PR burst."
        : execCommandTurn(`while [ ! -e '${gate}' ]; do sleep 0.2; done; echo gate open`);
    });
    try {
      const pr = await workerPr(sim);
      const ref = { ...pr, headSha: branchHead(sim, pr.headRef) };
      const before = openai.responsesRequests().length;
      const start = (event: { name: string; payload: Record<string, unknown> }) => startCommentsRun(sim, event);
      const busy = start(commentOnPr(sim, pr, { body: asks[0] as string, login: "octocat", association: "OWNER" }));
      await until(() => openai.responsesRequests().length > before, "the busy turn to start");
      const burst = [
        start(reviewCommentOn(sim, ref, asks[1] as string)),
        start(reviewOn(sim, ref, asks[2] as string)),
        start(commentOnPr(sim, pr, { body: asks[3] as string, login: "octocat", association: "OWNER" })),
      ];
      await until(() => burst.filter((b) => b.settled.conclusion !== undefined).length >= 2, "the burst to queue");
      writeFileSync(gate, "");
      const runs = await Promise.all([busy, ...burst].map((b) => b.result));
      const log = runs.map((r) => `${r.conclusion}${r.reason ? ` (${r.reason})` : ""}\n${jobLog(r)}`).join("\n----\n");
      // The review comment's and the review's runs relay them (they never join the thread's
      // group); the comment's run waits for the busy one and drains all three.
      expect(
        runs.map((r) => r.conclusion),
        log,
      ).toEqual(["success", "success", "success", "success"]);
      expect(runs.slice(1, 3).map((r) => workJob(r)?.result)).toEqual(["skipped", "skipped"]);
      // Each ask reached the model once, in the order it was written (the last request carries
      // the resumed session's history).
      const last = openai.responsesRequests().at(-1)?.body ?? "";
      const at = asks.map((a) => last.indexOf(a));
      expect(
        at.every((i) => i >= 0),
        log,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // Once each as a request: the review comment shows again, as it should, in the review
      // context's unresolved threads that follow the requests.
      const requests = last.split("## Review context for pull request").slice(0, -1).join("");
      for (const ask of asks) expect(requests.split(ask).length - 1, `${ask}\n${log}`).toBe(1);
      expect(last).toContain("Handle these 3 requests in order");
      // The relayed runs come after: what they stand for was drained, so each is a duplicate and
      // Codex does not run again.
      const requests0 = openai.responsesRequests().length;
      for (const relay of sim.events.filter((e) => e.name === "repository_dispatch")) {
        const again = await sim.run({ repo: APP, workflow: ".github/workflows/codex-comments.yml", event: relay });
        const task = workJob(again)?.steps.find((st) => st.name?.startsWith("Route again"));
        expect(again.conclusion, jobLog(again)).toBe("success");
        expect(task?.summary, jobLog(again)).toContain("**duplicate**");
      }
      expect(sim.events.filter((e) => e.name === "repository_dispatch")).toHaveLength(2);
      expect(openai.responsesRequests().length).toBe(requests0);
    } finally {
      writeFileSync(gate, "");
      openai.setReply(PLAN);
      await sim.dispose();
    }
  }, 600_000);
});
