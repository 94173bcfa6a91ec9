/**
 * GraphQL fields -> the permission GitHub requires, for installation tokens and fine-grained
 * PATs. GitHub publishes no per-field table; its rule is that a GraphQL field needs what the REST
 * endpoint for the same data needs ("the permissions required for REST apply to GraphQL": the
 * GitHub App permission pages are shared by both APIs,
 * https://docs.github.com/en/graphql/guides/forming-calls-with-graphql#authenticating-with-a-github-app).
 * So each field the project uses is mapped to its REST twin, and the requirement is read from
 * GitHub's REST table (permission-table.ts). A missing permission answers GitHub's FORBIDDEN:
 * `{"type":"FORBIDDEN","path":[...],"extensions":{"saml_failure":false},"locations":[...],
 * "message":"Resource not accessible by integration"}` with `null` at that path.
 */
import { checkRoutePermission, type PermissionDenial } from "./permission-table.js";
import type { FakeToken } from "./state.js";

/** `Type.field` -> the REST route whose permission it needs. */
export const GRAPHQL_FIELD_ROUTES: Record<string, string> = {
  // issues
  "Repository.issue": "GET /repos/{owner}/{repo}/issues/{issue_number}",
  "Repository.issues": "GET /repos/{owner}/{repo}/issues",
  "Issue.comments": "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  // pull_requests
  "Repository.pullRequest": "GET /repos/{owner}/{repo}/pulls/{pull_number}",
  "PullRequest.reviewThreads": "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "PullRequest.reviews": "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "PullRequest.commits": "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits",
  // checks / statuses / actions
  "Commit.statusCheckRollup": "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "Commit.checkSuites": "GET /repos/{owner}/{repo}/commits/{ref}/check-suites",
  "Commit.status": "GET /repos/{owner}/{repo}/commits/{ref}/status",
  "CheckSuite.workflowRun": "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
  // contents
  "Repository.object": "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
  "Repository.releases": "GET /repos/{owner}/{repo}/releases",
  "Repository.ref": "GET /repos/{owner}/{repo}/git/ref/{ref}",
  // mutations
  "Mutation.addComment": "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "Mutation.updateIssueComment": "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "Mutation.deleteIssueComment": "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "Mutation.addReaction": "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  "Mutation.minimizeComment": "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "Mutation.markPullRequestReadyForReview": "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
  "Mutation.createPullRequest": "POST /repos/{owner}/{repo}/pulls",
};

export function checkFieldPermission(
  token: FakeToken,
  typeName: string,
  fieldName: string,
): PermissionDenial | undefined {
  const route = GRAPHQL_FIELD_ROUTES[`${typeName}.${fieldName}`];
  return route ? checkRoutePermission(token, route) : undefined;
}
