/**
 * Caps on what one test may bring in: a 60 MiB test name must not become 60 MiB in every id, map
 * key, report, summary and rendering (issue 16, item 14). Long names, classnames, suites and
 * files keep their first KiB and say they were cut; the length and a hash of the whole value
 * stay in the text, so two long names that differ only after the first KiB stay two tests.
 */
import { createHash } from "node:crypto";

export const MAX_FIELD_CHARS = 1024;

export function capField(value: string): string {
  if (value.length <= MAX_FIELD_CHARS) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 12);
  return `${value.slice(0, MAX_FIELD_CHARS)}… [cut: ${value.length} characters, sha256 ${hash}]`;
}
