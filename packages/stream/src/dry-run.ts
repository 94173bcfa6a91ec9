/**
 * `--dry-run`: sinks that print what they would do to stderr and touch nothing — for Discord the
 * channel name it would create, the banner, and every line it would send.
 */
import type { Sink, SinkName, SinkReport } from "./sink.js";

export function createDryRunDiscordSink(options: {
  print: (text: string) => void;
  channelName: string;
  banner: string;
  /** Why a real run would not stream (missing credentials), or null when it would. */
  offReason: string | null;
  categoryId?: string | null;
}): Sink {
  let lines = 0;
  let started = false;
  const start = () => {
    started = true;
    const where = options.categoryId ? ` under category ${options.categoryId}` : "";
    options.print(`discord (dry run): would create channel #${options.channelName}${where}\n`);
    if (options.offReason) options.print(`discord (dry run): a real run would not stream: ${options.offReason}\n`);
    options.print(`discord (dry run): banner:\n${options.banner.replace(/^/gm, "  | ")}\n`);
  };
  start();
  return {
    name: "discord",
    write(line) {
      if (!started) start();
      lines += 1;
      options.print(`discord ▸ ${line}\n`);
    },
    async close(): Promise<SinkReport> {
      return {
        name: "discord",
        ok: true,
        summary: `dry run: would post ${lines} lines to #${options.channelName}`,
        lines,
        undelivered: 0,
      };
    },
  };
}

/** Any other sink in a dry run: says once what it would write, counts the lines. */
export function createDryRunSink(name: SinkName, print: (text: string) => void, target: string): Sink {
  let lines = 0;
  print(`${name} (dry run): would write to ${target}\n`);
  return {
    name,
    write() {
      lines += 1;
    },
    async close(): Promise<SinkReport> {
      return { name, ok: true, summary: `dry run: would write ${lines} lines to ${target}`, lines, undelivered: 0 };
    },
  };
}
