/** The progress comment's state, and how an update merges into it. */
import { ThreadsErrorCodes, threadsError } from "../errors.js";
import { normalize } from "./normalize.js";

export type ProgressStatus = "queued" | "running" | "done" | "failed" | "cancelled";

export interface ProgressStep {
  text: string;
  done: boolean;
}

export interface TestRun {
  name: string;
  status: "pass" | "fail" | "skip" | "error";
  detail?: string | null;
}

export interface ProgressState {
  version: 1;
  status: ProgressStatus;
  title: string | null;
  steps: ProgressStep[];
  /** Index into `steps` of the step being worked on. */
  activeStep: number | null;
  testsRun: TestRun[];
  blockers: string[];
  nextAction: string | null;
  /** Markdown written by the agent or the workflow: the final recap. */
  recap: string | null;
  /** Recaps of earlier turns, oldest first (seed 001: a new turn's recap never erases them). */
  earlierRecaps?: string[];
  runUrl: string | null;
  updatedAt: string | null;
}

/** A partial update; arrays replace, `null` clears, `undefined` keeps. */
export interface ProgressUpdate {
  status?: ProgressStatus;
  title?: string | null;
  /** Replaces the checklist (e.g. seeded from a plan). Steps already done stay done when their text matches. */
  steps?: ProgressStep[];
  /** Marks the step active (1-based number, or its exact text); earlier steps count as done. */
  activeStep?: number | string | null;
  /** Marks steps done by 1-based number or text. */
  completeSteps?: Array<number | string>;
  testsRun?: TestRun[];
  blockers?: string[];
  nextAction?: string | null;
  recap?: string | null;
  runUrl?: string | null;
}

export function emptyProgress(): ProgressState {
  return {
    version: 1,
    status: "queued",
    title: null,
    steps: [],
    activeStep: null,
    testsRun: [],
    blockers: [],
    nextAction: null,
    recap: null,
    runUrl: null,
    updatedAt: null,
  };
}

/** Applies an update to a state (pure). `now` stamps `updatedAt` only when something changed. */
export function applyProgressUpdate(prev: ProgressState, update: ProgressUpdate, now: Date): ProgressState {
  const next: ProgressState = structuredClone(prev);
  if (update.status !== undefined) next.status = update.status;
  if (update.title !== undefined) next.title = update.title;
  if (update.steps !== undefined) {
    const doneBefore = new Set(prev.steps.filter((s) => s.done).map((s) => s.text));
    next.steps = update.steps.map((s) => ({ text: s.text, done: s.done || doneBefore.has(s.text) }));
    next.activeStep = null;
  }
  if (update.activeStep !== undefined) {
    const idx = update.activeStep === null ? null : stepIndex(next.steps, update.activeStep);
    next.activeStep = idx;
    if (idx !== null) for (let i = 0; i < idx; i++) (next.steps[i] as ProgressStep).done = true;
  }
  for (const ref of update.completeSteps ?? []) {
    const idx = stepIndex(next.steps, ref);
    (next.steps[idx] as ProgressStep).done = true;
    if (next.activeStep === idx) next.activeStep = null;
  }
  if (update.testsRun !== undefined) next.testsRun = update.testsRun;
  if (update.blockers !== undefined) next.blockers = update.blockers;
  if (update.nextAction !== undefined) next.nextAction = update.nextAction;
  if (update.recap !== undefined) {
    // A new turn's recap moves the previous one to the earlier recaps instead of erasing it.
    if (prev.recap && update.recap && prev.recap.trim() !== update.recap.trim()) {
      next.earlierRecaps = [...(prev.earlierRecaps ?? []), prev.recap];
    }
    next.recap = update.recap;
  }
  if (update.runUrl !== undefined) next.runUrl = update.runUrl;
  if (next.status === "done") {
    // Seed 001: `done` checks every step; the final recap replaces the status block.
    next.activeStep = null;
    for (const step of next.steps) step.done = true;
  }
  const normalized = normalize(next);
  const changed = JSON.stringify({ ...normalized, updatedAt: null }) !== JSON.stringify({ ...prev, updatedAt: null });
  normalized.updatedAt = changed ? now.toISOString() : prev.updatedAt;
  return normalized;
}

function stepIndex(steps: ProgressStep[], ref: number | string): number {
  const idx = typeof ref === "number" ? ref - 1 : steps.findIndex((s) => s.text === ref);
  if (!Number.isInteger(idx) || idx < 0 || idx >= steps.length) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `step ${JSON.stringify(ref)} is not in the checklist (${steps.length} step(s))`,
      "Name a step by its 1-based number or exact text, or seed the checklist from the plan first.",
    );
  }
  return idx;
}
