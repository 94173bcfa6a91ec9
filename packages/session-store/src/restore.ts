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
 *
 * The steps live beside this file: restore-limits.ts (caps and their errors), entry-filter.ts
 * (which entries are admitted), gzip-members.ts, extract.ts (unpacking into staging), and
 * restore-commit.ts (moving the staged tree into place).
 */
import { chmod, mkdir, mkdtemp, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { type Compression, detectCompression } from "./compression.js";
import type { SkippedEntry } from "./entry-filter.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import { type Extracted, extract } from "./extract.js";
import { HOME_DIR_ENTRY, type Manifest, parseManifest } from "./manifest.js";
import { commitRestore } from "./restore-commit.js";
import { DEFAULT_RESTORE_LIMITS, type RestoreLimits } from "./restore-limits.js";
import { parseSessionMeta, type SessionInfo } from "./rollout.js";
import { neverSaved, protectedOnRestore } from "./rules.js";

export type { SkippedEntry } from "./entry-filter.js";
export {
  DEFAULT_RESTORE_LIMITS,
  decompressionCheck,
  decompressionGuards,
  mapExtractError,
  type RestoreLimits,
} from "./restore-limits.js";

export interface RestoreBundleOptions {
  /** Bundle file (from `packCodexHome`). */
  bundle: string;
  /** CODEX_HOME to restore into; created when missing. Existing files not in the bundle stay. */
  codexHome: string;
  limits?: RestoreLimits;
  /** The rename used to move restored files into place (a port for tests); default fs.rename. */
  rename?: (from: string, to: string) => Promise<void>;
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
    await commitRestore(stagedHome, target, join(staging, "backup"), options.rename ?? rename);
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
