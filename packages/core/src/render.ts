/**
 * `@codexrel/core/render`: the renderers (PR comment, job summary, HTML report, release plan) and
 * the escaping and link checks they build on, without the config, intake and decision modules.
 * Everything here is also exported from the package root.
 */
export { codeBlock, codeSpan, escapeHtml, escapeMarkdown, escapeMarkdownShort, neutralizeBidi } from "./escape.js";
export { Budget, type Measure, measureBytes, measureChars } from "./render/budget.js";
export { CLASS_ORDER } from "./render/format.js";
export { type HtmlOptions, renderHtml } from "./render/html.js";
export { renderIterationsHtml, renderIterationsMarkdown } from "./render/iterations.js";
export {
  COMMENT_LIMIT,
  type MarkdownOptions,
  renderComment,
  renderJobSummary,
  SUMMARY_LIMIT,
} from "./render/markdown.js";
export { DEFAULT_PLAN_MARKER, PLAN_SECTIONS, type PlanCommentOptions, renderPlanComment } from "./render/plan.js";
export { DEFAULT_IMAGE_HOSTS, isBundleRelative, safeImage, safeLink } from "./urls.js";
