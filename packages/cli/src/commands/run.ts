/** `codexrel run`: the local release-validation pipeline (checks, report, decision, local outputs). */
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
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
import {
  applyCujGate,
  applyIteration,
  assertIterationAllowed,
  DEFAULT_LEDGER,
  readIntake,
  readIterationNotes,
  readLedger,
  resolveBudget,
  writeLedger,
} from "../pipeline/fix-loop.js";
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
  ledger?: string;
  hypothesis?: string;
  residualRisk?: string;
  notesFile?: string;
  intake?: string;
  prLabel?: string[];
} & ThreadFlags &
  CommitFlags;

/** PR labels: `--pr-label` flags, plus the labels of the Actions event's pull request. */
async function prLabels(flags: string[] | undefined, env: Record<string, string | undefined>): Promise<string[]> {
  const labels = [...(flags ?? [])];
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")) as {
        pull_request?: { labels?: { name?: unknown }[] };
      };
      for (const l of event.pull_request?.labels ?? []) if (typeof l.name === "string") labels.push(l.name);
    } catch {
      // No readable event: the flags are all there is.
    }
  }
  return labels;
}

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
    .option("--ledger <file>", `the iteration ledger (default: <config dir>/${DEFAULT_LEDGER})`)
    .option("--hypothesis <text>", "the agent's hypothesis for this iteration (recorded in the ledger)")
    .option("--residual-risk <text>", "the residual risk the agent sees after this iteration")
    .option("--notes-file <file>", "YAML/JSON with hypothesis: and residualRisk: (instead of the two flags)")
    .option(
      "--intake <file>",
      "release intake JSON (codexrel intake --out): its required CUJs and fix budget are the policy",
    )
    .option("--pr-label <name...>", "labels on the pull request (exception labels); the Actions event's are added")
    .option("--sha <sha>", "commit this run judges (default: $GITHUB_SHA in Actions, else the git checkout's HEAD)")
    .option("--ref <ref>", "ref of that commit (default: $GITHUB_REF, else the checkout's branch)")
    .option("--run-url <url>", "URL of the CI run (default: from GITHUB_SERVER_URL/REPOSITORY/RUN_ID)")
    .option("--event <name>", "what started the run (default: $GITHUB_EVENT_NAME, else local)")
    .option("--actor <login>", "who started the run (default: $GITHUB_ACTOR, else the local user)")
    .action(async (opts: RunFlags) => {
      const configPath = resolve(ctx.cwd, opts.config);
      const config = parseConfig(await readText(configPath, "config"), opts.config);
      const projectDir = dirname(configPath);
      const intake = opts.intake ? await readIntake(resolve(ctx.cwd, opts.intake)) : null;
      const labels = await prLabels(opts.prLabel, ctx.env);
      const n = opts.iteration ? parseIteration(opts.iteration) : null;
      const ledgerPath = opts.ledger ? resolve(ctx.cwd, opts.ledger) : join(projectDir, DEFAULT_LEDGER);
      const ledger = n !== null ? await readLedger(ledgerPath) : null;
      const budget = ledger
        ? resolveBudget({
            ledger,
            ...(opts.maxIterations ? { flag: parseIteration(opts.maxIterations) } : {}),
            intake,
            config,
          })
        : null;
      if (n !== null && ledger) assertIterationAllowed(n, ledger, budget);
      const notes = opts.notesFile ? await readIterationNotes(resolve(ctx.cwd, opts.notesFile)) : {};
      let nextLedger = ledger;
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
        ...(n !== null
          ? { iteration: { n, ...(budget ? { max: budget.max } : {}), stopReason: opts.stopReason ?? null } }
          : {}),
        beforeFinalize: async (draft) => {
          let report = await applyCujGate(draft, { config, projectDir, intake, labels });
          if (intake) {
            report = {
              ...report,
              intake: {
                targetVersion: intake.targetVersion,
                target: `${intake.target.kind} ${intake.target.name}`,
                requiredCujs: [...intake.requiredCujs],
                fixBudget: intake.fixBudget,
              },
            };
          }
          if (n === null || !ledger) return report;
          const step = applyIteration(report, {
            n,
            ledger,
            budget,
            projectDir,
            env: ctx.env,
            ...((opts.hypothesis ?? notes.hypothesis) ? { hypothesis: opts.hypothesis ?? notes.hypothesis } : {}),
            ...((opts.residualRisk ?? notes.residualRisk)
              ? { residualRisk: opts.residualRisk ?? notes.residualRisk }
              : {}),
            explicitStopReason: opts.stopReason ?? null,
            now: () => new Date(),
          });
          nextLedger = step.ledger;
          return step.report;
        },
      });
      // The ledger is saved only after the report files were written.
      if (nextLedger && n !== null) {
        await writeLedger(ledgerPath, nextLedger);
        if (!opts.json) ctx.stdout.write(`Iteration ${n} recorded in ${relative(ctx.cwd, ledgerPath) || ledgerPath}\n`);
      }
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
