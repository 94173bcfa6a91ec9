/**
 * One GitHub issue per finding. Everything in a finding came from an agent that read untrusted
 * upstream text, so every field is escaped (core's escapeMarkdown / codeBlock / codeSpan: no
 * mentions, no HTML, no breaking out of code blocks) and redacted. The body carries a fingerprint
 * marker `<!-- codexrel:release-finding:<fingerprint> -->`; the fingerprint is derived from the
 * upstream, the reviewed range's base and the finding id, so re-running the same review finds the
 * issue it opened instead of opening another.
 */
import { createHash } from "node:crypto";
import { buildMarker, codeBlock, codeSpan, escapeMarkdown, type Finding, type ReleaseImpact } from "@codexrel/core";
import type { ContextEntry } from "./context.js";

export const FINDING_MARKER_KIND = "release-finding";
export const ISSUE_BODY_MAX_CHARS = 60_000;
const TITLE_MAX = 256;

/**
 * Stable for re-runs of the same review (same upstream, same base tag, same finding id), and
 * different for a later review (the base tag moves once a review is applied).
 */
export function findingFingerprint(repository: string, fromTag: string | null, findingId: string): string {
  return createHash("sha256")
    .update(`release-finding\u0000${repository.toLowerCase()}\u0000${fromTag ?? ""}\u0000${findingId}`)
    .digest("hex")
    .slice(0, 24);
}

export interface FindingIssue {
  fingerprint: string;
  findingId: string;
  severity: Finding["severity"];
  title: string;
  body: string;
  labels: string[];
}

export function findingIssue(
  entry: Pick<ContextEntry, "repository" | "fromTag" | "toTag" | "compareUrl" | "skipped">,
  impact: ReleaseImpact,
  finding: Finding,
  labels: readonly string[],
): FindingIssue {
  const fingerprint = findingFingerprint(entry.repository, entry.fromTag, finding.id);
  return {
    fingerprint,
    findingId: finding.id,
    severity: finding.severity,
    title: issueTitle(entry.repository, entry.toTag, finding.title),
    body: issueBody(entry, impact, finding, fingerprint),
    labels: [...labels],
  };
}

/** Plain text (titles are not markdown), one line, at most 256 characters. */
export function issueTitle(repository: string, toTag: string, title: string): string {
  const clean = (s: string) =>
    s
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const full = `${clean(repository)} ${clean(toTag)}: ${clean(title)}`;
  const chars = [...full];
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join("")}…` : full;
}

/** Paragraphs kept (blank lines), each escaped as inline markdown; cut at `max` characters. */
function paragraphs(text: string, max = 15_000): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
  return cut
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => escapeMarkdown(p))
    .join("\n\n");
}

export function issueBody(
  entry: Pick<ContextEntry, "repository" | "fromTag" | "toTag" | "compareUrl" | "skipped">,
  impact: ReleaseImpact,
  finding: Finding,
  fingerprint: string,
): string {
  const range = entry.fromTag
    ? `${codeSpan(entry.fromTag)} → ${codeSpan(entry.toTag)}`
    : `up to ${codeSpan(entry.toTag)} (first review)`;
  const head = [
    buildMarker(FINDING_MARKER_KIND, fingerprint),
    `**Upstream:** ${codeSpan(entry.repository)} ${range}${entry.compareUrl ? ` ([compare](${entry.compareUrl}))` : ""}`,
    `**Severity:** ${finding.severity} · **Release impact:** ${impact.impact}`,
    "",
    "### What changed",
    "",
    paragraphs(finding.description),
    "",
    "### Mitigation",
    "",
    paragraphs(finding.mitigation),
    "",
    "### Evidence",
    "",
  ].join("\n");
  const foot = [
    "",
    "---",
    "",
    `<sub>Opened by codexrel release-monitor from the agent's release-impact review. Finding ${codeSpan(finding.id)}, fingerprint ${codeSpan(fingerprint)}: re-runs of this review find this issue instead of opening another.</sub>`,
    "",
    `<details><summary>Review summary</summary>\n\n${paragraphs(impact.summary, 5000)}\n\n</details>`,
    "",
  ].join("\n");
  const items = finding.evidence.map((e) => {
    const where = `${codeSpan(e.file)}${e.line ? ` line ${e.line}` : ""}`;
    return e.excerpt.trim() === "" ? `- ${where}` : `- ${where}\n\n${indent(codeBlock(e.excerpt, "diff"))}\n`;
  });
  let evidence = "";
  let shown = 0;
  for (const item of items) {
    if (head.length + evidence.length + item.length + foot.length + 200 > ISSUE_BODY_MAX_CHARS) break;
    evidence += `${item}\n`;
    shown++;
  }
  if (shown < items.length) {
    evidence += `\n_${items.length - shown} more evidence item(s) left out to fit GitHub's issue size limit._\n`;
  }
  return `${head}${evidence}${foot}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l === "" ? l : `  ${l}`))
    .join("\n");
}
