/**
 * A pull request's review feedback as the queue drain needs it: submitted reviews (their summary
 * text and state) and review comments (inline, on a line of the diff), with each author's type and
 * association. GitHub keeps one pending run per concurrency group, so a review or a review comment
 * whose own run was cancelled must be picked up by the run that gets the thread, like a
 * conversation comment (`thread-comments.ts`). Comments in resolved threads are left out (someone
 * dealt with them). One GraphQL query; the newest 100 reviews and the
 * newest 100 comments of each of the newest 100 review threads (anything older is reported as
 * incomplete, never dropped silently).
 */
import type { Thread } from "@codexrel/core";
import type { ThreadComment } from "./drain.js";
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import type { GraphQLPort } from "./review-context.js";

export const PR_FEEDBACK_QUERY = /* GraphQL */ `
  query CodexrelPullRequestFeedback($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        reviews(last: 100) {
          pageInfo {
            hasPreviousPage
          }
          nodes {
            databaseId
            body
            state
            url
            submittedAt
            authorAssociation
            author {
              __typename
              login
            }
          }
        }
        reviewThreads(last: 100) {
          pageInfo {
            hasPreviousPage
          }
          nodes {
            isResolved
            comments(last: 100) {
              pageInfo {
                hasPreviousPage
              }
              nodes {
                databaseId
                body
                url
                createdAt
                path
                line
                originalLine
                authorAssociation
                author {
                  __typename
                  login
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** A submitted review: its summary text and state (`commented`, `changes_requested`, ...). */
export interface ThreadReview extends ThreadComment {
  state: string;
}

/** An inline review comment on a line of the diff. */
export interface ThreadReviewComment extends ThreadComment {
  path: string | null;
  line: number | null;
}

export interface PullRequestFeedback {
  /** Oldest first; pending (unsubmitted) reviews are left out. */
  reviews: ThreadReview[];
  /** Oldest first. */
  reviewComments: ThreadReviewComment[];
  /** False when a list had more than the query reads. */
  complete: boolean;
}

type Author = { __typename: string; login: string } | null;
interface ReviewNode {
  databaseId: number | null;
  body: string;
  state: string;
  url: string;
  submittedAt: string | null;
  authorAssociation: string;
  author: Author;
}
interface ReviewCommentNode {
  databaseId: number | null;
  body: string;
  url: string;
  createdAt: string;
  path: string | null;
  line: number | null;
  originalLine: number | null;
  authorAssociation: string;
  author: Author;
}
type Page<T> = { pageInfo: { hasPreviousPage: boolean }; nodes: Array<T | null> | null };
interface FeedbackData {
  repository: {
    pullRequest: {
      reviews: Page<ReviewNode>;
      reviewThreads: Page<{ isResolved: boolean; comments: Page<ReviewCommentNode> }>;
    } | null;
  } | null;
}

/**
 * A GraphQL author as a webhook payload's `user`: GraphQL names a bot `Bot` with its login without
 * `[bot]`; the suffix is added so logins compare as in webhook payloads (`github-actions[bot]`).
 */
export function commentAuthor(author: Author): ThreadComment["user"] {
  if (!author) return { login: "ghost", type: "User" };
  const bot = author.__typename === "Bot";
  const login = bot && !author.login.endsWith("[bot]") ? `${author.login}[bot]` : author.login;
  return { login, type: bot ? "Bot" : author.__typename === "Organization" ? "Organization" : "User" };
}

/** The PR's submitted reviews and its unresolved threads' comments (the drain keeps what is newer than its cursors). */
export async function listPullRequestFeedback(port: GraphQLPort, thread: Thread): Promise<PullRequestFeedback> {
  const [owner, name] = thread.repository.split("/") as [string, string];
  const data = await port.graphql<FeedbackData>(
    `list reviews of ${thread.repository}#${thread.number}`,
    PR_FEEDBACK_QUERY,
    { owner, name, number: thread.number },
  );
  const pr = data.repository?.pullRequest ?? null;
  if (!pr) {
    throw threadsError(
      ThreadsErrorCodes.THREAD_NOT_FOUND,
      `pull request ${thread.repository}#${thread.number} was not found`,
      "Check the repository and number, and that the token can read pull requests.",
    );
  }
  let complete = !pr.reviews.pageInfo.hasPreviousPage && !pr.reviewThreads.pageInfo.hasPreviousPage;
  const reviews: ThreadReview[] = [];
  for (const n of pr.reviews.nodes ?? []) {
    if (!n || n.databaseId === null || n.submittedAt === null) continue;
    reviews.push({
      id: n.databaseId,
      body: n.body,
      url: n.url,
      createdAt: n.submittedAt,
      state: n.state.toLowerCase(),
      user: commentAuthor(n.author),
      authorAssociation: n.authorAssociation,
    });
  }
  const reviewComments: ThreadReviewComment[] = [];
  for (const t of pr.reviewThreads.nodes ?? []) {
    // A resolved thread was dealt with: its comments are not requests any more.
    if (!t || t.isResolved) continue;
    if (t.comments.pageInfo.hasPreviousPage) complete = false;
    for (const c of t.comments.nodes ?? []) {
      if (!c || c.databaseId === null) continue;
      reviewComments.push({
        id: c.databaseId,
        body: c.body,
        url: c.url,
        createdAt: c.createdAt,
        path: c.path,
        line: c.line ?? c.originalLine,
        user: commentAuthor(c.author),
        authorAssociation: c.authorAssociation,
      });
    }
  }
  reviews.sort((a, b) => a.id - b.id);
  reviewComments.sort((a, b) => a.id - b.id);
  return { reviews, reviewComments, complete };
}
