#!/usr/bin/env node
/** The `codexrel` executable: the only place that reads the real process. */
import { runCli } from "./program.js";
import { CLI_VERSION } from "./version.js";

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: { write: (s) => process.stdout.write(s) },
  stderr: { write: (s) => process.stderr.write(s) },
  version: CLI_VERSION,
  exitCode: 0,
});
process.exitCode = code;
