/**
 * Events the fake's writes would fire on GitHub, recorded with whether they may start workflows.
 *
 * "When you use the repository's GITHUB_TOKEN to perform tasks, events triggered by the
 * GITHUB_TOKEN, with the exception of workflow_dispatch and repository_dispatch, will not create a
 * new workflow run." A GitHub App installation token or a personal access token does start runs.
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/triggering-a-workflow#triggering-a-workflow-from-a-workflow
 */
import { webhookPayload } from "../webhooks/payloads.js";
import type { Auth } from "./access.js";
import type { FakeComment, FakeGitHubState, FakeRepo, FakeThread, TokenKind } from "./state.js";

export interface RecordedEvent {
  seq: number;
  /** `GITHUB_EVENT_NAME` of the event (issue_comment, issues, pull_request, push...). */
  name: string;
  action?: string;
  repo: string;
  actor: string;
  tokenKind: TokenKind | "anonymous";
  /** The run whose GITHUB_TOKEN made the change. */
  byRun?: string;
  /** False for changes made with a run's GITHUB_TOKEN (except workflow_dispatch / repository_dispatch). */
  triggersWorkflows: boolean;
  reason?: string;
  /** A webhook payload of the event (a real example adapted to the fake's objects). */
  payload: Record<string, unknown>;
}

const DISPATCH_EVENTS = new Set(["workflow_dispatch", "repository_dispatch"]);

export function recordEvent(
  state: FakeGitHubState,
  auth: Auth,
  repo: FakeRepo,
  name: string,
  action: string | undefined,
  payload: Record<string, unknown>,
): RecordedEvent {
  const token = auth.kind === "token" ? auth.token : undefined;
  const byRun = token?.runId;
  const triggers = byRun === undefined || DISPATCH_EVENTS.has(name);
  const actor = auth.kind === "token" ? auth.user.login : "anonymous";
  const sender = state.addUser(actor);
  const event: RecordedEvent = {
    seq: state.events.length + 1,
    name,
    ...(action ? { action } : {}),
    repo: repo.fullName,
    actor,
    tokenKind: token?.kind ?? "anonymous",
    ...(byRun ? { byRun } : {}),
    triggersWorkflows: triggers,
    ...(triggers ? {} : { reason: `made with the GITHUB_TOKEN of run ${byRun}: it starts no workflow run` }),
    payload: {
      ...payload,
      sender: { login: sender.login, id: sender.id, node_id: sender.nodeId, type: sender.type },
    },
  };
  state.events.push(event);
  return event;
}

function userObject(state: FakeGitHubState, login: string): Record<string, unknown> {
  const u = state.addUser(login);
  return { login: u.login, id: u.id, node_id: u.nodeId, type: u.type };
}

function issueObject(state: FakeGitHubState, thread: FakeThread): Record<string, unknown> {
  const base = `https://github.com/${thread.repo}`;
  return {
    number: thread.number,
    id: thread.id,
    node_id: thread.nodeId,
    title: thread.title,
    body: thread.body,
    state: thread.state,
    locked: thread.locked,
    user: userObject(state, thread.author),
    labels: thread.labels.map((name) => ({ name })),
    html_url: `${base}/${thread.kind === "pr" ? "pull" : "issues"}/${thread.number}`,
    ...(thread.kind === "pr"
      ? { pull_request: { url: `https://api.github.com/repos/${thread.repo}/pulls/${thread.number}`, merged_at: null } }
      : {}),
  };
}

export function issueCommentEvent(
  state: FakeGitHubState,
  auth: Auth,
  repo: FakeRepo,
  thread: FakeThread,
  comment: FakeComment,
): RecordedEvent {
  const base = webhookPayload("issue_comment", {
    action: "created",
    repo: repo.fullName,
    defaultBranch: repo.defaultBranch,
  });
  return recordEvent(state, auth, repo, "issue_comment", "created", {
    ...base,
    issue: { ...(base["issue"] as object), ...issueObject(state, thread) },
    comment: {
      ...(base["comment"] as object),
      id: comment.id,
      node_id: comment.nodeId,
      body: comment.body,
      user: userObject(state, comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      html_url: `https://github.com/${repo.fullName}/issues/${thread.number}#issuecomment-${comment.id}`,
    },
  });
}

export function issuesOpenedEvent(
  state: FakeGitHubState,
  auth: Auth,
  repo: FakeRepo,
  thread: FakeThread,
): RecordedEvent {
  const base = webhookPayload("issues", { action: "opened", repo: repo.fullName, defaultBranch: repo.defaultBranch });
  return recordEvent(state, auth, repo, "issues", "opened", {
    ...base,
    issue: { ...(base["issue"] as object), ...issueObject(state, thread) },
  });
}

export function pushEvent(
  state: FakeGitHubState,
  auth: Auth,
  repo: FakeRepo,
  update: { ref: string; oldSha: string; newSha: string },
): RecordedEvent {
  const base = webhookPayload("push", { repo: repo.fullName, defaultBranch: repo.defaultBranch });
  return recordEvent(state, auth, repo, "push", undefined, {
    ...base,
    ref: update.ref,
    before: update.oldSha,
    after: update.newSha,
    created: /^0+$/.test(update.oldSha),
    deleted: /^0+$/.test(update.newSha),
    commits: [],
    head_commit: null,
  });
}
