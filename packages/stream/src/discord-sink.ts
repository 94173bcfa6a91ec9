/**
 * The Discord sink: one text channel per run (found again by its deterministic name on a re-run,
 * else created under the category), a banner, then the log batched into code-block messages of at
 * most 2,000 characters, posted one at a time in order. Lines never vanish silently: when more
 * arrives than Discord lets through, the excess is counted and a notice takes its place; what
 * could not be posted (failures, the close deadline) is counted in warnings and in the report.
 */
import type { Clock } from "./clock.js";
import { lineUnits, MessageQueue } from "./discord-batch.js";
import type { DiscordRest } from "./discord-rest.js";
import { plural, type Sink, type SinkReport, type Warn } from "./sink.js";

export interface DiscordChannel {
  id: string;
  name?: string;
  type?: number;
  parent_id?: string | null;
}

export interface DiscordSinkOptions {
  rest: DiscordRest;
  guildId: string;
  categoryId?: string | null;
  channelName: string;
  topic: string;
  /** The first message (already redacted); markdown, not a code block. */
  banner: string;
  /** Where the full transcript is, for the overflow notice (e.g. `.codex-planning.log`). */
  logName: string;
  clock: Clock;
  warn: Warn;
  /** How long a message that is not full waits for more lines. Default 1,000 ms. */
  lingerMs?: number;
  /** Characters that may wait for Discord; beyond that lines are counted, not queued. Default 4,000,000. */
  maxPendingChars?: number;
  /** How long `close` keeps posting what is left. Default 120 s. */
  closeTimeoutMs?: number;
  /** Failed posts in a row that switch the sink off. Default 3. */
  maxConsecutiveFailures?: number;
}

/** Text channels are type 0 (GUILD_TEXT). */
const GUILD_TEXT = 0;

export function createDiscordSink(options: DiscordSinkOptions): Sink & { channelId(): string | null } {
  const clock = options.clock;
  const lingerMs = options.lingerMs ?? 1000;
  const maxPending = options.maxPendingChars ?? 4_000_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 120_000;
  const maxFailures = options.maxConsecutiveFailures ?? 3;
  const queue = new MessageQueue();
  const linger = new AbortController();
  let channelId: string | null = null;
  let reused = false;
  let off: string | null = null;
  let closing = false;
  let deadline = Number.POSITIVE_INFINITY;
  let pumping: Promise<void> | null = null;
  let failuresInRow = 0;
  const count = { taken: 0, posted: 0, messages: 0, undelivered: 0, overflowed: 0 };
  const overflow = { lines: 0, chars: 0 };

  const pushNotice = () => {
    queue.push(
      lineUnits(
        `⚠ ${plural(overflow.lines, "line")} (${overflow.chars} characters) were not posted here: more log than Discord's rate limit lets through. They are in the ${options.logName} artifact.`,
      ).map((u) => ({ ...u, lines: 0 })),
    );
    count.overflowed += overflow.lines;
    overflow.lines = 0;
    overflow.chars = 0;
  };

  const switchOff = (reason: string) => {
    if (off !== null) return;
    off = reason;
    const waiting = queue.clear();
    count.undelivered += waiting;
    options.warn(`discord: ${reason}; streaming to Discord is off for the rest of the run`);
  };

  const post = (content: string) =>
    options.rest.request<{ id: string }>(
      "POST",
      `/channels/${channelId}/messages`,
      { content, allowed_mentions: { parse: [] } },
      { deadline },
    );

  async function ensureChannel(): Promise<boolean> {
    try {
      let channel: DiscordChannel | undefined;
      try {
        const list = await options.rest.request<DiscordChannel[]>("GET", `/guilds/${options.guildId}/channels`);
        channel = (Array.isArray(list) ? list : []).find(
          (c) =>
            c.type === GUILD_TEXT &&
            c.name === options.channelName &&
            (c.parent_id ?? null) === (options.categoryId ?? null),
        );
        reused = channel !== undefined;
      } catch {
        // Listing may be refused (permissions); creating still works.
      }
      channel ??= await options.rest.request<DiscordChannel>("POST", `/guilds/${options.guildId}/channels`, {
        name: options.channelName,
        type: GUILD_TEXT,
        topic: options.topic,
        ...(options.categoryId ? { parent_id: options.categoryId } : {}),
      });
      if (!channel || typeof channel.id !== "string") throw new Error("Discord returned no channel id");
      channelId = channel.id;
    } catch (error) {
      switchOff(`could not create channel #${options.channelName}: ${message(error)}`);
      return false;
    }
    try {
      await post(options.banner.slice(0, 2000));
    } catch (error) {
      options.warn(`discord: the banner was not posted: ${message(error)}`);
    }
    return true;
  }

  async function pump(): Promise<void> {
    if (channelId === null && !(await ensureChannel())) return;
    for (;;) {
      if (off !== null || queue.size === 0) return;
      if (!closing && !queue.full() && lingerMs > 0) await clock.sleep(lingerMs, linger.signal);
      if (closing && clock.now() > deadline) return;
      const msg = queue.take();
      if (!msg) continue;
      try {
        await post(msg.content);
        count.messages += 1;
        count.posted += msg.lines;
        failuresInRow = 0;
      } catch (error) {
        failuresInRow += 1;
        count.undelivered += msg.lines;
        options.warn(`discord: a message with ${plural(msg.lines, "line")} was not posted: ${message(error)}`);
        if (failuresInRow >= maxFailures) switchOff(`${failuresInRow} messages in a row failed`);
      }
    }
  }

  function kick(): void {
    if (pumping || off !== null) return;
    pumping = pump()
      .catch((error: unknown) => switchOff(message(error)))
      .finally(() => {
        pumping = null;
        if (queue.size > 0 && off === null && !(closing && clock.now() > deadline)) kick();
      });
  }

  return {
    name: "discord",
    channelId: () => channelId,
    write(line) {
      count.taken += 1;
      if (off !== null) {
        count.undelivered += 1;
        return;
      }
      if (overflow.lines > 0) {
        if (queue.chars < maxPending / 2) pushNotice();
        else {
          overflow.lines += 1;
          overflow.chars += line.length;
          return;
        }
      }
      if (queue.chars + line.length > maxPending) {
        overflow.lines += 1;
        overflow.chars += line.length;
        return;
      }
      queue.push(lineUnits(line));
      kick();
    },
    async close(): Promise<SinkReport> {
      closing = true;
      deadline = clock.now() + closeTimeoutMs;
      linger.abort();
      if (overflow.lines > 0 && off === null) pushNotice();
      kick();
      while (pumping) await pumping;
      if (queue.size > 0) {
        const left = queue.clear();
        count.undelivered += left;
        options.warn(
          `discord: ${plural(left, "line")} not posted before the ${Math.round(closeTimeoutMs / 1000)} s close deadline`,
        );
      }
      const lost = count.undelivered + count.overflowed;
      const where = channelId
        ? `#${options.channelName}${reused ? " (existing channel)" : ""}`
        : `#${options.channelName}`;
      return {
        name: "discord",
        ok: off === null && lost === 0,
        summary:
          off !== null && channelId === null
            ? `off: ${off}`
            : `posted ${count.posted} of ${plural(count.taken, "line")} in ${plural(count.messages, "message")} to ${where}${
                count.overflowed > 0 ? `; ${plural(count.overflowed, "line")} over the rate limit summarized` : ""
              }${count.undelivered > 0 ? `; ${plural(count.undelivered, "line")} not posted` : ""}`,
        lines: count.taken,
        undelivered: lost,
      };
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
