/**
 * Who wrote a comment, compared exactly. GitHub names bots `name[bot]` in REST and `name` in
 * GraphQL; only for an author GitHub reports as a `Bot` may that suffix differ.
 */
import type { CommentInfo, Identity } from "./client-types.js";

/** GitHub shows bots as `name[bot]` in REST and `name` in GraphQL; compare without the suffix. */
export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, "");
  return norm(a) === norm(b);
}

/**
 * A comment written by this identity, compared exactly: the author's login equals the viewer's,
 * where a `[bot]` suffix may differ only for an author GitHub reports as a `Bot` (GraphQL names
 * bots without the suffix). A user named `codexbot` therefore never matches `codexbot[bot]`, and
 * GitHub's own `viewerDidAuthor` must not say otherwise.
 */
export function isOwnComment(c: CommentInfo, identity: Pick<Identity, "login">): boolean {
  return c.viewerDidAuthor !== false && sameAuthor(c.author, c.authorType ?? null, identity.login);
}

/** Exact author identity (see `isOwnComment`): the suffix is only ignored for Bot accounts. */
export function sameAuthor(author: string | null | undefined, authorType: string | null, viewer: string): boolean {
  if (!author || !viewer) return false;
  const a = author.toLowerCase();
  const v = viewer.toLowerCase();
  const viewerIsBot = v.endsWith("[bot]");
  if (authorType === null) return a === v;
  // A Bot author is the viewer whatever suffix either side carries; anyone else must match exactly
  // and cannot be a bot viewer. GitHub's `viewerDidAuthor` (required above) settles what remains.
  if (authorType === "Bot") return a.replace(/\[bot\]$/, "") === v.replace(/\[bot\]$/, "");
  return !viewerIsBot && a === v;
}
