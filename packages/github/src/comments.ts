/**
 * The one comment a run keeps up to date, found by its codexrel marker
 * (`<!-- codexrel:<kind>[:<id>] -->`, see @codexrel/core) and by authorship: only comments this
 * token's identity wrote count, so a copied marker in someone else's comment is never edited.
 * Minimized (hidden) comments are skipped; a fresh comment replaces them.
 */
import { buildMarker, hasMarker } from "@codexrel/core";
import { type CommentInfo, type GitHubClient, type Identity, isOwnComment } from "./client.js";
import type { ThreadRef } from "./thread.js";

export interface MarkerRef {
  kind: string;
  id?: string;
}

/** What upserting needs from a client (GitHubClient implements it). */
export interface MarkedCommentPort {
  viewer(): Promise<Pick<Identity, "login">>;
  listComments(ref: ThreadRef): Promise<{ comments: CommentInfo[]; complete: boolean }>;
  createComment(ref: ThreadRef, body: string, options?: { afterId?: number }): Promise<CommentInfo>;
  updateComment(ref: ThreadRef, commentId: number, body: string): Promise<CommentInfo>;
  deleteComment(ref: ThreadRef, commentId: number): Promise<void>;
  /** The redaction the port applies to bodies it writes, so unchanged bodies compare equal. */
  redact?(text: string): string;
  /**
   * Updates through ports with the same scope (one client: one process's identity) run one after
   * another per thread and marker; ports without one are not serialized.
   */
  lockScope?: object;
}

export interface UpsertOptions {
  marker: MarkerRef;
  /** The body; the marker is put on its first line when missing. */
  body: string;
}

export interface UpsertResult {
  action: "created" | "updated" | "unchanged";
  comment: CommentInfo;
  /** Ids of duplicate marked comments (from a race or an old bug) deleted into the oldest one. */
  removedDuplicates: number[];
}

/** The body with the marker on its first line (unchanged when it already carries the marker). */
export function withMarker(body: string, marker: MarkerRef): string {
  if (hasMarker(body, marker.kind, marker.id)) return body;
  return `${buildMarker(marker.kind, marker.id)}\n${body}`;
}

/** This identity's visible comments with the marker, oldest first. */
export function ownMarkedComments(
  comments: readonly CommentInfo[],
  marker: MarkerRef,
  identity: Pick<Identity, "login">,
): CommentInfo[] {
  return comments
    .filter((c) => !c.minimized && isOwnComment(c, identity) && hasMarker(c.body, marker.kind, marker.id))
    .sort((a, b) => a.id - b.id);
}

/** The newest visible comment with the marker written by this identity. */
export function findMarkedComment(
  comments: readonly CommentInfo[],
  marker: MarkerRef,
  identity: Pick<Identity, "login">,
): CommentInfo | undefined {
  return ownMarkedComments(comments, marker, identity).at(-1);
}

/**
 * Creates the marked comment, updates it when the body changed, or leaves it alone when not.
 * Duplicates (two runs that both created one) are folded into the oldest.
 */
export async function upsertMarkedComment(
  port: MarkedCommentPort,
  ref: ThreadRef,
  options: UpsertOptions,
): Promise<UpsertResult> {
  return modifyMarkedComment(port, ref, { marker: options.marker, render: () => options.body });
}

export interface ModifyOptions {
  marker: MarkerRef;
  /**
   * The new body from the current marked comment (null when there is none yet), read inside the
   * same lock as the write: a read-modify-write (the progress comment merges its embedded state)
   * never loses a concurrent change made through this process. The marker is added when missing.
   */
  render(current: CommentInfo | null): string;
}

/**
 * `upsertMarkedComment` with the body computed from the current comment. Calls for the same
 * thread, marker and client (`lockScope`) run one after another, so two concurrent updates both land.
 * GitHub has no conditional comment update (no If-Match on PATCH): runs in different processes
 * are kept apart by the workflow's per-thread concurrency group, not here.
 */
export async function modifyMarkedComment(
  port: MarkedCommentPort,
  ref: ThreadRef,
  options: ModifyOptions,
): Promise<UpsertResult & { body: string }> {
  const key =
    `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase() + `:${options.marker.kind}:${options.marker.id ?? ""}`;
  return serialized(port.lockScope, key, async () => {
    const identity = await port.viewer();
    const { comments } = await port.listComments(ref);
    const mine = ownMarkedComments(comments, options.marker, identity);
    const marked = withMarker(options.render(mine[0] ?? null), options.marker);
    const body = port.redact ? port.redact(marked) : marked;
    if (mine.length === 0) {
      const afterId = comments.reduce((max, c) => Math.max(max, c.id), 0);
      const created = await port.createComment(ref, body, { afterId });
      // Another run may have created one at the same time: keep the oldest, remove the rest.
      const now = ownMarkedComments((await port.listComments(ref)).comments, options.marker, identity);
      if (now.length <= 1) return { action: "created", comment: created, removedDuplicates: [], body };
      const result = await fold(port, ref, now, body);
      return { ...result, action: result.comment.id === created.id ? "created" : result.action, body };
    }
    return { ...(await fold(port, ref, mine, body)), body };
  });
}

const lockScopes = new WeakMap<object, Map<string, Promise<unknown>>>();

async function serialized<T>(scope: object | undefined, key: string, work: () => Promise<T>): Promise<T> {
  if (!scope) return work();
  let locks = lockScopes.get(scope);
  if (!locks) {
    locks = new Map();
    lockScopes.set(scope, locks);
  }
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  try {
    return await run;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}

/** What reading a thread's marked comment newest-first needs (GitHubClient has it all). */
export type NewestFirstClient = Pick<
  GitHubClient,
  "newestCommentsWithViewer" | "listComments" | "createComment" | "updateComment" | "deleteComment" | "redact"
>;

/**
 * A MarkedCommentPort that reads newest-first: the first listing is the page of the newest 100
 * (fetched with the viewer in one request); the whole thread is read only when the marked comment
 * is not on it. An update of a comment among the newest 100 therefore costs two requests however
 * long the thread is (one read, one PATCH). Later listings (the duplicate check after a create)
 * read the newest page again. The report comment and the progress comment both go through it.
 */
export function newestFirstCommentPort(
  client: NewestFirstClient,
  thread: ThreadRef,
  marker: MarkerRef,
): MarkedCommentPort {
  let first: Awaited<ReturnType<GitHubClient["newestCommentsWithViewer"]>> | null = null;
  return {
    async viewer() {
      first = await client.newestCommentsWithViewer(thread);
      return first.identity;
    },
    async listComments(ref) {
      if (first) {
        const page = first;
        first = null;
        if (page.complete || ownMarkedComments(page.comments, marker, page.identity).length > 0) {
          return { comments: page.comments, complete: page.complete };
        }
        return client.listComments(ref);
      }
      const again = await client.newestCommentsWithViewer(ref);
      return { comments: again.comments, complete: again.complete };
    },
    createComment: (ref, body, options) => client.createComment(ref, body, options),
    updateComment: (ref, id, body) => client.updateComment(ref, id, body),
    deleteComment: (ref, id) => client.deleteComment(ref, id),
    redact: (text) => client.redact(text),
    lockScope: client,
  };
}

/** This identity's newest marked comment on the thread, read newest-first (one request when recent). */
export async function readMarkedComment(
  client: NewestFirstClient,
  ref: ThreadRef,
  marker: MarkerRef,
): Promise<CommentInfo | null> {
  const port = newestFirstCommentPort(client, ref, marker);
  const identity = await port.viewer();
  const { comments } = await port.listComments(ref);
  return ownMarkedComments(comments, marker, identity)[0] ?? null;
}

async function fold(port: MarkedCommentPort, ref: ThreadRef, mine: CommentInfo[], body: string): Promise<UpsertResult> {
  const [keep, ...duplicates] = mine as [CommentInfo, ...CommentInfo[]];
  for (const d of duplicates) await port.deleteComment(ref, d.id);
  const removedDuplicates = duplicates.map((d) => d.id);
  if (normalize(keep.body) === normalize(body)) return { action: "unchanged", comment: keep, removedDuplicates };
  const updated = await port.updateComment(ref, keep.id, body);
  return { action: "updated", comment: updated, removedDuplicates };
}

function normalize(s: string): string {
  return s.replace(/\r\n/g, "\n").trim();
}
