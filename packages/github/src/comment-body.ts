/** What a comment body may be (GitHub's length limit), and when two bodies are the same. */
import { CodexrelError } from "@codexrel/core";

/** Compared across CRLF/LF and surrounding whitespace: a body read back need not be the one sent byte for byte. */
export function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, "\n").trim();
  return norm(a) === norm(b);
}

export const COMMENT_MAX_CHARS = 65_536;

export function assertCommentLength(body: string): void {
  if (body.length > COMMENT_MAX_CHARS) {
    throw new CodexrelError(
      "COMMENT_TOO_LONG",
      `comment body is ${body.length} characters; GitHub takes ${COMMENT_MAX_CHARS}`,
      {
        hint: "Render the comment with a budget (core's renderComment does) or link the full report instead.",
      },
    );
  }
}
