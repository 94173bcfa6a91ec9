/**
 * github-token, thread, can-comment and fork against the schema-validated fake GitHub, with the
 * real client: every token kind and repository/thread state the fake models.
 */
import { blockedPublication, type PreflightOptions, runPreflight } from "@codexrel/preflight";
import { useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CANARY, found, githubAt, NOT_FOUND, seedGitHub, statuses } from "./helpers.js";

const gh = useFakeGitHub({ beforeEach, afterEach }, seedGitHub);
const GITHUB_CHECKS = ["github-token", "thread", "can-comment", "fork"] as const;
const CREATE = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const DELETE = "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}";

function run(token: string | null, thread: PreflightOptions["thread"], extra: Partial<PreflightOptions> = {}) {
  return runPreflight({
    checks: GITHUB_CHECKS,
    github: githubAt(gh(), token ? found(token) : NOT_FOUND),
    thread,
    ...extra,
  });
}

const issue = (number: number, repo = "widgets") => ({ owner: "acme", repo, number });

describe("github-token", () => {
  test("no token: fail GITHUB_TOKEN_MISSING saying what was tried; nothing else is asked of GitHub", async () => {
    const r = await run(null, issue(1));
    expect(statuses(r)).toEqual({
      "github-token": "fail GITHUB_TOKEN_MISSING",
      thread: "skip GITHUB_TOKEN_UNAVAILABLE",
      "can-comment": "skip THREAD_UNAVAILABLE",
      fork: "skip THREAD_UNAVAILABLE",
    });
    expect(r.checks[0]?.reason).toBe(
      "no token: GITHUB_TOKEN: unset; GH_TOKEN: unset; gh auth token: gh is not installed",
    );
    expect(r.checks[0]?.hint).toMatch(/GITHUB_TOKEN/);
    expect(r.publishable).toBe("no");
    expect(blockedPublication(r)).toEqual({
      status: "blocked",
      code: "GITHUB_TOKEN_MISSING",
      reason: "publication blocked: no token: GITHUB_TOKEN: unset; GH_TOKEN: unset; gh auth token: gh is not installed",
      rerunHint: r.checks[0]?.hint,
    });
    expect(gh().requests).toHaveLength(0);
  });

  test("an invalid token fails GITHUB_TOKEN_INVALID", async () => {
    const r = await run(CANARY.invalid, issue(1));
    expect(statuses(r)["github-token"]).toBe("fail GITHUB_TOKEN_INVALID");
    expect(r.publishable).toBe("no");
  });

  test("a valid token passes with identity, kind and source", async () => {
    const r = await run(CANARY.classic, issue(1));
    expect(r.checks[0]).toMatchObject({
      status: "pass",
      code: "GITHUB_TOKEN_OK",
      reason: "classic personal access token from GITHUB_TOKEN acts as alice, scopes: repo",
      details: { login: "alice", tokenKind: "classic", source: "GITHUB_TOKEN", scopes: ["repo"] },
    });
    expect(r.identity).toEqual({ login: "alice", tokenKind: "classic" });
  });
});

describe("thread and can-comment", () => {
  test("classic token with repo scope on a public issue: everything passes, publishable yes", async () => {
    const r = await run(CANARY.classic, issue(1));
    expect(statuses(r)).toEqual({
      "github-token": "pass GITHUB_TOKEN_OK",
      thread: "pass THREAD_OK",
      "can-comment": "pass CAN_COMMENT",
      fork: "skip NOT_A_PULL_REQUEST",
    });
    expect(r.publishable).toBe("yes");
    expect(blockedPublication(r)).toBeNull();
  });

  test("no thread given: skip THREAD_NOT_SET, publishable no (nowhere to publish)", async () => {
    const r = await run(CANARY.classic, null);
    expect(statuses(r).thread).toBe("skip THREAD_NOT_SET");
    expect(r.publishable).toBe("no");
    expect(blockedPublication(r)).toMatchObject({ code: "THREAD_NOT_SET" });
  });

  test("installation token with issues: write — viewerCanUpdate proves it", async () => {
    const r = await run(CANARY.installation, issue(1));
    expect(r.checks.find((c) => c.id === "can-comment")).toMatchObject({
      status: "pass",
      code: "CAN_COMMENT",
      details: { basis: ["viewerCanUpdate"] },
    });
  });

  test("read-only installation token: unknown (warn) with the workflow permission to add", async () => {
    const r = await run(CANARY.readOnly, issue(1));
    const c = r.checks.find((x) => x.id === "can-comment");
    expect(c).toMatchObject({ status: "warn", code: "CAN_COMMENT_UNKNOWN" });
    expect(c?.hint).toBe(
      "Add `issues: write` to the job's `permissions` (or use a token that has it). To find out for sure, re-run preflight with the comment probe.",
    );
    expect(r.publishable).toBe("unknown");
    expect(gh().count({ route: CREATE })).toBe(0);
  });

  test("the probe settles it: read-only token -> fail with the exact permission GitHub named", async () => {
    const r = await run(CANARY.readOnly, issue(3), { probeComment: true });
    const c = r.checks.find((x) => x.id === "can-comment");
    expect(c).toMatchObject({
      status: "fail",
      code: "CAN_COMMENT_DENIED",
      hint: "add `issues: write` (or `pull-requests: write`) to the job's `permissions` (or use a token that has it).",
      details: { acceptedPermissions: [["issues=write"], ["pull_requests=write"]] },
    });
    expect(r.publishable).toBe("no");
    expect(gh().state.threadComments("acme/widgets", 3)).toHaveLength(0);
  });

  test("the probe posts a marked comment and deletes it", async () => {
    const r = await run(CANARY.fineRead, issue(1), { probeComment: true });
    expect(statuses(r)["can-comment"]).toBe("fail CAN_COMMENT_DENIED");
    const ok = await run(CANARY.installation, issue(1), { probeComment: true });
    expect(ok.checks.find((x) => x.id === "can-comment")).toMatchObject({
      status: "pass",
      reason: "a probe comment was posted to acme/widgets#1 and deleted",
    });
    expect(gh().count({ route: CREATE })).toBe(2);
    expect(gh().count({ route: DELETE })).toBe(1);
    expect(gh().requests.find((q) => q.route === CREATE)?.body).toMatchObject({
      body: expect.stringContaining("<!-- codexrel:preflight-probe -->"),
    });
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(0);
  });

  test("a probe comment that cannot be deleted is a warning naming its URL", async () => {
    gh().fault({ route: DELETE }, { kind: "forbidden" });
    const r = await run(CANARY.installation, issue(1), { probeComment: true });
    const c = r.checks.find((x) => x.id === "can-comment");
    expect(c).toMatchObject({ status: "warn", code: "PROBE_CLEANUP_FAILED" });
    expect(c?.hint).toMatch(/^Delete it by hand: https:\/\/github\.com\/acme\/widgets\/issues\/1#issuecomment-\d+$/);
  });

  test("fine-grained PAT: unknown for a non-collaborator, proven for a collaborator, hint for read-only", async () => {
    // Commenting on a public issue needs no role, but editing the issue (viewerCanUpdate) does:
    // for a non-collaborator the non-mutating signals cannot decide.
    expect(statuses(await run(CANARY.fineGrained, issue(1)))["can-comment"]).toBe("warn CAN_COMMENT_UNKNOWN");
    gh().state.setRole("acme/widgets", "dave", "write");
    expect(statuses(await run(CANARY.fineGrained, issue(1)))["can-comment"]).toBe("pass CAN_COMMENT");
    const r = await run(CANARY.fineRead, issue(1));
    expect(r.checks.find((x) => x.id === "can-comment")).toMatchObject({
      status: "warn",
      code: "CAN_COMMENT_UNKNOWN",
      hint: 'Grant the fine-grained token "Issues: Read and write" on this repository. To find out for sure, re-run preflight with the comment probe.',
    });
  });

  test("classic token without scopes: fail TOKEN_SCOPE_MISSING", async () => {
    const r = await run(CANARY.noScope, issue(1));
    expect(r.checks.find((x) => x.id === "can-comment")).toMatchObject({
      status: "fail",
      code: "TOKEN_SCOPE_MISSING",
      hint: "give the token the `repo` scope (`public_repo` is enough for public repositories).",
    });
  });

  test("archived repository: thread and can-comment fail REPO_ARCHIVED", async () => {
    const r = await run(CANARY.classic, issue(1, "old"));
    expect(statuses(r)).toMatchObject({ thread: "fail REPO_ARCHIVED", "can-comment": "fail REPO_ARCHIVED" });
    expect(blockedPublication(r)).toMatchObject({ code: "REPO_ARCHIVED" });
  });

  test("locked thread: thread warns, can-comment fails for an outsider, passes for a writer", async () => {
    const outsider = gh().state.addToken({ login: "eve", scopes: ["public_repo"] });
    const r = await run(outsider, issue(2));
    expect(statuses(r)).toMatchObject({ thread: "warn THREAD_LOCKED", "can-comment": "fail THREAD_LOCKED" });
    const writer = await run(CANARY.classic, issue(2));
    expect(statuses(writer)).toMatchObject({ thread: "warn THREAD_LOCKED", "can-comment": "pass CAN_COMMENT" });
    expect(writer.publishable).toBe("yes");
  });

  test("missing thread, missing (or invisible private) repository", async () => {
    expect(statuses(await run(CANARY.classic, issue(99)))).toMatchObject({
      thread: "fail THREAD_NOT_FOUND",
      "can-comment": "skip THREAD_UNAVAILABLE",
    });
    expect(statuses(await run(CANARY.classic, issue(1, "nope"))).thread).toBe("fail REPOSITORY_NOT_FOUND");
    const outsider = gh().state.addToken({ login: "eve", scopes: ["repo"] });
    expect(statuses(await run(outsider, issue(1, "secret"))).thread).toBe("fail REPOSITORY_NOT_FOUND");
  });

  test("--issue given for a pull request: warn THREAD_KIND_MISMATCH", async () => {
    const r = await run(CANARY.classic, { ...issue(3), kind: "issue" });
    expect(r.checks.find((c) => c.id === "thread")).toMatchObject({
      status: "warn",
      code: "THREAD_KIND_MISMATCH",
      hint: "Use --pr 3.",
    });
  });
});

describe("fork", () => {
  test("a same-repository PR passes; a fork PR warns and rules the agent out", async () => {
    expect(statuses(await run(CANARY.classic, issue(3))).fork).toBe("pass SAME_REPOSITORY");
    const r = await runPreflight({
      checks: ["github-token", "thread", "fork", "openai-key"],
      github: githubAt(gh(), found(CANARY.classic)),
      thread: issue(4),
      openai: { apiKey: CANARY.openai, fetch: async () => new Response('{"data":[]}', { status: 200 }) },
    });
    expect(r.checks.find((c) => c.id === "fork")).toMatchObject({
      status: "warn",
      code: "FORK_PULL_REQUEST",
      details: { head: "contributor/widgets", base: "acme/widgets" },
    });
    expect(r.fork).toBe(true);
    expect(r.agentRunnable).toBe("no");
  });

  test("the event alone tells a fork PR apart, without a token", async () => {
    const r = await run(null, issue(4), {
      event: {
        ref: { ...issue(4), kind: "pr" },
        head: { repository: "contributor/widgets", ref: "patch-1", sha: "abc" },
        base: { repository: "acme/widgets", ref: "main" },
        fork: true,
      },
    });
    expect(statuses(r).fork).toBe("warn FORK_PULL_REQUEST");
    expect(r.fork).toBe(true);
  });
});
