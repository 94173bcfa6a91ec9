/** What the fake GitHub records of each request, and the contract violations it found. */
import type { Auth } from "./access.js";
import type { FaultSpec } from "./faults.js";

export type ViolationKind =
  | "unknown-route"
  | "method-not-allowed"
  | "invalid-request"
  | "invalid-json"
  | "graphql-invalid"
  | "graphql-pagination"
  | "unimplemented"
  | "fake-response";

export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  detail: string;
}

export interface LoggedRequest {
  method: string;
  /** Path with query, as received. */
  url: string;
  /** `METHOD /template` for REST routes found in GitHub's description. */
  route?: string;
  operationId?: string;
  graphql?: { operationName: string | undefined; rootFields: string[]; mutation: boolean; variables: unknown };
  status: number | "dropped";
  fault?: FaultSpec["kind"];
  /** Token kind and login, never the token itself. */
  auth: "anonymous" | "invalid" | `${string}:${string}`;
  body?: unknown;
}

export function describeAuth(auth: Auth): LoggedRequest["auth"] {
  if (auth.kind !== "token") return auth.kind;
  return `${auth.token.kind}:${auth.user.login}`;
}
