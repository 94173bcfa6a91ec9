/**
 * All-or-nothing output sets: a command's output folder (report.json, report.md, summary.md,
 * report.html, comment.md, the CUJ copy) is built whole in a staging folder beside the target,
 * every write checked (a short write is continued, no progress is an error; ENOSPC/EIO/EACCES
 * raise), every file and folder fsynced, and then swapped in under a lock (`proper-lockfile`), so
 * concurrent runs into one folder commit one after the other and a reader sees one run's set.
 *
 * The swap: Node has no `renameat2(RENAME_EXCHANGE)`, so replacing a non-empty folder takes two
 * renames (target → `.<name>.old-*`, staging → target), adjacent and under the lock. A crash
 * between them leaves the previous set whole under `.old-*`; the next commit (or `recoverOutputSet`)
 * renames it back before doing anything else, and removes staging folders of dead processes.
 * On failure: `OUTPUT_WRITE`, the previous set untouched, no staging folder left.
 */
import * as nodeFs from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import lockfile from "proper-lockfile";

/** The file-system calls an output set makes: the real `node:fs/promises`, or a fault-injecting fake in tests. */
export interface OutputFs {
  open(path: string, flags: string, mode?: number): Promise<OutputFileHandle>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  readdir(path: string): Promise<string[]>;
  lstat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean }>;
}

export interface OutputFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const realOutputFs: OutputFs = {
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  mkdir: (path, options) => nodeFs.mkdir(path, options),
  rename: (from, to) => nodeFs.rename(from, to),
  rm: (path, options) => nodeFs.rm(path, options),
  readdir: (path) => nodeFs.readdir(path),
  lstat: (path) => nodeFs.lstat(path),
};

/** The names a codexrel output folder may hold; anything else there is someone else's and is never replaced. */
export const KNOWN_OUTPUT_NAMES = ["report.json", "report.md", "summary.md", "report.html", "comment.md", "cuj"];
const MARKER = ".codexrel-output-set";

export interface OutputSetOptions {
  fs?: OutputFs;
  /** How long to wait for another run's commit into the same folder (default 60 s). */
  lockWaitMs?: number;
}

function writeError(message: string, cause?: unknown): CodexrelError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new CodexrelError(ErrorCodes.OUTPUT_WRITE, `${message}${code ? ` (${code})` : ""}`, {
    hint: "Check that the output folder is writable and the disk is not full; the previous output is unchanged.",
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Writes all of `data`, continuing short writes; a write that makes no progress is an error. */
export async function writeChecked(fs: OutputFs, path: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const handle = await fs.open(path, "wx", 0o644);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (!Number.isInteger(bytesWritten) || bytesWritten <= 0) {
        throw Object.assign(new Error(`short write: ${offset} of ${bytes.length} bytes of ${basename(path)}`), {
          code: "ENOSPC",
        });
      }
      offset += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class OutputSet {
  readonly targetDir: string;
  /** Where this set is being built; stages that write files (the CUJ copy) write here. */
  readonly stagingDir: string;
  private readonly fs: OutputFs;
  private readonly lockWaitMs: number;
  private readonly names = new Set<string>();
  private done = false;

  private constructor(targetDir: string, stagingDir: string, options: OutputSetOptions) {
    this.targetDir = targetDir;
    this.stagingDir = stagingDir;
    this.fs = options.fs ?? realOutputFs;
    this.lockWaitMs = options.lockWaitMs ?? 60_000;
  }

  /** Creates the staging folder beside `targetDir` (same file system, so the rename is atomic). */
  static async begin(targetDir: string, options: OutputSetOptions = {}): Promise<OutputSet> {
    const fs = options.fs ?? realOutputFs;
    const parent = dirname(targetDir);
    const staging = join(parent, `.${basename(targetDir)}.staging-${process.pid}-${randomId()}`);
    try {
      await fs.mkdir(parent, { recursive: true });
      await fs.mkdir(staging, { recursive: true });
    } catch (cause) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
      throw writeError(`cannot create the output folder next to ${targetDir}`, cause);
    }
    return new OutputSet(targetDir, staging, options);
  }

  /** Writes one file of the set (a name inside the set, `/`-separated), checked and fsynced. */
  async write(name: string, content: string | Uint8Array): Promise<void> {
    const path = join(this.stagingDir, ...name.split("/"));
    try {
      await this.fs.mkdir(dirname(path), { recursive: true });
      await writeChecked(this.fs, path, content);
      this.names.add(name.split("/")[0] ?? name);
    } catch (cause) {
      throw writeError(`cannot write ${name} of the output set for ${this.targetDir}`, cause);
    }
  }

  /** Swaps the set in, under the folder's lock. On failure the previous set stays and staging is removed. */
  async commit(): Promise<void> {
    if (this.done) throw new Error("output set already committed or aborted");
    try {
      for (const entry of await this.fs.readdir(this.stagingDir)) this.names.add(entry);
      await writeChecked(this.fs, join(this.stagingDir, MARKER), `${[...this.names].sort().join("\n")}\n`);
      await syncTree(this.stagingDir);
    } catch (cause) {
      await this.abort();
      throw cause instanceof CodexrelError
        ? cause
        : writeError(`cannot finish the output set for ${this.targetDir}`, cause);
    }
    const release = await this.lock();
    try {
      await recoverLocked(this.fs, this.targetDir);
      await this.assertOwned();
      const old = join(dirname(this.targetDir), `.${basename(this.targetDir)}.old-${process.pid}-${randomId()}`);
      const hadTarget = await exists(this.fs, this.targetDir);
      if (hadTarget) await this.fs.rename(this.targetDir, old);
      try {
        await this.fs.rename(this.stagingDir, this.targetDir);
      } catch (cause) {
        if (hadTarget) await this.fs.rename(old, this.targetDir);
        throw cause;
      }
      this.done = true;
      await syncDir(dirname(this.targetDir));
      if (hadTarget) await this.fs.rm(old, { recursive: true, force: true }).catch(() => {});
    } catch (cause) {
      await this.abort();
      throw cause instanceof CodexrelError
        ? cause
        : writeError(`cannot swap in the output set ${this.targetDir}`, cause);
    } finally {
      await release().catch(() => {});
    }
  }

  /** Removes the staging folder (idempotent). */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fs.rm(this.stagingDir, { recursive: true, force: true }).catch(() => {});
  }

  private async lock(): Promise<() => Promise<void>> {
    try {
      return await lockfile.lock(this.targetDir, {
        realpath: false,
        lockfilePath: lockPath(this.targetDir),
        stale: 10_000,
        retries: { retries: Math.max(1, Math.ceil(this.lockWaitMs / 500)), minTimeout: 50, maxTimeout: 500 },
        // A lost lock (the folder's lock taken over as stale) must not crash the process; the swap itself stays atomic per run.
        onCompromised: () => {},
      });
    } catch (cause) {
      await this.abort();
      throw writeError(`cannot lock the output folder ${this.targetDir} (another run holds it)`, cause);
    }
  }

  /** Never replace a folder holding files that are not codexrel's output (e.g. `--out .`). */
  private async assertOwned(): Promise<void> {
    if (!(await exists(this.fs, this.targetDir))) return;
    const entries = await this.fs.readdir(this.targetDir);
    const allowed = new Set([...KNOWN_OUTPUT_NAMES, ...this.names, MARKER]);
    if (entries.includes(MARKER)) {
      const listed = await nodeFs.readFile(join(this.targetDir, MARKER), "utf8").catch(() => "");
      for (const n of listed.split("\n")) if (n) allowed.add(n);
    }
    const foreign = entries.filter((e) => !allowed.has(e));
    if (foreign.length > 0) {
      throw new CodexrelError(
        ErrorCodes.OUTPUT_WRITE,
        `the output folder ${this.targetDir} holds files codexrel did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}); it was not replaced`,
        { hint: "Point --out at a folder of its own (empty, or written by codexrel)." },
      );
    }
  }
}

/**
 * Builds and commits a set in one call: `build` writes into the set (and may write files into
 * `set.stagingDir`); any error aborts it and nothing changes at `targetDir`.
 */
export async function writeOutputSet<T>(
  targetDir: string,
  build: (set: OutputSet) => Promise<T>,
  options: OutputSetOptions = {},
): Promise<T> {
  const set = await OutputSet.begin(targetDir, options);
  try {
    const result = await build(set);
    await set.commit();
    return result;
  } catch (error) {
    await set.abort();
    throw error;
  }
}

/** Puts back a set left under `.old-*` by a crash mid-swap and removes dead runs' staging folders. */
export async function recoverOutputSet(targetDir: string, options: OutputSetOptions = {}): Promise<void> {
  const fs = options.fs ?? realOutputFs;
  if (!(await exists(fs, dirname(targetDir)))) return;
  const release = await lockfile.lock(targetDir, {
    realpath: false,
    lockfilePath: lockPath(targetDir),
    stale: 10_000,
    retries: { retries: 120, minTimeout: 50, maxTimeout: 500 },
    onCompromised: () => {},
  });
  try {
    await recoverLocked(fs, targetDir);
  } finally {
    await release().catch(() => {});
  }
}

async function recoverLocked(fs: OutputFs, targetDir: string): Promise<void> {
  const parent = dirname(targetDir);
  const prefix = `.${basename(targetDir)}.`;
  const leftovers = (await fs.readdir(parent)).filter(
    (e) => e.startsWith(`${prefix}old-`) || e.startsWith(`${prefix}staging-`),
  );
  const olds = leftovers.filter((e) => e.startsWith(`${prefix}old-`));
  if (olds.length > 0 && !(await exists(fs, targetDir))) {
    await fs.rename(join(parent, olds[0]!), targetDir);
  }
  for (const e of leftovers) {
    const pid = Number(/-(\d+)-[a-z0-9]+$/.exec(e)?.[1]);
    const isStaging = e.startsWith(`${prefix}staging-`);
    if (isStaging && pid !== process.pid && isAlive(pid)) continue;
    if (isStaging && pid === process.pid) continue;
    await fs.rm(join(parent, e), { recursive: true, force: true }).catch(() => {});
  }
}

function lockPath(targetDir: string): string {
  return join(dirname(targetDir), `.${basename(targetDir)}.lock`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(fs: OutputFs, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** fsyncs every file and folder under `dir` (the CUJ copy was written by copyFile, not checked writes). */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await nodeFs.readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await syncFile(path);
  }
  await syncDir(dir);
}

async function syncFile(path: string): Promise<void> {
  const handle = await nodeFs.open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    await syncFile(dir);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still ordered after the file syncs.
  }
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10);
}
