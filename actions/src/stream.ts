/**
 * Entry of actions/dist/stream.js, the worker's stage log filter (not an action of its own: a step
 * pipes into it, `codex exec --json … | node .codexrel-worker/actions/dist/stream.js`). Reads
 * stdin, passes it through to stdout (the job log) and mirrors it, readable and redacted, to a
 * Discord channel per run (when DISCORD_BOT_TOKEN and DISCORD_GUILD_ID are set), the job summary,
 * the thread's progress comment (with a token) and the transcript file — @codexrel/stream's
 * `streamStage`, the same as `codexrel stream`. Settings come as INPUT_* variables like an
 * action's; it exits 0 unless they are wrong (exit 2).
 */
import { once } from "node:events";
import { appendFile, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatError, redact, type Thread, toCodexrelError } from "@codexrel/core";
import {
  checkRunMeta,
  discordSettings,
  logFileName,
  SINK_NAMES,
  type SinkName,
  type Stage,
  StreamErrorCodes,
  streamError,
  streamStage,
  systemClock,
} from "@codexrel/stream";
import type { Task } from "@codexrel/threads";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";
import { githubPorts } from "./_threads-github.js";

const env = process.env;
const token = inputs.text("github-token");
const secrets = actionSecrets();

function sinksInput(): SinkName[] {
  const names = inputs.list("sinks", { split: "words" });
  for (const n of names) {
    if (!(SINK_NAMES as readonly string[]).includes(n)) {
      throw streamError(
        StreamErrorCodes.STREAM_INPUT_INVALID,
        `unknown sink ${JSON.stringify(n)}`,
        `Use ${SINK_NAMES.join(", ")}.`,
      );
    }
  }
  return names.length ? (names as SinkName[]) : ["discord", "summary", "file"];
}

async function threadOf(): Promise<Thread> {
  const file = inputs.text("task-file");
  const task = file ? (JSON.parse(await readFile(resolve(file), "utf8")) as Task) : null;
  if (!task?.thread) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "no thread: INPUT_TASK_FILE names none",
      "Pass route-event's task-file as INPUT_TASK_FILE.",
    );
  }
  return task.thread;
}

async function run(): Promise<void> {
  const thread = await threadOf();
  const meta = checkRunMeta({
    stage: inputs.text("stage") as Stage,
    repository: thread.repository,
    thread: { kind: thread.kind, number: thread.number },
    runId: env.GITHUB_RUN_ID ?? "local",
    runUrl:
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    startedAt: new Date(systemClock.now()).toISOString(),
  });
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  // A cancelled run sends SIGINT, then SIGTERM after 7.5 s: stop reading, deliver what was read
  // and close the sinks, so the summary and the transcript keep the run up to the cancel.
  const stop = new AbortController();
  for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => stop.abort(name));
  const interval = Number(inputs.text("progress-interval") || "30");
  await streamStage({
    meta,
    sinks: sinksInput(),
    dryRun: inputs.flag("dry-run", false),
    input: process.stdin,
    passthrough: async (chunk) => {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    },
    say: (text) => process.stderr.write(text),
    secrets,
    clock: systemClock,
    discord: discordSettings(env),
    userAgent: "DiscordBot (https://github.com/codexrel/codexrel, actions)",
    fetch: (url, init) => fetch(url, init),
    summary: summaryFile
      ? (markdown) => appendFile(summaryFile, markdown, "utf8")
      : { off: "GITHUB_STEP_SUMMARY is not set (not in GitHub Actions)" },
    progress: async () => {
      if (!token) return { off: "no INPUT_GITHUB_TOKEN" };
      const github = githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL });
      return { comments: github.comments(thread), secrets: [token] };
    },
    progressIntervalMs: (Number.isFinite(interval) && interval >= 1 ? interval : 30) * 1000,
    progressScope: null,
    logPath: resolve(inputs.text("log-file") || join(env.RUNNER_TEMP || process.cwd(), logFileName(meta.stage))),
    signal: stop.signal,
  });
  // stdin may still be open (the writer was signalled too and has not closed it): do not wait.
  process.stdin.destroy();
}

try {
  await run();
} catch (error) {
  // Only this entry's own settings end here (sinks warn and go on): say why, exit 2. stdin is
  // drained so the producer upstream is not killed by a broken pipe.
  process.stderr.write(`codexrel stream: ${redact(formatError(toCodexrelError(error)), { secrets })}\n`);
  for await (const chunk of process.stdin) process.stdout.write(chunk);
  process.exitCode = 2;
}
