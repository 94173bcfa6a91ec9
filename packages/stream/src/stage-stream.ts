/**
 * One stage's stream, end to end: from the run's identity, the chosen sinks and what the edge
 * found in its environment, build the sinks (each one that cannot work says once why and is left
 * out), then pass the input through and mirror it. The CLI's `codexrel stream` and the worker's
 * `actions/dist/stream.js` are edges over this one function: they read flags or inputs and the
 * environment, and hand in the ports (fetch, the summary file, the progress comments, the clock).
 */
import type { MarkedCommentsPort } from "@codexrel/threads";
import type { Clock } from "./clock.js";
import { createDiscordRest, DEFAULT_DISCORD_API_URL, type FetchLike } from "./discord-rest.js";
import { createDiscordSink } from "./discord-sink.js";
import { createDryRunDiscordSink, createDryRunSink } from "./dry-run.js";
import { createFileSink } from "./file-sink.js";
import { nodeFileTarget } from "./node-file.js";
import { createProgressSink } from "./progress-sink.js";
import { lineRedactor } from "./redact-stream.js";
import { bannerText, channelName, channelTopic, logFileName, type RunMeta, threadLabel } from "./run-meta.js";
import { runStream, type StreamResult } from "./run-stream.js";
import { createWarningLog, type Sink, type SinkName } from "./sink.js";
import { createSummarySink } from "./summary-sink.js";

/** A sink the edge could not set up, and why (said once; the stream goes on without it). */
export interface SinkOff {
  off: string;
}

export interface DiscordSettings {
  token: string;
  guildId: string;
  categoryId: string | null;
  apiUrl: string;
}

type Env = Readonly<Record<string, string | undefined>>;
const SNOWFLAKE = /^\d{1,20}$/;

/** Why Discord is off; the category (when set) is still shown by a dry run. */
export interface DiscordOff extends SinkOff {
  categoryId?: string | null;
}

/** Discord's settings from seed 001's variables, or why streaming to Discord is off. */
export function discordSettings(env: Env, apiUrl?: string): DiscordSettings | DiscordOff {
  const category = env.DISCORD_CATEGORY_ID?.trim() || null;
  const missing = ["DISCORD_BOT_TOKEN", "DISCORD_GUILD_ID"].filter((k) => !env[k]?.trim());
  if (missing.length > 0) {
    return { off: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`, categoryId: category };
  }
  const guildId = (env.DISCORD_GUILD_ID as string).trim();
  if (!SNOWFLAKE.test(guildId)) return { off: "DISCORD_GUILD_ID is not a Discord id (digits)", categoryId: category };
  if (category && !SNOWFLAKE.test(category)) return { off: "DISCORD_CATEGORY_ID is not a Discord id (digits)" };
  return {
    token: (env.DISCORD_BOT_TOKEN as string).trim(),
    guildId,
    categoryId: category,
    apiUrl: apiUrl ?? env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
  };
}

export interface StageStreamOptions {
  meta: RunMeta;
  /** The sinks asked for (duplicates ignored). */
  sinks: readonly SinkName[];
  /** Print what would be sent or written to `say`; send and write nothing. */
  dryRun?: boolean;
  input: AsyncIterable<Uint8Array | string>;
  /** Every input chunk, unchanged (stdout). */
  passthrough: (chunk: Uint8Array | string) => void | Promise<void>;
  /** The stream's own messages (stderr); redacted before they are printed. */
  say: (text: string) => void;
  secrets: readonly string[];
  clock: Clock;
  discord: DiscordSettings | DiscordOff;
  /** Discord's required User-Agent (`DiscordBot (<url>, <version>)`). */
  userAgent: string;
  fetch: FetchLike;
  /** Appends markdown to the job summary, or why there is none. */
  summary: ((markdown: string) => Promise<void>) | SinkOff;
  /** The thread's progress comments, asked for only when the progress sink is wanted. */
  progress: () => Promise<{ comments: MarkedCommentsPort; secrets: readonly string[] } | SinkOff>;
  progressIntervalMs: number;
  progressScope?: string | null;
  /** The file sink's path (absolute). */
  logPath: string;
  /** Aborted on SIGINT/SIGTERM by the edge: reading stops, what was read is delivered, sinks close. */
  signal?: AbortSignal;
}

const isOff = (v: unknown): v is SinkOff => typeof v === "object" && v !== null && "off" in v;

/** Builds the sinks, streams the input through them, and prints what each did. */
export async function streamStage(o: StageStreamOptions): Promise<StreamResult> {
  const { meta, clock } = o;
  const secrets = [...o.secrets];
  const redactText = lineRedactor(secrets);
  const say = (text: string) => o.say(redactText(text));
  const logName = logFileName(meta.stage);
  const wanted = [...new Set(o.sinks)];
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
  const interval = o.progressIntervalMs / 1000;

  if (o.dryRun) {
    say("codexrel stream (dry run): nothing is sent or written; stdin still goes to stdout\n");
    for (const sink of wanted) {
      if (sink === "discord") {
        sinks.push(
          createDryRunDiscordSink({
            print: say,
            channelName: name,
            banner,
            offReason: isOff(o.discord) ? o.discord.off : null,
            categoryId: o.discord.categoryId ?? null,
          }),
        );
      } else if (sink === "summary") {
        const where = isOff(o.summary) ? `the job summary (${o.summary.off})` : "the job summary";
        sinks.push(createDryRunSink("summary", say, where));
      } else if (sink === "progress") {
        const where = `the progress comment on ${threadLabel(meta)} (every ${interval} s at most)`;
        sinks.push(createDryRunSink("progress", say, where));
      } else {
        sinks.push(createDryRunSink("file", say, o.logPath));
      }
    }
  } else {
    for (const sink of wanted) {
      if (sink === "discord") {
        if (isOff(o.discord)) {
          note(`discord streaming is off: ${o.discord.off}`);
          continue;
        }
        const rest = createDiscordRest({
          fetch: o.fetch,
          token: o.discord.token,
          clock,
          baseUrl: o.discord.apiUrl,
          userAgent: o.userAgent,
        });
        sinks.push(
          createDiscordSink({
            rest,
            guildId: o.discord.guildId,
            categoryId: o.discord.categoryId,
            channelName: name,
            topic: redactText(channelTopic(meta)),
            banner,
            logName,
            clock,
            warn,
          }),
        );
      } else if (sink === "summary") {
        if (isOff(o.summary)) {
          note(`summary is off: ${o.summary.off}`);
          continue;
        }
        sinks.push(createSummarySink({ stage: meta.stage, logName, append: o.summary, notes: () => notes }));
      } else if (sink === "progress") {
        const progress = await o.progress();
        if (isOff(progress)) {
          note(`progress comment updates are off: ${progress.off}`);
          continue;
        }
        sinks.push(
          createProgressSink({
            comments: progress.comments,
            clock,
            warn,
            stage: meta.stage,
            intervalMs: o.progressIntervalMs,
            scope: o.progressScope ?? null,
            threadLabel: `${meta.thread.kind === "pr" ? "PR" : "issue"} #${meta.thread.number}`,
            runUrl: meta.runUrl ?? null,
            secrets: [...secrets, ...progress.secrets],
          }),
        );
      } else {
        try {
          sinks.push(createFileSink({ file: nodeFileTarget(o.logPath), path: o.logPath }));
        } catch (error) {
          warn(
            `file: cannot write ${o.logPath}: ${(error as Error).message}; the file sink is off for the rest of the run`,
          );
        }
      }
    }
  }

  const result = await runStream({
    input: o.input,
    passthrough: o.passthrough,
    sinks,
    secrets,
    warnings,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  for (const r of result.sinks) say(`codexrel stream: ${r.name}: ${r.summary}\n`);
  say(`codexrel stream: ${result.lines} lines (${result.events} Codex events) passed through\n`);
  return result;
}
