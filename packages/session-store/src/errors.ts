import { CodexrelError } from "@codexrel/core";

/** Stable codes raised by the session store. */
export const SessionErrorCodes = {
  /** `requireSession` was set and no saved session exists for the thread. */
  SESSION_REQUIRED_BUT_MISSING: "SESSION_REQUIRED_BUT_MISSING",
  SESSION_THREAD_KEY_INVALID: "SESSION_THREAD_KEY_INVALID",
  SESSION_HOME_NOT_WRITABLE: "SESSION_HOME_NOT_WRITABLE",
  SESSION_HOME_NOT_FOUND: "SESSION_HOME_NOT_FOUND",
  SESSION_CONFIG_INVALID: "SESSION_CONFIG_INVALID",
  /** A secret would remain in the bundle after redaction. */
  SESSION_SECRET_REMAINS: "SESSION_SECRET_REMAINS",
  /** A SQLite database kept changing while it was being captured. */
  SESSION_SQLITE_BUSY: "SESSION_SQLITE_BUSY",
  SESSION_ZSTD_UNAVAILABLE: "SESSION_ZSTD_UNAVAILABLE",
  /** The bundle is not a codexrel session bundle or its manifest is malformed. */
  SESSION_BUNDLE_INVALID: "SESSION_BUNDLE_INVALID",
  /** The bundle's compressed stream or tar structure is damaged or truncated. */
  SESSION_BUNDLE_CORRUPT: "SESSION_BUNDLE_CORRUPT",
  /** A file's size or sha256 differs from the manifest, or files are missing or extra. */
  SESSION_CHECKSUM_MISMATCH: "SESSION_CHECKSUM_MISMATCH",
  /** An entry that may escape or abuse the target: absolute, `..`, link, device, duplicate. */
  SESSION_BUNDLE_UNSAFE: "SESSION_BUNDLE_UNSAFE",
  /** A cap was hit: depth, file count, bytes or decompression ratio. */
  SESSION_BUNDLE_TOO_LARGE: "SESSION_BUNDLE_TOO_LARGE",
  SESSION_RESTORE_FAILED: "SESSION_RESTORE_FAILED",
  SESSION_BACKEND_FAILED: "SESSION_BACKEND_FAILED",
  /** actions/cache/save ran but a lookup of the key did not find the bundle: nothing was saved. */
  SESSION_CACHE_SAVE_FAILED: "SESSION_CACHE_SAVE_FAILED",
  SESSION_STORE_KEY_INVALID: "SESSION_STORE_KEY_INVALID",
} as const;

export type SessionErrorCode = (typeof SessionErrorCodes)[keyof typeof SessionErrorCodes];

export function sessionError(
  code: SessionErrorCode,
  message: string,
  hint: string,
  extra: { cause?: unknown; details?: Record<string, unknown> } = {},
): CodexrelError {
  return new CodexrelError(code, message, { hint, ...extra });
}
