/**
 * Names and texts derived from untrusted event content: thread keys, concurrency groups, branch
 * names, PR bodies and prompt sections. Everything here is safe to place in a shell, a git ref, a
 * YAML value or a markdown comment, whatever the title or body held.
 */
import { createHash } from "node:crypto";
import { escapeMarkdownShort, redact, type Thread } from "@codexrel/core";

/** `<owner>/<repo>/<issue|pr>-<n>`: the same key the session store uses for a thread's CODEX_HOME. */
export function threadKey(thread: Thread): string {
  return `${thread.repository}/${thread.kind}-${thread.number}`;
}

/** The concurrency group that serializes every run of one thread (issue and PR are separate threads). */
export function concurrencyGroup(thread: Thread): string {
  return `codexrel-${threadKey(thread)}`;
}

/**
 * ASCII kebab-case of `text`, at most `max` characters, cut at a word boundary when possible.
 * Accents are folded (`Ünïcödé` → `unicode`); everything else outside a-z0-9 separates words.
 */
export function kebabSummary(text: string, max: number): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) {
      if (!out) out = word.slice(0, max);
      break;
    }
    out = next;
  }
  return out;
}

/**
 * `codex/issue-<n>/<kebab-summary>`: ASCII, at most `maxLength` characters, always a valid git ref
 * (no `..`, no leading dot or dash, no `.lock`), `task` when the title has no usable word.
 */
export function branchName(
  number: number,
  title: string,
  options: { prefix?: string; maxLength?: number } = {},
): string {
  const prefix = options.prefix ?? "codex";
  const head = `${prefix}/issue-${number}/`;
  const room = (options.maxLength ?? 60) - head.length;
  return `${head}${kebabSummary(title, Math.max(room, 4)) || "task"}`;
}

/**
 * The issue thread whose saved session a PR thread starts from: a PR on `<prefix>/issue-<n>/…` (the
 * branch the worker made for issue n) continues that issue's conversation, so its first follow-up
 * resumes the plan and implementation instead of failing with no session. Only the branch name is
 * read: call it for same-repository PRs (a fork's branch names are anyone's). null otherwise.
 */
export function sessionFallbackThread(thread: Thread, headRef: string, branchPrefix = "codex"): Thread | null {
  if (thread.kind !== "pr" || !headRef.startsWith(`${branchPrefix}/issue-`)) return null;
  const match = /^issue-([1-9][0-9]{0,9})\//.exec(headRef.slice(branchPrefix.length + 1));
  if (!match) return null;
  return { repository: thread.repository, kind: "issue", number: Number(match[1]) };
}

/** The pull request body for an issue thread: a one-line summary and `Closes #<n>`. */
export function prBody(options: { issueNumber: number; title: string; summary?: string }): string {
  const lines = [`Automated change for #${options.issueNumber}: ${escapeMarkdownShort(options.title, 200)}`];
  if (options.summary?.trim()) lines.push("", escapeMarkdownShort(options.summary.trim(), 2000));
  lines.push("", `Closes #${options.issueNumber}`, "");
  return lines.join("\n");
}

/**
 * Wraps text written by a person in delimiters the text cannot close: the boundary id is derived
 * from the text itself, so a body that contains an `end` line for its own id cannot exist without
 * changing that id. Secrets are redacted; control characters other than tab and newline dropped.
 */
export function untrustedBlock(source: string, text: string): string {
  const clean = redact(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "");
  const id = createHash("sha256").update(source).update("\0").update(clean).digest("hex").slice(0, 16);
  const label = source.replace(/[^A-Za-z0-9 _.#/-]/g, "").slice(0, 80);
  return `<<<untrusted ${id} ${label}>>>\n${clean}${clean.endsWith("\n") || clean === "" ? "" : "\n"}<<<end ${id}>>>`;
}

/** The trimmed lines of markdown outside fenced code blocks (the fence lines left out too). */
export function linesOutsideCode(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const m = /^(`{3,}|~{3,})/.exec(line);
    if (m) {
      const marker = m[1] as string;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence === null) out.push(line);
  }
  return out;
}

/** Lines of a comment that can carry a command: outside fenced code blocks and block quotes. */
export function commandLines(body: string): string[] {
  return linesOutsideCode(body).filter((line) => line !== "" && !line.startsWith(">"));
}

/** Expands `{bot}` and normalizes a command phrase for matching. */
export function commandPhrase(phrase: string, botName: string): string {
  return phrase.replaceAll("{bot}", `@${botName}`).trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * When a command line starts with one of `phrases` (followed by the end of the line, a space or
 * punctuation), returns the rest of that line plus the lines after it as the command's argument.
 */
export function matchCommand(body: string, phrases: readonly string[], botName: string): { args: string } | null {
  const lines = commandLines(body);
  for (const [i, line] of lines.entries()) {
    const norm = line.replace(/\s+/g, " ").toLowerCase();
    for (const p of phrases) {
      const phrase = commandPhrase(p, botName);
      if (!norm.startsWith(phrase)) continue;
      const next = norm.charAt(phrase.length);
      if (next !== "" && !/[\s:,.;!?]/.test(next)) continue;
      const rest = line
        .replace(/\s+/g, " ")
        .slice(phrase.length)
        .replace(/^[\s:,.;!?]+/, "");
      return { args: [rest, ...lines.slice(i + 1)].filter(Boolean).join("\n") };
    }
  }
  return null;
}

/** True when the body mentions `@<botName>` as a whole handle, outside code and quotes. */
export function mentions(body: string, botName: string): boolean {
  const re = new RegExp(`(^|[^A-Za-z0-9_/-])@${escapeRegExp(botName)}(?![A-Za-z0-9_-])`, "i");
  return commandLines(body).some((l) => re.test(l));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
