/**
 * Inputs (files, directories, globs) to runs. A run merges every report file it was given. A test
 * id that appears more than once (in one report or across the run's files) is read the way the
 * reporter that wrote it means it (`repeats.ts`): a retry attempt (Gradle, gotestsum), a rerun
 * (pytest rerun plugins), or by default a separate test with a numbered id. `repeated` overrides
 * that: `"attempts"`, `"repetitions"` (e.g. `go test -count=3`: any failing repetition fails the
 * test and none makes it flaky) or `"separate"`.
 */
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { glob } from "tinyglobby";
import type { Dialect } from "./dialect.js";
import type { ParsedReport, SkippedFile, TestResult, TestRun } from "./model.js";
import { type ParseOptions, parseReportFile } from "./parse.js";
import { type MergeHow, type RepeatedOption, RepeatTracker } from "./repeats.js";

export interface ResolvedInputs {
  /** Absolute paths, deduplicated, each pattern's matches sorted. */
  files: string[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

const REPORT_GLOB = "**/*.{xml,json}";
const IGNORE = ["**/node_modules/**", "**/.git/**"];

/** Expands files, directories (their `*.xml` and `*.json`, recursively) and globs. */
export async function resolveInputs(patterns: readonly string[], cwd: string = process.cwd()): Promise<ResolvedInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const add = (paths: string[]) => {
    for (const p of paths.sort()) {
      if (seen.has(p)) continue;
      seen.add(p);
      files.push(p);
    }
  };
  for (const pattern of patterns) {
    const abs = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) {
      add([abs]);
      continue;
    }
    const found = info?.isDirectory()
      ? await glob(REPORT_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false })
      : await glob(pattern, { cwd, absolute: true, ignore: IGNORE, dot: false });
    const onlyFiles: string[] = [];
    for (const f of found) if ((await stat(f).catch(() => null))?.isFile()) onlyFiles.push(f);
    if (onlyFiles.length === 0) unmatched.push(pattern);
    add(onlyFiles);
  }
  return { files, unmatched };
}

export interface LoadRunOptions extends ParseOptions {
  /** Names the run in evidence and attempt sources (e.g. "base", "candidate", "attempt 2"). */
  label: string;
  cwd?: string;
  /** What a repeated testcase is: per dialect (`auto`, default), or the same for every report. */
  repeated?: RepeatedOption;
  /** A malformed file fails the load (default) or is skipped with a warning. */
  onMalformed?: "error" | "warn";
}

/** Resolves inputs, parses every file and merges them into one run. */
export async function loadRun(patterns: readonly string[], options: LoadRunOptions): Promise<TestRun> {
  return loadInto(patterns, options, new RunBuilder({ label: options.label, repeated: options.repeated ?? "auto" }));
}

/** `loadRun` into a given builder (a `BaselineBuilder` keeps less of each test than a run does). */
export async function loadInto(
  patterns: readonly string[],
  options: LoadRunOptions,
  run: RunBuilder,
): Promise<TestRun> {
  const cwd = options.cwd ?? process.cwd();
  const { files, unmatched } = await resolveInputs(patterns, cwd);
  const skipped: SkippedFile[] = [];
  for (const p of unmatched) run.warn(`${options.label}: ${JSON.stringify(p)} matched no file`);
  // A malformed file that is only warned about must add nothing, so its tests are held until it
  // parsed whole; otherwise a malformed file fails the whole load, and tests go straight into the run.
  const whole = options.onMalformed === "warn";
  const parseOptions: ParseOptions = whole
    ? options
    : { ...options, onDialect: (dialect) => run.beginReport(dialect), onCase: (test) => run.addTest(test) };
  for (const abs of files) {
    const name = displayPath(abs, cwd);
    try {
      const outcome = await parseReportFile(abs, parseOptions, name);
      if (outcome.kind === "report") run.addReport(outcome.report);
      else skipped.push(outcome.skipped);
    } catch (error) {
      if (whole && error instanceof CodexrelError && error.code !== ErrorCodes.INTERNAL) {
        run.warn(`${options.label}: ${error.code}: ${error.message}`);
        continue;
      }
      throw error;
    }
  }
  return run.finish(skipped);
}

export interface MergeOptions {
  label: string;
  repeated?: RepeatedOption;
  skipped?: SkippedFile[];
  warnings?: string[];
}

/** Merges parsed reports into a run; a repeated identity is read as `repeated` says (`repeats.ts`). */
export function mergeReports(reports: readonly ParsedReport[], options: MergeOptions): TestRun {
  const run = new RunBuilder(options);
  for (const report of reports) run.addReport(report);
  return run.finish(options.skipped ?? []);
}

/**
 * One run being assembled: tests arrive one by one (straight from the parser, or from parsed
 * reports); a repeated identity becomes another attempt of the first occurrence or a separate
 * test, as the report's dialect (or the `repeated` option) says.
 */
export class RunBuilder {
  private readonly tests = new Map<string, TestResult>();
  private readonly files: string[] = [];
  private readonly warnings: string[];
  private readonly repeats: RepeatTracker;
  private readonly seen = (id: string): boolean => this.has(id);

  constructor(private readonly options: MergeOptions) {
    this.warnings = [...(options.warnings ?? [])];
    this.repeats = new RepeatTracker(options.repeated ?? "auto");
  }

  /** The dialect of the report whose tests come next (see `repeats.ts`). */
  beginReport(dialect: Dialect | undefined): void {
    this.repeats.beginReport(dialect);
  }

  addTest(test: TestResult): void {
    const how = this.repeats.resolve(test, this.seen);
    if (how === null) this.keep(test);
    else this.merge(test, how);
  }

  /** Whether this run already has a test with this id. */
  protected has(id: string): boolean {
    return this.tests.has(id);
  }

  /** A test seen for the first time. */
  protected keep(test: TestResult): void {
    this.tests.set(test.id, test);
  }

  /** A repeat that is another attempt (or a rerun) of the test already kept under its id. */
  protected merge(test: TestResult, how: MergeHow): void {
    const first = this.tests.get(test.id)!;
    if (how === "reruns") {
      // It ran again, so it had failed: an earlier record that shows no failure is a failed rerun.
      const earlier = first.attempts;
      for (let k = 0; k < earlier.length; k += 1) {
        const a = earlier[k]!;
        if (a.status === "passed") earlier[k] = { ...a, status: "failed", origin: "rerun" };
      }
    }
    for (const a of test.attempts) first.attempts.push(a.origin === "result" ? { ...a, origin: "repeat" } : a);
    if (first.file === null && test.file !== null) first.file = test.file;
    if (first.line === null && test.line !== null) first.line = test.line;
  }

  /** A parsed report: its tests (unless the parser already handed them over), warnings and file. */
  addReport(report: ParsedReport): void {
    this.files.push(report.file);
    this.warnings.push(...report.warnings);
    if (report.caseCount === 0 && report.declaredTests && report.declaredTests > 0) {
      this.warnings.push(`${report.file}: declares ${report.declaredTests} test(s) but lists no testcase`);
    }
    if (report.cases.length > 0) this.beginReport(report.dialect);
    for (const test of report.cases) this.addTest(test);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  finish(skipped: SkippedFile[]): TestRun {
    const warnings = this.warnings;
    for (const s of skipped) warnings.push(`skipped ${s.file}: ${s.reason} (${s.code})`);
    warnings.push(...this.repeats.warnings(this.options.label));
    const repeated = this.options.repeated === "repetitions" ? "repetitions" : "attempts";
    return { label: this.options.label, tests: this.tests, files: this.files, skipped, warnings, repeated };
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}
