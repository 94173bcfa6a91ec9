/**
 * GitHub's answers in the client's terms: comments from GraphQL and REST as one `CommentInfo`,
 * a thread node as a `ThreadContext`, and a GraphQL NOT_FOUND as the missing repository or thread.
 */
import { CodexrelError } from "@codexrel/core";
import type { CommentInfo, ThreadContext } from "./client-types.js";
import { GitHubErrorCodes, githubDetails, isGitHubError } from "./errors.js";
import type { GqlComment, ThreadNode, ThreadRepository } from "./queries.js";
import { formatThreadRef, type ThreadKind, type ThreadRef } from "./thread.js";

export interface RestComment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
  created_at: string;
  updated_at: string;
  user: { login: string; type?: string } | null;
}

export function fromGraphQLComment(c: GqlComment): CommentInfo {
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

export function fromRestComment(c: RestComment): CommentInfo {
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

export function toThreadContext(ref: ThreadRef, repo: ThreadRepository, node: ThreadNode): ThreadContext {
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

/**
 * A GraphQL NOT_FOUND (or, with `error` undefined, an empty answer) as REPOSITORY_NOT_FOUND or
 * THREAD_NOT_FOUND; any other error is returned as it is.
 */
export function notFoundAs(error: unknown, ref: ThreadRef, which?: "repository" | "thread"): unknown {
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
