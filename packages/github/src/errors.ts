/**
 * GitHub failures as coded errors. The status, GitHub's message, and the permission headers
 * (`x-accepted-github-permissions`, `x-accepted-oauth-scopes`) are kept in `details` so callers
 * (preflight) can name the exact fix. The request (with its Authorization header) is never kept.
 */
import { CodexrelError } from "@codexrel/core";
import type { TokenKind } from "./token.js";

export const GitHubErrorCodes = {
  GITHUB_TOKEN_MISSING: "GITHUB_TOKEN_MISSING",
  GITHUB_TOKEN_INVALID: "GITHUB_TOKEN_INVALID",
  GITHUB_PERMISSION_DENIED: "GITHUB_PERMISSION_DENIED",
  GITHUB_REPO_ARCHIVED: "GITHUB_REPO_ARCHIVED",
  GITHUB_THREAD_LOCKED: "GITHUB_THREAD_LOCKED",
  GITHUB_NOT_FOUND: "GITHUB_NOT_FOUND",
  GITHUB_RATE_LIMITED: "GITHUB_RATE_LIMITED",
  GITHUB_VALIDATION_FAILED: "GITHUB_VALIDATION_FAILED",
  GITHUB_UNAVAILABLE: "GITHUB_UNAVAILABLE",
  GITHUB_NETWORK: "GITHUB_NETWORK",
  GITHUB_GRAPHQL_ERROR: "GITHUB_GRAPHQL_ERROR",
  GITHUB_URL_INVALID: "GITHUB_URL_INVALID",
  COMMENT_TOO_LONG: "COMMENT_TOO_LONG",
  THREAD_REF_INVALID: "THREAD_REF_INVALID",
  /** The issue or PR number names nothing on GitHub (deleted, transferred, or never there). */
  THREAD_NOT_FOUND: "THREAD_NOT_FOUND",
  /** The repository does not exist or the token cannot see it. */
  REPOSITORY_NOT_FOUND: "REPOSITORY_NOT_FOUND",
  /** Not `owner/name`. */
  REPOSITORY_INVALID: "REPOSITORY_INVALID",
  ISSUE_TITLE_INVALID: "ISSUE_TITLE_INVALID",
  /** An issue body over GitHub's 65,536 characters. */
  ISSUE_TOO_LONG: "ISSUE_TOO_LONG",
} as const;

export interface GitHubErrorDetails {
  status: number | null;
  /** What GitHub said, e.g. "Resource not accessible by integration". */
  githubMessage?: string;
  /** `x-accepted-github-permissions`, parsed: alternatives, each a list of `name=level`. */
  acceptedPermissions?: string[][];
  /** `x-accepted-oauth-scopes`. */
  acceptedScopes?: string[];
  /** Seconds GitHub asked to wait. */
  retryAfter?: number;
  /** GraphQL error type (NOT_FOUND, FORBIDDEN, ...). */
  graphqlType?: string;
  /** A network failure or timeout: the request may or may not have reached GitHub. */
  network?: boolean;
}

export function isGitHubError(e: unknown, code?: string): e is CodexrelError & { details: GitHubErrorDetails } {
  return e instanceof CodexrelError && e.details !== undefined && "status" in e.details && (!code || e.code === code);
}

export function githubDetails(e: unknown): GitHubErrorDetails | undefined {
  return isGitHubError(e) ? (e.details as unknown as GitHubErrorDetails) : undefined;
}

/** `issues=write; pull_requests=write` -> [["issues=write"], ["pull_requests=write"]]. */
export function parseAcceptedPermissions(header: string | undefined): string[][] | undefined {
  if (!header?.trim()) return undefined;
  return header
    .split(";")
    .map((set) =>
      set
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .filter((set) => set.length > 0);
}

const ACTIONS_PERMISSION: Record<string, string> = {
  issues: "issues",
  pull_requests: "pull-requests",
  contents: "contents",
  metadata: "metadata",
  checks: "checks",
  statuses: "statuses",
  actions: "actions",
  discussions: "discussions",
};

/**
 * The one-line fix for a permission denial, worded for the token in use: a workflow's
 * `permissions:` block for installation tokens, the token's settings for personal tokens.
 */
export function permissionHint(accepted: string[][] | undefined, kind: TokenKind, fallback = "issues=write"): string {
  const sets = accepted && accepted.length > 0 ? accepted : [[fallback]];
  const first = sets[0]!;
  if (kind === "installation") {
    const items = first.map((p) => {
      const [name, level] = p.split("=");
      return `\`${ACTIONS_PERMISSION[name ?? ""] ?? name}: ${level ?? "write"}\``;
    });
    const alt =
      sets.length > 1
        ? ` (or ${sets
            .slice(1)
            .map((s) =>
              s
                .map((p) => {
                  const [n, l] = p.split("=");
                  return `\`${ACTIONS_PERMISSION[n ?? ""] ?? n}: ${l}\``;
                })
                .join(" + "),
            )
            .join(" or ")})`
        : "";
    return `add ${items.join(" and ")}${alt} to the job's \`permissions\` (or use a token that has it).`;
  }
  if (kind === "fine-grained") {
    const items = first.map((p) => {
      const [name, level] = p.split("=");
      return `${titleCase(name ?? "")}: ${level === "write" ? "Read and write" : "Read-only"}`;
    });
    return `grant the fine-grained token "${items.join('" and "')}" on this repository.`;
  }
  if (kind === "classic" || kind === "oauth") {
    return "give the token the `repo` scope (`public_repo` is enough for public repositories).";
  }
  return `give the token ${first.join(" and ")} on this repository.`;
}

function titleCase(name: string): string {
  const words = name.split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface HttpLikeError {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  errors?: Array<{ type?: string; message?: string; path?: Array<string | number> }>;
}

/**
 * The workflow permission a GraphQL field needs when GitHub answers FORBIDDEN (GraphQL sends no
 * `x-accepted-github-permissions`): the field nearest the end of the error's `path` that is
 * listed here. From GitHub's endpoint -> permission table (shared/github-permissions) through the
 * REST endpoint each field reads.
 */
const GRAPHQL_FIELD_PERMISSION: Record<string, string> = {
  workflowRun: "actions: read",
  checkSuite: "checks: read",
  checkSuites: "checks: read",
  checkRuns: "checks: read",
  statusCheckRollup: "checks: read` and `statuses: read",
  status: "statuses: read",
  contexts: "checks: read` and `statuses: read",
  object: "contents: read",
  reviewThreads: "pull-requests: read",
  pullRequest: "pull-requests: read",
  comments: "issues: read",
};

function graphqlPermissionHint(path: Array<string | number> | undefined): string | null {
  for (const field of [...(path ?? [])].reverse()) {
    const need = typeof field === "string" ? GRAPHQL_FIELD_PERMISSION[field] : undefined;
    if (need) return `add \`${need}\` to the job's \`permissions\` (or use a token that has it).`;
  }
  return null;
}

/** Converts anything octokit throws into a coded error. `what` names the operation in messages. */
export function toGitHubError(error: unknown, what: string, kind: TokenKind = "unknown"): CodexrelError {
  if (error instanceof CodexrelError) return error;
  const e = (error ?? {}) as HttpLikeError;

  if (e.name === "GraphqlResponseError" && Array.isArray(e.errors)) {
    const first = e.errors[0] ?? {};
    const type = first.type ?? "UNKNOWN";
    const message = first.message ?? "GraphQL error";
    const details: GitHubErrorDetails = { status: 200, githubMessage: message, graphqlType: type };
    if (type === "NOT_FOUND") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_NOT_FOUND, `${what}: ${message}`, {
        hint: "Check the owner, name and number, and that the token can read this repository.",
        details: { ...details },
        cause: error,
      });
    }
    if (type === "FORBIDDEN") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_PERMISSION_DENIED, `${what}: ${message}`, {
        hint: graphqlPermissionHint(first.path) ?? permissionHint(undefined, kind),
        details: { ...details },
        cause: error,
      });
    }
    if (type === "RATE_LIMITED") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_RATE_LIMITED, `${what}: ${message}`, {
        hint: "Wait for the GraphQL rate limit to reset, then re-run.",
        details: { ...details },
        cause: error,
      });
    }
    return new CodexrelError(GitHubErrorCodes.GITHUB_GRAPHQL_ERROR, `${what}: ${type}: ${message}`, {
      hint: "This looks like a bug in the query or an API change; report it with this message.",
      details: { ...details },
      cause: error,
    });
  }

  const status = typeof e.status === "number" ? e.status : null;
  const headers = e.response?.headers ?? {};
  const data = e.response?.data as { message?: unknown } | undefined;
  const githubMessage = typeof data?.message === "string" ? data.message : undefined;
  const acceptedPermissions = parseAcceptedPermissions(headers["x-accepted-github-permissions"]);
  const scopesHeader = headers["x-accepted-oauth-scopes"];
  const acceptedScopes = scopesHeader
    ? scopesHeader
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const retryAfter = headers["retry-after"] ? Number(headers["retry-after"]) : undefined;
  const details: GitHubErrorDetails = {
    status,
    ...(githubMessage ? { githubMessage } : {}),
    ...(acceptedPermissions ? { acceptedPermissions } : {}),
    ...(acceptedScopes ? { acceptedScopes } : {}),
    ...(retryAfter !== undefined && Number.isFinite(retryAfter) ? { retryAfter } : {}),
  };
  const said = githubMessage ? ` (${status}: ${githubMessage})` : status ? ` (${status})` : "";
  const make = (code: string, message: string, hint: string, extra: Partial<GitHubErrorDetails> = {}) =>
    new CodexrelError(code, message, { hint, details: { ...details, ...extra }, cause: error });

  if (e.response === undefined && (status === null || status === 500)) {
    const reason = e.message ?? "network error";
    return make(
      GitHubErrorCodes.GITHUB_NETWORK,
      `${what}: could not reach GitHub: ${reason}`,
      "Check the network and GITHUB_API_URL / GITHUB_GRAPHQL_URL, then re-run.",
      { status: null, network: true },
    );
  }
  if (status === 401) {
    return make(
      GitHubErrorCodes.GITHUB_TOKEN_INVALID,
      `${what}: GitHub rejected the token${said}`,
      "Create a new token (or re-run `gh auth login`) and check GITHUB_TOKEN / GH_TOKEN holds all of it.",
    );
  }
  if (
    (status === 403 || status === 429) &&
    (/rate limit/i.test(githubMessage ?? "") || headers["x-ratelimit-remaining"] === "0")
  ) {
    return make(
      GitHubErrorCodes.GITHUB_RATE_LIMITED,
      `${what}: GitHub rate limit${said}`,
      retryAfter
        ? `Wait ${retryAfter}s (GitHub's retry-after), then re-run.`
        : "Wait for the rate limit to reset, then re-run.",
    );
  }
  if (status === 403 && /archived/i.test(githubMessage ?? "")) {
    return make(
      GitHubErrorCodes.GITHUB_REPO_ARCHIVED,
      `${what}: the repository is archived (read-only)${said}`,
      "Unarchive the repository in its settings, or publish elsewhere.",
    );
  }
  if (status === 403 && /locked/i.test(githubMessage ?? "")) {
    return make(
      GitHubErrorCodes.GITHUB_THREAD_LOCKED,
      `${what}: the conversation is locked${said}`,
      "Unlock the conversation, or use a token of someone with write access.",
    );
  }
  if (status === 403) {
    return make(
      GitHubErrorCodes.GITHUB_PERMISSION_DENIED,
      `${what}: permission denied${said}`,
      permissionHint(acceptedPermissions, kind),
    );
  }
  if (status === 404) {
    return make(
      GitHubErrorCodes.GITHUB_NOT_FOUND,
      `${what}: not found${said}`,
      acceptedScopes
        ? `give the token the ${acceptedScopes.map((s) => `\`${s}\``).join(" or ")} scope.`
        : "Check the owner, name and number, and that the token can see this repository.",
    );
  }
  if (status === 422) {
    return make(
      GitHubErrorCodes.GITHUB_VALIDATION_FAILED,
      `${what}: GitHub refused the request${said}`,
      "This is a bug in the request codexrel sent; report it with this message.",
    );
  }
  if (status !== null && status >= 500) {
    return make(
      GitHubErrorCodes.GITHUB_UNAVAILABLE,
      `${what}: GitHub is unavailable${said}`,
      "GitHub had a server error; re-run in a few minutes (see githubstatus.com).",
    );
  }
  return make(
    GitHubErrorCodes.GITHUB_UNAVAILABLE,
    `${what}: unexpected answer from GitHub${said}`,
    "Re-run; if it persists, report it with this message.",
  );
}

/** A failure after which a write may or may not have happened (lost response, gateway error). */
export function isAmbiguousWriteFailure(error: unknown): boolean {
  const d = githubDetails(error);
  if (!d) return false;
  return d.network === true || (d.status !== null && d.status >= 500);
}
