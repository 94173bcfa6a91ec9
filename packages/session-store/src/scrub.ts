/**
 * Secret scrubbing for bundle contents. Text files (valid UTF-8, no NUL byte) go through core's
 * `redactWithCount`; binary files (SQLite databases) get every match masked with `*` of the same
 * length so page layouts stay valid. Afterwards the content is scanned again: a secret that would
 * remain fails the save.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { gunzipSync, gzipSync } from "node:zlib";
import { MIN_EXACT_SECRET_LENGTH, redactWithCount, SECRET_PATTERNS } from "@codexrel/core";

export type ScrubKind = "text" | "binary" | "gzip" | "utf16";

export interface ScrubResult {
  content: Buffer;
  /** Secrets replaced (text) or masked (binary). */
  count: number;
  /** How the file was read: text, binary (masked), gzip (inflated and scrubbed), UTF-16 (decoded). */
  kind: ScrubKind;
  /** True when a secret pattern still matches after scrubbing (the save must fail). */
  remains: boolean;
  /** Set when the file could not be read in a way that lets it be scrubbed: it is left out. */
  exclude?: string;
}

/** Largest inflated size of a gzip file inside CODEX_HOME that is scrubbed; larger ones are left out. */
export const MAX_GZIP_INFLATED = 256 * 1024 * 1024;

const isGzip = (buf: Buffer) => buf.length >= 3 && buf[0] === 0x1f && buf[1] === 0x8b && buf[2] === 0x08;

/** UTF-16 by its byte-order mark, or by NULs in every other byte of a text-like head. */
function utf16Endianness(buf: Buffer): "le" | "be" | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return "le";
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return "be";
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero >= half * 0.9 && evenZero === 0) return "le";
  if (evenZero >= half * 0.9 && oddZero === 0) return "be";
  return undefined;
}

function decodeUtf16(buf: Buffer, endian: "le" | "be"): string {
  const body = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  if (endian === "be") body.swap16();
  return body.toString("utf16le");
}

function encodeUtf16(text: string, endian: "le" | "be"): Buffer {
  const out = Buffer.from(text, "utf16le");
  if (endian === "be") out.swap16();
  return out;
}

/** Text of a credential or config file whatever its encoding (UTF-8, UTF-16, gzip of either). */
export function decodeText(buf: Buffer): string {
  if (isGzip(buf)) {
    try {
      return decodeText(gunzipSync(buf, { maxOutputLength: MAX_GZIP_INFLATED }));
    } catch {
      return "";
    }
  }
  const endian = utf16Endianness(buf);
  return endian ? decodeUtf16(buf, endian) : buf.toString("utf8");
}

const SNIFF_BYTES = 8000;

export function isText(buf: Buffer): boolean {
  const head = buf.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return false;
  return isUtf8(buf);
}

/** Exact secrets, longest first, too-short values dropped (they would mask ordinary words). */
export function normalizeSecrets(secrets: Iterable<string | undefined | null>): string[] {
  const set = new Set<string>();
  for (const s of secrets) if (typeof s === "string" && s.trim().length >= MIN_EXACT_SECRET_LENGTH) set.add(s);
  return [...set].sort((a, b) => b.length - a.length);
}

export function scrub(buf: Buffer, secrets: readonly string[], depth = 0): ScrubResult {
  if (buf.length === 0) return { content: buf, count: 0, kind: "text", remains: false };
  if (isGzip(buf)) {
    // Compressed text hides every secret from a byte search: inflate, scrub, compress again.
    let inner: Buffer;
    try {
      inner = gunzipSync(buf, { maxOutputLength: MAX_GZIP_INFLATED });
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
          ? "inflates past 256 MiB"
          : "is not valid gzip";
      return {
        content: buf,
        count: 0,
        kind: "gzip",
        remains: false,
        exclude: `gzip file that ${why}: it cannot be scrubbed`,
      };
    }
    if (depth > 2)
      return { content: buf, count: 0, kind: "gzip", remains: false, exclude: "gzip nested too deep to scrub" };
    const r = scrub(inner, secrets, depth + 1);
    if (r.exclude) return { ...r, content: buf, kind: "gzip" };
    if (r.count === 0) return { content: buf, count: 0, kind: "gzip", remains: false };
    return { content: gzipSync(r.content), count: r.count, kind: "gzip", remains: r.remains };
  }
  const endian = utf16Endianness(buf);
  if (endian) {
    const text = decodeUtf16(buf, endian);
    const { text: out, count } = redactWithCount(text, { secrets });
    if (count === 0) return { content: buf, count, kind: "utf16", remains: false };
    const again = redactWithCount(out, { secrets });
    // The byte-order mark decodes to U+FEFF and is encoded back with the text.
    return { content: encodeUtf16(out, endian), count, kind: "utf16", remains: again.count > 0 };
  }
  if (isText(buf)) {
    // Pure ASCII decodes the same either way, and latin1 decoding is a plain copy.
    const text = buf.toString(isAscii(buf) ? "latin1" : "utf8");
    const { text: out, count } = redactWithCount(text, { secrets });
    if (count === 0) return { content: buf, count, kind: "text", remains: false };
    const again = redactWithCount(out, { secrets });
    return { content: Buffer.from(out, "utf8"), count, kind: "text", remains: again.count > 0 };
  }
  if (maskBinary(buf, secrets, true) === 0) return { content: buf, count: 0, kind: "binary", remains: false };
  const content = Buffer.from(buf);
  const count = maskBinary(content, secrets);
  const remains = maskBinary(content, secrets, true) > 0;
  return { content, count, kind: "binary", remains };
}

/**
 * Masks secrets in place with `*` (same length). Returns how many spans were masked; with
 * `dryRun` it only counts and leaves `buf` alone.
 */
export function maskBinary(buf: Buffer, secrets: readonly string[], dryRun = false): number {
  let count = 0;
  for (const secret of secrets) {
    const needle = Buffer.from(secret, "utf8");
    let at = buf.indexOf(needle);
    while (at !== -1) {
      if (!dryRun) buf.fill(0x2a, at, at + needle.length);
      count += 1;
      at = buf.indexOf(needle, at + needle.length);
    }
  }
  // latin1 keeps one char per byte, so string offsets are byte offsets.
  const text = buf.toString("latin1");
  for (const { pattern, group = 0 } of SECRET_PATTERNS) {
    const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(re)) {
      const secretPart = m[group] ?? m[0];
      if (/^\*+$/.test(secretPart)) continue;
      const start = (m.index ?? 0) + m[0].length - secretPart.length;
      if (!dryRun) buf.fill(0x2a, start, start + secretPart.length);
      count += 1;
    }
  }
  return count;
}

/**
 * Secret values found in credential files before they are excluded, so a transcript that echoes
 * the key in use is scrubbed even if the key has no recognisable shape.
 */
export function secretsFromCredentialFile(name: string, content: string): string[] {
  const out: string[] = [];
  if (name.endsWith(".json")) {
    try {
      const walk = (v: unknown): void => {
        if (typeof v === "string") out.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
      };
      walk(JSON.parse(content));
    } catch {
      // not JSON: fall back to the whole text lines
      out.push(...content.split(/\r?\n/).map((l) => l.trim()));
    }
  } else {
    for (const line of content.split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.*)$/.exec(line);
      if (m?.[1]) out.push(m[1].trim().replace(/^(['"])(.*)\1$/, "$2"));
    }
  }
  // Values that are plainly not secrets (modes, flags, timestamps) stay out.
  return out.filter(
    (s) =>
      s.length >= MIN_EXACT_SECRET_LENGTH &&
      !/^(apikey|chatgpt|true|false|null)$/i.test(s) &&
      !/^\d{4}-\d\d-\d\dT/.test(s),
  );
}
