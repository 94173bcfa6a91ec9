/**
 * Runs the configured checks in order and turns each into a `CommandResult` of the run report.
 *
 * Status rules (the seed: "blocking vs non-blocking, warning + fallback used"):
 * - exit 0 => pass;
 * - failed, fallback succeeded => warn ("fallback used"), never pass;
 * - failed and not blocking => warn;
 * - failed, blocking, no fallback or fallback failed => fail (the decision becomes "not ready");
 * - a missing command or working directory => fail with a clear reason, not a crash;
 * - after a blocking failure later checks still run unless `stopOnBlockingFailure`.
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { type Check, type CommandResult, parseDurationMs, redact } from "@codexrel/core";
import { type CommandOutcome, runCommand } from "./run-command.js";

export interface RunChecksOptions {
  /** Directory that relative `workingDirectory` values resolve against (the config's folder). */
  cwd: string;
  /** Base environment for every check (the edge passes process.env; tests pass their own). */
  env: Record<string, string | undefined>;
  shell?: string;
  stopOnBlockingFailure?: boolean;
  tailLines?: number;
  /** Default timeout when a check has none. */
  defaultTimeoutMs?: number;
  /** Redacts every string that goes into the report. Defaults to core's redaction with `secrets`. */
  redact?: (text: string) => string;
  /** Exact secret values (the tokens in use, `--secret-env` values): output is stream-redacted with them. */
  secrets?: readonly string[];
  /** Progress events, e.g. to print a line as each check starts and ends. */
  onEvent?: (event: CheckEvent) => void;
}

export type CheckEvent =
  | { type: "start"; check: Check; index: number; total: number }
  | { type: "fallback"; check: Check; index: number }
  | { type: "end"; check: Check; index: number; result: CommandResult }
  | { type: "output"; check: Check; chunk: string };

export const DEFAULT_CHECK_TIMEOUT_MS = 30 * 60 * 1000;

export async function runChecks(checks: readonly Check[], options: RunChecksOptions): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  const scrub = options.redact ?? ((t: string) => redact(t, { secrets: options.secrets ?? [] }));
  let blocked = false;
  for (const [index, check] of checks.entries()) {
    const blocking = check.blocking ?? true;
    if (blocked) {
      const skipped: CommandResult = {
        name: check.name,
        command: scrub(check.run),
        status: "skip",
        blocking,
        exitCode: null,
        durationMs: 0,
        reason: "skipped after an earlier blocking failure (stopOnBlockingFailure)",
        outputTail: [],
        firstFailingLines: [],
      };
      results.push(skipped);
      options.onEvent?.({ type: "end", check, index, result: skipped });
      continue;
    }
    options.onEvent?.({ type: "start", check, index, total: checks.length });
    const result = await runOneCheck(check, options, scrub, index);
    results.push(result);
    options.onEvent?.({ type: "end", check, index, result });
    if (result.status === "fail" && result.blocking && options.stopOnBlockingFailure) blocked = true;
  }
  return results;
}

async function runOneCheck(
  check: Check,
  options: RunChecksOptions,
  scrub: (t: string) => string,
  index: number,
): Promise<CommandResult> {
  const blocking = check.blocking ?? true;
  const cwd = check.workingDirectory
    ? isAbsolute(check.workingDirectory)
      ? check.workingDirectory
      : resolve(options.cwd, check.workingDirectory)
    : options.cwd;
  const base = { name: check.name, command: scrub(check.run), blocking };

  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    return {
      ...base,
      status: "fail",
      exitCode: null,
      durationMs: 0,
      code: "CHECK_CWD_MISSING",
      reason: `working directory does not exist: ${scrub(check.workingDirectory ?? cwd)}`,
      outputTail: [],
      firstFailingLines: [],
    };
  }

  const timeoutMs = check.timeout !== undefined ? parseDurationMs(check.timeout) : options.defaultTimeoutMs;
  const env = { ...options.env, ...(check.env ?? {}) };
  const run = (command: string) =>
    runCommand(command, {
      cwd,
      env,
      ...(options.shell ? { shell: options.shell } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(options.tailLines ? { tailLines: options.tailLines } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
      onOutput: (chunk) => options.onEvent?.({ type: "output", check, chunk }),
    });

  const primary = await run(check.run);
  const primaryFailure = describeFailure(primary, timeoutMs);
  const common = {
    ...base,
    exitCode: primary.exitCode,
    signal: primary.signal,
    timedOut: primary.timedOut,
    ...(primary.leftoverProcesses ? { leftoverProcesses: true } : {}),
    durationMs: primary.durationMs,
    outputTail: primary.outputTail.map(scrub),
    firstFailingLines: primary.firstFailingLines.map(scrub),
  };
  if (!primaryFailure) {
    if (primary.leftoverProcesses) {
      return {
        ...common,
        status: "warn",
        code: "CHECK_LEFTOVER_PROCESSES",
        reason: "passed, but left processes running after it ended; its process group was killed",
      };
    }
    return { ...common, status: "pass" };
  }

  if (check.fallback) {
    options.onEvent?.({ type: "fallback", check, index });
    const fb = await run(check.fallback);
    const fbFailure = describeFailure(fb, timeoutMs);
    const fallback = {
      command: scrub(check.fallback),
      status: fbFailure ? ("fail" as const) : ("pass" as const),
      exitCode: fb.exitCode,
      durationMs: fb.durationMs,
      outputTail: fb.outputTail.map(scrub),
    };
    if (!fbFailure) {
      return {
        ...common,
        status: "warn",
        code: "FALLBACK_USED",
        reason: scrub(`fallback used: ${primaryFailure.reason}; fallback passed`),
        fallback,
      };
    }
    return {
      ...common,
      status: blocking ? "fail" : "warn",
      code: blocking ? primaryFailure.code : "NON_BLOCKING_FAILURE",
      reason: scrub(`${primaryFailure.reason}; fallback also failed: ${fbFailure.reason}`),
      fallback,
    };
  }

  return {
    ...common,
    status: blocking ? "fail" : "warn",
    code: blocking ? primaryFailure.code : "NON_BLOCKING_FAILURE",
    reason: scrub(blocking ? primaryFailure.reason : `non-blocking: ${primaryFailure.reason}`),
    fallback: null,
  };
}

interface Failure {
  code: string;
  reason: string;
}

function describeFailure(outcome: CommandOutcome, timeoutMs: number | undefined): Failure | null {
  if (outcome.spawnError) {
    return {
      code: "CHECK_SPAWN_FAILED",
      reason: `could not start the shell: ${outcome.spawnError.code ?? outcome.spawnError.message}`,
    };
  }
  if (outcome.timedOut) {
    return {
      code: "CHECK_TIMEOUT",
      reason: `timed out after ${Math.round((timeoutMs ?? 0) / 100) / 10}s; process group killed`,
    };
  }
  if (outcome.exitCode === 0) return null;
  if (outcome.exitCode === 127) {
    const missing = findMissingCommand(outcome.outputTail);
    return { code: "CHECK_COMMAND_NOT_FOUND", reason: `command not found${missing ? `: ${missing}` : ""} (exit 127)` };
  }
  if (outcome.exitCode === 126) return { code: "CHECK_NOT_EXECUTABLE", reason: "command is not executable (exit 126)" };
  if (outcome.exitCode === null) return { code: "CHECK_KILLED", reason: `killed by ${outcome.signal ?? "a signal"}` };
  return { code: "CHECK_FAILED", reason: `exit code ${outcome.exitCode}` };
}

/** Pulls the missing command's name out of `sh: 1: foo: not found` / `bash: foo: command not found`. */
function findMissingCommand(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /(?:^|:\s)([^\s:]+): (?:command )?not found\s*$/.exec(line);
    if (m?.[1]) return m[1];
  }
  return null;
}
