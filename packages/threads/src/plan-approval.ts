/**
 * The planning turn's end (progress-comment's `plan` mode): the agent's plan is posted as the
 * thread's plan comment, and the progress comment's checklist is seeded from its Task Breakdown,
 * waiting for a person to approve it (`execute plan`). codexrel writes the plan marker itself and
 * the agent's text is sanitized, so a marker inside the plan is shown, never promoted.
 */
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import { parsePlan } from "./progress.js";
import {
  type MarkedCommentsPort,
  renderPlanComment,
  type UpdateProgressResult,
  updateProgressComment,
} from "./progress-comment.js";

export const PLAN_NEXT_ACTION = "Plan posted: reply `execute plan` to implement it (or comment to change it).";

export interface PostPlanOptions {
  /** The agent's plan (markdown); empty is PROGRESS_INPUT_INVALID. */
  plan: string;
  title?: string | null | undefined;
  /** How the progress comment names the thread: `issue #3`, `PR #5`. */
  threadLabel: string;
  secrets: string[];
  now: Date;
}

export interface PostedPlan {
  /** The plan comment as written. */
  body: string;
  comment: { action: "created" | "updated" | "unchanged"; id: number; url: string };
  progress: UpdateProgressResult;
}

export async function postPlanForApproval(comments: MarkedCommentsPort, options: PostPlanOptions): Promise<PostedPlan> {
  if (!options.plan.trim()) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      "plan mode needs a non-empty plan-file",
      "Pass the agent's last message as plan-file.",
    );
  }
  const body = renderPlanComment(options.plan, options.secrets);
  const comment = await comments.upsert({ kind: "plan" }, body);
  const steps = parsePlan(options.plan);
  const progress = await updateProgressComment(comments, {
    mode: "wait",
    update: {
      steps,
      ...(options.title ? { title: options.title } : {}),
      nextAction: PLAN_NEXT_ACTION,
      recap: `Planning: a plan with ${steps.length} step(s) was posted for approval.`,
    },
    threadLabel: options.threadLabel,
    secrets: options.secrets,
    now: options.now,
  });
  return { body, comment, progress };
}
