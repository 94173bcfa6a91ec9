/**
 * What every GraphQL resolver of the fake shares: the call context (state, caller, violation
 * sink), GitHub's typed error, and the plain-object shape resolvers return.
 */
import type { Auth } from "./access.js";
import type { FakeGitHubState } from "./state.js";

/** An error GitHub reports with a top-level `type` (NOT_FOUND, FORBIDDEN, ...). */
export class GitHubGraphQLError extends Error {
  readonly extensions: Record<string, unknown> | undefined;
  constructor(
    readonly type: string,
    message: string,
    extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.extensions = extensions;
  }
}

export interface GraphQLCallContext {
  state: FakeGitHubState;
  auth: Auth;
  /** Records a contract violation or a gap of the fake. */
  violation(kind: "graphql-pagination" | "unimplemented", detail: string): void;
}

export type Obj = Record<string, unknown>;

export function viewerLogin(ctx: GraphQLCallContext): string | undefined {
  return ctx.auth.kind === "token" ? ctx.auth.user.login : undefined;
}

export function notFound(message: string): GitHubGraphQLError {
  return new GitHubGraphQLError("NOT_FOUND", message);
}
