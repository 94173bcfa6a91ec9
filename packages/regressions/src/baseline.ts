/**
 * The baseline the classifier compares against: for each candidate test, how it did on the base,
 * and which base tests the candidate no longer has.
 *
 * Two ways to get one, with the same answers:
 * - `baselineFromRuns`: from base runs already in memory (the `classify` API);
 * - `BaselineBuilder`: fed the base's testcases one by one after the candidate is known (what
 *   `classifyReports` does). A base test the candidate also has is reduced to three bits as it
 *   streams past, so a big base keeps no record per test: only the tests the candidate dropped
 *   (`removed`) are kept whole.
 */
import { isSinglePass, PassedTest, type TestAttempt, type TestResult, type TestRun } from "./model.js";
import type { MergeHow, RepeatedOption } from "./repeats.js";
import { RunBuilder } from "./runs.js";

export type Outcome = "pass" | "fail" | "flaky" | "skip";

export interface Baseline {
  /** True when the base held at least one test. */
  available: boolean;
  /** Labels of the base runs, for the report ("base", or what the caller named them). */
  labels: readonly string[];
  /** How the test did on the base; "absent" when the base does not have it. `test` is the candidate's. */
  outcome(id: string, test?: TestResult): Outcome | "absent";
  /** Base tests that are not in the candidate, in base order. */
  removed(): Iterable<TestResult>;
  warnings: readonly string[];
}

/** `record`'s `earlier` for a first record or an attempt: the bits so far stay. */
const asBefore = (bits: number): number => bits;

/** Any passed attempt. */
const PASSED = 1;
/** Any failed or errored attempt. */
const FAILED = 2;
/** Any failed or errored attempt that was a result or a repeat (not a runner's rerun or retry). */
const FAILED_RESULT = 4;
/** On `PassedTest.baseBits`: the base has the test. */
const SEEN = 8;

/** The three facts `outcomeOf` needs from a test's attempts, as bits (they OR across occurrences). */
export function attemptBits(attempts: readonly TestAttempt[]): number {
  let bits = 0;
  for (const a of attempts) {
    if (a.status === "passed") bits |= PASSED;
    else if (a.status === "failed" || a.status === "error") {
      bits |= FAILED;
      if (a.origin === "result" || a.origin === "repeat") bits |= FAILED_RESULT;
    }
  }
  return bits;
}

/**
 * pass: every non-skipped attempt passed; fail: every one failed; flaky: both; skip: only skipped.
 * With deliberate repetitions a failing repetition fails the test; runner reruns still make it flaky.
 */
export function outcomeOfBits(bits: number, repetitions: boolean): Outcome {
  if ((bits & FAILED) === 0) return bits & PASSED ? "pass" : "skip";
  if ((bits & PASSED) === 0) return "fail";
  if (repetitions && bits & FAILED_RESULT) return "fail";
  return "flaky";
}

export function outcomeOf(attempts: readonly TestAttempt[], repetitions = false): Outcome {
  return outcomeOfBits(attemptBits(attempts), repetitions);
}

/** A baseline's `outcome`: a test's bits read as an outcome, "absent" when the base lacks it. */
function outcomeLookup(bits: Map<string, number>, repetitions: (id: string) => boolean): Baseline["outcome"] {
  return (id) => {
    const b = bits.get(id);
    return b === undefined ? "absent" : outcomeOfBits(b, repetitions(id));
  };
}

/** A baseline from base runs in memory; `candidateHas` says which base tests were removed. */
export function baselineFromRuns(runs: readonly TestRun[], candidateHas: (id: string) => boolean): Baseline {
  const withTests = runs.filter((r) => r.tests.size > 0);
  const bits = new Map<string, number>();
  const repeated = new Set<string>();
  const firstSeen = new Map<string, TestResult>();
  for (const run of withTests) {
    for (const [id, test] of run.tests) {
      bits.set(id, (bits.get(id) ?? 0) | attemptBits(test.attempts));
      if (run.repeated === "repetitions") repeated.add(id);
      if (!firstSeen.has(id)) firstSeen.set(id, test);
    }
  }
  return {
    available: withTests.length > 0,
    labels: withTests.map((r) => r.label),
    outcome: outcomeLookup(bits, (id) => repeated.has(id)),
    *removed() {
      for (const [id, test] of firstSeen) if (!candidateHas(id)) yield test;
    },
    warnings: withTests.flatMap((r) => r.warnings),
  };
}

/**
 * Builds a baseline from base testcases fed one at a time (from `loadRun`'s parser sink), once
 * the candidate's tests are known.
 */
export class BaselineBuilder extends RunBuilder {
  private readonly bits = new Map<string, number>();
  private onObjects = 0;

  /**
   * @param candidateTest the candidate's test with this id (undefined when it has none). The bits
   *   go onto it when it is a `PassedTest` and `onObjects` (one candidate run: classify reads the
   *   same objects), else into a map keyed by the candidate's own id string; either way the base's
   *   copy of every id can be dropped as soon as it is read.
   * @param candidateOrder the candidate's tests in the order it listed them (its ids as keys), when
   *   `candidateTest` looks them up in that one list: see `lookup`.
   */
  constructor(
    label: string,
    private readonly candidateTest: (id: string) => TestResult | undefined,
    repeated: RepeatedOption = "auto",
    warnings: string[] = [],
    private readonly useObjects = false,
    candidateOrder: readonly TestResult[] | null = null,
  ) {
    super({ label, repeated, warnings });
    this.order = candidateOrder;
  }

  /**
   * Whether the base already has this id. For a test the candidate has, that is its bits: on the
   * candidate's `PassedTest` itself (one candidate run) or in the map keyed by its id string.
   */
  protected override has(id: string): boolean {
    const cand = this.lookup(id);
    if (cand === undefined) return super.has(id);
    if (this.useObjects && cand instanceof PassedTest) return cand.baseBits !== 0;
    return this.bits.has(cand.id);
  }

  /** A test the candidate has becomes bits; one it dropped is kept whole (for `removed`). */
  protected override keep(test: TestResult): void {
    const cand = this.lookup(test.id);
    if (cand === undefined) super.keep(test);
    else this.record(cand, test, asBefore);
  }

  protected override merge(test: TestResult, how: MergeHow): void {
    const cand = this.lookup(test.id);
    if (cand === undefined) super.merge(test, how);
    // A rerun means every earlier record failed (see RunBuilder.merge): keep only that fact.
    else this.record(cand, test, (earlier) => (how === "reruns" ? FAILED : earlier));
  }

  private lastId: string | null = null;
  private lastCand: TestResult | undefined;
  private readonly order: readonly TestResult[] | null;
  private cursor = 0;

  /**
   * `candidateTest`, remembering the last answer: every base test is asked about twice in a row
   * (`has`, then `keep` or `merge`, with the same id string), and the candidate does not change
   * while the base streams.
   *
   * A base lists its tests mostly in the candidate's order, so the candidate's next test (after the
   * last one found) is tried first: one string compare instead of hashing the new id and probing
   * a map of every candidate test (a cache miss or two per test; together the biggest single
   * item of the base's profile). A miss falls back to the map and moves the cursor past the test
   * found when it is just ahead (tests the base does not have); the answer is the map's either way.
   */
  private lookup(id: string): TestResult | undefined {
    if (id === this.lastId) return this.lastCand;
    const order = this.order;
    let cand: TestResult | undefined;
    if (order !== null) {
      const next = order[this.cursor];
      if (next !== undefined && next.id === id) {
        cand = next;
        this.cursor += 1;
      } else {
        cand = this.candidateTest(id);
        if (cand !== undefined) this.skipTo(order, cand);
      }
    } else cand = this.candidateTest(id);
    this.lastId = id;
    this.lastCand = cand;
    return cand;
  }

  /** Moves the cursor past `cand` when it is among the next few tests of the candidate. */
  private skipTo(order: readonly TestResult[], cand: TestResult): void {
    const end = Math.min(order.length, this.cursor + 16);
    for (let k = this.cursor; k < end; k += 1) {
      if (order[k] === cand) {
        this.cursor = k + 1;
        return;
      }
    }
  }

  /** ORs the base test's bits into the candidate test's record (`earlier` rewrites the old bits first). */
  private record(cand: TestResult, test: TestResult, earlier: (bits: number) => number): void {
    const bits = isSinglePass(test) ? PASSED : attemptBits(test.attempts);
    if (this.useObjects && cand instanceof PassedTest) {
      if (cand.baseBits === 0) this.onObjects += 1;
      cand.baseBits = earlier(cand.baseBits & ~SEEN) | bits | SEEN;
      return;
    }
    this.bits.set(cand.id, earlier(this.bits.get(cand.id) ?? 0) | bits);
  }

  toBaseline(run: TestRun): Baseline {
    const bits = this.bits;
    const repetitions = run.repeated === "repetitions";
    const fromMap = outcomeLookup(bits, () => repetitions);
    const useObjects = this.useObjects;
    return {
      available: bits.size > 0 || this.onObjects > 0 || run.tests.size > 0,
      labels: [run.label],
      outcome: (id, test) => {
        if (useObjects && test instanceof PassedTest) {
          const b = test.baseBits;
          return b === 0 ? "absent" : outcomeOfBits(b & ~SEEN, repetitions);
        }
        return fromMap(id);
      },
      removed: () => run.tests.values(),
      warnings: run.warnings,
    };
  }
}
