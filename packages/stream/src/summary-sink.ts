/**
 * The job summary sink: the stage transcript collapsed in a `<details>` block, kept within the
 * step summary's 1 MiB. Memory stays bounded too: the first lines are kept up to half the budget,
 * then the last lines in a rolling window; what falls between is counted in the summary.
 * Warnings from the other sinks are listed below the transcript.
 */
import { codeBlock, escapeMarkdown, measureBytes, SUMMARY_LIMIT } from "@codexrel/core";
import type { Sink, SinkReport } from "./sink.js";

export interface SummarySinkOptions {
  stage: string;
  /** Appends markdown to the job summary (`GITHUB_STEP_SUMMARY`). */
  append(markdown: string): Promise<void>;
  /** Where the full transcript is (e.g. `.codex-planning.log`). */
  logName: string;
  /** Bytes the block may take. Default: the 1 MiB step summary limit less 48 KiB for other steps' text. */
  maxBytes?: number;
  /** Notes to print above the transcript (e.g. why Discord streaming is off). */
  notes?: () => readonly string[];
}

/** One line's cap in the summary; longer lines are cut with a mark. */
const LINE_MAX = 4000;
const FRAME_RESERVE = 24 * 1024;

export function createSummarySink(options: SummarySinkOptions): Sink {
  const maxBytes = options.maxBytes ?? SUMMARY_LIMIT - 48 * 1024;
  const half = Math.max(1024, Math.floor((maxBytes - FRAME_RESERVE) / 2));
  const head: string[] = [];
  let headBytes = 0;
  const tail: string[] = [];
  let tailStart = 0;
  let tailBytes = 0;
  let total = 0;
  let omitted = 0;
  let omittedBytes = 0;

  return {
    name: "summary",
    write(raw) {
      total += 1;
      const line =
        raw.length > LINE_MAX ? `${raw.slice(0, LINE_MAX)} … (${raw.length - LINE_MAX} more characters)` : raw;
      const bytes = measureBytes(line) + 1;
      if (tail.length === tailStart && headBytes + bytes <= half) {
        head.push(line);
        headBytes += bytes;
        return;
      }
      tail.push(line);
      tailBytes += bytes;
      while (tailBytes > half && tailStart < tail.length) {
        const dropped = tail[tailStart] as string;
        tailBytes -= measureBytes(dropped) + 1;
        omitted += 1;
        omittedBytes += measureBytes(dropped) + 1;
        tailStart += 1;
      }
      if (tailStart > 4096 && tailStart * 2 > tail.length) {
        tail.splice(0, tailStart);
        tailStart = 0;
      }
    },
    async close(warnings): Promise<SinkReport> {
      const kept = [...head];
      if (omitted > 0)
        kept.push(
          `… ${omitted} lines (${omittedBytes} bytes) left out here to fit the summary; see ${options.logName}`,
        );
      kept.push(...tail.slice(tailStart));
      const parts = [`### codexrel stream · ${escapeMarkdown(options.stage)}\n`];
      for (const note of options.notes?.() ?? []) parts.push(`> ${escapeMarkdown(note)}\n`);
      const shownWarnings = warnings.slice(0, 20);
      for (const w of shownWarnings) parts.push(`> [!WARNING]\n> ${escapeMarkdown(w.slice(0, 500))}\n`);
      if (warnings.length > shownWarnings.length)
        parts.push(`> … and ${warnings.length - shownWarnings.length} more warnings on stderr\n`);
      parts.push(
        `\n<details><summary>${escapeMarkdown(options.stage)} transcript: ${total} lines${omitted > 0 ? ` (${omitted} left out)` : ""}, secrets redacted</summary>\n\n${codeBlock(kept.join("\n"), "text")}\n\n</details>\n\n`,
      );
      let markdown = parts.join("");
      if (measureBytes(markdown) > maxBytes) {
        // Cannot happen with the reserve above unless maxBytes is tiny: keep the frame, drop the block.
        markdown = `${parts.slice(0, -1).join("")}\n_The transcript did not fit the summary; see ${options.logName}._\n`;
      }
      await options.append(markdown);
      return {
        name: "summary",
        ok: true,
        summary: `wrote ${total - omitted} of ${total} lines to the job summary (${measureBytes(markdown)} bytes)${omitted > 0 ? `; ${omitted} in the middle left out, they are in ${options.logName}` : ""}`,
        lines: total,
        undelivered: 0,
      };
    },
  };
}
