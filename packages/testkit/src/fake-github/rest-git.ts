/**
 * The git data API (blobs, trees, commits, refs) over a simulated repository's real bare git
 * repository (`FakeRepo.gitDir`, set by the workflow simulation), so a branch written through the
 * API is the branch a later `git fetch` sees. GitHub's rules modelled here:
 * - writes need `contents: write` (permission-table.ts checks it before these handlers);
 * - POST git/refs on an existing ref is 422 "Reference already exists";
 * - PATCH git/refs without `force` that is not a fast forward is 422 "Update is not a fast forward";
 * - an unknown object or ref is 404; a malformed ref name is 422.
 * https://docs.github.com/en/rest/git
 * Without a git repository (a bare fake GitHub), the routes answer 501 as before.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushEvent } from "./events.js";
import { isResult, notFound, type RestContext, type RestHandler, type RestResult, repoOf } from "./rest.js";
import { errorBody, HTML_BASE } from "./rest-objects.js";
import type { FakeRepo } from "./state.js";

const SHA = /^[0-9a-f]{40}$/;
const MODES = new Set(["100644", "100755", "040000", "160000", "120000"]);

interface Git {
  out(args: string[], input?: string | Buffer): string;
  raw(args: string[]): Buffer | null;
  ok(args: string[]): boolean;
}

/** Git in the repository's bare directory, with no user or system config and a fixed identity. */
function gitIn(dir: string, extraEnv: Record<string, string> = {}): Git {
  const env = {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "github-actions[bot]",
    GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
    GIT_COMMITTER_NAME: "GitHub",
    GIT_COMMITTER_EMAIL: "noreply@github.com",
    ...extraEnv,
  };
  const run = (args: string[], input?: string | Buffer) =>
    spawnSync("git", ["--git-dir", dir, ...args], { env, input, maxBuffer: 256 * 1024 * 1024 });
  return {
    out(args, input) {
      const r = run(args, input);
      if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr.toString().trim()}`);
      return r.stdout.toString().trim();
    },
    raw(args) {
      const r = run(args);
      return r.status === 0 ? r.stdout : null;
    },
    ok: (args) => run(args).status === 0,
  };
}

type Handler = (ctx: RestContext, repo: FakeRepo, git: Git) => RestResult;

/** The route's repository and its git directory, or the answer GitHub (or the fake) gives. */
function withGit(handler: Handler): RestHandler {
  return (ctx) => {
    const repo = repoOf(ctx);
    if (isResult(repo)) return repo;
    if (!repo.gitDir)
      return { status: 501, body: errorBody("Not implemented by the fake without a git repository", 501) };
    return handler(ctx, repo, gitIn(repo.gitDir));
  };
}

const invalid = (message: string): RestResult => ({ status: 422, body: errorBody(message, 422) });
const objectType = (git: Git, sha: string) =>
  (SHA.test(sha) && git.raw(["cat-file", "-t", sha])?.toString().trim()) || null;

function refBody(ctx: RestContext, repo: FakeRepo, ref: string, sha: string) {
  const url = `${ctx.apiUrl}/repos/${repo.fullName}/git/${ref}`;
  return {
    ref,
    node_id: `REF_${Buffer.from(`${repo.fullName}:${ref}`).toString("base64url")}`,
    url,
    object: { type: "commit", sha, url: `${ctx.apiUrl}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}

/** `git cat-file commit` as GitHub's `git-commit` object. */
function commitBody(ctx: RestContext, repo: FakeRepo, git: Git, sha: string) {
  const text = git.out(["cat-file", "commit", sha]);
  const [head = "", ...rest] = text.split("\n\n");
  const lines = head.split("\n");
  const field = (name: string) => lines.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
  const person = (value = "") => {
    const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
    return {
      name: m?.[1] ?? "",
      email: m?.[2] ?? "",
      date: new Date(Number(m?.[3] ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
  };
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const html = `${HTML_BASE}/${repo.fullName}`;
  const tree = field("tree")[0] ?? "";
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${api}/git/commits/${sha}`,
    html_url: `${html}/commit/${sha}`,
    author: person(field("author")[0]),
    committer: person(field("committer")[0]),
    message: rest.join("\n\n"),
    tree: { sha: tree, url: `${api}/git/trees/${tree}` },
    parents: field("parent").map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${html}/commit/${p}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

function treeBody(ctx: RestContext, repo: FakeRepo, git: Git, sha: string, recursive: boolean) {
  const listing = git.out(["ls-tree", "-l", ...(recursive ? ["-r", "-t"] : []), "--full-tree", sha]);
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const tree = listing
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [mode = "", type = "", objectSha = "", size = "-"] = meta.split(/\s+/);
      return {
        path,
        mode,
        type,
        sha: objectSha,
        ...(type === "blob" ? { size: Number(size), url: `${api}/git/blobs/${objectSha}` } : {}),
        ...(type === "tree" ? { url: `${api}/git/trees/${objectSha}` } : {}),
      };
    });
  return { sha, url: `${api}/git/trees/${sha}`, truncated: false, tree };
}

const body = (ctx: RestContext) => (ctx.body ?? {}) as Record<string, unknown>;

const getRef: Handler = (ctx, repo) => {
  const ref = ctx.params.ref ?? "";
  const sha = repo.refs.get(`refs/${ref}`);
  return sha ? { status: 200, body: refBody(ctx, repo, `refs/${ref}`, sha) } : notFound();
};

const getCommit: Handler = (ctx, repo, git) => {
  const sha = ctx.params.commit_sha ?? "";
  return objectType(git, sha) === "commit" ? { status: 200, body: commitBody(ctx, repo, git, sha) } : notFound();
};

const getTree: Handler = (ctx, repo, git) => {
  const sha = ctx.params.tree_sha ?? "";
  const kind = objectType(git, sha);
  if (kind !== "tree" && kind !== "commit") return notFound();
  const recursive = (ctx.query.get("recursive") ?? "") !== "" && ctx.query.get("recursive") !== "0";
  return { status: 200, body: treeBody(ctx, repo, git, git.out(["rev-parse", `${sha}^{tree}`]), recursive) };
};

const getBlob: Handler = (ctx, repo, git) => {
  const sha = ctx.params.file_sha ?? "";
  if (objectType(git, sha) !== "blob") return notFound();
  const content = git.raw(["cat-file", "blob", sha]) ?? Buffer.alloc(0);
  return {
    status: 200,
    body: {
      sha,
      node_id: `B_${sha}`,
      size: content.length,
      url: `${ctx.apiUrl}/repos/${repo.fullName}/git/blobs/${sha}`,
      content: content.toString("base64"),
      encoding: "base64",
    },
  };
};

const createBlob: Handler = (ctx, repo, git) => {
  const b = body(ctx);
  if (typeof b["content"] !== "string") return invalid('Invalid request.\n\n"content" wasn\'t supplied.');
  const encoding = b["encoding"] ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "base64") return invalid(`encoding must be utf-8 or base64`);
  const data = Buffer.from(b["content"], encoding === "base64" ? "base64" : "utf8");
  const sha = git.out(["hash-object", "-w", "--stdin"], data);
  return { status: 201, body: { sha, url: `${ctx.apiUrl}/repos/${repo.fullName}/git/blobs/${sha}` } };
};

/** A tree from `base_tree` plus the entries (a path with `sha: null` is removed), via a temporary index. */
const createTree: Handler = (ctx, repo, git) => {
  const b = body(ctx);
  const entries = Array.isArray(b["tree"]) ? (b["tree"] as Record<string, unknown>[]) : null;
  if (!entries) return invalid('Invalid request.\n\n"tree" wasn\'t supplied.');
  const base = typeof b["base_tree"] === "string" ? b["base_tree"] : null;
  if (base && objectType(git, base) !== "tree" && objectType(git, base) !== "commit")
    return invalid("base_tree is not a valid tree oid");
  const scratch = mkdtempSync(join(tmpdir(), "codexrel-fake-git-index-"));
  try {
    const index = gitIn(repo.gitDir as string, { GIT_INDEX_FILE: join(scratch, "index") });
    index.out(base ? ["read-tree", base] : ["read-tree", "--empty"]);
    for (const e of entries) {
      const path = typeof e["path"] === "string" ? e["path"] : "";
      const mode = String(e["mode"] ?? "");
      if (!path || path.startsWith("/") || path.split("/").some((p) => p === "" || p === "." || p === "..")) {
        return invalid(`tree.path contains a malformed path component`);
      }
      if (!MODES.has(mode)) return invalid(`tree.mode must be one of ${[...MODES].join(", ")}`);
      let sha = e["sha"];
      if (sha === null) {
        index.out(["update-index", "--force-remove", "--", path]);
        continue;
      }
      if (typeof e["content"] === "string") sha = git.out(["hash-object", "-w", "--stdin"], e["content"]);
      if (typeof sha !== "string" || !objectType(git, sha))
        return invalid(`tree.sha ${String(sha)} is not a valid blob`);
      index.out(["update-index", "--add", "--cacheinfo", `${mode},${sha},${path}`]);
    }
    const sha = index.out(["write-tree"]);
    return { status: 201, body: treeBody(ctx, repo, git, sha, false) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};

const createCommit: Handler = (ctx, repo, git) => {
  const b = body(ctx);
  const tree = typeof b["tree"] === "string" ? b["tree"] : "";
  if (objectType(git, tree) !== "tree") return invalid("Tree SHA does not exist");
  const parents = Array.isArray(b["parents"]) ? (b["parents"] as unknown[]).map(String) : [];
  for (const p of parents)
    if (objectType(git, p) !== "commit") return invalid("Parent SHA does not exist or is not a commit object");
  if (typeof b["message"] !== "string") return invalid('Invalid request.\n\n"message" wasn\'t supplied.');
  const args = ["commit-tree", tree, ...parents.flatMap((p) => ["-p", p])];
  const sha = git.out(args, b["message"]);
  return { status: 201, body: commitBody(ctx, repo, git, sha) };
};

/** A branch or tag moved by the API: the git ref, the fake's ref table, and GitHub's `push` event. */
function moveRef(ctx: RestContext, repo: FakeRepo, git: Git, ref: string, sha: string): void {
  const oldSha = repo.refs.get(ref) ?? "0".repeat(40);
  git.out(["update-ref", ref, sha]);
  repo.refs.set(ref, sha);
  for (const t of ctx.state.threadsOf(repo.fullName)) {
    if (t.kind === "pr" && t.state === "open" && `refs/heads/${t.headRef}` === ref && t.headRepo === repo.fullName) {
      t.headSha = sha;
    }
  }
  pushEvent(ctx.state, ctx.auth, repo, { ref, oldSha, newSha: sha });
}

const validRef = (git: Git, ref: string) => /^refs\/(heads|tags)\/./.test(ref) && git.ok(["check-ref-format", ref]);

const createRef: Handler = (ctx, repo, git) => {
  const b = body(ctx);
  const ref = typeof b["ref"] === "string" ? b["ref"] : "";
  const sha = typeof b["sha"] === "string" ? b["sha"] : "";
  if (!validRef(git, ref)) return invalid(`${ref} is not a valid ref name.`);
  if (objectType(git, sha) !== "commit") return invalid("Object does not exist");
  if (repo.refs.has(ref)) return invalid("Reference already exists");
  moveRef(ctx, repo, git, ref, sha);
  return { status: 201, body: refBody(ctx, repo, ref, sha) };
};

const updateRef: Handler = (ctx, repo, git) => {
  const ref = `refs/${ctx.params.ref ?? ""}`;
  const b = body(ctx);
  const sha = typeof b["sha"] === "string" ? b["sha"] : "";
  const current = repo.refs.get(ref);
  if (!current) return invalid("Reference does not exist");
  if (objectType(git, sha) !== "commit") return invalid("Object does not exist");
  if (b["force"] !== true && current !== sha && !git.ok(["merge-base", "--is-ancestor", current, sha])) {
    return invalid("Update is not a fast forward");
  }
  moveRef(ctx, repo, git, ref, sha);
  return { status: 200, body: refBody(ctx, repo, ref, sha) };
};

export const GIT_REST: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/git/ref/{ref}": withGit(getRef),
  "GET /repos/{owner}/{repo}/git/commits/{commit_sha}": withGit(getCommit),
  "GET /repos/{owner}/{repo}/git/trees/{tree_sha}": withGit(getTree),
  "GET /repos/{owner}/{repo}/git/blobs/{file_sha}": withGit(getBlob),
  "POST /repos/{owner}/{repo}/git/blobs": withGit(createBlob),
  "POST /repos/{owner}/{repo}/git/trees": withGit(createTree),
  "POST /repos/{owner}/{repo}/git/commits": withGit(createCommit),
  "POST /repos/{owner}/{repo}/git/refs": withGit(createRef),
  "PATCH /repos/{owner}/{repo}/git/refs/{ref}": withGit(updateRef),
};
