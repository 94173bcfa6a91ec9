/**
 * The fake's data model: the records its state holds (users, tokens, repositories, issues and pull
 * requests, comments, review threads, checks, releases, reactions) and the options that add them.
 */

export type RepoRole = "admin" | "maintain" | "write" | "triage" | "read";
export type TokenKind = "classic" | "oauth" | "fine-grained" | "installation";
export type PermissionLevel = "read" | "write" | "admin";
export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface FakeUser {
  login: string;
  id: number;
  nodeId: string;
  type: "User" | "Bot" | "Organization";
}

export interface FakeToken {
  value: string;
  /** The identity the token acts as (a user, or a bot like `github-actions[bot]`). */
  login: string;
  kind: TokenKind;
  /** Classic PAT / OAuth scopes, sent back in `x-oauth-scopes`. */
  scopes?: string[];
  /** Fine-grained PAT / installation permissions, e.g. `{ issues: "write", metadata: "read" }`. */
  permissions?: Record<string, PermissionLevel>;
  /** Repositories (owner/name) a fine-grained PAT or installation may touch; "all" for every one. */
  repositories?: string[] | "all";
  /** A revoked or expired token answers 401 like an unknown one. */
  revoked?: boolean;
  /** Set on a workflow run's GITHUB_TOKEN: what it does starts no new workflow runs. */
  runId?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  fullName: string;
  id: number;
  nodeId: string;
  private: boolean;
  archived: boolean;
  collaborators: Map<string, RepoRole>;
  defaultBranch: string;
  /** Branch and tag refs (`refs/heads/main` -> sha), kept in step with the simulated git repository. */
  refs: Map<string, string>;
  /** The simulated repository's bare git directory, when there is one (the git data API needs it). */
  gitDir?: string;
}

export interface FakeThread {
  repo: string;
  number: number;
  kind: "issue" | "pr";
  id: number;
  nodeId: string;
  title: string;
  body: string;
  author: string;
  state: "open" | "closed";
  locked: boolean;
  lockReason: "OFF_TOPIC" | "RESOLVED" | "SPAM" | "TOO_HEATED" | null;
  /** Pull requests only. */
  draft: boolean;
  /** Pull requests only: owner/name of the head repository; null when the fork was deleted. */
  headRepo: string | null;
  headRef: string;
  baseRef: string;
  headSha: string;
  createdAt: string;
  /** Label names (issues opened through REST keep them only with push access, as on GitHub). */
  labels: string[];
}

export interface FakeComment {
  id: number;
  nodeId: string;
  repo: string;
  number: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Minimized (hidden) with this reason, or null. */
  minimized: string | null;
}

/** A pull request review thread (a conversation on a line of the diff). */
export interface FakeReviewThread {
  id: number;
  nodeId: string;
  repo: string;
  number: number;
  path: string;
  line: number | null;
  isResolved: boolean;
  isOutdated: boolean;
  comments: Array<{ id: number; nodeId: string; author: string; body: string; createdAt: string }>;
}

/** A submitted pull request review (its summary; inline comments are review threads). */
export interface FakeReview {
  id: number;
  nodeId: string;
  repo: string;
  number: number;
  author: string;
  body: string;
  state: "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED";
  submittedAt: string;
}

/** A check run on a commit (GraphQL `CheckRun`; status and conclusion in GitHub's enum spelling). */
export interface FakeCheckRun {
  id: number;
  nodeId: string;
  repo: string;
  sha: string;
  name: string;
  status: "QUEUED" | "IN_PROGRESS" | "COMPLETED" | "WAITING" | "PENDING" | "REQUESTED";
  conclusion:
    | "SUCCESS"
    | "FAILURE"
    | "NEUTRAL"
    | "CANCELLED"
    | "TIMED_OUT"
    | "ACTION_REQUIRED"
    | "SKIPPED"
    | "STALE"
    | "STARTUP_FAILURE"
    | null;
  detailsUrl: string | null;
  title: string | null;
  summary: string | null;
  /** The Actions workflow that ran it, when it came from one. */
  workflow: string | null;
}

/** A commit status (GraphQL `StatusContext`). */
export interface FakeStatusContext {
  id: number;
  nodeId: string;
  repo: string;
  sha: string;
  context: string;
  state: "EXPECTED" | "ERROR" | "FAILURE" | "PENDING" | "SUCCESS";
  description: string | null;
  targetUrl: string | null;
}

export interface AddReviewOptions {
  author: string;
  body?: string;
  state?: FakeReview["state"];
}

export interface AddReviewThreadOptions {
  path: string;
  line?: number | null;
  resolved?: boolean;
  outdated?: boolean;
  comments: Array<{ author: string; body: string }>;
}

export type AddCheckRunOptions = Partial<Omit<FakeCheckRun, "id" | "nodeId" | "repo" | "sha" | "name">> & {
  name: string;
};

export type AddStatusOptions = Partial<Omit<FakeStatusContext, "id" | "nodeId" | "repo" | "sha" | "context">> & {
  context: string;
};

export interface FakeRelease {
  id: number;
  nodeId: string;
  repo: string;
  tagName: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
  /** null for drafts. */
  publishedAt: string | null;
}

export interface AddReleaseOptions {
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  author?: string;
}

export interface FakeReaction {
  id: number;
  nodeId: string;
  subjectNodeId: string;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

const ROLE_ORDER: RepoRole[] = ["read", "triage", "write", "maintain", "admin"];

export function roleAtLeast(role: RepoRole | "none", min: RepoRole): boolean {
  if (role === "none") return false;
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(min);
}

export interface AddRepoOptions {
  private?: boolean;
  archived?: boolean;
  defaultBranch?: string;
  /** login -> role; the owner is an admin unless listed otherwise. */
  collaborators?: Record<string, RepoRole>;
}

export interface AddThreadOptions {
  number?: number;
  title?: string;
  body?: string;
  author?: string;
  state?: "open" | "closed";
  locked?: boolean;
  lockReason?: FakeThread["lockReason"];
  labels?: string[];
}

export interface AddPullRequestOptions extends AddThreadOptions {
  draft?: boolean;
  /** owner/name of the head repository: a different one makes this a fork PR; null: deleted fork. */
  headRepo?: string | null;
  headRef?: string;
  baseRef?: string;
  headSha?: string;
}

export interface AddCommentOptions {
  author: string;
  body: string;
  minimized?: string | null;
}

export interface AddTokenOptions {
  login: string;
  kind?: TokenKind;
  scopes?: string[];
  permissions?: Record<string, PermissionLevel>;
  repositories?: string[] | "all";
  value?: string;
  runId?: string;
}
