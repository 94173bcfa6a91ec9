/**
 * The local-directory backend (the default for the CLI and the demo): `<dir>/<key>.bundle` with a
 * `<key>.json` sidecar holding the save time. Writes are atomic (temporary file, then rename).
 */
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SessionErrorCodes, sessionError } from "../errors.js";
import type { SessionBackend } from "./types.js";

export interface LocalBackendOptions {
  /** Store directory; created on first save. */
  dir: string;
  /** Clock for the sidecar's `savedAt`. */
  now?: () => Date;
}

interface Sidecar {
  key: string;
  savedAt: string;
  bytes: number;
}

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/** Maps a key to a path under the store; every segment is checked, so a key cannot escape it. */
function keyPath(dir: string, key: string): string {
  const parts = key.split("/");
  if (parts.some((p) => !SEGMENT.test(p) || p === "." || p === "..")) {
    throw sessionError(
      SessionErrorCodes.SESSION_STORE_KEY_INVALID,
      `store key ${JSON.stringify(key)} has an unsafe segment`,
      "Keys are made by saveKey(); pass a thread key like owner/repo/issue-1.",
    );
  }
  return join(dir, ...parts);
}

export function createLocalBackend(options: LocalBackendOptions): SessionBackend {
  const now = options.now ?? (() => new Date());
  return {
    name: "local",
    async save(key, bundleFile) {
      const base = keyPath(options.dir, key);
      await mkdir(dirname(base), { recursive: true, mode: 0o700 });
      const tmp = `${base}.${randomBytes(6).toString("hex")}.tmp`;
      await copyFile(bundleFile, tmp);
      await rename(tmp, `${base}.bundle`);
      const { size } = await stat(`${base}.bundle`);
      const sidecar: Sidecar = { key, savedAt: now().toISOString(), bytes: size };
      await writeFile(`${tmp}.json`, JSON.stringify(sidecar, null, 2) + "\n", { mode: 0o600 });
      await rename(`${tmp}.json`, `${base}.json`);
    },
    async restore(prefix, destFile) {
      if (!prefix.endsWith("/")) throw new TypeError("restore prefix must end with '/'");
      const dir = keyPath(options.dir, prefix.slice(0, -1));
      const names = await readdir(dir).catch(() => [] as string[]);
      const candidates: Sidecar[] = [];
      for (const name of names) {
        if (!name.endsWith(".json")) continue;
        try {
          const sidecar = JSON.parse(await readFile(join(dir, name), "utf8")) as Sidecar;
          if (sidecar.key === `${prefix}${name.slice(0, -".json".length)}`) candidates.push(sidecar);
        } catch {
          // a half-written or foreign file is not a candidate
        }
      }
      candidates.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.key.localeCompare(a.key));
      for (const c of candidates) {
        const file = `${keyPath(options.dir, c.key)}.bundle`;
        try {
          await copyFile(file, destFile);
          return { key: c.key };
        } catch {
          await unlink(destFile).catch(() => {});
        }
      }
      return undefined;
    },
  };
}
