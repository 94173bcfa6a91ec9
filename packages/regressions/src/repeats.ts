/**
 * Repeated testcases: the same test id again within one run (in one report or across the run's
 * files). What a repeat means depends on the reporter that wrote it (see `dialect.ts`); the
 * `repeated` option overrides that for every report:
 * - `auto` (default): per dialect — retry attempts for Gradle and gotestsum, reruns for pytest,
 *   separate tests for everything else (vitest, jest-junit, go-junit-report, Playwright, Surefire,
 *   mocha, CTRF, unrecognised JUnit);
 * - `attempts`: every repeat is a retry attempt of the first occurrence, in input order;
 * - `repetitions`: attempts, but read as deliberate repetitions (any failing one fails the test);
 * - `separate`: every repeat is its own test.
 *
 * A separate repeat gets a stable id: the id with its ordinal among the run's tests of that id
 * (input order: report files sorted, then document order), `"<id> [#2]"`, `"<id> [#3]"`. The id
 * already holds the suite path and classname (the file, for vitest), so the ordinal counts within
 * the suite and file; base and candidate number their repeats the same way.
 */
import { type Dialect, REPEAT_MEANING, type RepeatMeaning } from "./dialect.js";
import type { TestResult } from "./model.js";

export type RepeatedOption = "auto" | "attempts" | "repetitions" | "separate";

export const REPEATED_OPTIONS: readonly RepeatedOption[] = ["auto", "attempts", "repetitions", "separate"];

/** How a repeat that is not a separate test merges into the first occurrence. */
export type MergeHow = "attempts" | "reruns";

export class RepeatTracker {
  private dialect: Dialect = "junit";
  private meaning: RepeatMeaning;
  /** Next ordinal per id that repeated as separate tests (only ids that did repeat). */
  private readonly ordinals = new Map<string, number>();
  /** Repeats per (meaning, dialect), and one example id per key, for the run's warnings. */
  private readonly tally = new Map<
    string,
    { meaning: RepeatMeaning; dialect: Dialect; count: number; example: string }
  >();

  constructor(readonly option: RepeatedOption = "auto") {
    this.meaning = meaningFor(option, this.dialect);
  }

  /** The dialect of the report whose testcases come next. */
  beginReport(dialect: Dialect | undefined): void {
    this.dialect = dialect ?? "junit";
    this.meaning = meaningFor(this.option, this.dialect);
  }

  /**
   * Called for each testcase before it is stored: null when it is a new test (its id may have been
   * given an ordinal), else how to merge it into the test already seen with its id.
   */
  resolve(test: TestResult, seen: (id: string) => boolean): MergeHow | null {
    if (!seen(test.id)) return null;
    const meaning = this.meaning;
    this.count(meaning, test.id);
    if (meaning !== "separate") return meaning;
    const base = test.id;
    let n = this.ordinals.get(base) ?? 2;
    while (seen(`${base} [#${n}]`)) n += 1;
    this.ordinals.set(base, n + 1);
    test.id = `${base} [#${n}]`;
    test.ordinal = n;
    return null;
  }

  private count(meaning: RepeatMeaning, id: string): void {
    const key = `${meaning}\u0000${this.dialect}`;
    const entry = this.tally.get(key);
    if (entry) entry.count += 1;
    else this.tally.set(key, { meaning, dialect: this.dialect, count: 1, example: id });
  }

  /** One line per kind of repeat seen, saying how it was read and how to read it otherwise. */
  warnings(label: string): string[] {
    const out: string[] = [];
    for (const { meaning, dialect, count, example } of this.tally.values()) {
      const from = this.option === "auto" ? `${dialect} report(s)` : `--repeated ${this.option}`;
      if (meaning === "separate") {
        out.push(
          `${label}: ${count} repeated testcase(s) (${from}) read as separate tests, numbered by position: "${example}" and "${example} [#2]"; pass repeated "attempts" (--repeated attempts) if your runner repeats a testcase to retry it`,
        );
      } else if (meaning === "reruns") {
        out.push(
          `${label}: ${count} repeated testcase(s) (${from}) read as reruns: each record before a test's last one is a failed attempt (e.g. "${example}")`,
        );
      } else {
        const as = this.option === "repetitions" ? "deliberate repetitions" : "retry attempts";
        out.push(`${label}: ${count} repeated testcase(s) (${from}) read as ${as} (e.g. "${example}")`);
      }
    }
    return out;
  }
}

function meaningFor(option: RepeatedOption, dialect: Dialect): RepeatMeaning {
  if (option === "auto") return REPEAT_MEANING[dialect];
  if (option === "separate") return "separate";
  return "attempts";
}
