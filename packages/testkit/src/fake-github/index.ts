export type { Auth, Denial, WriteNeed } from "./access.js";
export { canRead, canWrite, effectiveRole, sameLogin } from "./access.js";
export type { RecordedEvent } from "./events.js";
export { authorizePush, GIT_RECEIVE_PATH, type PushAnswer, type PushRequest } from "./git-receive.js";
export { GitHubGraphQLError, loadGitHubSchema } from "./graphql.js";
export { checkFieldPermission, GRAPHQL_FIELD_ROUTES } from "./graphql-permissions.js";
export { loadGitHubContract, OpenApiContract, type RouteMatch, type ValidationProblem } from "./openapi.js";
export {
  checkRoutePermission,
  type PermissionDenial,
  permissionTable,
  type RouteRequirement,
} from "./permission-table.js";
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
