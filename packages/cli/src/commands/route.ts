/** `codexrel route`: a GitHub event (payload + name) to an agent task, as text or JSON. */
import { resolve } from "node:path";
import { CodexrelError, ErrorCodes, parseConfig } from "@codexrel/core";
import { createGitHubClient, TOKEN_MISSING_HINT } from "@codexrel/github";
import {
  createDirStateStore,
  type DrainedTask,
  emptyThreadState,
  mergeDrained,
  type RoutingConfigInput,
  renderReviewContext,
  routeEvent,
  type Task,
  type ThreadsGitHub,
  threadsGitHub,
} from "@codexrel/threads";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readJson, readText, writeFilesAtomically } from "../io.js";
import { githubFromEnv } from "./github-env.js";

interface RouteOptions {
  event?: string;
  eventName?: string;
  deliveryId?: string;
  config?: string;
  botName?: string;
  selfLogin?: string[];
  stateDir?: string;
  promptFile?: string;
  exitCode?: boolean;
  drain?: boolean;
  reviewContext?: boolean;
  json?: boolean;
}

/**
 * GitHub for routing: required for --drain and --review-context (full token discovery); else a
 * token already in the environment is used for permission lookups, and none means association only.
 */
async function routingGitHub(ctx: CliContext, required: boolean): Promise<ThreadsGitHub | null> {
  if (!required && !ctx.env["GITHUB_TOKEN"] && !ctx.env["GH_TOKEN"]) return null;
  const env = await githubFromEnv(ctx.env);
  if (!env.token.found) {
    if (!required) return null;
    throw new CodexrelError("GITHUB_TOKEN_MISSING", "--drain and --review-context need a GitHub token", {
      hint: TOKEN_MISSING_HINT,
    });
  }
  return threadsGitHub(createGitHubClient({ token: env.token.token, apiUrl: env.apiUrl, graphqlUrl: env.graphqlUrl }));
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("route")
    .description(
      "route a GitHub event to an agent task (start, continue, review, ignore or duplicate) with its stage, thread, prompt and reason",
    )
    .option("--event <payload.json>", "the webhook payload (default: $GITHUB_EVENT_PATH)")
    .option("--event-name <name>", "the event name (default: $GITHUB_EVENT_NAME)")
    .option("--delivery-id <id>", "an id unique to the event, e.g. X-GitHub-Delivery (default: $GITHUB_RUN_ID)")
    .option("--config <file>", "codexrel.yml whose threads: section configures routing")
    .option("--bot-name <login>", "the handle people mention, without @ (default codex)")
    .option("--self-login <login...>", "logins that are this automation (default github-actions[bot])")
    .option("--state-dir <dir>", "per-thread routing state: replays of processed events route to duplicate")
    .option("--prompt-file <file>", "write the prompt to this file")
    .option("--drain", "also cover every newer authorized comment on the thread, oldest first (needs --state-dir)")
    .option("--review-context", "for review tasks, append unresolved review threads and failing checks to the prompt")
    .option("--exit-code", "exit 1 when the task is ignore or duplicate (for shell scripts)")
    .option("--json", "print the task as JSON")
    .action(async (opts: RouteOptions) => {
      const eventPath = opts.event ?? ctx.env["GITHUB_EVENT_PATH"];
      const eventName = opts.eventName ?? ctx.env["GITHUB_EVENT_NAME"];
      if (!eventPath || !eventName) {
        throw new CodexrelError(ErrorCodes.USAGE, "no event to route", {
          hint: "Pass --event <payload.json> and --event-name <name> (in Actions they default to GITHUB_EVENT_PATH and GITHUB_EVENT_NAME).",
        });
      }
      const payload = await readJson(resolve(ctx.cwd, eventPath), "event payload");
      const config: RoutingConfigInput = opts.config
        ? { ...(parseConfig(await readText(resolve(ctx.cwd, opts.config), "config"), opts.config).threads ?? {}) }
        : {};
      if (opts.botName) config.botName = opts.botName;
      if (opts.selfLogin?.length) config.selfLogins = opts.selfLogin;
      const deliveryId = opts.deliveryId ?? ctx.env["GITHUB_RUN_ID"] ?? null;
      if (opts.drain && !opts.stateDir) {
        throw new CodexrelError(ErrorCodes.USAGE, "--drain needs --state-dir", {
          hint: "The drain starts after the thread's last processed comment, kept in --state-dir.",
        });
      }
      const github = await routingGitHub(ctx, Boolean(opts.drain || opts.reviewContext));
      const store = opts.stateDir ? createDirStateStore(resolve(ctx.cwd, opts.stateDir)) : undefined;
      const live = await routeEvent({
        eventName,
        payload,
        deliveryId,
        config,
        ...(github ? { permissions: github.permissions } : {}),
        ...(store ? { state: store } : {}),
      });
      let task: DrainedTask = mergeDrained(live, null);
      const active = live.action === "start" || live.action === "continue" || live.action === "review";
      if (opts.drain && github && store && active && live.thread && live.threadKey) {
        const state = (await store.load(live.threadKey)) ?? emptyThreadState(live.threadKey);
        const drain = await github.drain({ thread: live.thread, state, config });
        if (!drain.complete)
          ctx.stderr.write("warning: the page limit stopped the drain before the oldest unhandled comment\n");
        task = mergeDrained(live, drain);
      }
      if (opts.reviewContext && github && task.action === "review" && task.thread?.kind === "pr") {
        task = { ...task, prompt: `${task.prompt}\n${renderReviewContext(await github.reviewContext(task.thread))}` };
      }
      if (opts.promptFile) {
        await writeFilesAtomically([{ path: resolve(ctx.cwd, opts.promptFile), content: task.prompt }]);
      }
      if (opts.json) ctx.stdout.write(`${JSON.stringify(task, null, 2)}\n`);
      else ctx.stdout.write(formatTask(task, Boolean(opts.promptFile)));
      const idle = task.action === "ignore" || task.action === "duplicate";
      ctx.exitCode = opts.exitCode && idle ? ExitCode.NOT_READY : ExitCode.OK;
    });
}

export function formatTask(task: Task, promptWritten: boolean): string {
  const where = task.thread
    ? `${task.thread.repository} ${task.thread.kind === "pr" ? "PR" : "issue"} #${task.thread.number}`
    : "no thread";
  const lines = [`${task.action}${task.stage ? ` · ${task.stage}` : ""} · ${where}`, `reason: ${task.reason}`];
  if (task.action !== "ignore" && task.action !== "duplicate") {
    if (task.branch) lines.push(`branch: ${task.branch}`);
    if (task.concurrencyGroup) lines.push(`concurrency group: ${task.concurrencyGroup}`);
    const drained = (task as Partial<DrainedTask>).drained?.length ?? 0;
    if (drained > 0) lines.push(`queued comments covered: ${drained}`);
    if (!promptWritten) lines.push("", task.prompt.trimEnd());
  }
  return `${lines.join("\n")}\n`;
}
