/** Rendering the progress comment's body from its state, within GitHub's comment size limit. */
import { Budget, escapeMarkdownShort, redact } from "@codexrel/core";
import { ThreadsErrorCodes, threadsError } from "../errors.js";
import { EMBEDDED_STATE_MAX, embedState, STATE_PREFIX } from "./embedded-state.js";
import { progressMarkers } from "./markers.js";
import { sanitizeMarkdown } from "./sanitize-markdown.js";
import type { ProgressState, ProgressStatus, TestRun } from "./state.js";

export const PROGRESS_COMMENT_LIMIT = 65_536;

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
