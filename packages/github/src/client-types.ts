/**
 * What the GitHub client takes and answers: its options, the identity behind the token, comments,
 * the thread with the viewer's permission signals.
 */
import type { ThreadKind, ThreadRef } from "./thread.js";
import type { ThrottleGroups } from "./throttle.js";
import type { TokenKind } from "./token.js";

export interface GitHubLog {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface RateLimitPolicy {
  /** Retries after a rate limit (primary or secondary). Default 2. */
  maxRetries?: number;
  /** Give up instead of waiting longer than this. Default 60 seconds. */
  maxWaitSeconds?: number;
  /** Milliseconds per second of `retry-after` (tests shrink it). Default 1000. */
  retryAfterScaleMs?: number;
}

export interface GitHubClientOptions {
  token: string;
  /** REST base URL (GITHUB_API_URL). Default https://api.github.com. */
  apiUrl?: string | undefined;
  /** GraphQL URL (GITHUB_GRAPHQL_URL). Default derived from apiUrl. */
  graphqlUrl?: string | undefined;
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  /** Retries for 5xx / network failures. Default 3. */
  retries?: number;
  /** Base of the quadratic backoff between those retries. Default 1000 ms. */
  retryBaseDelayMs?: number;
  rateLimit?: RateLimitPolicy;
  /**
   * Tests: the minimum gap between writes (and GraphQL calls). Setting it (or
   * `notificationIntervalMs`) injects fresh groups (`createThrottleGroups`) instead of the plugin's.
   * @deprecated Pass `throttleGroups: createThrottleGroups({ writeIntervalMs })`.
   */
  writeIntervalMs?: number;
  /**
   * Tests: the minimum gap between writes that notify (comments); see `writeIntervalMs`.
   * @deprecated Pass `throttleGroups: createThrottleGroups({ notificationIntervalMs })`.
   */
  notificationIntervalMs?: number;
  log?: GitHubLog;
  /** Waits between write attempts. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The Bottleneck groups the throttling plugin schedules on, for tests (see
   * `createThrottleGroups`). Leave it unset in production: the plugin's own groups then apply,
   * with GitHub's spacing, shared by every client in the process.
   */
  throttleGroups?: ThrottleGroups;
}

export interface Identity {
  login: string;
  /** GraphQL node id of the viewer. */
  id: string;
  tokenKind: TokenKind;
  /** Classic/OAuth token scopes from `x-oauth-scopes`; null when GitHub did not say. */
  scopes: string[] | null;
}

export interface CommentInfo {
  /** REST / database id. */
  id: number;
  nodeId: string;
  body: string;
  /** https URL of the comment. */
  url: string;
  author: string | null;
  /** `Bot`, `User`, `Organization`, ... as GitHub names the author's account type; null when unknown. */
  authorType: string | null;
  createdAt: string;
  updatedAt: string;
  minimized: boolean;
  /** GitHub's own answer to "did the token's identity write this". */
  viewerDidAuthor: boolean;
}

export type RepositoryPermission = "ADMIN" | "MAINTAIN" | "WRITE" | "TRIAGE" | "READ";

export interface ThreadContext {
  ref: ThreadRef & { kind: ThreadKind };
  nodeId: string;
  url: string;
  title: string;
  state: string;
  locked: boolean;
  author: string | null;
  repository: {
    nameWithOwner: string;
    archived: boolean;
    private: boolean;
    viewerPermission: RepositoryPermission | null;
  };
  viewerCanUpdate: boolean;
  viewerCannotUpdateReasons: string[];
  viewerCanReact: boolean;
  /** Pull requests only. */
  draft?: boolean;
  head?: { repository: string | null; ref: string; sha: string };
  base?: { repository: string | null; ref: string };
  /** Pull requests only: the head repository is another one (or deleted). */
  fork?: boolean;
}

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export type CollaboratorPermission = "admin" | "write" | "read" | "none";

export interface PermissionSignals {
  identity: Identity;
  thread: ThreadContext;
  /** REST `collaborators/{login}/permission`, for user tokens; null when not asked or not answered. */
  collaboratorPermission: CollaboratorPermission | null;
}
