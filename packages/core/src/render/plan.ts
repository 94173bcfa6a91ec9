/**
 * The execution plan comment the worker posts before touching code (seed 000's plan sections),
 * filled from a release intake. When required fields are missing, the comment names them and
 * asks for them instead of planning from guesses.
 */
import { codeSpan, escapeMarkdown } from "../escape.js";
import type { ReleaseIntake } from "../generated/release-intake.js";
import type { IntakeResult } from "../intake.js";

export const PLAN_SECTIONS = [
  "Objective",
  "Context & Constraints",
  "Task Breakdown",
  "Deliverables",
  "Validation & Observability",
  "Risks & Contingencies",
  "Communication & Handoff",
  "Ready Checklist",
] as const;

export interface PlanCommentOptions {
  /** The marker that makes the comment the thread's plan (threads' `planMarker`). */
  marker?: string;
  /** Where the changesets live, shown in the plan (default .changeset). */
  changesetsDir?: string;
}

export const DEFAULT_PLAN_MARKER = "<!-- codex:plan -->";

const CHANGELOG_TEXT: Record<ReleaseIntake["changelog"]["source"], string> = {
  changesets: "pending changesets",
  "conventional-commits": "conventional commits since the last release tag",
  file: "a changelog file",
};

function bullets(items: readonly string[], empty: string): string {
  return items.length ? items.map((i) => `- ${escapeMarkdown(i)}`).join("\n") : `- ${empty}`;
}

function planFor(intake: ReleaseIntake, options: PlanCommentOptions): string[] {
  const v = codeSpan(intake.targetVersion);
  const target = `${intake.target.kind} ${codeSpan(intake.target.name)}`;
  const changelog =
    intake.changelog.source === "file" && intake.changelog.file
      ? `${CHANGELOG_TEXT.file} (${codeSpan(intake.changelog.file)})`
      : CHANGELOG_TEXT[intake.changelog.source];
  const cujs = intake.requiredCujs.map((c) => codeSpan(c)).join(", ");
  const n = intake.fixBudget;
  return [
    "## Objective",
    `Release ${v} from the ${target}, with every required CUJ passing (${cujs}).`,
    "",
    "## Context & Constraints",
    `- Release target: ${target}${intake.target.kind === "tag" ? " (created on the validated commit)" : ""}.`,
    `- Changelog from ${changelog}.`,
    `- Fix budget: at most ${n} fix iteration(s); then the loop stops and hands over.`,
    "- Known blockers:",
    bullets(intake.knownBlockers, "none reported").replace(/^/gm, "  "),
    ...(intake.notes
      ? ["- Notes from the request:", `  > ${escapeMarkdown(intake.notes).replace(/\n/g, "\n  > ")}`]
      : []),
    "",
    "## Task Breakdown",
    `1. Check out the ${target} and run \`codexrel run\` with this intake as the policy (iteration 1).`,
    "2. Triage failures: new regressions versus known and flaky tests; the known blockers above first.",
    `3. Fix, one iteration at a time (\`--iteration 2\` … \`--iteration ${n}\`), recording each in the iteration ledger with a hypothesis and the residual risk.`,
    `4. Draft the release notes from ${changelog}.`,
    `5. Run the required CUJs (${cujs}) and publish their evidence (screenshots, video, assertion log).`,
    "",
    "## Deliverables",
    "- report.json, report.md and report.html with the decision and the iteration history.",
    "- The CUJ bundle and its gallery, with durable links in the report comment.",
    `- Release notes for ${v}${intake.changelog.source === "changesets" ? ` (from ${codeSpan(options.changesetsDir ?? ".changeset")})` : ""}.`,
    "",
    "## Validation & Observability",
    "- Required checks pass; the regression classifier shows no new regression.",
    `- Required CUJs pass: ${cujs}. A missing or failed one blocks unless the PR carries its exception label.`,
    "- Every iteration is in the ledger (commit, counts, fixed in this loop, newly failing, diff stat).",
    "",
    "## Risks & Contingencies",
    `- The budget (${n}) runs out with failures left: stop, report the blocking reasons, hand over.`,
    "- A flaky journey or test: re-run once; a pass on retry is reported as flaky, never as a pass.",
    "- A maintainer comments `@codex stop`: the loop ends after the current iteration.",
    "",
    "## Communication & Handoff",
    "- One report comment, updated in place after every iteration.",
    "- On stop (ready, budget reached or `@codex stop`): the decision, the blocking reasons and the next action.",
    "",
    "## Ready Checklist",
    "- [ ] Required checks pass",
    "- [ ] No new regressions",
    ...intake.requiredCujs.map((c) => `- [ ] CUJ ${codeSpan(c)} passes (or has a labelled exception)`),
    `- [ ] Release notes drafted for ${v}`,
    `- [ ] Within the fix budget (${n})`,
  ];
}

/** The plan comment (or, with problems, the request for the missing answers). */
export function renderPlanComment(result: IntakeResult, options: PlanCommentOptions = {}): string {
  const marker = options.marker ?? DEFAULT_PLAN_MARKER;
  const lines: string[] = [marker];
  if (!result.intake) {
    lines.push(
      "# Release plan: information needed",
      "",
      "The release request cannot be planned yet. Please edit the issue and fill in:",
      "",
      ...result.problems.map((p) => `- **${escapeMarkdown(p.label)}** ${escapeMarkdown(p.message)}`),
    );
  } else {
    lines.push(
      `# Release plan: ${escapeMarkdown(result.intake.targetVersion)}`,
      "",
      ...planFor(result.intake, options),
    );
  }
  if (result.warnings.length) {
    lines.push("", "<details><summary>Ignored in the request</summary>", "");
    lines.push(...result.warnings.map((w) => `- ${escapeMarkdown(w)}`), "", "</details>");
  }
  // How a person moves the thread on: approve the plan, or answer what is missing (the worker
  // posts the plan again when the issue is edited).
  lines.push(
    "",
    result.intake
      ? "Reply `execute plan` to implement it, or comment to change it."
      : "Edit the issue to answer these: the plan is posted again when the issue is edited.",
  );
  return `${lines.join("\n")}\n`;
}
