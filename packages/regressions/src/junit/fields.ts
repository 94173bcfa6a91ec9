/** Reading attribute values: lookup in the scanner's flat list, `time` in seconds, detached copies. */

/** The value of attribute `key` in a flat name/value list. */
export function attr(attrs: string[], key: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return undefined;
}

/** `time` attributes: seconds, sometimes with thousands separators or exponents; junk gives null. */
export function parseSeconds(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const fast = plainSeconds(value);
  if (fast >= 0) return fast;
  let n = Number(value);
  if (!Number.isFinite(n)) n = Number(value.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 1e6) / 1e3;
}

/**
 * `parseSeconds` of a plain `digits[.digits]` value (what nearly every reporter writes), read
 * digit by digit (-1 for anything else): whole microseconds, so no float parse per testcase.
 * The same number as the general path: with at most 9 integer and 6 fraction digits the
 * microseconds stay below 2^50, where Math.round(Number(v) * 1e6) is that integer exactly.
 */
function plainSeconds(v: string): number {
  const len = v.length;
  let i = 0;
  let whole = 0;
  for (; i < len; i += 1) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 9) return -1;
  let micros = whole * 1e6;
  if (i < len) {
    if (v.charCodeAt(i) !== 46 || len - i - 1 < 1 || len - i - 1 > 6) return -1;
    let scale = 1e5;
    for (i += 1; i < len; i += 1) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      micros += d * scale;
      scale /= 10;
    }
  }
  return micros / 1e3;
}

/**
 * A copy of `value` that does not keep the parser's input chunk alive: V8 may return substrings
 * as views into the (256 KiB) chunk string, so one kept name would pin the whole chunk.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
