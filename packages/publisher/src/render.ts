/**
 * The bundle's index: `index.md` (links every file; renders on GitHub and in any markdown viewer)
 * and `index.html`, a self-contained gallery (inline CSS, no scripts, no network; screenshots
 * inlined as data URIs, videos played from the files beside it, the assertions table). Every
 * string from the bundle is escaped (core's escapeMarkdown / escapeHtml, which also redact).
 */
import { readFile } from "node:fs/promises";
import type { Assertion, Journey } from "@codexrel/core";
import { codeSpan, escapeHtml, escapeMarkdown, escapeMarkdownShort } from "@codexrel/core";
import { type BundleFile, type BundleProblem, type CujBundle, journeyTotals } from "./bundle.js";

export const INDEX_MD = "index.md";
export const INDEX_HTML = "index.html";

const STATUS_ICON = { pass: "✅", fail: "❌", skip: "⏭️" } as const;
// The gallery is opened offline where no emoji font may be installed: plain text symbols there.
const HTML_STATUS_ICON = { pass: "✔", fail: "✖", skip: "↷" } as const;

/** Encodes a bundle path for a relative link: each segment percent-encoded, parentheses too. */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

function formatMs(ms: number | undefined): string {
  if (ms === undefined) return "";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function valueText(v: unknown): string {
  if (v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function totalsLine(bundle: CujBundle): string {
  const t = journeyTotals(bundle.summary);
  return `Journeys: ${t.journeys.pass} passed, ${t.journeys.fail} failed, ${t.journeys.skip} skipped · Assertions: ${t.assertions.pass} passed, ${t.assertions.fail} failed, ${t.assertions.skip} skipped`;
}

export interface IndexMarkdownOptions {
  /** Maps a bundle path to the link written in the index (default: the encoded relative path). */
  linkFor?: (path: string) => string;
}

/** `index.md`: every journey with its screenshots embedded, video and log linked, and every file listed. */
export function renderIndexMarkdown(bundle: CujBundle, options: IndexMarkdownOptions = {}): string {
  const link = options.linkFor ?? encodePath;
  const s = bundle.summary;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(s.title ?? "CUJ bundle")}\n\n`);
  const meta: string[] = [];
  if (s.target) meta.push(`Target: ${codeSpan(s.target)}`);
  if (s.generatedAt) meta.push(`Generated: ${escapeMarkdown(s.generatedAt)}`);
  if (meta.length > 0) out.push(`${meta.join(" · ")}\n\n`);
  out.push(`${totalsLine(bundle)}\n\n`);
  out.push(`Gallery with video players: [${INDEX_HTML}](${link(INDEX_HTML)})\n\n`);
  for (const j of s.journeys) out.push(journeyMarkdown(j, link));
  if (bundle.problems.length > 0) {
    out.push("## Problems\n\n");
    for (const p of bundle.problems) out.push(`- ${p.severity === "error" ? "❌" : "⚠️"} ${problemMarkdown(p)}\n`);
    out.push("\n");
  }
  out.push("## Files\n\n| File | Kind | Size | Journeys |\n|---|---|---|---|\n");
  for (const f of bundle.files) {
    out.push(
      `| [${escapeMarkdown(f.path)}](${link(f.path)}) | ${f.role}${f.role === "other" || f.role === "summary" ? "" : ` (${f.kind})`} | ${formatBytes(f.size)} | ${f.journeys.map((id) => codeSpan(id)).join(", ")} |\n`,
    );
  }
  return out.join("");
}

function problemMarkdown(p: BundleProblem): string {
  return `${codeSpan(p.code)} ${escapeMarkdownShort(p.message, 300)}`;
}

function journeyMarkdown(j: Journey, link: (path: string) => string): string {
  const out: string[] = [];
  const dur = j.durationMs === undefined ? "" : ` · ${formatMs(j.durationMs)}`;
  out.push(`## ${STATUS_ICON[j.status]} ${escapeMarkdown(j.title)} (${codeSpan(j.id)}) — ${j.status}${dur}\n\n`);
  for (const shot of j.screenshots) out.push(`![${escapeMarkdown(shot)}](${link(shot)})\n`);
  if (j.screenshots.length > 0) out.push("\n");
  const links: string[] = [];
  if (j.video) links.push(`▶️ Video: [${escapeMarkdown(j.video)}](${link(j.video)})`);
  if (j.log) links.push(`📄 Assertion log: [${escapeMarkdown(j.log)}](${link(j.log)})`);
  if (links.length > 0) out.push(`${links.join(" · ")}\n\n`);
  if (j.assertions.length > 0) {
    out.push("| Assertion | Status | Expected | Actual | Message |\n|---|---|---|---|---|\n");
    for (const a of j.assertions) out.push(assertionRowMarkdown(a));
    out.push("\n");
  }
  return out.join("");
}

function assertionRowMarkdown(a: Assertion): string {
  const cell = (v: unknown) => (v === undefined ? "" : codeSpan(valueText(v).slice(0, 200)));
  return `| ${escapeMarkdownShort(a.description || a.id, 200)} | ${STATUS_ICON[a.status]} ${a.status} | ${cell(a.expected)} | ${cell(a.actual)} | ${a.message ? escapeMarkdownShort(a.message, 200) : ""} |\n`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--ok:#3fb950;--bad:#f85149;--warn:#d29922}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:rgba(127,127,127,.12);padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-word;max-height:24rem}
.shots{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;max-width:100%}figure img{max-width:min(100%,520px);height:auto;border:1px solid var(--line)}
figcaption,.muted{color:var(--muted);font-size:.9em}video{max-width:min(100%,640px);border:1px solid var(--line);background:#000}
.st-pass{color:var(--ok)}.st-fail{color:var(--bad)}.st-skip,.st-warning{color:var(--warn)}.st-error{color:var(--bad)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
`;

export interface GalleryOptions {
  /** Inline screenshots as data URIs up to this size each (default 5 MiB); larger ones are linked relative. */
  inlineImageMaxBytes?: number;
  /** Inline videos as data URIs up to this size each (default 0: played from the file beside the gallery). */
  inlineVideoMaxBytes?: number;
  /** Inline assertion logs that are text up to this size (default 64 KiB). */
  inlineLogMaxBytes?: number;
}

/** `index.html`: a gallery that needs nothing but the files beside it (no scripts, no network). */
export async function renderGallery(bundle: CujBundle, options: GalleryOptions = {}): Promise<string> {
  const imageMax = options.inlineImageMaxBytes ?? 5 * 1024 * 1024;
  const videoMax = options.inlineVideoMaxBytes ?? 0;
  const logMax = options.inlineLogMaxBytes ?? 64 * 1024;
  const byPath = new Map(bundle.files.map((f) => [f.path, f]));
  const s = bundle.summary;
  const title = s.title ?? "CUJ bundle";

  const src = async (path: string, max: number): Promise<string> => {
    const f = byPath.get(path);
    if (f?.mime && f.size <= max) {
      const data = await readFile(f.absPath);
      return `data:${f.mime};base64,${data.toString("base64")}`;
    }
    return encodePath(path);
  };

  const parts: string[] = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self' data:">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  const meta: string[] = [];
  if (s.target) meta.push(`Target: <code>${escapeHtml(s.target)}</code>`);
  if (s.generatedAt) meta.push(`Generated: ${escapeHtml(s.generatedAt)}`);
  if (meta.length > 0) parts.push(`<p class="muted">${meta.join(" · ")}</p>`);
  parts.push(`<p>${escapeHtml(totalsLine(bundle))}</p>`);

  for (const j of s.journeys) {
    parts.push(
      `<section id="journey-${escapeHtml(j.id)}"><h2><span class="st-${j.status}">${HTML_STATUS_ICON[j.status]} ${escapeHtml(j.status)}</span> ${escapeHtml(j.title)} <code>${escapeHtml(j.id)}</code>${j.durationMs === undefined ? "" : ` <span class="muted">${escapeHtml(formatMs(j.durationMs))}</span>`}</h2>`,
    );
    if (j.assertions.length > 0) {
      parts.push(
        `<table class="assertions"><thead><tr><th>Assertion</th><th>Status</th><th>Kind</th><th>Expected</th><th>Actual</th><th>Message</th></tr></thead><tbody>`,
      );
      for (const a of j.assertions) {
        parts.push(
          `<tr><td>${escapeHtml(a.description || a.id)}<br><code class="muted">${escapeHtml(a.id)}</code>${a.selector ? ` <code class="muted">${escapeHtml(a.selector)}</code>` : ""}</td><td class="st-${a.status}">${HTML_STATUS_ICON[a.status]} ${escapeHtml(a.status)}</td><td>${a.kind ? escapeHtml(a.kind) : ""}</td><td>${a.expected === undefined ? "" : `<code>${escapeHtml(valueText(a.expected))}</code>`}</td><td>${a.actual === undefined ? "" : `<code>${escapeHtml(valueText(a.actual))}</code>`}</td><td>${a.message ? escapeHtml(a.message) : ""}</td></tr>`,
        );
      }
      parts.push("</tbody></table>");
    }
    const shots = j.screenshots.filter((p) => byPath.has(p));
    if (shots.length > 0) {
      parts.push(`<div class="shots">`);
      for (const shot of shots) {
        parts.push(
          `<figure><img src="${attrUrl(await src(shot, imageMax))}" alt="${escapeHtml(`${j.title}: ${shot}`)}"><figcaption><a href="${escapeHtml(encodePath(shot))}">${escapeHtml(shot)}</a></figcaption></figure>`,
        );
      }
      parts.push(`</div>`);
    }
    const video = j.video ? byPath.get(j.video) : undefined;
    if (video?.mime) {
      parts.push(
        `<p><video controls muted playsinline preload="metadata" title="${escapeHtml(video.path)}"><source src="${attrUrl(await src(video.path, videoMax))}" type="${escapeHtml(video.mime)}">Your browser cannot play ${escapeHtml(video.mime)}.</video><br><a href="${escapeHtml(encodePath(video.path))}">${escapeHtml(video.path)}</a> <span class="muted">(${escapeHtml(formatBytes(video.size))})</span></p>`,
      );
    }
    const log = j.log ? byPath.get(j.log) : undefined;
    if (log) {
      const inline = (log.kind === "text" || log.kind === "json") && log.size <= logMax;
      parts.push(
        `<details><summary>Assertion log: <a href="${escapeHtml(encodePath(log.path))}">${escapeHtml(log.path)}</a></summary>${inline ? `<pre>${escapeHtml(await readFile(log.absPath, "utf8"))}</pre>` : ""}</details>`,
      );
    }
    parts.push("</section>");
  }

  if (bundle.problems.length > 0) {
    parts.push(
      `<h2>Problems</h2><ul>${bundle.problems.map((p) => `<li class="st-${p.severity}"><code>${escapeHtml(p.code)}</code> ${escapeHtml(p.message)}</li>`).join("")}</ul>`,
    );
  }
  parts.push(
    `<h2>Files</h2><table><thead><tr><th>File</th><th>Kind</th><th>Size</th></tr></thead><tbody>${bundle.files.map((f) => fileRow(f)).join("")}</tbody></table>`,
    "</body></html>\n",
  );
  return parts.join("\n");
}

/** Data URIs and encoded paths are attribute-safe as they are; anything else is escaped. */
function attrUrl(url: string): string {
  return /^[A-Za-z0-9+/=:;,%._~-]*$/.test(url) ? url : escapeHtml(url);
}

function fileRow(f: BundleFile): string {
  return `<tr><td><a href="${escapeHtml(encodePath(f.path))}">${escapeHtml(f.path)}</a></td><td>${escapeHtml(f.role)} (${escapeHtml(f.kind)})</td><td>${escapeHtml(formatBytes(f.size))}</td></tr>`;
}
