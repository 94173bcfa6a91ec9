/**
 * What a restore refuses, and how it says so: the caps on a bundle (files, bytes, depth, path
 * length, decompression ratio), the coded errors for an unsafe, oversized or damaged bundle, and
 * the decompression checks that enforce the byte and ratio caps while a bundle is inflated.
 */
import { Transform, type TransformCallback } from "node:stream";
import { CodexrelError } from "@codexrel/core";
import { detectCompression } from "./compression.js";
import { SessionErrorCodes, sessionError } from "./errors.js";

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

export const unsafe = (message: string, path: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_UNSAFE,
    `unsafe bundle entry ${JSON.stringify(path.slice(0, 200))}: ${message}`,
    "Do not restore this bundle: it was not written by codexrel's session store. Delete it from the store.",
    { details: { path: path.slice(0, 200) } },
  );

export const tooLarge = (message: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_TOO_LARGE,
    `bundle exceeds a restore limit: ${message}`,
    "A real CODEX_HOME stays well inside the limits; if yours does not, raise the limit explicitly.",
  );

export const damaged = (message: string) =>
  sessionError(
    SessionErrorCodes.SESSION_BUNDLE_CORRUPT,
    `the bundle is damaged or truncated: ${message}`,
    "The stored bundle is unusable; the next save replaces it.",
  );

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
