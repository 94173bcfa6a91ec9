import { CodexrelError } from "@codexrel/core";

/** Error codes raised by @codexrel/threads. */
export const ThreadsErrorCodes = {
  EVENT_PAYLOAD_INVALID: "EVENT_PAYLOAD_INVALID",
  EVENT_NAME_MISSING: "EVENT_NAME_MISSING",
  THREAD_CONFIG_INVALID: "THREAD_CONFIG_INVALID",
  THREAD_STATE_INVALID: "THREAD_STATE_INVALID",
  THREAD_NOT_FOUND: "THREAD_NOT_FOUND",
  PROGRESS_INPUT_INVALID: "PROGRESS_INPUT_INVALID",
  PERMISSION_LOOKUP_FAILED: "PERMISSION_LOOKUP_FAILED",
  RELAY_INVALID: "RELAY_INVALID",
} as const;

export type ThreadsErrorCode = (typeof ThreadsErrorCodes)[keyof typeof ThreadsErrorCodes];

export function threadsError(code: ThreadsErrorCode, message: string, hint: string, cause?: unknown): CodexrelError {
  return new CodexrelError(code, message, cause === undefined ? { hint } : { hint, cause });
}
