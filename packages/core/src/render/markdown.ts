/**
 * Markdown renderers: the PR/issue comment (bounded by GitHub's 65,536-character comment limit)
 * and the job summary (bounded by the 1 MiB step-summary limit). Both read only the report, and
 * every untrusted string goes through escapeMarkdown / codeBlock.
 */

import { codeBlock, codeSpan, escapeMarkdown, escapeMarkdownShort } from "../escape.js";
import type { ClassifiedTest, RunReport } from "../generated/run-report.js";
import { buildMarker } from "../markers.js";
import { redactAndTruncate } from "../redact.js";
import { assertValidReport } from "../schemas.js";
import { DEFAULT_IMAGE_HOSTS, safeImage, safeLink } from "../urls.js";
import { Budget, type Measure, measureBytes, measureChars } from "./budget.js";
import { CLASS_ICON, CLASS_LABEL, CLASS_ORDER, capLines, formatDuration, STATUS_ICON } from "./format.js";
import { renderIterationsMarkdown } from "./iterations.js";

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** GitHub refuses step summaries over 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

export interface MarkdownOptions {
  /** Link to the full report (HTML or JSON), shown in the footer and in truncation notices. */
  reportUrl?: string;
  /** Override the size limit (tests, or platforms with smaller limits). */
  limit?: number;
  /** Marker kind and id anchoring the comment (default `report`). */
  marker?: { kind: string; id?: string } | null;
  /** Hosts screenshots may be embedded from (default DEFAULT_IMAGE_HOSTS); others are only linked. */
  imageHosts?: readonly string[];
}

interface Profile {
  limit: number;
  measure: Measure;
  outputLines: number;
  failureLines: number;
  lineWidth: number;
  /** Which classes list their tests. */
  listed: ReadonlySet<string>;
}

const COMMENT_PROFILE: Profile = {
  limit: COMMENT_LIMIT,
  measure: measureChars,
  outputLines: 10,
  failureLines: 8,
  lineWidth: 240,
  listed: new Set(["new", "unknown-baseline", "known", "flaky", "fixed", "removed"]),
};

const SUMMARY_PROFILE: Profile = {
  limit: SUMMARY_LIMIT,
  measure: measureBytes,
  outputLines: 40,
  failureLines: 20,
  lineWidth: 400,
  listed: new Set(["new", "unknown-baseline", "known", "flaky", "fixed", "removed", "added", "skipped"]),
};

export function renderComment(report: RunReport, options: MarkdownOptions = {}): string {
  return render(report, COMMENT_PROFILE, { marker: { kind: "report" }, ...options });
}

export function renderJobSummary(report: RunReport, options: MarkdownOptions = {}): string {
  return render(report, SUMMARY_PROFILE, { marker: null, ...options });
}

function render(input: RunReport, profile: Profile, options: MarkdownOptions): string {
  const report = assertValidReport(input);
  const budget = new Budget(options.limit ?? profile.limit, profile.measure);
  const more = options.reportUrl ? `[the full report](${safeUrl(options.reportUrl)})` : "the full report";
  const footer = renderFooter(report, options);
  budget.reserve(footer);

  const head: string[] = [];
  if (options.marker) head.push(`${buildMarker(options.marker.kind, options.marker.id)}\n`);
  head.push(renderHeader(report));
  for (const block of head) {
    if (!budget.tryPush(block)) return hardCut(budget.toString() + block + footer, budget.limit, profile.measure);
  }

  renderChecks(report, profile, budget, more);
  const iterations = renderIterationsMarkdown(report);
  if (iterations && !budget.tryPush(iterations)) budget.tryPush(notice("the fix-iteration history", more));
  renderPreflight(report, budget, more);
  renderRegressions(report, profile, budget, more);
  renderArtifacts(report, budget, more, options.imageHosts);
  renderPublication(report, budget);

  budget.pushReserved(footer);
  return budget.toString();
}

function renderHeader(report: RunReport): string {
  const d = report.decision;
  const title = report.meta.title ? ` · ${escapeMarkdownShort(report.meta.title, 120)}` : "";
  const lines: string[] = [`### ${d.ready ? "✅ Ready" : "❌ Not ready"}${title}\n`];
  const meta: string[] = [];
  if (report.meta.repository) meta.push(escapeMarkdown(report.meta.repository));
  if (report.meta.thread)
    meta.push(`${report.meta.thread.kind === "pr" ? "PR" : "issue"} #${report.meta.thread.number}`);
  if (report.meta.ref) meta.push(codeSpan(report.meta.ref));
  meta.push(report.meta.sha ? codeSpan(report.meta.sha.slice(0, 12)) : "commit not recorded");
  if (report.meta.event) meta.push(`event: ${escapeMarkdownShort(report.meta.event, 60)}`);
  if (report.meta.actor) meta.push(`by ${escapeMarkdownShort(report.meta.actor, 60)}`);
  meta.push(`stage: ${report.meta.stage}`);
  const it = report.meta.iteration;
  if (it)
    meta.push(
      `fix iteration ${it.n} of ${it.max}${it.stopReason ? ` (stopped: ${escapeMarkdownShort(it.stopReason, 120)})` : ""}`,
    );
  if (report.meta.runUrl) meta.push(`[run](${safeUrl(report.meta.runUrl)})`);
  lines.push(`${meta.join(" · ")}\n\n`);
  lines.push(`**Decision:** ${d.ready ? "ready" : "not ready"}. **Next:** ${escapeMarkdown(d.nextAction)}\n\n`);
  if (d.blockingReasons.length > 0) {
    lines.push("**Blocking:**\n");
    for (const r of d.blockingReasons.slice(0, 20))
      lines.push(`- ${codeSpan(r.code)} ${escapeMarkdownShort(r.message, 300)}\n`);
    if (d.blockingReasons.length > 20) lines.push(`- … and ${d.blockingReasons.length - 20} more\n`);
    lines.push("\n");
  }
  const warnings = d.warnings ?? [];
  if (warnings.length > 0) {
    lines.push("**Warnings:**\n");
    for (const w of warnings.slice(0, 20)) lines.push(`- ${escapeMarkdownShort(w, 300)}\n`);
    if (warnings.length > 20) lines.push(`- … and ${warnings.length - 20} more\n`);
    lines.push("\n");
  }
  if (d.risks && d.risks.length > 0) {
    lines.push("**Risks:**\n");
    for (const r of d.risks.slice(0, 20)) lines.push(`- ${escapeMarkdownShort(r, 300)}\n`);
    lines.push("\n");
  }
  if (d.changelog) {
    const draft = capLines(d.changelog.split("\n"), 40, 200).join("\n");
    lines.push(`<details><summary>Changelog draft</summary>\n\n${codeBlock(draft, "md")}\n\n</details>\n\n`);
  }
  return lines.join("");
}

function notice(what: string, more: string): string {
  return `\n_… ${what} not shown here to stay within GitHub's size limit; see ${more}._\n\n`;
}

function renderChecks(report: RunReport, profile: Profile, budget: Budget, more: string): void {
  if (report.commands.length === 0) return;
  const header = "#### Checks\n\n| Check | Status | Blocking | Exit | Time | Note |\n|---|---|---|---|---|---|\n";
  const cut = notice(`${report.commands.length} checks are`, more);
  if (!budget.reserve(cut)) return;
  if (!budget.tryPush(header)) {
    budget.pushReservedExact(cut, cut);
    return;
  }
  let shown = 0;
  for (const c of report.commands) {
    const exit = c.exitCode === null ? (c.signal ? escapeMarkdown(c.signal) : "–") : String(c.exitCode);
    const note = c.fallback
      ? `fallback ${codeSpan(truncate(c.fallback.command, 80))} ${c.fallback.status === "pass" ? "passed" : "failed"}${c.reason ? `; ${escapeMarkdownShort(c.reason, 120)}` : ""}`
      : c.reason
        ? escapeMarkdownShort(c.reason, 160)
        : "";
    const row = `| ${escapeMarkdownShort(c.name, 80)} | ${STATUS_ICON[c.status]} ${c.status} | ${c.blocking ? "yes" : "no"} | ${exit} | ${formatDuration(c.durationMs)} | ${note} |\n`;
    if (!budget.tryPush(row)) break;
    shown += 1;
  }
  if (shown < report.commands.length) {
    budget.pushReservedExact(cut, notice(`${report.commands.length - shown} checks are`, more));
    return;
  }
  budget.pushReservedExact(cut, "\n");
  const failing = report.commands.filter((c) => c.status === "fail" || c.status === "warn");
  if (failing.length === 0) return;
  const open = "<details><summary>Output of failing checks</summary>\n\n";
  const close = "</details>\n\n";
  if (!budget.reserve(close)) return;
  if (!budget.tryPush(open)) {
    budget.pushReservedExact(close, "");
    return;
  }
  for (const c of failing) {
    const lines = c.firstFailingLines.length > 0 ? c.firstFailingLines : c.outputTail.slice(-profile.outputLines);
    const shownLines = capLines(lines, profile.outputLines, profile.lineWidth);
    const block = `**${escapeMarkdownShort(c.name, 80)}** — ${codeSpan(truncate(c.command, 200))}\n\n${codeBlock(shownLines.join("\n") || "(no output)")}\n\n`;
    if (!budget.tryPush(block)) {
      budget.tryPush("_… more output in the full report._\n\n");
      break;
    }
  }
  budget.pushReserved(close);
}

function renderPreflight(report: RunReport, budget: Budget, more: string): void {
  if (report.preflight.length === 0) return;
  const rows = [
    "#### Preflight\n\n| Check | Status | Code | Reason | Fix |\n|---|---|---|---|---|\n",
    ...report.preflight.map(
      (p) =>
        `| ${escapeMarkdownShort(p.id, 60)} | ${STATUS_ICON[p.status]} ${p.status} | ${codeSpan(p.code)} | ${escapeMarkdownShort(p.reason, 200)} | ${p.hint ? escapeMarkdownShort(p.hint, 200) : ""} |\n`,
    ),
    "\n",
  ];
  pushAllOrNotice(budget, rows, notice("some preflight results are", more));
}

function renderRegressions(report: RunReport, profile: Profile, budget: Budget, more: string): void {
  const r = report.regressions;
  if (!r) return;
  const counts = CLASS_ORDER.filter((c) => r.counts[c] > 0)
    .map((c) => `${CLASS_ICON[c]} ${c} **${r.counts[c]}**`)
    .join(" · ");
  const baseline = r.baseline.available
    ? `Compared with ${r.baseline.source ? codeSpan(r.baseline.source) : "the baseline"}.`
    : `**No baseline:** ${escapeMarkdown(r.baseline.note ?? "failures cannot be told new from known")}.`;
  const policy = `Blocking classes: ${r.policy.blocking.length > 0 ? r.policy.blocking.map((c) => codeSpan(c)).join(", ") : "none"}.`;
  const intro = `#### Tests\n\n${counts || "No tests."}\n\n${baseline} ${policy}\n\n`;
  if (!budget.tryPush(intro)) return;

  const byClass = new Map<string, ClassifiedTest[]>();
  for (const t of r.tests) {
    const list = byClass.get(t.class);
    if (list) list.push(t);
    else byClass.set(t.class, [t]);
  }
  for (const cls of CLASS_ORDER) {
    const tests = byClass.get(cls);
    if (!tests || !profile.listed.has(cls)) continue;
    const open = `<details${cls === "new" ? " open" : ""}><summary>${CLASS_ICON[cls]} ${CLASS_LABEL[cls]} (${tests.length})</summary>\n\n`;
    const close = "\n</details>\n\n";
    const cutNotice = (n: number) =>
      `\n_… ${n} more not shown here to stay within GitHub's size limit; see ${more}._\n`;
    const reserveText = close + cutNotice(tests.length);
    const skipped = notice(`${CLASS_LABEL[cls].toLowerCase()} (${tests.length})`, more);
    if (!budget.reserve(reserveText)) {
      budget.tryPush(skipped);
      continue;
    }
    if (!budget.tryPush(open)) {
      budget.pushReservedExact(reserveText, "");
      budget.tryPush(skipped);
      continue;
    }
    let shown = 0;
    for (const t of tests) {
      if (!budget.tryPush(renderTest(t, profile))) break;
      shown += 1;
    }
    // Release the reservation and write the actual closer (and notice, if cut).
    const tail = shown < tests.length ? cutNotice(tests.length - shown) + close : close;
    budget.pushReservedExact(reserveText, tail);
  }
}

function renderTest(t: ClassifiedTest, profile: Profile): string {
  const where = t.file ? ` — ${codeSpan(`${t.file}${t.line ? `:${t.line}` : ""}`)}` : "";
  const scope = t.classname ?? t.suite;
  const label = scope
    ? `${escapeMarkdownShort(scope, 120)} › ${escapeMarkdownShort(t.name, 200)}`
    : escapeMarkdownShort(t.name, 200);
  const evidence = t.evidence ? ` _(${escapeMarkdownShort(t.evidence, 160)})_` : "";
  const known = t.knownReason ? ` _known: ${escapeMarkdownShort(t.knownReason, 160)}_` : "";
  let out = `- ${label}${where}${evidence}${known}\n`;
  const lines = t.firstLines && t.firstLines.length > 0 ? t.firstLines : t.message ? [t.message] : [];
  if (
    lines.length > 0 &&
    (t.class === "new" || t.class === "unknown-baseline" || t.class === "known" || t.class === "flaky")
  ) {
    const block = codeBlock(capLines(lines, profile.failureLines, profile.lineWidth).join("\n"));
    out += `${block.replace(/^/gm, "  ")}\n`;
  }
  return out;
}

function renderArtifacts(
  report: RunReport,
  budget: Budget,
  more: string,
  imageHosts: readonly string[] = DEFAULT_IMAGE_HOSTS,
): void {
  if (report.artifacts.length === 0) return;
  const rows = [
    "#### Artifacts\n\n| Artifact | Kind | Where | Durable |\n|---|---|---|---|\n",
    ...report.artifacts.map((a) => {
      const link = a.durable
        ? `[${escapeMarkdownShort(a.name, 80)}](${safeUrl(a.url)})`
        : `${escapeMarkdownShort(a.name, 80)} (${codeSpan(a.url)})`;
      return `| ${link} | ${a.kind} | ${a.destination} | ${a.durable ? "yes" : "no"}${a.note ? ` — ${escapeMarkdownShort(a.note, 120)}` : ""} |\n`;
    }),
    "\n",
  ];
  // Images are embedded only from durable https links; videos are linked (GitHub does not play them inline from URLs).
  // Only from the bundle or an allowed host: an embedded image makes every reader's browser fetch it.
  const images = report.artifacts.filter(
    (a) => a.durable && a.kind === "screenshot" && safeImage(a.url, imageHosts) !== null,
  );
  for (const img of images.slice(0, 20)) rows.push(`![${escapeMarkdownShort(img.name, 80)}](${safeUrl(img.url)})\n`);
  if (images.length > 0) rows.push("\n");
  pushAllOrNotice(budget, rows, notice("some artifacts are", more));
}

function renderPublication(report: RunReport, budget: Budget): void {
  const p = report.publication;
  const icon = p.status === "published" ? "✅" : p.status === "blocked" ? "⛔" : p.status === "dry-run" ? "🧪" : "⏭️";
  const parts = [`**Publication:** ${icon} ${p.status}`];
  if (p.code) parts.push(codeSpan(p.code));
  if (p.reason) parts.push(escapeMarkdownShort(p.reason, 300));
  if (p.url) parts.push(`[link](${safeUrl(p.url)})`);
  let text = `${parts.join(" · ")}\n\n`;
  if (p.rerunHint) text += `To publish: ${escapeMarkdownShort(p.rerunHint, 300)}\n\n`;
  budget.tryPush(text);
}

function renderFooter(report: RunReport, options: MarkdownOptions): string {
  const link = options.reportUrl ? ` · [full report](${safeUrl(options.reportUrl)})` : "";
  return `<sub>${escapeMarkdown(report.meta.tool.name)} ${escapeMarkdown(report.meta.tool.version)}${link}</sub>\n`;
}

function pushAllOrNotice(budget: Budget, blocks: string[], cut: string): void {
  if (!budget.reserve(cut)) return;
  for (const b of blocks) {
    if (!budget.tryPush(b)) {
      budget.pushReserved(cut);
      return;
    }
  }
  budget.pushReservedExact(cut, "");
}

/** Only https URLs and bundle-relative paths become links (see urls.ts); anything else points nowhere. */
function safeUrl(url: string): string {
  const ok = safeLink(url);
  // Parentheses would end the markdown link destination early.
  return ok === null ? "#" : ok.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** Redacts, then cuts (never the other way round: a cut token is no longer recognisable). */
function truncate(text: string, max: number): string {
  return redactAndTruncate(text, max);
}

function hardCut(text: string, limit: number, measure: Measure): string {
  if (measure(text) <= limit) return text;
  const tail = "\n\n_… cut to fit the size limit._\n";
  let chars = [...text];
  while (chars.length > 0 && measure(chars.join("") + tail) > limit)
    chars = chars.slice(0, Math.floor(chars.length * 0.9));
  return chars.join("") + tail;
}
