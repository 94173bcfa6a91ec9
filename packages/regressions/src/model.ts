/**
 * The normalized model every parser produces and the classifier reads. It is independent of the
 * input format: JUnit dialects and CTRF map onto the same shapes.
 */
import type { Dialect } from "./dialect.js";

export type AttemptStatus = "passed" | "failed" | "error" | "skipped";

/** One execution of a test: a `<testcase>`, a Surefire `flakyFailure`/`rerunFailure`, a CTRF retry. */
export interface TestAttempt {
  status: AttemptStatus;
  durationMs: number | null;
  /** Short failure message (the `message` attribute, or the first line of the body). */
  message: string | null;
  /** First lines of the failure body (stack trace, assertion diff), capped. */
  firstLines: string[];
  /** The report file the attempt was read from (shared string). */
  report: string;
  /** Line of the `<testcase>` in that report (null for JSON reports). */
  reportLine: number | null;
  /** How the attempt was recorded: a plain result, a rerun element, a repeated testcase, a CTRF retry. */
  origin: "result" | "rerun" | "repeat" | "retry";
}

/** A test as it appears in one run (after its repeated entries were merged into attempts). */
export interface TestResult {
  /** Stable identity (see `identity.ts`); equal across base and candidate for the same test. */
  id: string;
  name: string;
  classname: string | null;
  /** Suite path, outermost first, joined with " › ". */
  suite: string | null;
  /** Source file of the test when the report names it. */
  file: string | null;
  line: number | null;
  /** In the order they ran (document order, then input order). */
  attempts: TestAttempt[];
  /** Set on a repeated testcase read as a separate test: its position among the tests of its id (2, 3, ...). */
  ordinal?: number;
}

/**
 * A testcase read from a report whose only attempt passed with no child elements: by far the most
 * common test. Its one attempt is made only when something asks for `attempts` (a repeat merged
 * into it, a caller reading it); until then the test holds three small fields instead of an array
 * and an attempt object (about 130 bytes less per test, and two fewer objects for the garbage
 * collector to copy: see bench/README.md).
 */
export class PassedTest implements TestResult {
  private made: TestAttempt[] | null = null;
  /**
   * How the test did on the base, as `attemptBits` plus a "seen" bit (0: not in the base): set by
   * `BaselineBuilder`, so a base test streaming past costs one map lookup and no map of its own.
   */
  baseBits = 0;

  constructor(
    public id: string,
    public name: string,
    public classname: string | null,
    public suite: string | null,
    public file: string | null,
    public line: number | null,
    private readonly durationMs: number | null,
    private readonly report: string,
    private readonly reportLine: number | null,
  ) {}

  /** True while the test is still the single passed attempt it was read as. */
  get singlePass(): boolean {
    return this.made === null;
  }

  get attempts(): TestAttempt[] {
    if (this.made === null) {
      this.made = [
        {
          status: "passed",
          durationMs: this.durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.report,
          reportLine: this.reportLine,
          origin: "result",
        },
      ];
    }
    return this.made;
  }

  set attempts(value: TestAttempt[]) {
    this.made = value;
  }

  toJSON(): TestResult {
    // (baseBits is bookkeeping of one classification, not part of the test.)
    const { id, name, classname, suite, file, line, attempts } = this;
    return { id, name, classname, suite, file, line, attempts };
  }
}

/** A test that is one passed attempt, without making the attempt (see `PassedTest`). */
export function isSinglePass(test: TestResult): boolean {
  return test instanceof PassedTest && test.singlePass;
}

/** `<report>:<line>` (or the report alone): where an attempt was read, for people and annotations. */
export function attemptSource(attempt: Pick<TestAttempt, "report" | "reportLine">): string {
  return attempt.reportLine === null ? attempt.report : `${attempt.report}:${attempt.reportLine}`;
}

/** Shared empty list for attempts without failure lines (most of them): saves one array per test. */
export const NO_LINES: string[] = Object.freeze([]) as unknown as string[];

export type ReportFormat = "junit" | "ctrf";

/** What one report file contributed. */
export interface ParsedReport {
  file: string;
  format: ReportFormat;
  /** The reporter that wrote it, as far as its prelude tells (decides what a repeated testcase means). */
  dialect?: Dialect;
  /**
   * The testcases in document order; repeated identities are not merged yet. Empty when the
   * parse handed each one to `onCase` instead (see `ParseOptions.onCase`).
   */
  cases: TestResult[];
  /** How many testcases the report held (equal to `cases.length` unless `onCase` took them). */
  caseCount: number;
  /** Suite-declared totals (the `tests` attribute of top-level suites), when present. */
  declaredTests: number | null;
  warnings: string[];
}

/** A file that was not a test report (e.g. `failsafe-summary.xml`, an NUnit file, an empty file). */
export interface SkippedFile {
  file: string;
  code: string;
  reason: string;
}

/** One run (base, candidate or a history entry): every test once, attempts merged. */
export interface TestRun {
  label: string;
  tests: Map<string, TestResult>;
  files: string[];
  skipped: SkippedFile[];
  warnings: string[];
  /** How repeated testcases were read: retries (attempts) or deliberate repetitions. */
  repeated: "attempts" | "repetitions";
}
