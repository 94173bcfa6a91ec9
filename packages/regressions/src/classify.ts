/**
 * The classifier: base run(s), candidate run(s), an optional known-failing list and optional
 * history in; every test exactly once under one class out, as the `regressions` section of the
 * run report.
 *
 * Per test, the candidate outcome comes from its attempts (all candidate runs, in order):
 * pass (every non-skipped attempt passed), fail (every one failed), flaky (both), skip (only
 * skipped). Then:
 *
 * | candidate | base                          | class                         |
 * |-----------|-------------------------------|-------------------------------|
 * | flaky     | any                           | flaky (evidence says how)     |
 * | fail      | listed in known-failing       | known (reason)                |
 * | fail      | no baseline at all            | unknown-baseline              |
 * | fail      | passed history run            | flaky (flip in history)       |
 * | fail      | fail                          | known                         |
 * | fail      | flaky                         | flaky (flaky on base)         |
 * | fail      | pass / skip / absent          | new                           |
 * | pass      | fail                          | fixed                         |
 * | pass      | absent (baseline available)   | added                         |
 * | pass      | history flips pass/fail       | flaky                         |
 * | pass      | otherwise                     | passed                        |
 * | skip      | any                           | skipped                       |
 * | absent    | present in base               | removed                       |
 *
 * A failing test that is not in the baseline is `new`: the change added a test that fails.
 * Without a baseline nothing is `new`, `known` (unless listed), `fixed`, `added` or `removed`.
 */
import {
  CLASS_ORDER,
  type ClassifiedTest,
  countRegressions,
  DEFAULT_BLOCKING_CLASSES,
  type RegressionClass,
  type Regressions,
} from "@codexrel/core";
import { type Baseline, baselineFromRuns, type Outcome, outcomeOf } from "./baseline.js";
import { createKnownFailingMatcher, type KnownFailingEntry, type KnownFailingList } from "./known-failing.js";
import { attemptSource, isSinglePass, type TestAttempt, type TestResult, type TestRun } from "./model.js";

export interface Policy {
  /** Classes that block (default: only `new`). */
  blocking?: readonly RegressionClass[];
}

export interface Clock {
  now(): Date;
}

export interface ClassifyInput {
  /** Base run(s); null, or runs holding no test, mean "no baseline". Ignored when `baseline` is given. */
  base: readonly TestRun[] | null;
  /** The base already reduced against the candidate (see `BaselineBuilder`), instead of `base`. */
  baseline?: Baseline;
  /** Candidate run(s): several runs are successive attempts of the same job. */
  candidate: readonly TestRun[];
  /** Earlier runs of the same candidate (e.g. previous workflow attempts), oldest first. */
  history?: readonly TestRun[];
  knownFailing?: KnownFailingList;
  policy?: Policy;
  /** Where the baseline came from (shown in the report), e.g. "base a1b2c3d (cache)". */
  baselineSource?: string | null;
  /** Why there is no baseline (shown in the report when `base` is empty). */
  baselineNote?: string;
  clock?: Clock;
  /** Warnings collected while loading inputs; added to the section. */
  warnings?: readonly string[];
  /** Cap on the warnings kept in the section. Default 50. */
  maxWarnings?: number;
  /**
   * List passed tests in `section.tests` (default true). When false they are only counted
   * (`counts.passed`), which is what keeps a million-test section small; a policy that blocks
   * on `passed` lists them anyway.
   */
  includePassed?: boolean;
}

export interface Classification {
  section: Regressions;
  /** True when at least one test is in a blocking class. */
  blocked: boolean;
}

/** A test with its attempts from every run it appeared in (in run order). */
interface Merged {
  test: TestResult;
  attempts: readonly TestAttempt[];
  /** Index of the run each attempt came from; null when there was one run. */
  runs: readonly number[] | null;
  repetitions: boolean;
}

export function classify(input: ClassifyInput): Classification {
  if (input.candidate.length === 0) throw new TypeError("classify: at least one candidate run is required");
  const now = (input.clock ?? { now: () => new Date() }).now();
  const blockingClasses = input.policy?.blocking ?? DEFAULT_BLOCKING_CLASSES;
  const blockingSet = new Set<RegressionClass>(blockingClasses);
  const matcher = createKnownFailingMatcher(input.knownFailing, now);
  const warnings: string[] = [...(input.warnings ?? [])];

  const candidate = mergeRuns(input.candidate);
  const baseline = input.baseline ?? baselineFromRuns(input.base ?? [], (id) => candidate.tests.has(id));
  const baselineAvailable = baseline.available;
  const history = (input.history ?? []).map((run) => run.tests);

  // One bucket per class, filled in input order: the output lists the most important class first,
  // and within a class keeps the (deterministic) order of the input files.
  const buckets = new Map<RegressionClass, ClassifiedTest[]>(CLASS_ORDER.map((c) => [c, []]));
  const listPassed = input.includePassed !== false || blockingSet.has("passed");
  let unlistedPassed = 0;
  const oneRun = candidate.runsOf === null;
  for (const [id, candTest] of candidate.tests) {
    // Most tests are one passed attempt: decided without making their attempt (see PassedTest).
    const single = oneRun && isSinglePass(candTest);
    const outcome = single ? "pass" : outcomeOf(candTest.attempts, candidate.repetitions(id));
    const known = matcher.match(candTest);
    const baseOutcome: Outcome | "absent" | "none" = baselineAvailable ? baseline.outcome(id, candTest) : "none";
    const decided = decide(id, candidate, candTest, outcome, baseOutcome, known, history);
    if (decided.cls === "passed" && !listPassed) {
      unlistedPassed += 1;
      continue;
    }
    buckets
      .get(decided.cls)!
      .push(toClassified(candTest, single ? null : view(candidate, id, candTest), decided, known, blockingSet));
  }
  if (baselineAvailable) {
    const removed = buckets.get("removed")!;
    for (const b of baseline.removed()) {
      removed.push({
        id: b.id,
        name: b.name,
        classname: b.classname,
        suite: b.suite,
        file: b.file,
        line: b.line,
        class: "removed",
        blocking: blockingSet.has("removed"),
        evidence: "in the baseline, not in the candidate",
      });
    }
  }
  const tests: ClassifiedTest[] = [];
  for (const list of buckets.values()) for (const t of list) tests.push(t);

  warnings.push(...matcher.warnings());
  for (const run of input.candidate) warnings.push(...run.warnings);
  warnings.push(...baseline.warnings);
  const max = input.maxWarnings ?? 50;
  const kept =
    warnings.length > max
      ? [...warnings.slice(0, max - 1), `… and ${warnings.length - max + 1} more warning(s)`]
      : warnings;

  const section: Regressions = {
    baseline: baselineAvailable
      ? { available: true, source: input.baselineSource ?? baseline.labels.join(", ") }
      : {
          available: false,
          source: null,
          note:
            input.baselineNote ??
            (input.baseline || (input.base ?? []).length > 0
              ? "the base reports hold no test, so failures cannot be told new from known"
              : "no base results were given, so failures cannot be told new from known"),
        },
    policy: { blocking: [...new Set(blockingClasses)] },
    counts: withUnlisted(countRegressions(tests), unlistedPassed),
    tests,
    passedListed: listPassed,
    ...(kept.length > 0 ? { warnings: kept } : {}),
  };
  return { section, blocked: tests.some((t) => t.blocking === true) };
}

/** The runs of one side merged: tests by id, plus per-attempt run indexes when there were several runs. */
interface MergedRuns {
  tests: Map<string, TestResult>;
  runsOf: Map<string, number[]> | null;
  repetitions: (id: string) => boolean;
}

function mergeRuns(runs: readonly TestRun[]): MergedRuns {
  if (runs.length === 1) {
    // One run (the usual case): use its map as is; no per-test copies.
    const run = runs[0]!;
    const repetitions = run.repeated === "repetitions";
    return { tests: run.tests, runsOf: null, repetitions: () => repetitions };
  }
  const tests = new Map<string, TestResult>();
  const runsOf = new Map<string, number[]>();
  const repeated = new Set<string>();
  runs.forEach((run, index) => {
    for (const [id, test] of run.tests) {
      const m = tests.get(id);
      if (run.repeated === "repetitions") repeated.add(id);
      if (!m) {
        tests.set(id, { ...test, attempts: [...test.attempts] });
        runsOf.set(
          id,
          test.attempts.map(() => index),
        );
      } else {
        m.attempts.push(...test.attempts);
        runsOf.get(id)!.push(...test.attempts.map(() => index));
      }
    }
  });
  return { tests, runsOf, repetitions: (id) => repeated.has(id) };
}

function withUnlisted(counts: Regressions["counts"], passed: number): Regressions["counts"] {
  counts.passed += passed;
  return counts;
}

function view(side: MergedRuns, id: string, test: TestResult): Merged {
  return { test, attempts: test.attempts, runs: side.runsOf?.get(id) ?? null, repetitions: side.repetitions(id) };
}

interface Decided {
  cls: RegressionClass;
  evidence: string;
}

function decide(
  id: string,
  side: MergedRuns,
  test: TestResult,
  outcome: Outcome,
  baseOutcome: Outcome | "absent" | "none",
  known: KnownFailingEntry | undefined,
  history: readonly Map<string, TestResult>[],
): Decided {
  if (outcome === "flaky") return { cls: "flaky", evidence: flakyEvidence(view(side, id, test)) };
  if (outcome === "skip") return { cls: "skipped", evidence: "skipped in every attempt" };
  const past = historyOutcomes(id, history);
  if (outcome === "fail") {
    if (known) return { cls: "known", evidence: "listed in the known-failing file" };
    if (past.pass > 0)
      return {
        cls: "flaky",
        evidence: `fails here, but passed in ${past.pass} of ${past.total} earlier run(s) of the candidate`,
      };
    if (baseOutcome === "none") return { cls: "unknown-baseline", evidence: "fails; no baseline to compare with" };
    if (baseOutcome === "fail") return { cls: "known", evidence: "already failing on the base" };
    if (baseOutcome === "flaky")
      return { cls: "flaky", evidence: "failed every attempt here; flaky on the base (failed, then passed on retry)" };
    if (baseOutcome === "absent")
      return { cls: "new", evidence: "not in the baseline: added by this change and failing" };
    if (baseOutcome === "skip") return { cls: "new", evidence: "skipped on the base, fails here" };
    return { cls: "new", evidence: "passed on the base, fails here" };
  }
  // outcome === "pass"
  if (past.pass > 0 && past.fail > 0) {
    return {
      cls: "flaky",
      evidence: `passes here; flipped in history (passed ${past.pass}, failed ${past.fail} of ${past.total})`,
    };
  }
  if (baseOutcome === "fail") return FIXED;
  if (baseOutcome === "absent") return ADDED;
  return PASSED;
}

// The decisions most tests get, made once: a big report allocates no object per passing test.
const PASSED: Decided = Object.freeze({ cls: "passed", evidence: "" });
const FIXED: Decided = Object.freeze({ cls: "fixed", evidence: "failed on the base, passes here" });
const ADDED: Decided = Object.freeze({ cls: "added", evidence: "not in the baseline" });

const NO_HISTORY = Object.freeze({ pass: 0, fail: 0, total: 0 });

function historyOutcomes(
  id: string,
  history: readonly Map<string, TestResult>[],
): { pass: number; fail: number; total: number } {
  if (history.length === 0) return NO_HISTORY;
  let pass = 0;
  let fail = 0;
  let total = 0;
  for (const run of history) {
    const t = run.get(id);
    if (!t) continue;
    const o = outcomeOf(t.attempts);
    total += 1;
    if (o === "pass") pass += 1;
    else if (o === "fail") fail += 1;
    else if (o === "flaky") {
      pass += 1;
      fail += 1;
    }
  }
  return { pass, fail, total };
}

function flakyEvidence(m: Merged): string {
  const failed = m.attempts.filter((a) => a.status === "failed" || a.status === "error").length;
  const passed = m.attempts.filter((a) => a.status === "passed").length;
  if (m.runs) {
    const firstPassRun = m.runs[m.attempts.findIndex((a) => a.status === "passed")] ?? 0;
    const firstFailRun = m.runs[m.attempts.findIndex((a) => a.status === "failed" || a.status === "error")] ?? 0;
    if (firstPassRun !== firstFailRun) {
      return firstPassRun > firstFailRun
        ? `failed in attempt ${firstFailRun + 1}, passed in a later attempt (${firstPassRun + 1})`
        : `passed in attempt ${firstPassRun + 1}, failed in a later attempt (${firstFailRun + 1})`;
    }
  }
  if (m.attempts.some((a) => a.origin === "rerun")) {
    return `passed on rerun in-report: ${failed} flaky failure(s) recorded by the runner`;
  }
  if (m.attempts.some((a) => a.origin === "retry")) {
    return `passed on retry in-report: ${failed} failed and ${passed} passed attempt(s)`;
  }
  const firstPass = m.attempts.findIndex((a) => a.status === "passed");
  const firstFail = m.attempts.findIndex((a) => a.status === "failed" || a.status === "error");
  return firstPass > firstFail
    ? `passed on retry in-report after ${failed} failed attempt(s)`
    : `failed after passing in the same report (${passed} passed, ${failed} failed)`;
}

/** `m` is null for a test that is one passed attempt (nothing to list beyond its class). */
function toClassified(
  t: TestResult,
  m: Merged | null,
  d: Decided,
  known: KnownFailingEntry | undefined,
  blocking: Set<RegressionClass>,
): ClassifiedTest {
  const out: ClassifiedTest = {
    id: t.id,
    name: t.name,
    classname: t.classname,
    suite: t.suite,
    file: t.file,
    line: t.line,
    class: d.cls,
    blocking: blocking.has(d.cls),
  };
  if (d.evidence) out.evidence = d.evidence;
  if (t.ordinal !== undefined) {
    const note = `repeated testcase #${t.ordinal} of this name in its suite, read as a separate test`;
    out.evidence = out.evidence ? `${out.evidence}; ${note}` : note;
  }
  if (m === null) {
    if (known) out.knownReason = known.reason;
    return out;
  }
  const failing = lastFailing(m.attempts);
  if (failing && d.cls !== "passed" && d.cls !== "fixed" && d.cls !== "added") {
    out.message = failing.message;
    if (failing.firstLines.length > 0) out.firstLines = failing.firstLines;
  }
  const single = m.attempts.length === 1 ? m.attempts[0] : undefined;
  // A single passing attempt says nothing the class does not; keep big reports lean.
  if (single?.status !== "passed") {
    out.attempts = m.attempts.map((a) => ({ status: a.status, durationMs: a.durationMs, source: attemptSource(a) }));
  }
  if (known) out.knownReason = known.reason;
  return out;
}

function lastFailing(attempts: readonly TestAttempt[]): TestAttempt | undefined {
  for (let i = attempts.length - 1; i >= 0; i -= 1) {
    const a = attempts[i]!;
    if (a.status === "failed" || a.status === "error") return a;
  }
  return undefined;
}
