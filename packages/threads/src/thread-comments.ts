/**
 * The conversation comments of an issue or PR, newest pages first, as the queue drain needs them:
 * with each author's type (bots) and association. One GraphQL query, paged backwards from the
 * newest comment until the drain cursor is reached.
 */
import type { Thread } from "@codexrel/core";
import type { RoutingConfigInput } from "./config.js";
import { type DrainResult, drainQueue, type ThreadComment } from "./drain.js";
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import { commentAuthor, listPullRequestFeedback } from "./pr-feedback.js";
import type { GraphQLPort } from "./review-context.js";
import type { PermissionPort } from "./route.js";
import type { ThreadState } from "./state.js";

export const THREAD_COMMENTS_QUERY = /* GraphQL */ `
  query CodexrelThreadComments($owner: String!, $name: String!, $number: Int!, $before: String) {
    repository(owner: $owner, name: $name) {
      issueOrPullRequest(number: $number) {
        __typename
        ... on Issue {
          title
          issueState: state
          comments(last: 100, before: $before) {
            ...CodexrelComments
          }
        }
        ... on PullRequest {
          title
          prState: state
          comments(last: 100, before: $before) {
            ...CodexrelComments
          }
        }
      }
    }
  }

  fragment CodexrelComments on IssueCommentConnection {
    pageInfo {
      hasPreviousPage
      startCursor
    }
    nodes {
      databaseId
      body
      url
      createdAt
      isMinimized
      authorAssociation
      author {
        __typename
        login
      }
    }
  }
`;

interface CommentNode {
  databaseId: number | null;
  body: string;
  url: string;
  createdAt: string;
  isMinimized: boolean;
  authorAssociation: string;
  author: { __typename: string; login: string } | null;
}

interface CommentsData {
  repository: {
    issueOrPullRequest: {
      __typename: "Issue" | "PullRequest";
      title: string;
      issueState?: string;
      prState?: string;
      comments: {
        pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
        nodes: Array<CommentNode | null> | null;
      };
    } | null;
  } | null;
}

export interface ThreadComments {
  kind: Thread["kind"];
  title: string;
  state: string;
  /** Oldest first; minimized (hidden) comments are left out. */
  comments: ThreadComment[];
  /** False when the page limit stopped before reaching `after`. */
  complete: boolean;
}

/**
 * Lists the thread's comments newer than `after` (a comment id; 0 for all), oldest first.
 * GitHub's GraphQL reports a bot as `Bot` with its login without `[bot]`; the suffix is added so
 * logins compare the same as in webhook payloads (`github-actions[bot]`).
 */
export async function listThreadComments(
  port: GraphQLPort,
  thread: Thread,
  options: { after?: number; maxPages?: number } = {},
): Promise<ThreadComments> {
  const [owner, name] = thread.repository.split("/") as [string, string];
  const after = options.after ?? 0;
  const maxPages = options.maxPages ?? 10;
  const out: ThreadComment[] = [];
  let before: string | null = null;
  let head: NonNullable<NonNullable<CommentsData["repository"]>["issueOrPullRequest"]> | null = null;
  let complete = true;
  for (let page = 0; ; page++) {
    const data: CommentsData = await port.graphql<CommentsData>(
      `list comments of ${thread.repository}#${thread.number}`,
      THREAD_COMMENTS_QUERY,
      { owner, name, number: thread.number, before },
    );
    const found = data.repository?.issueOrPullRequest ?? null;
    if (!found) {
      throw threadsError(
        ThreadsErrorCodes.THREAD_NOT_FOUND,
        `${thread.repository}#${thread.number} was not found`,
        "Check the repository and number, and that the token can read issues and pull requests.",
      );
    }
    head ??= found;
    const nodes = (found.comments.nodes ?? []).filter((n): n is CommentNode => n !== null && n.databaseId !== null);
    let reached = false;
    for (const n of nodes) {
      if ((n.databaseId as number) <= after) {
        reached = true;
        continue;
      }
      if (n.isMinimized) continue;
      out.push({
        id: n.databaseId as number,
        body: n.body,
        url: n.url,
        createdAt: n.createdAt,
        user: commentAuthor(n.author),
        authorAssociation: n.authorAssociation,
      });
    }
    const info = found.comments.pageInfo;
    if (reached || !info.hasPreviousPage) break;
    if (page + 1 >= maxPages) {
      complete = false;
      break;
    }
    before = info.startCursor;
  }
  const h = head as NonNullable<typeof head>;
  return {
    kind: h.__typename === "PullRequest" ? "pr" : "issue",
    title: h.title,
    state: h.issueState ?? h.prState ?? "OPEN",
    comments: out.sort((a, b) => a.id - b.id),
    complete,
  };
}

export interface DrainThreadOptions {
  thread: Thread;
  state: ThreadState;
  config?: RoutingConfigInput;
  permissions?: PermissionPort;
  maxPages?: number;
  now?: Date;
}

/**
 * Lists the comments newer than the thread's cursor (and, on a PR, the reviews and review comments
 * newer than theirs) and routes them in order (`drainQueue`).
 */
export async function drainThread(
  port: GraphQLPort,
  options: DrainThreadOptions,
): Promise<DrainResult & { complete: boolean }> {
  const listed = await listThreadComments(port, options.thread, {
    after: options.state.cursors.issueComment ?? 0,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  });
  // A PR's reviews and review comments queue behind a run like its conversation comments.
  const feedback = listed.kind === "pr" ? await listPullRequestFeedback(port, options.thread) : null;
  const result = await drainQueue(
    {
      thread: options.thread,
      title: listed.title,
      comments: listed.comments,
      ...(feedback ? { reviews: feedback.reviews, reviewComments: feedback.reviewComments } : {}),
      state: options.state,
      threadState: listed.state,
      ...(options.config ? { config: options.config } : {}),
      ...(options.permissions ? { permissions: options.permissions } : {}),
    },
    options.now ?? new Date(),
  );
  return { ...result, complete: listed.complete && (feedback?.complete ?? true) };
}
