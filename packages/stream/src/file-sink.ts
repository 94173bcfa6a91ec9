/**
 * The file sink: the full readable transcript (command output uncut), redacted, for upload as an
 * artifact (`.codex-<stage>.log`). The file itself comes through a port, so the library never
 * touches the file system.
 */
import type { Sink, SinkReport } from "./sink.js";

export interface TextFilePort {
  /** Appends text; may throw once the file has failed. */
  write(text: string): void;
  /** Finishes the file; rejects when anything was not written. */
  close(): Promise<void>;
}

export function createFileSink(options: { file: TextFilePort; path: string }): Sink {
  let lines = 0;
  return {
    name: "file",
    fullOutput: true,
    write(line) {
      options.file.write(`${line}\n`);
      lines += 1;
    },
    async close(): Promise<SinkReport> {
      await options.file.close();
      return { name: "file", ok: true, summary: `wrote ${lines} lines to ${options.path}`, lines, undelivered: 0 };
    },
  };
}
