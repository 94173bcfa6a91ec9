/**
 * The GraphQL documents review context and handoff send, and the shapes of their answers (checked
 * against GitHub's schema in the tests).
 */

export const REVIEW_THREADS_QUERY = /* GraphQL */ `
  query CodexrelReviewThreads($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        id
        number
        title
        url
        isDraft
        state
        headRefName
        headRefOid
        baseRefName
        reviewDecision
        author {
          __typename
          login
        }
        reviewThreads(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            isResolved
            isOutdated
            path
            line
            originalLine
            comments(first: 10) {
              totalCount
              nodes {
                author {
                  login
                }
                body
                url
                createdAt
              }
            }
          }
        }
      }
    }
  }
`;

export const HEAD_CHECKS_QUERY = /* GraphQL */ `
  query CodexrelHeadChecks($owner: String!, $name: String!, $oid: GitObjectID!, $after: String) {
    repository(owner: $owner, name: $name) {
      object(oid: $oid) {
        ... on Commit {
          oid
          statusCheckRollup {
            state
            contexts(first: 100, after: $after) {
              totalCount
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                __typename
                ... on CheckRun {
                  name
                  status
                  conclusion
                  detailsUrl
                  title
                  summary
                  checkSuite {
                    workflowRun {
                      workflow {
                        name
                      }
                    }
                  }
                }
                ... on StatusContext {
                  context
                  state
                  description
                  targetUrl
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const MARK_READY_MUTATION = /* GraphQL */ `
  mutation CodexrelMarkReady($id: ID!) {
    markPullRequestReadyForReview(input: { pullRequestId: $id }) {
      pullRequest {
        id
        isDraft
      }
    }
  }
`;

export interface ThreadsData {
  repository: {
    pullRequest: {
      id: string;
      number: number;
      title: string;
      url: string;
      isDraft: boolean;
      state: string;
      headRefName: string;
      headRefOid: string;
      baseRefName: string;
      reviewDecision: string | null;
      author: { __typename: string; login: string } | null;
      reviewThreads: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          path: string | null;
          line: number | null;
          originalLine: number | null;
          comments: {
            totalCount: number;
            nodes: Array<{
              author: { login: string } | null;
              body: string;
              url: string;
              createdAt: string;
            } | null> | null;
          };
        } | null> | null;
      };
    } | null;
  } | null;
}

export type ContextNode =
  | {
      __typename: "CheckRun";
      name: string;
      status: string;
      conclusion: string | null;
      detailsUrl: string | null;
      title: string | null;
      summary: string | null;
      checkSuite: { workflowRun: { workflow: { name: string } } | null } | null;
    }
  | {
      __typename: "StatusContext";
      context: string;
      state: string;
      description: string | null;
      targetUrl: string | null;
    };

export interface ChecksData {
  repository: {
    object: {
      oid?: string;
      statusCheckRollup?: {
        state: string;
        contexts: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: Array<ContextNode | null> | null;
        };
      } | null;
    } | null;
  } | null;
}
