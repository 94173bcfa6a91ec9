/**
 * A small git object store (blobs, flattened trees, commits, branches) with git's real blob ids.
 * Tests use it behind the GitDataPort directly, and behind the testkit fake GitHub's git data
 * routes (see fake-git-routes.ts), so both see the same semantics.
 */
import { createHash } from "node:crypto";
import type { GitDataPort, TreeEntry } from "@codexrel/publisher";
import { gitBlobSha } from "@codexrel/publisher";

type Obj =
  | { type: "blob"; content: Buffer }
  | { type: "tree"; files: Map<string, string> }
  | { type: "commit"; tree: string; parents: string[]; message: string };

export class GitStore {
  readonly objects = new Map<string, Obj>();
  readonly branches = new Map<string, string>();
  /** Every mutating call, for counting writes. */
  writes: string[] = [];

  private key(repo: string, branch: string) {
    return `${repo.toLowerCase()}#${branch}`;
  }

  blob(content: Buffer): string {
    const sha = gitBlobSha(content);
    this.objects.set(sha, { type: "blob", content });
    return sha;
  }

  treeOf(files: Map<string, string>): string {
    const h = createHash("sha1");
    for (const [p, s] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${p} ${s}\n`);
    const sha = h.digest("hex");
    this.objects.set(sha, { type: "tree", files: new Map(files) });
    return sha;
  }

  get(sha: string): Obj {
    const o = this.objects.get(sha);
    if (!o) throw Object.assign(new Error(`no object ${sha}`), { status: 404 });
    return o;
  }

  files(treeSha: string): Map<string, string> {
    const t = this.get(treeSha);
    if (t.type !== "tree") throw Object.assign(new Error(`${treeSha} is not a tree`), { status: 422 });
    return t.files;
  }

  head(repo: string, branch: string): string | null {
    return this.branches.get(this.key(repo, branch)) ?? null;
  }

  setHead(repo: string, branch: string, sha: string): void {
    this.branches.set(this.key(repo, branch), sha);
  }

  isAncestor(ancestor: string, of: string): boolean {
    const stack = [of];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const s = stack.pop() as string;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      const c = this.get(s);
      if (c.type === "commit") stack.push(...c.parents);
    }
    return false;
  }

  createTree(
    baseTree: string | null,
    entries: ReadonlyArray<{ path: string; sha?: string | null; content?: string }>,
  ): string {
    const files = new Map(baseTree ? this.files(baseTree) : []);
    for (const e of entries) {
      if (e.content !== undefined) files.set(e.path, this.blob(Buffer.from(e.content, "utf8")));
      else if (e.sha === null) {
        if (!files.delete(e.path)) throw Object.assign(new Error(`cannot delete missing ${e.path}`), { status: 422 });
      } else if (e.sha) {
        if (this.get(e.sha).type !== "blob") throw Object.assign(new Error("not a blob"), { status: 422 });
        files.set(e.path, e.sha);
      }
    }
    this.writes.push("tree");
    return this.treeOf(files);
  }

  createCommit(c: { message: string; tree: string; parents: string[] }): string {
    this.files(c.tree);
    for (const p of c.parents) this.get(p);
    const sha = createHash("sha1")
      .update(JSON.stringify([c.tree, c.parents, c.message, this.objects.size]))
      .digest("hex");
    this.objects.set(sha, { type: "commit", ...c });
    this.writes.push("commit");
    return sha;
  }

  listTree(treeSha: string): TreeEntry[] {
    const files = this.files(treeSha);
    const dirs = new Set<string>();
    for (const p of files.keys()) {
      const parts = p.split("/");
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    }
    return [
      ...[...dirs].map((d) => ({ path: d, type: "tree" as const, sha: createHash("sha1").update(d).digest("hex") })),
      ...[...files].map(([path, sha]) => ({ path, type: "blob" as const, sha })),
    ].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Newest commit reachable by first parents whose tree differs from its parent's under `path`. */
  lastCommitTouching(repo: string, branch: string, path: string): string | null {
    const under = (files: Map<string, string>) =>
      JSON.stringify([...files].filter(([p]) => p === path || p.startsWith(`${path}/`)).sort());
    let sha = this.head(repo, branch);
    while (sha) {
      const c = this.get(sha);
      if (c.type !== "commit") return null;
      const mine = under(this.files(c.tree));
      const parent = c.parents[0];
      const theirs = parent ? under(this.files((this.get(parent) as { tree: string }).tree)) : "[]";
      if (mine !== theirs) return sha;
      sha = parent ?? null;
    }
    return null;
  }
}

/** The store behind the GitDataPort, with a hook to move the branch between reads and writes. */
export function memoryGitPort(store: GitStore, hooks: { beforeUpdate?: () => void } = {}): GitDataPort {
  return {
    async branchHead(repo, branch) {
      return store.head(repo, branch);
    },
    async commitTree(_repo, sha) {
      const c = store.get(sha);
      if (c.type !== "commit") throw new Error("not a commit");
      return c.tree;
    },
    async listTree(_repo, sha) {
      return { entries: store.listTree(sha), truncated: false };
    },
    async readBlob(_repo, sha) {
      const b = store.get(sha);
      if (b.type !== "blob") throw new Error("not a blob");
      return b.content;
    },
    async createBlob(_repo, content) {
      store.writes.push("blob");
      return store.blob(content);
    },
    async createTree(_repo, base, entries) {
      return store.createTree(base, entries);
    },
    async createCommit(_repo, c) {
      return store.createCommit(c);
    },
    async createBranch(repo, branch, sha) {
      hooks.beforeUpdate?.();
      store.writes.push("ref");
      if (store.head(repo, branch)) return "conflict";
      store.setHead(repo, branch, sha);
      return "ok";
    },
    async updateBranch(repo, branch, sha) {
      hooks.beforeUpdate?.();
      store.writes.push("ref");
      const head = store.head(repo, branch);
      if (!head || !store.isAncestor(head, sha)) return "conflict";
      store.setHead(repo, branch, sha);
      return "ok";
    },
  };
}
