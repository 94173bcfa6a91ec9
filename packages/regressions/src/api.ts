/**
 * The one-call entry used by the CLI and the action: paths in, the regressions section out.
 */
import { CodexrelError } from "@codexrel/core";
import { BaselineBuilder } from "./baseline.js";
import { type Classification, type Clock, classify, type Policy } from "./classify.js";
import { RegressionErrorCodes } from "./errors.js";
import { type KnownFailingList, loadKnownFailing } from "./known-failing.js";
import type { TestRun } from "./model.js";
import type { ParseOptions } from "./parse.js";
import type { RepeatedOption } from "./repeats.js";
import { loadInto, loadRun, resolveInputs } from "./runs.js";

export interface ClassifyReportsOptions {
  /** Base report files, directories or globs. Empty: no baseline. A pattern matching nothing: REGRESSIONS_INPUT_MISSING. */
  base?: readonly string[] | null;
  /** The caller chose to have no baseline (`baseline: none`): recorded as `baseline.declaredNone`. */
  baselineNone?: boolean;
  /**
   * What a given pattern that matches no file is: "error" (default, REGRESSIONS_INPUT_MISSING: a
   * mistyped path must never pass as "no baseline") or "warn" (a cache that may be empty).
   */
  missingInputs?: "error" | "warn";
  /** Candidate report files, directories or globs (one run). */
  candidate: readonly string[];
  /** Further candidate attempts (e.g. a re-run of the failed jobs), in order; each one run. */
  candidateAttempts?: readonly (readonly string[])[];
  /** Earlier runs of the same candidate, oldest first; each one run. */
  history?: readonly (readonly string[])[];
  /** A known-failing (quarantine) YAML or JSON file. */
  knownFailing?: string | KnownFailingList;
  policy?: Policy;
  cwd?: string;
  parse?: ParseOptions;
  /** What a repeated testcase is: per dialect (`auto`, default) or the same for every report (see `repeats.ts`). */
  repeated?: RepeatedOption;
  onMalformed?: "error" | "warn";
  baselineSource?: string;
  clock?: Clock;
  /** List passed tests in the section (default true); false only counts them (see `classify`). */
  includePassed?: boolean;
}

export interface ClassifyReportsResult extends Classification {
  /**
   * The base as read: its files, skipped files and warnings, and whole records only of the tests
   * the candidate no longer has (the rest were reduced to their outcome while streaming).
   */
  base: TestRun | null;
  candidate: TestRun[];
}

export async function classifyReports(options: ClassifyReportsOptions): Promise<ClassifyReportsResult> {
  const common = {
    ...options.parse,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.repeated ? { repeated: options.repeated } : {}),
    ...(options.onMalformed ? { onMalformed: options.onMalformed } : {}),
  };
  if (options.missingInputs !== "warn") await assertInputsPresent(options);
  const candidate: TestRun[] = [await loadRun(options.candidate, { ...common, label: "candidate" })];
  for (const [i, patterns] of (options.candidateAttempts ?? []).entries()) {
    candidate.push(await loadRun(patterns, { ...common, label: `candidate attempt ${i + 2}` }));
  }
  if (candidate.every((run) => run.tests.size === 0 && run.files.length === 0)) {
    throw new CodexrelError(
      RegressionErrorCodes.REGRESSIONS_NO_CANDIDATE,
      `no candidate test report found in ${options.candidate.map((p) => JSON.stringify(p)).join(", ")}`,
      {
        hint: "Point --candidate at the JUnit XML or CTRF JSON files your test step writes (files, directories or globs).",
        details: { patterns: [...options.candidate], skipped: candidate.flatMap((r) => r.skipped) },
      },
    );
  }
  const basePatterns = options.base ?? [];
  // The base is read after the candidate, so each base test is compared as it streams past
  // instead of being kept: only the tests the candidate dropped stay whole.
  const only = candidate.length === 1 ? candidate[0]!.tests : null;
  const candidateTest = (id: string) => {
    if (only) return only.get(id);
    for (const run of candidate) {
      const test = run.tests.get(id);
      if (test) return test;
    }
    return undefined;
  };
  // One candidate run: its tests in its order, so the base (listed mostly in the same order) is
  // matched by a compare with the next one instead of a map lookup per test (see BaselineBuilder).
  const order = only && basePatterns.length > 0 ? Array.from(only.values()) : null;
  const builder = new BaselineBuilder("base", candidateTest, options.repeated ?? "auto", [], only !== null, order);
  const base = basePatterns.length > 0 ? await loadInto(basePatterns, { ...common, label: "base" }, builder) : null;
  const baseline = base ? builder.toBaseline(base) : undefined;
  const history: TestRun[] = [];
  for (const [i, patterns] of (options.history ?? []).entries()) {
    history.push(await loadRun(patterns, { ...common, label: `history ${i + 1}` }));
  }
  const knownFailing =
    typeof options.knownFailing === "string" ? await loadKnownFailing(options.knownFailing) : options.knownFailing;
  let baselineNote: string | undefined;
  if (!base) baselineNote = "no base results were given, so failures cannot be told new from known";
  else if (!baseline?.available)
    baselineNote =
      base.files.length === 0
        ? `no base report found in ${basePatterns.map((p) => JSON.stringify(p)).join(", ")}, so failures cannot be told new from known`
        : "the base reports hold no test, so failures cannot be told new from known";
  const result = classify({
    base: null,
    ...(baseline ? { baseline } : {}),
    candidate,
    history,
    ...(knownFailing ? { knownFailing } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.baselineSource ? { baselineSource: options.baselineSource } : {}),
    ...(baselineNote ? { baselineNote } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.includePassed !== undefined ? { includePassed: options.includePassed } : {}),
  });
  if (options.baselineNone && !result.section.baseline.available) result.section.baseline.declaredNone = true;
  return { ...result, base, candidate };
}

/** Every configured pattern (base, candidate, attempts, history) must match at least one file. */
async function assertInputsPresent(options: ClassifyReportsOptions): Promise<void> {
  const groups: [string, readonly string[]][] = [
    ["candidate", options.candidate],
    ...(options.candidateAttempts ?? []).map((p, i): [string, readonly string[]] => [`candidate attempt ${i + 2}`, p]),
    ["base", options.base ?? []],
    ...(options.history ?? []).map((p, i): [string, readonly string[]] => [`history ${i + 1}`, p]),
  ];
  const missing: string[] = [];
  for (const [label, patterns] of groups) {
    if (patterns.length === 0) continue;
    const { unmatched } = await resolveInputs(patterns, options.cwd);
    for (const p of unmatched) missing.push(`${label} ${JSON.stringify(p)}`);
  }
  if (missing.length > 0) {
    throw new CodexrelError(
      RegressionErrorCodes.REGRESSIONS_INPUT_MISSING,
      `configured test report path(s) match no file: ${missing.join(", ")}`,
      {
        hint: "Fix the path (a typo such as junit.xmll?), or remove it; for no base on purpose use `baseline: none` (--no-base).",
        details: { missing },
      },
    );
  }
}
