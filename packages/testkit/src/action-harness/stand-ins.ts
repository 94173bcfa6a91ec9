/**
 * Local stand-ins for the official actions the project's composite actions rely on. They keep the
 * documented inputs and outputs of `actions/cache/restore` and `actions/cache/save` (v5) and
 * `actions/upload-artifact` (v7), the majors the project pins, store into plain folders, and report
 * through the same warnings and failures the real actions give. A stand-in answers to its action's
 * name whatever the ref, so SHA-pinned `uses:` reach it too.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { parseActionRef } from "./action-ref.js";
import { resolveRunnerPath } from "./expressions.js";

export interface StandInContext {
  workspace: string;
  home: string;
  serverUrl: string;
  repository: string;
  runId: string;
  cache: CacheStore;
  artifacts: ArtifactStore;
  warning(message: string): void;
  error(message: string): void;
  info(message: string): void;
}

export interface StandInResult {
  outputs: Record<string, string>;
  /** Set when the real action would fail the step (core.setFailed). */
  failed?: string;
}

export interface StandIn {
  /** `owner/repo[/path]` without the ref. */
  name: string;
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: string[];
  run(inputs: Record<string, string>, ctx: StandInContext): StandInResult;
}

const lines = (s: string | undefined) =>
  (s ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

const bool = (s: string | undefined) => (s ?? "").trim().toLowerCase() === "true";

// ---------------------------------------------------------------------------------------------
// Cache

export interface CacheEntry {
  key: string;
  version: string;
  /** Save order (the service restores the most recent prefix match). */
  seq: number;
  /** Where each stored item goes back: workspace-relative when it was inside the workspace, else absolute. */
  items: { slot: string; path: string }[];
  dir: string;
}

/** A directory-backed cache: `<root>/<seq>/meta.json` plus the saved files. */
export class CacheStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  entries(): CacheEntry[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((d) => existsSync(join(this.root, d, "meta.json")))
      .map((d) => ({
        ...(JSON.parse(readFileSync(join(this.root, d, "meta.json"), "utf8")) as CacheEntry),
        dir: join(this.root, d),
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /** Exact key first, then the most recent entry whose key starts with the key, then each restore key as a prefix, in order. */
  find(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    const candidates = this.entries().filter((e) => e.version === version);
    const exact = candidates.find((e) => e.key === key);
    if (exact) return exact;
    for (const prefix of [key, ...restoreKeys]) {
      const matches = candidates.filter((e) => e.key.startsWith(prefix));
      if (matches.length > 0) return matches[matches.length - 1];
    }
    return undefined;
  }

  has(key: string, version: string): boolean {
    return this.entries().some((e) => e.key === key && e.version === version);
  }

  save(key: string, version: string, files: { source: string; path: string }[]): CacheEntry {
    const seq = this.entries().reduce((max, e) => Math.max(max, e.seq), 0) + 1;
    const dir = join(this.root, String(seq).padStart(6, "0"));
    mkdirSync(dir, { recursive: true });
    const items = files.map((f, i) => {
      const slot = `item-${i}`;
      cpSync(f.source, join(dir, slot), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
      return { slot, path: f.path };
    });
    const meta = { key, version, seq, items };
    writeFileSync(join(dir, "meta.json"), JSON.stringify(meta, null, 2));
    return { ...meta, dir };
  }
}

/** @actions/cache's version: the paths and the compression method (the harness uses one method). */
export function cacheVersion(paths: string[]): string {
  return createHash("sha256")
    .update([...paths, "zstd-without-long"].join("|"))
    .digest("hex");
}

function validateKey(key: string): string | undefined {
  if (key.length > 512) return `Key Validation Error: ${key} cannot be larger than 512 characters.`;
  if (key.includes(",")) return `Key Validation Error: ${key} cannot contain commas.`;
  return undefined;
}

/** Files and folders a cache `path:` list names (globs expanded), each with the path it is stored under. */
function resolveCachePaths(patterns: string[], ctx: StandInContext): { source: string; path: string }[] {
  const found = new Map<string, string>();
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    const absolute = resolveRunnerPath(pattern, ctx.workspace, ctx.home);
    const matches = isDynamicPattern(pattern)
      ? globAbsolute(absolute, [], false)
      : existsSync(absolute)
        ? [absolute]
        : [];
    for (const m of matches) {
      const abs = resolve(m);
      const inside = abs === ctx.workspace || abs.startsWith(ctx.workspace + sep);
      found.set(abs, inside ? relative(ctx.workspace, abs) || "." : abs);
    }
  }
  return [...found].map(([source, path]) => ({ source, path }));
}

export const cacheRestore: StandIn = {
  name: "actions/cache/restore",
  inputs: {
    path: { required: true },
    key: { required: true },
    "restore-keys": {},
    enableCrossOsArchive: { default: "false" },
    "fail-on-cache-miss": { default: "false" },
    "lookup-only": { default: "false" },
  },
  outputs: ["cache-hit", "cache-primary-key", "cache-matched-key"],
  run(inputs, ctx) {
    const outputs: Record<string, string> = {};
    const key = inputs["key"] ?? "";
    if (key === "") return { outputs, failed: "Input required and not supplied: key" };
    outputs["cache-primary-key"] = key;
    const paths = lines(inputs["path"]);
    if (paths.length === 0) return { outputs, failed: "Input required and not supplied: path" };
    const restoreKeys = lines(inputs["restore-keys"]);
    for (const k of [key, ...restoreKeys]) {
      const invalid = validateKey(k);
      if (invalid) return { outputs, failed: invalid };
    }
    const entry = ctx.cache.find(key, restoreKeys, cacheVersion(paths));
    if (!entry) {
      // actions/cache leaves `cache-hit` unset on a miss (actions/cache#1466), so does the stand-in.
      if (bool(inputs["fail-on-cache-miss"])) {
        return {
          outputs,
          failed: `Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: ${key}`,
        };
      }
      ctx.info(`Cache not found for input keys: ${[key, ...restoreKeys].join(", ")}`);
      return { outputs };
    }
    if (!bool(inputs["lookup-only"])) {
      for (const item of entry.items) {
        const target = isAbsolute(item.path) ? item.path : join(ctx.workspace, item.path);
        mkdirSync(dirname(target), { recursive: true });
        cpSync(join(entry.dir, item.slot), target, {
          recursive: true,
          preserveTimestamps: true,
          verbatimSymlinks: true,
        });
      }
    }
    outputs["cache-matched-key"] = entry.key;
    outputs["cache-hit"] = String(entry.key === key);
    ctx.info(`Cache restored from key: ${entry.key}`);
    return { outputs };
  },
};

export const cacheSave: StandIn = {
  name: "actions/cache/save",
  inputs: {
    path: { required: true },
    key: { required: true },
    "upload-chunk-size": {},
    enableCrossOsArchive: { default: "false" },
  },
  outputs: [],
  run(inputs, ctx) {
    // actions/cache/save reports every problem as a warning and never fails the step.
    const key = inputs["key"] ?? "";
    if (key === "") {
      ctx.warning("Key is not specified.");
      return { outputs: {} };
    }
    const paths = lines(inputs["path"]);
    const invalid = validateKey(key);
    if (invalid) {
      ctx.warning(invalid);
      return { outputs: {} };
    }
    const version = cacheVersion(paths);
    const files = resolveCachePaths(paths, ctx);
    if (files.length === 0) {
      ctx.warning(
        "Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.",
      );
      return { outputs: {} };
    }
    if (ctx.cache.has(key, version)) {
      ctx.warning(`Failed to save: Unable to reserve cache with key ${key}, another job may be creating this cache.`);
      return { outputs: {} };
    }
    ctx.cache.save(key, version, files);
    ctx.info(`Cache saved with key: ${key}`);
    return { outputs: {} };
  },
};

// ---------------------------------------------------------------------------------------------
// Artifacts

export interface ArtifactRecord {
  id: number;
  name: string;
  url: string;
  digest: string;
  retentionDays?: number;
  /** Folder holding the uploaded files, laid out relative to the upload root. */
  dir: string;
  files: string[];
}

/** An artifact folder: `<root>/<id>-<name>/` plus `<root>/artifacts.json`. */
export class ArtifactStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  private get indexFile(): string {
    return join(this.root, "artifacts.json");
  }

  list(): ArtifactRecord[] {
    return existsSync(this.indexFile) ? (JSON.parse(readFileSync(this.indexFile, "utf8")) as ArtifactRecord[]) : [];
  }

  get(name: string): ArtifactRecord | undefined {
    return this.list().find((a) => a.name === name);
  }

  remove(name: string): void {
    const existing = this.get(name);
    if (existing) rmSync(existing.dir, { recursive: true, force: true });
    writeFileSync(
      this.indexFile,
      JSON.stringify(
        this.list().filter((a) => a.name !== name),
        null,
        2,
      ),
    );
  }

  add(
    record: Omit<ArtifactRecord, "id" | "dir" | "url">,
    url: (id: number) => string,
    copy: (dir: string) => void,
  ): ArtifactRecord {
    const all = this.list();
    const id = all.reduce((max, a) => Math.max(max, a.id), 1000) + 1;
    const dir = join(this.root, `${id}-${record.name}`);
    mkdirSync(dir, { recursive: true });
    copy(dir);
    const full: ArtifactRecord = { ...record, id, dir, url: url(id) };
    writeFileSync(this.indexFile, JSON.stringify([...all, full], null, 2));
    return full;
  }
}

const INVALID_ARTIFACT_NAME = /["':<>|*?\r\n\\/]/;

/** Expands an absolute glob: searched from its fixed prefix, so patterns outside the workspace work too. */
function globAbsolute(pattern: string, excludes: string[], onlyFiles: boolean): string[] {
  const base = searchPath(pattern);
  if (!existsSync(base)) return [];
  const rest = relative(base, pattern);
  const ignore = excludes.map((e) => relative(base, e));
  return globSync(rest, { cwd: base, absolute: true, dot: true, onlyFiles, expandDirectories: false, ignore }).map(
    (f) => resolve(f),
  );
}

/** The part of a pattern before its first glob segment (what @actions/upload-artifact calls the search path). */
function searchPath(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || "/";
}

function commonAncestor(paths: string[]): string {
  if (paths.length === 0) return "/";
  const split = paths.map((p) => p.split(sep));
  const first = split[0]!;
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

function collectArtifactFiles(
  pathInput: string,
  includeHidden: boolean,
  ctx: StandInContext,
): { root: string; files: string[] } {
  const patterns = lines(pathInput);
  const includes = patterns.filter((p) => !p.startsWith("!")).map((p) => resolveRunnerPath(p, ctx.workspace, ctx.home));
  const excludes = patterns
    .filter((p) => p.startsWith("!"))
    .map((p) => resolveRunnerPath(p.slice(1), ctx.workspace, ctx.home));
  const files = new Set<string>();
  const roots: string[] = [];
  for (const inc of includes) {
    if (isDynamicPattern(inc)) {
      roots.push(resolve(searchPath(inc)));
      for (const f of globAbsolute(inc, excludes, true)) files.add(f);
    } else if (existsSync(inc)) {
      const abs = resolve(inc);
      if (statSync(abs).isDirectory()) {
        roots.push(abs);
        for (const f of globSync("**/*", {
          cwd: abs,
          absolute: true,
          dot: true,
          onlyFiles: true,
          ignore: excludes.map((e) => relative(abs, e)),
        })) {
          files.add(resolve(f));
        }
      } else {
        roots.push(dirname(abs));
        files.add(abs);
      }
    }
  }
  const root = roots.length === 1 ? roots[0]! : commonAncestor(roots);
  const kept = [...files]
    .filter(
      (f) =>
        includeHidden ||
        !relative(root, f)
          .split(sep)
          .some((seg) => seg.startsWith(".")),
    )
    .sort();
  return { root, files: kept };
}

export const uploadArtifact: StandIn = {
  name: "actions/upload-artifact",
  inputs: {
    name: { default: "artifact" },
    path: { required: true },
    "if-no-files-found": { default: "warn" },
    "retention-days": { default: "0" },
    "compression-level": { default: "6" },
    overwrite: { default: "false" },
    "include-hidden-files": { default: "false" },
    archive: { default: "true" },
  },
  outputs: ["artifact-id", "artifact-url", "artifact-digest"],
  run(inputs, ctx): StandInResult {
    const name = inputs["name"] || "artifact";
    if (!inputs["path"]) return { outputs: {}, failed: "Input required and not supplied: path" };
    // v7's `archive: false` uploads one file as is (no zip); the stand-in keeps folders only.
    if ((inputs["archive"] ?? "true").trim().toLowerCase() === "false") {
      return { outputs: {}, failed: "the upload-artifact stand-in does not model 'archive: false'" };
    }
    if (INVALID_ARTIFACT_NAME.test(name)) {
      return {
        outputs: {},
        failed: `The artifact name is not valid: ${name}. Contains the following character: one of " : < > | * ? \\r \\n \\ /`,
      };
    }
    const ifNoFiles = (inputs["if-no-files-found"] || "warn").toLowerCase();
    if (!["warn", "error", "ignore"].includes(ifNoFiles)) {
      return {
        outputs: {},
        failed: `Unrecognized if-no-files-found input. Provided: ${ifNoFiles}. Available options: warn, error, ignore`,
      };
    }
    const { root, files } = collectArtifactFiles(inputs["path"], bool(inputs["include-hidden-files"]), ctx);
    if (files.length === 0) {
      const message = `No files were found with the provided path: ${inputs["path"]}. No artifacts will be uploaded.`;
      if (ifNoFiles === "error") return { outputs: {}, failed: message };
      if (ifNoFiles === "warn") ctx.warning(message);
      else ctx.info(message);
      return { outputs: {} };
    }
    if (ctx.artifacts.get(name)) {
      if (!bool(inputs["overwrite"])) {
        return {
          outputs: {},
          failed:
            "Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
        };
      }
      ctx.artifacts.remove(name);
    }
    const relativeFiles = files.map((f) => relative(root, f));
    const digest = createHash("sha256");
    for (const f of files) digest.update(relative(root, f)).update("\0").update(readFileSync(f));
    const retention = Number(inputs["retention-days"] || "0");
    const record = ctx.artifacts.add(
      {
        name,
        files: relativeFiles,
        digest: digest.digest("hex"),
        ...(retention > 0 ? { retentionDays: retention } : {}),
      },
      (id) => `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/artifacts/${id}`,
      (dir) => {
        for (const f of files) {
          const target = join(dir, relative(root, f));
          mkdirSync(dirname(target), { recursive: true });
          cpSync(f, target, { preserveTimestamps: true });
        }
      },
    );
    ctx.info(`Artifact ${name} has been successfully uploaded! Final size is ${files.length} files`);
    return {
      outputs: { "artifact-id": String(record.id), "artifact-url": record.url, "artifact-digest": record.digest },
    };
  },
};

export const STAND_INS: StandIn[] = [cacheRestore, cacheSave, uploadArtifact];

/** The stand-in for a `uses:` value (`owner/repo[/path]@ref`, any ref: tag, branch or pinned SHA), or undefined when there is none. */
export function standInFor(uses: string): StandIn | undefined {
  const name = parseActionRef(uses)?.name;
  return STAND_INS.find((s) => s.name === name);
}
