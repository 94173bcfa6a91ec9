import { CodexrelError } from "@codexrel/core";

/** Error codes raised by @codexrel/stream. */
export const StreamErrorCodes = {
  /** A Discord API request failed for good (a 4xx, or 5xx/network errors after the retries). */
  DISCORD_REQUEST_FAILED: "DISCORD_REQUEST_FAILED",
  /** Discord asked for a longer wait than the sink allows, or 429s did not stop. */
  DISCORD_RATE_LIMITED: "DISCORD_RATE_LIMITED",
  /** Options the stream cannot work with (stage, run id, channel name parts). */
  STREAM_INPUT_INVALID: "STREAM_INPUT_INVALID",
} as const;

export type StreamErrorCode = (typeof StreamErrorCodes)[keyof typeof StreamErrorCodes];

export function streamError(code: StreamErrorCode, message: string, hint: string, cause?: unknown): CodexrelError {
  return new CodexrelError(code, message, cause === undefined ? { hint } : { hint, cause });
}
