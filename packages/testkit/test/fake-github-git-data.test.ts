/**
 * The fake's git data API over a real bare repository, as @codexrel/publisher's branch
 * destination calls it: blobs, trees on a base tree, commits, refs created and moved (fast
 * forward only unless forced), each answer checked against GitHub's OpenAPI description by the
 * fake itself, and the result visible to git.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

let writer = "";
let reader = "";
let bare = "";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake) => {
  bare = mkdtempSync(join(tmpdir(), "codexrel-git-data-"));
  execFileSync("git", ["init", "--bare", "--quiet", bare]);
  const repo = fake.state.addRepo("acme/widgets");
  repo.gitDir = bare;
  writer = fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { contents: "write", metadata: "read" },
  });
  reader = fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { contents: "read", metadata: "read" },
  });
});
afterEach(() => rmSync(bare, { recursive: true, force: true }));

async function api<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const r = await fetch(`${gh().apiUrl}/repos/acme/widgets${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${init.token ?? writer}`, accept: "application/vnd.github+json" },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: r.status, body: (await r.json()) as T };
}

const show = (spec: string) => execFileSync("git", ["--git-dir", bare, "show", spec], { encoding: "utf8" });

async function commit(files: Record<string, string>, parents: string[], baseTree?: string) {
  const tree = await api<{ sha: string }>("/git/trees", {
    method: "POST",
    body: {
      ...(baseTree ? { base_tree: baseTree } : {}),
      tree: Object.entries(files).map(([path, content]) => ({ path, mode: "100644", type: "blob", content })),
    },
  });
  expect(tree.status).toBe(201);
  const made = await api<{ sha: string; tree: { sha: string } }>("/git/commits", {
    method: "POST",
    body: { message: `write ${Object.keys(files).join(", ")}`, tree: tree.body.sha, parents },
  });
  expect(made.status).toBe(201);
  return made.body;
}

describe("git data API", () => {
  test("a branch written through blobs, trees, commits and refs is the branch git sees; moves fast-forward only", async () => {
    const blob = await api<{ sha: string }>("/git/blobs", {
      method: "POST",
      body: { content: Buffer.from("binary\u0000ok").toString("base64"), encoding: "base64" },
    });
    expect(blob.status).toBe(201);
    const first = await commit({ "README.md": "# widgets\n" }, []);
    expect(
      (await api("/git/refs", { method: "POST", body: { ref: "refs/heads/evidence", sha: first.sha } })).status,
    ).toBe(201);
    expect(show("evidence:README.md")).toBe("# widgets\n");
    const again = await api<{ message: string }>("/git/refs", {
      method: "POST",
      body: { ref: "refs/heads/evidence", sha: first.sha },
    });
    expect(again).toMatchObject({ status: 422, body: { message: "Reference already exists" } });

    // A second commit on the base tree keeps the first file; the ref moves forward.
    const second = await commit({ "runs/1/report.json": "{}\n" }, [first.sha], first.tree.sha);
    const moved = await api("/git/refs/heads%2Fevidence", { method: "PATCH", body: { sha: second.sha, force: false } });
    expect(moved.status).toBe(200);
    expect(show("evidence:README.md")).toBe("# widgets\n");
    expect(show("evidence:runs/1/report.json")).toBe("{}\n");

    // Reads: the ref, the commit's tree and parents, the recursive tree, a blob's bytes.
    const ref = await api<{ object: { sha: string } }>("/git/ref/heads%2Fevidence");
    expect(ref.body.object.sha).toBe(second.sha);
    const read = await api<{ tree: { sha: string }; parents: { sha: string }[]; message: string }>(
      `/git/commits/${second.sha}`,
    );
    expect(read.body).toMatchObject({ tree: { sha: second.tree.sha }, parents: [{ sha: first.sha }] });
    const tree = await api<{ tree: { path: string; type: string; sha: string }[] }>(
      `/git/trees/${second.tree.sha}?recursive=1`,
    );
    expect(tree.body.tree.map((e) => `${e.type}:${e.path}`)).toEqual([
      "blob:README.md",
      "tree:runs",
      "tree:runs/1",
      "blob:runs/1/report.json",
    ]);
    const readme = tree.body.tree[0]?.sha ?? "";
    const bytes = await api<{ content: string }>(`/git/blobs/${readme}`);
    expect(Buffer.from(bytes.body.content, "base64").toString()).toBe("# widgets\n");
    const raw = await api<{ content: string }>(`/git/blobs/${blob.body.sha}`);
    expect(Buffer.from(raw.body.content, "base64").toString()).toBe("binary\u0000ok");

    // Another writer's commit that does not contain ours: not a fast forward, unless forced.
    const other = await commit({ "OTHER.md": "x\n" }, []);
    const refused = await api<{ message: string }>("/git/refs/heads%2Fevidence", {
      method: "PATCH",
      body: { sha: other.sha },
    });
    expect(refused).toMatchObject({ status: 422, body: { message: "Update is not a fast forward" } });
    expect(show("evidence:README.md")).toBe("# widgets\n");
    expect(
      (await api("/git/refs/heads%2Fevidence", { method: "PATCH", body: { sha: other.sha, force: true } })).status,
    ).toBe(200);
    expect(show("evidence:OTHER.md")).toBe("x\n");
    // Each ref write is a push, as GitHub sends one for API ref updates too.
    expect(
      gh()
        .state.events.filter((e) => e.name === "push")
        .map((e) => (e.payload as { after: string }).after),
    ).toEqual([first.sha, second.sha, other.sha]);
  });

  test("unknown objects are 404, bad input is 422, and a contents: read token cannot write", async () => {
    expect((await api(`/git/commits/${"a".repeat(40)}`)).status).toBe(404);
    expect((await api("/git/ref/heads%2Fnope")).status).toBe(404);
    const badParent = await api("/git/commits", {
      method: "POST",
      body: { message: "m", tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", parents: ["b".repeat(40)] },
    });
    expect(badParent.status).toBe(422);
    const badPath = await api("/git/trees", {
      method: "POST",
      body: { tree: [{ path: "../escape", mode: "100644", type: "blob", content: "x" }] },
    });
    expect(badPath.status).toBe(422);
    const denied = await api("/git/blobs", { method: "POST", token: reader, body: { content: "x" } });
    expect(denied.status).toBe(403);
  });
});
