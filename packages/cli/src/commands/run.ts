/** `codexrel run`: the local release-validation pipeline (checks, report, decision, local outputs). */
import { join, relative, resolve } from "node:path";
import {
  CodexrelError,
  decisionExitCode,
  ErrorCodes,
  type PreflightCheck,
  type Publication,
  parseConfig,
} from "@codexrel/core";
import { formatThreadRef } from "@codexrel/github";
import { blockedPublication, runPreflight } from "@codexrel/preflight";
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { readText } from "../io.js";
import { formatDecision, formatStatusTable } from "../output/status-table.js";
import { runPipeline } from "../pipeline/run-pipeline.js";
import { CLI_VERSION } from "../version.js";
import { type CommitFlags, resolveCommitIdentity } from "./commit-identity.js";
import { githubFromEnv, type ThreadFlags, threadFromFlagsOrEvent } from "./github-env.js";
import { checkEventPrinter, secretsFromEnv } from "./shared.js";

/**
 * The publication half of preflight (token, thread, write access; fork when there is a PR): it
 * tells the report truthfully why nothing can be published ("publication blocked: no token").
 * None of these checks blocks the release decision; they block publication.
 */
async function publicationPreflight(
  flags: ThreadFlags,
  env: Record<string, string | undefined>,
): Promise<{ checks: PreflightCheck[]; publication: Publication | null }> {
  const thread = await threadFromFlagsOrEvent(flags, env);
  const github = await githubFromEnv(env);
  const result = await runPreflight({
    checks: thread.ref ? ["github-token", "thread", "can-comment", "fork"] : ["github-token"],
    github: {
      token: github.token,
      apiUrl: github.apiUrl,
      graphqlUrl: github.graphqlUrl,
      // A run should not wait long on GitHub just to learn it cannot publish.
      clientOptions: { retries: 1, timeoutMs: 10_000 },
    },
    thread: thread.ref,
    event: thread.event,
  });
  const blocked = blockedPublication(result);
  if (blocked || !thread.ref) return { checks: result.checks, publication: blocked };
  return {
    checks: result.checks,
    publication: {
      status: "skipped",
      code: "PUBLICATION_NOT_ATTEMPTED",
      reason: `preflight found ${formatThreadRef(thread.ref)} ${result.publishable === "yes" ? "publishable" : "possibly publishable"}, but this run does not publish; the report was written locally`,
    },
  };
}

type RunFlags = {
  config: string;
  out?: string;
  json?: boolean;
  verbose?: boolean;
  iteration?: string;
  maxIterations?: string;
  stopReason?: string;
} & ThreadFlags &
  CommitFlags;

function parseIteration(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CodexrelError(
      ErrorCodes.USAGE,
      `--iteration must be a whole number from 1, got ${JSON.stringify(value)}`,
      {
        hint: "Pass the 1-based number of the fix iteration, e.g. --iteration 2.",
      },
    );
  }
  return n;
}

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
    .option("--repo <owner/repo>", "repository of the thread to publish to (default: the Actions event's)")
    .option("--issue <n>", "issue to publish to")
    .option("--pr <n>", "pull request to publish to")
    .option("--iteration <n>", "fix iteration this run is, for agent loops (max from iterations.max in the config)")
    .option("--max-iterations <n>", "fix iterations allowed (overrides iterations.max in the config)")
    .option("--stop-reason <text>", "why the fix loop stopped (shown with the iteration)")
    .option("--sha <sha>", "commit this run judges (default: $GITHUB_SHA in Actions, else the git checkout's HEAD)")
    .option("--ref <ref>", "ref of that commit (default: $GITHUB_REF, else the checkout's branch)")
    .option("--run-url <url>", "URL of the CI run (default: from GITHUB_SERVER_URL/REPOSITORY/RUN_ID)")
    .option("--event <name>", "what started the run (default: $GITHUB_EVENT_NAME, else local)")
    .option("--actor <login>", "who started the run (default: $GITHUB_ACTOR, else the local user)")
    .action(async (opts: RunFlags) => {
      const configPath = resolve(ctx.cwd, opts.config);
      const config = parseConfig(await readText(configPath, "config"), opts.config);
      const preflight = await publicationPreflight(opts, ctx.env);
      const commit = await resolveCommitIdentity(opts, ctx.env, resolve(configPath, ".."));
      const result = await runPipeline({
        config,
        configPath,
        ...(opts.out ? { outDir: resolve(ctx.cwd, opts.out) } : {}),
        env: ctx.env,
        cwd: ctx.cwd,
        toolVersion: CLI_VERSION,
        secrets: secretsFromEnv(ctx.env),
        onCheckEvent: checkEventPrinter(ctx, Boolean(opts.verbose && !opts.json)),
        preflight,
        commit,
        ...(ctx.outputFs ? { outputFs: ctx.outputFs } : {}),
        ...(opts.iteration
          ? { iteration: { n: parseIteration(opts.iteration), stopReason: opts.stopReason ?? null } }
          : {}),
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
        const gallery = result.report.artifacts.find((a) => a.kind === "index" && a.destination === "local");
        if (gallery) ctx.stdout.write(`CUJ gallery: ${shown(join(result.outDir, gallery.url))}\n`);
      }
      // 0 ready, 1 not ready, 2 when a configured input is missing (REGRESSIONS_INPUT_MISSING).
      ctx.exitCode = decisionExitCode(result.report.decision);
    });
}
