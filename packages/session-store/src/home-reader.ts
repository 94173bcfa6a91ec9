/**
 * Reading CODEX_HOME for a save: which files may go in (`walk`), a SQLite database grouped with
 * its `-wal`/`-shm` (`groupSqlite`), and each group read consistently (`capture`): re-read until
 * it did not change while it was read. Files are opened with O_NOFOLLOW, never through a link.
 */
import {
  closeSync,
  type Dirent,
  constants as fsConstants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  type Stats,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { SessionErrorCodes, sessionError } from "./errors.js";
import type { ExcludedEntry } from "./manifest.js";
import { excludedByDefault, neverSaved, type SaveExcludeOptions, SQLITE_COMPANIONS, sqliteMain } from "./rules.js";

export interface Candidate {
  rel: string;
  abs: string;
}

export interface Loaded {
  rel: string;
  content: Buffer;
  stat: Stats;
}

/**
 * Lists what may go into the bundle. File types come from the directory entries (no per-file
 * lstat); each file is opened with O_NOFOLLOW later, so a file swapped for a link is not followed.
 * Synchronous on purpose: 10,000 small async fs calls cost more in dispatch than the calls do.
 */
export async function walk(home: string, options: SaveExcludeOptions, excluded: ExcludedEntry[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const visit = (relDir: string): void => {
    const absDir = relDir ? join(home, relDir) : home;
    const entries: Dirent[] = readdirSync(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const reason = neverSaved(rel) ?? excludedByDefault(rel, options);
      if (reason) {
        // Credentials are listed by name only; nothing about their content.
        excluded.push({ path: rel, reason });
        continue;
      }
      if (entry.isSymbolicLink()) excluded.push({ path: rel, reason: "symlink" });
      else if (entry.isDirectory()) subdirs.push(rel);
      else if (entry.isFile()) out.push({ rel, abs: join(home, rel) });
      else excluded.push({ path: rel, reason: entry.isSocket() ? "socket" : "special-file" });
    }
    for (const d of subdirs) visit(d);
  };
  visit("");
  return out;
}

/** Each unit is captured as one: a SQLite database with its companions, or a single file. */
export function groupSqlite(candidates: Candidate[]): Candidate[][] {
  const byRel = new Map(candidates.map((c) => [c.rel, c]));
  const grouped = new Set<string>();
  const units: Candidate[][] = [];
  for (const c of candidates) {
    if (grouped.has(c.rel)) continue;
    const main = sqliteMain(c.rel);
    const head = main !== undefined && byRel.has(main) ? main : c.rel;
    const members = [head, ...SQLITE_COMPANIONS.map((s) => head + s)]
      .map((rel) => byRel.get(rel))
      .filter((m): m is Candidate => m !== undefined && !grouped.has(m.rel));
    for (const m of members) grouped.add(m.rel);
    units.push(members);
  }
  return units;
}

const sameStat = (a: Stats | undefined, b: Stats | undefined) =>
  a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);

/** Reads a regular file whole; undefined when it vanished or is no longer a regular file. */
export function readRegular(abs: string, scratch?: { buf: Buffer }): { content: Buffer; stat: Stats } | undefined {
  let fd: number;
  try {
    fd = openSync(abs, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ELOOP") return undefined;
    throw error;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    // Read to EOF: a file still growing is captured up to where it is now.
    let buf: Buffer;
    if (scratch) {
      if (scratch.buf.length < st.size + 1)
        scratch.buf = Buffer.allocUnsafe(Math.max(st.size + 1, scratch.buf.length * 2));
      buf = scratch.buf;
    } else buf = Buffer.allocUnsafe(st.size);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        const grown = Buffer.allocUnsafe(Math.max(64 * 1024, buf.length * 2));
        buf.copy(grown, 0, 0, length);
        buf = grown;
        if (scratch) scratch.buf = grown;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { content: length === buf.length && !scratch ? buf : buf.subarray(0, length), stat: st };
  } finally {
    closeSync(fd);
  }
}

/**
 * A single file is read into `scratch` (reused across files: the content is copied into the tar
 * block before the next read); the members of a SQLite group get buffers of their own.
 */
export async function capture(unit: Candidate[], retries: number, scratch: { buf: Buffer }): Promise<Loaded[]> {
  if (unit.length === 1) {
    const [c] = unit as [Candidate];
    const got = readRegular(c.abs, scratch);
    return got ? [{ rel: c.rel, ...got }] : [];
  }
  for (let attempt = 0; attempt <= retries; attempt++) {
    const before = unit.map((c) => statOrUndefined(c.abs));
    const got = unit.map((c) => readRegular(c.abs));
    const after = unit.map((c) => statOrUndefined(c.abs));
    const stable = unit.every(
      (_, i) => sameStat(before[i], after[i]) && got[i] !== undefined && got[i]?.content.length === after[i]?.size,
    );
    if (stable) return unit.map((c, i) => ({ rel: c.rel, content: got[i]!.content, stat: after[i] as Stats }));
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw sessionError(
    SessionErrorCodes.SESSION_SQLITE_BUSY,
    `SQLite database ${unit[0]?.rel} kept changing while it was captured`,
    "Save after the Codex CLI has exited (the save step runs after the agent step).",
  );
}

function statOrUndefined(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}
