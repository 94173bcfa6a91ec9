/**
 * Building reports: an empty skeleton that validates, counts for the regressions section, and
 * `finalizeReport` which derives the decision and validates before anything reads the report.
 */
import { decide } from "./decision.js";
import type { RegressionClass, RegressionCounts, Regressions, RunReport } from "./generated/run-report.js";
import { redactDeep } from "./redact.js";
import { assertValidReport } from "./schemas.js";

export const REGRESSION_CLASSES: readonly RegressionClass[] = [
  "new",
  "known",
  "flaky",
  "fixed",
  "added",
  "removed",
  "skipped",
  "passed",
  "unknown-baseline",
];

/** A new regression blocks, and so does a failure whose baseline is unknown (policy can relax it). */
export const DEFAULT_BLOCKING_CLASSES: readonly RegressionClass[] = ["new", "unknown-baseline"];

export interface CreateReportOptions {
  tool: { name?: string; version: string };
  stage?: RunReport["meta"]["stage"];
  title?: string;
  startedAt?: Date;
  /** Which commit the run judged, and who/what started it (the edges fill it from env, flags or git). */
  commit?: CommitIdentity;
}

/** The commit identity recorded in `meta`: every field optional, null when unknown. */
export interface CommitIdentity {
  repository?: string | null;
  ref?: string | null;
  sha?: string | null;
  runUrl?: string | null;
  event?: string | null;
  actor?: string | null;
}

/**
 * The commit identity of a GitHub Actions run from its default environment variables (pure: the
 * edge passes the environment). Outside Actions (no GITHUB_ACTIONS=true) it returns nothing.
 */
export function commitIdentityFromActionsEnv(env: Record<string, string | undefined>): CommitIdentity {
  if (env.GITHUB_ACTIONS !== "true") return {};
  const repository =
    env.GITHUB_REPOSITORY && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(env.GITHUB_REPOSITORY)
      ? env.GITHUB_REPOSITORY
      : null;
  const server = env.GITHUB_SERVER_URL && /^https?:\/\//.test(env.GITHUB_SERVER_URL) ? env.GITHUB_SERVER_URL : null;
  return {
    repository,
    ref: env.GITHUB_REF || null,
    sha: normalizeSha(env.GITHUB_SHA),
    runUrl:
      server && repository && env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : null,
    event: env.GITHUB_EVENT_NAME || null,
    actor: env.GITHUB_ACTOR || null,
  };
}

/** A SHA as the schema takes it (7–64 lowercase hex), else null. */
export function normalizeSha(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v && /^[0-9a-f]{7,64}$/.test(v) ? v : null;
}

/** Later sources fill only what earlier ones left unknown (flags, then env, then the git checkout). */
export function mergeCommitIdentity(...sources: CommitIdentity[]): CommitIdentity {
  const out: CommitIdentity = {};
  for (const key of ["repository", "ref", "sha", "runUrl", "event", "actor"] as const) {
    for (const s of sources) {
      const v = s[key];
      if (v) {
        out[key] = v;
        break;
      }
    }
  }
  return out;
}

export function createReport(options: CreateReportOptions): RunReport {
  return {
    schemaVersion: "1",
    meta: {
      tool: { name: options.tool.name ?? "codexrel", version: options.tool.version },
      ...(options.title ? { title: options.title } : {}),
      stage: options.stage ?? "validation",
      startedAt: (options.startedAt ?? new Date()).toISOString(),
      ...commitMeta(options.commit),
    },
    preflight: [],
    commands: [],
    regressions: null,
    artifacts: [],
    publication: { status: "skipped", code: "NOT_ATTEMPTED", reason: "publication was not attempted" },
    // Never READY before the decision is derived (finalizeReport replaces this).
    decision: {
      ready: false,
      blockingReasons: [{ source: "evidence", code: "NOT_DECIDED", message: "the decision has not been derived yet" }],
      nextAction: "Finalize the report (finalizeReport) to derive the decision.",
    },
  };
}

function commitMeta(commit: CommitIdentity | undefined): Partial<RunReport["meta"]> {
  if (!commit) return {};
  const sha = normalizeSha(commit.sha);
  return {
    repository: commit.repository ?? null,
    ref: commit.ref ?? null,
    sha,
    runUrl: commit.runUrl ?? null,
    event: commit.event ?? null,
    actor: commit.actor ?? null,
  };
}

export function countRegressions(tests: Regressions["tests"]): RegressionCounts {
  const counts = Object.fromEntries(REGRESSION_CLASSES.map((c) => [c, 0])) as unknown as RegressionCounts;
  for (const t of tests) counts[t.class] += 1;
  return counts;
}

export interface FinalizeOptions {
  finishedAt?: Date;
  risks?: string[];
  changelog?: string | null;
  /** Exact secret values to strip from every string of the report. */
  secrets?: Iterable<string | undefined | null>;
}

/** Derives the decision, stamps the finish time, redacts, and validates (throws REPORT_INVALID). */
export function finalizeReport(report: RunReport, options: FinalizeOptions = {}): RunReport {
  const withDecision: RunReport = {
    ...report,
    meta: { ...report.meta, finishedAt: (options.finishedAt ?? new Date()).toISOString() },
    decision: decide(report, {
      ...(options.risks ? { risks: options.risks } : {}),
      ...(options.changelog !== undefined ? { changelog: options.changelog } : {}),
    }),
  };
  const redacted = redactDeep(withDecision, options.secrets ? { secrets: options.secrets } : {});
  return assertValidReport(redacted);
}
