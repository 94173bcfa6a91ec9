import type { Thread } from "@codexrel/core";
import { SessionErrorCodes, sessionError } from "./errors.js";

/** `<owner>/<repo>/<issue|pr>-<n>`, e.g. `octo/hello/pr-12`. */
export type ThreadKey = string;

/** Every bundle key starts with this, so other caches of the repository never match. */
export const SESSION_KEY_NAMESPACE = "codexrel-session-v1";

const THREAD_KEY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})\/(issue|pr)-([1-9][0-9]{0,9})$/;

export function parseThreadKey(key: string): Thread {
  const m = THREAD_KEY.exec(key.trim());
  if (!m || m[2] === "." || m[2] === "..") {
    throw sessionError(
      SessionErrorCodes.SESSION_THREAD_KEY_INVALID,
      `not a thread key: ${JSON.stringify(key)}`,
      "Use <owner>/<repo>/<issue|pr>-<number>, e.g. octo/hello/pr-12.",
    );
  }
  return { repository: `${m[1]}/${m[2]}`, kind: m[3] as "issue" | "pr", number: Number(m[4]) };
}

export function formatThreadKey(thread: Thread): ThreadKey {
  const key = `${thread.repository}/${thread.kind}-${thread.number}`;
  parseThreadKey(key);
  return key;
}

/** The cache-key prefix every save of the thread shares. It ends with `/` so `issue-4` never matches `issue-40`. */
export function threadKeyPrefix(threadKey: ThreadKey): string {
  return `${SESSION_KEY_NAMESPACE}/${formatThreadKey(parseThreadKey(threadKey))}/`;
}

export interface SaveKeyParts {
  /** The workflow run id (or any id unique to this run); default: the save time in ms. */
  runId?: string | number;
  /** The run attempt; default 1. */
  attempt?: string | number;
  /** Optional job id, for several saves of one thread in one run. */
  job?: string;
}

/**
 * A unique key for one save: `<prefix><time>-<runId>-<attempt>[-<job>]`. The zero-padded save time
 * comes first so keys sort by age in every backend, and the newest wins on restore.
 */
export function saveKey(threadKey: ThreadKey, parts: SaveKeyParts & { now: Date }): string {
  const time = String(parts.now.getTime()).padStart(15, "0");
  const segs = [time, String(parts.runId ?? "local"), String(parts.attempt ?? 1)];
  if (parts.job) segs.push(parts.job);
  const suffix = segs.map((s) => s.replace(/[^A-Za-z0-9_.-]/g, "_")).join("-");
  return `${threadKeyPrefix(threadKey)}${suffix}`;
}
