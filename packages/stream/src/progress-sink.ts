/**
 * The progress sink: the thread's progress comment (@codexrel/threads' `updateProgressComment`,
 * the same code `codexrel progress` uses) gets a "live log" block with the last lines, updated at
 * most once per interval (default 30 s) so a chatty agent costs a handful of API calls, well under
 * GitHub's content-creation limits. The checklist and status the workflow wrote stay as they are.
 */
import { escapeMarkdown } from "@codexrel/core";
import { type MarkedCommentsPort, updateProgressComment } from "@codexrel/threads";
import type { Clock } from "./clock.js";
import type { Sink, SinkReport, Warn } from "./sink.js";

export interface ProgressSinkOptions {
  comments: MarkedCommentsPort;
  clock: Clock;
  warn: Warn;
  stage: string;
  /** Minimum time between two updates. Default 30,000 ms. */
  intervalMs?: number;
  /** Lines shown. Default 15. */
  lastLines?: number;
  /** The comment's scope (none: the thread's main progress comment). */
  scope?: string | null;
  threadLabel?: string;
  runUrl?: string | null;
  secrets?: string[];
  /** Failed updates in a row that switch the sink off. Default 3. */
  maxConsecutiveFailures?: number;
}

const LINE_MAX = 300;

export function renderLiveLog(stage: string, lines: readonly string[], total: number, at: string): string {
  const shown = lines.map(
    (l) => `> ${escapeMarkdown(l.length > LINE_MAX ? `${l.slice(0, LINE_MAX)}…` : l) || " "}<br>`,
  );
  return [
    `**Live log · ${escapeMarkdown(stage)}** — last ${lines.length} of ${total} lines, ${at}`,
    "",
    ...(shown.length > 0 ? shown : ["> (no output yet)"]),
  ].join("\n");
}

export function createProgressSink(options: ProgressSinkOptions): Sink {
  const clock = options.clock;
  const interval = options.intervalMs ?? 30_000;
  const keep = options.lastLines ?? 15;
  const maxFailures = options.maxConsecutiveFailures ?? 3;
  const recent: string[] = [];
  const timer = new AbortController();
  let total = 0;
  let shownTotal = -1;
  let lastUpdate = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let scheduled = false;
  let updates = 0;
  let failuresInRow = 0;
  let off = false;
  let closed = false;

  async function update(): Promise<void> {
    if (off || total === shownTotal) return;
    const snapshot = total;
    lastUpdate = clock.now();
    try {
      await updateProgressComment(options.comments, {
        mode: "update",
        scope: options.scope ?? null,
        body: renderLiveLog(options.stage, recent, snapshot, new Date(clock.now()).toISOString()),
        ...(options.threadLabel ? { threadLabel: options.threadLabel } : {}),
        ...(options.runUrl ? { update: { runUrl: options.runUrl } } : {}),
        ...(options.secrets ? { secrets: options.secrets } : {}),
        now: new Date(clock.now()),
      });
      shownTotal = snapshot;
      updates += 1;
      failuresInRow = 0;
    } catch (error) {
      failuresInRow += 1;
      options.warn(
        `progress: the progress comment was not updated: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (failuresInRow >= maxFailures) {
        off = true;
        options.warn(
          `progress: ${failuresInRow} updates in a row failed; live updates of the progress comment are off`,
        );
      }
    }
  }

  function run(): void {
    if (inFlight || off) return;
    inFlight = update().finally(() => {
      inFlight = null;
    });
  }

  function schedule(): void {
    if (scheduled || off || closed) return;
    const wait = lastUpdate + interval - clock.now();
    if (wait <= 0 && !inFlight) {
      run();
      return;
    }
    scheduled = true;
    void clock.sleep(Math.max(wait, 0), timer.signal).then(async () => {
      scheduled = false;
      if (closed) return;
      if (inFlight) await inFlight;
      run();
    });
  }

  return {
    name: "progress",
    write(line) {
      total += 1;
      recent.push(line);
      if (recent.length > keep) recent.shift();
      schedule();
    },
    async close(): Promise<SinkReport> {
      closed = true;
      timer.abort();
      if (inFlight) await inFlight;
      await update();
      return {
        name: "progress",
        ok: !off && failuresInRow === 0,
        summary: off
          ? `off after failures (${updates} updates made)`
          : `updated the progress comment ${updates} times (at most every ${Math.round(interval / 1000)} s)`,
        lines: total,
        undelivered: 0,
      };
    },
  };
}
