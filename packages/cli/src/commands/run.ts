/** `codexrel run`: the local release-validation pipeline (checks, report, decision, local outputs). */
import { relative, resolve } from "node:path";
import { parseConfig } from "@codexrel/core";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readText } from "../io.js";
import { formatDecision, formatStatusTable } from "../output/status-table.js";
import { runPipeline } from "../pipeline/run-pipeline.js";
import { CLI_VERSION } from "../version.js";
import { checkEventPrinter, secretsFromEnv } from "./shared.js";

export function register(program: Command, ctx: CliContext): void {
  program
    .command("run")
    .description(
      "run the pipeline for a project and write report.json, report.md and report.html; exit 0 ready, 1 not ready",
    )
    .requiredOption("--config <file>", "codexrel.yml to read")
    .option("--out <dir>", "output folder (default: <config dir>/.codexrel/out)")
    .option("--json", "print the run report as JSON instead of the table")
    .option("--verbose", "stream each check's output to stderr")
    .action(async (opts: { config: string; out?: string; json?: boolean; verbose?: boolean }) => {
      const configPath = resolve(ctx.cwd, opts.config);
      const config = parseConfig(await readText(configPath, "config"), opts.config);
      const result = await runPipeline({
        config,
        configPath,
        ...(opts.out ? { outDir: resolve(ctx.cwd, opts.out) } : {}),
        env: ctx.env,
        cwd: ctx.cwd,
        toolVersion: CLI_VERSION,
        secrets: secretsFromEnv(ctx.env),
        onCheckEvent: checkEventPrinter(ctx, Boolean(opts.verbose && !opts.json)),
      });
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
      } else {
        const title = result.report.meta.title ?? "codexrel run";
        ctx.stdout.write(`\n${title} (${result.report.meta.stage})\n`);
        ctx.stdout.write(formatStatusTable(result.report));
        ctx.stdout.write(`\n${formatDecision(result.report)}`);
        const shown = (p: string) => relative(ctx.cwd, p) || p;
        ctx.stdout.write(
          `Report: ${shown(result.files.html)} (also ${shown(result.files.json)}, ${shown(result.files.markdown)})\n`,
        );
      }
      ctx.exitCode = result.report.decision.ready ? ExitCode.OK : ExitCode.NOT_READY;
    });
}
