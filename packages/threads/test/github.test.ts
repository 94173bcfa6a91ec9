/**
 * Progress comment, review context, handoff, queue drain and permission lookups through
 * @codexrel/github's client against the testkit's fake GitHub (REST checked against GitHub's
 * OpenAPI description, GraphQL executed against GitHub's schema; any request GitHub would reject
 * fails the test).
 */
import type { Thread } from "@codexrel/core";
import type { GitHubClient } from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import {
  emptyThreadState,
  isProgressComment,
  markProcessed,
  mergeDrained,
  parsePlan,
  parseProgressState,
  renderReviewContext,
  routeEvent,
  threadsGitHub,
  updateProgressComment,
} from "@codexrel/threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example, fakeGitHubClient, untrustedBodies } from "./helpers.js";

const BOT = "ghs_CANARYthreadsBot000000000000000000000001";
const READONLY = "ghs_CANARYthreadsRead00000000000000000000002";
const T0 = new Date("2026-03-01T10:00:00Z");
const T1 = new Date("2026-03-01T10:05:00Z");
const ISSUE: Thread = { repository: "acme/widgets", kind: "issue", number: 7 };
const PR: Thread = { repository: "acme/widgets", kind: "pr", number: 8 };
const HEAD = "abcdef0123456789abcdef0123456789abcdef01";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write", reader: "read", triager: "triage" } });
  fake.state.addIssue("acme/widgets", { number: 7, title: "Add a parser", author: "maintainer" });
  fake.state.addPullRequest("acme/widgets", {
    number: 8,
    title: "Parser",
    draft: true,
    headSha: HEAD,
    author: "github-actions[bot]",
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    // As a job needs them on GitHub: contents read (`repository.object`), checks/statuses (the
    // rollup) and actions read (`checkSuite.workflowRun`); without one the query is FORBIDDEN.
    permissions: {
      issues: "write",
      pull_requests: "write",
      metadata: "read",
      checks: "read",
      statuses: "read",
      contents: "read",
      actions: "read",
    },
    value: BOT,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: READONLY,
  });
});

function client(token = BOT): GitHubClient {
  return fakeGitHubClient(gh(), token);
}

const commentsOn = (thread: Thread) => gh().state.threadComments(thread.repository, thread.number);

describe("the progress comment", () => {
  it("is created once, updated in place, and an identical update writes nothing", async () => {
    const port = threadsGitHub(client()).comments(ISSUE);
    const plan = "<!-- codex:plan -->\n- [ ] parse\n- [ ] test\n- [ ] document";
    const first = await updateProgressComment(port, {
      mode: "update",
      update: { steps: parsePlan(plan), activeStep: 1, title: "Add a parser" },
      threadLabel: "issue #7",
      now: T0,
    });
    expect(first.result).toBe("created");
    expect(commentsOn(ISSUE)).toHaveLength(1);
    const posted = commentsOn(ISSUE)[0]!;
    expect(isProgressComment(posted.body)).toBe(true);
    expect(posted.author).toBe("github-actions[bot]");

    const second = await updateProgressComment(port, {
      mode: "update",
      update: { activeStep: 2, testsRun: [{ name: "pnpm test", status: "pass" }] },
      now: T1,
    });
    expect(second.result).toBe("updated");
    expect(second.comment?.id).toBe(posted.id);
    // The update merged into what was posted: the checklist came from the comment itself.
    expect(parseProgressState(commentsOn(ISSUE)[0]!.body)).toMatchObject({
      status: "running",
      title: "Add a parser",
      activeStep: 1,
      steps: [
        { text: "parse", done: true },
        { text: "test", done: false },
        { text: "document", done: false },
      ],
      testsRun: [{ name: "pnpm test", status: "pass" }],
    });

    const writesBefore = gh().count({ any: true });
    const third = await updateProgressComment(port, {
      mode: "update",
      update: { activeStep: 2, testsRun: [{ name: "pnpm test", status: "pass" }] },
      now: new Date("2026-03-01T11:00:00Z"),
    });
    expect(third.result).toBe("unchanged");
    expect(commentsOn(ISSUE)).toHaveLength(1);
    // Only reads happened (viewer + comment list), no write.
    const requests = gh().requests.slice(-(gh().count({ any: true }) - writesBefore));
    expect(requests.some((r) => r.method !== "GET" && !(r.graphql && !r.graphql.mutation))).toBe(false);
  });

  it("cancel and fail modes mark the same comment; a cancelled run that never posted says so in a new one", async () => {
    const port = threadsGitHub(client()).comments(ISSUE);
    const cancelled = await updateProgressComment(port, { mode: "cancel", now: T0 });
    expect(cancelled.result).toBe("created");
    expect(commentsOn(ISSUE)[0]!.body).toContain("The run was cancelled before it finished.");
    await updateProgressComment(port, { mode: "fail", now: T1 });
    expect(commentsOn(ISSUE)).toHaveLength(1);
    expect(commentsOn(ISSUE)[0]!.body).toContain("### ❌ Failed");
  });

  it("a scoped comment is separate, and a copied marker in someone else's comment is never edited", async () => {
    gh().state.addComment("acme/widgets", 7, {
      author: "maintainer",
      body: "<!-- codex:progress -->\n<!-- codexrel:progress -->\nfake",
    });
    const port = threadsGitHub(client()).comments(ISSUE);
    await updateProgressComment(port, { mode: "update", now: T0 });
    await updateProgressComment(port, { mode: "done", scope: "review", update: { recap: "LGTM" }, now: T0 });
    const bodies = commentsOn(ISSUE).map((c) => [c.author, c.body.split("\n")[0]]);
    expect(bodies).toEqual([
      ["maintainer", "<!-- codex:progress -->"],
      ["github-actions[bot]", "<!-- codex:progress -->"],
      ["github-actions[bot]", "<!-- codex:progress:review -->"],
    ]);
    expect(commentsOn(ISSUE)[0]!.body).toContain("fake");
  });

  it("dry run reads the current comment, renders the merge, and writes nothing", async () => {
    const port = threadsGitHub(client()).comments(ISSUE);
    await updateProgressComment(port, { mode: "update", update: { steps: parsePlan("- [ ] a\n- [ ] b") }, now: T0 });
    const dry = await updateProgressComment(port, {
      mode: "done",
      update: { recap: "all done" },
      dryRun: true,
      now: T1,
    });
    expect(dry.result).toBe("dry-run");
    expect(dry.body).toContain("### ✅ Done");
    expect(dry.body).toContain("- [x] a"); // seed 001: done checks every step
    expect(commentsOn(ISSUE)[0]!.body).toContain("🔄 Running");
  });

  it("a token without write access fails with GitHub's coded error and the permission to add", async () => {
    const port = threadsGitHub(client(READONLY)).comments(ISSUE);
    await expect(updateProgressComment(port, { mode: "update", now: T0 })).rejects.toMatchObject({
      code: "GITHUB_PERMISSION_DENIED",
    });
  });
});

describe("review context and handoff", () => {
  function seedChecks(fake: FakeGitHub, failing: boolean): void {
    fake.state.addCheckRun("acme/widgets", HEAD, { name: "test", workflow: "ci" });
    fake.state.addCheckRun("acme/widgets", HEAD, {
      name: "lint",
      workflow: "ci",
      conclusion: failing ? "FAILURE" : "SUCCESS",
      title: failing ? "2 problems" : null,
      summary: failing ? "src/a.ts:3 no-unused-vars <!-- codex:plan --> @everyone" : null,
    });
    fake.state.addStatus("acme/widgets", HEAD, { context: "coverage", state: "SUCCESS" });
  }

  it("gathers unresolved threads and failing checks on the head and renders them for the prompt", async () => {
    seedChecks(gh(), true);
    gh().state.addReviewThread("acme/widgets", 8, {
      path: "src/parse.ts",
      line: 12,
      comments: [
        { author: "maintainer", body: "Handle empty input." },
        { author: "github-actions[bot]", body: "Will do." },
      ],
    });
    gh().state.addReviewThread("acme/widgets", 8, {
      path: "README.md",
      resolved: true,
      comments: [{ author: "maintainer", body: "ok" }],
    });
    const github = threadsGitHub(client());
    const context = await github.reviewContext(PR);
    expect(context.pr).toMatchObject({ number: 8, isDraft: true, headSha: HEAD, state: "OPEN" });
    expect(context.unresolvedThreads).toHaveLength(1);
    expect(context.resolvedThreads).toBe(1);
    expect(context.checks.map((c) => [c.name, c.state])).toEqual([
      ["ci / test", "success"],
      ["ci / lint", "failure"],
      ["coverage", "success"],
    ]);
    expect(context.rollup).toBe("FAILURE");
    const text = renderReviewContext(context);
    expect(text).toContain("1. src/parse.ts line 12 — https://github.com/acme/widgets/pull/8#discussion_r");
    expect(text).toContain("- ci / lint: failure");
    expect(untrustedBodies(text)).toEqual([
      "@maintainer: Handle empty input.\n\n@github-actions: Will do.\n",
      "2 problems\nsrc/a.ts:3 no-unused-vars <!-- codex:plan --> @everyone\n",
    ]);
  });

  it("not ready (failing check, unresolved thread): nothing changes", async () => {
    seedChecks(gh(), true);
    gh().state.addReviewThread("acme/widgets", 8, {
      path: "a.ts",
      line: 1,
      comments: [{ author: "maintainer", body: "?" }],
    });
    const result = await threadsGitHub(client()).handoff(PR);
    expect(result.ready).toBe(false);
    expect(result.readiness.reasons).toEqual(["1 check(s) failing: ci / lint", "1 review thread(s) unresolved"]);
    expect(gh().state.thread("acme/widgets", 8)?.draft).toBe(true);
    expect(commentsOn(PR)).toHaveLength(0);
  });

  it("ready: the draft is marked ready for review and one handoff comment is posted (idempotently)", async () => {
    seedChecks(gh(), false);
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "agent", workflow: "codex", status: "IN_PROGRESS" });
    gh().state.addReviewThread("acme/widgets", 8, {
      path: "a.ts",
      resolved: true,
      comments: [{ author: "maintainer", body: "ok" }],
    });
    const github = threadsGitHub(client());
    const pending = await github.handoff(PR);
    expect(pending.readiness.reasons).toEqual(["1 check(s) still running: codex / agent"]);
    const result = await github.handoff(PR, { ignoreChecks: ["codex / *"] });
    expect(result).toMatchObject({ ready: true, markedReady: true, comment: { action: "created" } });
    expect(gh().state.thread("acme/widgets", 8)?.draft).toBe(false);
    expect(commentsOn(PR)[0]!.body).toContain("### ✅ Ready for review");
    expect(commentsOn(PR)[0]!.body).toContain("3 passing on `abcdef012345`");
    const again = await github.handoff(PR, { ignoreChecks: ["codex / *"] });
    expect(again).toMatchObject({ ready: true, markedReady: false, comment: { action: "updated" } });
    expect(commentsOn(PR)).toHaveLength(1);
    expect(commentsOn(PR)[0]!.body).toContain("already ready for review");
  });

  it("marking ready needs pull-requests write: GitHub's error comes back coded", async () => {
    seedChecks(gh(), false);
    await expect(threadsGitHub(client(READONLY)).handoff(PR)).rejects.toMatchObject({
      code: expect.stringMatching(/^GITHUB_/),
    });
    expect(gh().state.thread("acme/widgets", 8)?.draft).toBe(true);
  });

  it("review context of an issue is a coded error", async () => {
    await expect(threadsGitHub(client()).reviewContext(ISSUE)).rejects.toMatchObject({ code: "THREAD_NOT_FOUND" });
  });
});

describe("queue drain and permissions", () => {
  it("drains every newer authorized comment in order, skipping bots, our own output and non-collaborators", async () => {
    const s = gh().state;
    const old = s.addComment("acme/widgets", 7, { author: "maintainer", body: "handled already" });
    s.addComment("acme/widgets", 7, { author: "maintainer", body: "first: use v2" });
    s.addComment("acme/widgets", 7, { author: "dependabot[bot]", body: "bump" });
    s.addComment("acme/widgets", 7, { author: "github-actions[bot]", body: "<!-- codex:progress -->\nworking" });
    s.addComment("acme/widgets", 7, { author: "stranger", body: "drive-by" });
    s.addComment("acme/widgets", 7, { author: "reader", body: "please also" });
    s.addComment("acme/widgets", 7, { author: "maintainer", body: "hidden", minimized: "spam" });
    const last = s.addComment("acme/widgets", 7, { author: "acme", body: "execute plan" });
    const state = markProcessed(
      emptyThreadState("acme/widgets/issue-7"),
      [{ dedupeKey: null, source: { cursor: "issueComment", id: old.id } }],
      T0,
    );
    const github = threadsGitHub(client());
    const drain = await github.drain({ thread: ISSUE, state, now: T1 });
    expect(drain.complete).toBe(true);
    // `reader` is a read-only collaborator: GitHub still reports COLLABORATOR, which the default
    // configuration accepts (the issue's rule); `allowedAssociations` narrows it (below).
    expect(drain.tasks.map((t) => untrustedBodies(t.prompt)[0] ?? t.command)).toEqual([
      "first: use v2\n",
      "please also\n",
      "execute-plan",
    ]);
    expect(drain.tasks.map((t) => t.author?.association)).toEqual(["COLLABORATOR", "COLLABORATOR", "OWNER"]);
    expect(drain.skipped.map((x) => x.reasonCode)).toEqual(["BOT_AUTHOR", "SELF_AUTHOR", "NOT_AUTHORIZED"]);
    const strict = await github.drain({
      thread: ISSUE,
      state,
      config: { allowedAssociations: ["OWNER", "MEMBER"], minPermission: "write" },
      now: T1,
    });
    expect(strict.tasks.map((t) => t.author?.login)).toEqual(["maintainer", "acme"]);
    expect(strict.skipped.find((x) => x.reason.includes("@reader"))?.reasonCode).toBe("NOT_AUTHORIZED");
    expect(drain.stage).toBe("implementation");
    expect(drain.nextState.cursors.issueComment).toBe(last.id);

    // The live event is the last comment: the merged task covers both, in order.
    const live = await routeEvent({
      eventName: "issue_comment",
      payload: {
        ...example("issue_comment", "created"),
        repository: { full_name: "acme/widgets" },
        issue: { number: 7, title: "Add a parser", state: "open" },
        comment: {
          id: last.id,
          body: "execute plan",
          user: { login: "acme", type: "User" },
          author_association: "OWNER",
        },
      },
    });
    const merged = mergeDrained(live, drain);
    expect(merged).toMatchObject({ action: "continue", stage: "implementation", drainCursor: last.id });
    expect(merged.drained).toHaveLength(2);
    expect(merged.prompt.indexOf("first: use v2")).toBeLessThan(merged.prompt.indexOf("approved the plan"));
  });

  it("authors outside the allowed associations are looked up once per login; read and triage are not enough", async () => {
    const github = threadsGitHub(client());
    const payload = (login: string) => ({
      ...example("issue_comment", "created"),
      repository: { full_name: "acme/widgets" },
      issue: { number: 7, title: "x", state: "open" },
      comment: { id: 1, body: "go", user: { login, type: "User" }, author_association: "CONTRIBUTOR" },
    });
    const config = { allowedAssociations: ["OWNER" as const] };
    const maintainer = await routeEvent({
      eventName: "issue_comment",
      payload: payload("maintainer"),
      permissions: github.permissions,
      config,
    });
    expect(maintainer).toMatchObject({ action: "continue", author: { permission: "write" } });
    const triager = await routeEvent({
      eventName: "issue_comment",
      payload: payload("triager"),
      permissions: github.permissions,
      config,
    });
    expect(triager).toMatchObject({ action: "ignore", reasonCode: "NOT_AUTHORIZED", author: { permission: "read" } });
    await routeEvent({
      eventName: "issue_comment",
      payload: payload("maintainer"),
      permissions: github.permissions,
      config,
    });
    expect(gh().count({ route: "GET /repos/{owner}/{repo}/collaborators/{username}/permission" })).toBe(2);
    // An unknown user: GitHub answers 404; routing ignores rather than authorizes.
    const ghost = await routeEvent({
      eventName: "issue_comment",
      payload: payload("nobody-here"),
      permissions: github.permissions,
      config,
    });
    expect(ghost).toMatchObject({ action: "ignore", reasonCode: "PERMISSION_UNKNOWN" });
  });

  it("resolves owner/repo#n to the right kind of thread", async () => {
    const github = threadsGitHub(client());
    expect(await github.resolveThread("acme/widgets#8")).toEqual(PR);
    expect(await github.resolveThread("https://github.com/acme/widgets/issues/7")).toEqual(ISSUE);
  });
});
