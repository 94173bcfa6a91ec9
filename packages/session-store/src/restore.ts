/**
 * Restores a bundle into CODEX_HOME. The bundle is decompressed with caps (bytes, ratio), unpacked
 * by node-tar into a fresh staging directory beside the target with a filter that admits only
 * regular files and directories under `home/` (no absolute paths, no `..`, no links, no devices, no
 * duplicates, bounded depth and count), every file is hashed while it is written and checked against
 * the manifest, and only then is the staging tree moved into place. Any failure before that leaves
 * the target exactly as it was. Configuration and credentials are never restored.
 *
 * Three things run at once: gzip members are read and inflated on the thread pool (bundles from
 * `packCodexHome` record each member's length, so two inflate in parallel; older bundles and zstd
 * stream through one decompressor), node-tar parses on the main thread, and two worker threads
 * create, write and hash the files (see staging-writer.ts).
 */
import { createReadStream, mkdirSync } from "node:fs";
import { chmod, type FileHandle, lstat, mkdir, mkdtemp, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Transform, type TransformCallback, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CodexrelError } from "@codexrel/core";
import { Parser, type ReadEntry } from "tar";
import {
  type Compression,
  decompressor,
  detectCompression,
  gunzipMember,
  MEMBER_HEADER_BYTES,
  memberLength,
} from "./compression.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import { HOME_DIR_ENTRY, MANIFEST_ENTRY, type Manifest, parseManifest } from "./manifest.js";
import { parseSessionMeta, type SessionInfo } from "./rollout.js";
import { neverSaved, protectedOnRestore } from "./rules.js";
import { StagingWriters } from "./staging-writer.js";

export interface RestoreLimits {
  /** Most files a bundle may hold. Default 100,000. */
  maxFiles?: number;
  /** Most bytes after decompression. Default 4 GiB. */
  maxBytes?: number;
  /** Deepest path, in segments below CODEX_HOME. Default 32. */
  maxDepth?: number;
  /** Longest entry path in characters. Default 1,024. */
  maxPathLength?: number;
  /** Largest decompressed/compressed ratio. Default 200. */
  maxRatio?: number;
  /** The ratio is only judged after this many decompressed bytes. Default 32 MiB. */
  ratioFloorBytes?: number;
}

export const DEFAULT_RESTORE_LIMITS: Required<RestoreLimits> = {
  maxFiles: 100_000,
  maxBytes: 4 * 1024 ** 3,
  maxDepth: 32,
  maxPathLength: 1024,
  maxRatio: 200,
  ratioFloorBytes: 32 * 1024 ** 2,
};

export interface RestoreBundleOptions {
  /** Bundle file (from `packCodexHome`). */
  bundle: string;
  /** CODEX_HOME to restore into; created when missing. Existing files not in the bundle stay. */
  codexHome: string;
  limits?: RestoreLimits;
  /** The rename used to move restored files into place (a port for tests); default fs.rename. */
  rename?: (from: string, to: string) => Promise<void>;
}

export interface SkippedEntry {
  path: string;
  reason: "protected" | "never-restored";
}

export interface RestoreResult {
  codexHome: string;
  manifest: Manifest;
  session: SessionInfo | null;
  /** For `codex exec resume <sessionId>`. */
  sessionId: string | null;
  sessionFound: boolean;
  files: number;
  bytes: number;
  compression: Compression;
  skipped: SkippedEntry[];
  warnings: string[];
}

const MAX_MANIFEST_BYTES = 64 * 1024 ** 2;

export async function restoreBundle(options: RestoreBundleOptions): Promise<RestoreResult> {
  const limits = { ...DEFAULT_RESTORE_LIMITS, ...options.limits };
  const target = resolve(options.codexHome);
  const compression = await sniff(options.bundle);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.restore-`));
  try {
    await chmod(staging, 0o700);
    const extracted = await extract(options.bundle, compression, staging, limits);
    const manifest = parseManifest(extracted.manifestText);
    const warnings = verify(manifest, extracted);
    const stagedHome = join(staging, HOME_DIR_ENTRY);
    await mkdir(stagedHome, { recursive: true, mode: 0o700 });
    if (manifest.session) await checkStagedSession(manifest.session, stagedHome);
    await commit(stagedHome, target, join(staging, "backup"), options.rename ?? rename);
    const session = manifest.session;
    const sessionFound = session !== null && extracted.files.has(session.rolloutPath);
    if (session && !sessionFound)
      warnings.push(`the manifest names session ${session.id} but its rollout is not in the bundle`);
    return {
      codexHome: target,
      manifest,
      session: sessionFound ? session : null,
      sessionId: sessionFound ? (session?.id ?? null) : null,
      sessionFound,
      files: extracted.files.size,
      bytes: extracted.bytes,
      compression,
      skipped: extracted.skipped,
      warnings,
    };
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  }
}

/**
 * The manifest's session id must be the one its rollout file records in its `session_meta` line:
 * a hostile manifest cannot point `codex exec resume` at an id of its choosing.
 */
async function checkStagedSession(session: SessionInfo, stagedHome: string): Promise<void> {
  const fh = await open(join(stagedHome, session.rolloutPath), "r").catch(() => undefined);
  let head = Buffer.alloc(0);
  if (fh) {
    try {
      const buf = Buffer.alloc(Math.min(16 * 1024 * 1024, Math.max(1, (await fh.stat()).size)));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }
  const recorded = parseSessionMeta(session.rolloutPath, head, 0);
  if (recorded?.id !== session.id) {
    throw sessionError(
      SessionErrorCodes.SESSION_BUNDLE_INVALID,
      `session bundle manifest is invalid: session ${session.id} is not the id its rollout ${session.rolloutPath} records`,
      "The bundle was not written by codexrel's session store (or was altered); save a new session.",
    );
  }
}

export async function sniff(bundle: string): Promise<Compression> {
  const fh = await open(bundle, "r").catch((cause: unknown) => {
    throw sessionError(SessionErrorCodes.SESSION_BUNDLE_INVALID, `cannot read bundle ${bundle}`, "Check the path.", {
      cause,
    });
  });
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    const kind = detectCompression(head.subarray(0, bytesRead));
    if (!kind) {
      throw sessionError(
        SessionErrorCodes.SESSION_BUNDLE_INVALID,
        `${bundle} is not a gzip or zstd session bundle`,
        "Pass a bundle written by `codexrel session save`.",
      );
    }
    return kind;
  } finally {
    await fh.close();
  }
}

function noManifest(): never {
  throw sessionError(
    SessionErrorCodes.SESSION_BUNDLE_INVALID,
    `the bundle has no ${MANIFEST_ENTRY}`,
    "The bundle is truncated or was not written by codexrel; save a new session.",
  );
}

interface Extracted {
  /** rel path -> size and sha256 of what was written. */
  files: Map<string, { size: number; sha256: string }>;
  bytes: number;
  skipped: SkippedEntry[];
  manifestText: string;
}

const unsafe = (message: string, path: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_UNSAFE,
    `unsafe bundle entry ${JSON.stringify(path.slice(0, 200))}: ${message}`,
    "Do not restore this bundle: it was not written by codexrel's session store. Delete it from the store.",
    { details: { path: path.slice(0, 200) } },
  );

const tooLarge = (message: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_TOO_LARGE,
    `bundle exceeds a restore limit: ${message}`,
    "A real CODEX_HOME stays well inside the limits; if yours does not, raise the limit explicitly.",
  );

async function extract(
  bundle: string,
  compression: Compression,
  staging: string,
  limits: Required<RestoreLimits>,
): Promise<Extracted> {
  const files = new Map<string, { size: number; sha256: string }>();
  const seen = new Set<string>();
  const skipped: SkippedEntry[] = [];
  let declaredBytes = 0;
  let fileCount = 0;
  let failure: CodexrelError | undefined;

  let abortSource: ((error: Error) => void) | undefined;

  const fail = (error: CodexrelError) => {
    failure ??= error;
    abortSource?.(error);
  };

  const filter = (path: string, entry: ReadEntry | import("node:fs").Stats): boolean => {
    if (failure) return false;
    const e = entry as ReadEntry;
    const type = e.type;
    if (path.length > limits.maxPathLength) {
      fail(tooLarge(`path longer than ${limits.maxPathLength} characters`));
      return false;
    }
    if (path.includes("\0") || path.includes("\\")) {
      fail(unsafe("path holds a NUL or backslash", path));
      return false;
    }
    if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
      fail(unsafe("absolute path", path));
      return false;
    }
    const trimmed = type === "Directory" ? path.replace(/\/+$/, "") : path;
    const parts = trimmed.split("/");
    if (parts.some((p) => p === ".." || p === "." || p === "")) {
      fail(unsafe("path with '..', '.' or an empty segment", path));
      return false;
    }
    if (type !== "File" && type !== "Directory") {
      fail(unsafe(`entry type ${type} (only files and directories are restored)`, path));
      return false;
    }
    if (trimmed === MANIFEST_ENTRY && type === "File") {
      if ((e.size ?? 0) > MAX_MANIFEST_BYTES) {
        fail(tooLarge("manifest larger than 64 MiB"));
        return false;
      }
      if (seen.has(trimmed)) {
        fail(unsafe("duplicate entry", path));
        return false;
      }
      seen.add(trimmed);
      e.mode = 0o600;
      return true;
    }
    if (parts[0] !== HOME_DIR_ENTRY) {
      fail(unsafe(`entry outside ${HOME_DIR_ENTRY}/`, path));
      return false;
    }
    if (parts.length - 1 > limits.maxDepth) {
      fail(tooLarge(`path deeper than ${limits.maxDepth} levels`));
      return false;
    }
    if (type === "Directory") {
      e.mode = 0o700;
      return true;
    }
    const rel = parts.slice(1).join("/");
    if (rel === "") {
      fail(unsafe("file in place of the home directory", path));
      return false;
    }
    if (seen.has(trimmed)) {
      fail(unsafe("duplicate entry", path));
      return false;
    }
    seen.add(trimmed);
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
    if (fileCount > limits.maxFiles) {
      fail(tooLarge(`more than ${limits.maxFiles} files`));
      return false;
    }
    if (declaredBytes > limits.maxBytes) {
      fail(tooLarge(`more than ${limits.maxBytes} bytes`));
      return false;
    }
    e.mode = (typeof e.mode === "number" ? e.mode : 0o644) & 0o755;
    return true;
  };

  // node-tar parses and validates the archive (header checksums, pax records, truncation); the
  // filter above admits only regular files and directories under home/, and this writer creates
  // them itself in the fresh, private staging tree: directories with mkdir, files with
  // O_CREAT|O_EXCL|O_NOFOLLOW, so nothing can be written through a link or over an existing file.
  // (tar's Unpack does per-entry lstat/mkdir bookkeeping for extracting into arbitrary trees,
  // which doubled restore time on 10,000 files and buys nothing in a tree no one else can see.)
  const madeDirs = new Set<string>([staging]);
  const ensureDir = (dir: string) => {
    if (madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (let d = dir; d.length > staging.length && !madeDirs.has(d); d = dirname(d)) madeDirs.add(d);
  };
  let manifestText: string | undefined;
  const writer = new StagingWriters(WRITERS, (error) => fail(mapExtractError(error)));
  const onEntry = (entry: ReadEntry) => {
    const abs = join(staging, entry.path);
    try {
      if (entry.type === "Directory") {
        ensureDir(abs.replace(/\/+$/, ""));
        entry.resume();
        return;
      }
      if (entry.path === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        entry.on("data", (c: Buffer) => chunks.push(c));
        entry.on("end", () => {
          manifestText = Buffer.concat(chunks).toString("utf8");
        });
        return;
      }
      const rel = entry.path.slice(HOME_DIR_ENTRY.length + 1);
      const dir = dirname(abs);
      ensureDir(dir);
      writer.begin(dir, abs, (entry.mode ?? 0o644) & 0o755, (size, sha256) => files.set(rel, { size, sha256 }));
      entry.on("data", (chunk: Buffer) => writer.data(chunk));
      entry.on("end", () => writer.end(entry.mtime ?? new Date()));
    } catch (error) {
      entry.resume();
      fail(mapExtractError(error));
    }
  };
  const parser = new Parser({ strict: true, zstd: false, brotli: false, filter, onReadEntry: onEntry });
  const parsed = new Promise<void>((resolveDone, reject) => {
    parser.on("end", () => resolveDone());
    parser.on("error", reject);
  });
  parsed.catch(() => {});
  let parserFailed = false;
  parser.on("error", () => {
    parserFailed = true;
  });

  try {
    const fh = await open(bundle, "r");
    let indexed = false;
    try {
      indexed = compression === "gzip" && (await firstMemberLength(fh)) !== undefined;
      if (indexed) {
        const check = decompressionCheck(limits);
        for await (const { block, compressedBytes } of inflateMembers(fh, limits)) {
          if (failure || parserFailed) break;
          check(block, compressedBytes);
          if (!parser.write(block)) await new Promise<void>((r) => parser.once("drain", () => r()));
          writer.flush();
          await writer.room();
        }
        if (!failure && !parserFailed) parser.end();
      }
    } finally {
      await fh.close();
    }
    if (!indexed) {
      const source = createReadStream(bundle);
      const { countIn, guard } = decompressionGuards(limits);
      abortSource = (error) => source.destroy(error);
      // Each chunk is handed to the parser on the next turn of the event loop, not inside gunzip's
      // callback: gunzip then queues its next slice on the thread pool first, so inflating and
      // writing files overlap (as gzip and tar do in two processes) instead of taking turns.
      const sink = new Writable({
        highWaterMark: 1 << 20,
        write(chunk: Buffer, _e, cb) {
          setImmediate(() => {
            if (failure) return cb(failure);
            const next = () => {
              writer.flush();
              writer.room().then(() => cb());
            };
            if (parser.write(chunk)) next();
            else parser.once("drain", next);
          });
        },
        final(cb) {
          parser.end();
          cb();
        },
      });
      parser.on("error", (error: unknown) => sink.destroy(error as Error));
      await pipeline(source, countIn, decompressor(compression), guard, sink);
    }
    if (failure) throw failure;
    await parsed;
    await writer.finish();
  } catch (error) {
    if (failure) throw failure;
    throw mapExtractError(error);
  } finally {
    // No file may still be being written when the caller removes the staging tree.
    await writer.stop();
  }
  if (failure) throw failure;
  if (manifestText === undefined) noManifest();
  const bytes = [...files.values()].reduce((n, f) => n + f.size, 0);
  return { files, bytes, skipped, manifestText };
}

/**
 * Checks decompressed output against the byte and ratio caps: call it with every decompressed
 * chunk and the compressed bytes consumed since the last call; it throws the coded error.
 */
export function decompressionCheck(limits: Required<RestoreLimits>): (chunk: Buffer, compressedBytes: number) => void {
  let compressed = 0;
  let decompressed = 0;
  let first = true;
  return (chunk, compressedBytes) => {
    compressed += compressedBytes;
    if (first && chunk.length >= 2) {
      first = false;
      // A compressed stream inside the compressed stream would be unpacked again, past the caps.
      if (detectCompression(chunk)) throw unsafe("nested compressed stream", "(archive)");
    }
    decompressed += chunk.length;
    if (decompressed > limits.maxBytes + 1024 * 1024) throw tooLarge(`more than ${limits.maxBytes} bytes`);
    if (decompressed > limits.ratioFloorBytes && decompressed / Math.max(compressed, 1) > limits.maxRatio) {
      throw tooLarge(`decompression ratio above ${limits.maxRatio}:1 (possible compression bomb)`);
    }
  };
}

/** Counts compressed input and checks decompressed output against the byte and ratio caps. */
export function decompressionGuards(limits: Required<RestoreLimits>): { countIn: Transform; guard: Transform } {
  const check = decompressionCheck(limits);
  let pending = 0;
  const countIn = new Transform({
    transform(chunk: Buffer, _e, cb: TransformCallback) {
      pending += chunk.length;
      cb(null, chunk);
    },
  });
  const guard = new Transform({
    transform(chunk: Buffer, _e, cb: TransformCallback) {
      try {
        check(chunk, pending);
      } catch (error) {
        return cb(error as Error);
      }
      pending = 0;
      cb(null, chunk);
    },
  });
  return { countIn, guard };
}

/** Threads creating files, each for its own directories. */
const WRITERS = 2;

/** Compressed bytes a single gzip member may have, and decompressed bytes it may give. */
const MAX_MEMBER_BYTES = 64 << 20;
/** Members read and inflated at once on the thread pool. */
const MEMBERS_IN_FLIGHT = 2;

async function firstMemberLength(fh: FileHandle): Promise<number | undefined> {
  const head = Buffer.alloc(MEMBER_HEADER_BYTES);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  return memberLength(head.subarray(0, bytesRead));
}

/**
 * Reads a bundle whose gzip members carry their length (see `memberLength`) member by member and
 * inflates MEMBERS_IN_FLIGHT of them at once, yielding the decompressed blocks in order. A member
 * without the length, one running past the end of the file, or one larger than the caps is a
 * damaged bundle.
 */
async function* inflateMembers(
  fh: FileHandle,
  limits: Required<RestoreLimits>,
): AsyncGenerator<{ block: Buffer; compressedBytes: number }> {
  const { size } = await fh.stat();
  const maxOutput = Math.min(MAX_MEMBER_BYTES, limits.maxBytes + 1024 * 1024);
  const head = Buffer.alloc(MEMBER_HEADER_BYTES);
  let offset = 0;
  const inflight: Promise<{ block: Buffer; compressedBytes: number }>[] = [];
  try {
    for (;;) {
      while (inflight.length < MEMBERS_IN_FLIGHT && offset < size) {
        const { bytesRead } = await fh.read(head, 0, head.length, offset);
        const length = memberLength(head.subarray(0, bytesRead));
        if (length === undefined || length < MEMBER_HEADER_BYTES || length > size - offset) {
          throw damaged(`gzip member at byte ${offset} has no valid length`);
        }
        if (length > MAX_MEMBER_BYTES) throw tooLarge(`a gzip member larger than ${MAX_MEMBER_BYTES} bytes`);
        const at = offset;
        offset += length;
        const job = (async () => {
          const member = Buffer.allocUnsafe(length);
          const { bytesRead: got } = await fh.read(member, 0, length, at);
          if (got !== length) throw damaged(`gzip member at byte ${at} is truncated`);
          const block = await gunzipMember(member, maxOutput).catch((error: unknown) => {
            throw (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
              ? tooLarge(`a gzip member inflates past ${maxOutput} bytes (possible compression bomb)`)
              : error;
          });
          return { block, compressedBytes: length };
        })();
        job.catch(() => {});
        inflight.push(job);
      }
      const next = inflight.shift();
      if (!next) return;
      yield await next;
    }
  } finally {
    await Promise.allSettled(inflight);
  }
}

const damaged = (message: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_CORRUPT,
    `the bundle is damaged or truncated: ${message}`,
    "The stored bundle is unusable; the next save replaces it.",
  );

export function mapExtractError(error: unknown): CodexrelError {
  if (error instanceof CodexrelError) return error;
  const e = error as { code?: string; tarCode?: string; message?: string };
  const code = e.tarCode ?? e.code ?? "";
  const message = e.message ?? String(error);
  if (
    /^Z_|^ERR_ZLIB|^TAR_BAD_ARCHIVE|^TAR_ENTRY_INVALID|^TAR_ABORT/.test(code) ||
    /unexpected end|truncated/i.test(message)
  ) {
    return sessionError(
      SessionErrorCodes.SESSION_BUNDLE_CORRUPT,
      `the bundle is damaged or truncated: ${message}`,
      "The stored bundle is unusable; the next save replaces it.",
      { cause: error },
    );
  }
  if (/^TAR_ENTRY_(ERROR|UNSUPPORTED)/.test(code)) {
    return sessionError(
      SessionErrorCodes.SESSION_BUNDLE_UNSAFE,
      `unsafe bundle entry: ${message}`,
      "Do not restore this bundle.",
      {
        cause: error,
      },
    );
  }
  return sessionError(
    SessionErrorCodes.SESSION_RESTORE_FAILED,
    `restore failed: ${message}`,
    "Check free space and permissions of the CODEX_HOME parent directory.",
    {
      cause: error,
    },
  );
}

function verify(manifest: Manifest, extracted: Extracted): string[] {
  const warnings: string[] = [];
  const skipped = new Set(extracted.skipped.map((s) => s.path));
  const mismatch = (message: string, path: string) =>
    sessionError(
      SessionErrorCodes.SESSION_CHECKSUM_MISMATCH,
      `bundle does not match its manifest: ${message} (${path})`,
      "The stored bundle is damaged or was altered; the next save replaces it.",
      { details: { path } },
    );
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    if (skipped.has(f.path) || protectedOnRestore(f.path) || neverSaved(f.path)) continue;
    const got = extracted.files.get(f.path);
    if (!got) throw mismatch("a listed file is missing", f.path);
    if (got.size !== f.size) throw mismatch(`size ${got.size} instead of ${f.size}`, f.path);
    if (got.sha256 !== f.sha256) throw mismatch("sha256 differs", f.path);
  }
  for (const path of extracted.files.keys())
    if (!listed.has(path)) throw mismatch("a file is not in the manifest", path);
  if (skipped.size > 0)
    warnings.push(
      `skipped ${skipped.size} protected entr${skipped.size === 1 ? "y" : "ies"}: ${[...skipped].slice(0, 5).join(", ")}`,
    );
  return warnings;
}

/**
 * Moves the staged tree into the target. A missing target is one rename. An existing one is merged:
 * new top-level entries are renamed in whole, existing directories recursed, and every replaced
 * entry is first moved aside, so a failure half-way is rolled back.
 */
async function commit(
  stagedHome: string,
  target: string,
  backupRoot: string,
  move1: (from: string, to: string) => Promise<void>,
): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (!existing) {
    await rename(stagedHome, target);
    await chmod(target, 0o700);
    return;
  }
  if (!existing.isDirectory()) {
    throw sessionError(
      SessionErrorCodes.SESSION_RESTORE_FAILED,
      `CODEX_HOME ${target} exists and is not a directory`,
      "Point --codex-home at a directory (or a path that does not exist yet).",
    );
  }
  const journal: { from: string; to: string }[] = [];
  const move = async (from: string, to: string) => {
    await move1(from, to);
    journal.push({ from, to });
  };
  let backups = 0;
  const merge = async (src: string, dst: string): Promise<void> => {
    for (const entry of await readdir(src, { withFileTypes: true })) {
      const s = join(src, entry.name);
      const d = join(dst, entry.name);
      const current = await lstat(d).catch(() => undefined);
      if (!current) {
        await move(s, d);
      } else if (entry.isDirectory() && current.isDirectory()) {
        await merge(s, d);
      } else {
        if (backups === 0) await mkdir(backupRoot, { recursive: true });
        await move(d, join(backupRoot, String(backups++)));
        await move(s, d);
      }
    }
  };
  try {
    await merge(stagedHome, target);
  } catch (error) {
    for (const { from, to } of journal.reverse()) await rename(to, from).catch(() => {});
    throw sessionError(
      SessionErrorCodes.SESSION_RESTORE_FAILED,
      `could not move the restored files into ${target}; the previous contents were put back`,
      "Check permissions of CODEX_HOME.",
      { cause: error },
    );
  }
}
