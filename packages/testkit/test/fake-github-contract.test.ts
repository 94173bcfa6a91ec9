/**
 * The fake's own contract: it rejects what GitHub rejects (and says so loudly), answers what
 * GitHub answers, and its own responses pass GitHub's response schemas.
 */
import { type FakeGitHub, startFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

type Json = any;

let gh: FakeGitHub;
let token: string;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.state.addRepo("acme/widgets");
  gh.state.addIssue("acme/widgets", { number: 1 });
  token = gh.state.addToken({ login: "alice", kind: "classic", scopes: ["repo"] });
});

afterEach(async () => {
  await gh.close();
});

async function call(method: string, path: string, body?: unknown, auth: string | null = token) {
  const res = await fetch(`${gh.apiUrl}${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: `token ${auth}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : undefined) as Json };
}

async function graphql(query: string, variables: Record<string, unknown> = {}, auth: string | null = token) {
  const res = await fetch(gh.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
}

describe("REST contract", () => {
  test("an unknown route is answered 404 and recorded as a violation that fails the test", async () => {
    const r = await call("GET", "/repos/acme/widgets/issues/1/commentz");
    expect(r.status).toBe(404);
    expect(gh.violations).toEqual([expect.objectContaining({ kind: "unknown-route" })]);
    expect(() => gh.assertNoViolations()).toThrow(/unknown-route.*commentz/);
    // assertNoViolations clears what it reported.
    expect(() => gh.assertNoViolations()).not.toThrow();
  });

  test("a known path with the wrong method is a violation", async () => {
    const r = await call("PUT", "/repos/acme/widgets/issues/1/comments", { body: "x" });
    expect(r.status).toBe(404);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["method-not-allowed"]);
  });

  test.each([
    ["missing required property", { bod: "typo" }, /must have required property 'body'/],
    ["wrong type", { body: 42 }, /\/body must be string/],
    ["unknown property", { body: "ok", draft: true }, /unknown body property draft/],
    ["no body at all", undefined, /a JSON body is required/],
  ])("a bad body (%s) is rejected with 422 and changes nothing", async (_name, body, detail) => {
    const r = await call("POST", "/repos/acme/widgets/issues/1/comments", body);
    expect(r.status).toBe(422);
    const [v] = gh.takeViolations();
    expect(v?.kind).toBe("invalid-request");
    expect(v?.detail).toMatch(detail);
    expect(gh.state.threadComments("acme/widgets", 1)).toHaveLength(0);
  });

  test("a body that is not JSON is rejected", async () => {
    const r = await call("POST", "/repos/acme/widgets/issues/1/comments", "{not json");
    expect(r.status).toBe(400);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["invalid-json"]);
  });

  test("path and query parameters are checked against the operation", async () => {
    await call("GET", "/repos/acme/widgets/issues/abc/comments");
    await call("GET", "/repos/acme/widgets/issues/1/comments?per_page=many");
    await call("GET", "/repos/acme/widgets/issues/1/comments?perpage=10");
    await call("GET", "/repos/acme/widgets/issues/1/comments?since=yesterday");
    const details = gh.takeViolations().map((v) => v.detail);
    expect(details[0]).toMatch(/issue_number="abc".*must be integer/);
    expect(details[1]).toMatch(/per_page="many".*must be integer/);
    expect(details[2]).toMatch(/unknown query parameter perpage/);
    expect(details[3]).toMatch(/since="yesterday".*date-time/);
  });

  test("literal path segments win over parameters (issues/comments is not issue #comments)", async () => {
    const r = await call("GET", "/repos/acme/widgets/issues/comments/999");
    expect(r.status).toBe(404);
    expect(gh.requests.at(-1)?.route).toBe("GET /repos/{owner}/{repo}/issues/comments/{comment_id}");
    expect(gh.violations).toEqual([]);
  });

  test("a valid write succeeds, its response passes GitHub's response schema, GraphQL sees it", async () => {
    const r = await call("POST", "/repos/acme/widgets/issues/1/comments", { body: "hello" });
    expect(r.status).toBe(201);
    expect(r.json.user.login).toBe("alice");
    expect(r.json.html_url).toBe(`https://github.com/acme/widgets/issues/1#issuecomment-${r.json.id}`);
    expect(r.headers.get("location")).toBe(r.json.url);
    expect(r.headers.get("x-oauth-scopes")).toBe("repo");
    const q = await graphql(
      `query($o:String!,$n:String!){repository(owner:$o,name:$n){issue(number:1){comments(last:10){nodes{body viewerDidAuthor author{login}}}}}}`,
      { o: "acme", n: "widgets" },
    );
    expect(q.json.data.repository.issue.comments.nodes).toEqual([
      { body: "hello", viewerDidAuthor: true, author: { login: "alice" } },
    ]);
    gh.assertNoViolations();
  });

  test("every built-in response matches GitHub's schema", async () => {
    const created = await call("POST", "/repos/acme/widgets/issues/1/comments", { body: "a" });
    const id = created.json.id as number;
    expect((await call("GET", "/repos/acme/widgets/issues/1/comments?per_page=1&page=1")).status).toBe(200);
    expect((await call("GET", `/repos/acme/widgets/issues/comments/${id}`)).status).toBe(200);
    expect((await call("PATCH", `/repos/acme/widgets/issues/comments/${id}`, { body: "b" })).status).toBe(200);
    expect(
      (await call("POST", `/repos/acme/widgets/issues/comments/${id}/reactions`, { content: "eyes" })).status,
    ).toBe(201);
    expect(
      (await call("POST", `/repos/acme/widgets/issues/comments/${id}/reactions`, { content: "eyes" })).status,
    ).toBe(200);
    expect((await call("POST", "/repos/acme/widgets/issues/1/reactions", { content: "rocket" })).status).toBe(201);
    const perm = await call("GET", "/repos/acme/widgets/collaborators/alice/permission");
    expect(perm.json).toMatchObject({ permission: "read", role_name: "read" });
    expect((await call("DELETE", `/repos/acme/widgets/issues/comments/${id}`)).status).toBe(204);
    gh.assertNoViolations();
  });

  test("a reaction outside GitHub's enum is rejected", async () => {
    const c = gh.state.addComment("acme/widgets", 1, { author: "alice", body: "x" });
    const r = await call("POST", `/repos/acme/widgets/issues/comments/${c.id}/reactions`, { content: "thumbsup" });
    expect(r.status).toBe(422);
    expect(gh.takeViolations()[0]?.detail).toMatch(/must be equal to one of the allowed values/);
  });

  test("a route GitHub has but the fake does not implement answers 501 and is a violation", async () => {
    const r = await call("GET", "/repos/acme/widgets/releases");
    expect(r.status).toBe(501);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["unimplemented"]);
  });

  test("custom handlers only for routes in GitHub's description", async () => {
    expect(() => gh.route("GET /repos/{owner}/{repo}/nonsense", () => ({ status: 200 }))).toThrow(/not an operation/);
    gh.route("GET /repos/{owner}/{repo}/releases", () => ({ status: 200, body: [] }));
    expect((await call("GET", "/repos/acme/widgets/releases")).json).toEqual([]);
    gh.assertNoViolations();
  });

  test("a fake response that breaks GitHub's schema is itself a violation", async () => {
    gh.route("GET /repos/{owner}/{repo}/issues/comments/{comment_id}", () => ({ status: 200, body: { id: "nope" } }));
    await call("GET", "/repos/acme/widgets/issues/comments/1");
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["fake-response"]);
  });
});

describe("GraphQL contract", () => {
  test("a field GitHub's schema lacks is rejected and recorded", async () => {
    const r = await graphql(`{ viewer { login canComment } }`);
    expect(r.status).toBe(200);
    expect(r.json.errors[0].message).toMatch(/Cannot query field "canComment" on type "User"/);
    expect(r.json.data).toBeUndefined();
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["graphql-invalid"]);
  });

  test("wrong argument and variable types are rejected", async () => {
    await graphql(`{ repository(owner: "acme", name: "widgets") { issue(number: "1") { id } } }`);
    await graphql(`query($n: Int!) { repository(owner: "acme", name: "widgets") { issue(number: $n) { id } } }`, {
      n: "one",
    });
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["graphql-invalid", "graphql-invalid"]);
  });

  test("a syntax error is rejected", async () => {
    await graphql(`{ viewer { login `);
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["graphql-invalid"]);
  });

  test("connections need first/last at most 100, as on GitHub", async () => {
    const a = await graphql(
      `{ repository(owner:"acme",name:"widgets"){ issue(number:1){ comments { totalCount } } } }`,
    );
    expect(a.json.errors[0]).toMatchObject({ type: "MISSING_PAGINATION_BOUNDARIES" });
    const b = await graphql(
      `{ repository(owner:"acme",name:"widgets"){ issue(number:1){ comments(first: 101) { totalCount } } } }`,
    );
    expect(b.json.errors[0]).toMatchObject({ type: "EXCESSIVE_PAGINATION" });
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(["graphql-pagination", "graphql-pagination"]);
  });

  test("a schema field the fake does not implement is a violation, never a silent null", async () => {
    await graphql(`{ repository(owner:"acme",name:"widgets"){ stargazerCount } }`);
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({ kind: "unimplemented", detail: expect.stringContaining("Repository.stargazerCount") }),
    ]);
  });

  test("not found is GitHub's NOT_FOUND error with a null field", async () => {
    const r = await graphql(`{ repository(owner:"acme",name:"nope"){ id } }`);
    expect(r.json.data).toEqual({ repository: null });
    expect(r.json.errors[0]).toMatchObject({
      type: "NOT_FOUND",
      path: ["repository"],
      message: "Could not resolve to a Repository with the name 'acme/nope'.",
    });
    gh.assertNoViolations();
  });

  test("pagination with cursors walks backwards from the newest comment", async () => {
    for (const body of ["c1", "c2", "c3", "c4", "c5"]) gh.state.addComment("acme/widgets", 1, { author: "bob", body });
    const q = `query($before:String){ repository(owner:"acme",name:"widgets"){ issue(number:1){
      comments(last: 2, before: $before){ totalCount pageInfo{ hasPreviousPage startCursor } nodes{ body } } } } }`;
    const bodies: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const r = await graphql(q, { before });
      const conn = r.json.data.repository.issue.comments;
      bodies.push(conn.nodes.map((n: { body: string }) => n.body));
      if (!conn.pageInfo.hasPreviousPage) break;
      before = conn.pageInfo.startCursor;
    }
    expect(bodies).toEqual([["c4", "c5"], ["c2", "c3"], ["c1"]]);
    gh.assertNoViolations();
  });

  test("mutations change the shared state", async () => {
    gh.state.setRole("acme/widgets", "alice", "triage");
    const issueId = gh.state.thread("acme/widgets", 1)!.nodeId;
    const r = await graphql(
      `mutation($id:ID!,$body:String!){ addComment(input:{subjectId:$id, body:$body}){ commentEdge{ node{ id body url } } } }`,
      { id: issueId, body: "from graphql" },
    );
    const node = r.json.data.addComment.commentEdge.node;
    expect(node.body).toBe("from graphql");
    await graphql(`mutation($id:ID!){ addReaction(input:{subjectId:$id, content: HOORAY}){ reaction{ content } } }`, {
      id: node.id,
    });
    await graphql(
      `mutation($id:ID!){ minimizeComment(input:{subjectId:$id, classifier: OUTDATED}){ clientMutationId } }`,
      {
        id: node.id,
      },
    );
    const [c] = gh.state.threadComments("acme/widgets", 1);
    expect(c?.minimized).toBe("outdated");
    expect(gh.state.reactionsOf(node.id).map((x) => x.content)).toEqual(["hooray"]);
    await graphql(`mutation($id:ID!){ deleteIssueComment(input:{id:$id}){ clientMutationId } }`, { id: node.id });
    expect(gh.state.threadComments("acme/widgets", 1)).toHaveLength(0);
    gh.assertNoViolations();
  });

  test("an installation token's viewer is name[bot]; as an author GraphQL shows the bare bot login", async () => {
    const bot = gh.state.addToken({
      login: "github-actions[bot]",
      kind: "installation",
      permissions: { issues: "write", metadata: "read" },
    });
    const created = await call("POST", "/repos/acme/widgets/issues/1/comments", { body: "bot says" }, bot);
    expect(created.json.user).toMatchObject({ login: "github-actions[bot]", type: "Bot" });
    const r = await graphql(
      `{ viewer { login } repository(owner:"acme",name:"widgets"){ issue(number:1){ comments(first:5){ nodes{ viewerDidAuthor author{ __typename login } } } } } }`,
      {},
      bot,
    );
    expect(r.json.data.viewer.login).toBe("github-actions[bot]");
    expect(r.json.data.repository.issue.comments.nodes[0]).toEqual({
      viewerDidAuthor: true,
      author: { __typename: "Bot", login: "github-actions" },
    });
    gh.assertNoViolations();
  });
});

describe("enterprise paths", () => {
  test("REST under /api/v3 and GraphQL at /api/graphql", async () => {
    const ghes = await startFakeGitHub({ enterprise: true, state: gh.state });
    try {
      expect(ghes.apiUrl).toMatch(/\/api\/v3$/);
      expect(ghes.graphqlUrl).toMatch(/\/api\/graphql$/);
      const r = await fetch(`${ghes.apiUrl}/repos/acme/widgets/issues/1/comments`, {
        headers: { authorization: `token ${token}` },
      });
      expect(r.status).toBe(200);
      const g = await fetch(ghes.graphqlUrl, {
        method: "POST",
        headers: { authorization: `token ${token}` },
        body: JSON.stringify({ query: "{ viewer { login } }" }),
      });
      expect(((await g.json()) as Json).data.viewer.login).toBe("alice");
      const wrong = await fetch(`${ghes.apiUrl.replace("/api/v3", "")}/repos/acme/widgets/issues/1/comments`);
      expect(wrong.status).toBe(404);
      expect(ghes.takeViolations().map((v) => v.kind)).toEqual(["unknown-route"]);
    } finally {
      await ghes.close();
    }
  });
});
