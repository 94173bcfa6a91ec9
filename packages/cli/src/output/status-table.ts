/** The short plain-text status table the CLI prints (no colours, so logs stay readable). */
import type { RunReport } from "@codexrel/core";

const LABEL = { pass: "PASS", fail: "FAIL", warn: "WARN", skip: "SKIP" } as const;

export function formatStatusTable(report: RunReport): string {
  const lines: string[] = [];
  const rows = [
    ...report.preflight.map((p) => ({ status: p.status, name: `preflight ${p.id}`, time: "", note: p.reason })),
    ...report.commands.map((c) => ({
      status: c.status,
      name: c.name,
      time: `${(c.durationMs / 1000).toFixed(1)}s`,
      note: c.reason ?? "",
    })),
  ];
  const width = Math.min(40, Math.max(8, ...rows.map((r) => r.name.length)));
  for (const r of rows) {
    const name = r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name.padEnd(width);
    lines.push(`  ${LABEL[r.status]}  ${name}  ${r.time.padStart(6)}  ${r.note}`.trimEnd());
  }
  const reg = report.regressions;
  if (reg) {
    const c = reg.counts;
    lines.push(
      `  tests: new ${c.new} · known ${c.known} · flaky ${c.flaky} · fixed ${c.fixed} · added ${c.added} · removed ${c.removed} · skipped ${c.skipped} · no-baseline ${c["unknown-baseline"]} · passed ${c.passed}`,
    );
  }
  const p = report.publication;
  lines.push(`  publication: ${p.status}${p.code ? ` (${p.code})` : ""}${p.reason ? ` — ${p.reason}` : ""}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The decision block. `headline` replaces the first line where the command's exit code depends on
 * more than the decision (`publish`: a blocked publication exits 1, so it must not say READY).
 */
export function formatDecision(report: RunReport, headline?: string): string {
  const d = report.decision;
  const lines = [headline ?? `Decision: ${d.ready ? "READY" : "NOT READY"} — ${d.nextAction}`];
  const m = report.meta;
  lines.push(
    m.sha
      ? `  commit: ${m.sha.slice(0, 12)}${m.ref ? ` (${m.ref})` : ""}${m.repository ? ` in ${m.repository}` : ""}${m.event ? ` · ${m.event}` : ""}${m.actor ? ` by ${m.actor}` : ""}`
      : "  commit: not recorded (pass --sha, or run in a git checkout)",
  );
  const it = report.meta.iteration;
  if (it) lines.push(`  fix iteration ${it.n} of ${it.max}${it.stopReason ? ` (stopped: ${it.stopReason})` : ""}`);
  for (const r of d.blockingReasons) lines.push(`  blocking: [${r.code}] ${r.message}`);
  for (const w of d.warnings ?? []) lines.push(`  warning: ${w}`);
  for (const r of d.risks ?? []) lines.push(`  risk: ${r}`);
  if (d.changelog) lines.push(`  changelog draft: ${d.changelog.split("\n")[0]} (in the report)`);
  return `${lines.join("\n")}\n`;
}
