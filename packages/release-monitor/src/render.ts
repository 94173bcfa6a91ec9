/**
 * Text for terminals and markdown for job summaries. Upstream-derived text (tags, titles,
 * summaries) goes through core's escaping in markdown; terminal text is redacted by the edge.
 */
import { codeSpan, escapeMarkdown, escapeMarkdownShort } from "@codexrel/core";
import type { ApplyResult, EntryOutcome } from "./apply.js";
import type { UpstreamStatus } from "./check.js";
import { formatBytes, type PrepareContextResult } from "./context.js";

export function renderCheckText(statuses: readonly UpstreamStatus[]): string {
  return statuses.map((s) => `${s.line}${s.error ? `\n  hint: ${s.error.hint}` : ""}\n`).join("");
}

export function renderContextText(result: PrepareContextResult): string {
  const lines = [renderCheckText(result.statuses).trimEnd()];
  if (result.manifest.entries.length === 0) {
    lines.push("nothing to review: no context written");
  } else {
    for (const e of result.manifest.entries) {
      lines.push(
        `context ${e.dir}/: ${e.stat.files} file(s), ${e.log.totalCommits} commit(s), diff ${formatBytes(e.diff.bytes)}${e.diff.truncated ? ` of ${formatBytes(e.diff.totalBytes)} (cut)` : ""}`,
      );
    }
    lines.push(`agent prompt: ${result.promptPath}`);
    lines.push(`manifest: ${result.manifestPath} (sha256 ${result.manifestSha256})`);
  }
  return `${lines.join("\n")}\n`;
}

function rangeOf(e: Pick<EntryOutcome, "repository" | "fromTag" | "toTag">): string {
  return `${e.repository} ${e.fromTag ?? "(first)"} → ${e.toTag}`;
}

export function renderApplyText(result: ApplyResult, options: { showBodies?: boolean } = {}): string {
  const out: string[] = [];
  if (result.entries.length === 0) out.push("nothing to apply: no upstream had a new release in this context");
  for (const e of result.entries) {
    if (e.status === "placeholder") {
      out.push(`${rangeOf(e)}: NOT REVIEWED (placeholder): ${e.problems.join("; ")}`);
      out.push("  no issue opened; the state stays, so the next run reviews this range again");
      continue;
    }
    out.push(
      `${rangeOf(e)}: ${e.status === "dry-run" ? "dry run" : e.status}, impact ${e.impact}, ${e.findings.length} finding(s)`,
    );
    for (const f of e.findings) {
      const ref = f.issue ? ` #${f.issue.number} ${f.issue.url}` : "";
      out.push(`  ${f.action}${ref}: [${f.severity}] ${f.issueTitle}`);
      if (options.showBodies && f.action === "would-open") {
        out.push(...f.issueBody.split("\n").map((l) => `      ${l}`));
      }
    }
    if (e.error) out.push(`  ${e.error.code}: ${e.error.message}\n  hint: ${e.error.hint}`);
  }
  for (const w of result.warnings) if (!w.includes("no usable release-impact verdict")) out.push(`warning: ${w}`);
  if (result.stateChanged) out.push(`state: ${result.statePath} advanced; commit it`);
  else if (result.status === "dry-run") out.push("dry run: nothing opened, state not written");
  else out.push("state: unchanged");
  return `${out.join("\n")}\n`;
}

export function renderCheckMarkdown(statuses: readonly UpstreamStatus[]): string {
  const rows = statuses.map(
    (s) =>
      `| ${codeSpan(s.name)} | ${s.status} | ${s.lastReviewed ? codeSpan(s.lastReviewed) : "—"} | ${s.latest ? codeSpan(s.latest.tag) : "—"} | ${escapeMarkdownShort(s.error ? `${s.error.code}: ${s.error.message}` : s.line, 300)} |`,
  );
  return ["| upstream | status | last reviewed | newest | note |", "| --- | --- | --- | --- | --- |", ...rows, ""].join(
    "\n",
  );
}

export function renderApplyMarkdown(result: ApplyResult): string {
  const out: string[] = [];
  if (result.entries.length === 0) out.push("Nothing to apply: no upstream had a new release.", "");
  for (const e of result.entries) {
    const head = `#### ${codeSpan(e.repository)} ${e.fromTag ? codeSpan(e.fromTag) : "(first)"} → ${codeSpan(e.toTag)}`;
    out.push(head, "");
    if (e.status === "placeholder") {
      out.push(
        "> [!WARNING]",
        "> **Not reviewed (placeholder).** The agent's release-impact verdict is missing or invalid, so no issue was opened and the state was not advanced; the next run reviews this range again.",
        ">",
        ...e.problems.slice(0, 5).map((p) => `> - ${escapeMarkdownShort(p, 300)}`),
        "",
      );
      continue;
    }
    out.push(
      `**${e.status === "dry-run" ? "Dry run" : e.status === "failed" ? "Failed" : "Reviewed"}** · impact **${e.impact}** · ${e.findings.length} finding(s)`,
      "",
    );
    if (e.summary) out.push(escapeMarkdownShort(e.summary, 1500), "");
    for (const f of e.findings) {
      const ref = f.issue ? `[#${f.issue.number}](${f.issue.url})` : "";
      out.push(`- ${f.action} ${ref} **${f.severity}**: ${escapeMarkdown(f.issueTitle)}`);
    }
    if (e.findings.length > 0) out.push("");
    if (e.error)
      out.push(
        `**${e.error.code}**: ${escapeMarkdownShort(e.error.message, 500)} — ${escapeMarkdownShort(e.error.hint, 300)}`,
        "",
      );
  }
  const other = result.warnings.filter((w) => !w.includes("no usable release-impact verdict"));
  if (other.length > 0) out.push(...other.map((w) => `- ⚠️ ${escapeMarkdownShort(w, 500)}`), "");
  out.push(
    result.stateChanged
      ? `State ${codeSpan(result.statePath)} advanced.`
      : result.status === "dry-run"
        ? "Dry run: nothing opened, state not written."
        : "State unchanged.",
    "",
  );
  return out.join("\n");
}
