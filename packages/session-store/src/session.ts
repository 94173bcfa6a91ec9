/**
 * Save and restore by thread through a backend, with the advisory/blocking policy: in advisory
 * mode a backend failure is a warning and a cache miss, never a failed job.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isCodexrelError, toCodexrelError } from "@codexrel/core";
import type { SessionBackend } from "./backends/types.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import type { Manifest } from "./manifest.js";
import { type PackOptions, packCodexHome } from "./pack.js";
import { type RestoreLimits, type RestoreResult, restoreBundle } from "./restore.js";
import { type SaveKeyParts, saveKey, threadKeyPrefix } from "./thread-key.js";

export type FailureMode = "advisory" | "blocking";

export interface ErrorSummary {
  code: string;
  message: string;
  hint: string;
}

export interface SaveSessionOptions extends Omit<PackOptions, "out" | "threadKey" | "key">, SaveKeyParts {
  threadKey: string;
  backend: SessionBackend;
  /** Advisory (default): a backend failure is a warning. Blocking: it throws. */
  mode?: FailureMode;
  /** Where the bundle is built; default the OS temp directory. */
  tempDir?: string;
}

export interface SaveSessionResult {
  saved: boolean;
  key: string;
  backend: string;
  /** Bundle size in bytes. */
  bytes: number;
  manifest: Manifest;
  warnings: string[];
  /** Set when the backend failed in advisory mode. */
  error: ErrorSummary | null;
}

export async function saveSession(options: SaveSessionOptions): Promise<SaveSessionResult> {
  const now = options.now ?? (() => new Date());
  const key = saveKey(options.threadKey, {
    runId: options.runId,
    attempt: options.attempt,
    job: options.job,
    now: now(),
  });
  const work = await mkdtemp(join(options.tempDir ?? tmpdir(), "codexrel-save-"));
  try {
    const out = join(work, "session.bundle");
    const packed = await packCodexHome({ ...options, out, threadKey: options.threadKey, key, now });
    const warnings = [...packed.warnings];
    try {
      await options.backend.save(key, out);
    } catch (cause) {
      const error = backendError(options.backend, "save", cause);
      if (options.mode === "blocking") throw error;
      warnings.push(`${error.code}: ${error.message} (saving was skipped)`);
      return {
        saved: false,
        key,
        backend: options.backend.name,
        bytes: packed.bytes,
        manifest: packed.manifest,
        warnings,
        error: summary(error),
      };
    }
    return {
      saved: true,
      key,
      backend: options.backend.name,
      bytes: packed.bytes,
      manifest: packed.manifest,
      warnings,
      error: null,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface RestoreSessionOptions {
  threadKey: string;
  backend: SessionBackend;
  codexHome: string;
  /** A follow-up run: nothing saved for the thread is an error, never a silent new session. */
  requireSession?: boolean;
  /**
   * Another thread to start from when `threadKey` has nothing saved: a PR thread the worker opened
   * for an issue starts from the issue's session (read only; the run saves under `threadKey`).
   */
  fallbackThreadKey?: string;
  mode?: FailureMode;
  tempDir?: string;
  limits?: RestoreLimits;
}

export interface RestoreSessionResult {
  /** A bundle was found for the thread (a cache hit). */
  cacheHit: boolean;
  sessionFound: boolean;
  sessionId: string | null;
  /** The key restored from, or null on a miss. */
  key: string | null;
  /** The thread whose bundle was restored: `threadKey`, the fallback thread, or null on a miss. */
  restoredFrom: string | null;
  backend: string;
  codexHome: string;
  restore: RestoreResult | null;
  warnings: string[];
  /** Set when the backend failed in advisory mode (reported as a miss). */
  error: ErrorSummary | null;
}

export async function restoreSession(options: RestoreSessionOptions): Promise<RestoreSessionResult> {
  const prefix = threadKeyPrefix(options.threadKey);
  const work = await mkdtemp(join(options.tempDir ?? tmpdir(), "codexrel-restore-"));
  const warnings: string[] = [];
  let error: ErrorSummary | null = null;
  try {
    const bundle = join(work, "session.bundle");
    let hit: { key: string } | undefined;
    let restoredFrom: string | null = null;
    try {
      hit = await options.backend.restore(prefix, bundle);
      if (hit) restoredFrom = options.threadKey;
      else if (options.fallbackThreadKey) {
        hit = await options.backend.restore(threadKeyPrefix(options.fallbackThreadKey), bundle);
        if (hit) restoredFrom = options.fallbackThreadKey;
      }
      if (hit) await stat(bundle);
    } catch (cause) {
      const coded = backendError(options.backend, "restore", cause);
      if (options.mode === "blocking") throw coded;
      warnings.push(`${coded.code}: ${coded.message} (treated as a cache miss)`);
      error = summary(coded);
      hit = undefined;
      restoredFrom = null;
    }
    const restore = hit ? await restoreBundle({ bundle, codexHome: options.codexHome, limits: options.limits }) : null;
    if (restore) warnings.push(...restore.warnings);
    const sessionFound = restore?.sessionFound ?? false;
    if (options.requireSession && !sessionFound) {
      throw sessionError(
        SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING,
        hit
          ? `the saved bundle for ${restoredFrom ?? options.threadKey} holds no Codex session`
          : `no saved Codex session for ${options.threadKey}${options.fallbackThreadKey ? ` or ${options.fallbackThreadKey}` : ""}${error ? ` (the ${options.backend.name} backend failed: ${error.message})` : ""}`,
        "This follow-up needs the thread's earlier session: run the first turn (which saves it) or drop require-session to start fresh.",
        { details: { threadKey: options.threadKey, backend: options.backend.name } },
      );
    }
    return {
      cacheHit: hit !== undefined,
      sessionFound,
      sessionId: restore?.sessionId ?? null,
      key: hit?.key ?? null,
      restoredFrom: hit ? restoredFrom : null,
      backend: options.backend.name,
      codexHome: restore?.codexHome ?? options.codexHome,
      restore,
      warnings,
      error,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function backendError(backend: SessionBackend, op: string, cause: unknown) {
  if (isCodexrelError(cause) && cause.code === SessionErrorCodes.SESSION_BACKEND_FAILED) return cause;
  const inner = toCodexrelError(cause);
  return sessionError(
    SessionErrorCodes.SESSION_BACKEND_FAILED,
    `${backend.name} backend ${op} failed: ${inner.message}`,
    "Check the store (directory permissions, cache service); advisory mode carries on without it.",
    { cause },
  );
}

function summary(e: { code: string; message: string; hint: string }): ErrorSummary {
  return { code: e.code, message: e.message, hint: e.hint };
}
