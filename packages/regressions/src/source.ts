/**
 * Report sources: bytes in, decoded text chunks out. The encoding comes from a byte-order mark or
 * the XML declaration (UTF-8 when neither says otherwise); decoding is streaming, so a multi-byte
 * character split across chunks is never broken and no file is read whole.
 */
import { open } from "node:fs/promises";
import { TextDecoder } from "node:util";

/** A named stream of bytes: a file, or anything a caller provides (tests, archives, HTTP bodies). */
export interface ReportSource {
  /** Shown in errors and warnings (a path relative to the working directory, usually). */
  name: string;
  /** The bytes in order. A chunk may be reused for the next one: consume it before asking for more. */
  chunks(): AsyncIterable<Uint8Array>;
}

export const DEFAULT_CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file through two buffers, reused for every chunk: the next read is under way while the
 * caller works on the current chunk. A stream's fresh Buffer per chunk lives outside the JS heap
 * until a garbage collection finds it dead, and a parse allocates little enough that tens of
 * megabytes of read chunks were waiting for it (see bench/README.md).
 */
export function fileSource(path: string, name: string = path, chunkBytes = DEFAULT_CHUNK_BYTES): ReportSource {
  return {
    name,
    async *chunks() {
      const handle = await open(path, "r");
      const buffers: Buffer[] = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
      let turn = 0;
      let pending = handle.read(buffers[0]!, 0, chunkBytes, null);
      try {
        for (;;) {
          const { bytesRead, buffer } = await pending;
          if (bytesRead === 0) return;
          turn ^= 1;
          pending = handle.read(buffers[turn]!, 0, chunkBytes, null);
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        // A read may still be in flight (the caller stopped early, or failed): let it settle first.
        await pending.catch(() => undefined);
        await handle.close();
      }
    },
  };
}

/** A source over bytes or text already in memory. */
export function memorySource(
  name: string,
  content: string | Uint8Array,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): ReportSource {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return {
    name,
    async *chunks() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
    },
  };
}

/** Picks the decoder from the first bytes: BOM first, then `<?xml ... encoding="..."?>`. */
export function sniffEncoding(head: Uint8Array): { encoding: string; warning?: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8" };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le" };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be" };
  const prolog = latin1(head.subarray(0, 256));
  const decl = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog);
  const label = decl?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return { encoding: "utf-8" };
  try {
    new TextDecoder(label);
    return { encoding: label };
  } catch {
    return { encoding: "utf-8", warning: `unknown encoding "${label}" declared; read as UTF-8` };
  }
}

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/**
 * Bytes that are not valid in the file's encoding. Decoding is strict: a replacement character
 * would merge `login\xff` and `login\xfe` into one test (issue 16, item 11). `linesBefore` counts
 * the line ends in the failing chunk before the bad bytes (exact for UTF-8); the reader adds the
 * lines of the text decoded before it.
 */
export class DecodeError extends Error {
  constructor(
    readonly encoding: string,
    readonly linesBefore: number,
  ) {
    super(`invalid ${encoding} byte sequence`);
  }
}

/** Decodes a byte stream into text chunks (BOM removed). The first chunk is sniffed for the encoding. */
export async function* decode(
  source: AsyncIterable<Uint8Array>,
  onWarning: (message: string) => void = () => {},
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding = "utf-8";
  // The last bytes of the previous chunk that start a character it did not finish (UTF-8 only).
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    if (!decoder) {
      const sniffed = sniffEncoding(chunk);
      if (sniffed.warning) onWarning(sniffed.warning);
      encoding = sniffed.encoding;
      decoder = new TextDecoder(encoding, { fatal: true });
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DecodeError(encoding, encoding === "utf-8" ? linesBeforeInvalid(carry, chunk) : 0);
    }
    if (encoding === "utf-8") carry = unfinishedTail(chunk);
    if (text.length > 0) yield text;
  }
  if (decoder) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      // The file ends inside a character: the bad bytes are the carried ones, on the last line.
      throw new DecodeError(encoding, 0);
    }
    if (rest.length > 0) yield rest;
  }
}

/** The trailing bytes of `chunk` that begin a UTF-8 character the chunk does not complete. */
function unfinishedTail(chunk: Uint8Array): Uint8Array {
  const n = chunk.length;
  for (let back = 1; back <= 3 && back <= n; back += 1) {
    const b = chunk[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? chunk.slice(n - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** Line ends in `chunk` before its first invalid UTF-8 sequence (`carry` began in the chunk before). */
function linesBeforeInvalid(carry: Uint8Array, chunk: Uint8Array): number {
  const bytes = new Uint8Array(carry.length + chunk.length);
  bytes.set(carry);
  bytes.set(chunk, carry.length);
  let i = 0;
  let lines = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) lines += 1;
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need === 0) break;
    if (i + need > bytes.length) break; // unfinished at the end: the next chunk would tell, but this one failed
    let valid = true;
    for (let k = 1; k < need; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) valid = false;
    const b1 = bytes[i + 1]!;
    if (b === 0xe0 && b1 < 0xa0) valid = false; // overlong
    if (b === 0xed && b1 >= 0xa0) valid = false; // surrogate
    if (b === 0xf0 && b1 < 0x90) valid = false; // overlong
    if (b === 0xf4 && b1 >= 0x90) valid = false; // above U+10FFFF
    if (!valid) break;
    i += need;
  }
  return lines;
}
