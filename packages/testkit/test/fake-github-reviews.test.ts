/**
 * Review threads, check runs, commit statuses, author associations and ready-for-review in the
 * fake's GraphQL: the shapes GitHub's schema defines, the access rule for the mutation, and what
 * the fake does not model (a commit by expression) reported as a gap rather than a silent null.
 */
import { type FakeGitHub, startFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, expect, test } from "vitest";

const SHA = "1234567890abcdef1234567890abcdef12345678";
let gh: FakeGitHub;
let writer: string;
let reader: string;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo("acme/widgets", { collaborators: { bob: "write" } });
  gh.state.addPullRequest("acme/widgets", { number: 2, draft: true, headSha: SHA, author: "bob" });
  writer = gh.state.addToken({ login: "bob", kind: "classic", scopes: ["repo"] });
  reader = gh.state.addToken({ login: "app[bot]", kind: "installation", permissions: { pull_requests: "read" } });
});
afterEach(async () => {
  await gh.close();
});

async function graphql(query: string, variables: Record<string, unknown>, token = writer): Promise<any> {
  const res = await fetch(gh.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

test("review threads page like any connection, with their comments and resolution", async () => {
  gh.state.addReviewThread("acme/widgets", 2, { path: "a.ts", line: 3, comments: [{ author: "bob", body: "fix" }] });
  gh.state.addReviewThread("acme/widgets", 2, {
    path: "b.ts",
    line: 9,
    outdated: true,
    resolved: true,
    comments: [{ author: "acme", body: "ok" }],
  });
  const q = `query($n: Int!) { repository(owner: "acme", name: "widgets") { pullRequest(number: $n) {
    reviewDecision reviewThreads(first: 1) { totalCount pageInfo { hasNextPage }
      nodes { isResolved isOutdated path line originalLine comments(first: 5) { nodes { author { login } body url } } } } } } }`;
  const r = await graphql(q, { n: 2 });
  expect(r.errors).toBeUndefined();
  const threads = r.data.repository.pullRequest.reviewThreads;
  expect(threads.totalCount).toBe(2);
  expect(threads.pageInfo.hasNextPage).toBe(true);
  expect(threads.nodes[0]).toMatchObject({
    isResolved: false,
    path: "a.ts",
    line: 3,
    comments: { nodes: [{ author: { login: "bob" }, body: "fix" }] },
  });
  expect(threads.nodes[0].comments.nodes[0].url).toMatch(/\/pull\/2#discussion_r\d+$/);
  gh.assertNoViolations();
});

test("a commit's status check rollup mixes check runs and statuses; its state follows the worst", async () => {
  gh.state.addCheckRun("acme/widgets", SHA, { name: "test", workflow: "ci" });
  gh.state.addStatus("acme/widgets", SHA, { context: "deploy", state: "PENDING" });
  const q = `query($oid: GitObjectID!) { repository(owner: "acme", name: "widgets") { object(oid: $oid) { ... on Commit {
    oid statusCheckRollup { state contexts(first: 10) { totalCount nodes { __typename
      ... on CheckRun { name status conclusion checkSuite { workflowRun { workflow { name } } } }
      ... on StatusContext { context state } } } } } } } }`;
  const r = await graphql(q, { oid: SHA });
  expect(r.errors).toBeUndefined();
  const rollup = r.data.repository.object.statusCheckRollup;
  expect(rollup.state).toBe("PENDING");
  expect(rollup.contexts.nodes).toEqual([
    {
      __typename: "CheckRun",
      name: "test",
      status: "COMPLETED",
      conclusion: "SUCCESS",
      checkSuite: { workflowRun: { workflow: { name: "ci" } } },
    },
    { __typename: "StatusContext", context: "deploy", state: "PENDING" },
  ]);
  gh.state.addCheckRun("acme/widgets", SHA, { name: "lint", conclusion: "FAILURE" });
  expect((await graphql(q, { oid: SHA })).data.repository.object.statusCheckRollup.state).toBe("FAILURE");
  // An unknown commit is null, as on GitHub.
  expect((await graphql(q, { oid: "f".repeat(40) })).data.repository.object).toBeNull();
  gh.assertNoViolations();
});

test("comment and thread author associations: OWNER, COLLABORATOR or NONE", async () => {
  gh.state.addComment("acme/widgets", 2, { author: "acme", body: "a" });
  gh.state.addComment("acme/widgets", 2, { author: "bob", body: "b" });
  gh.state.addComment("acme/widgets", 2, { author: "eve", body: "c" });
  const q = `{ repository(owner: "acme", name: "widgets") { pullRequest(number: 2) { authorAssociation
    comments(last: 10) { nodes { authorAssociation author { login } } } } } }`;
  const r = await graphql(q, {});
  expect(r.data.repository.pullRequest.authorAssociation).toBe("COLLABORATOR");
  expect(r.data.repository.pullRequest.comments.nodes.map((n: any) => n.authorAssociation)).toEqual([
    "OWNER",
    "COLLABORATOR",
    "NONE",
  ]);
});

test("markPullRequestReadyForReview needs pull-requests write; it clears the draft flag", async () => {
  const id = gh.state.thread("acme/widgets", 2)!.nodeId;
  const m = `mutation($id: ID!) { markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } } }`;
  const denied = await graphql(m, { id }, reader);
  expect(denied.errors[0].type).toBe("FORBIDDEN");
  expect(gh.state.thread("acme/widgets", 2)!.draft).toBe(true);
  const ok = await graphql(m, { id });
  expect(ok.data.markPullRequestReadyForReview.pullRequest.isDraft).toBe(false);
  expect(gh.state.thread("acme/widgets", 2)!.draft).toBe(false);
});

test("a commit looked up by expression is a gap of the fake, reported as a violation", async () => {
  await graphql(`{ repository(owner: "acme", name: "widgets") { object(expression: "main") { id } } }`, {});
  expect(gh.takeViolations().map((v) => v.kind)).toEqual(["unimplemented"]);
});
