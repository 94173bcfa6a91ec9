/** The file sink's port over Node's file system, shared by the CLI and the Actions edge. */
import { createWriteStream, openSync } from "node:fs";
import type { TextFilePort } from "./file-sink.js";

/** The file sink's port over the real file system (mode 0600: the log may still hold what redaction missed). */
export function nodeFileTarget(path: string): TextFilePort {
  // Opened now, so a path that cannot be written is known before the first line.
  const out = createWriteStream(path, { fd: openSync(path, "w", 0o600) });
  let failure: Error | null = null;
  out.on("error", (error) => {
    failure = error;
  });
  return {
    write(text) {
      if (failure) throw failure;
      out.write(text);
    },
    close: () =>
      new Promise<void>((done, fail) => {
        if (failure) return fail(failure);
        out.end((error?: Error | null) => {
          const failed = error ?? failure;
          if (failed) fail(failed);
          else done();
        });
        out.once("error", fail);
      }),
  };
}
