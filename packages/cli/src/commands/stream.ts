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
  bannerText,
  channelName,
  channelTopic,
  checkRunMeta,
  createDiscordRest,
  createDiscordSink,
  createDryRunDiscordSink,
  createDryRunSink,
  createFileSink,
  createProgressSink,
  createSummarySink,
  createWarningLog,
  DEFAULT_DISCORD_API_URL,
  lineRedactor,
  logFileName,
  nodeFileTarget,
  type RunMeta,
  runStream,
  SINK_NAMES,
  type Sink,
  type SinkName,
  STAGES,
  type Stage,
  systemClock,
  threadLabel,
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

const SNOWFLAKE = /^\d{1,20}$/;

function usage(message: string, hint: string): CodexrelError {
  return new CodexrelError(ErrorCodes.USAGE, message, { hint });
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Why Discord streaming is off, or null when the token and guild id are there. */
export function discordOffReason(env: Env): string | null {
  const missing = ["DISCORD_BOT_TOKEN", "DISCORD_GUILD_ID"].filter((k) => !env[k]?.trim());
  if (missing.length > 0) return `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`;
  if (!SNOWFLAKE.test(env.DISCORD_GUILD_ID!.trim())) return "DISCORD_GUILD_ID is not a Discord id (digits)";
  const category = env.DISCORD_CATEGORY_ID?.trim();
  if (category && !SNOWFLAKE.test(category)) return "DISCORD_CATEGORY_ID is not a Discord id (digits)";
  return null;
}

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
      const redactText = lineRedactor(secrets);
      const say = (text: string) => ctx.stderr.write(redactText(text));
      const logName = logFileName(meta.stage);
      const logPath = resolve(ctx.cwd, flags.logFile ?? logName);
      const wanted: SinkName[] = flags.sink.length > 0 ? [...new Set(flags.sink)] : ["discord", "summary", "file"];
      const notes: string[] = [];
      const note = (text: string) => {
        notes.push(text);
        say(`codexrel stream: ${text}\n`);
      };
      const warnings = createWarningLog((text) => say(`codexrel stream: warning: ${text}\n`), redactText);
      const warn = warnings.warn;
      const name = channelName(meta);
      const banner = redactText(bannerText(meta, logName));
      const sinks: Sink[] = [];
      const offReason = discordOffReason(env);
      const category = env.DISCORD_CATEGORY_ID?.trim() || null;

      if (flags.dryRun) {
        say("codexrel stream (dry run): nothing is sent or written; stdin still goes to stdout\n");
        for (const sink of wanted) {
          if (sink === "discord") {
            sinks.push(
              createDryRunDiscordSink({ print: say, channelName: name, banner, offReason, categoryId: category }),
            );
          } else if (sink === "summary") {
            sinks.push(
              createDryRunSink(
                "summary",
                say,
                env.GITHUB_STEP_SUMMARY ? "the job summary" : "the job summary (GITHUB_STEP_SUMMARY is not set)",
              ),
            );
          } else if (sink === "progress") {
            sinks.push(
              createDryRunSink(
                "progress",
                say,
                `the progress comment on ${threadLabel(meta)} (every ${interval} s at most)`,
              ),
            );
          } else {
            sinks.push(createDryRunSink("file", say, logPath));
          }
        }
      } else {
        for (const sink of wanted) {
          if (sink === "discord") {
            if (offReason) {
              note(`discord streaming is off: ${offReason}`);
              continue;
            }
            const rest = createDiscordRest({
              fetch: (url, init) => fetch(url, init),
              token: env.DISCORD_BOT_TOKEN!.trim(),
              clock,
              baseUrl: flags.discordApiUrl ?? env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
              userAgent: `DiscordBot (https://github.com/codexrel/codexrel, ${CLI_VERSION})`,
            });
            sinks.push(
              createDiscordSink({
                rest,
                guildId: env.DISCORD_GUILD_ID!.trim(),
                categoryId: category,
                channelName: name,
                topic: redactText(channelTopic(meta)),
                banner,
                logName,
                clock,
                warn,
              }),
            );
          } else if (sink === "summary") {
            const target = env.GITHUB_STEP_SUMMARY;
            if (!target) {
              note("summary is off: GITHUB_STEP_SUMMARY is not set (not in GitHub Actions)");
              continue;
            }
            sinks.push(
              createSummarySink({
                stage: meta.stage,
                logName,
                append: (markdown) => appendFile(target, markdown, "utf8"),
                notes: () => notes,
              }),
            );
          } else if (sink === "progress") {
            const gh = await githubFromEnv(env);
            if (!gh.token.found) {
              note("progress comment updates are off: no GitHub token found (GITHUB_TOKEN or GH_TOKEN)");
              continue;
            }
            const client = threadsGitHub(
              createGitHubClient({ token: gh.token.token, apiUrl: gh.apiUrl, graphqlUrl: gh.graphqlUrl }),
            );
            sinks.push(
              createProgressSink({
                comments: client.comments({
                  repository: meta.repository,
                  kind: meta.thread.kind,
                  number: meta.thread.number,
                }),
                clock,
                warn,
                stage: meta.stage,
                intervalMs: interval * 1000,
                scope: flags.progressScope ?? null,
                threadLabel: `${meta.thread.kind === "pr" ? "PR" : "issue"} #${meta.thread.number}`,
                runUrl: meta.runUrl ?? null,
                secrets: [...secrets, gh.token.token],
              }),
            );
          } else {
            try {
              sinks.push(createFileSink({ file: nodeFileTarget(logPath), path: logPath }));
            } catch (error) {
              warn(
                `file: cannot write ${logPath}: ${(error as Error).message}; the file sink is off for the rest of the run`,
              );
            }
          }
        }
      }

      const decoder = new StringDecoder("utf8");
      const out = ctx.stdout;
      const result = await runStream({
        input: ctx.stdin,
        passthrough: (chunk) =>
          typeof chunk !== "string" && out.writeBytes
            ? out.writeBytes(chunk)
            : out.write(typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk))),
        sinks,
        secrets,
        warnings,
      });
      for (const r of result.sinks) say(`codexrel stream: ${r.name}: ${r.summary}\n`);
      say(`codexrel stream: ${result.lines} lines (${result.events} Codex events) passed through\n`);
    });
}
