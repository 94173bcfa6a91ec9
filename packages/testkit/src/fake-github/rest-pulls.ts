/**
 * REST routes for pull requests the worker uses: list (`?state=&head=owner:branch&base=`), create
 * (a draft with `Closes #N`) and get. GitHub's rules modelled here: creating needs
 * `pull_requests: write` (permission-table.ts checks it before this handler); the head and base
 * branches must exist (422 "Validation Failed", field `head`/`base`, code `invalid`); one open PR
 * per head and base (422 "A pull request already exists for owner:branch."); head equal to base,
 * or a head with no commits beyond base, is 422 too.
 * https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request
 */
import { isResult, notFound, type RestHandler, type RestResult, repoOf } from "./rest.js";
import { HTML_BASE, restUser } from "./rest-objects.js";
import type { FakeGitHubState, FakeRepo, FakeThread } from "./state.js";

/** The `repository` schema (73 required fields), for `head.repo` and `base.repo`. */
export function restRepository(apiUrl: string, state: FakeGitHubState, repo: FakeRepo): Record<string, unknown> {
  const u = `${apiUrl}/repos/${repo.fullName}`;
  const html = `${HTML_BASE}/${repo.fullName}`;
  const open = state.openThreadCount(repo.fullName);
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    owner: restUser(apiUrl, state.addUser(repo.owner)),
    private: repo.private,
    html_url: html,
    description: null,
    fork: false,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://github.com/${repo.fullName}.git`,
    hooks_url: `${u}/hooks`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    svn_url: html,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues: open,
    open_issues_count: open,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: repo.archived,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    license: null,
  };
}

function branch(apiUrl: string, state: FakeGitHubState, repo: FakeRepo, ref: string, sha: string) {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: restUser(apiUrl, state.addUser(repo.owner)),
    repo: restRepository(apiUrl, state, repo),
  };
}

/** `pull-request-simple` (list items); `full` adds the `pull-request` fields of a single PR. */
export function restPull(
  apiUrl: string,
  state: FakeGitHubState,
  repo: FakeRepo,
  t: FakeThread,
  full: boolean,
): Record<string, unknown> {
  const u = `${apiUrl}/repos/${repo.fullName}/pulls/${t.number}`;
  const issue = `${apiUrl}/repos/${repo.fullName}/issues/${t.number}`;
  const html = `${HTML_BASE}/${repo.fullName}/pull/${t.number}`;
  const head = state.repo(t.headRepo ?? repo.fullName) ?? repo;
  const simple: Record<string, unknown> = {
    url: u,
    id: t.id,
    node_id: t.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${u}/commits`,
    review_comments_url: `${u}/comments`,
    review_comment_url: `${apiUrl}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${apiUrl}/repos/${repo.fullName}/statuses/${t.headSha}`,
    number: t.number,
    state: t.state,
    locked: t.locked,
    title: t.title,
    user: restUser(apiUrl, state.addUser(t.author)),
    body: t.body,
    labels: [],
    milestone: null,
    created_at: t.createdAt,
    updated_at: t.createdAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(apiUrl, state, head, t.headRef, t.headSha),
    base: branch(apiUrl, state, repo, t.baseRef, repo.refs.get(`refs/heads/${t.baseRef}`) ?? t.headSha),
    _links: {
      self: { href: u },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${u}/comments` },
      review_comment: { href: `${apiUrl}/repos/${repo.fullName}/pulls/comments{/number}` },
      commits: { href: `${u}/commits` },
      statuses: { href: `${apiUrl}/repos/${repo.fullName}/statuses/${t.headSha}` },
    },
    author_association: t.author.toLowerCase() === repo.owner.toLowerCase() ? "OWNER" : "NONE",
    auto_merge: null,
    draft: t.draft,
  };
  if (!full) return simple;
  return {
    ...simple,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: state.threadComments(repo.fullName, t.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

function invalid(message: string, errors: Array<Record<string, unknown>>): RestResult {
  return {
    status: 422,
    body: {
      message,
      errors,
      documentation_url: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
      status: "422",
    },
  };
}

/** `owner:branch` or `branch` (the same repository) as GitHub reads `head`. */
function headBranch(repo: FakeRepo, head: string): string | null {
  const at = head.indexOf(":");
  if (at < 0) return head;
  return head.slice(0, at).toLowerCase() === repo.owner.toLowerCase() ? head.slice(at + 1) : null;
}

const listPulls: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const state = ctx.query.get("state") ?? "open";
  const head = ctx.query.get("head");
  const base = ctx.query.get("base");
  const wanted = head === null ? undefined : headBranch(repo, head);
  const pulls = ctx.state
    .threadsOf(repo.fullName)
    .filter((t) => t.kind === "pr")
    .filter((t) => state === "all" || t.state === state)
    .filter((t) => wanted === undefined || (wanted !== null && t.headRef === wanted && t.headRepo === repo.fullName))
    .filter((t) => base === null || t.baseRef === base)
    .sort((a, b) => b.number - a.number);
  return { status: 200, body: pulls.map((t) => restPull(ctx.apiUrl, ctx.state, repo, t, false)) };
};

const createPull: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  if (ctx.auth.kind !== "token") return notFound();
  const input = ctx.body as { title?: string; head: string; base: string; body?: string; draft?: boolean };
  const head = headBranch(repo, input.head);
  const headSha = head === null ? undefined : repo.refs.get(`refs/heads/${head}`);
  const baseSha = repo.refs.get(`refs/heads/${input.base}`);
  const problems: Array<Record<string, unknown>> = [];
  if (headSha === undefined) problems.push({ resource: "PullRequest", field: "head", code: "invalid" });
  if (baseSha === undefined) problems.push({ resource: "PullRequest", field: "base", code: "invalid" });
  if (problems.length) return invalid("Validation Failed", problems);
  if (headSha === baseSha) {
    return invalid("Validation Failed", [
      { resource: "PullRequest", code: "custom", message: `No commits between ${input.base} and ${head}` },
    ]);
  }
  const open = ctx.state
    .threadsOf(repo.fullName)
    .find((t) => t.kind === "pr" && t.state === "open" && t.headRef === head && t.baseRef === input.base);
  if (open) {
    return invalid("Validation Failed", [
      { resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner}:${head}.` },
    ]);
  }
  const t = ctx.state.addPullRequest(repo.fullName, {
    title: input.title ?? head ?? "",
    body: input.body ?? "",
    author: ctx.auth.user.login,
    draft: input.draft === true,
    headRepo: repo.fullName,
    headRef: head as string,
    baseRef: input.base,
    headSha: headSha as string,
  });
  const json = restPull(ctx.apiUrl, ctx.state, repo, t, true);
  return { status: 201, body: json, headers: { location: String(json["url"]) } };
};

const getPull: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const t = ctx.state.thread(repo.fullName, Number(ctx.params["pull_number"]));
  if (t?.kind !== "pr") return notFound();
  return { status: 200, body: restPull(ctx.apiUrl, ctx.state, repo, t, true) };
};

export const PULLS_REST: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/pulls": listPulls,
  "POST /repos/{owner}/{repo}/pulls": createPull,
  "GET /repos/{owner}/{repo}/pulls/{pull_number}": getPull,
};
