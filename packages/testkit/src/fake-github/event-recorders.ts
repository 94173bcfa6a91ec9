/** Which successful writes fire which event (the routes and mutations the fake implements). */
import type { Auth } from "./access.js";
import { issueCommentEvent, issuesOpenedEvent } from "./events.js";
import type { RestResult } from "./rest.js";
import type { FakeGitHubState } from "./state.js";

export function recordRestEvent(
  state: FakeGitHubState,
  auth: Auth,
  route: string,
  params: Record<string, string>,
  result: RestResult,
): void {
  if (result.status !== 201) return;
  const repo = state.repo(`${params["owner"]}/${params["repo"]}`);
  if (!repo) return;
  const body = result.body as { id?: number; number?: number } | undefined;
  if (route === "POST /repos/{owner}/{repo}/issues/{issue_number}/comments" && body?.id !== undefined) {
    const comment = state.comments.get(body.id);
    const thread = state.thread(repo.fullName, Number(params["issue_number"]));
    if (comment && thread) issueCommentEvent(state, auth, repo, thread, comment);
  } else if (route === "POST /repos/{owner}/{repo}/issues" && body?.number !== undefined) {
    const thread = state.thread(repo.fullName, body.number);
    if (thread) issuesOpenedEvent(state, auth, repo, thread);
  }
}

export function recordGraphQLEvents(state: FakeGitHubState, auth: Auth, rootFields: string[], body: unknown): void {
  if (!rootFields.includes("addComment")) return;
  const data = (body as { data?: Record<string, unknown> } | undefined)?.data;
  const added = data?.["addComment"] as { commentEdge?: { node?: { id?: string } } } | null | undefined;
  const nodeId = added?.commentEdge?.node?.id;
  const comment =
    [...state.comments.values()].find((c) => (nodeId ? c.nodeId === nodeId : false)) ??
    (added ? [...state.comments.values()].at(-1) : undefined);
  if (!comment) return;
  const repo = state.repo(comment.repo);
  const thread = state.thread(comment.repo, comment.number);
  if (repo && thread) issueCommentEvent(state, auth, repo, thread, comment);
}
