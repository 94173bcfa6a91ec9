/**
 * Human renderings of a preflight result: plain text for terminals and markdown for job
 * summaries. Reasons may quote GitHub or OpenAI, so they are escaped; hints are ours and keep
 * their `code` spans.
 */
import { codeSpan, escapeMarkdown } from "@codexrel/core";
import type { PreflightResult, Verdict } from "./types.js";

const ICON = { pass: "✅", fail: "❌", warn: "⚠️", skip: "⏭️" } as const;
const TEXT = { pass: "PASS", fail: "FAIL", warn: "WARN", skip: "SKIP" } as const;

function verdictText(v: Verdict): string {
  return v === "yes" ? "yes" : v === "no" ? "no" : "unknown";
}

export function renderPreflightText(result: PreflightResult): string {
  const width = Math.max(...result.checks.map((c) => c.id.length), 5);
  const lines = result.checks.map((c) => {
    const head = `${TEXT[c.status]}  ${c.id.padEnd(width)}  ${c.code}: ${c.reason}`;
    return c.hint && c.status !== "pass" ? `${head}\n${" ".repeat(width + 8)}fix: ${c.hint}` : head;
  });
  lines.push(
    "",
    `publishable: ${verdictText(result.publishable)}`,
    `agent-runnable: ${verdictText(result.agentRunnable)}`,
  );
  return `${lines.join("\n")}\n`;
}

/** Markdown with inline code kept: `a` spans become code spans, the rest is escaped. */
export function hintMarkdown(hint: string): string {
  return hint
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1
        ? codeSpan(part.slice(1, -1))
        : escapeMarkdown(part),
    )
    .join("");
}

export function renderPreflightMarkdown(result: PreflightResult, title = "codexrel preflight"): string {
  const rows = result.checks.map(
    (c) =>
      `| ${escapeMarkdown(c.id)} | ${ICON[c.status]} ${c.status} | ${codeSpan(c.code)} | ${escapeMarkdown(c.reason)} | ${c.hint && c.status !== "pass" ? hintMarkdown(c.hint) : ""} |`,
  );
  return [
    `### ${escapeMarkdown(title)}`,
    "",
    `**Publishable:** ${verdictText(result.publishable)} · **Agent can run:** ${verdictText(result.agentRunnable)}${result.fork ? " · fork pull request" : ""}`,
    "",
    "| Check | Status | Code | Reason | Fix |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
