/**
 * The release gate on journeys (seed 000's open decision, settled): every required CUJ must be in
 * the bundle and pass, unless it is on the labelled exception list — listed in codexrel.yml
 * (`publish.exceptions`) AND the pull request carries that entry's label. An exception is shown,
 * never silent: the check says which journey was excepted, by which label, and why.
 * Required CUJs come from the release intake, else `publish.required`, else every journey of
 * the bundle.
 */
import type { CujSummary, PreflightCheck } from "@codexrel/core";

export interface JourneyException {
  journey: string;
  /** The PR label that activates this exception (default `codexrel:cuj-exception`). */
  label?: string;
  reason: string;
}

export const DEFAULT_EXCEPTION_LABEL = "codexrel:cuj-exception";

export interface RequiredJourneysInput {
  summary: CujSummary | null;
  /** Required journey ids; null: every journey of the bundle. */
  required: string[] | null;
  /** Where the list came from, for the message (intake, config). */
  requiredFrom?: string;
  exceptions?: JourneyException[];
  /** Labels on the pull request. */
  labels?: string[];
}

export interface RequiredJourneysDetails {
  required: string[];
  passed: string[];
  failed: string[];
  missing: string[];
  excepted: { journey: string; label: string; reason: string; status: "fail" | "missing" | "skip" }[];
  /** Exceptions listed in config whose label is not on the PR (not in force). */
  inactiveExceptions: string[];
}

export const REQUIRED_CUJ_CODES = {
  CUJ_REQUIRED_PASSED: "CUJ_REQUIRED_PASSED",
  CUJ_REQUIRED_MISSING: "CUJ_REQUIRED_MISSING",
  CUJ_REQUIRED_FAILED: "CUJ_REQUIRED_FAILED",
  CUJ_REQUIRED_EXCEPTED: "CUJ_REQUIRED_EXCEPTED",
  CUJ_REQUIRED_NOT_EVIDENCE: "CUJ_REQUIRED_NOT_EVIDENCE",
} as const;

/**
 * A required-CUJ pass read from a bundle that is not evidence for the judged commit (recorded at
 * another commit, or this run's commit is unknown) is a warning, never a pass: the journeys may
 * have passed on other code.
 */
export function withoutEvidence(check: PreflightCheck, why: string): PreflightCheck {
  if (check.status !== "pass") return check;
  return {
    ...check,
    status: "warn",
    code: REQUIRED_CUJ_CODES.CUJ_REQUIRED_NOT_EVIDENCE,
    reason: `${check.reason}, but not evidence for this commit (${why})`,
  };
}

export function requiredJourneysCheck(input: RequiredJourneysInput): PreflightCheck {
  const journeys = new Map((input.summary?.journeys ?? []).map((j) => [j.id, j]));
  const required = input.required ?? [...journeys.keys()];
  const labels = new Set(input.labels ?? []);
  const exceptionFor = new Map<string, JourneyException>();
  for (const e of input.exceptions ?? []) exceptionFor.set(e.journey, e);
  const d: RequiredJourneysDetails = {
    required,
    passed: [],
    failed: [],
    missing: [],
    excepted: [],
    inactiveExceptions: [],
  };
  for (const id of required) {
    const j = journeys.get(id);
    const status = j ? j.status : "missing";
    if (status === "pass") {
      d.passed.push(id);
      continue;
    }
    const exception = exceptionFor.get(id);
    const label = exception?.label ?? DEFAULT_EXCEPTION_LABEL;
    if (exception && labels.has(label)) {
      d.excepted.push({ journey: id, label, reason: exception.reason, status });
      continue;
    }
    if (exception) d.inactiveExceptions.push(id);
    (status === "missing" ? d.missing : d.failed).push(id);
  }
  const from = input.requiredFrom ? ` (required by the ${input.requiredFrom})` : "";
  const exceptedText = d.excepted.map(
    (e) =>
      `${e.journey} ${e.status === "missing" ? "missing" : e.status === "skip" ? "skipped" : "failed"} but excepted by label ${e.label}: ${e.reason}`,
  );
  const inactive = d.inactiveExceptions.length
    ? `; exception(s) for ${d.inactiveExceptions.join(", ")} not in force (the PR lacks the label)`
    : "";
  if (d.missing.length || d.failed.length) {
    const parts = [
      d.missing.length ? `missing from the bundle: ${d.missing.join(", ")}` : "",
      d.failed.length ? `failed: ${d.failed.join(", ")}` : "",
    ].filter(Boolean);
    return {
      id: "cuj-required",
      status: "fail",
      code: d.missing.length ? REQUIRED_CUJ_CODES.CUJ_REQUIRED_MISSING : REQUIRED_CUJ_CODES.CUJ_REQUIRED_FAILED,
      reason: `required CUJ(s)${from} ${parts.join("; ")}${inactive}${exceptedText.length ? `; ${exceptedText.join("; ")}` : ""}`,
      hint: "Fix the journey, record it in the bundle, or (with a reason in publish.exceptions) add the exception label to the PR.",
      blocking: true,
      details: { ...d },
    };
  }
  if (d.excepted.length) {
    return {
      id: "cuj-required",
      status: "warn",
      code: REQUIRED_CUJ_CODES.CUJ_REQUIRED_EXCEPTED,
      reason: `required CUJ(s)${from}: ${d.passed.length} passed; ${exceptedText.join("; ")}`,
      blocking: false,
      details: { ...d },
    };
  }
  return {
    id: "cuj-required",
    status: "pass",
    code: REQUIRED_CUJ_CODES.CUJ_REQUIRED_PASSED,
    reason: `all ${required.length} required CUJ(s)${from} passed: ${required.join(", ")}${inactive}`,
    blocking: false,
    details: { ...d },
  };
}
