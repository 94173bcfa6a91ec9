/**
 * Inputs (files, directories, globs) to runs. A run merges every report file it was given: a test
 * that appears more than once (a retried testcase repeated in one report, or the same test in two
 * files) becomes one test with several attempts, in input order. With `repeated: "repetitions"`
 * the repeats are deliberate repetitions instead (e.g. `go test -count=3`): any failing repetition
 * fails the test and none makes it flaky.
 */
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { glob } from "tinyglobby";
import type { ParsedReport, SkippedFile, TestResult, TestRun } from "./model.js";
import { type ParseOptions, parseReportFile } from "./parse.js";

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
  /** Repeated testcases in this run: retries (default) or deliberate repetitions. */
  repeated?: "attempts" | "repetitions";
  /** A malformed file fails the load (default) or is skipped with a warning. */
  onMalformed?: "error" | "warn";
}

/** Resolves inputs, parses every file and merges them into one run. */
export async function loadRun(patterns: readonly string[], options: LoadRunOptions): Promise<TestRun> {
  const cwd = options.cwd ?? process.cwd();
  const { files, unmatched } = await resolveInputs(patterns, cwd);
  const reports: ParsedReport[] = [];
  const skipped: SkippedFile[] = [];
  const warnings = unmatched.map((p) => `${options.label}: ${JSON.stringify(p)} matched no file`);
  for (const abs of files) {
    const name = displayPath(abs, cwd);
    try {
      const outcome = await parseReportFile(abs, options, name);
      if (outcome.kind === "report") reports.push(outcome.report);
      else skipped.push(outcome.skipped);
    } catch (error) {
      if (options.onMalformed === "warn" && error instanceof CodexrelError && error.code !== ErrorCodes.INTERNAL) {
        warnings.push(`${options.label}: ${error.code}: ${error.message}`);
        continue;
      }
      throw error;
    }
  }
  return mergeReports(reports, { label: options.label, repeated: options.repeated ?? "attempts", skipped, warnings });
}

export interface MergeOptions {
  label: string;
  repeated?: "attempts" | "repetitions";
  skipped?: SkippedFile[];
  warnings?: string[];
}

/** Merges parsed reports into a run; a repeated identity adds attempts to the first occurrence. */
export function mergeReports(reports: readonly ParsedReport[], options: MergeOptions): TestRun {
  const tests = new Map<string, TestResult>();
  const warnings = [...(options.warnings ?? [])];
  const skipped = options.skipped ?? [];
  let repeats = 0;
  for (const report of reports) {
    warnings.push(...report.warnings);
    if (report.cases.length === 0 && report.declaredTests && report.declaredTests > 0) {
      warnings.push(`${report.file}: declares ${report.declaredTests} test(s) but lists no testcase`);
    }
    for (const test of report.cases) {
      const first = tests.get(test.id);
      if (!first) {
        tests.set(test.id, test);
        continue;
      }
      repeats += 1;
      for (const a of test.attempts) first.attempts.push(a.origin === "result" ? { ...a, origin: "repeat" } : a);
      if (first.file === null && test.file !== null) first.file = test.file;
      if (first.line === null && test.line !== null) first.line = test.line;
    }
  }
  for (const s of skipped) warnings.push(`skipped ${s.file}: ${s.reason} (${s.code})`);
  if (repeats > 0 && options.repeated !== "repetitions") {
    warnings.push(`${options.label}: ${repeats} repeated testcase(s) read as retry attempts`);
  }
  return {
    label: options.label,
    tests,
    files: reports.map((r) => r.file),
    skipped,
    warnings,
    repeated: options.repeated ?? "attempts",
  };
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel.split("\\").join("/");
}
