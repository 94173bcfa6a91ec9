/** The character classes and fixed syntax of XML 1.0 that `XmlScanner` checks against. */

export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const EQ = 61;
export const DQ = 34;
export const SQ = 39;

/** ASCII name characters: 1 = may start a name, 2 = may continue one. */
export const NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_ASCII[c] = 3;
  else if (/[-.0-9]/.test(ch)) NAME_ASCII[c] = 2;
}
const NAME_START =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
/** A whole name with non-ASCII characters (ASCII names are checked with `NAME_ASCII`). */
export const NAME_RE = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, "u");
/** Characters XML 1.0 does not allow anywhere (lone surrogates cannot come out of a fatal decoder). */
export const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
export const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>/;
export const WS_RUN = /^[ \t\r\n]*$/;
/** What attribute-value normalization turns into a space. */
export const ATTR_WS = /\r\n|[\t\n\r]/g;

export const isWs = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
