#!/usr/bin/env node
/** The `codexrel` executable: the only place that reads the real process. */
import { runCli } from "./program.js";
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
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  },
});
process.exitCode = code;
