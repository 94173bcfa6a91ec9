/**
 * The one comment a run keeps up to date, found by its codexrel marker
 * (`<!-- codexrel:<kind>[:<id>] -->`, see @codexrel/core) and by authorship: only comments this
 * token's identity wrote count, so a copied marker in someone else's comment is never edited.
 * Minimized (hidden) comments are skipped; a fresh comment replaces them.
 */
import { buildMarker, hasMarker } from "@codexrel/core";
import { type CommentInfo, type Identity, isOwnComment } from "./client.js";
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
  const marked = withMarker(options.body, options.marker);
  const body = port.redact ? port.redact(marked) : marked;
  const identity = await port.viewer();
  const { comments } = await port.listComments(ref);
  const mine = ownMarkedComments(comments, options.marker, identity);

  if (mine.length === 0) {
    const afterId = comments.reduce((max, c) => Math.max(max, c.id), 0);
    const created = await port.createComment(ref, body, { afterId });
    // Another run may have created one at the same time: keep the oldest, remove the rest.
    const now = ownMarkedComments((await port.listComments(ref)).comments, options.marker, identity);
    if (now.length <= 1) return { action: "created", comment: created, removedDuplicates: [] };
    const result = await fold(port, ref, now, body);
    return { ...result, action: result.comment.id === created.id ? "created" : result.action };
  }
  return fold(port, ref, mine, body);
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
