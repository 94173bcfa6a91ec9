/**
 * Unpacks a bundle into a fresh, private staging directory, in named steps:
 *
 * 1. `admitEntries` (entry-filter.ts) decides which tar entries are admitted;
 * 2. `stageEntries` creates the admitted directories and hands file contents to the staging
 *    writers (staging-writer.ts), which write and hash them on two worker threads;
 * 3. the decompressed tar is fed to node-tar's parser, either member by member (`feedMembers`:
 *    bundles whose gzip members record their length, inflated two at a time) or as one stream
 *    (`feedStream`: older bundles and zstd), under the byte and ratio caps;
 * 4. the first failure of any step wins and stops the others; without one the manifest's text,
 *    each file's size and sha256, and what was skipped are returned for verification.
 */
import { createReadStream, mkdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CodexrelError } from "@codexrel/core";
import { Parser, type ReadEntry } from "tar";
import { type Compression, decompressor } from "./compression.js";
import { admitEntries, type SkippedEntry } from "./entry-filter.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import { firstMemberLength, inflateMembers } from "./gzip-members.js";
import { HOME_DIR_ENTRY, MANIFEST_ENTRY } from "./manifest.js";
import { decompressionCheck, decompressionGuards, mapExtractError, type RestoreLimits } from "./restore-limits.js";
import { StagingWriters } from "./staging-writer.js";

export interface Extracted {
  /** rel path -> size and sha256 of what was written. */
  files: Map<string, { size: number; sha256: string }>;
  bytes: number;
  skipped: SkippedEntry[];
  manifestText: string;
}

/** Threads creating files, each for its own directories. */
const WRITERS = 2;

/** The first failure of any step; later ones are dropped. `onFail` stops the byte source. */
class FirstFailure {
  error: CodexrelError | undefined;
  private abortSource: ((error: Error) => void) | undefined;

  readonly fail = (error: CodexrelError): void => {
    this.error ??= error;
    this.abortSource?.(error);
  };

  onFail(abort: (error: Error) => void): void {
    this.abortSource = abort;
  }
}

export async function extract(
  bundle: string,
  compression: Compression,
  staging: string,
  limits: Required<RestoreLimits>,
): Promise<Extracted> {
  const failure = new FirstFailure();
  const admission = admitEntries(limits, failure.fail, () => failure.error !== undefined);
  const writer = new StagingWriters(WRITERS, (error) => failure.fail(mapExtractError(error)));
  const staged = stageEntries(staging, writer, failure.fail);
  const parser = new Parser({
    strict: true,
    zstd: false,
    brotli: false,
    filter: admission.filter,
    onReadEntry: staged.onEntry,
  });
  const parse = watchParser(parser);

  try {
    const fed = await feedMembers(bundle, compression, limits, parser, writer, () => {
      return failure.error !== undefined || parse.failed();
    });
    if (!fed) await feedStream(bundle, compression, limits, parser, writer, failure);
    if (failure.error) throw failure.error;
    await parse.done;
    await writer.finish();
  } catch (error) {
    if (failure.error) throw failure.error;
    throw mapExtractError(error);
  } finally {
    // No file may still be being written when the caller removes the staging tree.
    await writer.stop();
  }
  if (failure.error) throw failure.error;
  const manifestText = staged.manifestText();
  if (manifestText === undefined) noManifest();
  const bytes = [...staged.files.values()].reduce((n, f) => n + f.size, 0);
  return { files: staged.files, bytes, skipped: admission.skipped, manifestText };
}

/**
 * node-tar parses and validates the archive (header checksums, pax records, truncation); the
 * filter admits only regular files and directories under home/, and this creates them itself in
 * the fresh, private staging tree: directories with mkdir, files with O_CREAT|O_EXCL|O_NOFOLLOW
 * (staging-writer.ts), so nothing can be written through a link or over an existing file. (tar's
 * Unpack does per-entry lstat/mkdir bookkeeping for extracting into arbitrary trees, which doubled
 * restore time on 10,000 files and buys nothing in a tree no one else can see.)
 */
function stageEntries(
  staging: string,
  writer: StagingWriters,
  fail: (error: CodexrelError) => void,
): {
  onEntry: (entry: ReadEntry) => void;
  files: Extracted["files"];
  manifestText: () => string | undefined;
} {
  const files: Extracted["files"] = new Map();
  let manifestText: string | undefined;
  const madeDirs = new Set<string>([staging]);
  const ensureDir = (dir: string) => {
    if (madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (let d = dir; d.length > staging.length && !madeDirs.has(d); d = dirname(d)) madeDirs.add(d);
  };
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
  return { onEntry, files, manifestText: () => manifestText };
}

/** When the parser is done, and whether it has failed (its error is thrown by `done`). */
function watchParser(parser: Parser): { done: Promise<void>; failed: () => boolean } {
  const done = new Promise<void>((resolveDone, reject) => {
    parser.on("end", () => resolveDone());
    parser.on("error", reject);
  });
  done.catch(() => {});
  let failed = false;
  parser.on("error", () => {
    failed = true;
  });
  return { done, failed: () => failed };
}

/**
 * Feeds a bundle whose gzip members record their length, member by member; false (nothing fed)
 * for any other bundle.
 */
async function feedMembers(
  bundle: string,
  compression: Compression,
  limits: Required<RestoreLimits>,
  parser: Parser,
  writer: StagingWriters,
  stopped: () => boolean,
): Promise<boolean> {
  const fh = await open(bundle, "r");
  try {
    const indexed = compression === "gzip" && (await firstMemberLength(fh)) !== undefined;
    if (!indexed) return false;
    const check = decompressionCheck(limits);
    for await (const { block, compressedBytes } of inflateMembers(fh, limits)) {
      if (stopped()) break;
      check(block, compressedBytes);
      if (!parser.write(block)) await new Promise<void>((r) => parser.once("drain", () => r()));
      writer.flush();
      await writer.room();
    }
    if (!stopped()) parser.end();
    return true;
  } finally {
    await fh.close();
  }
}

/** Feeds a bundle through one decompressor (older gzip bundles, zstd), under the caps. */
async function feedStream(
  bundle: string,
  compression: Compression,
  limits: Required<RestoreLimits>,
  parser: Parser,
  writer: StagingWriters,
  failure: FirstFailure,
): Promise<void> {
  const source = createReadStream(bundle);
  const { countIn, guard } = decompressionGuards(limits);
  failure.onFail((error) => source.destroy(error));
  // Each chunk is handed to the parser on the next turn of the event loop, not inside gunzip's
  // callback: gunzip then queues its next slice on the thread pool first, so inflating and
  // writing files overlap (as gzip and tar do in two processes) instead of taking turns.
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _e, cb) {
      setImmediate(() => {
        if (failure.error) return cb(failure.error);
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

function noManifest(): never {
  throw sessionError(
    SessionErrorCodes.SESSION_BUNDLE_INVALID,
    `the bundle has no ${MANIFEST_ENTRY}`,
    "The bundle is truncated or was not written by codexrel; save a new session.",
  );
}
