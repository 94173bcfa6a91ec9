/** The iteration history as a compact table, for the comment/summary markdown and the HTML report. */
import { codeSpan, escapeHtml, escapeMarkdownShort } from "../escape.js";
import type { IterationEntry, RunReport } from "../generated/run-report.js";

function diff(e: IterationEntry): string {
  return e.diffStat ? `${e.diffStat.files} files +${e.diffStat.insertions} −${e.diffStat.deletions}` : "—";
}

function checks(e: IterationEntry): string {
  return `${e.checks.pass}✓ ${e.checks.fail}✗${e.checks.warn ? ` ${e.checks.warn}⚠` : ""}`;
}

function tests(e: IterationEntry): string {
  return e.tests ? `${e.tests.failing} failing / ${e.tests.total}` : "—";
}

function names(ids: string[], max = 3): string[] {
  return ids.length > max ? [...ids.slice(0, max), `… ${ids.length - max} more`] : ids;
}

function budgetLine(report: RunReport): string {
  const h = report.iterations;
  if (!h) return "";
  const by = h.budget.raisedBy ? ` by @${h.budget.raisedBy}` : "";
  const stopped = h.stopped ? `; stopped by @${h.stopped.by}${h.stopped.reason ? `: ${h.stopped.reason}` : ""}` : "";
  return `Budget ${h.budget.max} (${h.budget.source}${by})${stopped}`;
}

export function renderIterationsMarkdown(report: RunReport): string {
  const h = report.iterations;
  if (!h || h.entries.length === 0) return "";
  const rows = h.entries.map((e) => {
    const fixed =
      names(e.fixedInLoop)
        .map((t) => codeSpan(t))
        .join(", ") || "—";
    const newly =
      names(e.newlyFailing)
        .map((t) => codeSpan(t))
        .join(", ") || "—";
    const note = [e.hypothesis ? `hypothesis: ${e.hypothesis}` : "", e.residualRisk ? `risk: ${e.residualRisk}` : ""]
      .filter(Boolean)
      .join("; ");
    const cells = [
      String(e.n),
      e.commit ? codeSpan(e.commit.slice(0, 7)) : "—",
      checks(e),
      tests(e),
      fixed,
      newly,
      diff(e),
      escapeMarkdownShort(note || "—", 160).replace(/\|/g, "\\|"),
      escapeMarkdownShort(e.stopReason ?? "—", 80).replace(/\|/g, "\\|"),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const last = h.entries.at(-1) as IterationEntry;
  const base = last.fixedAgainstBase.length
    ? `\nFixed against base (failed on the base branch, pass now): ${names(last.fixedAgainstBase, 5)
        .map((t) => codeSpan(t))
        .join(", ")}.\n`
    : "";
  return [
    `#### Fix iterations\n\n${escapeMarkdownShort(budgetLine(report), 300)}.\n\n`,
    "| # | commit | checks | tests | fixed in this loop | newly failing | diff | hypothesis / risk | stop |\n",
    "|---|---|---|---|---|---|---|---|---|\n",
    `${rows.join("\n")}\n`,
    base,
    "\n",
  ].join("");
}

export function renderIterationsHtml(report: RunReport): string {
  const h = report.iterations;
  if (!h || h.entries.length === 0) return "";
  const list = (ids: string[]) => (ids.length ? ids.map((t) => `<code>${escapeHtml(t)}</code>`).join(", ") : "—");
  const rows = h.entries.map((e) => {
    const note = [e.hypothesis ? `hypothesis: ${e.hypothesis}` : "", e.residualRisk ? `risk: ${e.residualRisk}` : ""]
      .filter(Boolean)
      .join("; ");
    return `<tr><td>${e.n}</td><td>${e.commit ? `<code>${escapeHtml(e.commit.slice(0, 7))}</code>` : "—"}</td><td>${escapeHtml(checks(e))}</td><td>${escapeHtml(tests(e))}</td><td>${list(e.fixedInLoop)}</td><td>${list(e.newlyFailing)}</td><td>${list(e.fixedAgainstBase)}</td><td>${escapeHtml(diff(e))}</td><td>${escapeHtml(note || "—")}</td><td>${escapeHtml(e.stopReason ?? "—")}</td></tr>`;
  });
  return `<h2>Fix iterations</h2><p>${escapeHtml(budgetLine(report))}</p><table><tr><th>#</th><th>Commit</th><th>Checks</th><th>Tests</th><th>Fixed in this loop</th><th>Newly failing</th><th>Fixed against base</th><th>Diff</th><th>Hypothesis / risk</th><th>Stop</th></tr>${rows.join("")}</table>`;
}
