/** `codexrel report validate|render`: check a report against the schema, or render it. */
import { resolve } from "node:path";
import {
  redactDeep,
  renderComment,
  renderHtml,
  renderJobSummary,
  type SchemaName,
  schemas,
  validate,
} from "@codexrel/core";
import { type Command, Option } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readJson, writeFilesAtomically } from "../io.js";
import { secretsFromEnv } from "./shared.js";

export function register(program: Command, ctx: CliContext): void {
  const report = program.command("report").description("validate or render a run report");

  report
    .command("validate")
    .description("validate a JSON document against a codexrel schema; prints every error with its JSON pointer")
    .argument("<file>", "JSON file to validate")
    .addOption(
      new Option("--schema <name>", "schema to validate against").choices(Object.keys(schemas)).default("run-report"),
    )
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: { schema: SchemaName; json?: boolean }) => {
      // A hand-written report may carry secrets the renderers' shape redaction cannot know: the named ones go first.
      const value = redactDeep(await readJson(resolve(ctx.cwd, file)), { secrets: secretsFromEnv(ctx.env) });
      const result = validate(opts.schema, value);
      if (opts.json) {
        ctx.stdout.write(
          `${JSON.stringify({ valid: result.valid, schema: opts.schema, errors: result.errors }, null, 2)}\n`,
        );
      } else if (result.valid) {
        ctx.stdout.write(`${file}: valid ${opts.schema}\n`);
      } else {
        ctx.stdout.write(`${file}: invalid ${opts.schema} (${result.errors.length} error(s))\n`);
        for (const e of result.errors) ctx.stdout.write(`  ${e.pointer || "/"}: ${e.message}\n`);
      }
      ctx.exitCode = result.valid ? ExitCode.OK : ExitCode.NOT_READY;
    });

  report
    .command("render")
    .description("render a run report as comment markdown, job summary markdown, or offline HTML")
    .argument("<file>", "report.json to render")
    .addOption(new Option("--format <format>", "output format").choices(["md", "summary", "html"]).default("md"))
    .option("--out <file>", "write to a file (atomically) instead of stdout")
    .option("--report-url <url>", "link to the full report, used in truncation notices")
    .action(async (file: string, opts: { format: "md" | "summary" | "html"; out?: string; reportUrl?: string }) => {
      // A hand-written report may carry secrets the renderers' shape redaction cannot know: the named ones go first.
      const value = redactDeep(await readJson(resolve(ctx.cwd, file)), { secrets: secretsFromEnv(ctx.env) });
      // The renderers validate first and throw REPORT_INVALID: nothing is rendered from an invalid report.
      const urlOpt = opts.reportUrl ? { reportUrl: opts.reportUrl } : {};
      const text =
        opts.format === "html"
          ? renderHtml(value as never)
          : opts.format === "summary"
            ? renderJobSummary(value as never, urlOpt)
            : renderComment(value as never, urlOpt);
      if (opts.out) await writeFilesAtomically([{ path: resolve(ctx.cwd, opts.out), content: text }]);
      else ctx.stdout.write(text);
    });
}
