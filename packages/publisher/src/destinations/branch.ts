/**
 * The git branch destination: the bundle (plus index.md and index.html) is committed to a branch
 * such as `codexrel-artifacts` through GitHub's git data API (blobs, trees, commits, refs) — no
 * clone, no checkout. Links are `https://github.com/<o>/<r>/blob/<sha>/<path>?raw=true`, which
 * render inline for readers of the repository. Folders are content-addressed, so re-publishing the
 * same bundle writes nothing (its links point into the branch's current head). A retention policy prunes old folders in
 * the same commit (links to earlier commits keep working: history is never rewritten).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Artifact, CodexrelError } from "@codexrel/core";
import { bundleArtifacts } from "../artifacts.js";
import type { CujBundle } from "../bundle.js";
import { PublisherErrorCodes } from "../errors.js";
import { assertArtifactLinks, type LinkPolicy } from "../links.js";
import {
  encodePath,
  type GalleryOptions,
  INDEX_HTML,
  INDEX_MD,
  renderGallery,
  renderIndexMarkdown,
} from "../render.js";
import { REDACTION_MANIFEST } from "./local.js";

export interface TreeEntry {
  path: string;
  type: "blob" | "tree" | "commit";
  sha: string;
}

/** The git data operations the branch destination needs (`gitDataPort(client)` implements it over REST). */
export interface GitDataPort {
  /** The commit the branch points at, or null when the branch does not exist. */
  branchHead(repo: string, branch: string): Promise<string | null>;
  /** The tree of a commit. */
  commitTree(repo: string, commitSha: string): Promise<string>;
  /** Every entry of a tree, recursively. `truncated` when GitHub cut the listing. */
  listTree(repo: string, treeSha: string): Promise<{ entries: TreeEntry[]; truncated: boolean }>;
  readBlob(repo: string, blobSha: string): Promise<Buffer>;
  createBlob(repo: string, content: Buffer): Promise<string>;
  /**
   * A tree from `baseTree` with entries added (`sha` or UTF-8 `content`) or removed (`sha: null`).
   */
  createTree(
    repo: string,
    baseTree: string | null,
    entries: ReadonlyArray<{ path: string; sha: string | null } | { path: string; content: string }>,
  ): Promise<string>;
  createCommit(repo: string, commit: { message: string; tree: string; parents: string[] }): Promise<string>;
  /** Creates the branch; "conflict" when it already exists. */
  createBranch(repo: string, branch: string, sha: string): Promise<"ok" | "conflict">;
  /** Fast-forwards the branch; "conflict" when it moved meanwhile (not a fast-forward). */
  updateBranch(repo: string, branch: string, sha: string): Promise<"ok" | "conflict">;
}

export interface RetentionPolicy {
  /** Folders kept per thread (the newest; default 10). */
  keepPerThread?: number;
  /** Folders older than this are pruned (default 30 days). */
  maxAgeDays?: number;
}

export interface BranchDestinationOptions extends LinkPolicy {
  port: GitDataPort;
  /** owner/name */
  repo: string;
  /** Default `codexrel-artifacts`. */
  branch?: string;
  /** Folder at the branch root for everything codexrel writes (default `codexrel`). */
  root?: string;
  /** Groups folders for retention, e.g. `pr-12` or `issue-7` (default `run`). */
  threadKey?: string;
  retention?: RetentionPolicy;
  /** Web host for links (default https://github.com). */
  serverUrl?: string;
  gallery?: GalleryOptions;
  now?: () => Date;
  /** Attempts when another run moved the branch meanwhile (default 3). */
  attempts?: number;
}

export interface BranchPublication {
  destination: "branch";
  /** The commit the links point into. */
  commit: string;
  /** The bundle's folder on the branch. */
  folder: string;
  artifacts: Artifact[];
  /** index.md rendered by GitHub (images inline): the link to give readers. */
  indexUrl: string;
  galleryUrl: string;
  /** False when the same bundle was already on the branch (nothing written). */
  written: boolean;
  /** Folders removed by the retention policy in this commit. */
  pruned: string[];
}

export interface BranchIndex {
  schemaVersion: 1;
  folders: Array<{ path: string; thread: string; createdAt: string }>;
}

export const DEFAULT_BRANCH = "codexrel-artifacts";
const INDEX_JSON = "index.json";

/** Git's blob id (SHA-1 of `blob <size>\0<content>`), so unchanged files are never uploaded again. */
export function gitBlobSha(content: Buffer): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

function segment(name: string, what: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) {
    throw new CodexrelError("USAGE", `the branch destination's ${what} ${JSON.stringify(name)} is not allowed`, {
      hint: "Use letters, digits, dots, dashes and underscores.",
    });
  }
  return name;
}

interface PlannedFile {
  path: string;
  content: Buffer;
  text: boolean;
}

async function planFiles(bundle: CujBundle, gallery: GalleryOptions | undefined): Promise<PlannedFile[]> {
  const files: PlannedFile[] = [];
  for (const f of bundle.files) {
    files.push({ path: f.path, content: await readFile(f.absPath), text: f.kind === "text" || f.kind === "json" });
  }
  // The copy's redaction manifest (see the local destination) travels with it.
  const redactions = await readFile(join(bundle.dir, REDACTION_MANIFEST)).catch(() => undefined);
  if (redactions) files.push({ path: REDACTION_MANIFEST, content: redactions, text: true });
  files.push({ path: INDEX_MD, content: Buffer.from(renderIndexMarkdown(bundle)), text: true });
  files.push({ path: INDEX_HTML, content: Buffer.from(await renderGallery(bundle, gallery)), text: true });
  return files;
}

function contentHash(files: PlannedFile[]): string {
  const h = createHash("sha256");
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    h.update(f.path).update("\0").update(gitBlobSha(f.content)).update("\n");
  }
  return h.digest("hex").slice(0, 16);
}

function parseIndex(raw: Buffer | null): BranchIndex {
  if (!raw) return { schemaVersion: 1, folders: [] };
  try {
    const v = JSON.parse(raw.toString("utf8")) as BranchIndex;
    if (v && v.schemaVersion === 1 && Array.isArray(v.folders)) return v;
  } catch {
    // A damaged index is rebuilt from scratch; the folders themselves are untouched.
  }
  return { schemaVersion: 1, folders: [] };
}

/** Which folders the retention policy removes once `added` joins the index. */
export function planRetention(
  index: BranchIndex,
  added: { path: string; thread: string; createdAt: string },
  policy: RetentionPolicy = {},
  now: Date = new Date(),
): { keep: BranchIndex; prune: string[] } {
  const keepPerThread = policy.keepPerThread ?? 10;
  const maxAgeMs = (policy.maxAgeDays ?? 30) * 24 * 60 * 60 * 1000;
  const all = [...index.folders.filter((f) => f.path !== added.path), added];
  const prune = new Set<string>();
  for (const f of all) {
    if (f.path !== added.path && now.getTime() - Date.parse(f.createdAt) > maxAgeMs) prune.add(f.path);
  }
  const byThread = new Map<string, typeof all>();
  for (const f of all) byThread.set(f.thread, [...(byThread.get(f.thread) ?? []), f]);
  for (const list of byThread.values()) {
    const newestFirst = [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    for (const f of newestFirst.slice(Math.max(1, keepPerThread))) if (f.path !== added.path) prune.add(f.path);
  }
  return { keep: { schemaVersion: 1, folders: all.filter((f) => !prune.has(f.path)) }, prune: [...prune].sort() };
}

export async function publishToBranch(
  bundle: CujBundle,
  options: BranchDestinationOptions,
): Promise<BranchPublication> {
  const { port, repo } = options;
  const branch = options.branch ?? DEFAULT_BRANCH;
  const root = segment(options.root ?? "codexrel", "root");
  const threadKey = segment(options.threadKey ?? "run", "threadKey");
  const serverUrl = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  const now = options.now ?? (() => new Date());
  const files = await planFiles(bundle, options.gallery);
  const folder = `${root}/${threadKey}/${contentHash(files)}`;
  const indexPath = `${root}/${INDEX_JSON}`;

  const linksAt = (commit: string) => {
    const blobUrl = (path: string, raw: boolean) =>
      `${serverUrl}/${repo}/blob/${commit}/${encodePath(`${folder}/${path}`)}${raw ? "?raw=true" : ""}`;
    // index.md is linked to GitHub's rendered view; everything else to the raw file.
    const artifacts = bundleArtifacts(bundle, (p) => blobUrl(p, p !== INDEX_MD), "branch", true).map((a) =>
      a.name === "CUJ gallery" ? { ...a, note: "HTML with video players: download it beside the files to view" } : a,
    );
    return {
      artifacts: assertArtifactLinks(artifacts, options),
      indexUrl: blobUrl(INDEX_MD, false),
      galleryUrl: blobUrl(INDEX_HTML, true),
    };
  };

  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const head = await port.branchHead(repo, branch);
    let baseTree: string | null = null;
    let entries: TreeEntry[] = [];
    if (head) {
      baseTree = await port.commitTree(repo, head);
      const listing = await port.listTree(repo, baseTree);
      if (listing.truncated) {
        throw new CodexrelError(
          PublisherErrorCodes.BRANCH_TREE_TOO_LARGE,
          `the tree of ${branch} is too large for GitHub to list in one response`,
          { hint: "Lower the retention (publish.retention) or start a fresh artifacts branch." },
        );
      }
      entries = listing.entries;
    }
    const blobs = new Map(entries.filter((e) => e.type === "blob").map((e) => [e.path, e.sha]));

    // The same bundle is already there: no write. Links point into the current head, which holds
    // it (the same links as last time unless the branch moved on meanwhile).
    const same = files.every((f) => blobs.get(`${folder}/${f.path}`) === gitBlobSha(f.content));
    const extra = [...blobs.keys()].some(
      (p) => p.startsWith(`${folder}/`) && !files.some((f) => `${folder}/${f.path}` === p),
    );
    if (head && same && !extra) {
      return { destination: "branch", commit: head, folder, ...linksAt(head), written: false, pruned: [] };
    }

    const known = new Set(blobs.values());
    const treeEntries: Array<{ path: string; sha: string | null } | { path: string; content: string }> = [];
    for (const f of files) {
      const path = `${folder}/${f.path}`;
      const sha = gitBlobSha(f.content);
      if (known.has(sha)) treeEntries.push({ path, sha });
      else if (f.text && isUtf8(f.content)) treeEntries.push({ path, content: f.content.toString("utf8") });
      else treeEntries.push({ path, sha: await port.createBlob(repo, f.content) });
    }
    // Files of an earlier, different upload under the same folder name (should not happen): removed.
    for (const p of blobs.keys()) {
      if (p.startsWith(`${folder}/`) && !files.some((f) => `${folder}/${f.path}` === p))
        treeEntries.push({ path: p, sha: null });
    }

    const indexSha = blobs.get(indexPath);
    const index = parseIndex(indexSha ? await port.readBlob(repo, indexSha) : null);
    const at = now();
    const { keep, prune } = planRetention(
      index,
      { path: folder, thread: threadKey, createdAt: at.toISOString() },
      options.retention,
      at,
    );
    for (const gone of prune) {
      for (const p of blobs.keys()) if (p.startsWith(`${gone}/`)) treeEntries.push({ path: p, sha: null });
    }
    treeEntries.push({ path: indexPath, content: `${JSON.stringify(keep, null, 2)}\n` });

    const tree = await port.createTree(repo, baseTree, treeEntries);
    const commit = await port.createCommit(repo, {
      message: `codexrel: publish ${folder}${prune.length > 0 ? ` (pruned ${prune.length})` : ""}`,
      tree,
      parents: head ? [head] : [],
    });
    const moved = head ? await port.updateBranch(repo, branch, commit) : await port.createBranch(repo, branch, commit);
    if (moved === "ok") {
      return { destination: "branch", commit, folder, ...linksAt(commit), written: true, pruned: prune };
    }
    if (attempt >= attempts) {
      throw new CodexrelError(
        PublisherErrorCodes.BRANCH_MOVED,
        `${branch} kept moving while publishing (${attempts} attempts)`,
        { hint: "Another run is publishing to the same branch; re-run this job." },
      );
    }
  }
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
