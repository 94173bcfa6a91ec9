/** `codexrel checks run`: run only the checks of a config and print their table. */
import { resolve } from "node:path";
import { runChecks } from "@codexrel/checks";
import { createReport, finalizeReport, parseConfig } from "@codexrel/core";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readText } from "../io.js";
import { formatDecision, formatStatusTable } from "../output/status-table.js";
import { checkRunOptions } from "../pipeline/run-pipeline.js";
import { CLI_VERSION } from "../version.js";
import { checkEventPrinter, secretsFromEnv } from "./shared.js";

export function register(program: Command, ctx: CliContext): void {
  const checks = program.command("checks").description("run the checks listed in codexrel.yml");
  checks
    .command("run")
    .description(
      "run the checks in order; exit 0 when a blocking check ran and none failed, 1 otherwise (no evidence is not ready)",
    )
    .requiredOption("--config <file>", "codexrel.yml to read")
    .option("--json", "print the command results as JSON")
    .option("--verbose", "stream each check's output to stderr")
    .action(async (opts: { config: string; json?: boolean; verbose?: boolean }) => {
      const configPath = resolve(ctx.cwd, opts.config);
      const config = parseConfig(await readText(configPath, "config"), opts.config);
      const commands = await runChecks(config.checks ?? [], {
        ...checkRunOptions(config, resolve(configPath, ".."), ctx.env),
        onEvent: checkEventPrinter(ctx, Boolean(opts.verbose && !opts.json)),
      });
      const report = finalizeReport(
        { ...createReport({ tool: { version: CLI_VERSION } }), commands },
        { secrets: secretsFromEnv(ctx.env) },
      );
      if (opts.json) ctx.stdout.write(`${JSON.stringify(report.commands, null, 2)}\n`);
      else ctx.stdout.write(formatStatusTable({ ...report, preflight: [] }) + formatDecision(report));
      ctx.exitCode = report.decision.ready ? ExitCode.OK : ExitCode.NOT_READY;
    });
}
