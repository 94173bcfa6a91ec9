/**
 * `@codexrel/testkit/actions`: the action harness (runs an action.yml as a runner does) and the
 * workflow runner (jobs, reusable workflows, concurrency, git, cancels). These load GitHub's
 * workflow parser; a test that only needs the fake GitHub imports `@codexrel/testkit/github`.
 */
export * from "./action-harness/index.js";
export * from "./workflow-runner/index.js";
