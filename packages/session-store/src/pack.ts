/**
 * Packs a CODEX_HOME into a bundle: a compressed tar (node-tar headers) holding `home/<files>` and
 * `codexrel-manifest.json` last. Credentials, config, locks and runtime files never go in; text is
 * redacted, binaries masked; SQLite databases are read together with their `-wal`/`-shm` and the
 * group is re-read until it did not change during the capture. The file appears atomically.
 *
 * The steps: home-reader.ts lists and reads what may go in, scrub.ts redacts it, block-writer.ts
 * turns it into compressed tar blocks; this file records each file in the manifest.
 */
import { createHash, randomBytes } from "node:crypto";
import { open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { BlockWriter } from "./block-writer.js";
import { type Compression, compressBlock, zstdAvailable } from "./compression.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import { capture, groupSqlite, type Loaded, readRegular, walk } from "./home-reader.js";
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
import type { SaveExcludeOptions } from "./rules.js";
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

/** What the manifest records, collected while the files are added. */
interface Recorded {
  files: ManifestFile[];
  redactionFiles: Manifest["redactions"]["files"];
  redactions: number;
  totalBytes: number;
  sessions: SessionInfo[];
  excluded: ExcludedEntry[];
  warnings: string[];
}

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
  const recorded: Recorded = {
    files: [],
    redactionFiles: [],
    redactions: 0,
    totalBytes: 0,
    sessions: [],
    excluded: [],
    warnings: [],
  };
  const candidates = await walk(home, options, recorded.excluded);
  const secrets = normalizeSecrets([
    ...(options.secrets ?? []),
    ...credentialSecrets(home, recorded.excluded),
    ...configSecrets(home, options),
  ]);
  const units = groupSqlite(candidates);

  const compression = options.compression ?? "gzip";
  if (compression === "zstd" && !zstdAvailable()) await compressBlock("zstd", Buffer.alloc(0)); // throws the coded error
  const tmp = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(6).toString("hex")}.tmp`);
  const sink = await open(tmp, "wx", 0o600);
  const writer = new BlockWriter(sink, (block) => compressBlock(compression, block, options.level));
  const scratch = { buf: Buffer.allocUnsafe(1 << 20) };
  try {
    for (const unit of units) {
      const group = await capture(unit, options.sqliteRetries ?? 5, scratch);
      for (const item of group) {
        const content = scrubAndRecord(item, secrets, recorded);
        if (content)
          await writer.entry(`${HOME_DIR_ENTRY}/${item.rel}`, content, item.stat.mtime, item.stat.mode & 0o755);
      }
    }
    const manifest = buildManifest(options, compression, recorded);
    const manifestBuf = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
    await writer.entry(MANIFEST_ENTRY, manifestBuf, new Date(), 0o644);
    await writer.finish();
    await sink.close();
    const { size } = await stat(tmp);
    await rename(tmp, options.out);
    return { file: options.out, bytes: size, manifest, warnings: recorded.warnings };
  } catch (error) {
    await writer.abort();
    await sink.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw error;
  }
}

/**
 * Scrubs one captured file and records it (hash, redactions, the session a rollout holds); the
 * content to write, or undefined when the file stays out because it could not be scrubbed.
 */
function scrubAndRecord(item: Loaded, secrets: string[], into: Recorded): Buffer | undefined {
  const scrubbed = scrub(item.content, secrets);
  if (scrubbed.exclude) {
    // Never saved unread: what cannot be decoded and scrubbed stays out, with the reason.
    into.excluded.push({ path: item.rel, reason: `unscrubbable: ${scrubbed.exclude}` });
    into.warnings.push(`left out ${item.rel}: ${scrubbed.exclude}`);
    return undefined;
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
    into.redactions += scrubbed.count;
    into.redactionFiles.push({ path: item.rel, count: scrubbed.count, kind: scrubbed.kind });
    if (scrubbed.kind === "binary" && item.rel.endsWith("-wal")) {
      into.warnings.push(
        `masked ${scrubbed.count} secret(s) in ${item.rel}: SQLite will drop the masked WAL frames on recovery`,
      );
    }
  }
  const content = scrubbed.content;
  const mode = item.stat.mode & 0o755;
  const sha256 = createHash("sha256").update(content).digest("hex");
  into.files.push({ path: item.rel, size: content.length, sha256, mtimeMs: Math.floor(item.stat.mtimeMs), mode });
  into.totalBytes += content.length;
  if (isRolloutPath(item.rel)) {
    const info = parseSessionMeta(item.rel, content, item.stat.mtimeMs);
    const problem = info && sessionProblem(info);
    // A rollout whose id is not the UUID it is named for is kept as a file but never offered
    // for `codex exec resume <id>`: the id would reach argv.
    if (problem) into.warnings.push(`not recorded as a session: ${problem}`);
    else if (info) into.sessions.push(info);
  }
  return content;
}

function buildManifest(options: PackOptions, compression: Compression, recorded: Recorded): Manifest {
  const session = latestSession(recorded.sessions) ?? null;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    threadKey: options.threadKey ?? null,
    key: options.key ?? null,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    codexVersion: options.codexVersion ?? session?.cliVersion ?? null,
    compression,
    session,
    sessions: recorded.sessions.length,
    redactions: { total: recorded.redactions, files: recorded.redactionFiles },
    excluded: recorded.excluded,
    files: recorded.files,
    totals: { files: recorded.files.length, bytes: recorded.totalBytes },
  };
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
