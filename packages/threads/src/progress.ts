/**
 * The progress comment: one comment per thread (and scope), anchored by a marker, that tracks the
 * agent's work — a checklist seeded from the plan, the active step, a status block (tests run,
 * blockers, next action) and a final recap. Its state is embedded in the comment itself, so each
 * update merges into what is there (no other storage), and an update that changes nothing renders
 * the same body (idempotent: callers skip the API call).
 *
 * Markers: the comment starts with `<!-- codex:progress -->` (the name the workflows and docs use)
 * followed by core's `<!-- codexrel:progress -->` (what `buildMarker` makes); either finds it. A
 * scope (`--scope review`) gives a workflow its own comment: `<!-- codex:progress:review -->`.
 */
import { Budget, buildMarker, escapeMarkdownShort, redact } from "@codexrel/core";
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import { linesOutsideCode } from "./text.js";

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

export const PROGRESS_COMMENT_LIMIT = 65_536;
const STATE_PREFIX = "<!-- codex:progress-state ";
const STATE_RE = /<!-- codex:progress-state ([A-Za-z0-9+/=]+) -->/;

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

/** The two markers of a progress comment for `scope` (none: the thread's main progress comment). */
export function progressMarkers(scope?: string | null): { codex: string; core: string } {
  if (scope != null && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(scope)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `progress scope ${JSON.stringify(scope)} is not allowed`,
      "Use 1-40 of a-z 0-9 - for a scope (e.g. review).",
    );
  }
  return scope
    ? { codex: `<!-- codex:progress:${scope} -->`, core: buildMarker("progress", scope) }
    : { codex: "<!-- codex:progress -->", core: buildMarker("progress") };
}

/** True when `body` is the progress comment for `scope` (either marker form). */
export function isProgressComment(body: string, scope?: string | null): boolean {
  const m = progressMarkers(scope);
  const lines = body.split("\n", 3).map((l) => l.trim());
  return lines.includes(m.codex) || lines.includes(m.core);
}

/** Reads the state embedded in an existing progress comment; null when there is none (or it is unreadable). */
export function parseProgressState(body: string): ProgressState | null {
  const m = STATE_RE.exec(body);
  if (!m) return null;
  try {
    const value = JSON.parse(Buffer.from(m[1] as string, "base64").toString("utf8")) as Partial<ProgressState>;
    if (value.version !== 1) return null;
    return normalize({ ...emptyProgress(), ...value } as ProgressState);
  } catch {
    return null;
  }
}

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

const clip = (text: string, max: number): string =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;

function normalize(s: ProgressState): ProgressState {
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

/**
 * Checklist steps from a plan: `- [ ]`/`- [x]` items (top level and nested, outside code fences);
 * when there is none, the numbered list items (`1. step`). The plan marker and headings are ignored.
 */
export function parsePlan(markdown: string): ProgressStep[] {
  const checks: ProgressStep[] = [];
  const numbered: ProgressStep[] = [];
  for (const line of taskBreakdown(linesOutsideCode(markdown))) {
    const c = /^[-*+]\s+\[( |x|X)\]\s+(.+)$/.exec(line);
    if (c) {
      checks.push({ text: cleanStep(c[2] as string), done: c[1] !== " " });
      continue;
    }
    const n = /^\d{1,3}[.)]\s+(.+)$/.exec(line);
    if (n) numbered.push({ text: cleanStep(n[1] as string), done: false });
  }
  return (checks.length > 0 ? checks : numbered).filter((s) => s.text !== "").slice(0, 200);
}

/**
 * The lines of the plan template's `Task Breakdown` section (seed 001: Objective, Context &
 * Constraints, Task Breakdown, Deliverables, ...), up to the next heading of the same or a higher
 * level; the whole plan when it has no such section.
 */
function taskBreakdown(lines: string[]): string[] {
  const start = lines.findIndex((l) => /^#{1,6}\s+(\d+[.)]\s*)?task breakdown\b/i.test(l));
  if (start < 0) return lines;
  const level = (lines[start] as string).length - (lines[start] as string).replace(/^#+/, "").length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const h = /^(#+)\s/.exec(line);
    if (h && (h[1] as string).length <= level) break;
    out.push(line);
  }
  return out;
}

/** One `name=pass|fail|skip|error[: detail]` line (the tests-run format of the CLI and the action). */
export function parseTestLine(text: string): TestRun {
  const m = /^(.+?)=(pass|fail|skip|error)(?::\s*(.*))?$/.exec(text.trim());
  if (!m) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `test ${JSON.stringify(text)} is not name=pass|fail|skip|error[: detail]`,
      "Write one test per line, e.g. `pnpm test=pass` or `e2e=fail: 2 failed`.",
    );
  }
  return { name: (m[1] as string).trim(), status: m[2] as TestRun["status"], detail: m[3]?.trim() || null };
}

function cleanStep(text: string): string {
  return text.trim().slice(0, 300);
}

export interface RenderProgressOptions {
  scope?: string | null;
  /** `Issue #12` / `PR #3`, shown in the heading. */
  threadLabel?: string;
  /** Free-form markdown appended below the status (body from a file or stdin). */
  body?: string | null;
  /** Known secret values to redact (tokens from the environment). */
  secrets?: string[];
  limit?: number;
}

const STATUS_LINE: Record<ProgressStatus, string> = {
  queued: "⏳ Queued",
  running: "🔄 Running",
  done: "✅ Done",
  failed: "❌ Failed",
  cancelled: "⚠️ Cancelled",
};

/** Renders the comment body: markers, heading, checklist, status, recap, free body, embedded state. */
export function renderProgress(state: ProgressState, options: RenderProgressOptions = {}): string {
  const limit = options.limit ?? PROGRESS_COMMENT_LIMIT;
  const secrets = options.secrets ?? [];
  const clean = (t: string, max: number) => escapeMarkdownShort(redact(t, { secrets }), max);
  const m = progressMarkers(options.scope);
  const stateLine = `${STATE_PREFIX}${embedState(state, secrets, Math.min(EMBEDDED_STATE_MAX, Math.floor(limit * 0.4)))} -->\n`;
  const footer = `\n<sub>${state.updatedAt ? `Updated ${state.updatedAt}` : "Not started"}${
    state.runUrl ? ` · [workflow run](${encodeURI(state.runUrl)})` : ""
  }</sub>\n`;
  const budget = new Budget(limit);
  const cut = "\n_… cut to fit GitHub's comment size limit; see the workflow run for the rest._\n";
  if (!budget.reserve(footer + stateLine + cut)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      "the progress state is too large for one comment",
      "Shorten the checklist, tests or recap.",
    );
  }
  let truncated = false;
  const push = (text: string) => {
    if (truncated) return;
    if (!budget.tryPush(text)) truncated = true;
  };
  const label = options.threadLabel ? ` · ${options.threadLabel.replace(/[^A-Za-z0-9 #/._-]/g, "").slice(0, 60)}` : "";
  const title = state.title ? ` — ${clean(state.title, 200)}` : "";
  push(`${m.codex}\n${m.core}\n### ${STATUS_LINE[state.status]}${label}${title}\n\n`);
  if (state.status === "cancelled") {
    push("> [!WARNING]\n> The run was cancelled before it finished. The state below is the last one recorded.\n\n");
  } else if (state.status === "failed") {
    push(
      "> [!CAUTION]\n> The run failed. The state below is the last one recorded; see the workflow run for the error.\n\n",
    );
  }
  const active = state.activeStep !== null ? state.steps[state.activeStep] : undefined;
  if (active) push(`**Active step:** ${state.activeStep! + 1}. ${clean(active.text, 300)}\n\n`);
  if (state.steps.length > 0) {
    const done = state.steps.filter((s) => s.done).length;
    push(`**Checklist** (${done}/${state.steps.length})\n\n`);
    state.steps.forEach((s, i) => {
      const text = clean(s.text, 300);
      push(`- [${s.done ? "x" : " "}] ${i === state.activeStep ? `**${text}** ← in progress` : text}\n`);
    });
    push("\n");
  }
  const status: string[] = [];
  if (state.testsRun.length > 0) {
    const parts = state.testsRun.map(
      (t) => `${TEST_ICON[t.status]} ${clean(t.name, 120)}${t.detail ? ` (${clean(t.detail, 200)})` : ""}`,
    );
    status.push(`- **Tests run:** ${parts.join(" · ")}`);
  } else if (state.status !== "queued") {
    status.push("- **Tests run:** none yet");
  }
  status.push(
    `- **Blockers:** ${state.blockers.length > 0 ? state.blockers.map((b) => clean(b, 300)).join("; ") : "none"}`,
  );
  if (state.nextAction) status.push(`- **Next action:** ${clean(state.nextAction, 500)}`);
  // Done with a recap: the recap replaces the status block (seed 001).
  if (!(state.status === "done" && state.recap)) push(`**Status**\n\n${status.join("\n")}\n\n`);
  if (state.recap) {
    push(`**Recap**\n\n${sanitizeMarkdown(redact(state.recap, { secrets }))}\n\n`);
  }
  const earlier = state.earlierRecaps ?? [];
  if (earlier.length > 0) {
    push(`<details><summary>Earlier turns (${earlier.length})</summary>\n\n`);
    earlier.forEach((r, i) => {
      push(`**Turn ${i + 1}**\n\n${sanitizeMarkdown(redact(r, { secrets }))}\n\n`);
    });
    push("</details>\n\n");
  }
  if (options.body?.trim()) {
    push(`${sanitizeMarkdown(redact(options.body, { secrets })).trim()}\n\n`);
  }
  budget.pushReservedExact(footer + stateLine + cut, `${truncated ? cut : ""}${footer}${stateLine}`);
  return budget.toString();
}

const TEST_ICON: Record<TestRun["status"], string> = { pass: "✅", fail: "❌", skip: "⏭️", error: "💥" };

/** Upper bound for the embedded state line, leaving most of the comment to the visible text. */
export const EMBEDDED_STATE_MAX = 24_000;

/**
 * The state as embedded: redacted like the visible text, and shrunk step by step (recap, test
 * details, long texts) until it fits `EMBEDDED_STATE_MAX` once encoded.
 */
function embedState(state: ProgressState, secrets: string[], max: number): string {
  let s = JSON.parse(redact(JSON.stringify(state), { secrets })) as ProgressState;
  const encode = (v: ProgressState) => Buffer.from(JSON.stringify(v)).toString("base64");
  const shrinks: Array<(v: ProgressState) => ProgressState> = [
    (v) => ({
      ...v,
      recap: v.recap ? clip(v.recap, 1000) : null,
      earlierRecaps: (v.earlierRecaps ?? []).map((r) => clip(r, 300)),
    }),
    (v) => ({ ...v, earlierRecaps: [] }),
    (v) => ({ ...v, testsRun: v.testsRun.map((t) => ({ ...t, detail: null })) }),
    (v) => ({ ...v, recap: null, blockers: v.blockers.map((b) => clip(b, 80)) }),
    (v) => ({ ...v, testsRun: v.testsRun.slice(0, 10).map((t) => ({ ...t, name: clip(t.name, 40) })) }),
    (v) => ({ ...v, steps: v.steps.map((x) => ({ ...x, text: clip(x.text, 60) })) }),
    (v) => ({ ...v, testsRun: [], blockers: [], steps: v.steps.map((x) => ({ ...x, text: clip(x.text, 30) })) }),
    (v) => ({
      ...v,
      steps: v.steps.slice(0, 40),
      activeStep: v.activeStep !== null && v.activeStep < 40 ? v.activeStep : null,
    }),
  ];
  let encoded = encode(s);
  for (const shrink of shrinks) {
    if (encoded.length <= max) break;
    s = shrink(s);
    encoded = encode(s);
  }
  return encoded;
}

/** Tags GitHub renders harmlessly; every other tag is shown as text. */
const SAFE_TAGS = new Set(["details", "summary", "br", "sub", "sup", "kbd", "b", "i", "em", "strong", "code", "pre"]);

/**
 * Markdown written by the agent keeps its formatting, but cannot forge a marker (HTML comments are
 * broken up), ping people (mentions get a zero-width joiner), or inject raw HTML tags.
 */
export function sanitizeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/<!--/g, "&lt;!--")
    .replace(/<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g, (all, slash: string, tag: string) =>
      SAFE_TAGS.has(tag.toLowerCase()) ? all : `&lt;${slash}${tag}`,
    )
    .replace(/(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9_-])/g, "$1@&#8203;");
}
