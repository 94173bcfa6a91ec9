import { SessionErrorCodes, sessionError } from "./errors.js";
import { type SessionInfo, sessionProblem } from "./rollout.js";
import type { ScrubKind } from "./scrub.js";

export const BUNDLE_FORMAT = "codexrel-session-bundle";
export const BUNDLE_FORMAT_VERSION = 1;
/** Tar entry names inside a bundle. */
export const MANIFEST_ENTRY = "codexrel-manifest.json";
export const HOME_DIR_ENTRY = "home";

export interface ManifestFile {
  /** POSIX path relative to CODEX_HOME. */
  path: string;
  size: number;
  sha256: string;
  /** Modification time in ms since the epoch (restored). */
  mtimeMs: number;
  /** Permission bits (0o755 at most). */
  mode: number;
}

export interface ExcludedEntry {
  path: string;
  reason: string;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  threadKey: string | null;
  /** The backend key this bundle was saved under, when saved through a backend. */
  key: string | null;
  createdAt: string;
  /** Codex CLI version: given by the caller, else the latest rollout's `cli_version`. */
  codexVersion: string | null;
  compression: "gzip" | "zstd";
  /** The latest session in the bundle, or null when it holds none. */
  session: SessionInfo | null;
  sessions: number;
  redactions: { total: number; files: { path: string; count: number; kind: ScrubKind }[] };
  excluded: ExcludedEntry[];
  files: ManifestFile[];
  totals: { files: number; bytes: number };
}

const SHA256 = /^[0-9a-f]{64}$/;

function invalid(message: string): never {
  throw sessionError(
    SessionErrorCodes.SESSION_BUNDLE_INVALID,
    `session bundle manifest is invalid: ${message}`,
    "The bundle was not written by codexrel's session store (or was altered); save a new session.",
  );
}

/** Parses and checks a manifest read from a bundle. */
export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    invalid("not JSON");
  }
  if (!value || typeof value !== "object") invalid("not an object");
  const m = value as Partial<Manifest>;
  if (m.format !== BUNDLE_FORMAT) invalid(`format is ${JSON.stringify(m.format)}`);
  if (m.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw sessionError(
      SessionErrorCodes.SESSION_BUNDLE_INVALID,
      `session bundle format version ${String(m.formatVersion)} is not supported (this codexrel reads ${BUNDLE_FORMAT_VERSION})`,
      "Restore with the codexrel version that saved it, or save a new session.",
    );
  }
  if (!Array.isArray(m.files)) invalid("files is not a list");
  const seen = new Set<string>();
  for (const f of m.files) {
    if (!f || typeof f.path !== "string" || f.path.length === 0) invalid("a file has no path");
    if (seen.has(f.path)) invalid(`duplicate file ${f.path}`);
    seen.add(f.path);
    if (!Number.isSafeInteger(f.size) || f.size < 0) invalid(`bad size for ${f.path}`);
    if (typeof f.sha256 !== "string" || !SHA256.test(f.sha256)) invalid(`bad sha256 for ${f.path}`);
    if (typeof f.mtimeMs !== "number" || !Number.isFinite(f.mtimeMs)) invalid(`bad mtime for ${f.path}`);
    if (!Number.isInteger(f.mode)) invalid(`bad mode for ${f.path}`);
  }
  if (m.session !== null && (typeof m.session !== "object" || typeof m.session?.id !== "string")) {
    invalid("session is malformed");
  }
  if (m.session) {
    const problem = sessionProblem(m.session);
    if (problem) invalid(problem);
    if (!m.files.some((f) => f.path === m.session?.rolloutPath)) invalid("the session's rollout is not in the bundle");
  }
  if (typeof m.createdAt !== "string") invalid("createdAt is missing");
  return m as Manifest;
}
