/**
 * The stream: input chunks go to `passthrough` unchanged (stdout), and as lines — Codex events made
 * readable, other text as it is — redacted, to every sink. Sinks never stop the stream: their
 * failures are warnings. The summary sink is closed last so it can list the others' warnings.
 */
import { createStreamRedactor, type StreamRedactor } from "@codexrel/core";
import { formatCodexLine } from "./codex-events.js";
import { LineSplitter } from "./line-splitter.js";
import { expandSecrets, lineRedactor } from "./redact-stream.js";
import { guardSink, type Sink, type SinkReport, type Warn, type WarningLog } from "./sink.js";

export interface RunStreamOptions {
  input: AsyncIterable<Uint8Array | string>;
  /** Receives every input chunk unchanged, in order; awaited (backpressure). */
  passthrough?: (chunk: Uint8Array | string) => void | Promise<void>;
  sinks: readonly Sink[];
  /** Exact secret values to redact (core's patterns apply too). */
  secrets: Iterable<string | undefined | null>;
  /** Where sink warnings go (give the sinks the same log's `warn`); redacted again here. */
  warnings: WarningLog;
  /** Lines of command output the live sinks show (the file sink gets all). Default 20. */
  maxOutputLines?: number;
  /** Longest line held in memory; longer ones go on in pieces. */
  maxLineChars?: number;
  /**
   * Ends the input early (the edge aborts it on SIGINT/SIGTERM, as a cancelled run is signalled):
   * what was read is still delivered and every sink closed, so the transcript is kept.
   */
  signal?: AbortSignal;
}

/** The input until it ends or `signal` is aborted; aborting stops the read and releases the source. */
async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) {
    yield* source;
    return;
  }
  const it = source[Symbol.asyncIterator]();
  const aborted = new Promise<null>((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener("abort", () => resolve(null), { once: true });
  });
  try {
    while (true) {
      const next = await Promise.race([it.next(), aborted]);
      if (next === null || next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a pipe whose writer is still alive may never settle a pending read.
    void it.return?.()?.catch(() => {});
  }
}

export interface StreamResult {
  /** Input lines read. */
  lines: number;
  /** Input bytes read (and passed through). */
  bytes: number;
  /** Codex events among the lines. */
  events: number;
  sinks: SinkReport[];
  warnings: string[];
}

export async function runStream(options: RunStreamOptions): Promise<StreamResult> {
  const secrets = expandSecrets(options.secrets);
  const redactLine = lineRedactor(secrets);
  const warn: Warn = (message) => options.warnings.warn(redactLine(message));
  const sinks = options.sinks.map((s) => guardSink(s, warn));
  const live = sinks.filter((s) => !s.fullOutput);
  const full = sinks.filter((s) => s.fullOutput);
  const splitter = new LineSplitter(options.maxLineChars);
  const maxOutputLines = options.maxOutputLines ?? 20;
  let pieces: StreamRedactor | null = null;
  let lines = 0;
  let bytes = 0;
  let events = 0;

  const send = (targets: readonly Sink[], text: string) => {
    for (const s of targets) s.write(text);
  };

  const handleLine = (text: string) => {
    lines += 1;
    const shown = formatCodexLine(text, { maxOutputLines });
    if (shown.event) events += 1;
    const redacted = shown.lines.map(redactLine);
    for (const l of redacted) send(live, l);
    if (full.length === 0) return;
    const all = shown.truncated
      ? formatCodexLine(text, { maxOutputLines: Number.POSITIVE_INFINITY }).lines.map(redactLine)
      : redacted;
    for (const l of all) send(full, l);
  };

  const handlePiece = (text: string, partial: boolean) => {
    // A line too long to hold: redacted in pieces with a carry-over window, handed on as it comes.
    pieces ??= createStreamRedactor({ secrets });
    const out = partial ? pieces.write(text) : pieces.write(text) + pieces.end();
    if (!partial) {
      pieces = null;
      lines += 1;
    }
    if (out !== "") {
      const marked = partial ? `${out} ↩` : out;
      send(sinks, marked);
    }
  };

  const handle = (batch: ReturnType<LineSplitter["push"]>, wasLong: boolean) => {
    let long = wasLong;
    for (const piece of batch) {
      if (piece.partial || long) {
        handlePiece(piece.text, piece.partial);
        long = piece.partial;
      } else {
        handleLine(piece.text);
      }
    }
  };

  for await (const chunk of untilAborted(options.input, options.signal)) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (options.passthrough) await options.passthrough(chunk);
    const wasLong = splitter.inLongLine;
    handle(splitter.push(chunk), wasLong);
  }
  if (options.signal?.aborted) {
    warn(
      `the stream was stopped (${String(options.signal.reason ?? "aborted")}) after ${lines} lines: later output was not read`,
    );
  }
  const endedLong = splitter.inLongLine;
  handle(splitter.end(), endedLong);

  const reports: SinkReport[] = [];
  const summary = sinks.filter((s) => s.name === "summary");
  for (const s of sinks.filter((x) => x.name !== "summary")) reports.push(await s.close(options.warnings.list));
  for (const s of summary) reports.push(await s.close([...options.warnings.list]));
  return { lines, bytes, events, sinks: reports, warnings: [...options.warnings.list] };
}
