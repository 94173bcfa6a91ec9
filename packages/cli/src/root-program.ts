/**
 * The `codexrel` root command without its commands: the options every command shares, where
 * output goes, and the overrides that make usage errors exit 2 instead of killing the process.
 * Loads only commander, so the executable can print `--version` and `--help` before (or without)
 * loading any command.
 */
import { Command } from "commander";
import type { CliContext } from "./context.js";

export function rootProgram(ctx: CliContext): Command {
  return new Command("codexrel")
    .description("Release-grade rails for running coding agents in CI: checks, regressions, reports, publication.")
    .version(ctx.version, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .option(
      "--secret-env <name>",
      "environment variable whose value is secret: redacted from every output (repeatable, any command)",
      (name: string, prev: string[]) => [...prev, name],
      [] as string[],
    )
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .exitOverride();
}

/** Sub-commands inherit the overrides so usage errors anywhere exit 2 instead of killing the process. */
export function applyOverrides(cmd: Command, ctx: CliContext): void {
  for (const sub of cmd.commands) {
    sub.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
    sub.showHelpAfterError("(run with --help for usage)");
    applyOverrides(sub, ctx);
  }
}
