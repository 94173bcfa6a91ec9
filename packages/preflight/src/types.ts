import type { PreflightCheck } from "@codexrel/core";
import type {
  CommentInfo,
  EventThread,
  GitHubClientOptions,
  Identity,
  PermissionSignals,
  ThreadRef,
  TokenDiscovery,
  TokenKind,
} from "@codexrel/github";

export type CheckId = "github-token" | "thread" | "can-comment" | "fork" | "openai-key" | "codex-home";
export type CheckStatus = PreflightCheck["status"];

export const ALL_CHECKS: readonly CheckId[] = [
  "github-token",
  "thread",
  "can-comment",
  "fork",
  "openai-key",
  "codex-home",
];

/** Checks that decide whether a run can publish; the rest decide whether the agent can run. */
export const PUBLISH_CHECKS: readonly CheckId[] = ["github-token", "thread", "can-comment"];
export const AGENT_CHECKS: readonly CheckId[] = ["fork", "openai-key", "codex-home"];

export type Verdict = "yes" | "no" | "unknown";

/** What preflight needs from GitHub (GitHubClient implements it). */
export interface PreflightGitHubPort {
  readonly tokenKind: TokenKind;
  viewer(): Promise<Identity>;
  permissionSignals(ref: ThreadRef): Promise<PermissionSignals>;
  createComment(ref: ThreadRef, body: string, options?: { afterId?: number }): Promise<CommentInfo>;
  deleteComment(ref: ThreadRef, commentId: number): Promise<void>;
}

export interface FsPort {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface PreflightOptions {
  /** Which checks to run (default all). Unselected checks are left out of the result. */
  checks?: readonly CheckId[];
  /** Checks whose failure blocks the run (their `blocking` is true). Default none. */
  required?: readonly CheckId[];
  github?: {
    /** The outcome of `discoverToken` (or a token handed in directly). */
    token: TokenDiscovery | null;
    apiUrl?: string | undefined;
    graphqlUrl?: string | undefined;
    /** Builds the client for a found token; default `createGitHubClient`. */
    createClient?: (token: string) => PreflightGitHubPort;
    clientOptions?: Partial<GitHubClientOptions>;
  };
  /** The issue or pull request the run would publish to. */
  thread?: ThreadRef | null;
  /** The thread as the triggering event described it (fork information without an API call). */
  event?: EventThread | null;
  /** Opt-in: post a marked comment and delete it to prove write access. */
  probeComment?: boolean;
  openai?: {
    apiKey: string | null | undefined;
    /** Default https://api.openai.com/v1. */
    baseUrl?: string | undefined;
    fetch?: typeof globalThis.fetch;
    /** Default 15 s. */
    timeoutMs?: number;
  };
  codexHome?: {
    /** The directory the agent will use as CODEX_HOME; null skips the check. */
    path: string | null;
    fs?: FsPort;
  };
}

export interface PreflightResult {
  /** The checks in run-report shape (`preflight[]`). */
  checks: PreflightCheck[];
  publishable: Verdict;
  agentRunnable: Verdict;
  /** Whether the thread is a fork pull request; null when unknown or not a PR. */
  fork: boolean | null;
  /** Checks that are not `pass`, in order, for summaries and action outputs. */
  reasons: Array<Pick<PreflightCheck, "id" | "status" | "code" | "reason" | "hint">>;
  /** Who the token acts as, when known. */
  identity: Pick<Identity, "login" | "tokenKind"> | null;
}
