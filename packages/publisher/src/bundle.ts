/**
 * CUJ bundles: a folder with `summary.json` (the CUJ summary schema), screenshots, videos and
 * assertion logs. Loading checks the summary against the schema, keeps every referenced path
 * inside the folder (symlinks included), checks file kinds by content, and applies the minimum
 * artifact policy (summary, at least one screenshot and one video per journey) at the configured
 * strictness. Nothing here writes.
 */
import type { Dirent } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { CodexrelError, type CujSummary, formatIssue, validateCujSummary } from "@codexrel/core";
import { PublisherErrorCodes } from "./errors.js";
import { type FileKind, IMAGE_KINDS, KIND_EXTENSIONS, sniffFile, VIDEO_KINDS } from "./sniff.js";

/** How a rule of the minimum artifact policy is enforced. */
export type RuleLevel = "error" | "warning" | "off";

export interface ArtifactPolicy {
  /** At least one screenshot per journey that ran (status pass or fail). */
  screenshots: RuleLevel;
  /** A video per journey that ran. */
  video: RuleLevel;
  /** An assertion log per journey that ran. */
  log: RuleLevel;
  /** A file name whose extension disagrees with the content (content wins either way). */
  extensionMismatch: RuleLevel;
}

export type PolicyPreset = "strict" | "lenient" | "off";

export const POLICY_PRESETS: Readonly<Record<PolicyPreset, Readonly<ArtifactPolicy>>> = {
  strict: { screenshots: "error", video: "error", log: "off", extensionMismatch: "warning" },
  lenient: { screenshots: "warning", video: "warning", log: "off", extensionMismatch: "warning" },
  off: { screenshots: "off", video: "off", log: "off", extensionMismatch: "off" },
};

/** A preset name, or a preset (default strict) with some rules overridden. */
export type PolicyInput = PolicyPreset | (Partial<ArtifactPolicy> & { preset?: PolicyPreset });

export function resolvePolicy(input: PolicyInput = "strict"): ArtifactPolicy {
  if (typeof input === "string") {
    const preset = POLICY_PRESETS[input];
    if (!preset) {
      throw new CodexrelError("USAGE", `unknown artifact policy ${JSON.stringify(input)}`, {
        hint: "Use strict, lenient or off.",
      });
    }
    return { ...preset };
  }
  const { preset, ...overrides } = input;
  return { ...POLICY_PRESETS[preset ?? "strict"], ...overrides };
}

export type FileRole = "summary" | "screenshot" | "video" | "log" | "other";

export interface BundleFile {
  /** Path inside the bundle, with forward slashes. */
  path: string;
  absPath: string;
  size: number;
  kind: FileKind;
  mime: string | null;
  role: FileRole;
  /** Ids of the journeys that reference the file. */
  journeys: string[];
}

export interface BundleProblem {
  code: string;
  severity: "error" | "warning";
  message: string;
  path?: string;
  journey?: string;
}

export interface CujBundle {
  /** Absolute, symlink-free path of the bundle folder. */
  dir: string;
  summary: CujSummary;
  /** Every file in the bundle (sorted by path), except a previously generated index.md/index.html. */
  files: BundleFile[];
  problems: BundleProblem[];
  policy: ArtifactPolicy;
  /** True when no problem is an error. */
  ok: boolean;
}

export interface LoadBundleOptions {
  policy?: PolicyInput;
  /** Refuse bundles with more files than this (default 2,000). */
  maxFiles?: number;
  /** Refuse bundles larger than this in bytes (default 512 MiB). */
  maxBytes?: number;
}

export const SUMMARY_FILE = "summary.json";
/** Files the publisher generates at the bundle root; stale copies in the input are not re-published. */
export const GENERATED_FILES: ReadonlySet<string> = new Set(["index.md", "index.html", "redactions.json"]);

const DEFAULT_MAX_FILES = 2000;
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

async function listFiles(
  root: string,
  problems: BundleProblem[],
  limits: { maxFiles: number },
): Promise<Map<string, { abs: string; size: number }>> {
  const out = new Map<string, { abs: string; size: number }>();
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = toPosix(relative(root, abs));
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          problems.push({
            code: PublisherErrorCodes.CUJ_FILE_MISSING,
            severity: "error",
            message: `${rel} is a dangling symlink`,
            path: rel,
          });
          continue;
        }
        if (!isInside(root, target)) {
          problems.push({
            code: PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE,
            severity: "error",
            message: `${rel} is a symlink that leads outside the bundle; it is not published`,
            path: rel,
          });
          continue;
        }
        const s = await stat(target);
        if (s.isFile()) out.set(rel, { abs: target, size: s.size });
        // Symlinked folders inside the bundle are reached directly; not followed twice.
      } else if (e.isDirectory()) {
        await walk(abs);
      } else if (e.isFile()) {
        out.set(rel, { abs, size: (await stat(abs)).size });
      }
      if (out.size > limits.maxFiles) {
        throw new CodexrelError(
          PublisherErrorCodes.CUJ_BUNDLE_TOO_LARGE,
          `the bundle has more than ${limits.maxFiles} files`,
          { hint: "Publish fewer files (one short video and a few screenshots per journey), or raise maxFiles." },
        );
      }
    }
  };
  await walk(root);
  return out;
}

async function readSummary(root: string): Promise<CujSummary> {
  const path = join(root, SUMMARY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new CodexrelError(PublisherErrorCodes.CUJ_SUMMARY_MISSING, `the bundle has no ${SUMMARY_FILE}`, {
      hint: `Write ${SUMMARY_FILE} (the CUJ summary schema) at the root of the bundle folder.`,
      cause,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_SUMMARY_NOT_JSON,
      `${SUMMARY_FILE} is not valid JSON: ${(cause as Error).message}`,
      { hint: `Fix the JSON syntax of ${SUMMARY_FILE}.`, cause },
    );
  }
  const result = validateCujSummary(value);
  if (!result.valid) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_SUMMARY_INVALID,
      `${SUMMARY_FILE} does not match the CUJ summary schema: ${result.errors.length} error(s); first: ${formatIssue(result.errors[0])}`,
      {
        hint: "Fix the fields listed in details.errors; see @codexrel/core/schemas/cuj-summary.schema.json.",
        details: { errors: result.errors },
      },
    );
  }
  return result.value;
}

/** Loads and checks a CUJ bundle. Throws only when there is no usable summary or the bundle is too large. */
export async function loadBundle(bundleDir: string, options: LoadBundleOptions = {}): Promise<CujBundle> {
  const policy = resolvePolicy(options.policy);
  let root: string;
  try {
    root = await realpath(resolve(bundleDir));
    if (!(await stat(root)).isDirectory()) throw new Error("not a directory");
  } catch (cause) {
    throw new CodexrelError(PublisherErrorCodes.CUJ_BUNDLE_NOT_FOUND, `${bundleDir} is not a bundle folder`, {
      hint: "Pass the folder that holds summary.json, the screenshots and the video.",
      cause,
    });
  }
  const summary = await readSummary(root);
  const problems: BundleProblem[] = [];
  const listed = await listFiles(root, problems, { maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES });
  for (const name of GENERATED_FILES) listed.delete(name);
  const total = [...listed.values()].reduce((n, f) => n + f.size, 0);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (total > maxBytes) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_BUNDLE_TOO_LARGE,
      `the bundle holds ${total} bytes, more than the limit of ${maxBytes}`,
      { hint: "Keep videos short and screenshots few, or raise maxBytes." },
    );
  }

  const files = new Map<string, BundleFile>();
  for (const [path, f] of listed) {
    const sniffed = await sniffFile(f.abs);
    files.set(path, {
      path,
      absPath: f.abs,
      size: f.size,
      kind: sniffed.kind,
      mime: sniffed.mime,
      role: path === SUMMARY_FILE ? "summary" : "other",
      journeys: [],
    });
  }

  const problem = (p: BundleProblem) => problems.push(p);
  const ruled = (level: RuleLevel, p: Omit<BundleProblem, "severity">) => {
    if (level !== "off") problem({ ...p, severity: level });
  };

  /** Resolves a path from summary.json to a bundle file, or records why it cannot. */
  const reference = (raw: string, role: FileRole, journey: string): BundleFile | null => {
    const normal = posix.normalize(raw.replace(/\\/g, "/")).replace(/^\.\//, "");
    const abs = resolve(root, normal);
    if (!isInside(root, abs) || normal.startsWith("../") || normal === "..") {
      problem({
        code: PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE,
        severity: "error",
        message: `journey ${journey}: ${role} ${raw} is outside the bundle`,
        path: raw,
        journey,
      });
      return null;
    }
    const file = files.get(toPosix(relative(root, abs)));
    if (!file) {
      const outside = problems.some(
        (p) =>
          p.code === PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE &&
          p.path !== undefined &&
          (p.path === normal || normal.startsWith(`${p.path}/`)),
      );
      problem({
        code: outside ? PublisherErrorCodes.CUJ_PATH_OUTSIDE_BUNDLE : PublisherErrorCodes.CUJ_FILE_MISSING,
        severity: "error",
        message: outside
          ? `journey ${journey}: ${role} ${raw} leads outside the bundle`
          : `journey ${journey}: ${role} ${raw} does not exist in the bundle`,
        path: raw,
        journey,
      });
      return null;
    }
    if (!file.journeys.includes(journey)) file.journeys.push(journey);
    if (file.role === "other") file.role = role;
    return file;
  };

  const expectKind = (file: BundleFile, allowed: ReadonlySet<FileKind>, what: string, journey: string): boolean => {
    if (allowed.has(file.kind)) {
      const ext = extname(file.path).slice(1).toLowerCase();
      if (!KIND_EXTENSIONS[file.kind].includes(ext)) {
        ruled(policy.extensionMismatch, {
          code: PublisherErrorCodes.CUJ_EXTENSION_MISMATCH,
          message: `${file.path} holds ${file.kind} data but is named .${ext || "(none)"}; it is served as ${file.mime}`,
          path: file.path,
          journey,
        });
      }
      return true;
    }
    problem({
      code: PublisherErrorCodes.CUJ_KIND_MISMATCH,
      severity: "error",
      message: `journey ${journey}: ${file.path} is not ${what} by its content (found ${file.kind})`,
      path: file.path,
      journey,
    });
    return false;
  };

  for (const j of summary.journeys) {
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
        journey: j.id,
      });
    }
    if (videos === 0) {
      ruled(policy.video, {
        code: PublisherErrorCodes.CUJ_NO_VIDEO,
        message: `journey ${j.id} has no usable video`,
        journey: j.id,
      });
    }
    if (logs === 0) {
      ruled(policy.log, {
        code: PublisherErrorCodes.CUJ_NO_LOG,
        message: `journey ${j.id} has no assertion log`,
        journey: j.id,
      });
    }
  }

  return {
    dir: root,
    summary,
    files: [...files.values()],
    problems,
    policy,
    ok: !problems.some((p) => p.severity === "error"),
  };
}

export interface JourneyTotals {
  journeys: { pass: number; fail: number; skip: number };
  assertions: { pass: number; fail: number; skip: number };
}

export function journeyTotals(summary: CujSummary): JourneyTotals {
  const t: JourneyTotals = { journeys: { pass: 0, fail: 0, skip: 0 }, assertions: { pass: 0, fail: 0, skip: 0 } };
  for (const j of summary.journeys) {
    t.journeys[j.status] += 1;
    for (const a of j.assertions) t.assertions[a.status] += 1;
  }
  return t;
}
