/**
 * Packs a CODEX_HOME into a bundle: a compressed tar (node-tar headers) holding `home/<files>` and
 * `codexrel-manifest.json` last. Credentials, config, locks and runtime files never go in; text is
 * redacted, binaries masked; SQLite databases are read together with their `-wal`/`-shm` and the
 * group is re-read until it did not change during the capture. The file appears atomically.
 */
import { createHash, randomBytes } from "node:crypto";
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
import { type FileHandle, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Header, Pax } from "tar";
import { type Compression, compressBlock, zstdAvailable } from "./compression.js";
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
import { isRolloutPath, latestSession, parseSessionMeta, type SessionInfo, sessionProblem } from "./rollout.js";
import { excludedByDefault, neverSaved, type SaveExcludeOptions, SQLITE_COMPANIONS, sqliteMain } from "./rules.js";
import { decodeText, normalizeSecrets, scrub, secretsFromCredentialFile } from "./scrub.js";
import { secretsFromCodexConfig, valuesOf } from "./secret-sources.js";

export interface PackOptions extends SaveExcludeOptions {
  codexHome: string;
  /** Bundle file to write; written to a temporary sibling first, then renamed. */
  out: string;
  threadKey?: string | null;
  key?: string | null;
  /** Default `gzip` (every Node.js reads it); `zstd` needs a runtime with zstd in node:zlib. */
  compression?: Compression;
  /** Compression level (gzip 1-9, default 5; zstd default 3). */
  level?: number;
  /** Codex CLI version; default: the latest rollout's `cli_version`. */
  codexVersion?: string | null;
  /** Exact secret values to scrub (e.g. the API key in use), on top of the known token shapes. */
  secrets?: Iterable<string | undefined | null>;
  /**
   * Environment to look secret variables up in: the names in `secretEnv`, and the ones
   * CODEX_HOME's `config.toml` names (a custom provider's `env_key`, `env_http_headers`). Only
   * those names are read. The edge passes its environment; the library reads none itself.
   */
  env?: Record<string, string | undefined>;
  /** Variable names whose values are secret (`--secret-env NAME`). */
  secretEnv?: Iterable<string>;
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
}

interface Loaded {
  rel: string;
  content: Buffer;
  stat: Stats;
}

const BLOCK = 512;
/** Uncompressed bytes per gzip member: large enough that restarting the dictionary costs nothing. */
const BLOCK_BYTES = 4 << 20;
const PARALLEL = 3;

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
  const candidates = await walk(home, options, excluded);
  const secrets = normalizeSecrets([
    ...(options.secrets ?? []),
    ...credentialSecrets(home, excluded),
    ...configSecrets(home, options),
  ]);
  const units = groupSqlite(candidates);

  const compression = options.compression ?? "gzip";
  if (compression === "zstd" && !zstdAvailable()) await compressBlock("zstd", Buffer.alloc(0)); // throws the coded error
  const tmp = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(6).toString("hex")}.tmp`);
  const sink = await open(tmp, "wx", 0o600);
  const writer = new BlockWriter(sink, (block) => compressBlock(compression, block, options.level));

  const files: ManifestFile[] = [];
  const redactionFiles: Manifest["redactions"]["files"] = [];
  const sessions: SessionInfo[] = [];
  let totalBytes = 0;
  let redactions = 0;
  const scratch = { buf: Buffer.allocUnsafe(1 << 20) };
  try {
    for (const unit of units) {
      const group = await capture(unit, options.sqliteRetries ?? 5, scratch);
      for (const item of group) {
        const scrubbed = scrub(item.content, secrets);
        if (scrubbed.exclude) {
          // Never saved unread: what cannot be decoded and scrubbed stays out, with the reason.
          excluded.push({ path: item.rel, reason: `unscrubbable: ${scrubbed.exclude}` });
          warnings.push(`left out ${item.rel}: ${scrubbed.exclude}`);
          continue;
        }
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
          const problem = info && sessionProblem(info);
          // A rollout whose id is not the UUID it is named for is kept as a file but never offered
          // for `codex exec resume <id>`: the id would reach argv.
          if (problem) warnings.push(`not recorded as a session: ${problem}`);
          else if (info) sessions.push(info);
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
    await sink.close();
    const { size } = await stat(tmp);
    await rename(tmp, options.out);
    return { file: options.out, bytes: size, manifest, warnings };
  } catch (error) {
    await writer.abort();
    await sink.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

/**
 * Values in every credential file the walk left out, at any depth (a nested `.env` too), so a
 * transcript or another file that echoes one is scrubbed.
 */
function credentialSecrets(home: string, excluded: readonly ExcludedEntry[]): string[] {
  const out: string[] = [];
  for (const { path, reason } of excluded) {
    if (reason !== "credentials") continue;
    const got = readRegular(join(home, path));
    if (!got) continue;
    out.push(...secretsFromCredentialFile(basename(path), decodeText(got.content)));
  }
  return out;
}

/** Secrets `config.toml` names or holds (it is never saved itself). */
function configSecrets(home: string, options: PackOptions): string[] {
  const names = new Set(options.secretEnv ?? []);
  const values: string[] = [];
  const got = readRegular(join(home, "config.toml"));
  if (got) {
    const found = secretsFromCodexConfig(got.content.toString("utf8"));
    for (const n of found.envNames) names.add(n);
    values.push(...found.values);
  }
  return [...values, ...valuesOf(names, options.env ?? {})];
}

/**
 * Lists what may go into the bundle. File types come from the directory entries (no per-file
 * lstat); each file is opened with O_NOFOLLOW later, so a file swapped for a link is not followed.
 * Synchronous on purpose: 10,000 small async fs calls cost more in dispatch than the calls do.
 */
async function walk(home: string, options: SaveExcludeOptions, excluded: ExcludedEntry[]): Promise<Candidate[]> {
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

const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);

/** Reads a regular file whole; undefined when it vanished or is no longer a regular file. */
function readRegular(abs: string, scratch?: { buf: Buffer }): { content: Buffer; stat: Stats } | undefined {
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
async function capture(unit: Candidate[], retries: number, scratch: { buf: Buffer }): Promise<Loaded[]> {
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

/**
 * Turns entries into tar blocks, cuts the stream into BLOCK_BYTES blocks and compresses up to
 * PARALLEL of them at once on libuv's thread pool (each block a complete gzip member), writing the
 * results in order. One gzip stream would keep a single core busy; GNU tar pipes into one gzip too,
 * so this is where packing gets ahead of `tar -czf` on a multi-core runner.
 */
class BlockWriter {
  private cur: Buffer = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  private readonly header = Buffer.alloc(BLOCK);
  private readonly inflight: Promise<Buffer>[] = [];
  private written: Promise<void> = Promise.resolve();
  constructor(
    private readonly out: FileHandle,
    private readonly compress: (block: Buffer) => Promise<Buffer>,
  ) {}

  /** Appends one file entry; `content` is copied, so the caller may reuse its buffer afterwards. */
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
    this.header.fill(0);
    if (header.encode(this.header, 0)) await this.append(new Pax({ path, size: content.length, mtime }).encode());
    await this.append(this.header);
    await this.append(content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad) await this.zeros(pad);
  }

  async finish(): Promise<void> {
    await this.zeros(BLOCK * 2);
    if (this.used > 0) await this.submit();
    while (this.inflight.length > 0) await this.drainOne();
    await this.written;
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.inflight);
    await this.written.catch(() => {});
  }

  private async append(buf: Buffer): Promise<void> {
    let at = 0;
    while (at < buf.length) {
      const n = buf.copy(this.cur, this.used, at, Math.min(buf.length, at + BLOCK_BYTES - this.used));
      this.used += n;
      at += n;
      if (this.used === BLOCK_BYTES) await this.submit();
    }
  }

  private async zeros(count: number): Promise<void> {
    let left = count;
    while (left > 0) {
      const n = Math.min(left, BLOCK_BYTES - this.used);
      this.cur.fill(0, this.used, this.used + n);
      this.used += n;
      left -= n;
      if (this.used === BLOCK_BYTES) await this.submit();
    }
  }

  /** Hands the current block to the compressor and starts a new one. */
  private async submit(): Promise<void> {
    const block = this.used === BLOCK_BYTES ? this.cur : this.cur.subarray(0, this.used);
    this.cur = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
    const job = this.compress(block);
    job.catch(() => {}); // surfaced in order by drainOne
    this.inflight.push(job);
    if (this.inflight.length >= PARALLEL) await this.drainOne();
  }

  private async drainOne(): Promise<void> {
    const compressed = await (this.inflight.shift() as Promise<Buffer>);
    // Writes are chained so they land in order while the next blocks compress.
    this.written = this.written.then(async () => {
      await this.out.write(compressed);
    });
    await this.written;
  }
}
