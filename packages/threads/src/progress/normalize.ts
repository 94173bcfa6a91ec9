/**
 * Bringing a state into shape: unknown values dropped, texts and lists capped (the state is
 * embedded in the comment, and what is read back from a comment is untrusted).
 */
import type { ProgressState, ProgressStatus } from "./state.js";

const STATUSES = new Set<ProgressStatus>(["queued", "running", "done", "failed", "cancelled"]);
const TEST_STATUSES = new Set(["pass", "fail", "skip", "error"]);

/** Size caps: the state is embedded in the comment and must leave room for the visible text. */
export const PROGRESS_CAPS = {
  steps: 100,
  stepText: 200,
  tests: 50,
  testName: 100,
  testDetail: 200,
  blockers: 20,
  blockerText: 300,
  nextAction: 500,
  title: 200,
  recap: 8000,
  earlierRecaps: 5,
  earlierRecap: 2000,
} as const;

export const clip = (text: string, max: number): string =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;

export function normalize(s: ProgressState): ProgressState {
  const C = PROGRESS_CAPS;
  const status = STATUSES.has(s.status) ? s.status : "queued";
  const steps = Array.isArray(s.steps)
    ? s.steps
        .filter((x) => x && typeof x.text === "string" && x.text.trim() !== "")
        .map((x) => ({ text: clip(x.text.trim(), C.stepText), done: Boolean(x.done) }))
        .slice(0, C.steps)
    : [];
  const active =
    typeof s.activeStep === "number" &&
    Number.isInteger(s.activeStep) &&
    s.activeStep >= 0 &&
    s.activeStep < steps.length
      ? s.activeStep
      : null;
  const testsRun = Array.isArray(s.testsRun)
    ? s.testsRun
        .filter((t) => t && typeof t.name === "string" && TEST_STATUSES.has(t.status))
        .map((t) => ({
          name: clip(t.name, C.testName),
          status: t.status,
          detail: typeof t.detail === "string" && t.detail !== "" ? clip(t.detail, C.testDetail) : null,
        }))
        .slice(0, C.tests)
    : [];
  const blockers = Array.isArray(s.blockers)
    ? s.blockers
        .filter((x): x is string => typeof x === "string" && x.trim() !== "")
        .map((b) => clip(b, C.blockerText))
        .slice(0, C.blockers)
    : [];
  const text = (v: unknown, max: number): string | null =>
    typeof v === "string" && v.trim() !== "" ? clip(v, max) : null;
  return {
    version: 1,
    status,
    title: text(s.title, C.title),
    steps,
    activeStep: active,
    testsRun,
    blockers,
    nextAction: text(s.nextAction, C.nextAction),
    recap: text(s.recap, C.recap),
    earlierRecaps: Array.isArray(s.earlierRecaps)
      ? s.earlierRecaps
          .filter((r): r is string => typeof r === "string" && r.trim() !== "")
          .map((r) => clip(r, C.earlierRecap))
          .slice(-C.earlierRecaps)
      : [],
    runUrl: typeof s.runUrl === "string" && /^https?:\/\/\S+$/.test(s.runUrl) ? s.runUrl.slice(0, 500) : null,
    updatedAt: text(s.updatedAt, 40),
  };
}
