/**
 * `codexrel intake --issue-body-file <f>`: stage 0. Parses the issue body GitHub rendered from
 * .github/ISSUE_TEMPLATE/codex-release.yml into a schema-valid release intake and prints the
 * execution plan comment the worker posts before touching code (or, with missing required
 * fields, the comment that names them). Exit 0 with a complete intake, 1 when fields are
 * missing or unreadable, 2 on usage errors. `--out` writes the intake JSON that `codexrel run
 * --intake` takes as its policy.
 */
import { resolve } from "node:path";
import { CodexrelError, ErrorCodes, parseIntake, renderPlanComment } from "@codexrel/core";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readText, writeFilesAtomically } from "../io.js";

interface IntakeFlags {
  issueBodyFile: string;
  json?: boolean;
  out?: string;
  planFile?: string;
  planMarker?: string;
}

const MARKER = /^<!-- [a-z][a-z0-9-]*:[a-z][a-z0-9-]* -->$/;

export function register(program: Command, ctx: CliContext): void {
  program
    .command("intake")
    .description(
      "parse a release request (the issue body of the codex-release form) and print the execution plan comment; exit 1 names missing fields",
    )
    .requiredOption("--issue-body-file <file>", "the issue body as GitHub rendered it ('-' reads standard input)")
    .option("--json", "print { intake, problems, warnings, plan } as JSON")
    .option("--out <file>", "write the intake JSON (for `codexrel run --intake`) when it is complete")
    .option("--plan-file <file>", "also write the plan comment to this file")
    .option("--plan-marker <marker>", "the plan comment's marker (threads' planMarker)", "<!-- codex:plan -->")
    .action(async (opts: IntakeFlags) => {
      if (opts.planMarker && !MARKER.test(opts.planMarker)) {
        throw new CodexrelError(ErrorCodes.USAGE, `--plan-marker ${JSON.stringify(opts.planMarker)} is not a marker`, {
          hint: "Pass a marker like '<!-- codex:plan -->' (the same as threads.planMarker).",
        });
      }
      let body: string;
      if (opts.issueBodyFile === "-") {
        if (!ctx.readStdin) {
          throw new CodexrelError(ErrorCodes.USAGE, "--issue-body-file - needs standard input", {
            hint: "Pipe the body in, or pass a file.",
          });
        }
        body = await ctx.readStdin();
      } else {
        body = await readText(resolve(ctx.cwd, opts.issueBodyFile), "issue body");
      }
      const result = parseIntake(body);
      const plan = renderPlanComment(result, opts.planMarker ? { marker: opts.planMarker } : {});
      const files: { path: string; content: string }[] = [];
      if (opts.out && result.intake) {
        files.push({ path: resolve(ctx.cwd, opts.out), content: `${JSON.stringify(result.intake, null, 2)}\n` });
      }
      if (opts.planFile) files.push({ path: resolve(ctx.cwd, opts.planFile), content: plan });
      if (files.length) await writeFilesAtomically(files);
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify({ ...result, plan }, null, 2)}\n`);
      } else {
        ctx.stdout.write(plan);
        for (const p of result.problems) ctx.stderr.write(`intake: ${p.label}: ${p.message}\n`);
        for (const w of result.warnings) ctx.stderr.write(`intake: warning: ${w}\n`);
      }
      ctx.exitCode = result.intake ? ExitCode.OK : ExitCode.NOT_READY;
    });
}
