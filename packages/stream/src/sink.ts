/**
 * A sink takes the stream's redacted, readable lines. `write` never waits (the stream keeps
 * passing lines through while a sink is slow); `close` flushes and says what the sink did. A
 * sink that throws is switched off with a warning — on stderr and in the summary — and the stream
 * goes on.
 */

export type SinkName = "discord" | "summary" | "progress" | "file";
export const SINK_NAMES: readonly SinkName[] = ["discord", "summary", "progress", "file"];

export interface SinkReport {
  name: SinkName;
  /** False when the sink failed or was switched off. */
  ok: boolean;
  /** One line: what the sink did ("posted 1,204 lines in 31 messages to #…"). */
  summary: string;
  /** Lines the sink took. */
  lines: number;
  /** Lines the sink could not deliver (overflow, failures), counted, never silent. */
  undelivered: number;
}

export interface Sink {
  readonly name: SinkName;
  /** True for a sink that wants command output in full (the log file). */
  readonly fullOutput?: boolean;
  write(line: string): void;
  /**
   * Flushes and reports. `warnings` are the other sinks' warnings so far (the summary sink, closed
   * last, records them).
   */
  close(warnings: readonly string[]): Promise<SinkReport>;
}

export type Warn = (message: string) => void;

/** Every warning of a run, in order: printed as it happens and kept for the summary. */
export interface WarningLog {
  warn: Warn;
  readonly list: readonly string[];
}

export function createWarningLog(print: Warn, redactText: (text: string) => string = (t) => t): WarningLog {
  const list: string[] = [];
  return {
    list,
    warn: (message) => {
      const clean = redactText(message);
      list.push(clean);
      print(clean);
    },
  };
}

/** Wraps a sink so a throw in `write` or `close` becomes one warning and switches it off. */
export function guardSink(sink: Sink, warn: Warn): Sink {
  let failed: string | null = null;
  let lines = 0;
  let lost = 0;
  const fail = (error: unknown) => {
    failed = error instanceof Error ? error.message : String(error);
    warn(`${sink.name}: ${failed}; the ${sink.name} sink is off for the rest of the run`);
  };
  return {
    name: sink.name,
    ...(sink.fullOutput ? { fullOutput: true } : {}),
    write(line) {
      lines += 1;
      if (failed !== null) {
        lost += 1;
        return;
      }
      try {
        sink.write(line);
      } catch (error) {
        lost += 1;
        fail(error);
      }
    },
    async close(warnings) {
      if (failed === null) {
        try {
          const report = await sink.close(warnings);
          return report;
        } catch (error) {
          fail(error);
        }
      }
      return {
        name: sink.name,
        ok: false,
        summary: `failed: ${failed}${lost > 0 ? ` (${lost} lines not written)` : ""}`,
        lines,
        undelivered: lost,
      };
    },
  };
}

/** `1 line`, `2 lines`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
