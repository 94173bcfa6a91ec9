import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gitBlobSha, loadBundle, planRetention, publishToBranch } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { GitStore, memoryGitPort } from "./git-store.js";
import { cleanup, copyDemo, demoBundle, tempDir } from "./helpers.js";

const REPO = "octo/app";
let dir: string;
let store: GitStore;
beforeEach(() => {
  dir = tempDir();
  store = new GitStore();
});
afterEach(() => cleanup(dir));

const day = 24 * 60 * 60 * 1000;
const clock = (iso: string) => () => new Date(iso);

function fileAt(commit: string, path: string): Buffer | undefined {
  const c = store.get(commit) as { tree: string };
  const sha = store.files(c.tree).get(path);
  return sha ? (store.get(sha) as { content: Buffer }).content : undefined;
}

describe("git branch destination", () => {
  test("first publish creates the branch; every file is there byte for byte; links are blob/<sha>/<path>?raw=true", async () => {
    const bundle = await loadBundle(demoBundle);
    const pub = await publishToBranch(bundle, { port: memoryGitPort(store), repo: REPO, threadKey: "pr-7" });
    expect(pub.written).toBe(true);
    expect(store.head(REPO, "codexrel-artifacts")).toBe(pub.commit);
    expect(pub.folder).toMatch(/^codexrel\/pr-7\/[0-9a-f]{16}$/);
    for (const f of bundle.files) {
      expect(fileAt(pub.commit, `${pub.folder}/${f.path}`)?.equals(readFileSync(f.absPath)), f.path).toBe(true);
    }
    expect(fileAt(pub.commit, `${pub.folder}/index.html`)?.toString()).toMatch(/^<!doctype html>/);
    const shot = pub.artifacts.find((a) => a.name === "screens/make-slug-1-empty.png");
    expect(shot).toEqual({
      name: "screens/make-slug-1-empty.png",
      kind: "screenshot",
      url: `https://github.com/octo/app/blob/${pub.commit}/${pub.folder}/screens/make-slug-1-empty.png?raw=true`,
      durable: true,
      destination: "branch",
      note: "journey make-slug",
    });
    expect(pub.indexUrl).toBe(`https://github.com/octo/app/blob/${pub.commit}/${pub.folder}/index.md`);
    const index = JSON.parse(fileAt(pub.commit, "codexrel/index.json")?.toString() ?? "");
    expect(index.folders).toEqual([expect.objectContaining({ path: pub.folder, thread: "pr-7" })]);
    // Binary files went up as blobs; text files rode inline in the tree request.
    expect(store.writes.filter((w) => w === "blob")).toHaveLength(5);
    expect(store.writes.filter((w) => w !== "blob")).toEqual(["tree", "commit", "ref"]);
  });

  test("re-publishing the same bundle writes nothing; the links stay valid, pointing into the current head", async () => {
    const bundle = await loadBundle(demoBundle);
    const port = memoryGitPort(store);
    const first = await publishToBranch(bundle, { port, repo: REPO, threadKey: "pr-7" });
    // Another thread publishes meanwhile.
    const other = copyDemo(dir);
    writeFileSync(join(other, "logs/make-slug.log"), "other\n");
    await publishToBranch(await loadBundle(other), { port, repo: REPO, threadKey: "pr-8" });
    store.writes = [];
    const again = await publishToBranch(bundle, { port, repo: REPO, threadKey: "pr-7" });
    expect(store.writes).toEqual([]);
    expect(again.written).toBe(false);
    expect(again.folder).toBe(first.folder);
    expect(again.commit).toBe(store.head(REPO, "codexrel-artifacts"));
    expect(
      fileAt(again.commit, `${again.folder}/summary.json`)?.equals(
        fileAt(first.commit, `${first.folder}/summary.json`) as Buffer,
      ),
    ).toBe(true);
    // With no other activity, the links are identical (so the comment is unchanged).
    const still = await publishToBranch(bundle, { port, repo: REPO, threadKey: "pr-7" });
    expect(still.artifacts).toEqual(again.artifacts);
  });

  test("a changed bundle gets a new folder; identical files are not uploaded again; old links keep working", async () => {
    const port = memoryGitPort(store);
    const first = await publishToBranch(await loadBundle(demoBundle), { port, repo: REPO, threadKey: "pr-7" });
    const changed = copyDemo(dir);
    writeFileSync(join(changed, "logs/add-numbers.log"), "changed\n");
    store.writes = [];
    const second = await publishToBranch(await loadBundle(changed), { port, repo: REPO, threadKey: "pr-7" });
    expect(second.folder).not.toBe(first.folder);
    expect(store.writes).toEqual(["tree", "commit", "ref"]); // every binary blob already existed
    expect(fileAt(first.commit, `${first.folder}/summary.json`)).toBeDefined();
    expect(fileAt(second.commit, `${first.folder}/summary.json`)).toBeDefined(); // within retention
  });

  test("retention: keepPerThread prunes the oldest folders of that thread in the same commit; history keeps old links", async () => {
    const port = memoryGitPort(store);
    const commits: { folder: string; commit: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const b = copyDemo(join(dir, String(i)));
      writeFileSync(join(b, "logs/add-numbers.log"), `run ${i}\n`);
      const pub = await publishToBranch(await loadBundle(b), {
        port,
        repo: REPO,
        threadKey: "pr-7",
        retention: { keepPerThread: 2 },
        now: clock(`2025-01-0${i + 1}T00:00:00Z`),
      });
      commits.push(pub);
      if (i === 2) expect(pub.pruned).toEqual([commits[0]?.folder]);
    }
    const head = store.head(REPO, "codexrel-artifacts") as string;
    expect(fileAt(head, `${commits[0]?.folder}/summary.json`)).toBeUndefined();
    expect(fileAt(head, `${commits[1]?.folder}/summary.json`)).toBeDefined();
    expect(fileAt(commits[0]?.commit as string, `${commits[0]?.folder}/summary.json`)).toBeDefined();
    const index = JSON.parse(fileAt(head, "codexrel/index.json")?.toString() ?? "");
    expect(index.folders.map((f: { path: string }) => f.path)).toEqual([commits[1]?.folder, commits[2]?.folder]);
  });

  test("retention by age, across threads", () => {
    const now = new Date("2025-03-01T00:00:00Z");
    const index = {
      schemaVersion: 1 as const,
      folders: [
        { path: "codexrel/pr-1/a", thread: "pr-1", createdAt: new Date(now.getTime() - 40 * day).toISOString() },
        { path: "codexrel/pr-2/b", thread: "pr-2", createdAt: new Date(now.getTime() - 5 * day).toISOString() },
      ],
    };
    const r = planRetention(index, { path: "codexrel/pr-3/c", thread: "pr-3", createdAt: now.toISOString() }, {}, now);
    expect(r.prune).toEqual(["codexrel/pr-1/a"]);
    expect(r.keep.folders.map((f) => f.path)).toEqual(["codexrel/pr-2/b", "codexrel/pr-3/c"]);
  });

  test("a concurrent publisher moving the branch: the ref update is retried on the new head, both folders survive", async () => {
    const racer = memoryGitPort(store);
    const other = copyDemo(dir);
    writeFileSync(join(other, "logs/make-slug.log"), "racer\n");
    const otherBundle = await loadBundle(other);
    await publishToBranch(await loadBundle(demoBundle), { port: racer, repo: REPO, threadKey: "pr-1" });
    // Interleave: read head, then the racer commits, then our update must not fast-forward.
    const head = store.head(REPO, "codexrel-artifacts") as string;
    let moved = false;
    const interleaved = memoryGitPort(store, {
      beforeUpdate: () => {
        if (moved) return;
        moved = true;
        const tree = store.createTree((store.get(head) as { tree: string }).tree, [
          { path: "codexrel/pr-9/x/summary.json", content: "{}" },
        ]);
        store.setHead(REPO, "codexrel-artifacts", store.createCommit({ message: "racer", tree, parents: [head] }));
      },
    });
    const pub = await publishToBranch(otherBundle, { port: interleaved, repo: REPO, threadKey: "pr-2" });
    expect(pub.written).toBe(true);
    const final = store.head(REPO, "codexrel-artifacts") as string;
    expect(fileAt(final, "codexrel/pr-9/x/summary.json")).toBeDefined();
    expect(fileAt(final, `${pub.folder}/summary.json`)).toBeDefined();
    expect(store.isAncestor(head, final)).toBe(true);
  });

  test("a branch that never stops moving ends in BRANCH_MOVED; bad folder names are usage errors", async () => {
    const bundle = await loadBundle(demoBundle);
    await publishToBranch(bundle, { port: memoryGitPort(store), repo: REPO, threadKey: "pr-1" });
    const restless = memoryGitPort(store, {
      beforeUpdate: () => {
        const head = store.head(REPO, "codexrel-artifacts") as string;
        const tree = store.createTree((store.get(head) as { tree: string }).tree, [
          { path: `noise/${Math.random()}`, content: "x" },
        ]);
        store.setHead(REPO, "codexrel-artifacts", store.createCommit({ message: "noise", tree, parents: [head] }));
      },
    });
    const changed = copyDemo(dir);
    writeFileSync(join(changed, "logs/make-slug.log"), "changed\n");
    await expect(
      publishToBranch(await loadBundle(changed), { port: restless, repo: REPO, threadKey: "pr-1" }),
    ).rejects.toMatchObject({ code: "BRANCH_MOVED" });
    await expect(
      publishToBranch(bundle, { port: memoryGitPort(store), repo: REPO, threadKey: "../x" }),
    ).rejects.toMatchObject({
      code: "USAGE",
    });
  });

  test("gitBlobSha matches git's blob ids", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha(Buffer.from("hello\n"))).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
    expect(gitBlobSha(Buffer.alloc(0))).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  });
});
