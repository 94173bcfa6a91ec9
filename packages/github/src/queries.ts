/**
 * The GraphQL documents the client sends, and the shapes of their answers. Each names its
 * operation (`CodexrelThread`, ...) so GitHub's logs and the fake's request log tell them apart.
 */
import type { RepositoryPermission } from "./client-types.js";
import type { ThreadRef } from "./thread.js";

export const COMMENT_FIELDS = `id databaseId body url createdAt updatedAt isMinimized viewerDidAuthor author { __typename login }`;

export interface GqlComment {
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

/** The variables every thread query takes. */
export function threadVariables(ref: ThreadRef): { owner: string; name: string; number: number } {
  return { owner: ref.owner, name: ref.repo, number: ref.number };
}

export const VIEWER_QUERY = "query CodexrelViewer { viewer { login id } }";

export interface ViewerData {
  viewer: { login: string; id: string };
}

// `state` is IssueState on one and PullRequestState on the other: GraphQL needs aliases.
const THREAD_COMMON = `id number url title locked viewerCanUpdate viewerCannotUpdateReasons viewerCanReact author { login }`;

export const THREAD_QUERY = `query CodexrelThread($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        nameWithOwner isArchived isPrivate viewerPermission
        issueOrPullRequest(number: $number) {
          __typename
          ... on Issue { ${THREAD_COMMON} issueState: state }
          ... on PullRequest { ${THREAD_COMMON} prState: state isDraft isCrossRepository headRefName headRefOid baseRefName
            headRepository { nameWithOwner } baseRepository { nameWithOwner } }
        }
      }
    }`;

export interface ThreadNode {
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
}

export interface ThreadRepository {
  nameWithOwner: string;
  isArchived: boolean;
  isPrivate: boolean;
  viewerPermission: RepositoryPermission | null;
  issueOrPullRequest: ThreadNode | null;
}

export interface ThreadData {
  repository: ThreadRepository | null;
}

/** Issue and pull request comments are the same selection on either type. */
function onThread(selection: string): string {
  return `issueOrPullRequest(number: $number) {
          ... on Issue { ${selection} }
          ... on PullRequest { ${selection} }
        }`;
}

/** One page of 100 comments, read backwards from `$before`. */
export const COMMENTS_PAGE_QUERY = `query CodexrelComments($owner: String!, $name: String!, $number: Int!, $before: String) {
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: 100, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;

export interface CommentsPageData {
  repository: {
    issueOrPullRequest: {
      comments: { pageInfo: { hasPreviousPage: boolean; startCursor: string | null }; nodes: GqlComment[] };
    } | null;
  } | null;
}

/** The viewer and the newest `last` (1-100) comments, in one request. */
export function newestCommentsQuery(last: number): string {
  return `query CodexrelNewestComments($owner: String!, $name: String!, $number: Int!) {
      viewer { login id }
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: ${last}) { pageInfo { hasPreviousPage } nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;
}

export interface NewestCommentsData {
  viewer: { login: string; id: string };
  repository: {
    issueOrPullRequest: { comments: { pageInfo: { hasPreviousPage: boolean }; nodes: GqlComment[] } } | null;
  } | null;
}

/** The newest `last` comments, without the viewer (the lost-create re-read and its watermark). */
export function recentCommentsQuery(last: number): string {
  return `query CodexrelRecentComments($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: ${last}) { nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;
}

export interface RecentCommentsData {
  repository: { issueOrPullRequest: { comments: { nodes: GqlComment[] } } | null } | null;
}
