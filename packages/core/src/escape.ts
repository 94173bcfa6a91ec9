/**
 * Escaping of untrusted text (test names, failure messages, comment bodies, command output) for
 * GitHub-flavoured markdown, so it cannot ping `@people`, open HTML comments or tags, or break out
 * of code blocks and tables. Redaction runs first: escaping never hides a secret from it.
 */
import { redact, redactAndTruncate } from "./redact.js";

/**
 * Bidirectional override and isolate controls (U+202A–U+202E, U+2066–U+2069) reorder how text is
 * displayed: a test name can read as something else than it is ("Trojan Source"). They are shown
 * as their code point instead, in every renderer.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function neutralizeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

// A zero-width space as an HTML entity after `@` stops GitHub from resolving a mention while the
// rendered text still reads `@name` (the technique Dependabot uses in release notes).
const MENTION_BREAK = "@&#8203;";

/**
 * Escapes text for use inline in markdown: a paragraph, a list item, a table cell, a summary.
 * Newlines are folded to spaces so the text cannot start a new block or table row.
 */
export function escapeMarkdown(text: string): string {
  return neutralizeBidi(redact(text))
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/@(?=[A-Za-z0-9_-])/g, MENTION_BREAK)
    .replace(/^(\s*)([-=]{3,})/, "$1\\$2");
}

/**
 * Redacts, shortens to `max` characters (by code point, an ellipsis when cut), then escapes.
 * Redaction comes before the cut: a cut token is no longer recognisable.
 */
export function escapeMarkdownShort(text: string, max: number): string {
  return escapeMarkdown(redactAndTruncate(text, max));
}

/**
 * Wraps untrusted text in a fenced code block whose fence is longer than any backtick or tilde run
 * inside, so the text can never close the block. Mentions and HTML are inert inside code blocks.
 */
export function codeBlock(text: string, language = ""): string {
  const body = breakComments(neutralizeBidi(redact(text)).replace(/\r\n?/g, "\n"));
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const lang = language.replace(/[^A-Za-z0-9_+-]/g, "");
  return `${fence}${lang}\n${body.endsWith("\n") ? body : `${body}\n`}${fence}`;
}

/** Inline code span that survives any backticks inside the text. */
export function codeSpan(text: string): string {
  const body = breakComments(neutralizeBidi(redact(text)).replace(/\r\n?|\n/g, " "));
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body === "" ? " " : "";
  // A pipe ends a table cell even inside a code span in GFM.
  return `${ticks}${pad}${body.replace(/\|/g, "\\|")}${pad}${ticks}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return neutralizeBidi(redact(text))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Inside code, `<!--` is inert for the renderer but still text in the comment body, where a
 * marker search would find it: a test named `<!-- codexrel:progress -->` must not make our report
 * comment look like the progress comment. A zero-width space keeps it readable and unmatchable.
 */
function breakComments(text: string): string {
  return text.replace(/<!--/g, "<!\u200b--");
}
