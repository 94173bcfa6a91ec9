/**
 * The GitHub client: GraphQL first (`@octokit/graphql` through `@octokit/core`), REST
 * (`@octokit/request`) where GraphQL lacks what we need. The parts:
 * - transport.ts: Octokit with `@octokit/plugin-retry` and `@octokit/plugin-throttling`
 *   (throttle.ts): never retry a 4xx other than rate limits; reads are retried on 5xx and network
 *   errors;
 * - lost-write.ts: writes are never blindly retried: after a lost response the client re-reads to
 *   see whether the write landed, and only retries when it did not, so nothing is created twice;
 * - queries.ts and mappers.ts: the GraphQL documents and GitHub's answers in the client's terms.
 *
 * Comment writes use REST on purpose: a REST 403 carries `x-accepted-github-permissions`, the
 * exact permission that would work, which GraphQL errors do not.
 */
import { CodexrelError, createRedactor, type Redactor } from "@codexrel/core";
import { isOwnComment } from "./authorship.js";
import type {
  CollaboratorPermission,
  CommentInfo,
  GitHubClientOptions,
  GitHubLog,
  Identity,
  PermissionSignals,
  ReactionContent,
  ThreadContext,
} from "./client-types.js";
import { assertCommentLength, sameBody } from "./comment-body.js";
import { resolveEndpoints } from "./endpoints.js";
import { isGitHubError } from "./errors.js";
import { type LostWritePolicy, writeSafely } from "./lost-write.js";
import { fromGraphQLComment, fromRestComment, notFoundAs, type RestComment, toThreadContext } from "./mappers.js";
import {
  COMMENTS_PAGE_QUERY,
  type CommentsPageData,
  type NewestCommentsData,
  newestCommentsQuery,
  type RecentCommentsData,
  recentCommentsQuery,
  THREAD_QUERY,
  type ThreadData,
  threadVariables,
  VIEWER_QUERY,
  type ViewerData,
} from "./queries.js";
import { formatThreadRef, type ThreadRef } from "./thread.js";
import { injectedThrottleGroups } from "./throttle.js";
import { TOKEN_MISSING_HINT, type TokenKind, tokenKind } from "./token.js";
import { GitHubTransport } from "./transport.js";

export { isOwnComment, sameAuthor, sameLogin } from "./authorship.js";
export type * from "./client-types.js";
export { COMMENT_MAX_CHARS } from "./comment-body.js";
export { createThrottleGroups, type ThrottleGroups, type ThrottleSpacing } from "./throttle.js";

export class GitHubClient {
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  readonly tokenKind: TokenKind;
  /** Redacts the token (and token-shaped strings) from any text. */
  readonly redact: Redactor;
  private readonly transport: GitHubTransport;
  private readonly lostWrite: LostWritePolicy;
  private readonly log: GitHubLog;
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
    this.log = options.log ?? {};
    const retries = options.retries ?? 3;
    const retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
    this.lostWrite = {
      retries,
      retryBaseDelayMs,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      warn: (message) => this.log.warn?.(message),
    };
    this.transport = new GitHubTransport({
      token: options.token,
      tokenKind: this.tokenKind,
      apiUrl: this.apiUrl,
      graphqlUrl: this.graphqlUrl,
      redact: this.redact,
      log: this.log,
      fetch: options.fetch ?? globalThis.fetch,
      userAgent: options.userAgent ?? "codexrel",
      timeoutMs: options.timeoutMs ?? 30_000,
      retries,
      retryBaseDelayMs,
      rateLimit: options.rateLimit ?? {},
      throttleGroups: injectedThrottleGroups(options),
    });
  }

  /** A GraphQL query (retried on 5xx/network by the retry plugin). Errors are coded. */
  graphql<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return this.transport.graphql<T>(what, query, variables);
  }

  /** A REST read (retried on 5xx/network). */
  restRead<T>(what: string, route: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.transport.restRead<T>(what, route, params);
  }

  /**
   * One REST write (POST/PATCH/PUT/DELETE) that is never blindly retried: after a lost response
   * `reread` decides whether it landed (return the result) or not (undefined: try again). Used by
   * the issue functions in issues.ts; prefer the typed methods where one exists.
   */
  restWrite<T>(
    what: string,
    route: string,
    params: Record<string, unknown>,
    reread: () => Promise<T | undefined>,
  ): Promise<T> {
    return writeSafely(what, () => this.transport.restWriteOnce<T>(what, route, params), reread, this.lostWrite);
  }

  /** Who the token acts as (cached). GraphQL `viewer` works for user and installation tokens. */
  viewer(): Promise<Identity> {
    if (!this.identity) {
      this.identity = this.graphql<ViewerData>("identify the token", VIEWER_QUERY).then(
        (data) => this.identityOf(data.viewer),
        (error: unknown) => {
          this.identity = undefined;
          throw error;
        },
      );
    }
    return this.identity;
  }

  private identityOf(viewer: { login: string; id: string }): Identity {
    return { login: viewer.login, id: viewer.id, tokenKind: this.tokenKind, scopes: this.transport.scopes };
  }

  /** The thread with the viewer's permission signals. */
  async thread(ref: ThreadRef): Promise<ThreadContext> {
    let data: ThreadData;
    try {
      data = await this.graphql<ThreadData>(`read ${formatThreadRef(ref)}`, THREAD_QUERY, threadVariables(ref));
    } catch (error) {
      throw notFoundAs(error, ref);
    }
    const repo = data.repository;
    const node = repo?.issueOrPullRequest;
    if (!repo || !node) throw notFoundAs(undefined, ref, repo ? "thread" : "repository");
    return toThreadContext(ref, repo, node);
  }

  /** All comments of a thread, oldest first, read newest-first in pages of 100 (up to `max`). */
  async listComments(
    ref: ThreadRef,
    options: { max?: number } = {},
  ): Promise<{ comments: CommentInfo[]; complete: boolean }> {
    const max = options.max ?? 3000;
    const pages: CommentInfo[][] = [];
    let count = 0;
    let before: string | null = null;
    for (;;) {
      const data: CommentsPageData = await this.graphql<CommentsPageData>(
        `list comments of ${formatThreadRef(ref)}`,
        COMMENTS_PAGE_QUERY,
        { ...threadVariables(ref), before },
      ).catch((error: unknown) => {
        throw notFoundAs(error, ref);
      });
      const conn = data.repository?.issueOrPullRequest?.comments;
      if (!conn) throw notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
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
    const data = await this.graphql<NewestCommentsData>(
      `read the newest comments of ${formatThreadRef(ref)}`,
      newestCommentsQuery(n),
      threadVariables(ref),
    ).catch((error: unknown) => {
      throw notFoundAs(error, ref);
    });
    const conn = data.repository?.issueOrPullRequest?.comments;
    if (!conn) throw notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
    const identity = this.identityOf(data.viewer);
    this.identity ??= Promise.resolve(identity);
    return { identity, comments: conn.nodes.map(fromGraphQLComment), complete: !conn.pageInfo.hasPreviousPage };
  }

  /** The database id of the newest comment (0 when none): the watermark for lost-create checks. */
  async newestCommentId(ref: ThreadRef): Promise<number> {
    const { comments } = await this.recentComments(ref, 1);
    return comments.at(-1)?.id ?? 0;
  }

  private async recentComments(ref: ThreadRef, last: number): Promise<{ comments: CommentInfo[] }> {
    const data = await this.graphql<RecentCommentsData>(
      `read recent comments of ${formatThreadRef(ref)}`,
      recentCommentsQuery(last),
      threadVariables(ref),
    ).catch((error: unknown) => {
      throw notFoundAs(error, ref);
    });
    const nodes = data.repository?.issueOrPullRequest?.comments.nodes;
    if (!nodes) throw notFoundAs(undefined, ref, data.repository ? "thread" : "repository");
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
    return writeSafely(
      what,
      async () =>
        fromRestComment(
          await this.transport.restWriteOnce<RestComment>(
            what,
            "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
            { owner: ref.owner, repo: ref.repo, issue_number: ref.number, body },
          ),
        ),
      async () => {
        const { comments } = await this.recentComments(ref, 100);
        const identity = await this.viewer();
        return comments.find((c) => c.id > afterId && isOwnComment(c, identity) && sameBody(c.body, body));
      },
      this.lostWrite,
    );
  }

  /** Replaces a comment's body (idempotent; after a lost response the body is re-read first). */
  async updateComment(ref: ThreadRef, commentId: number, text: string): Promise<CommentInfo> {
    const body = this.redact(text);
    assertCommentLength(body);
    const what = `update comment ${commentId} on ${formatThreadRef(ref)}`;
    return writeSafely(
      what,
      async () =>
        fromRestComment(
          await this.transport.restWriteOnce<RestComment>(
            what,
            "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
            { owner: ref.owner, repo: ref.repo, comment_id: commentId, body },
          ),
        ),
      async () => {
        const current = await this.getComment(ref, commentId);
        return current && sameBody(current.body, body) ? current : undefined;
      },
      this.lostWrite,
    );
  }

  /** Deletes a comment; one already gone counts as deleted. */
  async deleteComment(ref: ThreadRef, commentId: number): Promise<void> {
    const what = `delete comment ${commentId} on ${formatThreadRef(ref)}`;
    await writeSafely(
      what,
      async () => {
        try {
          await this.transport.restWriteOnce(what, "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
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
      this.lostWrite,
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
        ? this.transport.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
            owner: ref.owner,
            repo: ref.repo,
            issue_number: ref.number,
            content,
          })
        : this.transport.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
            owner: ref.owner,
            repo: ref.repo,
            comment_id: target.commentId,
            content,
          });
    await writeSafely(what, attempt, async () => undefined, this.lostWrite);
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
    return {
      identity: { ...identity, scopes: this.transport.scopes ?? identity.scopes },
      thread,
      collaboratorPermission,
    };
  }
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  return new GitHubClient(options);
}
