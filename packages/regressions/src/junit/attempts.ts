/**
 * A testcase's attempts from its children: the result (`failure`, `error`, `skipped`, or a status
 * attribute) and Surefire's rerun children, each with its message and the first lines of its body.
 */
import { type AttemptStatus, NO_LINES, type TestAttempt } from "../model.js";
import { detach } from "./fields.js";
import { statusFromAttribute } from "./status-attribute.js";
import { inRunOrder, RERUN_KINDS, type RerunKind, rerunStatus } from "./surefire.js";

export type CaptureKind = "failure" | "error" | "skipped" | RerunKind;

/** The children of a `<testcase>` whose message and body are kept. */
export const CAPTURE_KINDS: ReadonlySet<string> = new Set<string>(["failure", "error", "skipped", ...RERUN_KINDS]);

/** One captured child of a testcase, filled while it is read. */
export interface Capture {
  kind: CaptureKind;
  message: string | null;
  text: string;
  /** Depth of the capture element; text of deeper system-out/err is not kept. */
  depth: number;
  /** Inside a nested element whose text is not part of the failure body. */
  muted: number;
}

/** Builds attempts for one report file, keeping `failureLines` lines of `lineWidth` characters. */
export class AttemptBuilder {
  constructor(
    private readonly file: string,
    private readonly failureLines: number,
    private readonly lineWidth: number,
  ) {}

  /** The attempts of a testcase, in the order they ran. */
  attempts(
    captures: Capture[] | null,
    statusAttribute: string | null,
    durationMs: number | null,
    line: number,
  ): TestAttempt[] {
    if (captures === null && statusAttribute === null) {
      // A passing testcase with no children.
      return [
        {
          status: "passed",
          durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.file,
          reportLine: line,
          origin: "result",
        },
      ];
    }
    let primary: Capture | null = null;
    let primaryStatus: AttemptStatus = "passed";
    let flaky: TestAttempt[] | null = null;
    let reruns: TestAttempt[] | null = null;
    for (const cap of captures ?? []) {
      switch (cap.kind) {
        case "error":
          if (primaryStatus !== "error") {
            primaryStatus = "error";
            primary = cap;
          }
          break;
        case "failure":
          if (primaryStatus !== "error" && primaryStatus !== "failed") {
            primaryStatus = "failed";
            primary = cap;
          }
          break;
        case "skipped":
          if (primaryStatus === "passed") {
            primaryStatus = "skipped";
            primary = cap;
          }
          break;
        case "flakyFailure":
        case "flakyError":
          flaky ??= [];
          flaky.push(this.attemptFrom(cap, rerunStatus(cap.kind), null, line, "rerun"));
          break;
        case "rerunFailure":
        case "rerunError":
          reruns ??= [];
          reruns.push(this.attemptFrom(cap, rerunStatus(cap.kind), null, line, "rerun"));
          break;
      }
    }
    if (primaryStatus === "passed" && statusAttribute) {
      primaryStatus = statusFromAttribute(statusAttribute) ?? primaryStatus;
    }
    const main: TestAttempt = primary
      ? this.attemptFrom(primary, primaryStatus, durationMs, line, "result")
      : {
          status: primaryStatus,
          durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.file,
          reportLine: line,
          origin: "result",
        };
    if (primaryStatus === "skipped") main.firstLines = NO_LINES;
    return inRunOrder(flaky, main, reruns);
  }

  /** A failure line or message cut to `lineWidth` characters. */
  cap(text: string): string {
    return text.length > this.lineWidth ? `${text.slice(0, this.lineWidth - 1)}…` : text;
  }

  private attemptFrom(
    cap: Capture,
    status: AttemptStatus,
    durationMs: number | null,
    line: number,
    origin: TestAttempt["origin"],
  ): TestAttempt {
    const firstLines = this.firstLines(cap.text);
    return {
      status,
      durationMs,
      message: cap.message ?? firstLines[0] ?? null,
      firstLines,
      report: this.file,
      reportLine: line,
      origin,
    };
  }

  private firstLines(text: string): string[] {
    if (text.length === 0) return [];
    const lines = text.split(/\r?\n|\r/);
    let start = 0;
    while (start < lines.length && lines[start]!.trim() === "") start += 1;
    const out: string[] = [];
    for (let i = start; i < lines.length && out.length < this.failureLines; i += 1) {
      out.push(detach(this.cap(lines[i]!.trimEnd())));
    }
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out.length === 0 ? NO_LINES : out;
  }
}
