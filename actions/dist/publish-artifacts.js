// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  blockedPublication,
  eventThread,
  runPreflight
} from "./chunks/chunk-6XFR3WGV.js";
import {
  createGitHubClient,
  isGitHubError,
  newestFirstCommentPort,
  threadRef,
  tokenFromInput,
  upsertMarkedComment
} from "./chunks/chunk-3GVAX7VE.js";
import {
  CodexrelError,
  actionSecrets,
  bytesContainSecret,
  choice,
  codeSpan,
  commitIdentityFromActionsEnv,
  createReport,
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownShort,
  finalizeReport,
  formatError,
  formatIssue,
  info,
  invalid,
  mode,
  redactDeep,
  redactWithCount,
  renderComment,
  renderJobSummary,
  setFailed,
  setOutput,
  summary,
  text,
  toCodexrelError,
  validateCujSummary,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/publish-artifacts.ts
import { tmpdir } from "node:os";
import { join as join4, resolve as resolve4 } from "node:path";

// ../packages/publisher/src/render.ts
import { readFile as readFile2 } from "node:fs/promises";

// ../packages/publisher/src/bundle.ts
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";

// ../packages/publisher/src/errors.ts
var PublisherErrorCodes = {
  /** The bundle folder does not exist or is not a folder. */
  CUJ_BUNDLE_NOT_FOUND: "CUJ_BUNDLE_NOT_FOUND",
  CUJ_SUMMARY_MISSING: "CUJ_SUMMARY_MISSING",
  CUJ_SUMMARY_NOT_JSON: "CUJ_SUMMARY_NOT_JSON",
  CUJ_SUMMARY_INVALID: "CUJ_SUMMARY_INVALID",
  /** The bundle holds more files or bytes than the limits allow. */
  CUJ_BUNDLE_TOO_LARGE: "CUJ_BUNDLE_TOO_LARGE",
  /** A referenced path (or a symlink) leads outside the bundle folder. */
  CUJ_PATH_OUTSIDE_BUNDLE: "CUJ_PATH_OUTSIDE_BUNDLE",
  CUJ_FILE_MISSING: "CUJ_FILE_MISSING",
  /** A screenshot that is not a png/jpeg/webp image, or a video that is not webm/mp4, by content. */
  CUJ_KIND_MISMATCH: "CUJ_KIND_MISMATCH",
  /** The file name's extension disagrees with its content (a warning: content wins). */
  CUJ_EXTENSION_MISMATCH: "CUJ_EXTENSION_MISMATCH",
  CUJ_NO_SCREENSHOT: "CUJ_NO_SCREENSHOT",
  CUJ_NO_VIDEO: "CUJ_NO_VIDEO",
  CUJ_NO_LOG: "CUJ_NO_LOG",
  /** The output folder is inside the bundle (copying would recurse). */
  CUJ_OUTPUT_INSIDE_BUNDLE: "CUJ_OUTPUT_INSIDE_BUNDLE",
  /** The bundle has problems the policy treats as errors. */
  CUJ_POLICY_FAILED: "CUJ_POLICY_FAILED",
  /** A journey of the bundle failed. */
  CUJ_JOURNEY_FAILED: "CUJ_JOURNEY_FAILED",
  LINK_EMPTY: "LINK_EMPTY",
  LINK_LOCAL_PATH: "LINK_LOCAL_PATH",
  LINK_EPHEMERAL_PATH: "LINK_EPHEMERAL_PATH",
  LINK_SCHEME: "LINK_SCHEME",
  LINK_NOT_DURABLE: "LINK_NOT_DURABLE",
  LINK_REJECTED: "LINK_REJECTED",
  PUBLISH_WRITE_FAILED: "PUBLISH_WRITE_FAILED",
  /** A binary file of the bundle (image, video) holds a known secret: it cannot be redacted, so nothing is published. */
  PUBLISH_SECRET_IN_BINARY: "PUBLISH_SECRET_IN_BINARY",
  /** The artifacts branch's tree is too large for GitHub to list in one response. */
  BRANCH_TREE_TOO_LARGE: "BRANCH_TREE_TOO_LARGE",
  /** Another run kept moving the artifacts branch. */
  BRANCH_MOVED: "BRANCH_MOVED",
  /** The Actions artifact destination was chosen but no artifact URL was handed in. */
  ARTIFACT_URL_MISSING: "ARTIFACT_URL_MISSING",
  /** A comment body about to be posted holds a local or ephemeral path. */
  COMMENT_HAS_LOCAL_PATH: "COMMENT_HAS_LOCAL_PATH"
};

// ../packages/publisher/src/sniff.ts
import { open } from "node:fs/promises";
var IMAGE_KINDS = /* @__PURE__ */ new Set(["png", "jpeg", "webp"]);
var VIDEO_KINDS = /* @__PURE__ */ new Set(["webm", "mp4"]);
var MIME = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  webm: "video/webm",
  mkv: "video/x-matroska",
  mp4: "video/mp4",
  json: "application/json",
  text: "text/plain",
  unknown: null
};
var KIND_EXTENSIONS = {
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  webp: ["webp"],
  gif: ["gif"],
  webm: ["webm"],
  mkv: ["mkv"],
  mp4: ["mp4", "m4v"],
  json: ["json"],
  text: [],
  unknown: []
};
var PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
var STILL_IMAGE_BRANDS = /* @__PURE__ */ new Set(["avif", "avis", "heic", "heix", "heim", "heis", "mif1", "msf1"]);
var QUICKTIME_BRANDS = /* @__PURE__ */ new Set(["qt  "]);
var SNIFF_BYTES = 64;
function sniffBytes(head) {
  const kind = detect(head);
  return { kind, mime: MIME[kind] };
}
async function sniffFile(path) {
  const handle = await open(path, "r");
  try {
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return sniffBytes(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
function startsWith(head, bytes, at = 0) {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}
function ascii(head, from, to) {
  return String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
}
function detect(head) {
  if (startsWith(head, PNG_SIGNATURE)) return "png";
  if (startsWith(head, [255, 216, 255])) return "jpeg";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "gif";
  if (startsWith(head, [26, 69, 223, 163])) return ebmlDocType(head);
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (STILL_IMAGE_BRANDS.has(brand) || QUICKTIME_BRANDS.has(brand)) return "unknown";
    return "mp4";
  }
  return textKind(head);
}
function ebmlDocType(head) {
  for (let i = 4; i + 3 < head.length; i++) {
    if (head[i] !== 66 || head[i + 1] !== 130) continue;
    const sizeByte = head[i + 2] ?? 0;
    if ((sizeByte & 128) === 0) break;
    const len = sizeByte & 127;
    const docType = ascii(head, i + 3, i + 3 + len);
    if (docType === "webm") return "webm";
    if (docType === "matroska") return "mkv";
    break;
  }
  return "unknown";
}
function textKind(head) {
  if (head.length === 0) return "unknown";
  for (const b of head) {
    if (b < 9 || b > 13 && b < 32 || b === 127) return "unknown";
  }
  const first = ascii(head, 0, head.length).replace(/^(?:\u00ef\u00bb\u00bf)?\s*/, "")[0];
  return first === "{" || first === "[" ? "json" : "text";
}

// ../packages/publisher/src/bundle.ts
var POLICY_PRESETS = {
  strict: { screenshots: "error", video: "error", log: "off", extensionMismatch: "warning" },
  lenient: { screenshots: "warning", video: "warning", log: "off", extensionMismatch: "warning" },
  off: { screenshots: "off", video: "off", log: "off", extensionMismatch: "off" }
};
function resolvePolicy(input = "strict") {
  if (typeof input === "string") {
    const preset2 = POLICY_PRESETS[input];
    if (!preset2) {
      throw new CodexrelError("USAGE", `unknown artifact policy ${JSON.stringify(input)}`, {
        hint: "Use strict, lenient or off."
      });
    }
    return { ...preset2 };
  }
  const { preset, ...overrides } = input;
  return { ...POLICY_PRESETS[preset ?? "strict"], ...overrides };
}
var SUMMARY_FILE = "summary.json";
var GENERATED_FILES = /* @__PURE__ */ new Set(["index.md", "index.html", "redactions.json"]);
var DEFAULT_MAX_FILES = 2e3;
var DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
function isInside(root, candidate) {
  const rel = relative(root, candidate);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
async function listFiles(root, problems, limits) {
  const out = /* @__PURE__ */ new Map();
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = toPosix(relative(root, abs));
      if (e.isSymbolicLink()) {
        let target;
        try {
          target = await realpath(abs);
        } catch {
          problems.push({
            code: PublisherErrorCodes.CUJ_FILE_MISSING,
            severity: "error",
            message: `${rel} is a dangling symlink`,
            path: rel
          });
          continue;
        }
        if (!isInside(root, target)) {
          problems.push({
            code: PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE,
            severity: "error",
            message: `${rel} is a symlink that leads outside the bundle; it is not published`,
            path: rel
          });
          continue;
        }
        const s = await stat(target);
        if (s.isFile()) out.set(rel, { abs: target, size: s.size });
      } else if (e.isDirectory()) {
        await walk(abs);
      } else if (e.isFile()) {
        out.set(rel, { abs, size: (await stat(abs)).size });
      }
      if (out.size > limits.maxFiles) {
        throw new CodexrelError(
          PublisherErrorCodes.CUJ_BUNDLE_TOO_LARGE,
          `the bundle has more than ${limits.maxFiles} files`,
          { hint: "Publish fewer files (one short video and a few screenshots per journey), or raise maxFiles." }
        );
      }
    }
  };
  await walk(root);
  return out;
}
async function readSummary(root) {
  const path = join(root, SUMMARY_FILE);
  let text2;
  try {
    text2 = await readFile(path, "utf8");
  } catch (cause) {
    throw new CodexrelError(PublisherErrorCodes.CUJ_SUMMARY_MISSING, `the bundle has no ${SUMMARY_FILE}`, {
      hint: `Write ${SUMMARY_FILE} (the CUJ summary schema) at the root of the bundle folder.`,
      cause
    });
  }
  let value;
  try {
    value = JSON.parse(text2);
  } catch (cause) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_SUMMARY_NOT_JSON,
      `${SUMMARY_FILE} is not valid JSON: ${cause.message}`,
      { hint: `Fix the JSON syntax of ${SUMMARY_FILE}.`, cause }
    );
  }
  const result = validateCujSummary(value);
  if (!result.valid) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_SUMMARY_INVALID,
      `${SUMMARY_FILE} does not match the CUJ summary schema: ${result.errors.length} error(s); first: ${formatIssue(result.errors[0])}`,
      {
        hint: "Fix the fields listed in details.errors; see @codexrel/core/schemas/cuj-summary.schema.json.",
        details: { errors: result.errors }
      }
    );
  }
  return result.value;
}
async function loadBundle(bundleDir, options = {}) {
  const policy = resolvePolicy(options.policy);
  let root;
  try {
    root = await realpath(resolve(bundleDir));
    if (!(await stat(root)).isDirectory()) throw new Error("not a directory");
  } catch (cause) {
    throw new CodexrelError(PublisherErrorCodes.CUJ_BUNDLE_NOT_FOUND, `${bundleDir} is not a bundle folder`, {
      hint: "Pass the folder that holds summary.json, the screenshots and the video.",
      cause
    });
  }
  const summary2 = await readSummary(root);
  const problems = [];
  const listed = await listFiles(root, problems, { maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES });
  for (const name of GENERATED_FILES) listed.delete(name);
  const total = [...listed.values()].reduce((n, f) => n + f.size, 0);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (total > maxBytes) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_BUNDLE_TOO_LARGE,
      `the bundle holds ${total} bytes, more than the limit of ${maxBytes}`,
      { hint: "Keep videos short and screenshots few, or raise maxBytes." }
    );
  }
  const files = /* @__PURE__ */ new Map();
  for (const [path, f] of listed) {
    const sniffed = await sniffFile(f.abs);
    files.set(path, {
      path,
      absPath: f.abs,
      size: f.size,
      kind: sniffed.kind,
      mime: sniffed.mime,
      role: path === SUMMARY_FILE ? "summary" : "other",
      journeys: []
    });
  }
  const problem = (p) => problems.push(p);
  const ruled = (level, p) => {
    if (level !== "off") problem({ ...p, severity: level });
  };
  const reference = (raw, role, journey) => {
    const normal = posix.normalize(raw.replace(/\\/g, "/")).replace(/^\.\//, "");
    const abs = resolve(root, normal);
    if (!isInside(root, abs) || normal.startsWith("../") || normal === "..") {
      problem({
        code: PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE,
        severity: "error",
        message: `journey ${journey}: ${role} ${raw} is outside the bundle`,
        path: raw,
        journey
      });
      return null;
    }
    const file = files.get(toPosix(relative(root, abs)));
    if (!file) {
      const outside = problems.some(
        (p) => p.code === PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE && p.path !== void 0 && (p.path === normal || normal.startsWith(`${p.path}/`))
      );
      problem({
        code: outside ? PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE : PublisherErrorCodes.CUJ_FILE_MISSING,
        severity: "error",
        message: outside ? `journey ${journey}: ${role} ${raw} leads outside the bundle` : `journey ${journey}: ${role} ${raw} does not exist in the bundle`,
        path: raw,
        journey
      });
      return null;
    }
    if (!file.journeys.includes(journey)) file.journeys.push(journey);
    if (file.role === "other") file.role = role;
    return file;
  };
  const expectKind = (file, allowed, what, journey) => {
    if (allowed.has(file.kind)) {
      const ext = extname(file.path).slice(1).toLowerCase();
      if (!KIND_EXTENSIONS[file.kind].includes(ext)) {
        ruled(policy.extensionMismatch, {
          code: PublisherErrorCodes.CUJ_EXTENSION_MISMATCH,
          message: `${file.path} holds ${file.kind} data but is named .${ext || "(none)"}; it is served as ${file.mime}`,
          path: file.path,
          journey
        });
      }
      return true;
    }
    problem({
      code: PublisherErrorCodes.CUJ_KIND_MISMATCH,
      severity: "error",
      message: `journey ${journey}: ${file.path} is not ${what} by its content (found ${file.kind})`,
      path: file.path,
      journey
    });
    return false;
  };
  for (const j of summary2.journeys) {
    const ran = j.status !== "skip";
    let images = 0;
    for (const shot of j.screenshots) {
      const f = reference(shot, "screenshot", j.id);
      if (f && expectKind(f, IMAGE_KINDS, "a png, jpeg or webp image", j.id)) images += 1;
    }
    let videos = 0;
    if (j.video) {
      const f = reference(j.video, "video", j.id);
      if (f && expectKind(f, VIDEO_KINDS, "a webm or mp4 video", j.id)) videos += 1;
    }
    let logs = 0;
    if (j.log) {
      const f = reference(j.log, "log", j.id);
      if (f) logs += 1;
    }
    if (!ran) continue;
    if (images === 0) {
      ruled(policy.screenshots, {
        code: PublisherErrorCodes.CUJ_NO_SCREENSHOT,
        message: `journey ${j.id} has no usable screenshot`,
        journey: j.id
      });
    }
    if (videos === 0) {
      ruled(policy.video, {
        code: PublisherErrorCodes.CUJ_NO_VIDEO,
        message: `journey ${j.id} has no usable video`,
        journey: j.id
      });
    }
    if (logs === 0) {
      ruled(policy.log, {
        code: PublisherErrorCodes.CUJ_NO_LOG,
        message: `journey ${j.id} has no assertion log`,
        journey: j.id
      });
    }
  }
  return {
    dir: root,
    summary: summary2,
    files: [...files.values()],
    problems,
    policy,
    ok: !problems.some((p) => p.severity === "error")
  };
}
function journeyTotals(summary2) {
  const t = { journeys: { pass: 0, fail: 0, skip: 0 }, assertions: { pass: 0, fail: 0, skip: 0 } };
  for (const j of summary2.journeys) {
    t.journeys[j.status] += 1;
    for (const a of j.assertions) t.assertions[a.status] += 1;
  }
  return t;
}

// ../packages/publisher/src/render.ts
var INDEX_MD = "index.md";
var INDEX_HTML = "index.html";
var STATUS_ICON = { pass: "\u2705", fail: "\u274C", skip: "\u23ED\uFE0F" };
var HTML_STATUS_ICON = { pass: "\u2714", fail: "\u2716", skip: "\u21B7" };
function encodePath(path) {
  return path.split("/").map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
function formatMs(ms) {
  if (ms === void 0) return "";
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
function valueText(v) {
  if (v === void 0) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}
function totalsLine(bundle) {
  const t = journeyTotals(bundle.summary);
  return `Journeys: ${t.journeys.pass} passed, ${t.journeys.fail} failed, ${t.journeys.skip} skipped \xB7 Assertions: ${t.assertions.pass} passed, ${t.assertions.fail} failed, ${t.assertions.skip} skipped`;
}
function renderIndexMarkdown(bundle, options = {}) {
  const link = options.linkFor ?? encodePath;
  const s = bundle.summary;
  const out = [];
  out.push(`# ${escapeMarkdown(s.title ?? "CUJ bundle")}

`);
  const meta = [];
  if (s.target) meta.push(`Target: ${codeSpan(s.target)}`);
  if (s.generatedAt) meta.push(`Generated: ${escapeMarkdown(s.generatedAt)}`);
  if (meta.length > 0) out.push(`${meta.join(" \xB7 ")}

`);
  out.push(`${totalsLine(bundle)}

`);
  out.push(`Gallery with video players: [${INDEX_HTML}](${link(INDEX_HTML)})

`);
  for (const j of s.journeys) out.push(journeyMarkdown(j, link));
  if (bundle.problems.length > 0) {
    out.push("## Problems\n\n");
    for (const p of bundle.problems) out.push(`- ${p.severity === "error" ? "\u274C" : "\u26A0\uFE0F"} ${problemMarkdown(p)}
`);
    out.push("\n");
  }
  out.push("## Files\n\n| File | Kind | Size | Journeys |\n|---|---|---|---|\n");
  for (const f of bundle.files) {
    out.push(
      `| [${escapeMarkdown(f.path)}](${link(f.path)}) | ${f.role}${f.role === "other" || f.role === "summary" ? "" : ` (${f.kind})`} | ${formatBytes(f.size)} | ${f.journeys.map((id) => codeSpan(id)).join(", ")} |
`
    );
  }
  return out.join("");
}
function problemMarkdown(p) {
  return `${codeSpan(p.code)} ${escapeMarkdownShort(p.message, 300)}`;
}
function journeyMarkdown(j, link) {
  const out = [];
  const dur = j.durationMs === void 0 ? "" : ` \xB7 ${formatMs(j.durationMs)}`;
  out.push(`## ${STATUS_ICON[j.status]} ${escapeMarkdown(j.title)} (${codeSpan(j.id)}) \u2014 ${j.status}${dur}

`);
  for (const shot of j.screenshots) out.push(`![${escapeMarkdown(shot)}](${link(shot)})
`);
  if (j.screenshots.length > 0) out.push("\n");
  const links = [];
  if (j.video) links.push(`\u25B6\uFE0F Video: [${escapeMarkdown(j.video)}](${link(j.video)})`);
  if (j.log) links.push(`\u{1F4C4} Assertion log: [${escapeMarkdown(j.log)}](${link(j.log)})`);
  if (links.length > 0) out.push(`${links.join(" \xB7 ")}

`);
  if (j.assertions.length > 0) {
    out.push("| Assertion | Status | Expected | Actual | Message |\n|---|---|---|---|---|\n");
    for (const a of j.assertions) out.push(assertionRowMarkdown(a));
    out.push("\n");
  }
  return out.join("");
}
function assertionRowMarkdown(a) {
  const cell = (v) => v === void 0 ? "" : codeSpan(valueText(v).slice(0, 200));
  return `| ${escapeMarkdownShort(a.description || a.id, 200)} | ${STATUS_ICON[a.status]} ${a.status} | ${cell(a.expected)} | ${cell(a.actual)} | ${a.message ? escapeMarkdownShort(a.message, 200) : ""} |
`;
}
var STYLE = `
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
async function renderGallery(bundle, options = {}) {
  const imageMax = options.inlineImageMaxBytes ?? 5 * 1024 * 1024;
  const videoMax = options.inlineVideoMaxBytes ?? 0;
  const logMax = options.inlineLogMaxBytes ?? 64 * 1024;
  const byPath = new Map(bundle.files.map((f) => [f.path, f]));
  const s = bundle.summary;
  const title = s.title ?? "CUJ bundle";
  const src = async (path, max) => {
    const f = byPath.get(path);
    if (f?.mime && f.size <= max) {
      const data = await readFile2(f.absPath);
      return `data:${f.mime};base64,${data.toString("base64")}`;
    }
    return encodePath(path);
  };
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; media-src 'self' data:">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`
  ];
  const meta = [];
  if (s.target) meta.push(`Target: <code>${escapeHtml(s.target)}</code>`);
  if (s.generatedAt) meta.push(`Generated: ${escapeHtml(s.generatedAt)}`);
  if (meta.length > 0) parts.push(`<p class="muted">${meta.join(" \xB7 ")}</p>`);
  parts.push(`<p>${escapeHtml(totalsLine(bundle))}</p>`);
  for (const j of s.journeys) {
    parts.push(
      `<section id="journey-${escapeHtml(j.id)}"><h2><span class="st-${j.status}">${HTML_STATUS_ICON[j.status]} ${escapeHtml(j.status)}</span> ${escapeHtml(j.title)} <code>${escapeHtml(j.id)}</code>${j.durationMs === void 0 ? "" : ` <span class="muted">${escapeHtml(formatMs(j.durationMs))}</span>`}</h2>`
    );
    if (j.assertions.length > 0) {
      parts.push(
        `<table class="assertions"><thead><tr><th>Assertion</th><th>Status</th><th>Kind</th><th>Expected</th><th>Actual</th><th>Message</th></tr></thead><tbody>`
      );
      for (const a of j.assertions) {
        parts.push(
          `<tr><td>${escapeHtml(a.description || a.id)}<br><code class="muted">${escapeHtml(a.id)}</code>${a.selector ? ` <code class="muted">${escapeHtml(a.selector)}</code>` : ""}</td><td class="st-${a.status}">${HTML_STATUS_ICON[a.status]} ${escapeHtml(a.status)}</td><td>${a.kind ? escapeHtml(a.kind) : ""}</td><td>${a.expected === void 0 ? "" : `<code>${escapeHtml(valueText(a.expected))}</code>`}</td><td>${a.actual === void 0 ? "" : `<code>${escapeHtml(valueText(a.actual))}</code>`}</td><td>${a.message ? escapeHtml(a.message) : ""}</td></tr>`
        );
      }
      parts.push("</tbody></table>");
    }
    const shots = j.screenshots.filter((p) => byPath.has(p));
    if (shots.length > 0) {
      parts.push(`<div class="shots">`);
      for (const shot of shots) {
        parts.push(
          `<figure><img src="${attrUrl(await src(shot, imageMax))}" alt="${escapeHtml(`${j.title}: ${shot}`)}"><figcaption><a href="${escapeHtml(encodePath(shot))}">${escapeHtml(shot)}</a></figcaption></figure>`
        );
      }
      parts.push(`</div>`);
    }
    const video = j.video ? byPath.get(j.video) : void 0;
    if (video?.mime) {
      parts.push(
        `<p><video controls muted playsinline preload="metadata" title="${escapeHtml(video.path)}"><source src="${attrUrl(await src(video.path, videoMax))}" type="${escapeHtml(video.mime)}">Your browser cannot play ${escapeHtml(video.mime)}.</video><br><a href="${escapeHtml(encodePath(video.path))}">${escapeHtml(video.path)}</a> <span class="muted">(${escapeHtml(formatBytes(video.size))})</span></p>`
      );
    }
    const log = j.log ? byPath.get(j.log) : void 0;
    if (log) {
      const inline = (log.kind === "text" || log.kind === "json") && log.size <= logMax;
      parts.push(
        `<details><summary>Assertion log: <a href="${escapeHtml(encodePath(log.path))}">${escapeHtml(log.path)}</a></summary>${inline ? `<pre>${escapeHtml(await readFile2(log.absPath, "utf8"))}</pre>` : ""}</details>`
      );
    }
    parts.push("</section>");
  }
  if (bundle.problems.length > 0) {
    parts.push(
      `<h2>Problems</h2><ul>${bundle.problems.map((p) => `<li class="st-${p.severity}"><code>${escapeHtml(p.code)}</code> ${escapeHtml(p.message)}</li>`).join("")}</ul>`
    );
  }
  parts.push(
    `<h2>Files</h2><table><thead><tr><th>File</th><th>Kind</th><th>Size</th></tr></thead><tbody>${bundle.files.map((f) => fileRow(f)).join("")}</tbody></table>`,
    "</body></html>\n"
  );
  return parts.join("\n");
}
function attrUrl(url) {
  return /^[A-Za-z0-9+/=:;,%._~-]*$/.test(url) ? url : escapeHtml(url);
}
function fileRow(f) {
  return `<tr><td><a href="${escapeHtml(encodePath(f.path))}">${escapeHtml(f.path)}</a></td><td>${escapeHtml(f.role)} (${escapeHtml(f.kind)})</td><td>${escapeHtml(formatBytes(f.size))}</td></tr>`;
}

// ../packages/publisher/src/artifacts.ts
var KIND_OF_ROLE = {
  summary: "summary",
  screenshot: "screenshot",
  video: "video",
  log: "log",
  other: "other"
};
function bundleArtifacts(bundle, urlFor, destination, durable) {
  const out = [
    { name: "CUJ gallery", kind: "index", url: urlFor(INDEX_HTML), durable, destination },
    { name: "CUJ index", kind: "index", url: urlFor(INDEX_MD), durable, destination }
  ];
  for (const f of bundle.files) {
    out.push({
      name: f.path,
      kind: KIND_OF_ROLE[f.role],
      url: urlFor(f.path),
      durable,
      destination,
      ...f.journeys.length > 0 ? { note: `journey ${f.journeys.join(", ")}` } : {}
    });
  }
  return out;
}

// ../packages/publisher/src/links.ts
var EPHEMERAL_ROOTS = ["/tmp", "/var/tmp", "/dev/shm", "/run/user"];
function normDir(dir) {
  return dir.replace(/\\/g, "/").replace(/\/+$/, "");
}
function containsDir(url, dir) {
  const d = normDir(dir);
  if (d.length < 2) return false;
  const u = url.replace(/\\/g, "/");
  let decoded = u;
  try {
    decoded = decodeURI(u);
  } catch {
  }
  for (const text2 of /* @__PURE__ */ new Set([u, decoded])) {
    let at = text2.indexOf(d);
    while (at !== -1) {
      const after = text2[at + d.length];
      if (after === void 0 || after === "/" || after === "?" || after === "#") return true;
      at = text2.indexOf(d, at + 1);
    }
  }
  return false;
}
function checkLink(url, options = {}) {
  const problem = (code, message) => ({ code, url, message });
  const trimmed = url.trim();
  if (trimmed.length === 0) return problem(PublisherErrorCodes.LINK_EMPTY, "the link is empty");
  if (/^file:/i.test(trimmed)) {
    return problem(PublisherErrorCodes.LINK_LOCAL_PATH, `${url} is a file:// URL only this machine can open`);
  }
  const asPath = trimmed.replace(/\\/g, "/");
  for (const root of EPHEMERAL_ROOTS) {
    if (asPath === root || asPath.startsWith(`${root}/`)) {
      return problem(PublisherErrorCodes.LINK_EPHEMERAL_PATH, `${url} is under ${root}, which is gone after the run`);
    }
  }
  for (const dir of options.ephemeralDirs ?? []) {
    if (dir && containsDir(trimmed, dir)) {
      return problem(
        PublisherErrorCodes.LINK_EPHEMERAL_PATH,
        `${url} points into the temporary directory ${normDir(dir)}, which is gone after the run`
      );
    }
  }
  if (/^(?:\/|~|[A-Za-z]:[\\/])/.test(trimmed) || trimmed.startsWith("\\")) {
    return problem(
      PublisherErrorCodes.LINK_LOCAL_PATH,
      `${url} is an absolute local path, not a link a reader can open`
    );
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== void 0 && scheme !== "https" && scheme !== "http") {
    return problem(
      PublisherErrorCodes.LINK_SCHEME,
      `${url} uses the ${scheme}: scheme; only https links are published`
    );
  }
  if (scheme === void 0 && /(?:^|\/)\.\.(?:\/|$)/.test(asPath)) {
    return problem(PublisherErrorCodes.LINK_LOCAL_PATH, `${url} climbs out of the output folder with ..`);
  }
  if (options.durable) {
    if (scheme !== "https") {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} is recorded as durable but is not an https URL`);
    }
    let host = "";
    try {
      host = new URL(trimmed).hostname.toLowerCase();
    } catch {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} is not a valid URL`);
    }
    if (host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "[::1]" || host === "0.0.0.0") {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} points at this machine, not a durable host`);
    }
  }
  return null;
}
function checkArtifactLinks(artifacts, policy = {}) {
  const out = [];
  for (const a of artifacts) {
    const p = checkLink(a.url, { ...policy, durable: a.durable });
    if (p) out.push(p);
  }
  return out;
}
function assertArtifactLinks(artifacts, policy = {}) {
  const problems = checkArtifactLinks(artifacts, policy);
  if (problems.length > 0) {
    throw new CodexrelError(
      PublisherErrorCodes.LINK_REJECTED,
      `${problems.length} artifact link(s) rejected; first: ${problems[0]?.message}`,
      {
        hint: "Publish the files to a destination that returns a link (local output folder, Actions artifact or branch); never link /tmp or file:// paths.",
        details: { problems }
      }
    );
  }
  return artifacts;
}
function findLocalPaths(text2, policy = {}) {
  const found = /* @__PURE__ */ new Set();
  for (const m of text2.matchAll(/file:\/\/[^\s)>"'\]]*/gi)) found.add(m[0]);
  for (const root of EPHEMERAL_ROOTS) {
    const re = new RegExp(`(?<![\\w./-])${root.replace(/\//g, "\\/")}\\/[^\\s)>"'\\]]*`, "g");
    for (const m of text2.matchAll(re)) found.add(m[0]);
  }
  for (const dir of policy.ephemeralDirs ?? []) {
    const d = normDir(dir);
    if (d.length < 2) continue;
    let at = text2.indexOf(d);
    while (at !== -1) {
      const rest = /^[^\s)>"'\]]*/.exec(text2.slice(at))?.[0] ?? d;
      found.add(rest);
      at = text2.indexOf(d, at + d.length);
    }
  }
  return [...new Set([...found].map((f) => f.replace(/[.,;:!?]+$/, "")))];
}

// ../packages/publisher/src/destinations/artifact.ts
function artifactDestination(bundle, options) {
  const url = options.artifactUrl?.trim();
  if (!url) {
    throw new CodexrelError(PublisherErrorCodes.ARTIFACT_URL_MISSING, "no artifact URL was returned by the upload", {
      hint: "Run actions/upload-artifact@v4 (or newer) before this step and pass its artifact-url output."
    });
  }
  const files = bundle.files.length + 2;
  const artifacts = assertArtifactLinks(
    [
      {
        name: options.name ?? "CUJ bundle",
        kind: "bundle",
        url,
        durable: true,
        destination: "artifact",
        note: `${files} files; download and open index.html; expires after ${options.retentionDays ?? "the repository's artifact retention (default 90)"} days`
      }
    ],
    options
  );
  return { destination: "artifact", url, artifacts };
}

// ../packages/publisher/src/destinations/branch.ts
import { createHash } from "node:crypto";
import { readFile as readFile4 } from "node:fs/promises";
import { join as join3 } from "node:path";

// ../packages/publisher/src/destinations/local.ts
import { mkdir, readFile as readFile3, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute as isAbsolute2, join as join2, posix as posix2, relative as relative2, resolve as resolve2 } from "node:path";
var REDACTION_MANIFEST = "redactions.json";
function overlaps(a, b) {
  const inside = (root, p) => {
    const rel = relative2(root, p);
    return rel === "" || !rel.startsWith("..") && !isAbsolute2(rel);
  };
  return inside(a, b) || inside(b, a);
}
async function publishToLocalDir(bundle, options) {
  const subdir = posix2.normalize((options.subdir ?? "cuj").replace(/\\/g, "/")).replace(/\/+$/, "");
  if (subdir === "" || subdir === "." || subdir.startsWith("../") || subdir === ".." || posix2.isAbsolute(subdir)) {
    throw new CodexrelError(
      "USAGE",
      `the local destination's subdir ${JSON.stringify(options.subdir)} is not a folder inside the output`,
      {
        hint: "Use a relative folder name such as cuj."
      }
    );
  }
  const outDir2 = resolve2(options.outDir);
  const target = join2(outDir2, subdir);
  if (overlaps(bundle.dir, target)) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_OUTPUT_INSIDE_BUNDLE,
      `the output folder ${target} overlaps the bundle folder ${bundle.dir}`,
      { hint: "Write the output somewhere outside the bundle (e.g. .codexrel/out)." }
    );
  }
  const urlFor = (path) => `${subdir}/${path}`;
  const artifacts = assertArtifactLinks(bundleArtifacts(bundle, urlFor, "local", false), options);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const redactions = [];
    for (const f of bundle.files) {
      const to = join2(staging, ...f.path.split("/"));
      await mkdir(dirname(to), { recursive: true });
      const data = await readFile3(f.absPath);
      if (f.kind === "text" || f.kind === "json") {
        const { text: text2, count } = redactWithCount(data.toString("utf8"), { secrets: options.secrets ?? [] });
        if (count > 0) redactions.push({ path: f.path, count });
        await writeFile(to, count > 0 ? text2 : data);
      } else {
        if (bytesContainSecret(data, { secrets: options.secrets ?? [] })) {
          throw new CodexrelError(
            PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY,
            `${f.path} (${f.kind}) holds a secret and cannot be redacted without breaking it`,
            { hint: "Re-record that screenshot or video without the secret on screen, then publish again." }
          );
        }
        await writeFile(to, data);
      }
    }
    await writeFile(
      join2(staging, REDACTION_MANIFEST),
      `${JSON.stringify(
        {
          note: "text and JSON files were redacted on copy (token shapes and the known secret values); binary files were checked for known secrets and refused if they held one",
          textFiles: bundle.files.filter((f) => f.kind === "text" || f.kind === "json").map((f) => f.path),
          redactions
        },
        null,
        2
      )}
`
    );
    const staged = copiedAt(bundle, staging, options.secrets);
    await writeFile(join2(staging, INDEX_MD), renderIndexMarkdown(staged));
    await writeFile(join2(staging, INDEX_HTML), await renderGallery(staged, options.gallery));
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(staging, target);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {
    });
    if (cause instanceof CodexrelError && cause.code === PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY) throw cause;
    throw new CodexrelError(
      PublisherErrorCodes.PUBLISH_WRITE_FAILED,
      `cannot write the bundle to ${target}: ${cause.message}`,
      { hint: "Check that the output folder is writable and the disk is not full.", cause }
    );
  }
  const copied = copiedAt(bundle, target, options.secrets);
  return {
    destination: "local",
    dir: target,
    artifacts,
    galleryUrl: urlFor(INDEX_HTML),
    indexUrl: urlFor(INDEX_MD),
    bundle: copied
  };
}
function copiedAt(bundle, dir, secrets2) {
  return {
    ...bundle,
    dir,
    summary: redactDeep(bundle.summary, { secrets: secrets2 ?? [] }),
    files: bundle.files.map((f) => ({ ...f, absPath: join2(dir, ...f.path.split("/")) }))
  };
}

// ../packages/publisher/src/destinations/branch.ts
var DEFAULT_BRANCH = "codexrel-artifacts";
var INDEX_JSON = "index.json";
function gitBlobSha(content) {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}
function segment(name, what) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) {
    throw new CodexrelError("USAGE", `the branch destination's ${what} ${JSON.stringify(name)} is not allowed`, {
      hint: "Use letters, digits, dots, dashes and underscores."
    });
  }
  return name;
}
async function planFiles(bundle, gallery) {
  const files = [];
  for (const f of bundle.files) {
    files.push({ path: f.path, content: await readFile4(f.absPath), text: f.kind === "text" || f.kind === "json" });
  }
  const redactions = await readFile4(join3(bundle.dir, REDACTION_MANIFEST)).catch(() => void 0);
  if (redactions) files.push({ path: REDACTION_MANIFEST, content: redactions, text: true });
  files.push({ path: INDEX_MD, content: Buffer.from(renderIndexMarkdown(bundle)), text: true });
  files.push({ path: INDEX_HTML, content: Buffer.from(await renderGallery(bundle, gallery)), text: true });
  return files;
}
function contentHash(files) {
  const h = createHash("sha256");
  for (const f of [...files].sort((a, b) => a.path < b.path ? -1 : 1)) {
    h.update(f.path).update("\0").update(gitBlobSha(f.content)).update("\n");
  }
  return h.digest("hex").slice(0, 16);
}
function parseIndex(raw) {
  if (!raw) return { schemaVersion: 1, folders: [] };
  try {
    const v = JSON.parse(raw.toString("utf8"));
    if (v && v.schemaVersion === 1 && Array.isArray(v.folders)) return v;
  } catch {
  }
  return { schemaVersion: 1, folders: [] };
}
function planRetention(index, added, policy = {}, now = /* @__PURE__ */ new Date()) {
  const keepPerThread = policy.keepPerThread ?? 10;
  const maxAgeMs = (policy.maxAgeDays ?? 30) * 24 * 60 * 60 * 1e3;
  const all = [...index.folders.filter((f) => f.path !== added.path), added];
  const prune = /* @__PURE__ */ new Set();
  for (const f of all) {
    if (f.path !== added.path && now.getTime() - Date.parse(f.createdAt) > maxAgeMs) prune.add(f.path);
  }
  const byThread = /* @__PURE__ */ new Map();
  for (const f of all) byThread.set(f.thread, [...byThread.get(f.thread) ?? [], f]);
  for (const list of byThread.values()) {
    const newestFirst = [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    for (const f of newestFirst.slice(Math.max(1, keepPerThread))) if (f.path !== added.path) prune.add(f.path);
  }
  return { keep: { schemaVersion: 1, folders: all.filter((f) => !prune.has(f.path)) }, prune: [...prune].sort() };
}
async function publishToBranch(bundle, options) {
  const { port, repo } = options;
  const branch = options.branch ?? DEFAULT_BRANCH;
  const root = segment(options.root ?? "codexrel", "root");
  const threadKey2 = segment(options.threadKey ?? "run", "threadKey");
  const serverUrl = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const files = await planFiles(bundle, options.gallery);
  const folder = `${root}/${threadKey2}/${contentHash(files)}`;
  const indexPath = `${root}/${INDEX_JSON}`;
  const linksAt = (commit) => {
    const blobUrl = (path, raw) => `${serverUrl}/${repo}/blob/${commit}/${encodePath(`${folder}/${path}`)}${raw ? "?raw=true" : ""}`;
    const artifacts = bundleArtifacts(bundle, (p) => blobUrl(p, p !== INDEX_MD), "branch", true).map(
      (a) => a.name === "CUJ gallery" ? { ...a, note: "HTML with video players: download it beside the files to view" } : a
    );
    return {
      artifacts: assertArtifactLinks(artifacts, options),
      indexUrl: blobUrl(INDEX_MD, false),
      galleryUrl: blobUrl(INDEX_HTML, true)
    };
  };
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const head = await port.branchHead(repo, branch);
    let baseTree = null;
    let entries = [];
    if (head) {
      baseTree = await port.commitTree(repo, head);
      const listing = await port.listTree(repo, baseTree);
      if (listing.truncated) {
        throw new CodexrelError(
          PublisherErrorCodes.BRANCH_TREE_TOO_LARGE,
          `the tree of ${branch} is too large for GitHub to list in one response`,
          { hint: "Lower the retention (publish.retention) or start a fresh artifacts branch." }
        );
      }
      entries = listing.entries;
    }
    const blobs = new Map(entries.filter((e) => e.type === "blob").map((e) => [e.path, e.sha]));
    const same = files.every((f) => blobs.get(`${folder}/${f.path}`) === gitBlobSha(f.content));
    const extra = [...blobs.keys()].some(
      (p) => p.startsWith(`${folder}/`) && !files.some((f) => `${folder}/${f.path}` === p)
    );
    if (head && same && !extra) {
      return { destination: "branch", commit: head, folder, ...linksAt(head), written: false, pruned: [] };
    }
    const known = new Set(blobs.values());
    const treeEntries = [];
    for (const f of files) {
      const path = `${folder}/${f.path}`;
      const sha = gitBlobSha(f.content);
      if (known.has(sha)) treeEntries.push({ path, sha });
      else if (f.text && isUtf8(f.content)) treeEntries.push({ path, content: f.content.toString("utf8") });
      else treeEntries.push({ path, sha: await port.createBlob(repo, f.content) });
    }
    for (const p of blobs.keys()) {
      if (p.startsWith(`${folder}/`) && !files.some((f) => `${folder}/${f.path}` === p))
        treeEntries.push({ path: p, sha: null });
    }
    const indexSha = blobs.get(indexPath);
    const index = parseIndex(indexSha ? await port.readBlob(repo, indexSha) : null);
    const at = now();
    const { keep, prune } = planRetention(
      index,
      { path: folder, thread: threadKey2, createdAt: at.toISOString() },
      options.retention,
      at
    );
    for (const gone of prune) {
      for (const p of blobs.keys()) if (p.startsWith(`${gone}/`)) treeEntries.push({ path: p, sha: null });
    }
    treeEntries.push({ path: indexPath, content: `${JSON.stringify(keep, null, 2)}
` });
    const tree = await port.createTree(repo, baseTree, treeEntries);
    const commit = await port.createCommit(repo, {
      message: `codexrel: publish ${folder}${prune.length > 0 ? ` (pruned ${prune.length})` : ""}`,
      tree,
      parents: head ? [head] : []
    });
    const moved = head ? await port.updateBranch(repo, branch, commit) : await port.createBranch(repo, branch, commit);
    if (moved === "ok") {
      return { destination: "branch", commit, folder, ...linksAt(commit), written: true, pruned: prune };
    }
    if (attempt >= attempts) {
      throw new CodexrelError(
        PublisherErrorCodes.BRANCH_MOVED,
        `${branch} kept moving while publishing (${attempts} attempts)`,
        { hint: "Another run is publishing to the same branch; re-run this job." }
      );
    }
  }
}
function isUtf8(buf) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

// ../packages/publisher/src/github.ts
function refOf(thread) {
  return threadRef(thread.repository, thread.number, thread.kind);
}
function splitRepo(repo) {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}
async function upsertReportComment(client, thread, marker, body) {
  const ref = refOf(thread);
  const result = await upsertMarkedComment(newestFirstCommentPort(client, ref, marker), ref, { marker, body });
  return { action: result.action, url: result.comment.url, removedDuplicates: result.removedDuplicates };
}
function gitDataPort(client) {
  const again = async () => void 0;
  const notFound = (e) => isGitHubError(e, "GITHUB_NOT_FOUND");
  const conflict = (e) => isGitHubError(e, "GITHUB_VALIDATION_FAILED") && /already exists|fast.?forward/i.test(String(e.details.githubMessage ?? e.message));
  return {
    async branchHead(repo, branch) {
      try {
        const data = await client.restRead(
          `read branch ${branch}`,
          "GET /repos/{owner}/{repo}/git/ref/{ref}",
          { ...splitRepo(repo), ref: `heads/${branch}` }
        );
        return data.object.sha;
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async commitTree(repo, sha) {
      const data = await client.restRead(
        `read commit ${sha}`,
        "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
        { ...splitRepo(repo), commit_sha: sha }
      );
      return data.tree.sha;
    },
    async listTree(repo, sha) {
      const data = await client.restRead(
        `list tree ${sha}`,
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
        { ...splitRepo(repo), tree_sha: sha, recursive: "1" }
      );
      return {
        entries: data.tree.map((e) => ({ path: e.path, type: e.type, sha: e.sha })),
        truncated: data.truncated
      };
    },
    async readBlob(repo, sha) {
      const data = await client.restRead(
        `read blob ${sha}`,
        "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
        { ...splitRepo(repo), file_sha: sha }
      );
      return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    },
    async createBlob(repo, content) {
      const data = await client.restWrite(
        "upload a file",
        "POST /repos/{owner}/{repo}/git/blobs",
        {
          ...splitRepo(repo),
          content: content.toString("base64"),
          encoding: "base64"
        },
        again
      );
      return data.sha;
    },
    async createTree(repo, baseTree, entries) {
      const data = await client.restWrite(
        "write a tree",
        "POST /repos/{owner}/{repo}/git/trees",
        {
          ...splitRepo(repo),
          ...baseTree ? { base_tree: baseTree } : {},
          tree: entries.map(
            (e) => "content" in e ? { path: e.path, mode: "100644", type: "blob", content: e.content } : { path: e.path, mode: "100644", type: "blob", sha: e.sha }
          )
        },
        again
      );
      return data.sha;
    },
    async createCommit(repo, commit) {
      const data = await client.restWrite(
        "write a commit",
        "POST /repos/{owner}/{repo}/git/commits",
        {
          ...splitRepo(repo),
          message: commit.message,
          tree: commit.tree,
          parents: commit.parents
        },
        again
      );
      return data.sha;
    },
    async createBranch(repo, branch, sha) {
      try {
        await client.restWrite(
          `create branch ${branch}`,
          "POST /repos/{owner}/{repo}/git/refs",
          {
            ...splitRepo(repo),
            ref: `refs/heads/${branch}`,
            sha
          },
          again
        );
        return "ok";
      } catch (e) {
        if (conflict(e)) return "conflict";
        throw e;
      }
    },
    async updateBranch(repo, branch, sha) {
      try {
        await client.restWrite(
          `move branch ${branch}`,
          "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
          {
            ...splitRepo(repo),
            ref: `heads/${branch}`,
            sha,
            force: false
          },
          again
        );
        return "ok";
      } catch (e) {
        if (conflict(e)) return "conflict";
        throw e;
      }
    }
  };
}
function githubPublishPorts(options) {
  const token = options.token?.found ? options.token.token : null;
  const clientOptions = { ...options.clientOptions ?? {} };
  const client = token ? createGitHubClient({ token, apiUrl: options.apiUrl, graphqlUrl: options.graphqlUrl, ...clientOptions }) : null;
  return {
    async preflight({ thread }) {
      const checks = thread ? ["github-token", "thread", "can-comment", "fork"] : ["github-token"];
      const result = await runPreflight({
        checks,
        github: {
          token: options.token ?? { found: false, attempts: [] },
          apiUrl: options.apiUrl,
          graphqlUrl: options.graphqlUrl,
          ...client ? { createClient: () => client } : {},
          clientOptions
        },
        thread: thread ? refOf(thread) : null,
        event: options.event ?? null
      });
      return { checks: result.checks, blocked: blockedPublication(result) };
    },
    ...client ? {
      upsertComment: (thread, marker, body) => upsertReportComment(client, thread, marker, body),
      git: gitDataPort(client)
    } : {}
  };
}

// ../packages/publisher/src/comment-body.ts
function renderCommentBody(report, options) {
  const forBody = {
    ...report,
    // Local paths mean nothing to readers of a comment.
    artifacts: report.artifacts.filter((a) => a.durable),
    publication: options.indexUrl ? { status: "published", url: options.indexUrl, reason: "evidence published; full index linked" } : {
      status: "skipped",
      code: "EVIDENCE_LOCAL_ONLY",
      reason: "screenshots and videos were kept in the run's local output folder, not uploaded",
      rerunHint: "use --destination artifact or branch to attach them"
    }
  };
  const final = finalizeReport(forBody, {
    finishedAt: new Date(report.meta.startedAt),
    ...options.secrets ? { secrets: options.secrets } : {}
  });
  return renderComment(final, {
    marker: { kind: "report", id: options.reportKind },
    ...options.indexUrl ? { reportUrl: options.indexUrl } : {}
  });
}

// ../packages/publisher/src/send-to-destination.ts
async function sendToDestination(bundle, destination, context) {
  const { options, ports, thread, now } = context;
  if (destination === "artifact" && bundle) {
    const a = artifactDestination(bundle, {
      artifactUrl: options.artifactUrl,
      ...options.artifactName ? { name: options.artifactName } : {},
      ...options.artifactRetentionDays ? { retentionDays: options.artifactRetentionDays } : {},
      ...options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}
    });
    return { durable: a.artifacts, indexUrl: a.url };
  }
  if (destination === "branch" && bundle) {
    if (!ports?.git) {
      throw new CodexrelError("GITHUB_TOKEN_MISSING", "no GitHub access for the branch destination", {
        hint: "Set GITHUB_TOKEN with contents: write and re-run."
      });
    }
    const repo = thread?.repository ?? options.repository;
    if (!repo) {
      throw new CodexrelError("USAGE", "the branch destination needs --repo owner/repo", {
        hint: "Pass --repo owner/repo."
      });
    }
    const b = await publishToBranch(bundle, {
      port: ports.git,
      repo,
      threadKey: threadKey(thread),
      ...options.branch?.name ? { branch: options.branch.name } : {},
      ...options.branch?.root ? { root: options.branch.root } : {},
      ...options.branch?.retention ? { retention: options.branch.retention } : {},
      ...options.branch?.serverUrl ? { serverUrl: options.branch.serverUrl } : {},
      ...options.gallery ? { gallery: options.gallery } : {},
      ...options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {},
      now
    });
    return { durable: b.artifacts, indexUrl: b.indexUrl };
  }
  return { durable: [], indexUrl: null };
}
function threadKey(thread) {
  return thread ? `${thread.kind}-${thread.number}` : "run";
}

// ../packages/publisher/src/stage.ts
import { basename, isAbsolute as isAbsolute3, relative as relative3, resolve as resolve3 } from "node:path";
async function runCujStage(options) {
  const shown = options.shownBundleDir ?? (isAbsolute3(options.bundleDir) ? basename(options.bundleDir) : options.bundleDir);
  let bundle;
  try {
    bundle = await loadBundle(options.bundleDir, options.policy === void 0 ? {} : { policy: options.policy });
  } catch (error) {
    const e = toCodexrelError(error);
    return {
      bundle: null,
      artifacts: [],
      checks: [
        {
          id: "cuj-bundle",
          status: "fail",
          code: e.code,
          reason: `CUJ bundle ${shown}: ${e.message}`,
          hint: e.hint,
          blocking: true
        }
      ]
    };
  }
  const checks = [];
  const errors = bundle.problems.filter((p) => p.severity === "error");
  const warnings = bundle.problems.filter((p) => p.severity === "warning");
  const first = errors[0] ?? warnings[0];
  checks.push({
    id: "cuj-bundle",
    status: errors.length > 0 ? "fail" : warnings.length > 0 ? "warn" : "pass",
    code: first ? errors.length > 0 ? PublisherErrorCodes.CUJ_POLICY_FAILED : first.code : "CUJ_BUNDLE_OK",
    reason: first === void 0 ? `CUJ bundle ${shown}: ${bundle.files.length} files, every journey has its screenshots and video` : `CUJ bundle ${shown}: ${errors.length} error(s), ${warnings.length} warning(s); first: ${first.message}`,
    ...errors.length > 0 ? {
      hint: "Add the missing screenshots/videos to the bundle or relax publish.policy; see the gallery's Problems list."
    } : {},
    blocking: errors.length > 0,
    details: { problems: bundle.problems.map((p) => ({ ...p })) }
  });
  checks.push(journeysCheck(bundle, options));
  try {
    const local = await publishToLocalDir(bundle, {
      outDir: options.outDir,
      ...options.subdir ? { subdir: options.subdir } : {},
      ...options.gallery ? { gallery: options.gallery } : {},
      ...options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {},
      ...options.secrets ? { secrets: options.secrets } : {}
    });
    return { bundle: local.bundle, artifacts: local.artifacts, checks };
  } catch (error) {
    const e = toCodexrelError(error);
    checks.push({
      id: "cuj-local-copy",
      status: "fail",
      code: e.code,
      reason: e.message,
      hint: e.hint,
      blocking: true
    });
    return { bundle: null, artifacts: [], checks };
  }
}
function journeysCheck(bundle, options) {
  const totals = journeyTotals(bundle.summary);
  const failed = bundle.summary.journeys.filter((j) => j.status === "fail").map((j) => j.id);
  const recorded = bundle.summary.commit?.sha ?? null;
  const here = options.commitSha ?? null;
  const outcome = failed.length > 0 ? `journey(s) failed: ${failed.join(", ")} (${totals.assertions.fail} failing assertion(s))` : `${totals.journeys.pass} journey(s) passed, ${totals.journeys.skip} skipped; ${totals.assertions.pass} assertion(s) passed`;
  const sameCommit = recorded !== null && here !== null && (recorded.startsWith(here) || here.startsWith(recorded));
  if (failed.length === 0 && (recorded === null || here !== null && !sameCommit)) {
    const why = recorded === null ? "the bundle's summary.json records no commit" : `recorded at ${recorded.slice(0, 12)}, not at this run's commit ${here.slice(0, 12)}`;
    return {
      id: "cuj-journeys",
      status: "warn",
      code: recorded === null ? "CUJ_BUNDLE_NO_COMMIT" : "CUJ_BUNDLE_OTHER_COMMIT",
      reason: `${why}, so it is not evidence for this commit (it says: ${outcome})`,
      hint: "Re-record the journeys at this commit (the recorder writes summary.json's commit).",
      blocking: false,
      evidence: false
    };
  }
  return {
    id: "cuj-journeys",
    status: failed.length > 0 ? "fail" : "pass",
    code: failed.length > 0 ? PublisherErrorCodes.CUJ_JOURNEY_FAILED : "CUJ_JOURNEYS_PASSED",
    reason: here === null && failed.length === 0 ? `${outcome} (this run's commit is unknown, so not counted as evidence)` : outcome,
    blocking: failed.length > 0 && options.blockOnFailedJourney !== false,
    evidence: here !== null && failed.length === 0
  };
}

// ../packages/publisher/src/publish.ts
function describeTarget(destination, thread) {
  const where = destination === "branch" ? "the artifacts branch" : destination === "artifact" ? "an Actions artifact" : "";
  const to = thread ? `${thread.repository} ${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}` : "";
  return [where, to ? `a comment on ${to}` : ""].filter(Boolean).join(" and ");
}
async function publishBundle(options) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const destination = options.destination ?? "local";
  const thread = options.thread ?? null;
  const reportKind = options.reportKind ?? "cuj";
  const report = createReport({
    tool: { version: options.toolVersion },
    stage: "validation",
    title: options.title ?? "CUJ evidence",
    startedAt: now()
  });
  report.meta = {
    ...report.meta,
    repository: thread?.repository ?? options.repository ?? null,
    thread: thread ? { repository: thread.repository, kind: thread.kind, number: thread.number } : null,
    ...options.meta?.runUrl ? { runUrl: options.meta.runUrl } : {},
    ...options.meta?.ref ? { ref: options.meta.ref } : {},
    ...options.meta?.sha ? { sha: options.meta.sha } : {},
    ...options.meta?.event ? { event: options.meta.event } : {},
    ...options.meta?.actor ? { actor: options.meta.actor } : {}
  };
  const stage = await runCujStage({
    bundleDir: options.bundleDir,
    outDir: options.outDir,
    ...options.subdir ? { subdir: options.subdir } : {},
    ...options.policy !== void 0 ? { policy: options.policy } : {},
    ...options.gallery ? { gallery: options.gallery } : {},
    ...options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {},
    ...options.shownBundleDir ? { shownBundleDir: options.shownBundleDir } : {},
    ...options.secrets ? { secrets: options.secrets } : {},
    ...options.meta?.sha ? { commitSha: options.meta.sha } : {}
  });
  report.preflight = [...stage.checks];
  report.artifacts = [...stage.artifacts];
  const localDir = stage.artifacts.length > 0 ? `${options.outDir}/${options.subdir ?? "cuj"}` : null;
  const finish = (publication, extra = {}) => {
    const fork = report.preflight.some((c) => c.id === "fork" && c.code === "FORK_PULL_REQUEST");
    if (publication.status === "blocked" && fork && /PERMISSION|TOKEN/.test(publication.code ?? "")) {
      publication = {
        ...publication,
        rerunHint: "pull requests from forks get a read-only token: upload the bundle as an artifact here and publish it from a workflow_run workflow in the base repository"
      };
    }
    report.publication = publication;
    const final = finalizeReport(report, {
      finishedAt: now(),
      ...options.secrets ? { secrets: options.secrets } : {}
    });
    return { report: final, commentBody: null, comment: null, localDir, durableUrls: [], ...extra };
  };
  const remote = thread !== null || destination !== "local";
  if (!remote) {
    return finish(
      {
        status: "skipped",
        code: "NO_PUBLISH_TARGET",
        // Say "copied" only when the copy was written (a refused bundle is not copied anywhere).
        reason: localDir ? "no GitHub thread or remote destination was given; the bundle was copied to the local output folder only" : "no GitHub thread or remote destination was given, and the bundle was not copied (see the cuj-bundle check)",
        rerunHint: "pass --repo owner/repo with --issue or --pr (and --destination artifact|branch) to publish"
      },
      options.dryRun ? { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) } : {}
    );
  }
  const ports = options.ports ?? null;
  const needsGitHub = thread !== null || destination === "branch";
  if (!ports && needsGitHub && options.dryRun) {
    return finish(
      {
        status: "dry-run",
        code: "DRY_RUN",
        reason: `dry run: would publish to ${describeTarget(destination, thread)}; nothing was written, and without GitHub access preflight did not run`,
        rerunHint: "set GITHUB_TOKEN (or GH_TOKEN) and re-run without --dry-run to publish"
      },
      { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) }
    );
  }
  if (!ports && needsGitHub) {
    return finish({
      status: "blocked",
      code: "GITHUB_TOKEN_MISSING",
      reason: "no GitHub access was configured, so nothing was published",
      rerunHint: "set GITHUB_TOKEN (or GH_TOKEN) with issues/pull-requests: write and re-run"
    });
  }
  if (ports && needsGitHub) {
    const pre = await ports.preflight({ thread, destination });
    report.preflight = [...pre.checks, ...report.preflight];
    if (pre.blocked && options.dryRun) {
      return finish(
        {
          status: "dry-run",
          code: "DRY_RUN",
          reason: `dry run: nothing was written; a real run would be blocked (${pre.blocked.code}): ${pre.blocked.reason ?? ""}`,
          ...pre.blocked.rerunHint ? { rerunHint: pre.blocked.rerunHint } : {}
        },
        { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) }
      );
    }
    if (pre.blocked) return finish(pre.blocked);
  }
  if (stage.bundle === null && destination !== "local") {
    return finish({
      status: "blocked",
      code: report.preflight.find((c) => c.id === "cuj-local-copy" && c.status === "fail")?.code ?? report.preflight.find((c) => c.id === "cuj-bundle")?.code ?? PublisherErrorCodes.CUJ_POLICY_FAILED,
      reason: "the CUJ bundle could not be loaded or copied, so there is nothing to upload",
      rerunHint: "fix the bundle (see the cuj-bundle check) and re-run"
    });
  }
  let durable = [];
  let indexUrl = null;
  if (options.dryRun) {
    const body2 = renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets });
    return finish(
      {
        status: "dry-run",
        code: "DRY_RUN",
        reason: `dry run: would publish to ${describeTarget(destination, thread)}; nothing was written`,
        rerunHint: "re-run without --dry-run to publish"
      },
      { commentBody: body2 }
    );
  }
  try {
    ({ durable, indexUrl } = await sendToDestination(stage.bundle, destination, { options, ports, thread, now }));
  } catch (error) {
    const e = toCodexrelError(error);
    return finish({
      status: "blocked",
      code: e.code,
      reason: `the ${destination} destination failed: ${e.message}`,
      rerunHint: e.hint
    });
  }
  if (durable.length > 0) report.artifacts = durable;
  const durableUrls = durable.map((a) => a.url);
  if (!thread) {
    return finish(
      { status: "published", url: indexUrl, reason: `published to ${describeTarget(destination, null)}` },
      { durableUrls }
    );
  }
  if (!ports?.upsertComment) {
    return finish(
      {
        status: "blocked",
        code: "GITHUB_TOKEN_MISSING",
        reason: "no GitHub access to write the report comment",
        rerunHint: "set GITHUB_TOKEN with issues/pull-requests: write and re-run"
      },
      { durableUrls }
    );
  }
  const body = renderCommentBody(report, { reportKind, indexUrl, secrets: options.secrets });
  const leaked = findLocalPaths(body, { ephemeralDirs: options.ephemeralDirs ?? [] });
  if (leaked.length > 0) {
    return finish(
      {
        status: "blocked",
        code: PublisherErrorCodes.COMMENT_HAS_LOCAL_PATH,
        reason: `the comment would link local paths (${leaked.slice(0, 3).join(", ")}); not posted`,
        rerunHint: "publish the files to a destination that returns links (--destination artifact|branch)"
      },
      { durableUrls, commentBody: body }
    );
  }
  let comment;
  try {
    comment = await ports.upsertComment(thread, { kind: "report", id: reportKind }, body);
  } catch (error) {
    const e = toCodexrelError(error);
    return finish(
      {
        status: "blocked",
        code: e.code,
        reason: `the report comment was not written: ${e.message}`,
        rerunHint: e.hint
      },
      { durableUrls, commentBody: body }
    );
  }
  report.artifacts = [
    ...report.artifacts,
    { name: "report comment", kind: "report", url: comment.url, durable: true, destination: "comment" }
  ];
  return finish(
    {
      status: "published",
      url: comment.url,
      reason: `report comment ${comment.action}${durable.length > 0 ? `; evidence on ${describeTarget(destination, null)}` : ""}`
    },
    { durableUrls, commentBody: body, comment }
  );
}

// src/publish-artifacts.ts
var env = process.env;
var workspace = env.GITHUB_WORKSPACE || process.cwd();
var runnerTemp = env.RUNNER_TEMP || tmpdir();
var outDir = join4(runnerTemp, "codexrel-publish");
var advisory = mode() !== "blocking";
var secrets = actionSecrets();
var DESTINATIONS = ["artifact", "branch", "local"];
function common() {
  const bundle = text("bundle", { required: true });
  return {
    bundle,
    bundleDir: resolve4(workspace, bundle),
    destination: choice("destination", DESTINATIONS, "artifact"),
    // Checked by the publisher (USAGE naming the presets).
    policy: text("policy") || "strict"
  };
}
function targetThread() {
  const repository = env.GITHUB_REPOSITORY;
  const raw = text("thread") || "auto";
  if (raw === "none" || !repository) return null;
  const event = eventThread();
  if (raw === "auto") {
    return event ? { repository: `${event.ref.owner}/${event.ref.repo}`, kind: event.ref.kind, number: event.ref.number } : null;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw invalid(
      "thread",
      `${JSON.stringify(raw)} is not auto, none or a number`,
      "Set `thread` to auto, none or an issue or pull request number."
    );
  return { repository, kind: event?.ref.number === n ? event.ref.kind : "issue", number: n };
}
async function prepare() {
  const { bundle, bundleDir, destination, policy } = common();
  const stage = await runCujStage({ bundleDir, outDir, policy, shownBundleDir: bundle });
  for (const c of stage.checks) {
    if (c.status === "fail") warning(`${c.id}: ${c.reason}`, { title: `codexrel: ${c.code}` });
  }
  const uploadable = stage.artifacts.length > 0 && destination === "artifact";
  setOutput("upload-path", uploadable ? join4(outDir, "cuj") : "");
}
async function publish() {
  const { bundle, bundleDir, destination, policy } = common();
  const thread = targetThread();
  const token = text("github-token") || null;
  const ports = githubPublishPorts({
    token: tokenFromInput(token ?? ""),
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    event: eventThread()
  });
  const commit = commitIdentityFromActionsEnv({ ...env, GITHUB_ACTIONS: "true" });
  const result = await publishBundle({
    bundleDir,
    outDir,
    destination,
    thread,
    repository: env.GITHUB_REPOSITORY ?? null,
    policy,
    reportKind: text("report-kind") || "cuj",
    artifactUrl: text("artifact-url") || null,
    artifactName: text("artifact-name") || "codexrel-cuj",
    ...Number(text("retention-days")) > 0 ? { artifactRetentionDays: Number(text("retention-days")) } : {},
    branch: {
      name: text("branch") || "codexrel-artifacts",
      ...env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}
    },
    // The runner's temp dir is gone after the job: links into it are refused.
    ephemeralDirs: [runnerTemp],
    ports,
    toolVersion: "action",
    title: "CUJ evidence",
    shownBundleDir: bundle,
    secrets,
    // The commit identity from GitHub's default variables: the bundle's journeys are evidence only
    // when its summary.json says it was recorded at this SHA.
    meta: {
      runUrl: commit.runUrl ?? null,
      sha: commit.sha ?? env.GITHUB_SHA ?? null,
      ref: commit.ref ?? null,
      event: commit.event ?? null,
      actor: commit.actor ?? null
    }
  });
  const p = result.report.publication;
  setOutput("comment-url", result.comment?.url ?? "");
  setOutput("artifact-urls", JSON.stringify(result.durableUrls));
  setOutput("publication-status", p.status);
  await summary.addRaw(renderJobSummary(result.report)).write();
  const failed = p.status === "blocked" || !result.report.decision.ready;
  if (!failed) {
    info(`publication: ${p.status}${p.url ? ` ${p.url}` : ""}`);
    return;
  }
  const why = p.status === "blocked" ? `publication blocked (${p.code}): ${p.reason}${p.rerunHint ? ` \u2014 to publish: ${p.rerunHint}` : ""}` : `not ready: ${result.report.decision.nextAction}`;
  if (advisory) warning(why, { title: "codexrel publish-artifacts" });
  else setFailed(why);
}
var phase = process.argv[2];
try {
  if (phase === "prepare") await prepare();
  else if (phase === "publish") await publish();
  else throw new Error(`unknown phase ${phase ?? "(none)"}; use prepare or publish`);
} catch (error) {
  const message = formatError(error);
  if (phase === "publish") {
    setOutput("comment-url", "");
    setOutput("artifact-urls", "[]");
    setOutput("publication-status", "blocked");
    await summary.addRaw(`### codexrel publish-artifacts

Publication blocked:

\`\`\`
${message}
\`\`\`
`).write();
  } else {
    setOutput("upload-path", "");
  }
  if (advisory) warning(message, { title: "codexrel publish-artifacts" });
  else setFailed(message);
}
