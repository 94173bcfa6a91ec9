/**
 * The fake's pull request routes (list with `head`, create, get), as the worker's curl calls use
 * them; every response is checked against GitHub's OpenAPI description by the fake itself.
 */
import { useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

const MAIN = "1111111111111111111111111111111111111111";
const WORK = "2222222222222222222222222222222222222222";
let writer = "";
let reader = "";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake) => {
  const repo = fake.state.addRepo("acme/widgets");
  repo.refs.set("refs/heads/main", MAIN);
  repo.refs.set("refs/heads/codex/issue-1/x", WORK);
  fake.state.addIssue("acme/widgets", { number: 1 });
  writer = fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { pull_requests: "write", contents: "read", metadata: "read" },
  });
  reader = fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { pull_requests: "read", metadata: "read" },
  });
});

function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  return fetch(`${gh().apiUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json" },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
}

const create = (token: string, head = "codex/issue-1/x") =>
  api("/repos/acme/widgets/pulls", token, {
    method: "POST",
    body: { title: "codex: #1", head, base: "main", body: "Closes #1", draft: true },
  });

describe("pull requests", () => {
  test("create a draft, then list it by head and get it; numbers follow the issues'", async () => {
    const made = await create(writer);
    expect(made.status).toBe(201);
    const pr = (await made.json()) as { number: number; draft: boolean; head: { ref: string; sha: string } };
    expect(pr).toMatchObject({ number: 2, draft: true, head: { ref: "codex/issue-1/x", sha: WORK } });
    const listed = (await (
      await api("/repos/acme/widgets/pulls?state=open&head=acme:codex/issue-1/x", reader)
    ).json()) as {
      number: number;
    }[];
    expect(listed.map((p) => p.number)).toEqual([2]);
    const other = (await (
      await api("/repos/acme/widgets/pulls?state=open&head=acme:other", reader)
    ).json()) as unknown[];
    expect(other).toEqual([]);
    const got = await api("/repos/acme/widgets/pulls/2", reader);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { body: string }).body).toBe("Closes #1");
  });

  test("GitHub's refusals: no write permission, a missing head, a head with no commits, a second PR for the head", async () => {
    expect((await create(reader)).status).toBe(403);
    const missing = await create(writer, "nope");
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toContain('"field":"head"');
    const same = await create(writer, "main");
    expect(same.status).toBe(422);
    expect(JSON.stringify(await same.json())).toContain("No commits between main and main");
    expect((await create(writer)).status).toBe(201);
    const again = await create(writer);
    expect(again.status).toBe(422);
    expect(JSON.stringify(await again.json())).toContain("A pull request already exists for acme:codex/issue-1/x.");
  });
});
