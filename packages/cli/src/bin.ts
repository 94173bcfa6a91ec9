#!/usr/bin/env node
/** The `codexrel` executable: the only place that reads the real process. */
import { runCli } from "./run-cli.js";
import { CLI_VERSION } from "./version.js";

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: {
    write: (s) => process.stdout.write(s),
    // Waits for 'drain' when the reader is slower than the writer, so memory stays bounded.
    writeBytes: (chunk) =>
      process.stdout.write(chunk) ? undefined : new Promise<void>((done) => process.stdout.once("drain", done)),
  },
  stderr: { write: (s) => process.stderr.write(s) },
  version: CLI_VERSION,
  exitCode: 0,
  stdin: process.stdin,
  // Only a command that subscribes changes what a signal does; the others still die on Ctrl-C.
  signals: {
    once: (handler) => {
      for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => handler(name));
    },
  },
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  },
});
process.exitCode = code;
// The command is done: a stream stopped by a signal may leave a read of stdin pending (its writer
// was signalled too and still holds the pipe), which would keep the process alive.
process.stdin.destroy();
