/**
 * The whole `codexrel` program, every command loaded: for embedding and for tests that inspect
 * it. The executable runs `runCli` (run-cli.ts), which loads only the command argv names.
 */
import type { Command } from "commander";
import { commands } from "./commands/index.js";
import type { CliContext } from "./context.js";
import { applyOverrides, rootProgram } from "./root-program.js";

export { runCli } from "./run-cli.js";

export function buildProgram(ctx: CliContext): Command {
  const program = rootProgram(ctx);
  for (const register of commands) register(program, ctx);
  applyOverrides(program, ctx);
  return program;
}
