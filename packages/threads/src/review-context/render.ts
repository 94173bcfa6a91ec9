/** The review context as a section of the agent's prompt. */
import { untrustedBlock } from "../text.js";
import type { ReviewContext } from "./gather.js";
import { withoutIgnoredChecks } from "./ignore-checks.js";

export interface RenderContextOptions {
  /** Upper bound on the section's length in characters (default 20,000). */
  maxChars?: number;
  ignoreChecks?: string[];
}

/**
 * The review context as a prompt section. Review comments and check summaries were written by
 * people and tools: each is fenced as untrusted text. Longest sections are cut first to fit.
 */
export function renderReviewContext(context: ReviewContext, options: RenderContextOptions = {}): string {
  const max = options.maxChars ?? 20_000;
  const checks = withoutIgnoredChecks(context.checks, options.ignoreChecks);
  const failing = checks.filter((c) => c.state === "failure");
  const pending = checks.filter((c) => c.state === "pending");
  const head = [
    `## Review context for pull request #${context.pr.number} (head ${context.pr.headSha.slice(0, 12)})`,
    "",
    `Checks: ${checks.length - failing.length - pending.length} passing, ${failing.length} failing, ${pending.length} pending. Review threads: ${context.unresolvedThreads.length} unresolved, ${context.resolvedThreads} resolved.${context.complete ? "" : " (Not everything could be read: page limit.)"}`,
  ];
  const sections: string[] = [];
  if (context.unresolvedThreads.length > 0) {
    const items = context.unresolvedThreads.map((t, i) => {
      const where = t.path ? `${safe(t.path)}${t.line !== null ? ` line ${t.line}` : ""}` : "(no file)";
      const conversation = t.comments
        .map((c) => `@${c.author ?? "ghost"}: ${c.body}`)
        .join("\n\n")
        .concat(t.totalComments > t.comments.length ? `\n\n(${t.totalComments - t.comments.length} more replies)` : "");
      return `${i + 1}. ${where}${t.isOutdated ? " (outdated)" : ""}${t.comments[0]?.url ? ` — ${t.comments[0].url}` : ""}\n\n${untrustedBlock(`review thread ${i + 1}`, conversation)}`;
    });
    sections.push(`### Unresolved review threads (${context.unresolvedThreads.length})\n\n${items.join("\n\n")}`);
  }
  if (failing.length > 0) {
    const items = failing.map(
      (c) =>
        `- ${safe(c.name)}: ${c.raw.toLowerCase()}${c.url ? ` — ${c.url}` : ""}${c.summary ? `\n\n${untrustedBlock(`check ${c.name}`, c.summary.slice(0, 4000))}` : ""}`,
    );
    sections.push(`### Failing checks (${failing.length})\n\n${items.join("\n\n")}`);
  }
  if (pending.length > 0) {
    sections.push(
      `### Pending checks (${pending.length})\n\n${pending.map((c) => `- ${safe(c.name)}: ${c.raw.toLowerCase()}`).join("\n")}`,
    );
  }
  if (sections.length === 0) sections.push("No unresolved review threads and no failing checks.");
  let text = `${head.join("\n")}\n\n${sections.join("\n\n")}\n`;
  if (text.length > max) {
    const note = "\n\n(Review context cut to fit; open the pull request for the rest.)\n";
    // Cut on a line boundary, then close any fence left open by the cut.
    let cutAt = text.lastIndexOf("\n", max - note.length - 40);
    if (cutAt < 0) cutAt = max - note.length - 40;
    text = text.slice(0, cutAt);
    const opened = [...text.matchAll(/<<<untrusted ([0-9a-f]{16})[^\n]*>>>/g)].at(-1);
    if (opened && !text.includes(`<<<end ${opened[1]}>>>`, opened.index)) text += `\n<<<end ${opened[1]}>>>`;
    text += note;
  }
  return text;
}

function safe(text: string): string {
  return text.replace(/[^\p{L}\p{N} ._/@+:()#-]/gu, "?").slice(0, 200);
}
