/**
 * `codexrel stream`: reads a stage's log from standard input (`codex exec --json … | codexrel
 * stream …`), passes it through unchanged on stdout, and mirrors it — Codex events as readable
 * lines, secrets redacted — to the chosen sinks: a Discord channel per run, the job summary, the
 * progress comment and `.codex-<stage>.log`. A sink that cannot work says once why and the stream
 * goes on; the command exits 0 unless its own options are wrong.
 */
import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { createGitHubClient } from "@codexrel/github";
import {
  checkRunMeta,
  discordSettings,
  logFileName,
  type RunMeta,
  SINK_NAMES,
  type SinkName,
  STAGES,
  type Stage,
  streamStage,
  systemClock,
} from "@codexrel/stream";
import { threadsGitHub } from "@codexrel/threads";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { CliContext } from "../context.js";
import { CLI_VERSION } from "../version.js";
import { githubFromEnv, type ThreadFlags, threadFromFlagsOrEvent } from "./github-env.js";
import { secretsFromEnv } from "./shared.js";

interface StreamFlags extends ThreadFlags {
  stage: Stage;
  runId?: string;
  runUrl?: string;
  sink: SinkName[];
  dryRun?: boolean;
  discordApiUrl?: string;
  logFile?: string;
  progressInterval?: string;
  progressScope?: string;
  secretEnv: string[];
}

type Env = Record<string, string | undefined>;

function usage(message: string, hint: string): CodexrelError {
  return new CodexrelError(ErrorCodes.USAGE, message, { hint });
}

const collect = (value: string, previous: string[]) => [...previous, value];

function runUrlOf(flags: StreamFlags, env: Env): string | null {
  const url =
    flags.runUrl ??
    (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : null);
  if (url !== null && !/^https?:\/\/[^\s<>]+$/.test(url))
    throw usage("--run-url is not an http(s) URL", "Pass the run's URL.");
  return url;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("stream")
    .description(
      "pass a stage's log through (stdin to stdout) and mirror it, readable and redacted, to Discord, the job summary, the progress comment and .codex-<stage>.log",
    )
    .addOption(new Option("--stage <stage>", "the stage whose log this is").choices(STAGES).makeOptionMandatory())
    .option("--repo <owner/repo>", "repository of the thread (default: the Actions event's)")
    .option("--issue <n>", "issue number")
    .option("--pr <n>", "pull request number")
    .option("--run-id <id>", "run id for the channel name (default: GITHUB_RUN_ID)")
    .option("--run-url <url>", "link to the run (default: the Actions run, when in Actions)")
    .addOption(
      new Option(
        "--sink <name>",
        `where to mirror the log: ${SINK_NAMES.join(", ")} (repeatable; default: discord, summary, file)`,
      )
        .argParser((value: string, previous: string[]) => {
          if (!(SINK_NAMES as readonly string[]).includes(value)) {
            throw new InvalidArgumentError(`Allowed choices are ${SINK_NAMES.join(", ")}.`);
          }
          return collect(value, previous);
        })
        .default([]),
    )
    .option("--dry-run", "print the channel name, banner and lines to stderr; send and write nothing")
    .option("--discord-api-url <url>", "Discord API base URL (default: DISCORD_API_URL or https://discord.com/api/v10)")
    .option("--log-file <path>", "the file sink's path (default: .codex-<stage>.log)")
    .option("--progress-interval <seconds>", "least time between two progress comment updates", "30")
    .option("--progress-scope <name>", "update this scope's progress comment (e.g. review)")
    .option("--secret-env <name>", "an environment variable whose value is redacted too (repeatable)", collect, [])
    .action(async (flags: StreamFlags) => {
      const env = ctx.env;
      const { ref } = await threadFromFlagsOrEvent(flags, env);
      if (!ref?.kind) throw usage("no thread", "Pass --repo owner/repo with --issue N or --pr N.");
      const runId = flags.runId ?? env.GITHUB_RUN_ID;
      if (!runId) throw usage("no run id", "Pass --run-id <id> (in Actions it defaults to GITHUB_RUN_ID).");
      const interval = Number(flags.progressInterval);
      if (!Number.isFinite(interval) || interval < 1) {
        throw usage("--progress-interval needs a number of seconds (1 or more)", "Use --progress-interval 30.");
      }
      if (!ctx.stdin)
        throw usage("standard input is not available here", "Pipe the log in: codex exec --json … | codexrel stream …");
      const clock = systemClock;
      const meta: RunMeta = checkRunMeta({
        stage: flags.stage,
        repository: `${ref.owner}/${ref.repo}`,
        thread: { kind: ref.kind, number: ref.number },
        runId,
        runUrl: runUrlOf(flags, env),
        serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
        startedAt: new Date(clock.now()).toISOString(),
      });
      const secrets = [
        ...secretsFromEnv(env),
        ...flags.secretEnv.map((name) => env[name]).filter((v): v is string => Boolean(v)),
      ];
      const summaryFile = env.GITHUB_STEP_SUMMARY;
      // A cancelled run signals the pipeline: stop reading, deliver what was read, close the sinks.
      const stop = new AbortController();
      ctx.signals?.once((name) => stop.abort(name));
      const decoder = new StringDecoder("utf8");
      const out = ctx.stdout;
      await streamStage({
        meta,
        sinks: flags.sink.length > 0 ? flags.sink : ["discord", "summary", "file"],
        dryRun: flags.dryRun === true,
        input: ctx.stdin,
        passthrough: (chunk) =>
          typeof chunk !== "string" && out.writeBytes
            ? out.writeBytes(chunk)
            : out.write(typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk))),
        say: (text) => ctx.stderr.write(text),
        secrets,
        clock,
        discord: discordSettings(env, flags.discordApiUrl),
        userAgent: `DiscordBot (https://github.com/codexrel/codexrel, ${CLI_VERSION})`,
        fetch: (url, init) => fetch(url, init),
        summary: summaryFile
          ? (markdown) => appendFile(summaryFile, markdown, "utf8")
          : { off: "GITHUB_STEP_SUMMARY is not set (not in GitHub Actions)" },
        progress: async () => {
          const gh = await githubFromEnv(env);
          if (!gh.token.found) return { off: "no GitHub token found (GITHUB_TOKEN or GH_TOKEN)" };
          const client = threadsGitHub(
            createGitHubClient({ token: gh.token.token, apiUrl: gh.apiUrl, graphqlUrl: gh.graphqlUrl }),
          );
          return {
            comments: client.comments({
              repository: meta.repository,
              kind: meta.thread.kind,
              number: meta.thread.number,
            }),
            secrets: [gh.token.token],
          };
        },
        progressIntervalMs: interval * 1000,
        progressScope: flags.progressScope ?? null,
        logPath: resolve(ctx.cwd, flags.logFile ?? logFileName(meta.stage)),
        signal: stop.signal,
      });
    });
}
