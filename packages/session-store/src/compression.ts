import type { Transform } from "node:stream";
import zlib from "node:zlib";
import { SessionErrorCodes, sessionError } from "./errors.js";

const CHUNK = 1 << 18;

/**
 * gzip level 5: on the session bench it writes ~1% more bytes than `gzip -6` for ~30% less CPU
 * (measured with `pnpm bench:session`); pass `level` to trade differently.
 */
export const DEFAULT_GZIP_LEVEL = 5;

export type Compression = "gzip" | "zstd";

type ZstdZlib = typeof zlib & {
  createZstdCompress?: (options?: object) => Transform;
  createZstdDecompress?: (options?: object) => Transform;
  constants: typeof zlib.constants & { ZSTD_c_compressionLevel?: number };
};

/** True when this Node.js runtime has zstd in `node:zlib` (Node 22.15+/23.8+). */
export function zstdAvailable(): boolean {
  return typeof (zlib as ZstdZlib).createZstdCompress === "function";
}

export function compressor(kind: Compression, level?: number): Transform {
  if (kind === "gzip") return zlib.createGzip({ level: level ?? DEFAULT_GZIP_LEVEL, memLevel: 9, chunkSize: CHUNK });
  const z = zlib as ZstdZlib;
  if (!z.createZstdCompress) throw zstdMissing();
  const key = z.constants.ZSTD_c_compressionLevel;
  return z.createZstdCompress(key === undefined ? {} : { params: { [key]: level ?? 3 } });
}

export function decompressor(kind: Compression): Transform {
  if (kind === "gzip") return zlib.createGunzip({ chunkSize: CHUNK });
  const z = zlib as ZstdZlib;
  if (!z.createZstdDecompress) throw zstdMissing();
  return z.createZstdDecompress();
}

/** Which compression a bundle uses, from its magic bytes. */
export function detectCompression(head: Buffer): Compression | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return "zstd";
  return undefined;
}

function zstdMissing() {
  return sessionError(
    SessionErrorCodes.SESSION_ZSTD_UNAVAILABLE,
    `zstd is not available in Node.js ${process.versions.node}`,
    "Use gzip (the default), or run on Node.js 22.15+ where node:zlib has zstd.",
  );
}

type ZstdBlock = typeof zlib & {
  zstdCompress?: (buf: Buffer, options: object, cb: (err: Error | null, out: Buffer) => void) => void;
};

/**
 * Compresses one block as a complete gzip member (or zstd frame). Members concatenate into a valid
 * stream that every gunzip (and `tar -xzf`) reads as one, so blocks can be compressed in parallel.
 */
export function compressBlock(kind: Compression, block: Buffer, level?: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const cb = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (kind === "gzip") {
      zlib.gzip(block, { level: level ?? DEFAULT_GZIP_LEVEL, memLevel: 9, chunkSize: 1 << 20 }, (err, out) =>
        err ? reject(err) : resolve(withMemberLength(out)),
      );
      return;
    }
    const z = zlib as ZstdBlock & ZstdZlib;
    if (!z.zstdCompress) return reject(zstdMissing());
    const key = z.constants.ZSTD_c_compressionLevel;
    z.zstdCompress(block, key === undefined ? {} : { params: { [key]: level ?? 3 } }, cb);
  });
}

/**
 * Gzip members written by `compressBlock` carry their own length in the header's FEXTRA field
 * (RFC 1952 2.3.1.1; subfield "CR", 4 bytes little-endian: the whole member's size), the way BGZF
 * does, so a reader can find every member without inflating the one before and inflate several
 * at once. Every gunzip skips the field; bundles without it are read as one stream.
 */
export const MEMBER_EXTRA_ID = [0x43, 0x52] as const;
const GZIP_HEADER = 10;
const EXTRA_BYTES = 2 + 4 + 4; // XLEN, subfield id + length, value
export const MEMBER_HEADER_BYTES = GZIP_HEADER + EXTRA_BYTES;

function withMemberLength(member: Buffer): Buffer {
  if (member.length < GZIP_HEADER || member[3] !== 0) return member; // unexpected header: leave it plain
  const out = Buffer.allocUnsafe(member.length + EXTRA_BYTES);
  member.copy(out, 0, 0, GZIP_HEADER);
  out[3] = 0x04; // FLG.FEXTRA
  out.writeUInt16LE(8, 10); // XLEN
  out[12] = MEMBER_EXTRA_ID[0];
  out[13] = MEMBER_EXTRA_ID[1];
  out.writeUInt16LE(4, 14);
  out.writeUInt32LE(out.length, 16);
  member.copy(out, MEMBER_HEADER_BYTES, GZIP_HEADER);
  return out;
}

/**
 * The length of the gzip member starting with `head` (at least MEMBER_HEADER_BYTES bytes) when its
 * header carries the "CR" length subfield, else undefined.
 */
export function memberLength(head: Buffer): number | undefined {
  if (head.length < MEMBER_HEADER_BYTES) return undefined;
  if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== 0x04) return undefined;
  if (head.readUInt16LE(10) !== 8 || head[12] !== MEMBER_EXTRA_ID[0] || head[13] !== MEMBER_EXTRA_ID[1])
    return undefined;
  if (head.readUInt16LE(14) !== 4) return undefined;
  return head.readUInt32LE(16);
}

/** Inflates one whole gzip member on the thread pool, refusing output past `maxOutput` bytes. */
export function gunzipMember(member: Buffer, maxOutput: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zlib.gunzip(member, { chunkSize: 1 << 22, maxOutputLength: maxOutput }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
  });
}
