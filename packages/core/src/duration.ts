/**
 * Check timeouts: seconds (a number) or a duration string parsed by `ms` (`500ms`, `90s`, `5m`,
 * `1.5h`, `1d`). Zero, negative and anything over 24 hours are refused: a timer that long is a
 * mistake (and above 2^31-1 ms Node's setTimeout fires at once, which is how `1000h` once killed
 * checks after 2 ms).
 */
import ms from "ms";
import { CodexrelError, ErrorCodes } from "./errors.js";

export const MAX_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/** Returns milliseconds, or a sentence saying why the value is refused. */
export function checkDuration(value: number | string): { ms: number } | { problem: string } {
  let parsed: number | undefined;
  if (typeof value === "number") parsed = Number.isFinite(value) ? value * 1000 : undefined;
  else {
    const text = value.trim();
    // A bare number string would be read by `ms` as milliseconds; numbers in the config mean seconds.
    parsed = /^[0-9.]+$/.test(text) ? Number(text) * 1000 : text.length <= 100 ? ms(text as ms.StringValue) : undefined;
  }
  if (parsed === undefined || !Number.isFinite(parsed)) {
    return { problem: `${JSON.stringify(value)} is not a duration (use seconds, or e.g. 500ms, 90s, 5m, 1h)` };
  }
  const rounded = Math.round(parsed);
  if (rounded <= 0) return { problem: `${JSON.stringify(value)} is not more than zero` };
  if (rounded > MAX_TIMEOUT_MS) return { problem: `${JSON.stringify(value)} is more than the 24h maximum` };
  return { ms: rounded };
}

/** Parses a timeout (seconds or a duration string); throws CONFIG_INVALID when it is refused. */
export function parseDurationMs(value: number | string): number {
  const result = checkDuration(value);
  if ("ms" in result) return result.ms;
  throw new CodexrelError(ErrorCodes.CONFIG_INVALID, `invalid timeout: ${result.problem}`, {
    hint: "Give seconds as a number (e.g. 90) or a string such as 500ms, 90s, 5m, 1h; at most 24h.",
  });
}
