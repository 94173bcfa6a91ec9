/**
 * The client against the schema-validated fake: every request it makes must be one GitHub
 * accepts (the fake fails the test otherwise), and each fault maps to a coded error or a retry
 * exactly as the policy says.
 */
import { createGitHubClient, createThrottleGroups, githubDetails, isGitHubError } from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CANARY, caught, clientFor } from "./helpers.js";

const CREATE = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const UPDATE = "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}";
const DELETE = "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}";
const ISSUE = { owner: "acme", repo: "widgets", number: 1 };

function seed(fake: FakeGitHub): void {
  const s = fake.state;
  s.addRepo("acme/widgets", { collaborators: { alice: "write" } });
  s.addRepo("acme/old", { archived: true });
  s.addIssue("acme/widgets", { number: 1, title: "Bug" });
  s.addIssue("acme/widgets", { number: 2, locked: true });
  s.addPullRequest("acme/widgets", { number: 3, draft: true });
  s.addPullRequest("acme/widgets", { number: 4, headRepo: "contributor/widgets" });
  s.addPullRequest("acme/widgets", { number: 5, headRepo: null });
  s.addIssue("acme/old", { number: 1 });
  s.addToken({ login: "alice", kind: "classic", scopes: ["repo", "read:org"], value: CANARY.classic });
  s.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: CANARY.installation,
  });
  s.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: CANARY.readOnly,
  });
}

const gh = useFakeGitHub({ beforeEach, afterEach }, seed);

describe("reads", () => {
  test("viewer: login, kind and the scopes GitHub reported", async () => {
    const c = clientFor(gh(), CANARY.classic);
    expect(await c.viewer()).toMatchObject({ login: "alice", tokenKind: "classic", scopes: ["repo", "read:org"] });
    await c.viewer();
    expect(gh().count({ graphql: "viewer" })).toBe(1);
    const bot = clientFor(gh(), CANARY.installation);
    expect(await bot.viewer()).toMatchObject({ login: "github-actions[bot]", tokenKind: "installation", scopes: null });
  });

  test("thread: an issue with the viewer's signals", async () => {
    const t = await clientFor(gh(), CANARY.classic).thread(ISSUE);
    expect(t).toMatchObject({
      ref: { ...ISSUE, kind: "issue" },
      title: "Bug",
      url: "https://github.com/acme/widgets/issues/1",
      locked: false,
      repository: { nameWithOwner: "acme/widgets", archived: false, private: false, viewerPermission: "WRITE" },
      viewerCanUpdate: true,
      viewerCannotUpdateReasons: [],
    });
    expect(t.fork).toBeUndefined();
  });

  test("thread: draft PR, fork PR, deleted fork", async () => {
    const c = clientFor(gh(), CANARY.classic);
    expect(await c.thread({ ...ISSUE, number: 3 })).toMatchObject({ ref: { kind: "pr" }, draft: true, fork: false });
    expect(await c.thread({ ...ISSUE, number: 4 })).toMatchObject({
      fork: true,
      head: { repository: "contributor/widgets" },
      base: { repository: "acme/widgets" },
    });
    expect(await c.thread({ ...ISSUE, number: 5 })).toMatchObject({ fork: true, head: { repository: null } });
  });

  test("thread: locked and archived are reported, not thrown", async () => {
    const c = clientFor(gh(), CANARY.classic);
    expect(await c.thread({ ...ISSUE, number: 2 })).toMatchObject({ locked: true });
    expect(await c.thread({ owner: "acme", repo: "old", number: 1 })).toMatchObject({
      repository: { archived: true },
      viewerCannotUpdateReasons: ["ARCHIVED", "INSUFFICIENT_ACCESS"],
    });
  });

  test("missing repository and missing thread are told apart", async () => {
    const c = clientFor(gh(), CANARY.classic);
    expect(await caught(c.thread({ owner: "acme", repo: "nope", number: 1 }))).toMatchObject({
      code: "REPOSITORY_NOT_FOUND",
    });
    expect(await caught(c.thread({ ...ISSUE, number: 99 }))).toMatchObject({ code: "THREAD_NOT_FOUND" });
  });

  test("listComments pages backwards through GraphQL, 100 at a time, oldest first", async () => {
    for (let i = 1; i <= 230; i++) gh().state.addComment("acme/widgets", 1, { author: "bob", body: `c${i}` });
    const { comments, complete } = await clientFor(gh(), CANARY.classic).listComments(ISSUE);
    expect(complete).toBe(true);
    expect(comments).toHaveLength(230);
    expect(comments[0]?.body).toBe("c1");
    expect(comments.at(-1)?.body).toBe("c230");
    expect(gh().count({ graphql: "CodexrelComments" })).toBe(3);
    const capped = await clientFor(gh(), CANARY.classic).listComments(ISSUE, { max: 100 });
    expect(capped).toMatchObject({ complete: false });
    expect(capped.comments[0]?.body).toBe("c131");
  });

  test("Enterprise Server URLs: REST under /api/v3, GraphQL derived as /api/graphql", async () => {
    const ghes = await (await import("@codexrel/testkit/github")).startFakeGitHub({
      enterprise: true,
      state: gh().state,
    });
    try {
      const c = createGitHubClient({ token: CANARY.classic, apiUrl: ghes.apiUrl, writeIntervalMs: 0 });
      expect(c.graphqlUrl).toBe(ghes.graphqlUrl);
      expect((await c.viewer()).login).toBe("alice");
      expect(await c.getComment(ISSUE, 424242)).toBeUndefined();
      ghes.assertNoViolations();
    } finally {
      await ghes.close();
    }
  });
});

describe("errors and retries", () => {
  test("401 is GITHUB_TOKEN_INVALID, not retried, and the token never appears", async () => {
    const c = clientFor(gh(), CANARY.invalid);
    const e = await caught(c.viewer());
    expect(e).toMatchObject({ code: "GITHUB_TOKEN_INVALID" });
    expect(gh().count({ graphql: "viewer" })).toBe(1);
    expect(`${e.message} ${e.hint} ${JSON.stringify(e)}`).not.toContain(CANARY.invalid);
  });

  test("403 with x-accepted-github-permissions names the workflow permission to add", async () => {
    const c = clientFor(gh(), CANARY.readOnly);
    const e = await caught(c.createComment(ISSUE, "hi"));
    expect(e).toMatchObject({ code: "GITHUB_PERMISSION_DENIED" });
    expect(githubDetails(e)).toMatchObject({ status: 403, acceptedPermissions: [["issues=write"]] });
    expect(e.hint).toBe("add `issues: write` to the job's `permissions` (or use a token that has it).");
    const pr = await caught(c.createComment({ ...ISSUE, number: 3 }, "hi"));
    expect(pr.hint).toBe(
      "add `issues: write` (or `pull-requests: write`) to the job's `permissions` (or use a token that has it).",
    );
    expect(gh().count({ route: CREATE })).toBe(2);
  });

  test("archived repository and locked thread get their own codes", async () => {
    const owner = gh().state.addToken({ login: "acme", scopes: ["repo"] });
    const eve = gh().state.addToken({ login: "eve", scopes: ["public_repo"] });
    expect(
      await caught(clientFor(gh(), owner).createComment({ owner: "acme", repo: "old", number: 1 }, "x")),
    ).toMatchObject({ code: "GITHUB_REPO_ARCHIVED" });
    expect(await caught(clientFor(gh(), eve).createComment({ ...ISSUE, number: 2 }, "x"))).toMatchObject({
      code: "GITHUB_THREAD_LOCKED",
    });
  });

  test.each([400, 404, 410, 422])("a %i is never retried", async (status) => {
    gh().fault({ graphql: "viewer" }, { kind: "status", status }, { times: 5 });
    await caught(clientFor(gh(), CANARY.classic).viewer());
    expect(gh().count({ graphql: "viewer" })).toBe(1);
  });

  test("a read is retried through 5xx and network drops, then succeeds", async () => {
    gh().fault({ graphql: "viewer" }, { kind: "server-error", status: 502 });
    gh().fault({ graphql: "viewer" }, { kind: "drop" });
    gh().fault({ graphql: "viewer" }, { kind: "server-error", status: 503 });
    const c = clientFor(gh(), CANARY.classic);
    expect((await c.viewer()).login).toBe("alice");
    expect(gh().count({ graphql: "viewer" })).toBe(4);
  });

  test("a read that keeps failing ends as GITHUB_UNAVAILABLE after the retry budget", async () => {
    gh().fault({ graphql: "viewer" }, { kind: "server-error", status: 500 }, { times: Number.POSITIVE_INFINITY });
    const e = await caught(clientFor(gh(), CANARY.classic, { retries: 2 }).viewer());
    expect(e).toMatchObject({ code: "GITHUB_UNAVAILABLE" });
    expect(gh().count({ graphql: "viewer" })).toBe(3);
  });

  test("a slow answer past the timeout is a network error, and a read is retried", async () => {
    gh().fault({ graphql: "viewer" }, { kind: "slow", delayMs: 60_000 });
    const c = clientFor(gh(), CANARY.classic, { timeoutMs: 1000 });
    expect((await c.viewer()).login).toBe("alice");
    expect(gh().count({ graphql: "viewer" })).toBe(2);
    gh().fault({ graphql: "viewer" }, { kind: "slow", delayMs: 60_000 }, { times: 10 });
    const e = await caught(clientFor(gh(), CANARY.classic, { timeoutMs: 1000, retries: 1 }).viewer());
    expect(e).toMatchObject({ code: "GITHUB_NETWORK" });
    expect(githubDetails(e)).toMatchObject({ network: true, status: null });
  });

  test.each([403, 429] as const)(
    "secondary rate limit (%i) is waited out per retry-after, then succeeds",
    async (status) => {
      gh().fault({ graphql: "viewer" }, { kind: "secondary-rate-limit", status, retryAfter: 2 });
      const c = clientFor(gh(), CANARY.classic);
      expect((await c.viewer()).login).toBe("alice");
      expect(gh().count({ graphql: "viewer" })).toBe(2);
      expect(c.logs.join("\n")).toMatch(/secondary rate limit .* retrying after 2s/);
    },
  );

  test("a rate limit longer than the policy allows is not waited for", async () => {
    gh().fault({ route: CREATE }, { kind: "secondary-rate-limit", retryAfter: 3600 });
    const c = clientFor(gh(), CANARY.classic);
    const e = await caught(c.createComment(ISSUE, "x"));
    expect(e).toMatchObject({ code: "GITHUB_RATE_LIMITED" });
    expect(githubDetails(e)).toMatchObject({ retryAfter: 3600 });
    expect(gh().count({ route: CREATE })).toBe(1);
    expect(c.logs.join("\n")).toMatch(/giving up/);
  });

  test("primary rate limit: retried within the budget, then reported", async () => {
    gh().fault({ graphql: "viewer" }, { kind: "rate-limit", resetInSeconds: 1 });
    expect((await clientFor(gh(), CANARY.classic).viewer()).login).toBe("alice");
    gh().fault({ graphql: "viewer" }, { kind: "rate-limit", resetInSeconds: 1 }, { times: 10 });
    const e = await caught(
      clientFor(gh(), CANARY.classic, { rateLimit: { maxRetries: 1, retryAfterScaleMs: 1 } }).viewer(),
    );
    expect(e).toMatchObject({ code: "GITHUB_RATE_LIMITED" });
  });

  test("a secondary rate limit on a write is retried (nothing was written)", async () => {
    gh().fault({ route: CREATE }, { kind: "secondary-rate-limit", status: 429, retryAfter: 1 });
    await clientFor(gh(), CANARY.classic).createComment(ISSUE, "once");
    expect(
      gh()
        .state.threadComments("acme/widgets", 1)
        .map((c) => c.body),
    ).toEqual(["once"]);
    expect(gh().count({ route: CREATE })).toBe(2);
  });
});

describe("throttling", () => {
  test("injected groups schedule the requests: a comment goes through write and notifications", async () => {
    const groups = createThrottleGroups({ writeIntervalMs: 0, notificationIntervalMs: 0 });
    const used = new Set<string>();
    for (const [name, group] of Object.entries(groups)) group.on("created", () => used.add(name));
    await clientFor(gh(), CANARY.classic, { throttleGroups: groups }).createComment(ISSUE, "spaced");
    expect([...used].sort()).toEqual(["global", "notifications", "write"]);
  });
});

describe("writes after lost responses", () => {
  test("create: the response is lost but the comment landed -> re-read finds it, no second POST", async () => {
    gh().fault({ route: CREATE }, { kind: "drop", when: "after" });
    const c = clientFor(gh(), CANARY.classic);
    const created = await c.createComment(ISSUE, "exactly once");
    expect(created.body).toBe("exactly once");
    expect(
      gh()
        .state.threadComments("acme/widgets", 1)
        .map((x) => x.body),
    ).toEqual(["exactly once"]);
    expect(gh().count({ route: CREATE })).toBe(1);
    expect(c.logs.join("\n")).toMatch(/write had landed; not repeating it/);
  });

  test("create: dropped before GitHub saw it -> re-read finds nothing -> one retry creates it", async () => {
    gh().fault({ route: CREATE }, { kind: "drop" });
    await clientFor(gh(), CANARY.classic).createComment(ISSUE, "exactly once");
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(1);
    expect(gh().count({ route: CREATE })).toBe(2);
  });

  test("create: a 502 after the write was applied is not repeated either", async () => {
    gh().route(CREATE, (ctx) => {
      ctx.state.addComment("acme/widgets", 1, { author: "alice", body: (ctx.body as { body: string }).body });
      return { status: 502, body: { message: "Server Error" } };
    });
    const before = gh().state.threadComments("acme/widgets", 1).length;
    await clientFor(gh(), CANARY.classic).createComment(ISSUE, "landed despite 502");
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(before + 1);
    expect(gh().count({ route: CREATE })).toBe(1);
  });

  test("create: an identical older comment of ours does not fool the re-read", async () => {
    gh().state.addComment("acme/widgets", 1, { author: "alice", body: "same text" });
    gh().fault({ route: CREATE }, { kind: "drop" });
    await clientFor(gh(), CANARY.classic).createComment(ISSUE, "same text");
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(2);
  });

  test("create: when the re-read fails too, the write is not repeated", async () => {
    gh().fault({ route: CREATE }, { kind: "drop" });
    gh().fault({ graphql: "CodexrelRecentComments" }, { kind: "status", status: 404 });
    const c = clientFor(gh(), CANARY.classic);
    await caught(c.createComment(ISSUE, "x", { afterId: 0 }));
    expect(gh().count({ route: CREATE })).toBe(1);
  });

  test("update: lost response with the new body in place -> done; dropped before -> retried", async () => {
    const existing = gh().state.addComment("acme/widgets", 1, { author: "alice", body: "v1" });
    const c = clientFor(gh(), CANARY.classic);
    gh().fault({ route: UPDATE }, { kind: "drop", when: "after" });
    expect((await c.updateComment(ISSUE, existing.id, "v2")).body).toBe("v2");
    expect(gh().count({ route: UPDATE })).toBe(1);
    gh().fault({ route: UPDATE }, { kind: "drop" });
    await c.updateComment(ISSUE, existing.id, "v3");
    expect(gh().state.comments.get(existing.id)?.body).toBe("v3");
    expect(gh().count({ route: UPDATE })).toBe(3);
  });

  test("delete: lost response -> re-read says gone -> done; an already deleted comment is fine", async () => {
    const a = gh().state.addComment("acme/widgets", 1, { author: "alice", body: "a" });
    const c = clientFor(gh(), CANARY.classic);
    gh().fault({ route: DELETE }, { kind: "drop", when: "after" });
    await c.deleteComment(ISSUE, a.id);
    expect(gh().count({ route: DELETE })).toBe(1);
    await c.deleteComment(ISSUE, a.id);
    expect(gh().state.comments.has(a.id)).toBe(false);
  });

  test("a 4xx on a write is final", async () => {
    gh().fault({ route: CREATE }, { kind: "status", status: 422 });
    const e = await caught(clientFor(gh(), CANARY.classic).createComment(ISSUE, "x"));
    expect(isGitHubError(e, "GITHUB_VALIDATION_FAILED")).toBe(true);
    expect(gh().count({ route: CREATE })).toBe(1);
  });

  test("reactions: on the thread and on a comment; repeating one is harmless", async () => {
    const c = clientFor(gh(), CANARY.installation);
    const comment = await c.createComment(ISSUE, "hello");
    await c.react(ISSUE, "eyes");
    await c.react(ISSUE, "rocket", { commentId: comment.id });
    await c.react(ISSUE, "rocket", { commentId: comment.id });
    expect(
      gh()
        .state.reactionsOf(comment.nodeId)
        .map((r) => r.content),
    ).toEqual(["rocket"]);
    expect(gh().state.reactionsOf(gh().state.thread("acme/widgets", 1)!.nodeId)).toHaveLength(1);
  });

  test("comment bodies over GitHub's 65,536 characters are refused before sending", async () => {
    const e = await caught(clientFor(gh(), CANARY.classic).createComment(ISSUE, "x".repeat(65_537), { afterId: 0 }));
    expect(e).toMatchObject({ code: "COMMENT_TOO_LONG" });
    expect(gh().requests).toHaveLength(0);
  });
});

describe("permission signals", () => {
  test("user token: GraphQL permission and scopes; installation: no REST collaborator call", async () => {
    const user = await clientFor(gh(), CANARY.classic).permissionSignals(ISSUE);
    expect(user).toMatchObject({
      identity: { login: "alice", scopes: ["repo", "read:org"] },
      thread: { repository: { viewerPermission: "WRITE" }, viewerCanUpdate: true },
      collaboratorPermission: null,
    });
    const bot = await clientFor(gh(), CANARY.readOnly).permissionSignals(ISSUE);
    expect(bot).toMatchObject({
      identity: { login: "github-actions[bot]", tokenKind: "installation" },
      thread: { viewerCanUpdate: false, viewerCannotUpdateReasons: ["INSUFFICIENT_ACCESS"] },
    });
    expect(gh().count({ route: "GET /repos/{owner}/{repo}/collaborators/{username}/permission" })).toBe(0);
    expect((await clientFor(gh(), CANARY.classic).collaboratorPermission(ISSUE, "alice")) satisfies string).toBe(
      "write",
    );
  });
});

describe("secrets", () => {
  test("no token appears in logs, errors or the fake's request log", async () => {
    const c = clientFor(gh(), CANARY.readOnly);
    gh().fault({ graphql: "viewer" }, { kind: "secondary-rate-limit", retryAfter: 1 });
    await c.viewer();
    const e = await caught(c.createComment(ISSUE, `token is ${CANARY.readOnly}`));
    const everything = [c.logs.join("\n"), e.message, e.hint, JSON.stringify(e), JSON.stringify(gh().requests)].join(
      "\n",
    );
    for (const token of Object.values(CANARY)) {
      expect(everything).not.toContain(token);
    }
  });
});
