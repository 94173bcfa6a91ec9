/**
 * The stand-ins for `actions/cache/restore@v4` and `actions/cache/save@v4`, over a directory-backed
 * cache: exact key, then the key as a prefix, then each restore key, most recent first.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isDynamicPattern } from "tinyglobby";
import { resolveRunnerPath } from "./expressions.js";
import { globAbsolute } from "./stand-in-globs.js";
import { bool, lines } from "./stand-in-inputs.js";
import type { StandIn, StandInContext } from "./stand-ins.js";

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
    // The run's own scope first, then each scope it may read (actions/cache: "When a cache is not
    // found in the current branch, it searches the base branch and then the default branch").
    const version = cacheVersion(paths);
    let entry = ctx.cache.find(key, restoreKeys, version);
    for (const store of ctx.cacheFallbacks ?? []) entry ??= store.find(key, restoreKeys, version);
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
