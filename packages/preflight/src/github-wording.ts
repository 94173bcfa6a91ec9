/**
 * How preflight words what GitHub said: a GitHub error as a check, and a token kind in prose.
 * Shared by the token, thread and can-comment checks.
 */
import type { PreflightCheck } from "@codexrel/core";
import { githubDetails, type TokenKind } from "@codexrel/github";
import { check } from "./check.js";
import type { CheckId } from "./types.js";

/** A GitHub error as a check: unreachable/rate-limited are warnings (undecided), the rest fail. */
export function checkFromGitHubError(id: CheckId, error: unknown, what: string): PreflightCheck {
  const code = (error as { code?: string }).code ?? "GITHUB_ERROR";
  const message = error instanceof Error ? error.message : String(error);
  const hint = (error as { hint?: string }).hint;
  const d = githubDetails(error);
  const details = d ? { status: d.status, ...(d.githubMessage ? { githubMessage: d.githubMessage } : {}) } : undefined;
  if (code === "GITHUB_NETWORK" || code === "GITHUB_UNAVAILABLE") {
    return check(id, "warn", "GITHUB_UNREACHABLE", `${what}: GitHub could not be reached (${message})`, hint, details);
  }
  if (code === "GITHUB_RATE_LIMITED") {
    return check(id, "warn", code, `${what}: rate limited by GitHub, not decided`, hint, details);
  }
  return check(id, "fail", code, `${what}: ${message}`, hint, details);
}

export function kindLabel(kind: TokenKind): string {
  switch (kind) {
    case "classic":
      return "classic personal access token";
    case "fine-grained":
      return "fine-grained personal access token";
    case "oauth":
      return "OAuth token";
    case "installation":
      return "GitHub App installation token";
    case "app-user":
      return "GitHub App user token";
    default:
      return "token";
  }
}
