/**
 * Built-in REST handlers for the routes codexrel uses. Each one applies GitHub's access rules
 * (see access.ts) before touching state. Tests add more with `fake.route(...)`; a route that
 * exists in GitHub's description but has no handler answers 501 and records a violation.
 */
import { type Auth, canRead, canWrite, commentPermissions, type Denial, effectiveRole } from "./access.js";
import type { RouteMatch } from "./openapi.js";
import { errorBody, restComment, restReaction, restUser } from "./rest-objects.js";
import type { FakeComment, FakeGitHubState, FakeRepo, FakeThread, ReactionContent } from "./state.js";

export interface RestContext {
  route: RouteMatch;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  auth: Auth;
  state: FakeGitHubState;
  /** Base URL of the REST API as clients see it (used in `url` fields). */
  apiUrl: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (ctx: RestContext) => RestResult | Promise<RestResult>;

export function deny(d: Denial): RestResult {
  return { status: d.status, body: errorBody(d.message, d.status), ...(d.headers ? { headers: d.headers } : {}) };
}

export function notFound(): RestResult {
  return { status: 404, body: errorBody("Not Found", 404) };
}

/** The route's repository when the caller may read it; otherwise the 404/403 GitHub answers. */
export function repoOf(ctx: RestContext): FakeRepo | RestResult {
  const repo = ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) return notFound();
  const denied = canRead(ctx.state, ctx.auth, repo);
  return denied ? deny(denied) : repo;
}

function threadOf(ctx: RestContext, repo: FakeRepo, number: string | undefined): FakeThread | RestResult {
  const thread = ctx.state.thread(repo.fullName, Number(number));
  return thread ?? notFound();
}

function commentOf(ctx: RestContext, repo: FakeRepo): FakeComment | RestResult {
  const c = ctx.state.comments.get(Number(ctx.params.comment_id));
  if (!c || c.repo.toLowerCase() !== repo.fullName.toLowerCase()) return notFound();
  return c;
}

export function isResult(v: unknown): v is RestResult {
  return typeof v === "object" && v !== null && "status" in v && typeof (v as RestResult).status === "number";
}

function commentJson(ctx: RestContext, repo: FakeRepo, c: FakeComment): Record<string, unknown> {
  return restComment(ctx.apiUrl, ctx.state, c, ctx.state.authorAssociation(repo, c.author));
}

function login(ctx: RestContext): string {
  return ctx.auth.kind === "token" ? ctx.auth.user.login : "";
}

const listComments: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const thread = threadOf(ctx, repo, ctx.params.issue_number);
  if (isResult(thread)) return thread;
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page") ?? 30)));
  const page = Math.max(1, Number(ctx.query.get("page") ?? 1));
  const since = ctx.query.get("since");
  const all = ctx.state
    .threadComments(repo.fullName, thread.number)
    .filter((c) => since === null || c.updatedAt >= since);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  if (page < lastPage) {
    const base = `${ctx.apiUrl}/repos/${repo.fullName}/issues/${thread.number}/comments?per_page=${perPage}`;
    headers.link = `<${base}&page=${page + 1}>; rel="next", <${base}&page=${lastPage}>; rel="last"`;
  }
  return { status: 200, body: slice.map((c) => commentJson(ctx, repo, c)), headers };
};

const createComment: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const thread = threadOf(ctx, repo, ctx.params.issue_number);
  if (isResult(thread)) return thread;
  const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: commentPermissions(thread), role: "read", thread });
  if (denied) return deny(denied);
  const body = (ctx.body as { body: string }).body;
  const c = ctx.state.addComment(repo.fullName, thread.number, { author: login(ctx), body });
  const json = commentJson(ctx, repo, c);
  return { status: 201, body: json, headers: { location: String(json.url) } };
};

const getComment: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const c = commentOf(ctx, repo);
  if (isResult(c)) return c;
  return { status: 200, body: commentJson(ctx, repo, c) };
};

function writeOwnComment(ctx: RestContext, repo: FakeRepo, c: FakeComment): RestResult | undefined {
  const thread = ctx.state.thread(repo.fullName, c.number)!;
  const denied = canWrite(ctx.state, ctx.auth, repo, {
    permissions: commentPermissions(thread),
    role: "write",
    thread,
    authoredBy: c.author,
  });
  return denied ? deny(denied) : undefined;
}

const updateComment: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const c = commentOf(ctx, repo);
  if (isResult(c)) return c;
  const denied = writeOwnComment(ctx, repo, c);
  if (denied) return denied;
  c.body = (ctx.body as { body: string }).body;
  c.updatedAt = ctx.state.now();
  return { status: 200, body: commentJson(ctx, repo, c) };
};

const deleteComment: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const c = commentOf(ctx, repo);
  if (isResult(c)) return c;
  const denied = writeOwnComment(ctx, repo, c);
  if (denied) return denied;
  ctx.state.comments.delete(c.id);
  return { status: 204 };
};

function react(ctx: RestContext, repo: FakeRepo, thread: FakeThread, subjectNodeId: string): RestResult {
  const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: commentPermissions(thread), role: "read", thread });
  if (denied) return deny(denied);
  const content = (ctx.body as { content: ReactionContent }).content;
  const { reaction, created } = ctx.state.addReaction(subjectNodeId, content, login(ctx));
  return { status: created ? 201 : 200, body: restReaction(ctx.apiUrl, ctx.state, reaction) };
}

const reactToComment: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const c = commentOf(ctx, repo);
  if (isResult(c)) return c;
  return react(ctx, repo, ctx.state.thread(repo.fullName, c.number)!, c.nodeId);
};

const reactToIssue: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const thread = threadOf(ctx, repo, ctx.params.issue_number);
  if (isResult(thread)) return thread;
  return react(ctx, repo, thread, thread.nodeId);
};

const collaboratorPermission: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  if (ctx.auth.kind !== "token") return { status: 401, body: errorBody("Requires authentication", 401) };
  const user = ctx.state.user(ctx.params.username ?? "");
  if (!user) return notFound();
  const role =
    ctx.auth.token.kind === "installation" && user.login.toLowerCase() === ctx.auth.user.login.toLowerCase()
      ? effectiveRole(ctx.state, ctx.auth, repo)
      : ctx.state.roleOf(repo, user.login);
  const legacy =
    role === "admin" ? "admin" : role === "maintain" || role === "write" ? "write" : role === "none" ? "none" : "read";
  return {
    status: 200,
    body: {
      permission: legacy,
      role_name: role === "none" ? "none" : role,
      user: {
        ...restUser(ctx.apiUrl, user),
        permissions: {
          pull: role !== "none",
          triage: role !== "none" && role !== "read",
          push: legacy === "write" || legacy === "admin",
          maintain: role === "maintain" || role === "admin",
          admin: role === "admin",
        },
        role_name: role === "none" ? "none" : role,
      },
    },
  };
};

/** Built-in handlers keyed by `METHOD template`. */
export const BUILTIN_REST: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": listComments,
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": createComment,
  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}": getComment,
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": updateComment,
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": deleteComment,
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": reactToComment,
  "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions": reactToIssue,
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission": collaboratorPermission,
};
