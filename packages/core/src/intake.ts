/**
 * Stage 0, the release intake: parses the issue body GitHub renders from the issue form
 * `.github/ISSUE_TEMPLATE/codex-release.yml` into a schema-valid ReleaseIntake.
 *
 * GitHub renders each non-markdown form element as `### <label>`, a blank line and the answer;
 * an empty answer is `_No response_`; a dropdown is its chosen option(s) joined by ", ";
 * checkboxes are `- [X] label` lines. Sections are found by label (the form's ids appear only in
 * prefill URLs). A missing or empty required field is named, never guessed; sections this form
 * does not have are reported as warnings and ignored.
 */
import type { ReleaseIntake } from "./generated/release-intake.js";
import { validate } from "./schemas.js";

export type IntakeField =
  | "targetVersion"
  | "targetKind"
  | "targetRef"
  | "changelogSource"
  | "changelogFile"
  | "knownBlockers"
  | "requiredCujs"
  | "fixBudget"
  | "notes";

/** The form's labels, by field (a test keeps these equal to the form file's). */
export const INTAKE_LABELS: Readonly<Record<IntakeField, string>> = {
  targetVersion: "Target version",
  targetKind: "Release target kind",
  targetRef: "Release branch or tag",
  changelogSource: "Changelog source",
  changelogFile: "Changelog file",
  knownBlockers: "Known blockers",
  requiredCujs: "Required CUJs",
  fixBudget: "Fix budget",
  notes: "Notes",
};

export const INTAKE_REQUIRED: readonly IntakeField[] = [
  "targetVersion",
  "targetKind",
  "targetRef",
  "changelogSource",
  "requiredCujs",
  "fixBudget",
];

/** The dropdowns' options, as the form shows them and GitHub renders them. */
export const INTAKE_OPTIONS = {
  targetKind: { "Release branch": "branch", Tag: "tag" },
  changelogSource: {
    Changesets: "changesets",
    "Conventional commits": "conventional-commits",
    "A changelog file": "file",
  },
} as const;

export const INTAKE_FIX_BUDGET_MAX = 20;

/** GitHub's rendering of an empty answer. */
export const NO_RESPONSE = "_No response_";

export interface IntakeProblem {
  field: IntakeField | null;
  label: string;
  message: string;
}

export interface IntakeResult {
  /** The intake when every required field is present and valid; null otherwise. */
  intake: ReleaseIntake | null;
  /** Required fields that are missing or empty, and answers that cannot be read. */
  problems: IntakeProblem[];
  /** Sections the form does not have, repeated sections, and other things ignored. */
  warnings: string[];
}

/** The `### <label>` sections of a rendered issue-form body, in order; values trimmed. */
export function parseIssueFormSections(body: string): { label: string; value: string }[] {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const sections: { label: string; value: string[] }[] = [];
  let inFence: string | null = null;
  for (const line of lines) {
    const fence = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence && (inFence === null || fence.startsWith(inFence))) {
      inFence = inFence === null ? fence : null;
    }
    const heading = inFence === null && !fence ? /^###[ \t]+(.+?)[ \t#]*$/.exec(line) : null;
    if (heading) {
      sections.push({ label: heading[1] as string, value: [] });
      continue;
    }
    sections.at(-1)?.value.push(line);
  }
  return sections.map((s) => {
    const value = s.value.join("\n").trim();
    return { label: s.label.trim(), value: value === NO_RESPONSE ? "" : value };
  });
}

/** Lines of a list answer: bullets and checkboxes stripped, empty lines and "none" dropped. */
function listItems(value: string): string[] {
  const items = value
    .split("\n")
    .map((l) =>
      l
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, "")
        .replace(/^`(.*)`$/, "$1")
        .trim(),
    )
    .filter((l) => l !== "" && !/^```/.test(l));
  if (items.length === 1 && /^(?:none|n\/a|-)$/i.test(items[0] as string)) return [];
  return items;
}

function option<T extends Record<string, string>>(choices: T, value: string): T[keyof T] | undefined {
  const key = Object.keys(choices).find((k) => k.toLowerCase() === value.trim().toLowerCase());
  return key === undefined ? undefined : (choices[key] as T[keyof T]);
}

/** Parses a rendered body into an intake; every problem is named, nothing is guessed. */
export function parseIntake(body: string): IntakeResult {
  const problems: IntakeProblem[] = [];
  const warnings: string[] = [];
  const byLabel = new Map<string, IntakeField>(
    Object.entries(INTAKE_LABELS).map(([field, label]) => [label.toLowerCase(), field as IntakeField]),
  );
  const values = new Map<IntakeField, string>();
  for (const section of parseIssueFormSections(body)) {
    const field = byLabel.get(section.label.toLowerCase());
    if (!field) {
      warnings.push(`section "${section.label}" is not a field of the release form; ignored`);
      continue;
    }
    if (values.has(field)) {
      warnings.push(`section "${section.label}" appears more than once; the first is used`);
      continue;
    }
    values.set(field, section.value);
  }
  const problem = (field: IntakeField, message: string) =>
    problems.push({ field, label: INTAKE_LABELS[field], message });
  for (const field of INTAKE_REQUIRED) {
    if (!values.get(field)) {
      problem(field, values.has(field) ? "is required but was left empty" : "is required but the section is missing");
    }
  }

  const get = (field: IntakeField) => values.get(field) ?? "";
  const version = get("targetVersion").replace(/^v(?=\d)/, "");
  const kind = get("targetKind") ? option(INTAKE_OPTIONS.targetKind, get("targetKind")) : undefined;
  if (get("targetKind") && !kind) {
    problem("targetKind", `"${get("targetKind")}" is not one of ${Object.keys(INTAKE_OPTIONS.targetKind).join(", ")}`);
  }
  const source = get("changelogSource") ? option(INTAKE_OPTIONS.changelogSource, get("changelogSource")) : undefined;
  if (get("changelogSource") && !source) {
    problem(
      "changelogSource",
      `"${get("changelogSource")}" is not one of ${Object.keys(INTAKE_OPTIONS.changelogSource).join(", ")}`,
    );
  }
  const changelogFile = get("changelogFile").replace(/^`(.*)`$/, "$1");
  if (source === "file" && !changelogFile)
    problem("changelogFile", 'is required when the source is "A changelog file"');
  const budgetText = get("fixBudget");
  const budget = /^\d+$/.test(budgetText) ? Number(budgetText) : Number.NaN;
  if (budgetText && !(Number.isInteger(budget) && budget >= 1 && budget <= INTAKE_FIX_BUDGET_MAX)) {
    problem("fixBudget", `"${budgetText}" is not a whole number from 1 to ${INTAKE_FIX_BUDGET_MAX}`);
  }
  const cujs = listItems(get("requiredCujs"));
  for (const id of cujs) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problem("requiredCujs", `"${id}" is not a journey id (lowercase letters, digits and dashes, as in summary.json)`);
    }
  }
  if (get("requiredCujs") && cujs.length === 0) problem("requiredCujs", "names no journey");
  const duplicates = cujs.filter((id, i) => cujs.indexOf(id) !== i);
  if (duplicates.length) warnings.push(`required CUJ(s) listed twice: ${[...new Set(duplicates)].join(", ")}`);

  if (problems.length > 0) return { intake: null, problems, warnings };
  const candidate: ReleaseIntake = {
    schemaVersion: "1",
    targetVersion: version,
    target: { kind: kind as "branch" | "tag", name: get("targetRef").replace(/^`(.*)`$/, "$1") },
    changelog: {
      source: source as ReleaseIntake["changelog"]["source"],
      ...(source === "file" ? { file: changelogFile } : {}),
    },
    knownBlockers: listItems(get("knownBlockers")),
    requiredCujs: [...new Set(cujs)] as ReleaseIntake["requiredCujs"],
    fixBudget: budget,
    ...(get("notes") ? { notes: get("notes") } : {}),
  };
  const checked = validate("release-intake", candidate);
  if (!checked.valid) {
    const fieldOf: Record<string, IntakeField> = {
      "/targetVersion": "targetVersion",
      "/target/name": "targetRef",
      "/changelog/file": "changelogFile",
    };
    for (const e of checked.errors) {
      const field = fieldOf[e.pointer] ?? null;
      problems.push({
        field,
        label: field ? INTAKE_LABELS[field] : e.pointer,
        message:
          field === "targetVersion" ? `"${get("targetVersion")}" is not a semantic version (e.g. 1.4.0)` : e.message,
      });
    }
    return { intake: null, problems, warnings };
  }
  return { intake: checked.value, problems, warnings };
}
