/**
 * `codexrel progress update|done|fail|cancel|handoff`: the thread's progress comment, kept in
 * place by its marker; `handoff` marks a draft PR ready when its checks pass and no review thread
 * is unresolved (exit 0 ready, 1 not ready). `--dry-run` prints the body and writes nothing.
 */
import { resolve } from "node:path";
import { CodexrelError, ErrorCodes, type Thread } from "@codexrel/core";
import { createGitHubClient, TOKEN_MISSING_HINT } from "@codexrel/github";
import {
  type ProgressMode,
  type ProgressUpdate,
  parsePlan,
  parseTestLine,
  type ThreadsGitHub,
  threadsGitHub,
  updateProgressComment,
} from "@codexrel/threads";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readText } from "../io.js";
import { githubFromEnv, type ThreadFlags, threadFromFlagsOrEvent } from "./github-env.js";
import { secretsFromEnv } from "./shared.js";
import { readTask } from "./thread.js";

interface ProgressFlags extends ThreadFlags {
  task?: string;
  scope?: string;
  title?: string;
  planFile?: string;
  step?: string;
  done?: string[];
  test?: string[];
  blocker?: string[];
  next?: string;
  recapFile?: string;
  bodyFile?: string;
  runUrl?: string;
  ignoreCheck?: string[];
  dryRun?: boolean;
  json?: boolean;
}

const MODES: Array<[ProgressMode, string]> = [
  ["update", "mark the work running and merge the given changes into the comment"],
  ["done", "mark the work done (with --recap-file for the final recap)"],
  ["fail", "mark the run failed"],
  ["cancel", "mark the run cancelled (for cancellation steps)"],
];

function usage(message: string, hint: string): CodexrelError {
  return new CodexrelError(ErrorCodes.USAGE, message, { hint });
}

function threadOptions(cmd: Command): Command {
  return cmd
    .option("--task <file>", "task JSON from `codexrel route --json` (names the thread)")
    .option("--repo <owner/repo>", "repository of the thread (default: the Actions event's)")
    .option("--issue <n>", "issue number")
    .option("--pr <n>", "pull request number")
    .option("--dry-run", "print the body instead of writing (reads the current comment when a token is there)")
    .option("--json", "print the result as JSON");
}

async function threadOf(ctx: CliContext, flags: ProgressFlags): Promise<{ thread: Thread; title: string | null }> {
  if (flags.task) {
    const task = await readTask(ctx, flags.task);
    if (!task.thread)
      throw usage(
        `${flags.task} names no thread`,
        "Route an event that has a thread, or pass --repo with --issue/--pr.",
      );
    return { thread: task.thread, title: task.title };
  }
  const { ref } = await threadFromFlagsOrEvent(flags, ctx.env);
  if (!ref?.kind) throw usage("no thread", "Pass --task <file>, or --repo owner/repo with --issue N or --pr N.");
  return { thread: { repository: `${ref.owner}/${ref.repo}`, kind: ref.kind, number: ref.number }, title: null };
}

async function github(ctx: CliContext, required: boolean): Promise<ThreadsGitHub | null> {
  const env = await githubFromEnv(ctx.env);
  if (!env.token.found) {
    if (!required) return null;
    throw new CodexrelError("GITHUB_TOKEN_MISSING", "no GitHub token found", { hint: TOKEN_MISSING_HINT });
  }
  return threadsGitHub(createGitHubClient({ token: env.token.token, apiUrl: env.apiUrl, graphqlUrl: env.graphqlUrl }));
}

async function readInput(ctx: CliContext, file: string): Promise<string> {
  if (file === "-") {
    if (!ctx.readStdin) throw usage("standard input is not available here", "Pass a file instead of -.");
    return ctx.readStdin();
  }
  return readText(resolve(ctx.cwd, file), "file");
}

const stepRef = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

export function register(program: Command, ctx: CliContext): void {
  const progress = program
    .command("progress")
    .description("the thread's progress comment (update, done, fail, cancel) and the pull request handoff");

  for (const [mode, description] of MODES) {
    threadOptions(progress.command(mode).description(description))
      .option("--scope <name>", "a separate comment for this workflow (e.g. review)")
      .option("--title <text>", "heading text")
      .option("--plan-file <file>", "markdown plan whose checklist seeds the comment's checklist")
      .option("--step <n|text>", "the active step (earlier steps count as done)")
      .option("--done <n|text...>", "steps to tick")
      .option("--test <name=status...>", "tests run: name=pass|fail|skip|error[: detail]")
      .option("--blocker <text...>", "blockers (`none` clears them)")
      .option("--next <text>", "the next action")
      .option("--recap-file <file>", "markdown recap (- for standard input)")
      .option("--body-file <file>", "markdown appended below the status (- for standard input)")
      .option("--run-url <url>", "link to the run (default: the Actions run, when in Actions)")
      .action(async (flags: ProgressFlags) => {
        const { thread, title } = await threadOf(ctx, flags);
        const gh = await github(ctx, !flags.dryRun);
        const update: ProgressUpdate = {};
        if (flags.planFile) update.steps = parsePlan(await readInput(ctx, flags.planFile));
        if (flags.title ?? title) update.title = flags.title ?? title;
        if (flags.step) update.activeStep = stepRef(flags.step);
        if (flags.done?.length) update.completeSteps = flags.done.map(stepRef);
        if (flags.test?.length) update.testsRun = flags.test.map(parseTestLine);
        if (flags.blocker?.length)
          update.blockers = flags.blocker.length === 1 && flags.blocker[0] === "none" ? [] : flags.blocker;
        if (flags.next) update.nextAction = flags.next;
        if (flags.recapFile) update.recap = await readInput(ctx, flags.recapFile);
        const e = ctx.env;
        const runUrl =
          flags.runUrl ??
          (e.GITHUB_SERVER_URL && e.GITHUB_REPOSITORY && e.GITHUB_RUN_ID
            ? `${e.GITHUB_SERVER_URL}/${e.GITHUB_REPOSITORY}/actions/runs/${e.GITHUB_RUN_ID}`
            : undefined);
        if (runUrl) update.runUrl = runUrl;
        const result = await updateProgressComment(gh ? gh.comments(thread) : null, {
          mode,
          update,
          scope: flags.scope ?? null,
          body: flags.bodyFile ? await readInput(ctx, flags.bodyFile) : null,
          threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
          secrets: secretsFromEnv(ctx.env),
          dryRun: Boolean(flags.dryRun),
          now: new Date(),
        });
        if (flags.json) {
          ctx.stdout.write(
            `${JSON.stringify({ result: result.result, comment: result.comment, state: result.state }, null, 2)}\n`,
          );
        } else if (result.result === "dry-run") {
          ctx.stdout.write(result.body);
        } else {
          ctx.stdout.write(`progress comment ${result.result}: ${result.comment?.url ?? ""}\n`);
        }
      });
  }

  threadOptions(progress.command("handoff"))
    .description(
      "a PR whose checks pass and whose review threads are resolved: mark a draft ready and post the handoff (exit 1 when not ready)",
    )
    .option("--ignore-check <glob...>", "check names to leave out, e.g. this job's own")
    .option("--allow-no-checks", "count a head commit without any checks as ready")
    .action(async (flags: ProgressFlags & { allowNoChecks?: boolean }) => {
      const { thread } = await threadOf(ctx, flags);
      if (thread.kind !== "pr")
        throw usage(`${thread.repository}#${thread.number} is an issue`, "Hand off a pull request (--pr N).");
      const gh = (await github(ctx, true)) as ThreadsGitHub;
      const result = await gh.handoff(thread, {
        ignoreChecks: flags.ignoreCheck ?? [],
        dryRun: Boolean(flags.dryRun),
        ...(flags.allowNoChecks ? { requireChecks: false } : {}),
      });
      if (flags.json) {
        ctx.stdout.write(
          `${JSON.stringify(
            {
              ready: result.ready,
              reasons: result.readiness.reasons,
              markedReady: result.markedReady,
              comment: result.comment,
            },
            null,
            2,
          )}\n`,
        );
      } else if (!result.ready) {
        ctx.stdout.write(`not ready:\n${result.readiness.reasons.map((r) => `  - ${r}`).join("\n")}\n`);
      } else if (flags.dryRun) {
        ctx.stdout.write(result.body ?? "");
      } else {
        ctx.stdout.write(
          `ready for review${result.markedReady ? " (draft marked ready)" : ""}: ${result.comment?.url ?? ""}\n`,
        );
      }
      ctx.exitCode = result.ready ? ExitCode.OK : ExitCode.NOT_READY;
    });
}
