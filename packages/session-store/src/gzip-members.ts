/**
 * Reads the gzip members of a bundle from `packCodexHome`, which records each member's length
 * (see `memberLength`), and inflates MEMBERS_IN_FLIGHT of them at once on the thread pool, so
 * inflating overlaps with parsing and writing. Older bundles have no lengths and stream through
 * one decompressor instead (extract.ts).
 */
import type { FileHandle } from "node:fs/promises";
import { gunzipMember, MEMBER_HEADER_BYTES, memberLength } from "./compression.js";
import { damaged, type RestoreLimits, tooLarge } from "./restore-limits.js";

/** Compressed bytes a single gzip member may have, and decompressed bytes it may give. */
const MAX_MEMBER_BYTES = 64 << 20;
/** Members read and inflated at once on the thread pool. */
const MEMBERS_IN_FLIGHT = 2;

/** The length the first member records, or undefined when it records none (an older bundle). */
export async function firstMemberLength(fh: FileHandle): Promise<number | undefined> {
  const head = Buffer.alloc(MEMBER_HEADER_BYTES);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  return memberLength(head.subarray(0, bytesRead));
}

/**
 * Reads a bundle whose gzip members carry their length (see `memberLength`) member by member and
 * inflates MEMBERS_IN_FLIGHT of them at once, yielding the decompressed blocks in order. A member
 * without the length, one running past the end of the file, or one larger than the caps is a
 * damaged bundle.
 */
export async function* inflateMembers(
  fh: FileHandle,
  limits: Required<RestoreLimits>,
): AsyncGenerator<{ block: Buffer; compressedBytes: number }> {
  const { size } = await fh.stat();
  const maxOutput = Math.min(MAX_MEMBER_BYTES, limits.maxBytes + 1024 * 1024);
  const head = Buffer.alloc(MEMBER_HEADER_BYTES);
  let offset = 0;
  const inflight: Promise<{ block: Buffer; compressedBytes: number }>[] = [];
  try {
    for (;;) {
      while (inflight.length < MEMBERS_IN_FLIGHT && offset < size) {
        const { bytesRead } = await fh.read(head, 0, head.length, offset);
        const length = memberLength(head.subarray(0, bytesRead));
        if (length === undefined || length < MEMBER_HEADER_BYTES || length > size - offset) {
          throw damaged(`gzip member at byte ${offset} has no valid length`);
        }
        if (length > MAX_MEMBER_BYTES) throw tooLarge(`a gzip member larger than ${MAX_MEMBER_BYTES} bytes`);
        const at = offset;
        offset += length;
        const job = (async () => {
          const member = Buffer.allocUnsafe(length);
          const { bytesRead: got } = await fh.read(member, 0, length, at);
          if (got !== length) throw damaged(`gzip member at byte ${at} is truncated`);
          const block = await gunzipMember(member, maxOutput).catch((error: unknown) => {
            throw (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
              ? tooLarge(`a gzip member inflates past ${maxOutput} bytes (possible compression bomb)`)
              : error;
          });
          return { block, compressedBytes: length };
        })();
        job.catch(() => {});
        inflight.push(job);
      }
      const next = inflight.shift();
      if (!next) return;
      yield await next;
    }
  } finally {
    await Promise.allSettled(inflight);
  }
}
