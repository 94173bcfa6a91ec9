/**
 * Writes restored files from a worker thread, so that creating files (most of a restore's cost:
 * kernel time per file) runs beside the main thread's tar parsing instead of between its steps.
 *
 * The main thread copies each file's bytes into 1 MiB batches and transfers them to the worker;
 * the worker creates every file with O_CREAT|O_EXCL|O_NOFOLLOW (nothing is written through a link
 * or over an existing file), writes it, hashes exactly the bytes it wrote (sha256, in the same pass),
 * sets its mtime with futimes and closes it, then reports size and hash per file and hands the
 * batch buffer back for reuse. The first error stops the worker; nothing is written after it.
 */
import { constants as fsConstants } from "node:fs";
import { Worker } from "node:worker_threads";

export const OPEN_FLAGS =
  fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0);

const BATCH_BYTES = 1 << 20;
/** Batches handed to the worker and not yet written; the parser waits beyond this (16 MiB). */
const BATCHES_IN_FLIGHT = Math.max(2, (16 << 20) / BATCH_BYTES);

/** One run of bytes of one file inside a batch: [start, end) of the batch buffer. */
interface Item {
  id: number;
  /** Set on the item that starts a file: where and how to create it. */
  path?: string;
  mode?: number;
  start: number;
  end: number;
  /** Set on the item that ends a file: its mtime in ms; the worker then closes it and reports. */
  mtimeMs?: number;
}

type Done = (size: number, sha256: string) => void;

// CommonJS, evaluated by the worker (no file to resolve, so it works from src/ and from a bundle).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { createHash } = require("node:crypto");
const FLAGS = workerData.flags;
let fd = -1;
let hash;
let size = 0;
let failed = false;
let current = "";
parentPort.on("message", (m) => {
  if (m.type === "end") {
    if (fd >= 0) { try { fs.closeSync(fd); } catch {} fd = -1; }
    parentPort.postMessage({ type: "ended" });
    return;
  }
  if (failed) return;
  const buf = Buffer.from(m.buf);
  const done = [];
  try {
    for (const it of m.items) {
      if (it.path !== undefined) {
        current = it.path;
        fd = fs.openSync(it.path, FLAGS, it.mode);
        hash = createHash("sha256");
        size = 0;
      }
      let at = it.start;
      while (at < it.end) at += fs.writeSync(fd, buf, at, it.end - at);
      if (it.end > it.start) hash.update(buf.subarray(it.start, it.end));
      size += it.end - it.start;
      if (it.mtimeMs !== undefined) {
        const t = it.mtimeMs / 1000;
        fs.futimesSync(fd, t, t);
        const closing = fd;
        fd = -1;
        fs.closeSync(closing);
        done.push(it.id, size, hash.digest("hex"));
      }
    }
  } catch (error) {
    failed = true;
    if (fd >= 0) { try { fs.closeSync(fd); } catch {} fd = -1; }
    parentPort.postMessage({ type: "error", code: error.code, message: String(error.message), path: current, done });
    return;
  }
  parentPort.postMessage({ type: "ack", done, buf: m.buf }, [m.buf]);
});
`;

export class StagingWriter {
  private readonly worker: Worker;
  private buf: Buffer;
  private used = 0;
  private items: Item[] = [];
  private readonly spare: ArrayBuffer[] = [];
  private readonly pending = new Map<number, Done>();
  private nextId = 0;
  private current: Item | undefined;
  private currentId = -1;
  private inFlight = 0;
  private failed = false;
  private waiters: (() => void)[] = [];
  private ended: Promise<void> | undefined;

  constructor(private readonly onError: (error: Error) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { flags: OPEN_FLAGS } });
    this.buf = Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.worker.on("message", (m: WorkerMessage) => this.onMessage(m));
    this.worker.on("error", (error) => this.failWith(error));
    this.worker.on("exit", () => {
      if (!this.ended) this.failWith(new Error("the file writer thread stopped unexpectedly"));
    });
  }

  /** Starts a file (its directory must exist). `done` gets the size and sha256 once it is written. */
  begin(path: string, mode: number, done: Done): void {
    const id = this.nextId++;
    this.pending.set(id, done);
    this.currentId = id;
    this.current = { id, path, mode, start: this.used, end: this.used };
    this.items.push(this.current);
  }

  /** Appends bytes to the current file (copied: the caller may reuse `chunk`). */
  data(chunk: Buffer): void {
    if (this.failed) return; // nothing more is written; the caller is already failing
    let at = 0;
    while (at < chunk.length) {
      if (this.used === this.buf.length) this.flush();
      const n = chunk.copy(this.buf, this.used, at);
      if (!this.current) {
        this.current = { id: this.currentId, start: this.used, end: this.used };
        this.items.push(this.current);
      }
      this.used += n;
      this.current.end = this.used;
      at += n;
    }
  }

  /** Ends the current file with its mtime. */
  end(mtime: Date): void {
    if (!this.current) {
      this.current = { id: this.currentId, start: this.used, end: this.used };
      this.items.push(this.current);
    }
    this.current.mtimeMs = mtime.getTime();
    this.current = undefined;
  }

  /** Hands the current batch to the worker. */
  flush(): void {
    if (this.items.length === 0 || this.failed) return;
    const buf = this.buf.buffer as ArrayBuffer;
    this.worker.postMessage({ type: "batch", buf, items: this.items }, [buf]);
    this.inFlight += 1;
    this.items = [];
    this.used = 0;
    // A file continuing past this batch goes on in the next one without opening again.
    if (this.current) this.current = undefined;
    const reuse = this.spare.pop();
    this.buf = reuse ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(BATCH_BYTES);
  }

  /** Resolves when the worker has room for more (or has failed). */
  room(): Promise<void> | undefined {
    if (this.failed || this.inFlight < BATCHES_IN_FLIGHT) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Flushes, waits for every batch to be written and stops the worker. */
  async finish(): Promise<void> {
    this.flush();
    while (this.inFlight > 0 && !this.failed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    await this.stop();
  }

  /** Stops the worker; no file is written after this resolves. Safe to call more than once. */
  stop(): Promise<void> {
    this.ended ??= (async () => {
      if (!this.failed) {
        const ended = new Promise<void>((resolve) => {
          this.worker.once("exit", () => resolve());
          this.worker.on("message", (m: WorkerMessage) => m.type === "ended" && resolve());
        });
        this.worker.postMessage({ type: "end" });
        await ended;
      }
      await this.worker.terminate();
    })();
    return this.ended;
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === "ended") return;
    const done = m.done;
    for (let i = 0; i < done.length; i += 3) {
      const id = done[i] as number;
      const cb = this.pending.get(id);
      this.pending.delete(id);
      cb?.(done[i + 1] as number, done[i + 2] as string);
    }
    if (m.type === "error") {
      const error = Object.assign(new Error(`${m.message} (${m.path})`), { code: m.code });
      this.failWith(error);
      return;
    }
    this.inFlight -= 1;
    this.spare.push(m.buf);
    this.wake();
  }

  private failWith(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.onError(error);
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

type WorkerMessage =
  | { type: "ack"; done: (number | string)[]; buf: ArrayBuffer }
  | { type: "error"; done: (number | string)[]; code?: string; message: string; path: string }
  | { type: "ended" };

/**
 * Up to `count` StagingWriters (started on first use). Every file of one directory goes to the same
 * writer, in order; directories are dealt out in turn, so files in different directories are
 * created at the same time (creating a file takes its directory's lock, so one directory gains
 * nothing from more threads).
 */
export class StagingWriters {
  private readonly writers: StagingWriter[] = [];
  private readonly byDir = new Map<string, StagingWriter>();
  private current: StagingWriter | undefined;
  private turn = 0;

  constructor(
    private readonly count: number,
    private readonly onError: (error: Error) => void,
  ) {}

  begin(dir: string, path: string, mode: number, done: Done): void {
    let writer = this.byDir.get(dir);
    if (!writer) {
      const i = this.turn++ % this.count;
      writer = this.writers[i] ??= new StagingWriter(this.onError);
      this.byDir.set(dir, writer);
    }
    this.current = writer;
    writer.begin(path, mode, done);
  }

  data(chunk: Buffer): void {
    this.current?.data(chunk);
  }

  end(mtime: Date): void {
    this.current?.end(mtime);
  }

  flush(): void {
    for (const w of this.writers) w.flush();
  }

  /** Resolves when every writer has room for more. */
  async room(): Promise<void> {
    for (const w of this.writers) await w.room();
  }

  async finish(): Promise<void> {
    await Promise.all(this.writers.map((w) => w.finish()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.writers.map((w) => w.stop()));
  }
}
