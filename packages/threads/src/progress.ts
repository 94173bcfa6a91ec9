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
 *
 * The pieces live in `progress/`: the state and its updates (state.ts, normalize.ts), the markers,
 * the embedded state, plan and tests-run parsing (parse.ts), and rendering (render.ts).
 */
export { EMBEDDED_STATE_MAX, parseProgressState } from "./progress/embedded-state.js";
export { isProgressComment, progressMarkers } from "./progress/markers.js";
export { PROGRESS_CAPS } from "./progress/normalize.js";
export { parsePlan, parseTestLine } from "./progress/parse.js";
export { PROGRESS_COMMENT_LIMIT, type RenderProgressOptions, renderProgress } from "./progress/render.js";
export { sanitizeMarkdown } from "./progress/sanitize-markdown.js";
export {
  applyProgressUpdate,
  emptyProgress,
  type ProgressState,
  type ProgressStatus,
  type ProgressStep,
  type ProgressUpdate,
  type TestRun,
} from "./progress/state.js";
