/**
 * Faults a test injects into the fake GitHub: what a fault is, which requests it matches, and the
 * answer GitHub gives in that case (its status, error body and rate-limit headers).
 */
import type { ServerResponse } from "node:http";
import { drop, reply } from "./replies.js";
import type { LoggedRequest } from "./request-log.js";
import { errorBody } from "./rest-objects.js";

export type FaultSpec =
  /** Any status with GitHub's error body (e.g. 404, 422, 500). */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** 401 Bad credentials. */
  | { kind: "unauthorized" }
  /** 403 with `x-accepted-github-permissions` (default `issues=write`). */
  | { kind: "forbidden"; accepted?: string; message?: string }
  | { kind: "not-found" }
  /** Secondary rate limit: 403 (default) or 429 with `retry-after` seconds. */
  | { kind: "secondary-rate-limit"; status?: 403 | 429; retryAfter?: number }
  /** Primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset `resetInSeconds` ahead. */
  | { kind: "rate-limit"; resetInSeconds?: number }
  | { kind: "server-error"; status?: 500 | 502 | 503 | 504 }
  /** Answer normally, but only after `delayMs`. */
  | { kind: "slow"; delayMs: number }
  /**
   * Close the connection without an answer. `before`: the request has no effect; `after`: it is
   * applied (a comment IS created) and then the response is lost.
   */
  | { kind: "drop"; when?: "before" | "after" };

export interface FaultMatch {
  /** `METHOD /template` as in GitHub's description, e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route?: string;
  /** A GraphQL root field (e.g. `addComment`, `repository`) or operation name. */
  graphql?: string;
  /** Any request (REST or GraphQL). */
  any?: true;
}

export interface FaultOptions {
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
}

export interface FaultRule {
  match: FaultMatch;
  fault: FaultSpec;
  remaining: number;
}

/**
 * Applies a fault. Returns "answered" when the fault produced the response, "drop-after" when
 * the request must run and then lose its response, and "continue" otherwise.
 */
export async function applyFault(
  res: ServerResponse,
  entry: LoggedRequest,
  fault: FaultSpec | undefined,
  timers: Set<NodeJS.Timeout>,
): Promise<"answered" | "continue" | "drop-after"> {
  if (!fault) return "continue";
  entry.fault = fault.kind;
  switch (fault.kind) {
    case "slow":
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, fault.delayMs);
        timers.add(t);
      });
      return res.destroyed ? "answered" : "continue";
    case "drop":
      if (fault.when === "after") return "drop-after";
      drop(res, entry);
      return "answered";
    case "status":
      reply(res, entry, {
        status: fault.status,
        body: errorBody(fault.message ?? defaultMessage(fault.status), fault.status),
        ...(fault.headers ? { headers: fault.headers } : {}),
      });
      return "answered";
    case "unauthorized":
      reply(res, entry, { status: 401, body: errorBody("Bad credentials", 401) });
      return "answered";
    case "forbidden":
      reply(res, entry, {
        status: 403,
        body: errorBody(fault.message ?? "Resource not accessible by integration", 403),
        headers: { "x-accepted-github-permissions": fault.accepted ?? "issues=write" },
      });
      return "answered";
    case "not-found":
      reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
      return "answered";
    case "secondary-rate-limit": {
      const status = fault.status ?? 403;
      reply(res, entry, {
        status,
        body: errorBody(
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.",
          status,
        ),
        headers: { "retry-after": String(fault.retryAfter ?? 60) },
      });
      return "answered";
    }
    case "rate-limit": {
      const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 3600);
      reply(res, entry, {
        status: 403,
        body: errorBody("API rate limit exceeded for user ID 1.", 403),
        headers: {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": "5000",
          "x-ratelimit-reset": String(reset),
        },
      });
      return "answered";
    }
    case "server-error": {
      const status = fault.status ?? 502;
      reply(res, entry, { status, body: errorBody(defaultMessage(status), status) });
      return "answered";
    }
  }
}

export function matches(match: FaultMatch, route: string | undefined, graphql: LoggedRequest["graphql"]): boolean {
  if (match.any) return true;
  if (match.route !== undefined) return route === match.route;
  if (match.graphql !== undefined) {
    return (
      graphql !== undefined && (graphql.rootFields.includes(match.graphql) || graphql.operationName === match.graphql)
    );
  }
  return false;
}

function defaultMessage(status: number): string {
  if (status === 404) return "Not Found";
  if (status === 401) return "Bad credentials";
  if (status === 422) return "Validation Failed";
  if (status === 502) return "Server Error";
  if (status === 503) return "Service Unavailable";
  if (status >= 500) return "Internal Server Error";
  return "Error";
}
