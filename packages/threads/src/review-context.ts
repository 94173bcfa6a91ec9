/**
 * Review context for a pull request: unresolved review threads, and failing or pending check runs
 * and status contexts on the head commit, read with GraphQL and rendered into a prompt section.
 * The same data decides ready-to-merge (checks pass, no unresolved thread).
 *
 * The pieces live in `review-context/`: the GraphQL documents (queries.ts), reading them
 * (gather.ts), readiness (readiness.ts) and the prompt section (render.ts).
 */
export {
  type CheckInfo,
  type CheckState,
  type GatherOptions,
  type GraphQLPort,
  gatherReviewContext,
  type ReviewComment,
  type ReviewContext,
  type ReviewThreadInfo,
} from "./review-context/gather.js";
export { HEAD_CHECKS_QUERY, MARK_READY_MUTATION, REVIEW_THREADS_QUERY } from "./review-context/queries.js";
export { evaluateReadiness, type Readiness, type ReadinessOptions } from "./review-context/readiness.js";
export { type RenderContextOptions, renderReviewContext } from "./review-context/render.js";
