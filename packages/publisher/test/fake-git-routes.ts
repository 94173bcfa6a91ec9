/**
 * Git data routes (refs, commits, trees, blobs, the commits listing by path) added to the
 * testkit's fake GitHub with `fake.route(...)`, backed by the GitStore. Requests are still
 * validated against GitHub's OpenAPI description by the fake, and every response here is checked
 * against the operation's response schema, so these handlers answer in GitHub's shapes. Access
 * follows GitHub's rules through the testkit's canRead/canWrite (contents permission for writes).
 */
import {
  canRead,
  canWrite,
  deny,
  errorBody,
  type FakeGitHub,
  type FakeRepo,
  notFound,
  type RestContext,
  type RestResult,
} from "@codexrel/testkit/github";
import { GitStore } from "./git-store.js";

const WHEN = "2025-01-01T00:00:00Z";

function repoOf(ctx: RestContext): FakeRepo | RestResult {
  const repo = ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) return notFound();
  const denied = canRead(ctx.state, ctx.auth, repo);
  return denied ? deny(denied) : repo;
}

function writable(ctx: RestContext): FakeRepo | RestResult {
  const repo = repoOf(ctx);
  if ("status" in repo) return repo;
  const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: ["contents"], role: "write" });
  return denied ? deny(denied) : repo;
}

const isResult = (v: unknown): v is RestResult => typeof v === "object" && v !== null && "status" in v;

function fail(status: number, message: string): RestResult {
  return { status, body: errorBody(message, status) };
}

export function installGitRoutes(fake: FakeGitHub, store: GitStore = new GitStore()): GitStore {
  const api = (ctx: RestContext) => `${ctx.apiUrl}/repos/${ctx.params.owner}/${ctx.params.repo}`;
  const web = (ctx: RestContext) => `https://github.com/${ctx.params.owner}/${ctx.params.repo}`;
  const full = (ctx: RestContext) => `${ctx.params.owner}/${ctx.params.repo}`;
  const person = { name: "codexrel", email: "codexrel@users.noreply.github.com", date: WHEN };

  const refJson = (ctx: RestContext, branch: string, sha: string) => ({
    ref: `refs/heads/${branch}`,
    node_id: `REF_${Buffer.from(branch).toString("base64")}`,
    url: `${api(ctx)}/git/refs/heads/${branch}`,
    object: { type: "commit", sha, url: `${api(ctx)}/git/commits/${sha}` },
  });

  const commitJson = (ctx: RestContext, sha: string) => {
    const c = store.get(sha);
    if (c.type !== "commit") return undefined;
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${api(ctx)}/git/commits/${sha}`,
      html_url: `${web(ctx)}/commit/${sha}`,
      author: person,
      committer: person,
      message: c.message,
      tree: { sha: c.tree, url: `${api(ctx)}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${api(ctx)}/git/commits/${p}`,
        html_url: `${web(ctx)}/commit/${p}`,
      })),
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    };
  };

  const branchOf = (ref: string | undefined) => (ref ?? "").replace(/^heads\//, "");

  fake.route("GET /repos/{owner}/{repo}/git/ref/{ref}", (ctx) => {
    const repo = repoOf(ctx);
    if (isResult(repo)) return repo;
    const branch = branchOf(ctx.params.ref);
    const head = store.head(full(ctx), branch);
    return head ? { status: 200, body: refJson(ctx, branch, head) } : notFound();
  });

  fake.route("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", (ctx) => {
    const repo = repoOf(ctx);
    if (isResult(repo)) return repo;
    const body = store.objects.has(ctx.params.commit_sha ?? "") ? commitJson(ctx, ctx.params.commit_sha!) : undefined;
    return body ? { status: 200, body } : notFound();
  });

  fake.route("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", (ctx) => {
    const repo = repoOf(ctx);
    if (isResult(repo)) return repo;
    const sha = ctx.params.tree_sha ?? "";
    const o = store.objects.get(sha);
    if (o?.type !== "tree") return notFound();
    const entries = store.listTree(sha).map((e) => ({
      path: e.path,
      mode: e.type === "tree" ? "040000" : "100644",
      type: e.type,
      sha: e.sha,
      ...(e.type === "blob"
        ? { size: (store.get(e.sha) as { content: Buffer }).content.length, url: `${api(ctx)}/git/blobs/${e.sha}` }
        : { url: `${api(ctx)}/git/trees/${e.sha}` }),
    }));
    return { status: 200, body: { sha, url: `${api(ctx)}/git/trees/${sha}`, tree: entries, truncated: false } };
  });

  fake.route("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", (ctx) => {
    const repo = repoOf(ctx);
    if (isResult(repo)) return repo;
    const sha = ctx.params.file_sha ?? "";
    const o = store.objects.get(sha);
    if (o?.type !== "blob") return notFound();
    return {
      status: 200,
      body: {
        content: o.content.toString("base64"),
        encoding: "base64",
        url: `${api(ctx)}/git/blobs/${sha}`,
        sha,
        size: o.content.length,
        node_id: `B_${sha.slice(0, 12)}`,
      },
    };
  });

  fake.route("POST /repos/{owner}/{repo}/git/blobs", (ctx) => {
    const repo = writable(ctx);
    if (isResult(repo)) return repo;
    const b = ctx.body as { content: string; encoding?: string };
    store.writes.push("blob");
    const sha = store.blob(Buffer.from(b.content, b.encoding === "base64" ? "base64" : "utf8"));
    return { status: 201, body: { url: `${api(ctx)}/git/blobs/${sha}`, sha } };
  });

  fake.route("POST /repos/{owner}/{repo}/git/trees", (ctx) => {
    const repo = writable(ctx);
    if (isResult(repo)) return repo;
    const b = ctx.body as {
      base_tree?: string;
      tree: Array<{ path: string; sha?: string | null; content?: string }>;
    };
    let sha: string;
    try {
      sha = store.createTree(b.base_tree ?? null, b.tree);
    } catch (e) {
      return fail((e as { status?: number }).status ?? 422, (e as Error).message);
    }
    const tree = store.listTree(sha).map((e) => ({
      path: e.path,
      mode: e.type === "tree" ? "040000" : "100644",
      type: e.type,
      sha: e.sha,
      url: `${api(ctx)}/git/${e.type}s/${e.sha}`,
    }));
    return { status: 201, body: { sha, url: `${api(ctx)}/git/trees/${sha}`, tree, truncated: false } };
  });

  fake.route("POST /repos/{owner}/{repo}/git/commits", (ctx) => {
    const repo = writable(ctx);
    if (isResult(repo)) return repo;
    const b = ctx.body as { message: string; tree: string; parents?: string[] };
    let sha: string;
    try {
      sha = store.createCommit({ message: b.message, tree: b.tree, parents: b.parents ?? [] });
    } catch (e) {
      return fail(422, (e as Error).message);
    }
    return { status: 201, body: commitJson(ctx, sha) };
  });

  fake.route("POST /repos/{owner}/{repo}/git/refs", (ctx) => {
    const repo = writable(ctx);
    if (isResult(repo)) return repo;
    const b = ctx.body as { ref: string; sha: string };
    const branch = b.ref.replace(/^refs\/heads\//, "");
    store.writes.push("ref");
    if (store.head(full(ctx), branch)) return fail(422, "Reference already exists");
    store.setHead(full(ctx), branch, b.sha);
    return { status: 201, body: refJson(ctx, branch, b.sha) };
  });

  fake.route("PATCH /repos/{owner}/{repo}/git/refs/{ref}", (ctx) => {
    const repo = writable(ctx);
    if (isResult(repo)) return repo;
    const b = ctx.body as { sha: string; force?: boolean };
    const branch = branchOf(ctx.params.ref);
    const head = store.head(full(ctx), branch);
    store.writes.push("ref");
    if (!head) return fail(422, "Reference does not exist");
    if (!b.force && !store.isAncestor(head, b.sha)) return fail(422, "Update is not a fast forward");
    store.setHead(full(ctx), branch, b.sha);
    return { status: 200, body: refJson(ctx, branch, b.sha) };
  });

  return store;
}
