import { CodexrelError, ErrorCodes } from "./errors.js";

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Parses a timeout given as seconds (number) or a duration string (`500ms`, `90s`, `5m`, `1h`). */
export function parseDurationMs(value: number | string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value) && value > 0) return Math.round(value * 1000);
  } else {
    const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value.trim());
    if (m) {
      const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
      if (ms > 0) return Math.round(ms);
    }
  }
  throw new CodexrelError(ErrorCodes.CONFIG_INVALID, `invalid duration ${JSON.stringify(value)}`, {
    hint: "Give seconds as a number (e.g. 90) or a string such as 500ms, 90s, 5m, 1h.",
  });
}
