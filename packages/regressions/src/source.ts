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

/** Decodes a byte stream into text chunks (BOM removed). The first chunk is sniffed for the encoding. */
export async function* decode(
  source: AsyncIterable<Uint8Array>,
  onWarning: (message: string) => void = () => {},
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    if (!decoder) {
      const sniffed = sniffEncoding(chunk);
      if (sniffed.warning) onWarning(sniffed.warning);
      decoder = new TextDecoder(sniffed.encoding);
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }
}
