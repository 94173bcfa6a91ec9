export type { Auth, Denial } from "./access.js";
export { sameLogin } from "./access.js";
export { GitHubGraphQLError, loadGitHubSchema } from "./graphql.js";
export { loadGitHubContract, OpenApiContract, type RouteMatch, type ValidationProblem } from "./openapi.js";
export { deny, notFound, type RestContext, type RestHandler, type RestResult } from "./rest.js";
export { restIssue } from "./rest-issues.js";
export { errorBody, restComment, restUser } from "./rest-objects.js";
export {
  FakeGitHub,
  type FakeGitHubOptions,
  type FaultMatch,
  type FaultOptions,
  type FaultSpec,
  type LoggedRequest,
  startFakeGitHub,
  type Violation,
  type ViolationKind,
} from "./server.js";
export * from "./state.js";
export { type TestHooks, useFakeGitHub } from "./vitest.js";
