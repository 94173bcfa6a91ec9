/**
 * GitHub Actions cache backend, for programmatic use from a JavaScript action (composite actions
 * use the official `actions/cache/restore` and `actions/cache/save` steps instead, because their
 * `run:` steps do not get `ACTIONS_RUNTIME_TOKEN`).
 *
 * This is the one place in the libraries that uses `@actions/cache` (an optional peer dependency,
 * loaded on first use). Everything it needs comes in as options; the runner's cache-service
 * credentials are read by `@actions/cache` itself.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { SessionErrorCodes, sessionError } from "../errors.js";
import type { SessionBackend } from "./types.js";

/** The subset of `@actions/cache` this backend calls; tests pass a fake. */
export interface ActionsCachePort {
  isFeatureAvailable(): boolean;
  saveCache(paths: string[], key: string): Promise<number>;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
}

export interface ActionsCacheBackendOptions {
  /**
   * A directory whose path is the same in the saving and the restoring job (the cache version is
   * derived from it), e.g. `<RUNNER_TEMP>/codexrel-session-cache`. Emptied before each use.
   */
  cacheDir: string;
  /** The cache implementation; default `@actions/cache`. */
  cache?: ActionsCachePort;
}

const BUNDLE_NAME = "session.bundle";
const OPTIONAL_PEER: string = "@actions/cache";

export function createActionsCacheBackend(options: ActionsCacheBackendOptions): SessionBackend {
  let loaded: ActionsCachePort | undefined = options.cache;
  const cache = async (): Promise<ActionsCachePort> => {
    if (!loaded) {
      try {
        // A computed specifier: bundlers leave the optional peer dependency to run time.
        const specifier = OPTIONAL_PEER;
        loaded = (await import(specifier)) as ActionsCachePort;
      } catch (cause) {
        throw sessionError(
          SessionErrorCodes.SESSION_BACKEND_FAILED,
          "@actions/cache is not installed",
          "Install @actions/cache next to @codexrel/session-store, or use the local backend.",
          { cause },
        );
      }
    }
    if (!loaded.isFeatureAvailable()) {
      throw sessionError(
        SessionErrorCodes.SESSION_BACKEND_FAILED,
        "the GitHub Actions cache service is not available in this job",
        "Run inside a GitHub Actions job (JavaScript action), or use the local backend.",
      );
    }
    return loaded;
  };
  const fresh = async () => {
    await rm(options.cacheDir, { recursive: true, force: true });
    await mkdir(options.cacheDir, { recursive: true, mode: 0o700 });
  };
  return {
    name: "actions-cache",
    async save(key, bundleFile) {
      const c = await cache();
      await fresh();
      await copyFile(bundleFile, join(options.cacheDir, BUNDLE_NAME));
      const id = await c.saveCache([options.cacheDir], key);
      if (typeof id === "number" && id < 0) {
        throw sessionError(
          SessionErrorCodes.SESSION_BACKEND_FAILED,
          `the cache service did not store ${key}`,
          "Another job may have saved the same key, or the cache is read-only for this event.",
        );
      }
    },
    async restore(prefix, destFile) {
      const c = await cache();
      await fresh();
      const key = await c.restoreCache([options.cacheDir], prefix, [prefix]);
      if (!key) return undefined;
      await copyFile(join(options.cacheDir, BUNDLE_NAME), destFile);
      return { key };
    },
  };
}
