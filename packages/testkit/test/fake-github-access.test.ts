/**
 * GitHub's access rules as the fake models them: tokens (valid, invalid, revoked, read-only,
 * installation), repository visibility and archiving, locked threads, authors and roles.
 */
import { useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake) => {
  const s = fake.state;
  s.addRepo("acme/public");
  s.addRepo("acme/secret", { private: true, collaborators: { carol: "write" } });
  s.addRepo("acme/old", { archived: true });
  s.addIssue("acme/public", { number: 1 });
  s.addIssue("acme/public", { number: 2, locked: true });
  s.addPullRequest("acme/public", { number: 3 });
  s.addIssue("acme/secret", { number: 1 });
  s.addIssue("acme/old", { number: 1 });
});

async function post(path: string, token: string | null, body: unknown = { body: "hi" }) {
  const res = await fetch(`${gh().apiUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { message: string } };
}

async function get(path: string, token: string | null) {
  const res = await fetch(`${gh().apiUrl}${path}`, { headers: token ? { authorization: `token ${token}` } : {} });
  return { status: res.status, json: (await res.json()) as unknown };
}

describe("tokens", () => {
  test("no token: public reads work, writes answer 401", async () => {
    expect((await get("/repos/acme/public/issues/1/comments", null)).status).toBe(200);
    const w = await post("/repos/acme/public/issues/1/comments", null);
    expect(w.status).toBe(401);
    expect(w.json.message).toBe("Requires authentication");
  });

  test("an unknown or revoked token answers 401 Bad credentials even on public reads", async () => {
    const t = gh().state.addToken({ login: "alice", scopes: ["repo"] });
    gh().state.revokeToken(t);
    for (const token of [t, "ghp_unknownunknownunknownunknownunknown00"]) {
      const r = await get("/repos/acme/public/issues/1/comments", token);
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ message: "Bad credentials" });
    }
    const g = await fetch(gh().graphqlUrl, {
      method: "POST",
      headers: { authorization: `bearer ${t}` },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(g.status).toBe(401);
  });

  test("GraphQL without a token answers 401", async () => {
    const g = await fetch(gh().graphqlUrl, { method: "POST", body: JSON.stringify({ query: "{ viewer { login } }" }) });
    expect(g.status).toBe(401);
    expect(((await g.json()) as { message: string }).message).toMatch(/requires you to be authenticated/);
  });

  test("a read-only installation token gets 403 naming the permission that would work", async () => {
    const t = gh().state.addToken({
      login: "github-actions[bot]",
      kind: "installation",
      permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    });
    const onIssue = await post("/repos/acme/public/issues/1/comments", t);
    expect(onIssue.status).toBe(403);
    expect(onIssue.json.message).toBe("Resource not accessible by integration");
    expect(onIssue.headers.get("x-accepted-github-permissions")).toBe("issues=write");
    const onPr = await post("/repos/acme/public/issues/3/comments", t);
    expect(onPr.headers.get("x-accepted-github-permissions")).toBe("issues=write; pull_requests=write");
  });

  test("a fine-grained PAT is limited to its repositories and permissions", async () => {
    const t = gh().state.addToken({
      login: "dave",
      kind: "fine-grained",
      permissions: { issues: "write" },
      repositories: ["acme/public"],
    });
    expect((await post("/repos/acme/public/issues/1/comments", t)).status).toBe(201);
    const other = await post("/repos/acme/secret/issues/1/comments", t);
    expect(other.status).toBe(404);
    expect((await get("/repos/acme/secret/issues/1/comments", t)).status).toBe(404);
  });

  test("a classic PAT needs repo (private) or public_repo (public) scope to write", async () => {
    const none = gh().state.addToken({ login: "alice", scopes: [] });
    const pub = gh().state.addToken({ login: "alice", scopes: ["public_repo"] });
    const w = await post("/repos/acme/public/issues/1/comments", none);
    expect(w.status).toBe(404);
    expect(w.headers.get("x-accepted-oauth-scopes")).toBe("public_repo, repo");
    expect(w.headers.get("x-oauth-scopes")).toBe("");
    expect((await post("/repos/acme/public/issues/1/comments", pub)).status).toBe(201);
  });
});

describe("repositories and threads", () => {
  test("a private repository is 404 to outsiders and to tokens without the repo scope", async () => {
    const outsider = gh().state.addToken({ login: "eve", scopes: ["repo"] });
    const carolNoScope = gh().state.addToken({ login: "carol", scopes: ["public_repo"] });
    const carol = gh().state.addToken({ login: "carol", scopes: ["repo"] });
    expect((await get("/repos/acme/secret/issues/1/comments", null)).status).toBe(404);
    expect((await get("/repos/acme/secret/issues/1/comments", outsider)).status).toBe(404);
    expect((await get("/repos/acme/secret/issues/1/comments", carolNoScope)).status).toBe(404);
    expect((await post("/repos/acme/secret/issues/1/comments", carol)).status).toBe(201);
  });

  test("an archived repository is read-only", async () => {
    const owner = gh().state.addToken({ login: "acme", scopes: ["repo"] });
    const r = await post("/repos/acme/old/issues/1/comments", owner);
    expect(r.status).toBe(403);
    expect(r.json.message).toBe("Repository was archived so is read-only.");
  });

  test("a locked thread takes comments only from people with write access", async () => {
    const outsider = gh().state.addToken({ login: "eve", scopes: ["public_repo"] });
    const owner = gh().state.addToken({ login: "acme", scopes: ["repo"] });
    const r = await post("/repos/acme/public/issues/2/comments", outsider);
    expect(r.status).toBe(403);
    expect(r.json.message).toMatch(/locked/);
    expect((await post("/repos/acme/public/issues/2/comments", owner)).status).toBe(201);
  });

  test("only the author (or write access) may edit a comment", async () => {
    const c = gh().state.addComment("acme/public", 1, { author: "bob", body: "bob's" });
    const eve = gh().state.addToken({ login: "eve", scopes: ["repo"] });
    const bob = gh().state.addToken({ login: "bob", scopes: ["repo"] });
    const patch = (token: string) =>
      fetch(`${gh().apiUrl}/repos/acme/public/issues/comments/${c.id}`, {
        method: "PATCH",
        headers: { authorization: `token ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ body: "edited" }),
      });
    expect((await patch(eve)).status).toBe(403);
    expect((await patch(bob)).status).toBe(200);
    expect(gh().state.comments.get(c.id)?.body).toBe("edited");
  });

  test("GraphQL signals agree with the REST rules", async () => {
    const readOnly = gh().state.addToken({
      login: "github-actions[bot]",
      kind: "installation",
      permissions: { issues: "read", metadata: "read" },
    });
    const writer = gh().state.addToken({
      login: "github-actions[bot]",
      kind: "installation",
      permissions: { issues: "write", metadata: "read" },
    });
    const eve = gh().state.addToken({ login: "eve", scopes: ["public_repo"] });
    const q = async (token: string, repo: string, n: number) => {
      const res = await fetch(gh().graphqlUrl, {
        method: "POST",
        headers: { authorization: `bearer ${token}` },
        body: JSON.stringify({
          query: `query($o:String!,$r:String!,$n:Int!){ repository(owner:$o,name:$r){ viewerPermission isArchived
            issueOrPullRequest(number:$n){ ... on Issue { locked viewerCanUpdate viewerCannotUpdateReasons viewerCanReact } } } }`,
          variables: { o: repo.split("/")[0], r: repo.split("/")[1], n },
        }),
      });
      return ((await res.json()) as { data: { repository: Record<string, unknown> } }).data.repository;
    };
    expect(await q(readOnly, "acme/public", 1)).toMatchObject({
      viewerPermission: "READ",
      issueOrPullRequest: {
        viewerCanUpdate: false,
        viewerCannotUpdateReasons: ["INSUFFICIENT_ACCESS"],
        viewerCanReact: false,
      },
    });
    expect(await q(writer, "acme/public", 1)).toMatchObject({
      viewerPermission: "WRITE",
      issueOrPullRequest: { viewerCanUpdate: true, viewerCannotUpdateReasons: [], viewerCanReact: true },
    });
    expect(await q(eve, "acme/public", 2)).toMatchObject({
      issueOrPullRequest: { locked: true, viewerCannotUpdateReasons: ["LOCKED", "INSUFFICIENT_ACCESS"] },
    });
    expect(await q(writer, "acme/old", 1)).toMatchObject({
      isArchived: true,
      issueOrPullRequest: { viewerCanUpdate: false, viewerCannotUpdateReasons: ["ARCHIVED"] },
    });
  });
});
