/** Reading attribute values: lookup in the scanner's flat list, `time` in seconds, detached copies. */

/** The value of attribute `key` in a flat name/value list. */
export function attr(attrs: string[], key: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return undefined;
}

/** `time` attributes: seconds, sometimes with thousands separators or exponents; junk gives null. */
export function parseSeconds(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  let n = Number(value);
  if (!Number.isFinite(n)) n = Number(value.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 1_000_000) / 1000;
}

/**
 * A copy of `value` that does not keep the parser's input chunk alive: V8 may return substrings
 * as views into the (256 KiB) chunk string, so one kept name would pin the whole chunk.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
