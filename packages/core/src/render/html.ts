/**
 * A self-contained offline HTML report: inline CSS, no scripts, no external assets, so it opens
 * from a downloaded artifact or a file on disk. Every string is HTML-escaped; only http(s) links
 * and relative artifact paths become hrefs.
 */
import { escapeHtml } from "../escape.js";
import type { ClassifiedTest, RunReport, Status } from "../generated/run-report.js";
import { assertValidReport } from "../schemas.js";
import { DEFAULT_IMAGE_HOSTS, safeLink } from "../urls.js";
import { CLASS_LABEL, CLASS_ORDER, formatDuration } from "./format.js";
import { renderIterationsHtml } from "./iterations.js";

// Text symbols present in common system fonts: the page must read right offline, where no emoji
// font may be installed (colour emoji render as empty boxes there).
const STATUS_ICON: Record<Status, string> = { pass: "✔", fail: "✖", warn: "⚠", skip: "↷" };

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--ok:#3fb950;--bad:#f85149;--warn:#d29922}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:rgba(127,127,127,.12);padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-word}
.ready{color:var(--ok)}.not-ready{color:var(--bad)}.muted{color:var(--muted)}
.st-pass{color:var(--ok)}.st-fail{color:var(--bad)}.st-warn{color:var(--warn)}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;vertical-align:baseline;background:var(--muted)}
.c-new{background:var(--bad)}.c-known{background:#d1242f99}.c-flaky{background:var(--warn)}.c-fixed,.c-passed{background:var(--ok)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
`;

export interface HtmlOptions {
  /** Page title; defaults to the report title. */
  title?: string;
  /** Hosts images and media may load from besides the page's own folder (default DEFAULT_IMAGE_HOSTS). */
  imageHosts?: readonly string[];
}

export function renderHtml(input: RunReport, options: HtmlOptions = {}): string {
  const report = assertValidReport(input);
  const d = report.decision;
  const title = options.title ?? report.meta.title ?? "codexrel run report";
  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    // No `https:` wildcard: the browser may fetch only from the report's folder and the allowed hosts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: ${hostSources(options.imageHosts)}; media-src 'self' ${hostSources(options.imageHosts)}">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="${d.ready ? "ready" : "not-ready"}"><strong>${d.ready ? "✔ Ready" : "✖ Not ready"}</strong> — ${escapeHtml(d.nextAction)}</p>`,
    renderMeta(report),
  );
  if (d.blockingReasons.length > 0) {
    parts.push(
      `<h2>Blocking</h2><ul>${d.blockingReasons.map((r) => `<li><code>${escapeHtml(r.code)}</code> ${escapeHtml(r.message)}</li>`).join("")}</ul>`,
    );
  }
  if (d.warnings && d.warnings.length > 0) {
    parts.push(`<h2>Warnings</h2><ul>${d.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`);
  }
  if (d.risks && d.risks.length > 0) {
    parts.push(`<h2>Risks</h2><ul>${d.risks.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`);
  }
  if (d.changelog) parts.push(`<h2>Changelog draft</h2><pre>${escapeHtml(d.changelog)}</pre>`);
  parts.push(
    renderChecks(report),
    renderIterationsHtml(report),
    renderPreflight(report),
    renderRegressions(report),
    renderArtifacts(report),
  );
  const p = report.publication;
  parts.push(
    `<h2>Publication</h2><p><strong>${escapeHtml(p.status)}</strong>${p.code ? ` <code>${escapeHtml(p.code)}</code>` : ""}${p.reason ? ` — ${escapeHtml(p.reason)}` : ""}${p.url ? ` — ${link(p.url, p.url)}` : ""}</p>`,
    p.rerunHint ? `<p>To publish: ${escapeHtml(p.rerunHint)}</p>` : "",
    `<p class="muted">${escapeHtml(report.meta.tool.name)} ${escapeHtml(report.meta.tool.version)} · started ${escapeHtml(report.meta.startedAt)}${report.meta.finishedAt ? ` · finished ${escapeHtml(report.meta.finishedAt)}` : ""}</p>`,
    "</body></html>\n",
  );
  return parts.join("\n");
}

function renderMeta(report: RunReport): string {
  const m = report.meta;
  const rows: [string, string][] = [];
  if (m.repository) rows.push(["Repository", escapeHtml(m.repository)]);
  if (m.thread) rows.push(["Thread", `${m.thread.kind === "pr" ? "PR" : "issue"} #${m.thread.number}`]);
  if (m.ref) rows.push(["Ref", `<code>${escapeHtml(m.ref)}</code>`]);
  rows.push(["SHA", m.sha ? `<code>${escapeHtml(m.sha)}</code>` : "not recorded"]);
  if (m.event) rows.push(["Event", escapeHtml(m.event)]);
  if (m.actor) rows.push(["Actor", escapeHtml(m.actor)]);
  rows.push(["Stage", escapeHtml(m.stage)]);
  if (m.iteration) {
    rows.push([
      "Fix iteration",
      `${m.iteration.n} of ${m.iteration.max}${m.iteration.stopReason ? ` — stopped: ${escapeHtml(m.iteration.stopReason)}` : ""}`,
    ]);
  }
  if (m.runUrl) rows.push(["Run", link(m.runUrl, m.runUrl)]);
  return `<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>`;
}

function renderChecks(report: RunReport): string {
  if (report.commands.length === 0) return "";
  const rows = report.commands.map((c) => {
    const fallback = c.fallback
      ? `<div>fallback <code>${escapeHtml(c.fallback.command)}</code> ${c.fallback.status === "pass" ? "passed" : "failed"} (exit ${c.fallback.exitCode ?? "–"})</div>`
      : "";
    const output =
      c.status === "pass" || c.outputTail.length === 0
        ? ""
        : `<details><summary>output</summary>${c.firstFailingLines.length > 0 ? `<p>First failing lines</p><pre>${escapeHtml(c.firstFailingLines.join("\n"))}</pre>` : ""}<p>Last lines</p><pre>${escapeHtml(c.outputTail.join("\n"))}</pre></details>`;
    return `<tr><td>${escapeHtml(c.name)}</td><td class="st-${c.status}">${STATUS_ICON[c.status]} ${c.status}</td><td>${c.blocking ? "yes" : "no"}</td><td>${c.exitCode ?? (c.signal ? escapeHtml(c.signal) : "–")}</td><td>${formatDuration(c.durationMs)}</td><td><code>${escapeHtml(c.command)}</code>${c.reason ? `<div>${escapeHtml(c.reason)}</div>` : ""}${fallback}${output}</td></tr>`;
  });
  return `<h2>Checks</h2><table><tr><th>Check</th><th>Status</th><th>Blocking</th><th>Exit</th><th>Time</th><th>Details</th></tr>${rows.join("")}</table>`;
}

function renderPreflight(report: RunReport): string {
  if (report.preflight.length === 0) return "";
  const rows = report.preflight.map(
    (p) =>
      `<tr><td>${escapeHtml(p.id)}</td><td class="st-${p.status}">${STATUS_ICON[p.status]} ${p.status}</td><td><code>${escapeHtml(p.code)}</code></td><td>${escapeHtml(p.reason)}</td><td>${p.hint ? escapeHtml(p.hint) : ""}</td></tr>`,
  );
  return `<h2>Preflight</h2><table><tr><th>Check</th><th>Status</th><th>Code</th><th>Reason</th><th>Fix</th></tr>${rows.join("")}</table>`;
}

function renderRegressions(report: RunReport): string {
  const r = report.regressions;
  if (!r) return "";
  const counts = CLASS_ORDER.map((c) => `<td>${dot(c)} ${escapeHtml(c)}<br><strong>${r.counts[c]}</strong></td>`).join(
    "",
  );
  const parts = [
    `<h2>Tests</h2><table><tr>${counts}</tr></table>`,
    `<p>${r.baseline.available ? `Compared with ${escapeHtml(r.baseline.source ?? "the baseline")}.` : `<strong>No baseline:</strong> ${escapeHtml(r.baseline.note ?? "failures cannot be told new from known")}.`} Blocking classes: ${escapeHtml(r.policy.blocking.join(", ") || "none")}.</p>`,
  ];
  for (const cls of CLASS_ORDER) {
    if (cls === "passed") continue;
    const tests = r.tests.filter((t) => t.class === cls);
    if (tests.length === 0) continue;
    parts.push(
      `<details${cls === "new" ? " open" : ""}><summary>${dot(cls)} ${CLASS_LABEL[cls]} (${tests.length})</summary><ul>${tests.map(renderTest).join("")}</ul></details>`,
    );
  }
  return parts.join("");
}

function renderTest(t: ClassifiedTest): string {
  const scope = t.classname ?? t.suite;
  const where = t.file ? ` <code>${escapeHtml(t.file)}${t.line ? `:${t.line}` : ""}</code>` : "";
  const lines = t.firstLines && t.firstLines.length > 0 ? t.firstLines.join("\n") : (t.message ?? "");
  return `<li>${scope ? `${escapeHtml(scope)} › ` : ""}${escapeHtml(t.name)}${where}${t.evidence ? ` <em>(${escapeHtml(t.evidence)})</em>` : ""}${t.knownReason ? ` <em>known: ${escapeHtml(t.knownReason)}</em>` : ""}${lines ? `<pre>${escapeHtml(lines)}</pre>` : ""}</li>`;
}

function renderArtifacts(report: RunReport): string {
  if (report.artifacts.length === 0) return "";
  const rows = report.artifacts.map(
    (a) =>
      `<tr><td>${link(a.url, a.name)}</td><td>${escapeHtml(a.kind)}</td><td>${escapeHtml(a.destination)}</td><td>${a.durable ? "yes" : "no"}</td><td>${a.note ? escapeHtml(a.note) : ""}</td></tr>`,
  );
  return `<h2>Artifacts</h2><table><tr><th>Artifact</th><th>Kind</th><th>Where</th><th>Durable</th><th>Note</th></tr>${rows.join("")}</table>`;
}

/** https links and bundle-relative paths become hrefs (see urls.ts); anything else is shown as text. */
function link(url: string, label: string): string {
  const ok = safeLink(url);
  return ok !== null ? `<a href="${escapeHtml(ok)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

function hostSources(hosts: readonly string[] = DEFAULT_IMAGE_HOSTS): string {
  return hosts
    .filter((h) => /^[A-Za-z0-9.-]+$/.test(h))
    .map((h) => `https://${h}`)
    .join(" ");
}

/** A coloured dot for a regression class (CSS, not emoji, so it renders without an emoji font). */
function dot(cls: string): string {
  return `<span class="dot c-${escapeHtml(cls)}" aria-hidden="true"></span>`;
}
