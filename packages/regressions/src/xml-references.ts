/**
 * Entity and character references in XML text and attribute values. Only XML's five predefined
 * entities are known (no DTD is ever read, so no other can be defined), and a character reference
 * must name a character XML 1.0 allows.
 */
import { ATTR_WS } from "./xml-chars.js";

/** Places an error at an offset of the scanned text (the scanner turns it into a `ScanError`). */
export type FailAt = (message: string, at: number) => never;

/** What `&ref;` stands for, or null when it is an undefined entity or a malformed or disallowed character reference. */
export function referenceText(ref: string): string | null {
  switch (ref) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  if (ref.charCodeAt(0) !== 35) return null;
  const hex = ref.charCodeAt(1) === 120;
  const digits = ref.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const cp = Number.parseInt(digits, hex ? 16 : 10);
  if (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
    return String.fromCodePoint(cp);
  return null;
}

/** Why `&ref;` was refused (for a reference `referenceText` gave null for). */
export function referenceProblem(ref: string): string {
  return ref.charCodeAt(0) === 35
    ? `malformed character reference: &${ref.slice(0, 20)};`
    : `undefined entity: &${ref.slice(0, 40)};`;
}

/**
 * `s[from, to)` with its references decoded (and checked). `normalize` (attribute values) also
 * turns tabs and line ends into spaces, in the literal parts only: a character reference stays as
 * written.
 */
export function decodeReferences(s: string, from: number, to: number, normalize: boolean, fail: FailAt): string {
  let out = "";
  let i = from;
  for (;;) {
    const amp = s.indexOf("&", i);
    if (amp < 0 || amp >= to) break;
    out += normalize ? s.slice(i, amp).replace(ATTR_WS, " ") : s.slice(i, amp);
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi >= to || semi - amp > 64) fail("unterminated entity reference", amp);
    const ref = s.slice(amp + 1, semi);
    const text = referenceText(ref);
    if (text === null) fail(referenceProblem(ref), amp);
    out += text;
    i = semi + 1;
  }
  const rest = s.slice(i, to);
  return out + (normalize ? rest.replace(ATTR_WS, " ") : rest);
}
