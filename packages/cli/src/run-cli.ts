/**
 * Runs `codexrel` against a context, loading only the command argv names (see command-table.ts).
 * Exit codes: 0 ok/ready, 1 not ready (or an invalid document for `report validate`), 2 usage,
 * config or input error, or any failure that kept the command from deciding. Errors print as
 * `CODE: message` + a hint, redacted; `--json` commands print errors as JSON on stdout too.
 */
import { type Command, CommanderError, Help } from "commander";
import { commandsToLoad, commandTable, type LazyCommand } from "./command-table.js";
import { type CliContext, ExitCode } from "./context.js";
import { applyOverrides, rootProgram } from "./root-program.js";
import { SECRET_ENV_LIST } from "./secret-env-list.js";

/**
 * The program with the commands argv reaches loaded and the others as stubs that carry only their
 * line of the root help.
 */
export async function lazyProgram(
  argv: readonly string[],
  ctx: CliContext,
  table: readonly LazyCommand[] = commandTable,
): Promise<Command> {
  const wanted = commandsToLoad(argv, table);
  const loaded = new Map(
    await Promise.all(
      table.filter((c) => wanted === "all" || wanted.includes(c)).map(async (c) => [c.name, await c.load()] as const),
    ),
  );
  const program = rootProgram(ctx);
  const stubs = new Map<Command, string>();
  for (const entry of table) {
    const register = loaded.get(entry.name);
    if (register) register(program, ctx);
    else {
      const stub = program.command(entry.name).description(entry.description);
      // Unreachable while commandsToLoad reads argv as commander does; if not, fail loudly (exit 2).
      stub.action(() => {
        throw new Error(`the ${entry.name} command was not loaded for this command line`);
      });
      stubs.set(stub, entry.usage);
    }
  }
  const plain = new Help();
  program.configureHelp({
    subcommandTerm: (cmd) => {
      const usage = stubs.get(cmd);
      if (usage === undefined) return plain.subcommandTerm(cmd);
      return usage ? `${cmd.name()} ${usage}` : cmd.name();
    },
  });
  applyOverrides(program, ctx);
  return program;
}

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  // `--secret-env NAME` must count before any command writes a byte, wherever it sits in argv:
  // the names join CODEXREL_SECRET_ENV, which every command's redaction reads (secretsFromEnv).
  const named = secretEnvArgs(argv);
  if (named.length > 0) {
    ctx.env = { ...ctx.env, [SECRET_ENV_LIST]: [ctx.env[SECRET_ENV_LIST] ?? "", ...named].join(",") };
  }
  try {
    const program = await lazyProgram(argv, ctx);
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
    // A command that could not finish made no decision: exit 2, never 1 ("not ready"). Loaded
    // here, on the way out, so a start that needs neither pays for neither.
    const [{ formatError, redact, toCodexrelError }, { secretsFromEnv }] = await Promise.all([
      import("@codexrel/core"),
      import("./commands/shared.js"),
    ]);
    ctx.stderr.write(`${redact(formatError(toCodexrelError(error)), { secrets: secretsFromEnv(ctx.env) })}\n`);
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
