/**
 * The GitHub client: GraphQL first (`@octokit/graphql` through `@octokit/core`), REST
 * (`@octokit/request`) where GraphQL lacks what we need. Retries and throttling come from
 * `@octokit/plugin-retry` and `@octokit/plugin-throttling` with explicit policies:
 * - never retry a 4xx other than rate limits (the throttling plugin owns 403/429 rate limits);
 * - reads are retried on 5xx and network errors;
 * - writes are never blindly retried: after a lost response (network error, timeout, 5xx) the
 *   client re-reads to see whether the write landed, and only retries when it did not, so
 *   nothing is created twice.
 *
 * Comment writes use REST on purpose: a REST 403 carries `x-accepted-github-permissions`, the
 * exact permission that would work, which GraphQL errors do not.
 */
import { CodexrelError, createRedactor, type Redactor } from "@codexrel/core";
import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck/light.js";
import { resolveEndpoints } from "./endpoints.js";
import { GitHubErrorCodes, githubDetails, isAmbiguousWriteFailure, isGitHubError, toGitHubError } from "./errors.js";
import { formatThreadRef, type ThreadKind, type ThreadRef } from "./thread.js";
import { TOKEN_MISSING_HINT, type TokenKind, tokenKind, usesScopes } from "./token.js";

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
  /** Minimum gap between writes (and GraphQL calls), GitHub's guidance. Default 1000 ms. */
  writeIntervalMs?: number;
  /** Minimum gap between writes that notify (comments). Default 3000 ms. */
  notificationIntervalMs?: number;
  log?: GitHubLog;
  /** Waits between write attempts. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
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

const ALL_4XX = Array.from({ length: 100 }, (_, i) => 400 + i);

const CodexrelOctokit = Octokit.plugin(retry, throttling);
type OctokitInstance = InstanceType<typeof CodexrelOctokit>;

const COMMENT_FIELDS = `id databaseId body url createdAt updatedAt isMinimized viewerDidAuthor author { __typename login }`;

interface GqlComment {
  id: string;
  databaseId: number | null;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  isMinimized: boolean;
  viewerDidAuthor: boolean;
  author: { __typename?: string; login: string } | null;
}

interface RestComment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
  created_at: string;
  updated_at: string;
  user: { login: string; type?: string } | null;
}

export class GitHubClient {
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  readonly tokenKind: TokenKind;
  /** Redacts the token (and token-shaped strings) from any text. */
  readonly redact: Redactor;
  private readonly octokit: OctokitInstance;
  private readonly retries: number;
  private readonly retryBaseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: GitHubLog;
  private scopes: string[] | null = null;
  private identity: Promise<Identity> | undefined;

  constructor(options: GitHubClientOptions) {
    if (!options.token?.trim()) {
      throw new CodexrelError("GITHUB_TOKEN_MISSING", "no GitHub token was given", {
        hint: TOKEN_MISSING_HINT,
      });
    }
    const endpoints = resolveEndpoints({ apiUrl: options.apiUrl, graphqlUrl: options.graphqlUrl });
    this.apiUrl = endpoints.apiUrl;
    this.graphqlUrl = endpoints.graphqlUrl;
    this.tokenKind = tokenKind(options.token);
    this.redact = createRedactor([options.token]);
    this.retries = options.retries ?? 3;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.log = options.log ?? {};
    const redact = this.redact;
    const log = this.log;
    const baseFetch = options.fetch ?? globalThis.fetch;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const rate = {
      maxRetries: options.rateLimit?.maxRetries ?? 2,
      maxWaitSeconds: options.rateLimit?.maxWaitSeconds ?? 60,
    };
    const onLimit =
      (label: string) =>
      (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        const where = `${request.method} ${request.url}`;
        if (retryCount < rate.maxRetries && retryAfter <= rate.maxWaitSeconds) {
          log.warn?.(redact(`${label} on ${where}; retrying after ${retryAfter}s (retry ${retryCount + 1})`));
          return true;
        }
        log.warn?.(redact(`${label} on ${where}; giving up (retry-after ${retryAfter}s)`));
        return false;
      };
    const group = (extra: Record<string, unknown>) => new Bottleneck.Group({ timeout: 120_000, ...extra });

    this.octokit = new CodexrelOctokit({
      auth: options.token,
      baseUrl: this.apiUrl,
      userAgent: options.userAgent ?? "codexrel",
      log: {
        debug: (m: string) => log.debug?.(redact(m)),
        info: (m: string) => log.debug?.(redact(m)),
        warn: (m: string) => log.warn?.(redact(m)),
        error: (m: string) => log.warn?.(redact(m)),
      },
      request: {
        fetch: (url: string, init: RequestInit) =>
          baseFetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) }),
      },
      retry: {
        doNotRetry: ALL_4XX,
        retries: this.retries,
        retryAfterBaseValue: this.retryBaseDelayMs,
      },
      throttle: {
        onRateLimit: onLimit("rate limit"),
        onSecondaryRateLimit: onLimit("secondary rate limit"),
        retryAfterBaseValue: options.rateLimit?.retryAfterScaleMs ?? 1000,
        global: group({ maxConcurrent: 10 }),
        auth: group({ maxConcurrent: 1 }),
        search: group({ maxConcurrent: 1, minTime: 2000 }),
        write: group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
        notifications: group({ maxConcurrent: 1, minTime: options.notificationIntervalMs ?? 3000 }),
      } as never,
    });
    this.octokit.hook.after("request", (response) => this.captureScopes(response.headers));
    this.octokit.hook.error("request", (error) => {
      const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
      if (headers) this.captureScopes(headers);
      throw error;
    });
  }

  private captureScopes(headers: Record<string, unknown>): void {
    const raw = headers["x-oauth-scopes"];
    if (typeof raw === "string" && usesScopes(this.tokenKind)) {
      this.scopes = raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    }
  }

  /** A GraphQL query (retried on 5xx/network by the retry plugin). Errors are coded. */
  async graphql<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.octokit.graphql<T>({ query, url: this.graphqlUrl, ...variables });
    } catch (error) {
      const coded = toGitHubError(error, what, this.tokenKind);
      const d = githubDetails(coded);
      if (coded.code === "GITHUB_NOT_FOUND" && d && d.graphqlType === undefined) {
        // An HTTP 404 from the GraphQL endpoint is a wrong URL, not a missing object.
        throw new CodexrelError("GITHUB_NOT_FOUND", `${what}: the GraphQL endpoint ${this.graphqlUrl} answered 404`, {
          hint: "Check GITHUB_GRAPHQL_URL (GitHub Enterprise Server: https://HOST/api/graphql).",
          details: { ...d },
          cause: error,
        });
      }
      throw coded;
    }
  }

  /** A REST read (retried on 5xx/network). */
  async restRead<T>(what: string, route: string, params: Record<string, unknown> = {}): Promise<T> {
    try {
      return (await this.octokit.request(route, params)).data as T;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }

  /** One REST write attempt, with the retry plugin off (callers decide after re-reading). */
  private async restWriteOnce<T>(what: string, route: string, params: Record<string, unknown>): Promise<T> {
    try {
      return (await this.octokit.request(route, { ...params, request: { retries: 0 } })).data as T;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }

  /**
   * One REST write (POST/PATCH/PUT/DELETE) that is never blindly retried: after a lost response
   * `reread` decides whether it landed (return the result) or not (undefined: try again). Used by
   * the issue functions in issues.ts; prefer the typed methods where one exists.
   */
  async restWrite<T>(
    what: string,
    route: string,
    params: Record<string, unknown>,
    reread: () => Promise<T | undefined>,
  ): Promise<T> {
    return this.writeSafely(what, () => this.restWriteOnce<T>(what, route, params), reread);
  }

  /**
   * Runs a write; after an ambiguous failure, `reread` decides whether it landed (returning the
   * result) before another attempt is made. A failed re-read stops: a duplicate is worse than an
   * error.
   */
  private async writeSafely<T>(
    what: string,
    attempt: () => Promise<T>,
    reread: () => Promise<T | undefined>,
  ): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isAmbiguousWriteFailure(error) || n >= this.retries) throw error;
        let landed: T | undefined;
        try {
          landed = await reread();
        } catch {
          throw error;
        }
        if (landed !== undefined) {
          this.log.warn?.(`${what}: the response was lost but the write had landed; not repeating it`);
          return landed;
        }
        this.log.warn?.(`${what}: attempt ${n + 1} failed (${(error as Error).message}); it did not land, retrying`);
        await this.sleep((n + 1) ** 2 * this.retryBaseDelayMs);
      }
    }
  }

  /** Who the token acts as (cached). GraphQL `viewer` works for user and installation tokens. */
  viewer(): Promise<Identity> {
    if (!this.identity) {
      this.identity = this.graphql<{ viewer: { login: string; id: string } }>(
        "identify the token",
        "query CodexrelViewer { viewer { login id } }",
      ).then(
        (data) => ({ login: data.viewer.login, id: data.viewer.id, tokenKind: this.tokenKind, scopes: this.scopes }),
        (error: unknown) => {
          this.identity = undefined;
          throw error;
        },
      );
    }
    return this.identity;
  }

  /** The thread with the viewer's permission signals. */
  async thread(ref: ThreadRef): Promise<ThreadContext> {
    // `state` is IssueState on one and PullRequestState on the other: GraphQL needs aliases.
    const common = `id number url title locked viewerCanUpdate viewerCannotUpdateReasons viewerCanReact author { login }`;
    const query = `query CodexrelThread($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        nameWithOwner isArchived isPrivate viewerPermission
        issueOrPullRequest(number: $number) {
          __typename
          ... on Issue { ${common} issueState: state }
          ... on PullRequest { ${common} prState: state isDraft isCrossRepository headRefName headRefOid baseRefName
            headRepository { nameWithOwner } baseRepository { nameWithOwner } }
        }
      }
    }`;
    type Node = {
      __typename: "Issue" | "PullRequest";
      id: string;
      number: number;
      url: string;
      title: string;
      issueState?: string;
      prState?: string;
      locked: boolean;
      viewerCanUpdate: boolean;
      viewerCannotUpdateReasons: string[];
      viewerCanReact: boolean;
      author: { login: string } | null;
      isDraft?: boolean;
      isCrossRepository?: boolean;
      headRefName?: string;
      headRefOid?: string;
      baseRefName?: string;
      headRepository?: { nameWithOwner: string } | null;
      baseRepository?: { nameWithOwner: string } | null;
    };
    type Data = {
      repository: {
        nameWithOwner: string;
        isArchived: boolean;
        isPrivate: boolean;
        viewerPermission: RepositoryPermission | null;
        issueOrPullRequest: Node | null;
      } | null;
    };
    let data: Data;
    try {
      data = await this.graphql<Data>(`read ${formatThreadRef(ref)}`, query, {
        owner: ref.owner,
        name: ref.repo,
        number: ref.number,
      });
    } catch (error) {
      throw this.notFoundAs(error, ref);
    }
    const repo = data.repository;
    const node = repo?.issueOrPullRequest;
    if (!repo || !node) throw this.notFoundAs(undefined, ref, repo ? "thread" : "repository");
    const kind: ThreadKind = node.__typename === "PullRequest" ? "pr" : "issue";
    const ctx: ThreadContext = {
      ref: { owner: ref.owner, repo: ref.repo, number: ref.number, kind },
      nodeId: node.id,
      url: node.url,
      title: node.title,
      state: node.issueState ?? node.prState ?? "OPEN",
      locked: node.locked,
      author: node.author?.login ?? null,
      repository: {
        nameWithOwner: repo.nameWithOwner,
        archived: repo.isArchived,
        private: repo.isPrivate,
        viewerPermission: repo.viewerPermission,
      },
      viewerCanUpdate: node.viewerCanUpdate,
      viewerCannotUpdateReasons: node.viewerCannotUpdateReasons,
      viewerCanReact: node.viewerCanReact,
    };
    if (kind === "pr") {
      const headRepo = node.headRepository?.nameWithOwner ?? null;
      const baseRepo = node.baseRepository?.nameWithOwner ?? repo.nameWithOwner;
      ctx.draft = node.isDraft ?? false;
      ctx.head = { repository: headRepo, ref: node.headRefName ?? "", sha: node.headRefOid ?? "" };
      ctx.base = { repository: baseRepo, ref: node.baseRefName ?? "" };
      ctx.fork =
        node.isCrossRepository === true || headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase();
    }
    return ctx;
  }

  private notFoundAs(error: unknown, ref: ThreadRef, which?: "repository" | "thread"): unknown {
    const d = githubDetails(error);
    if (error !== undefined && (!isGitHubError(error, "GITHUB_NOT_FOUND") || d?.graphqlType !== "NOT_FOUND"))
      return error;
    const message = d?.githubMessage ?? "";
    const isRepo = which === "repository" || /Repository/.test(message);
    const name = formatThreadRef(ref);
    return isRepo
      ? new CodexrelError(
          GitHubErrorCodes.REPOSITORY_NOT_FOUND,
          `repository ${ref.owner}/${ref.repo} not found or not visible`,
          {
            hint: "Check --repo, and that the token can read it (private repositories need `repo` scope / `contents: read`).",
            details: { status: d?.status ?? 200, githubMessage: message },
            cause: error,
          },
        )
      : new CodexrelError(GitHubErrorCodes.THREAD_NOT_FOUND, `${name} is not an issue or pull request`, {
          hint: `Check the number: ${name} does not exist (or was deleted/transferred).`,
          details: { status: d?.status ?? 200, githubMessage: message },
          cause: error,
        });
  }

  /** All comments of a thread, oldest first, read newest-first in pages of 100 (up to `max`). */
  async listComments(
    ref: ThreadRef,
    options: { max?: number } = {},
  ): Promise<{ comments: CommentInfo[]; complete: boolean }> {
    const max = options.max ?? 3000;
    const selection = `comments(last: 100, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { ${COMMENT_FIELDS} } }`;
    const query = `query CodexrelComments($owner: String!, $name: String!, $number: Int!, $before: String) {
      repository(owner: $owner, name: $name) {
        issueOrPullRequest(number: $number) {
          ... on Issue { ${selection} }
          ... on PullRequest { ${selection} }
        }
      }
    }`;
    type Page = {
      repository: {
        issueOrPullRequest: {
          comments: { pageInfo: { hasPreviousPage: boolean; startCursor: string | null }; nodes: GqlComment[] };
        } | null;
      } | null;
    };
    const pages: CommentInfo[][] = [];
    let count = 0;
    let before: string | null = null;
    for (;;) {
      const data: Page = await this.graphql<Page>(`list comments of ${formatThreadRef(ref)}`, query, {
        owner: ref.owner,
        name: ref.repo,
        number: ref.number,
        before,
      }).catch((error: unknown) => {
        throw this.notFoundAs(error, ref);
      });
      const conn = data.repository?.issueOrPullRequest?.comments;
      if (!conn) throw this.notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
      pages.unshift(conn.nodes.map(fromGraphQLComment));
      count += conn.nodes.length;
      if (!conn.pageInfo.hasPreviousPage) return { comments: pages.flat(), complete: true };
      if (count >= max) {
        this.log.warn?.(`${formatThreadRef(ref)} has more than ${max} comments; older ones were not read`);
        return { comments: pages.flat(), complete: false };
      }
      before = conn.pageInfo.startCursor;
    }
  }

  /**
   * The viewer and the newest `last` (≤ 100) comments of a thread in ONE GraphQL request: what a
   * marker upsert needs when the marked comment is recent (the common case), so finding it costs
   * one request however long the thread is. `complete` is false when older comments exist.
   * The identity is cached like `viewer()`'s.
   */
  async newestCommentsWithViewer(
    ref: ThreadRef,
    last = 100,
  ): Promise<{ identity: Identity; comments: CommentInfo[]; complete: boolean }> {
    const n = Math.min(100, Math.max(1, Math.floor(last)));
    const selection = `comments(last: ${n}) { pageInfo { hasPreviousPage } nodes { ${COMMENT_FIELDS} } }`;
    const query = `query CodexrelNewestComments($owner: String!, $name: String!, $number: Int!) {
      viewer { login id }
      repository(owner: $owner, name: $name) {
        issueOrPullRequest(number: $number) {
          ... on Issue { ${selection} }
          ... on PullRequest { ${selection} }
        }
      }
    }`;
    type Data = {
      viewer: { login: string; id: string };
      repository: {
        issueOrPullRequest: { comments: { pageInfo: { hasPreviousPage: boolean }; nodes: GqlComment[] } } | null;
      } | null;
    };
    const data = await this.graphql<Data>(`read the newest comments of ${formatThreadRef(ref)}`, query, {
      owner: ref.owner,
      name: ref.repo,
      number: ref.number,
    }).catch((error: unknown) => {
      throw this.notFoundAs(error, ref);
    });
    const conn = data.repository?.issueOrPullRequest?.comments;
    if (!conn) throw this.notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
    const identity: Identity = {
      login: data.viewer.login,
      id: data.viewer.id,
      tokenKind: this.tokenKind,
      scopes: this.scopes,
    };
    this.identity ??= Promise.resolve(identity);
    return { identity, comments: conn.nodes.map(fromGraphQLComment), complete: !conn.pageInfo.hasPreviousPage };
  }

  /** The database id of the newest comment (0 when none): the watermark for lost-create checks. */
  async newestCommentId(ref: ThreadRef): Promise<number> {
    const { comments } = await this.recentComments(ref, 1);
    return comments.at(-1)?.id ?? 0;
  }

  private async recentComments(ref: ThreadRef, last: number): Promise<{ comments: CommentInfo[] }> {
    const selection = `comments(last: ${last}) { nodes { ${COMMENT_FIELDS} } }`;
    const query = `query CodexrelRecentComments($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        issueOrPullRequest(number: $number) {
          ... on Issue { ${selection} }
          ... on PullRequest { ${selection} }
        }
      }
    }`;
    type Data = { repository: { issueOrPullRequest: { comments: { nodes: GqlComment[] } } | null } | null };
    const data = await this.graphql<Data>(`read recent comments of ${formatThreadRef(ref)}`, query, {
      owner: ref.owner,
      name: ref.repo,
      number: ref.number,
    }).catch((error: unknown) => {
      throw this.notFoundAs(error, ref);
    });
    const nodes = data.repository?.issueOrPullRequest?.comments.nodes;
    if (!nodes) throw this.notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
    return { comments: nodes.map(fromGraphQLComment) };
  }

  /**
   * Creates a comment (its body redacted first: the token and token-shaped strings never reach a
   * comment). If the response is lost, the newest comments are re-read: a comment by
   * this identity with the same body and an id above `afterId` (the newest id before the write)
   * is the one that landed, and is returned instead of writing again.
   */
  async createComment(ref: ThreadRef, text: string, options: { afterId?: number } = {}): Promise<CommentInfo> {
    const body = this.redact(text);
    assertCommentLength(body);
    const afterId = options.afterId ?? (await this.newestCommentId(ref));
    const what = `comment on ${formatThreadRef(ref)}`;
    return this.writeSafely(
      what,
      async () =>
        fromRestComment(
          await this.restWriteOnce<RestComment>(what, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
            owner: ref.owner,
            repo: ref.repo,
            issue_number: ref.number,
            body,
          }),
        ),
      async () => {
        const { comments } = await this.recentComments(ref, 100);
        const identity = await this.viewer();
        return comments.find((c) => c.id > afterId && isOwnComment(c, identity) && sameBody(c.body, body));
      },
    );
  }

  /** Replaces a comment's body (idempotent; after a lost response the body is re-read first). */
  async updateComment(ref: ThreadRef, commentId: number, text: string): Promise<CommentInfo> {
    const body = this.redact(text);
    assertCommentLength(body);
    const what = `update comment ${commentId} on ${formatThreadRef(ref)}`;
    return this.writeSafely(
      what,
      async () =>
        fromRestComment(
          await this.restWriteOnce<RestComment>(what, "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
            owner: ref.owner,
            repo: ref.repo,
            comment_id: commentId,
            body,
          }),
        ),
      async () => {
        const current = await this.getComment(ref, commentId);
        return current && sameBody(current.body, body) ? current : undefined;
      },
    );
  }

  /** Deletes a comment; one already gone counts as deleted. */
  async deleteComment(ref: ThreadRef, commentId: number): Promise<void> {
    const what = `delete comment ${commentId} on ${formatThreadRef(ref)}`;
    await this.writeSafely(
      what,
      async () => {
        try {
          await this.restWriteOnce(what, "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
            owner: ref.owner,
            repo: ref.repo,
            comment_id: commentId,
          });
        } catch (error) {
          if (!isGitHubError(error, "GITHUB_NOT_FOUND")) throw error;
        }
        return true;
      },
      async () => ((await this.getComment(ref, commentId)) === undefined ? true : undefined),
    );
  }

  /** One comment by id (REST), or undefined when it does not exist. */
  async getComment(ref: ThreadRef, commentId: number): Promise<CommentInfo | undefined> {
    try {
      const c = await this.restRead<RestComment>(
        `read comment ${commentId}`,
        "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
        { owner: ref.owner, repo: ref.repo, comment_id: commentId },
      );
      return fromRestComment(c);
    } catch (error) {
      if (isGitHubError(error, "GITHUB_NOT_FOUND")) return undefined;
      throw error;
    }
  }

  /**
   * Adds a reaction to the thread or to one of its comments. GitHub answers an existing reaction
   * with 200 instead of creating another, so a retry after a lost response cannot duplicate it.
   */
  async react(
    ref: ThreadRef,
    content: ReactionContent,
    target: { commentId: number } | "thread" = "thread",
  ): Promise<void> {
    const what = `react ${content} on ${formatThreadRef(ref)}`;
    const attempt = () =>
      target === "thread"
        ? this.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
            owner: ref.owner,
            repo: ref.repo,
            issue_number: ref.number,
            content,
          })
        : this.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
            owner: ref.owner,
            repo: ref.repo,
            comment_id: target.commentId,
            content,
          });
    await this.writeSafely(what, attempt, async () => undefined);
  }

  /** REST permission of a user on the thread's repository (legacy base role). */
  async collaboratorPermission(ref: ThreadRef, login: string): Promise<CollaboratorPermission> {
    const data = await this.restRead<{ permission: string }>(
      `read ${login}'s permission on ${ref.owner}/${ref.repo}`,
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      { owner: ref.owner, repo: ref.repo, username: login },
    );
    const p = data.permission;
    return p === "admin" || p === "write" || p === "read" ? p : "none";
  }

  /**
   * Everything GitHub will say, without writing, about whether this token may comment: identity
   * and scopes, repository archived/visibility/viewerPermission, thread lock and the viewer's
   * update rights, and for user tokens without a GraphQL permission the REST collaborator role.
   */
  async permissionSignals(ref: ThreadRef): Promise<PermissionSignals> {
    const identity = await this.viewer();
    const thread = await this.thread(ref);
    let collaboratorPermission: CollaboratorPermission | null = null;
    if (thread.repository.viewerPermission === null && this.tokenKind !== "installation") {
      collaboratorPermission = await this.collaboratorPermission(ref, identity.login).catch(() => null);
    }
    return { identity: { ...identity, scopes: this.scopes ?? identity.scopes }, thread, collaboratorPermission };
  }
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  return new GitHubClient(options);
}

/** GitHub shows bots as `name[bot]` in REST and `name` in GraphQL; compare without the suffix. */
export function sameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, "");
  return norm(a) === norm(b);
}

/**
 * A comment written by this identity, compared exactly: the author's login equals the viewer's,
 * where a `[bot]` suffix may differ only for an author GitHub reports as a `Bot` (GraphQL names
 * bots without the suffix). A user named `codexbot` therefore never matches `codexbot[bot]`, and
 * GitHub's own `viewerDidAuthor` must not say otherwise.
 */
export function isOwnComment(c: CommentInfo, identity: Pick<Identity, "login">): boolean {
  return c.viewerDidAuthor !== false && sameAuthor(c.author, c.authorType ?? null, identity.login);
}

/** Exact author identity (see `isOwnComment`): the suffix is only ignored for Bot accounts. */
export function sameAuthor(author: string | null | undefined, authorType: string | null, viewer: string): boolean {
  if (!author || !viewer) return false;
  const a = author.toLowerCase();
  const v = viewer.toLowerCase();
  const viewerIsBot = v.endsWith("[bot]");
  if (authorType === null) return a === v;
  // A Bot author is the viewer whatever suffix either side carries; anyone else must match exactly
  // and cannot be a bot viewer. GitHub's `viewerDidAuthor` (required above) settles what remains.
  if (authorType === "Bot") return a.replace(/\[bot\]$/, "") === v.replace(/\[bot\]$/, "");
  return !viewerIsBot && a === v;
}

function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, "\n").trim();
  return norm(a) === norm(b);
}

export const COMMENT_MAX_CHARS = 65_536;

function assertCommentLength(body: string): void {
  if (body.length > COMMENT_MAX_CHARS) {
    throw new CodexrelError(
      "COMMENT_TOO_LONG",
      `comment body is ${body.length} characters; GitHub takes ${COMMENT_MAX_CHARS}`,
      {
        hint: "Render the comment with a budget (core's renderComment does) or link the full report instead.",
      },
    );
  }
}

function fromGraphQLComment(c: GqlComment): CommentInfo {
  return {
    id: c.databaseId ?? 0,
    nodeId: c.id,
    body: c.body,
    url: c.url,
    author: c.author?.login ?? null,
    authorType: c.author?.__typename ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    minimized: c.isMinimized,
    viewerDidAuthor: c.viewerDidAuthor,
  };
}

function fromRestComment(c: RestComment): CommentInfo {
  return {
    id: c.id,
    nodeId: c.node_id,
    body: c.body ?? "",
    url: c.html_url,
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    minimized: false,
    // Only this client's own writes come back through REST.
    viewerDidAuthor: true,
  };
}
