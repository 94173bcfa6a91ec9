/**
 * The fix-iteration loop around `codexrel run` (stage 3) and the run's policy from the release
 * intake (stage 0): the ledger file, the budget rule (an iteration beyond the budget is a usage
 * error unless a maintainer raised it), the maintainer's stop, and the per-iteration entry with
 * the commit and the diff stat since the previous iteration (from git). The ledger is written
 * only after the run's report files were.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  buildIterationEntry,
  type CodexrelConfig,
  CodexrelError,
  decide,
  type IterationEntry,
  type IterationHistory,
  type IterationLedger,
  iterationHistory,
  loopStopReason,
  type ReleaseIntake,
  type RunReport,
  validate,
} from "@codexrel/core";
import { requiredJourneysCheck, withoutEvidence } from "@codexrel/publisher";
import { parse as parseYaml } from "yaml";
import { readText, writeFilesAtomically } from "../io.js";

export const FixLoopErrorCodes = {
  ITERATION_OVER_BUDGET: "ITERATION_OVER_BUDGET",
  ITERATION_LOOP_STOPPED: "ITERATION_LOOP_STOPPED",
  ITERATION_OUT_OF_ORDER: "ITERATION_OUT_OF_ORDER",
  LEDGER_INVALID: "LEDGER_INVALID",
  INTAKE_INVALID: "INTAKE_INVALID",
} as const;

export const DEFAULT_LEDGER = join(".codexrel", "iterations.json");

export async function readLedger(path: string): Promise<IterationLedger> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return { schemaVersion: "1", iterations: [] };
    throw cause;
  }
  let value: IterationLedger;
  try {
    value = JSON.parse(text) as IterationLedger;
  } catch (cause) {
    throw ledgerInvalid(path, "is not JSON", cause);
  }
  if (value?.schemaVersion !== "1" || !Array.isArray(value.iterations)) {
    throw ledgerInvalid(path, 'needs schemaVersion "1" and an iterations list');
  }
  for (const [i, e] of value.iterations.entries()) {
    if (e?.n !== i + 1 || !Array.isArray(e.failingTests)) throw ledgerInvalid(path, `entry ${i + 1} is malformed`);
  }
  return value;
}

function ledgerInvalid(path: string, what: string, cause?: unknown): CodexrelError {
  return new CodexrelError(FixLoopErrorCodes.LEDGER_INVALID, `iteration ledger ${path} ${what}`, {
    hint: "Restore the ledger from the thread's state, or delete it to start the loop again at iteration 1.",
    ...(cause ? { cause } : {}),
  });
}

export async function writeLedger(path: string, ledger: IterationLedger): Promise<void> {
  await writeFilesAtomically([{ path, content: `${JSON.stringify(ledger, null, 2)}\n` }]);
}

export async function readIntake(path: string): Promise<ReleaseIntake> {
  const text = await readText(path, "release intake");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CodexrelError(FixLoopErrorCodes.INTAKE_INVALID, `${path} is not JSON`, {
      hint: "Pass the file written by `codexrel intake --out`.",
      cause,
    });
  }
  const checked = validate("release-intake", value);
  if (!checked.valid) {
    throw new CodexrelError(FixLoopErrorCodes.INTAKE_INVALID, `${path} is not a release intake`, {
      hint: "Re-create it with `codexrel intake --issue-body-file <body> --out <file>`.",
      details: { errors: checked.errors },
    });
  }
  return checked.value;
}

/** Hypothesis and residual risk from `--notes-file` (YAML or JSON: `hypothesis:`, `residualRisk:`). */
export async function readIterationNotes(path: string): Promise<{ hypothesis?: string; residualRisk?: string }> {
  const value = parseYaml(await readText(path, "iteration notes")) as Record<string, unknown> | null;
  const str = (k: string) => (typeof value?.[k] === "string" ? (value[k] as string).trim() : undefined);
  const hypothesis = str("hypothesis");
  const residualRisk = str("residualRisk") ?? str("residual_risk");
  return { ...(hypothesis ? { hypothesis } : {}), ...(residualRisk ? { residualRisk } : {}) };
}

export interface BudgetSources {
  ledger: IterationLedger;
  flag?: number;
  intake?: ReleaseIntake | null;
  config: CodexrelConfig;
}

export function resolveBudget(s: BudgetSources): IterationHistory["budget"] | null {
  if (s.ledger.budget) return { max: s.ledger.budget.max, source: "maintainer", raisedBy: s.ledger.budget.raisedBy };
  if (s.flag !== undefined) return { max: s.flag, source: "flag" };
  if (s.intake) return { max: s.intake.fixBudget, source: "intake" };
  if (s.config.iterations?.max) return { max: s.config.iterations.max, source: "config" };
  return null;
}

/** Refuses an iteration the loop does not allow (exit 2): beyond the budget, after a stop, or out of order. */
export function assertIterationAllowed(n: number, ledger: IterationLedger, budget: IterationHistory["budget"] | null) {
  if (ledger.stopped) {
    throw new CodexrelError(
      FixLoopErrorCodes.ITERATION_LOOP_STOPPED,
      `the fix loop was stopped by @${ledger.stopped.by}${ledger.stopped.reason ? ` (${ledger.stopped.reason})` : ""}; iteration ${n} does not run`,
      { hint: "A maintainer resumes it with `codexrel iterations resume`, or starts over by removing the ledger." },
    );
  }
  if (budget && n > budget.max) {
    throw new CodexrelError(
      FixLoopErrorCodes.ITERATION_OVER_BUDGET,
      `iteration ${n} is beyond the fix budget of ${budget.max} (from the ${budget.source})`,
      { hint: `Stop and hand over, or have a maintainer raise it: codexrel iterations raise --max ${n} --by <login>.` },
    );
  }
  const last = ledger.iterations.length;
  if (n > last + 1) {
    throw new CodexrelError(
      FixLoopErrorCodes.ITERATION_OUT_OF_ORDER,
      `iteration ${n} follows iteration ${last} in the ledger; the next is ${last + 1}`,
      { hint: `Pass --iteration ${last + 1} (or restore the ledger with the thread's state).` },
    );
  }
}

function git(cwd: string, args: string[]): string | null {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function headCommit(dir: string, env: Record<string, string | undefined>): string | null {
  const sha = (git(dir, ["rev-parse", "HEAD"]) ?? env.GITHUB_SHA ?? "").toLowerCase();
  return /^[0-9a-f]{40}$/.test(sha) ? sha : null;
}

/** `git diff --shortstat <previous>` against the working tree (committed or not, the iteration's change). */
export function diffStatSince(dir: string, previous: string | null): IterationEntry["diffStat"] {
  if (!previous) return null;
  const out = git(dir, ["diff", "--shortstat", previous, "--"]);
  if (out === null) return null;
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  return {
    files: num(/(\d+) files? changed/),
    insertions: num(/(\d+) insertions?\(\+\)/),
    deletions: num(/(\d+) deletions?\(-\)/),
  };
}

export interface FixLoopStep {
  n: number;
  ledger: IterationLedger;
  budget: IterationHistory["budget"] | null;
  projectDir: string;
  env: Record<string, string | undefined>;
  hypothesis?: string;
  residualRisk?: string;
  explicitStopReason?: string | null;
  now: () => Date;
}

/** Adds this iteration to the ledger (replacing entries from n on) and the history to the report. */
export function applyIteration(report: RunReport, step: FixLoopStep): { report: RunReport; ledger: IterationLedger } {
  const previousEntries = step.ledger.iterations.slice(0, step.n - 1);
  const previous = previousEntries.at(-1);
  const ready = decide(report).ready;
  const stopReason = loopStopReason({
    ready,
    n: step.n,
    max: step.budget?.max ?? null,
    explicit: step.explicitStopReason ?? null,
  });
  const commit = headCommit(step.projectDir, step.env);
  const entry = buildIterationEntry({
    n: step.n,
    commit,
    at: step.now(),
    report: { ...report, decision: { ...report.decision, ready } },
    ...(previous ? { previous } : {}),
    diffStat: diffStatSince(step.projectDir, previous?.commit ?? null),
    hypothesis: step.hypothesis ?? null,
    residualRisk: step.residualRisk ?? null,
    stopReason,
  });
  const ledger: IterationLedger = { ...step.ledger, iterations: [...previousEntries, entry] };
  const budget = step.budget ?? { max: Math.max(step.n, 1), source: "flag" as const };
  return {
    ledger,
    report: {
      ...report,
      meta: { ...report.meta, iteration: { n: step.n, max: budget.max, stopReason } },
      iterations: iterationHistory(ledger, budget),
    },
  };
}

export interface CujGateOptions {
  config: CodexrelConfig;
  projectDir: string;
  intake?: ReleaseIntake | null;
  labels: string[];
}

/**
 * The required-CUJ gate: a `cuj-required` check from the bundle's summary (when the bundle
 * loaded), and the plain `cuj-journeys` check no longer blocks by itself: the gate decides.
 */
export async function applyCujGate(report: RunReport, o: CujGateOptions): Promise<RunReport> {
  const publish = o.config.publish;
  if (!publish || publish.blockOnFailedJourney === false) return report;
  const bundleOk = report.preflight.some((c) => c.id === "cuj-bundle" && c.code !== "CUJ_BUNDLE_NOT_FOUND");
  let summary = null;
  if (bundleOk) {
    try {
      const value = JSON.parse(await readFile(resolve(o.projectDir, publish.bundle, "summary.json"), "utf8"));
      const checked = validate("cuj-summary", value);
      summary = checked.valid ? checked.value : null;
    } catch {
      summary = null;
    }
  }
  const required = o.intake?.requiredCujs ?? publish.required ?? null;
  if (!summary && !required) return report;
  const journeys = report.preflight.find((c) => c.id === "cuj-journeys");
  const gate = requiredJourneysCheck({
    summary,
    required: required ? [...required] : null,
    ...(o.intake ? { requiredFrom: "release intake" } : publish.required ? { requiredFrom: "config" } : {}),
    exceptions: publish.exceptions ?? [],
    labels: o.labels,
  });
  const check = journeys && journeys.evidence === false ? withoutEvidence(gate, journeys.code ?? "cuj-journeys") : gate;
  return {
    ...report,
    preflight: [...report.preflight.map((c) => (c.id === "cuj-journeys" ? { ...c, blocking: false } : c)), check],
  };
}
