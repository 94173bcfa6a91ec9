/**
 * The fake's world: users, tokens, repositories, issues and pull requests, comments and reactions.
 * Plain data with small helpers; REST handlers and GraphQL resolvers both read and write it, so a
 * comment created over REST is visible to a GraphQL query in the same test.
 */

import type { RecordedEvent } from "./events.js";

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

const TOKEN_PREFIX: Record<TokenKind, string> = {
  classic: "ghp_",
  oauth: "gho_",
  "fine-grained": "github_pat_",
  installation: "ghs_",
};

export class FakeGitHubState {
  readonly users = new Map<string, FakeUser>();
  readonly tokens = new Map<string, FakeToken>();
  readonly repos = new Map<string, FakeRepo>();
  readonly threads = new Map<string, FakeThread>();
  readonly comments = new Map<number, FakeComment>();
  readonly reactions: FakeReaction[] = [];
  readonly reviewThreads: FakeReviewThread[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly statuses: FakeStatusContext[] = [];
  readonly releases: FakeRelease[] = [];
  /** Events the fake's writes would fire (see events.ts). */
  readonly events: RecordedEvent[] = [];
  private nextId = 1000;
  private tick = 0;
  private tokenSeq = 0;
  private readonly epoch: number;

  constructor(options: { epoch?: Date } = {}) {
    this.epoch = (options.epoch ?? new Date("2024-05-01T12:00:00Z")).getTime();
  }

  /** A deterministic clock: each call is one second after the previous one. */
  now(): string {
    this.tick += 1;
    return new Date(this.epoch + this.tick * 1000).toISOString();
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  addUser(login: string, type?: FakeUser["type"]): FakeUser {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.id();
    const kind = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    const prefix = kind === "Bot" ? "BOT_kgDO" : kind === "Organization" ? "O_kgDO" : "U_kgDO";
    const user: FakeUser = { login, id, nodeId: `${prefix}${id}`, type: kind };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  user(login: string): FakeUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  /** Registers a token and returns its value (generated with the right prefix when not given). */
  addToken(options: AddTokenOptions): string {
    const kind = options.kind ?? "classic";
    this.addUser(options.login);
    this.tokenSeq += 1;
    const value =
      options.value ??
      `${TOKEN_PREFIX[kind]}${"fake".padEnd(kind === "fine-grained" ? 70 : 32, String(this.tokenSeq % 10))}${this.tokenSeq}`;
    const token: FakeToken = {
      value,
      login: options.login,
      kind,
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.permissions ? { permissions: options.permissions } : {}),
      ...(options.repositories ? { repositories: options.repositories } : {}),
      ...(options.runId ? { runId: options.runId } : {}),
    };
    this.tokens.set(value, token);
    return value;
  }

  revokeToken(value: string): void {
    const t = this.tokens.get(value);
    if (t) t.revoked = true;
  }

  addRepo(fullName: string, options: AddRepoOptions = {}): FakeRepo {
    const [owner, name] = splitRepo(fullName);
    this.addUser(owner);
    const id = this.id();
    const repo: FakeRepo = {
      owner,
      name,
      fullName: `${owner}/${name}`,
      id,
      nodeId: `R_kgDO${id}`,
      private: options.private ?? false,
      archived: options.archived ?? false,
      collaborators: new Map<string, RepoRole>([[owner.toLowerCase(), "admin"]]),
      defaultBranch: options.defaultBranch ?? "main",
      refs: new Map<string, string>(),
    };
    for (const [login, role] of Object.entries(options.collaborators ?? {})) {
      this.addUser(login);
      repo.collaborators.set(login.toLowerCase(), role);
    }
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  setRole(fullName: string, login: string, role: RepoRole | "none"): void {
    const repo = this.mustRepo(fullName);
    this.addUser(login);
    if (role === "none") repo.collaborators.delete(login.toLowerCase());
    else repo.collaborators.set(login.toLowerCase(), role);
  }

  addIssue(fullName: string, options: AddThreadOptions = {}): FakeThread {
    return this.addThread(fullName, "issue", options);
  }

  addPullRequest(fullName: string, options: AddPullRequestOptions = {}): FakeThread {
    return this.addThread(fullName, "pr", options);
  }

  /** Issues and pull requests of a repository, in number order. */
  threadsOf(fullName: string): FakeThread[] {
    const key = fullName.toLowerCase();
    return [...this.threads.values()].filter((t) => t.repo.toLowerCase() === key).sort((a, b) => a.number - b.number);
  }

  /** Open issues and pull requests (GitHub's `open_issues_count` counts both). */
  openThreadCount(fullName: string): number {
    return this.threadsOf(fullName).filter((t) => t.state === "open").length;
  }

  thread(fullName: string, number: number): FakeThread | undefined {
    return this.threads.get(`${fullName.toLowerCase()}#${number}`);
  }

  addComment(fullName: string, number: number, options: AddCommentOptions): FakeComment {
    const thread = this.thread(fullName, number);
    if (!thread) throw new Error(`fake github: no thread ${fullName}#${number}`);
    this.addUser(options.author);
    const id = this.id();
    const at = this.now();
    const comment: FakeComment = {
      id,
      nodeId: `IC_kwDO${id}`,
      repo: thread.repo,
      number,
      body: options.body,
      author: options.author,
      createdAt: at,
      updatedAt: at,
      minimized: options.minimized ?? null,
    };
    this.comments.set(id, comment);
    return comment;
  }

  /** Comments of a thread, oldest first (GitHub's order). */
  threadComments(fullName: string, number: number): FakeComment[] {
    const key = fullName.toLowerCase();
    return [...this.comments.values()]
      .filter((c) => c.repo.toLowerCase() === key && c.number === number)
      .sort((a, b) => a.id - b.id);
  }

  addReaction(
    subjectNodeId: string,
    content: ReactionContent,
    user: string,
  ): { reaction: FakeReaction; created: boolean } {
    const existing = this.reactions.find(
      (r) => r.subjectNodeId === subjectNodeId && r.content === content && r.user.toLowerCase() === user.toLowerCase(),
    );
    if (existing) return { reaction: existing, created: false };
    const id = this.id();
    const reaction: FakeReaction = {
      id,
      nodeId: `REA_lADO${id}`,
      subjectNodeId,
      content,
      user,
      createdAt: this.now(),
    };
    this.reactions.push(reaction);
    return { reaction, created: true };
  }

  /** A review thread on a pull request's diff, with its conversation (oldest comment first). */
  addReviewThread(fullName: string, number: number, options: AddReviewThreadOptions): FakeReviewThread {
    const thread = this.thread(fullName, number);
    if (thread?.kind !== "pr") throw new Error(`fake github: no pull request ${fullName}#${number}`);
    const id = this.id();
    const review: FakeReviewThread = {
      id,
      nodeId: `PRRT_kwDO${id}`,
      repo: thread.repo,
      number,
      path: options.path,
      line: options.line ?? null,
      isResolved: options.resolved ?? false,
      isOutdated: options.outdated ?? false,
      comments: options.comments.map((c) => {
        this.addUser(c.author);
        const cid = this.id();
        return { id: cid, nodeId: `PRRC_kwDO${cid}`, author: c.author, body: c.body, createdAt: this.now() };
      }),
    };
    this.reviewThreads.push(review);
    return review;
  }

  reviewThreadsOf(fullName: string, number: number): FakeReviewThread[] {
    const key = fullName.toLowerCase();
    return this.reviewThreads.filter((t) => t.repo.toLowerCase() === key && t.number === number);
  }

  /** A check run on commit `sha` (default: completed successfully). */
  addCheckRun(fullName: string, sha: string, options: AddCheckRunOptions): FakeCheckRun {
    const repo = this.mustRepo(fullName);
    const id = this.id();
    const status = options.status ?? "COMPLETED";
    const run: FakeCheckRun = {
      id,
      nodeId: `CR_kwDO${id}`,
      repo: repo.fullName,
      sha,
      name: options.name,
      status,
      conclusion: options.conclusion !== undefined ? options.conclusion : status === "COMPLETED" ? "SUCCESS" : null,
      detailsUrl: options.detailsUrl ?? `https://github.com/${repo.fullName}/runs/${id}`,
      title: options.title ?? null,
      summary: options.summary ?? null,
      workflow: options.workflow ?? null,
    };
    this.checkRuns.push(run);
    return run;
  }

  /** A commit status on `sha` (default: success). */
  addStatus(fullName: string, sha: string, options: AddStatusOptions): FakeStatusContext {
    const repo = this.mustRepo(fullName);
    const id = this.id();
    const status: FakeStatusContext = {
      id,
      nodeId: `SC_kwDO${id}`,
      repo: repo.fullName,
      sha,
      context: options.context,
      state: options.state ?? "SUCCESS",
      description: options.description ?? null,
      targetUrl: options.targetUrl ?? null,
    };
    this.statuses.push(status);
    return status;
  }

  /** Check runs and statuses of a commit, in the order they were added. */
  commitChecks(fullName: string, sha: string): Array<FakeCheckRun | FakeStatusContext> {
    const key = fullName.toLowerCase();
    const mine = <T extends { repo: string; sha: string }>(list: T[]) =>
      list.filter((c) => c.repo.toLowerCase() === key && c.sha === sha);
    return [...mine(this.checkRuns), ...mine(this.statuses)].sort((a, b) => a.id - b.id);
  }

  /** GitHub's `author_association` of a login on a repository (no organizations: OWNER, COLLABORATOR or NONE). */
  authorAssociation(repo: FakeRepo, login: string): "OWNER" | "COLLABORATOR" | "NONE" {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
    if (repo.collaborators.has(login.toLowerCase())) return "COLLABORATOR";
    return "NONE";
  }

  /** A release of `tagName` (the tag itself is not modelled). Drafts have no publishedAt. */
  addRelease(fullName: string, tagName: string, options: AddReleaseOptions = {}): FakeRelease {
    const repo = this.mustRepo(fullName);
    const author = options.author ?? repo.owner;
    this.addUser(author);
    const id = this.id();
    const at = this.now();
    const release: FakeRelease = {
      id,
      nodeId: `RE_kwDO${id}`,
      repo: repo.fullName,
      tagName,
      name: options.name === undefined ? tagName : options.name,
      body: options.body ?? null,
      draft: options.draft ?? false,
      prerelease: options.prerelease ?? false,
      author,
      createdAt: at,
      publishedAt: options.draft ? null : at,
    };
    this.releases.push(release);
    return release;
  }

  /** Releases of a repository, newest first (GitHub's order). */
  repoReleases(fullName: string): FakeRelease[] {
    const key = fullName.toLowerCase();
    return this.releases.filter((r) => r.repo.toLowerCase() === key).sort((a, b) => b.id - a.id);
  }

  /** Issues (not pull requests) of a repository, oldest first. */
  repoIssues(fullName: string): FakeThread[] {
    const key = fullName.toLowerCase();
    return [...this.threads.values()]
      .filter((t) => t.kind === "issue" && t.repo.toLowerCase() === key)
      .sort((a, b) => a.id - b.id);
  }

  reactionsOf(subjectNodeId: string): FakeReaction[] {
    return this.reactions.filter((r) => r.subjectNodeId === subjectNodeId);
  }

  /** The repository role of a login: explicit collaborator role, else read on public repos. */
  roleOf(repo: FakeRepo, login: string): RepoRole | "none" {
    const explicit = repo.collaborators.get(login.toLowerCase());
    if (explicit) return explicit;
    return repo.private ? "none" : "read";
  }

  mustRepo(fullName: string): FakeRepo {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`fake github: no repository ${fullName}`);
    return repo;
  }

  private addThread(fullName: string, kind: "issue" | "pr", options: AddPullRequestOptions): FakeThread {
    const repo = this.mustRepo(fullName);
    const number = options.number ?? this.nextNumber(repo.fullName);
    if (this.thread(repo.fullName, number)) throw new Error(`fake github: ${repo.fullName}#${number} exists`);
    const author = options.author ?? repo.owner;
    this.addUser(author);
    const id = this.id();
    const thread: FakeThread = {
      repo: repo.fullName,
      number,
      kind,
      id,
      nodeId: kind === "pr" ? `PR_kwDO${id}` : `I_kwDO${id}`,
      title: options.title ?? `${kind === "pr" ? "Pull request" : "Issue"} ${number}`,
      body: options.body ?? "",
      author,
      state: options.state ?? "open",
      locked: options.locked ?? false,
      lockReason: options.locked ? (options.lockReason ?? "RESOLVED") : null,
      draft: options.draft ?? false,
      headRepo: options.headRepo === undefined ? repo.fullName : options.headRepo,
      headRef: options.headRef ?? `feature-${number}`,
      baseRef: options.baseRef ?? "main",
      headSha: options.headSha ?? `${"0".repeat(32)}${String(id).padStart(8, "0")}`,
      createdAt: this.now(),
      labels: [...(options.labels ?? [])],
    };
    if (kind === "pr" && thread.headRepo && !this.repo(thread.headRepo)) this.addRepo(thread.headRepo);
    this.threads.set(`${repo.fullName.toLowerCase()}#${number}`, thread);
    return thread;
  }

  private nextNumber(fullName: string): number {
    let max = 0;
    const key = fullName.toLowerCase();
    for (const t of this.threads.values()) if (t.repo.toLowerCase() === key) max = Math.max(max, t.number);
    return max + 1;
  }
}

export function splitRepo(fullName: string): [string, string] {
  const m = /^([^/]+)\/([^/]+)$/.exec(fullName);
  if (!m) throw new Error(`fake github: ${JSON.stringify(fullName)} is not owner/name`);
  return [m[1]!, m[2]!];
}
