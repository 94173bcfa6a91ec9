/**
 * REST handler for opening an issue (`POST /repos/{owner}/{repo}/issues`). GitHub's rules: opening an issue needs the
 * `issues` permission (fine-grained / installation) or read access (users); labels are kept only
 * with push access and silently dropped otherwise.
 */
import { canWrite, effectiveRole } from "./access.js";
import { deny, isResult, notFound, type RestHandler, repoOf } from "./rest.js";
import { HTML_BASE, reactionRollup, restUser } from "./rest-objects.js";
import { type FakeGitHubState, type FakeRepo, type FakeThread, roleAtLeast } from "./state.js";

function labelJson(apiUrl: string, repo: FakeRepo, name: string, index: number): Record<string, unknown> {
  return {
    id: 9_000_000 + index,
    node_id: `LA_kwDO${index}`,
    url: `${apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: "ededed",
    default: false,
  };
}

export function restIssue(
  apiUrl: string,
  state: FakeGitHubState,
  repo: FakeRepo,
  t: FakeThread,
  authorAssociation: string,
): Record<string, unknown> {
  const url = `${apiUrl}/repos/${repo.fullName}/issues/${t.number}`;
  return {
    id: t.id,
    node_id: t.nodeId,
    url,
    repository_url: `${apiUrl}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${HTML_BASE}/${repo.fullName}/issues/${t.number}`,
    number: t.number,
    state: t.state,
    state_reason: null,
    title: t.title,
    body: t.body,
    user: restUser(apiUrl, state.addUser(t.author)),
    labels: t.labels.map((name, i) => labelJson(apiUrl, repo, name, i + 1)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: t.locked,
    active_lock_reason: t.lockReason === null ? null : t.lockReason.toLowerCase().replace("_", "-"),
    comments: state.threadComments(repo.fullName, t.number).length,
    closed_at: null,
    created_at: t.createdAt,
    updated_at: t.createdAt,
    author_association: authorAssociation,
    reactions: reactionRollup(`${url}/reactions`, state.reactionsOf(t.nodeId)),
  };
}

function association(repo: FakeRepo, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
  if (repo.collaborators.has(login.toLowerCase())) return "COLLABORATOR";
  return "NONE";
}

const createIssue: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: ["issues"], role: "read" });
  if (denied) return deny(denied);
  if (ctx.auth.kind !== "token") return notFound();
  const input = ctx.body as { title: string | number; body?: string; labels?: Array<string | { name?: string }> };
  const title = String(input.title);
  if (title.trim() === "") {
    return {
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "Issue", code: "missing_field", field: "title" }],
        documentation_url: "https://docs.github.com/rest/issues/issues#create-an-issue",
        status: "422",
      },
    };
  }
  const canPush = roleAtLeast(effectiveRole(ctx.state, ctx.auth, repo), "write");
  const labels = canPush
    ? (input.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean)
    : [];
  const t = ctx.state.addIssue(repo.fullName, { title, body: input.body ?? "", author: ctx.auth.user.login, labels });
  const json = restIssue(ctx.apiUrl, ctx.state, repo, t, association(repo, t.author));
  return { status: 201, body: json, headers: { location: String(json.url) } };
};

export const ISSUE_REST: Record<string, RestHandler> = {
  "POST /repos/{owner}/{repo}/issues": createIssue,
};
