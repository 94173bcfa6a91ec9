/**
 * Stage 0 on a thread: a release request (an issue from the `codex-release` form) becomes the
 * thread's plan comment before the agent touches code. The plan is the intake's (core's
 * `parseIntake` + `renderPlanComment`, the same as `codexrel intake`), never the agent's guess:
 * with required answers missing, the plan comment names them and the agent does not run.
 *
 * The action edge (actions/progress-comment `mode: release-plan`) calls this; the CLI's
 * `codexrel intake` renders the same comment without posting it.
 */
import {
  buildMarker,
  type IntakeProblem,
  type IntakeResult,
  parseIntake,
  type ReleaseIntake,
  redact,
  renderPlanComment as renderIntakePlan,
} from "@codexrel/core";
import { parsePlan } from "./progress.js";
import {
  type MarkedCommentsPort,
  PLAN_MARKER,
  type UpdateProgressResult,
  updateProgressComment,
} from "./progress-comment.js";

export interface ReleasePlanOptions {
  /** The issue body as GitHub rendered it from the form (untrusted). */
  body: string;
  /** The title, shown as the progress comment's heading. */
  title?: string | null;
  threadLabel?: string;
  secrets?: string[];
  /** Where the changesets live (shown in the plan). */
  changesetsDir?: string;
  now: Date;
}

export interface ReleasePlanResult {
  /** True when every required answer is there: the plan is posted and the agent may review it. */
  complete: boolean;
  intake: ReleaseIntake | null;
  problems: IntakeProblem[];
  warnings: string[];
  /** The plan comment's body as posted. */
  plan: string;
  comment: { action: "created" | "updated" | "unchanged"; id: number; url: string };
  progress: UpdateProgressResult;
}

/**
 * The release plan comment: both plan markers written by codexrel (the routing's `codex:plan`
 * and core's marker that finds the comment to update), then the intake's plan as `codexrel
 * intake` prints it, redacted.
 */
export function renderReleasePlanComment(
  result: IntakeResult,
  options: { secrets?: string[]; changesetsDir?: string } = {},
): string {
  const plan = renderIntakePlan(result, {
    marker: `${PLAN_MARKER}\n${buildMarker("plan")}`,
    ...(options.changesetsDir ? { changesetsDir: options.changesetsDir } : {}),
  });
  return redact(plan, { secrets: options.secrets ?? [] });
}

/**
 * Posts (or updates in place) the release plan comment and seeds the progress comment's
 * checklist from its Task Breakdown; the thread then waits for a person either way.
 */
export async function postReleasePlan(
  port: MarkedCommentsPort,
  options: ReleasePlanOptions,
): Promise<ReleasePlanResult> {
  const result = parseIntake(options.body);
  const secrets = options.secrets ?? [];
  const plan = renderReleasePlanComment(result, {
    secrets,
    ...(options.changesetsDir ? { changesetsDir: options.changesetsDir } : {}),
  });
  const comment = await port.upsert({ kind: "plan" }, plan);
  const missing = result.problems.map((p) => `${p.label}: ${p.message}`);
  const progress = await updateProgressComment(port, {
    mode: "wait",
    update: {
      ...(result.intake ? { steps: parsePlan(plan) } : {}),
      ...(options.title ? { title: options.title } : {}),
      blockers: result.intake ? [] : missing.map((m) => `RELEASE_INTAKE_INCOMPLETE: ${m}`),
      nextAction: result.intake
        ? "Release plan posted from the request: reply `execute plan` to implement it (or comment to change it)."
        : `Waiting for the release request's missing answers (${result.problems.map((p) => p.label).join(", ")}): edit the issue.`,
      recap: result.intake
        ? `Planning: the release plan for ${result.intake.targetVersion} was posted from the request.`
        : "Planning: the release request is incomplete; the agent did not run.",
    },
    ...(options.threadLabel ? { threadLabel: options.threadLabel } : {}),
    secrets,
    now: options.now,
  });
  return {
    complete: result.intake !== null,
    intake: result.intake,
    problems: result.problems,
    warnings: result.warnings,
    plan,
    comment,
    progress,
  };
}

/**
 * The planning turn's prompt for a release thread: the routed prompt, then the posted plan as the
 * plan to keep. The agent checks it against the repository; it does not write another plan and
 * does not change files in this turn (its session then carries the plan into `execute plan`).
 */
export function releasePlanPrompt(prompt: string, plan: string): string {
  return [
    prompt.trimEnd(),
    "",
    "## Release plan (posted on the thread from the release request; this is the plan)",
    "",
    "The plan below was derived from the issue's release form and is already posted. Do not write",
    "another plan and do not change files in this turn. Check it against the repository and reply",
    "with what a maintainer should know before approving it: blockers you can see, required",
    "journeys that do not exist yet, and anything the request leaves ambiguous.",
    "",
    "````markdown",
    plan.replaceAll("````", "` ` ` `").trimEnd(),
    "````",
    "",
  ].join("\n");
}
