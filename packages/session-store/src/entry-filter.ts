/**
 * Which tar entries a restore admits: only the manifest and regular files and directories under
 * `home/`, with relative, clean paths (no absolute paths, no `..`, no NUL or backslash, no links,
 * no devices, no duplicates), bounded in depth, path length, count and declared bytes. Files that
 * are never restored (credentials, config, protected kinds) are skipped and listed. The first
 * refusal is reported through `fail`, and nothing is admitted after it.
 */
import type { Stats } from "node:fs";
import type { CodexrelError } from "@codexrel/core";
import type { ReadEntry } from "tar";
import { HOME_DIR_ENTRY, MANIFEST_ENTRY } from "./manifest.js";
import { type RestoreLimits, tooLarge, unsafe } from "./restore-limits.js";
import { neverSaved, protectedOnRestore } from "./rules.js";

export interface SkippedEntry {
  path: string;
  reason: "protected" | "never-restored";
}

export interface EntryAdmission {
  /** node-tar's `filter`: true admits the entry (and may tighten its mode). */
  filter: (path: string, entry: ReadEntry | Stats) => boolean;
  /** What was left out on purpose, by path below `home/`. */
  skipped: SkippedEntry[];
}

const MAX_MANIFEST_BYTES = 64 * 1024 ** 2;

export function admitEntries(
  limits: Required<RestoreLimits>,
  fail: (error: CodexrelError) => void,
  failed: () => boolean,
): EntryAdmission {
  const seen = new Set<string>();
  const skipped: SkippedEntry[] = [];
  let fileCount = 0;
  let declaredBytes = 0;
  const refuse = (error: CodexrelError): false => {
    fail(error);
    return false;
  };
  /** False (and refused) when the entry came before. */
  const firstSighting = (trimmed: string, path: string): boolean => {
    if (seen.has(trimmed)) return refuse(unsafe("duplicate entry", path));
    seen.add(trimmed);
    return true;
  };

  const admitHomeFile = (e: ReadEntry, path: string, trimmed: string, rel: string): boolean => {
    if (rel === "") return refuse(unsafe("file in place of the home directory", path));
    if (!firstSighting(trimmed, path)) return false;
    if (protectedOnRestore(rel)) {
      skipped.push({ path: rel, reason: "protected" });
      return false;
    }
    if (neverSaved(rel)) {
      skipped.push({ path: rel, reason: "never-restored" });
      return false;
    }
    fileCount += 1;
    declaredBytes += e.size ?? 0;
    if (fileCount > limits.maxFiles) return refuse(tooLarge(`more than ${limits.maxFiles} files`));
    if (declaredBytes > limits.maxBytes) return refuse(tooLarge(`more than ${limits.maxBytes} bytes`));
    e.mode = (typeof e.mode === "number" ? e.mode : 0o644) & 0o755;
    return true;
  };

  const filter = (path: string, entry: ReadEntry | Stats): boolean => {
    if (failed()) return false;
    const e = entry as ReadEntry;
    const checked = checkPath(path, e.type, limits);
    if ("error" in checked) return refuse(checked.error);
    const { trimmed, parts } = checked;
    if (trimmed === MANIFEST_ENTRY && e.type === "File") {
      if ((e.size ?? 0) > MAX_MANIFEST_BYTES) return refuse(tooLarge("manifest larger than 64 MiB"));
      if (!firstSighting(trimmed, path)) return false;
      e.mode = 0o600;
      return true;
    }
    if (parts[0] !== HOME_DIR_ENTRY) return refuse(unsafe(`entry outside ${HOME_DIR_ENTRY}/`, path));
    if (parts.length - 1 > limits.maxDepth) return refuse(tooLarge(`path deeper than ${limits.maxDepth} levels`));
    if (e.type === "Directory") {
      e.mode = 0o700;
      return true;
    }
    return admitHomeFile(e, path, trimmed, parts.slice(1).join("/"));
  };
  return { filter, skipped };
}

/**
 * The checks every entry passes, whatever it is: a path of bounded length, relative, without NUL,
 * backslash, `..`, `.` or empty segments, to a regular file or a directory.
 */
function checkPath(
  path: string,
  type: string,
  limits: Required<RestoreLimits>,
): { error: CodexrelError } | { trimmed: string; parts: string[] } {
  if (path.length > limits.maxPathLength) {
    return { error: tooLarge(`path longer than ${limits.maxPathLength} characters`) };
  }
  if (path.includes("\0") || path.includes("\\")) return { error: unsafe("path holds a NUL or backslash", path) };
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return { error: unsafe("absolute path", path) };
  const trimmed = type === "Directory" ? path.replace(/\/+$/, "") : path;
  const parts = trimmed.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === "")) {
    return { error: unsafe("path with '..', '.' or an empty segment", path) };
  }
  if (type !== "File" && type !== "Directory") {
    return { error: unsafe(`entry type ${type} (only files and directories are restored)`, path) };
  }
  return { trimmed, parts };
}
