/**
 * Faults on demand, the request log, and what a dropped response does to state.
 */
import { type FaultSpec, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

const CREATE = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
let token = "";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake) => {
  fake.state.addRepo("acme/widgets");
  fake.state.addIssue("acme/widgets", { number: 1 });
  token = fake.state.addToken({ login: "alice", scopes: ["repo"] });
});

function create() {
  return fetch(`${gh().apiUrl}/repos/acme/widgets/issues/1/comments`, {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ body: "hello" }),
  });
}

function viewer() {
  return fetch(gh().graphqlUrl, {
    method: "POST",
    headers: { authorization: `bearer ${token}` },
    body: JSON.stringify({ query: "query Who { viewer { login } }" }),
  });
}

describe("faults", () => {
  test.each<[string, FaultSpec, number, Record<string, string>, RegExp]>([
    ["401", { kind: "unauthorized" }, 401, {}, /Bad credentials/],
    [
      "403 with accepted permissions",
      { kind: "forbidden", accepted: "issues=write; pull_requests=write" },
      403,
      { "x-accepted-github-permissions": "issues=write; pull_requests=write" },
      /Resource not accessible by integration/,
    ],
    ["404", { kind: "not-found" }, 404, {}, /Not Found/],
    [
      "secondary rate limit 403",
      { kind: "secondary-rate-limit", retryAfter: 7 },
      403,
      { "retry-after": "7" },
      /secondary rate limit/,
    ],
    [
      "secondary rate limit 429",
      { kind: "secondary-rate-limit", status: 429, retryAfter: 3 },
      429,
      { "retry-after": "3" },
      /secondary rate limit/,
    ],
    ["primary rate limit", { kind: "rate-limit" }, 403, { "x-ratelimit-remaining": "0" }, /API rate limit exceeded/],
    ["502", { kind: "server-error" }, 502, {}, /Server Error/],
    ["503", { kind: "server-error", status: 503 }, 503, {}, /Service Unavailable/],
    ["any status", { kind: "status", status: 422, message: "Validation Failed" }, 422, {}, /Validation Failed/],
  ])("%s: answered as specified, once, without touching state", async (_name, fault, status, headers, message) => {
    gh().fault({ route: CREATE }, fault);
    const first = await create();
    expect(first.status).toBe(status);
    for (const [k, v] of Object.entries(headers)) expect(first.headers.get(k)).toBe(v);
    expect(((await first.json()) as { message: string }).message).toMatch(message);
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(0);
    expect((await create()).status).toBe(201);
    expect(gh().requests.map((r) => r.fault)).toEqual([fault.kind, undefined]);
  });

  test("times: a fault can repeat", async () => {
    gh().fault({ route: CREATE }, { kind: "server-error" }, { times: 2 });
    expect([(await create()).status, (await create()).status, (await create()).status]).toEqual([502, 502, 201]);
  });

  test("a dropped request (before) has no effect and the client sees a network error", async () => {
    gh().fault({ route: CREATE }, { kind: "drop" });
    await expect(create()).rejects.toThrow();
    expect(gh().state.threadComments("acme/widgets", 1)).toHaveLength(0);
    expect(gh().requests[0]?.status).toBe("dropped");
  });

  test("a lost response (drop after) DID create the comment", async () => {
    gh().fault({ route: CREATE }, { kind: "drop", when: "after" });
    await expect(create()).rejects.toThrow();
    expect(
      gh()
        .state.threadComments("acme/widgets", 1)
        .map((c) => c.body),
    ).toEqual(["hello"]);
  });

  test("a slow response still arrives, after the delay", async () => {
    gh().fault({ route: CREATE }, { kind: "slow", delayMs: 30 });
    expect((await create()).status).toBe(201);
    expect(gh().requests[0]?.fault).toBe("slow");
  });

  test("a slow response can be abandoned by the client; closing the fake cancels it", async () => {
    gh().fault({ any: true }, { kind: "slow", delayMs: 60_000 });
    const controller = new AbortController();
    const pending = fetch(`${gh().apiUrl}/repos/acme/widgets/issues/1/comments`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  test("GraphQL faults match a root field or the operation name", async () => {
    gh().fault({ graphql: "Who" }, { kind: "secondary-rate-limit", status: 429, retryAfter: 1 });
    gh().fault({ graphql: "viewer" }, { kind: "server-error", status: 500 });
    expect((await viewer()).status).toBe(429);
    expect((await viewer()).status).toBe(500);
    expect((await viewer()).status).toBe(200);
    expect(gh().count({ graphql: "viewer" })).toBe(3);
  });

  test("a fault for a route GitHub does not have is refused up front", () => {
    expect(() =>
      gh().fault({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/commentz" }, { kind: "not-found" }),
    ).toThrow(/not an operation/);
  });
});

describe("request log", () => {
  test("counts by route and GraphQL field, with the token never logged", async () => {
    await create();
    await create();
    await viewer();
    expect(gh().count({ route: CREATE })).toBe(2);
    expect(gh().count({ graphql: "viewer" })).toBe(1);
    expect(gh().requests[0]).toMatchObject({
      method: "POST",
      route: CREATE,
      operationId: "issues/create-comment",
      status: 201,
      auth: "classic:alice",
      body: { body: "hello" },
    });
    expect(JSON.stringify(gh().requests)).not.toContain(token);
  });
});
