/**
 * Keeps what a report needs from a command's output without holding all of it: the last N lines
 * (a ring buffer) and the first K lines that look like a failure. Memory stays bounded however
 * much a check prints.
 */
export const DEFAULT_TAIL_LINES = 30;
export const DEFAULT_FAILING_LINES = 15;
const MAX_LINE_CHARS = 500;

/** Lines that usually start a failure explanation across common tools. */
export const FAILURE_LINE =
  /\b(?:error|errors|failed|failure|fail|fatal|panic|exception|traceback|assertion|not ok|cannot|unable to|denied|not found|segmentation fault)\b|✗|✘|×|FAIL\b|ERR!/i;

export class OutputCapture {
  private readonly tail: string[] = [];
  private readonly failing: string[] = [];
  private partial = "";
  private totalLines = 0;

  constructor(
    private readonly tailLines = DEFAULT_TAIL_LINES,
    private readonly failingLines = DEFAULT_FAILING_LINES,
  ) {}

  write(chunk: string): void {
    const text = this.partial + chunk;
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    // A line that never ends must not grow without bound.
    if (this.partial.length > MAX_LINE_CHARS * 4) {
      this.addLine(this.partial);
      this.partial = "";
    }
    for (const line of parts) this.addLine(line);
  }

  /** Flushes a last unterminated line. */
  end(): void {
    if (this.partial !== "") this.addLine(this.partial);
    this.partial = "";
  }

  get lineCount(): number {
    return this.totalLines;
  }

  lastLines(): string[] {
    return [...this.tail];
  }

  firstFailingLines(): string[] {
    return [...this.failing];
  }

  private addLine(raw: string): void {
    // Strip ANSI colour codes and carriage-return progress redraws.
    const clean = raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "").replace(/^.*\r/, "");
    const line = clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS - 1)}…` : clean;
    this.totalLines += 1;
    this.tail.push(line);
    if (this.tail.length > this.tailLines) this.tail.shift();
    if (this.failing.length < this.failingLines && FAILURE_LINE.test(line)) this.failing.push(line);
  }
}
