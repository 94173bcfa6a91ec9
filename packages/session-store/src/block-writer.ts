/**
 * The bundle's byte stream: tar entries (node-tar headers, pax where a path needs it) cut into
 * gzip or zstd members compressed in parallel.
 */
import type { FileHandle } from "node:fs/promises";
import { Header, Pax } from "tar";

const BLOCK = 512;
/** Uncompressed bytes per gzip member: large enough that restarting the dictionary costs nothing. */
const BLOCK_BYTES = 4 << 20;
const PARALLEL = 3;

/**
 * Turns entries into tar blocks, cuts the stream into BLOCK_BYTES blocks and compresses up to
 * PARALLEL of them at once on libuv's thread pool (each block a complete gzip member), writing the
 * results in order. One gzip stream would keep a single core busy; GNU tar pipes into one gzip too,
 * so this is where packing gets ahead of `tar -czf` on a multi-core runner.
 */
export class BlockWriter {
  private cur: Buffer = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  private readonly header = Buffer.alloc(BLOCK);
  private readonly inflight: Promise<Buffer>[] = [];
  private written: Promise<void> = Promise.resolve();
  constructor(
    private readonly out: FileHandle,
    private readonly compress: (block: Buffer) => Promise<Buffer>,
  ) {}

  /** Appends one file entry; `content` is copied, so the caller may reuse its buffer afterwards. */
  async entry(path: string, content: Buffer, mtime: Date, mode: number): Promise<void> {
    const header = new Header({
      path,
      mode,
      size: content.length,
      mtime,
      type: "File",
      uid: 0,
      gid: 0,
      uname: "",
      gname: "",
    });
    this.header.fill(0);
    if (header.encode(this.header, 0)) await this.append(new Pax({ path, size: content.length, mtime }).encode());
    await this.append(this.header);
    await this.append(content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad) await this.zeros(pad);
  }

  async finish(): Promise<void> {
    await this.zeros(BLOCK * 2);
    if (this.used > 0) await this.submit();
    while (this.inflight.length > 0) await this.drainOne();
    await this.written;
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.inflight);
    await this.written.catch(() => {});
  }

  private async append(buf: Buffer): Promise<void> {
    let at = 0;
    while (at < buf.length) {
      const n = buf.copy(this.cur, this.used, at, Math.min(buf.length, at + BLOCK_BYTES - this.used));
      this.used += n;
      at += n;
      if (this.used === BLOCK_BYTES) await this.submit();
    }
  }

  private async zeros(count: number): Promise<void> {
    let left = count;
    while (left > 0) {
      const n = Math.min(left, BLOCK_BYTES - this.used);
      this.cur.fill(0, this.used, this.used + n);
      this.used += n;
      left -= n;
      if (this.used === BLOCK_BYTES) await this.submit();
    }
  }

  /** Hands the current block to the compressor and starts a new one. */
  private async submit(): Promise<void> {
    const block = this.used === BLOCK_BYTES ? this.cur : this.cur.subarray(0, this.used);
    this.cur = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
    const job = this.compress(block);
    job.catch(() => {}); // surfaced in order by drainOne
    this.inflight.push(job);
    if (this.inflight.length >= PARALLEL) await this.drainOne();
  }

  private async drainOne(): Promise<void> {
    const compressed = await (this.inflight.shift() as Promise<Buffer>);
    // Writes are chained so they land in order while the next blocks compress.
    this.written = this.written.then(async () => {
      await this.out.write(compressed);
    });
    await this.written;
  }
}
