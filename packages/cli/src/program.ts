/**
 * Builds the `codexrel` program and runs it against a context. Exit codes: 0 ok/ready, 1 not
 * ready (or an invalid document for `report validate`), 2 usage, config or input error, or any
 * failure that kept the command from deciding. Errors print as
 * `CODE: message` + a hint, redacted; `--json` commands print errors as JSON on stdout too.
 */
import { CodexrelError, formatError, redact, toCodexrelError } from "@codexrel/core";
import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.js";
import { SECRET_ENV_LIST, secretsFromEnv } from "./commands/shared.js";
import { type CliContext, ExitCode } from "./context.js";

export function buildProgram(ctx: CliContext): Command {
  const program = new Command("codexrel")
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
  for (const register of commands) register(program, ctx);
  // Sub-commands inherit the overrides so usage errors anywhere exit 2 instead of killing the process.
  const apply = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub
        .exitOverride()
        .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
      sub.showHelpAfterError("(run with --help for usage)");
      apply(sub);
    }
  };
  apply(program);
  return program;
}

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  // `--secret-env NAME` must count before any command writes a byte, wherever it sits in argv:
  // the names join CODEXREL_SECRET_ENV, which every command's redaction reads (secretsFromEnv).
  const named = secretEnvArgs(argv);
  if (named.length > 0) {
    ctx.env = { ...ctx.env, [SECRET_ENV_LIST]: [ctx.env[SECRET_ENV_LIST] ?? "", ...named].join(",") };
  }
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      ) {
        return ExitCode.OK;
      }
      // commander.help is also thrown for a bare parent command: treat as usage.
      return ExitCode.USAGE;
    }
    // A command that could not finish made no decision: exit 2, never 1 ("not ready").
    const coded = error instanceof CodexrelError ? error : toCodexrelError(error);
    ctx.stderr.write(`${redact(formatError(coded), { secrets: secretsFromEnv(ctx.env) })}\n`);
    return ExitCode.USAGE;
  }
}

function secretEnvArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") break;
    if (a === "--secret-env" && i + 1 < argv.length) out.push(argv[++i] ?? "");
    else if (a.startsWith("--secret-env=")) out.push(a.slice("--secret-env=".length));
  }
  return out;
}
