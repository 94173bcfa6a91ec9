/**
 * Issues and releases of a repository: list issues (GraphQL, newest first, with
 * `viewerDidAuthor`), find this identity's issues carrying a codexrel marker, open an issue (REST,
 * so a 403 names the missing permission; never blindly retried), and list releases (GraphQL).
 *
 * Issues are found by marker in their body, never by label: GitHub silently drops labels when the
 * token cannot push, so a label is no proof that an issue exists.
 */
import { CodexrelError, hasMarker, parseMarkers } from "@codexrel/core";
import type { GitHubClient } from "./client.js";
import { COMMENT_MAX_CHARS, type Identity, sameLogin } from "./client.js";
import { GitHubErrorCodes, githubDetails, isGitHubError } from "./errors.js";

export interface RepoRef {
  owner: string;
  repo: string;
}

const REPO_RE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** `owner/name` -> RepoRef; REPOSITORY_INVALID otherwise. */
export function parseRepoRef(value: string): RepoRef {
  const m = REPO_RE.exec(value.trim());
  if (!m || m[2] === "." || m[2] === "..") {
    throw new CodexrelError(GitHubErrorCodes.REPOSITORY_INVALID, `${JSON.stringify(value)} is not owner/name`, {
      hint: "Name the repository as owner/name, e.g. octo-org/widgets.",
    });
  }
  return { owner: m[1] as string, repo: (m[2] as string).replace(/\.git$/, "") };
}

export function formatRepoRef(ref: RepoRef): string {
  return `${ref.owner}/${ref.repo}`;
}

export interface IssueInfo {
  /** REST / database id. */
  id: number;
  nodeId: string;
  number: number;
  /** https URL of the issue. */
  url: string;
  title: string;
  body: string;
  state: "open" | "closed";
  author: string | null;
  createdAt: string;
  /** GitHub's answer to "did the token's identity open this" (true for issues this client opened). */
  viewerDidAuthor: boolean;
}

export interface ListIssuesOptions {
  /** Default all. */
  state?: "open" | "closed" | "all";
  /** Only issues with one of these labels. */
  labels?: readonly string[];
  /** Stop after this many issues (newest first). Default 1000. */
  max?: number;
}

interface GqlIssue {
  id: string;
  databaseId: number | null;
  number: number;
  url: string;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  viewerDidAuthor: boolean;
  author: { login: string } | null;
}

function notFoundRepo(error: unknown, repo: RepoRef): unknown {
  const d = githubDetails(error);
  if (error !== undefined && (!isGitHubError(error, "GITHUB_NOT_FOUND") || d?.graphqlType !== "NOT_FOUND"))
    return error;
  return new CodexrelError(
    GitHubErrorCodes.REPOSITORY_NOT_FOUND,
    `repository ${formatRepoRef(repo)} not found or not visible`,
    {
      hint: "Check the repository name, and that the token can read it (private repositories need `contents: read`).",
      details: { status: d?.status ?? 200, githubMessage: d?.githubMessage ?? "" },
      ...(error === undefined ? {} : { cause: error }),
    },
  );
}

/** Issues (not pull requests) of a repository, newest first, up to `max`. */
export async function listIssues(
  gh: GitHubClient,
  repo: RepoRef,
  options: ListIssuesOptions = {},
): Promise<{ issues: IssueInfo[]; complete: boolean }> {
  const max = options.max ?? 1000;
  const states = options.state === "open" ? "[OPEN]" : options.state === "closed" ? "[CLOSED]" : "[OPEN, CLOSED]";
  const query = `query CodexrelIssues($owner: String!, $name: String!, $after: String, $labels: [String!]) {
    repository(owner: $owner, name: $name) {
      issues(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }, states: ${states}, labels: $labels) {
        pageInfo { hasNextPage endCursor }
        nodes { id databaseId number url title body state createdAt viewerDidAuthor author { login } }
      }
    }
  }`;
  type Data = {
    repository: {
      issues: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlIssue[] };
    } | null;
  };
  const issues: IssueInfo[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Data = await gh
      .graphql<Data>(`list issues of ${formatRepoRef(repo)}`, query, {
        owner: repo.owner,
        name: repo.repo,
        after,
        labels: options.labels && options.labels.length > 0 ? [...options.labels] : null,
      })
      .catch((error: unknown) => {
        throw notFoundRepo(error, repo);
      });
    const conn = data.repository?.issues;
    if (!conn) throw notFoundRepo(undefined, repo);
    for (const n of conn.nodes) {
      if (issues.length >= max) return { issues, complete: false };
      issues.push(fromGraphQLIssue(n));
    }
    if (!conn.pageInfo.hasNextPage) return { issues, complete: true };
    if (issues.length >= max) return { issues, complete: false };
    after = conn.pageInfo.endCursor;
  }
}

export interface MarkedIssues {
  /** Marker id -> the oldest issue by this identity carrying `<!-- codexrel:<kind>:<id> -->`. */
  byId: Map<string, IssueInfo>;
  /** False when the scan stopped at `max` before the oldest issue. */
  complete: boolean;
  scanned: number;
}

/**
 * This identity's issues carrying a marker of `kind`, by marker id. Only issues the token's
 * identity opened count (GitHub's `viewerDidAuthor`, or the same login), so a marker copied into
 * someone else's issue cannot suppress one.
 */
export async function findMarkedIssues(
  gh: GitHubClient,
  repo: RepoRef,
  kind: string,
  options: ListIssuesOptions = {},
): Promise<MarkedIssues> {
  const identity = await gh.viewer();
  const { issues, complete } = await listIssues(gh, repo, options);
  const byId = new Map<string, IssueInfo>();
  for (const issue of [...issues].reverse()) {
    if (!isOwnIssue(issue, identity)) continue;
    for (const m of parseMarkers(issue.body)) {
      if (m.kind === kind && m.id !== undefined && !byId.has(m.id)) byId.set(m.id, issue);
    }
  }
  return { byId, complete, scanned: issues.length };
}

export function isOwnIssue(issue: IssueInfo, identity: Pick<Identity, "login">): boolean {
  return issue.viewerDidAuthor || sameLogin(issue.author, identity.login);
}

export interface CreateIssueInput {
  title: string;
  body: string;
  /** Kept by GitHub only when the token can push; silently dropped otherwise. */
  labels?: readonly string[];
}

export const ISSUE_TITLE_MAX_CHARS = 256;

interface RestIssue {
  id: number;
  node_id: string;
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  created_at: string;
  user: { login: string } | null;
}

/**
 * Opens an issue (body redacted first; at most 65,536 characters; title at most 256). After a lost
 * response the newest issues are re-read: this identity's issue with the same title and body is
 * the one that landed and is returned instead of opening another. Pass `reread` to decide
 * differently (e.g. by a marker).
 */
export async function createIssue(
  gh: GitHubClient,
  repo: RepoRef,
  input: CreateIssueInput,
  options: { reread?: () => Promise<IssueInfo | undefined> } = {},
): Promise<IssueInfo> {
  const body = gh.redact(input.body);
  const title = gh.redact(input.title).replace(/\s+/g, " ").trim();
  if (body.length > COMMENT_MAX_CHARS) {
    throw new CodexrelError(
      GitHubErrorCodes.ISSUE_TOO_LONG,
      `issue body is ${body.length} characters; GitHub takes ${COMMENT_MAX_CHARS}`,
      {
        hint: "Shorten the body (cut evidence) or link to the full text instead.",
      },
    );
  }
  if (title === "" || [...title].length > ISSUE_TITLE_MAX_CHARS) {
    throw new CodexrelError(
      GitHubErrorCodes.ISSUE_TITLE_INVALID,
      `issue title must be 1-${ISSUE_TITLE_MAX_CHARS} characters`,
      {
        hint: "Shorten the title.",
      },
    );
  }
  const what = `open an issue in ${formatRepoRef(repo)}`;
  const reread =
    options.reread ??
    (async () => {
      const identity = await gh.viewer();
      const { issues } = await listIssues(gh, repo, { max: 100 });
      return issues.find((i) => isOwnIssue(i, identity) && i.title === title && sameText(i.body, body));
    });
  const created = await gh.restWrite<RestIssue | IssueInfo>(
    what,
    "POST /repos/{owner}/{repo}/issues",
    { owner: repo.owner, repo: repo.repo, title, body, ...(input.labels?.length ? { labels: [...input.labels] } : {}) },
    reread,
  );
  return "html_url" in created ? fromRestIssue(created) : created;
}

/** Whether `body` carries the marker (re-exported for callers that build their own reread). */
export function issueHasMarker(issue: IssueInfo, kind: string, id?: string): boolean {
  return hasMarker(issue.body, kind, id);
}

export interface ReleaseInfo {
  tagName: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  publishedAt: string | null;
  createdAt: string;
  url: string;
}

/** Releases of a repository, newest first, up to `max` (default 300). Drafts only with push access. */
export async function listReleases(
  gh: GitHubClient,
  repo: RepoRef,
  options: { max?: number } = {},
): Promise<{ releases: ReleaseInfo[]; complete: boolean }> {
  const max = options.max ?? 300;
  const query = `query CodexrelReleases($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { tagName name isDraft isPrerelease publishedAt createdAt url }
      }
    }
  }`;
  type Node = {
    tagName: string;
    name: string | null;
    isDraft: boolean;
    isPrerelease: boolean;
    publishedAt: string | null;
    createdAt: string;
    url: string;
  };
  type Data = {
    repository: { releases: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] } } | null;
  };
  const releases: ReleaseInfo[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Data = await gh
      .graphql<Data>(`list releases of ${formatRepoRef(repo)}`, query, { owner: repo.owner, name: repo.repo, after })
      .catch((error: unknown) => {
        throw notFoundRepo(error, repo);
      });
    const conn = data.repository?.releases;
    if (!conn) throw notFoundRepo(undefined, repo);
    for (const n of conn.nodes) {
      if (releases.length >= max) return { releases, complete: false };
      releases.push({
        tagName: n.tagName,
        name: n.name,
        draft: n.isDraft,
        prerelease: n.isPrerelease,
        publishedAt: n.publishedAt,
        createdAt: n.createdAt,
        url: n.url,
      });
    }
    if (!conn.pageInfo.hasNextPage) return { releases, complete: true };
    if (releases.length >= max) return { releases, complete: false };
    after = conn.pageInfo.endCursor;
  }
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, "\n").trim();
  return norm(a) === norm(b);
}

function fromGraphQLIssue(n: GqlIssue): IssueInfo {
  return {
    id: n.databaseId ?? 0,
    nodeId: n.id,
    number: n.number,
    url: n.url,
    title: n.title,
    body: n.body,
    state: n.state === "OPEN" ? "open" : "closed",
    author: n.author?.login ?? null,
    createdAt: n.createdAt,
    viewerDidAuthor: n.viewerDidAuthor,
  };
}

function fromRestIssue(i: RestIssue): IssueInfo {
  return {
    id: i.id,
    nodeId: i.node_id,
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? "",
    state: i.state === "closed" ? "closed" : "open",
    author: i.user?.login ?? null,
    createdAt: i.created_at,
    // Only this client's own writes come back through REST.
    viewerDidAuthor: true,
  };
}
