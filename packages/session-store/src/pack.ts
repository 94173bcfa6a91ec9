/**
 * Packs a CODEX_HOME into a bundle: a compressed tar (node-tar headers) holding `home/<files>` and
 * `codexrel-manifest.json` last. Credentials, config, locks and runtime files never go in; text is
 * redacted, binaries masked; SQLite databases are read together with their `-wal`/`-shm` and the
 * group is re-read until it did not change during the capture. The file appears atomically.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, type Dirent, type Stats } from "node:fs";
import { lstat, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Header, Pax } from "tar";
import { type Compression, compressor } from "./compression.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type ExcludedEntry,
  HOME_DIR_ENTRY,
  MANIFEST_ENTRY,
  type Manifest,
  type ManifestFile,
} from "./manifest.js";
import { isRolloutPath, latestSession, parseSessionMeta, type SessionInfo } from "./rollout.js";
import { excludedByDefault, neverSaved, type SaveExcludeOptions, SQLITE_COMPANIONS, sqliteMain } from "./rules.js";
import { normalizeSecrets, scrub, secretsFromCredentialFile } from "./scrub.js";

export interface PackOptions extends SaveExcludeOptions {
  codexHome: string;
  /** Bundle file to write; written to a temporary sibling first, then renamed. */
  out: string;
  threadKey?: string | null;
  key?: string | null;
  /** Default `gzip` (every Node.js reads it); `zstd` needs a runtime with zstd in node:zlib. */
  compression?: Compression;
  /** Compression level (gzip 1-9, default 6; zstd default 3). */
  level?: number;
  /** Codex CLI version; default: the latest rollout's `cli_version`. */
  codexVersion?: string | null;
  /** Exact secret values to scrub (e.g. the API key in use), on top of the known token shapes. */
  secrets?: Iterable<string | undefined | null>;
  /** Attempts to capture a SQLite database group that keeps changing. Default 5. */
  sqliteRetries?: number;
  now?: () => Date;
}

export interface PackResult {
  file: string;
  /** Size of the bundle file. */
  bytes: number;
  manifest: Manifest;
  warnings: string[];
}

interface Candidate {
  rel: string;
  abs: string;
  stat: Stats;
}

interface Loaded {
  rel: string;
  content: Buffer;
  stat: Stats;
}

const BLOCK = 512;
const FLUSH_AT = 1 << 20;
const READ_AHEAD = 8;

export async function packCodexHome(options: PackOptions): Promise<PackResult> {
  const home = options.codexHome;
  const homeStat = await stat(home).catch(() => undefined);
  if (!homeStat?.isDirectory()) {
    throw sessionError(
      SessionErrorCodes.SESSION_HOME_NOT_FOUND,
      `CODEX_HOME ${home} does not exist or is not a directory`,
      "Pass the CODEX_HOME the Codex CLI ran with (prepare one with `codexrel session prepare`).",
    );
  }
  const warnings: string[] = [];
  const excluded: ExcludedEntry[] = [];
  const secrets = normalizeSecrets([...(options.secrets ?? []), ...(await credentialSecrets(home))]);
  const candidates = await walk(home, options, excluded);
  const units = groupSqlite(candidates);

  const compression = options.compression ?? "gzip";
  const zip = compressor(compression, options.level);
  const tmp = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(6).toString("hex")}.tmp`);
  const sink = createWriteStream(tmp, { mode: 0o600 });
  const done = pipeline(zip, sink);
  const writer = new BlockWriter(zip);

  const files: ManifestFile[] = [];
  const redactionFiles: Manifest["redactions"]["files"] = [];
  const sessions: SessionInfo[] = [];
  let totalBytes = 0;
  let redactions = 0;
  try {
    for await (const group of mapOrdered(units, READ_AHEAD, (unit) => capture(unit, options.sqliteRetries ?? 5))) {
      for (const item of group) {
        const scrubbed = scrub(item.content, secrets);
        if (scrubbed.remains) {
          throw sessionError(
            SessionErrorCodes.SESSION_SECRET_REMAINS,
            `a secret would remain in ${item.rel} after redaction`,
            "Remove the secret from that file (or delete the file) in CODEX_HOME, then save again.",
            { details: { path: item.rel } },
          );
        }
        if (scrubbed.count > 0) {
          redactions += scrubbed.count;
          redactionFiles.push({ path: item.rel, count: scrubbed.count, kind: scrubbed.kind });
          if (scrubbed.kind === "binary" && item.rel.endsWith("-wal")) {
            warnings.push(
              `masked ${scrubbed.count} secret(s) in ${item.rel}: SQLite will drop the masked WAL frames on recovery`,
            );
          }
        }
        const content = scrubbed.content;
        const mode = item.stat.mode & 0o755;
        const sha256 = createHash("sha256").update(content).digest("hex");
        files.push({ path: item.rel, size: content.length, sha256, mtimeMs: Math.floor(item.stat.mtimeMs), mode });
        totalBytes += content.length;
        if (isRolloutPath(item.rel)) {
          const info = parseSessionMeta(item.rel, content, item.stat.mtimeMs);
          if (info) sessions.push(info);
        }
        await writer.entry(`${HOME_DIR_ENTRY}/${item.rel}`, content, item.stat.mtime, mode);
      }
    }
    const session = latestSession(sessions) ?? null;
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      threadKey: options.threadKey ?? null,
      key: options.key ?? null,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
      codexVersion: options.codexVersion ?? session?.cliVersion ?? null,
      compression,
      session,
      sessions: sessions.length,
      redactions: { total: redactions, files: redactionFiles },
      excluded,
      files,
      totals: { files: files.length, bytes: totalBytes },
    };
    const manifestBuf = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
    await writer.entry(MANIFEST_ENTRY, manifestBuf, new Date(), 0o644);
    await writer.finish();
    await done;
    const { size } = await stat(tmp);
    await rename(tmp, options.out);
    return { file: options.out, bytes: size, manifest, warnings };
  } catch (error) {
    zip.destroy();
    await done.catch(() => {});
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

async function credentialSecrets(home: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of ["auth.json", ".credentials.json", ".env"]) {
    const text = await readFile(join(home, name), "utf8").catch(() => undefined);
    if (text !== undefined) out.push(...secretsFromCredentialFile(name, text));
  }
  return out;
}

async function walk(home: string, options: SaveExcludeOptions, excluded: ExcludedEntry[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const visit = async (relDir: string): Promise<void> => {
    const absDir = relDir ? join(home, relDir) : home;
    const entries: Dirent[] = await readdir(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    const files: Promise<Candidate | undefined>[] = [];
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
      else if (entry.isFile()) {
        const abs = join(home, rel);
        files.push(lstat(abs).then((s) => (s.isFile() ? { rel, abs, stat: s } : undefined)));
      } else excluded.push({ path: rel, reason: entry.isSocket() ? "socket" : "special-file" });
    }
    for (const c of await Promise.all(files)) if (c) out.push(c);
    for (const d of subdirs) await visit(d);
  };
  await visit("");
  return out;
}

/** Each unit is captured as one: a SQLite database with its companions, or a single file. */
function groupSqlite(candidates: Candidate[]): Candidate[][] {
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

async function capture(unit: Candidate[], retries: number): Promise<Loaded[]> {
  if (unit.length === 1) {
    const [c] = unit as [Candidate];
    let st = c.stat;
    for (let attempt = 0; ; attempt++) {
      const content = await readFile(c.abs);
      if (content.length === st.size) return [{ rel: c.rel, content, stat: st }];
      const again = await stat(c.abs);
      if (attempt >= retries) return [{ rel: c.rel, content, stat: again }];
      st = again;
    }
  }
  for (let attempt = 0; attempt <= retries; attempt++) {
    const before = await Promise.all(unit.map((c) => stat(c.abs).catch(() => undefined)));
    const contents = await Promise.all(unit.map((c) => readFile(c.abs).catch(() => undefined)));
    const after = await Promise.all(unit.map((c) => stat(c.abs).catch(() => undefined)));
    const stable = unit.every(
      (_, i) => sameStat(before[i], after[i]) && contents[i] !== undefined && contents[i]?.length === after[i]?.size,
    );
    if (stable) {
      return unit.map((c, i) => ({ rel: c.rel, content: contents[i] as Buffer, stat: after[i] as Stats }));
    }
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw sessionError(
    SessionErrorCodes.SESSION_SQLITE_BUSY,
    `SQLite database ${unit[0]?.rel} kept changing while it was captured`,
    "Save after the Codex CLI has exited (the save step runs after the agent step).",
  );
}

/** Runs `fn` over `items` with up to `width` in flight, yielding results in order. */
async function* mapOrdered<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inflight: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (inflight.length < width && next < items.length) {
      const p = fn(items[next++] as T);
      p.catch(() => {}); // surfaced when awaited in order
      inflight.push(p);
    }
  };
  fill();
  while (inflight.length > 0) {
    const value = await (inflight.shift() as Promise<R>);
    fill();
    yield value;
  }
}

/** Batches tar blocks into ~1 MiB writes and honours backpressure. */
class BlockWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  constructor(private readonly out: Writable) {}

  async entry(path: string, content: Buffer, mtime: Date, mode: number): Promise<void> {
    const header = new Header({
      path,
      mode,
      size: content.length,
      mtime,
      type: "File",
      uid: 0,
      gid: 0,
      uname: "",
      gname: "",
    });
    const block = Buffer.alloc(BLOCK);
    if (header.encode(block, 0)) this.push(new Pax({ path, size: content.length, mtime }).encode());
    this.push(block);
    if (content.length >= FLUSH_AT) {
      await this.flush();
      await this.write(content);
    } else this.push(content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad) this.push(Buffer.alloc(pad));
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  async finish(): Promise<void> {
    this.push(Buffer.alloc(BLOCK * 2));
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.out.once("error", reject);
      this.out.end(() => resolve());
    });
  }

  private push(buf: Buffer) {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk =
      this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.write(chunk);
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: unknown) => {
          this.out.off("drain", onDrain);
          reject(e);
        };
        const onDrain = () => {
          this.out.off("error", onError);
          resolve();
        };
        this.out.once("drain", onDrain);
        this.out.once("error", onError);
      });
    }
  }
}
