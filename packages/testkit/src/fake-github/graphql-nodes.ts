/**
 * The objects a query reaches from a repository: the repository itself, its issues and pull
 * requests, their comments, review threads and reactions, and its releases. Each node answers the
 * `viewer*` fields for the caller, from the same access rules REST applies.
 */
import { canWrite, commentPermissions, effectiveRole, sameLogin } from "./access.js";
import { actorNode } from "./graphql-actors.js";
import { commitNode } from "./graphql-commits.js";
import { type ConnectionArgs, connection } from "./graphql-connection.js";
import { type GraphQLCallContext, notFound, type Obj, viewerLogin } from "./graphql-context.js";
import { commentHtmlUrl, HTML_BASE } from "./rest-objects.js";
import {
  type FakeComment,
  type FakeReaction,
  type FakeRelease,
  type FakeRepo,
  type FakeReviewThread,
  type FakeThread,
  type ReactionContent,
  roleAtLeast,
} from "./state.js";

export const REACTION_TO_REST: Record<string, ReactionContent> = {
  THUMBS_UP: "+1",
  THUMBS_DOWN: "-1",
  LAUGH: "laugh",
  HOORAY: "hooray",
  CONFUSED: "confused",
  HEART: "heart",
  ROCKET: "rocket",
  EYES: "eyes",
};

const REACTION_TO_GRAPHQL = Object.fromEntries(Object.entries(REACTION_TO_REST).map(([k, v]) => [v, k]));

export function repoNode(ctx: GraphQLCallContext, repo: FakeRepo): Obj {
  const { state } = ctx;
  const owner = state.addUser(repo.owner);
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    owner: { ...actorNode(owner), __typename: owner.type === "Organization" ? "Organization" : "User" },
    isArchived: repo.archived,
    isPrivate: repo.private,
    isFork: false,
    isLocked: false,
    hasIssuesEnabled: true,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    url: `${HTML_BASE}/${repo.fullName}`,
    viewerPermission: () => {
      if (ctx.auth.kind !== "token") return null;
      const role = effectiveRole(state, ctx.auth, repo);
      return role === "none" ? null : role.toUpperCase();
    },
    viewerCanAdminister: () => ctx.auth.kind === "token" && effectiveRole(state, ctx.auth, repo) === "admin",
    issueOrPullRequest: ({ number }: { number: number }) => threadOrError(ctx, repo, number, "issue or pull request"),
    object: ({ oid, expression }: { oid?: string; expression?: string }) => {
      if (expression !== undefined || !oid) {
        ctx.violation("unimplemented", "the fake resolves Repository.object by oid only");
        return null;
      }
      return commitNode(ctx, repo, oid);
    },
    issue: ({ number }: { number: number }) => {
      const t = state.thread(repo.fullName, number);
      if (t?.kind !== "issue") throw notFound(`Could not resolve to an Issue with the number of ${number}.`);
      return threadNode(ctx, t);
    },
    pullRequest: ({ number }: { number: number }) => {
      const t = state.thread(repo.fullName, number);
      if (t?.kind !== "pr") throw notFound(`Could not resolve to a PullRequest with the number of ${number}.`);
      return threadNode(ctx, t);
    },
    issues: (args: IssuesArgs) => {
      let items = state.repoIssues(repo.fullName);
      if (args.states && args.states.length > 0) {
        const states = new Set(args.states);
        items = items.filter((t) => states.has(t.state === "open" ? "OPEN" : "CLOSED"));
      }
      if (args.labels && args.labels.length > 0) {
        const wanted = args.labels.map((l) => l.toLowerCase());
        items = items.filter((t) => t.labels.some((l) => wanted.includes(l.toLowerCase())));
      }
      if (args.orderBy && args.orderBy.field !== "CREATED_AT") {
        ctx.violation("unimplemented", `the fake orders issues only by CREATED_AT, not ${args.orderBy.field}`);
      }
      if (args.orderBy?.direction === "DESC") items = [...items].reverse();
      return connection(ctx, "issues", items, args, (t) => threadNode(ctx, t));
    },
    releases: (args: ConnectionArgs & { orderBy?: { field: string; direction: string } | null }) => {
      // Drafts are visible only to those who can push, as on GitHub.
      const canSeeDrafts = ctx.auth.kind === "token" && roleAtLeast(effectiveRole(state, ctx.auth, repo), "write");
      let items = state.repoReleases(repo.fullName).filter((r) => canSeeDrafts || !r.draft);
      if (args.orderBy && args.orderBy.field !== "CREATED_AT") {
        ctx.violation("unimplemented", `the fake orders releases only by CREATED_AT, not ${args.orderBy.field}`);
      }
      if (args.orderBy?.direction === "ASC") items = [...items].reverse();
      return connection(ctx, "releases", items, args, (r) => releaseNode(ctx, r));
    },
  };
}

interface IssuesArgs extends ConnectionArgs {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: { field: string; direction: string } | null;
}

function releaseNode(ctx: GraphQLCallContext, r: FakeRelease): Obj {
  const { state } = ctx;
  return {
    __typename: "Release",
    id: r.nodeId,
    databaseId: r.id,
    tagName: r.tagName,
    name: r.name,
    description: r.body,
    isDraft: r.draft,
    isPrerelease: r.prerelease,
    isLatest: () => state.repoReleases(r.repo).find((x) => !x.draft && !x.prerelease)?.id === r.id,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    url: `${HTML_BASE}/${r.repo}/releases/tag/${encodeURIComponent(r.tagName)}`,
    author: () => actorNode(state.addUser(r.author)),
  };
}

function threadOrError(ctx: GraphQLCallContext, repo: FakeRepo, number: number, what: string): Obj {
  const t = ctx.state.thread(repo.fullName, number);
  if (!t) throw notFound(`Could not resolve to an ${what} with the number of ${number}.`);
  return threadNode(ctx, t);
}

/** Why the viewer may not update (or comment on) a thread or comment, GitHub's enum values. */
function cannotUpdateReasons(
  ctx: GraphQLCallContext,
  repo: FakeRepo,
  thread: FakeThread,
  authoredBy: string,
): string[] {
  if (ctx.auth.kind !== "token") return ["LOGIN_REQUIRED"];
  const reasons: string[] = [];
  if (repo.archived) reasons.push("ARCHIVED");
  const role = effectiveRole(ctx.state, ctx.auth, repo);
  if (thread.locked && !roleAtLeast(role, "write")) reasons.push("LOCKED");
  const denied = canWrite(
    ctx.state,
    ctx.auth,
    { ...repo, archived: false },
    {
      permissions: commentPermissions(thread),
      role: "triage",
      authoredBy,
    },
  );
  if (denied) reasons.push("INSUFFICIENT_ACCESS");
  return reasons;
}

export function threadNode(ctx: GraphQLCallContext, t: FakeThread): Obj {
  const { state } = ctx;
  const repo = state.mustRepo(t.repo);
  const isPr = t.kind === "pr";
  const reasons = () => cannotUpdateReasons(ctx, repo, t, t.author);
  const base: Obj = {
    __typename: isPr ? "PullRequest" : "Issue",
    id: t.nodeId,
    databaseId: t.id,
    number: t.number,
    title: t.title,
    body: t.body,
    url: `${HTML_BASE}/${t.repo}/${isPr ? "pull" : "issues"}/${t.number}`,
    state: t.state === "open" ? "OPEN" : "CLOSED",
    closed: t.state === "closed",
    locked: t.locked,
    activeLockReason: t.lockReason,
    createdAt: t.createdAt,
    author: () => actorNode(state.addUser(t.author)),
    authorAssociation: () => state.authorAssociation(repo, t.author),
    repository: () => repoNode(ctx, repo),
    viewerDidAuthor: () => sameLogin(t.author, viewerLogin(ctx) ?? "\0"),
    viewerCannotUpdateReasons: reasons,
    viewerCanUpdate: () => reasons().length === 0,
    viewerCanReact: () =>
      ctx.auth.kind === "token" &&
      canWrite(state, ctx.auth, repo, { permissions: commentPermissions(t), role: "read", thread: t }) === undefined,
    comments: (args: ConnectionArgs) =>
      connection(ctx, "comments", state.threadComments(t.repo, t.number), args, (c) => commentNode(ctx, c)),
  };
  if (!isPr) return base;
  const headRepo = t.headRepo ? state.repo(t.headRepo) : undefined;
  return {
    ...base,
    isDraft: t.draft,
    merged: false,
    headRefName: t.headRef,
    baseRefName: t.baseRef,
    headRefOid: t.headSha,
    isCrossRepository: t.headRepo === null || t.headRepo.toLowerCase() !== t.repo.toLowerCase(),
    baseRepository: () => repoNode(ctx, repo),
    headRepository: () => (headRepo ? repoNode(ctx, headRepo) : null),
    headRepositoryOwner: () => (headRepo ? actorNode(state.addUser(headRepo.owner)) : null),
    reviewDecision: null,
    reviewThreads: (args: ConnectionArgs) =>
      connection(ctx, "reviewThreads", state.reviewThreadsOf(t.repo, t.number), args, (r) =>
        reviewThreadNode(ctx, t, r),
      ),
    reviews: (args: ConnectionArgs) =>
      connection(ctx, "reviews", state.reviewsOf(t.repo, t.number), args, (r) => ({
        __typename: "PullRequestReview",
        id: r.nodeId,
        databaseId: r.id,
        body: r.body,
        state: r.state,
        createdAt: r.submittedAt,
        submittedAt: r.submittedAt,
        url: `${HTML_BASE}/${t.repo}/pull/${t.number}#pullrequestreview-${r.id}`,
        author: () => actorNode(state.addUser(r.author)),
        authorAssociation: () => state.authorAssociation(repo, r.author),
      })),
  };
}

function reviewThreadNode(ctx: GraphQLCallContext, pr: FakeThread, r: FakeReviewThread): Obj {
  const { state } = ctx;
  return {
    __typename: "PullRequestReviewThread",
    id: r.nodeId,
    isResolved: r.isResolved,
    isOutdated: r.isOutdated,
    isCollapsed: r.isResolved,
    path: r.path,
    line: r.isOutdated ? null : r.line,
    originalLine: r.line,
    diffSide: "RIGHT",
    comments: (args: ConnectionArgs) =>
      connection(ctx, "comments", r.comments, args, (c) => ({
        __typename: "PullRequestReviewComment",
        id: c.nodeId,
        databaseId: c.id,
        body: c.body,
        createdAt: c.createdAt,
        path: r.path,
        line: r.isOutdated ? null : r.line,
        originalLine: r.line,
        url: `${HTML_BASE}/${pr.repo}/pull/${pr.number}#discussion_r${c.id}`,
        author: () => actorNode(state.addUser(c.author)),
        authorAssociation: () => state.authorAssociation(state.mustRepo(pr.repo), c.author),
      })),
  };
}

export function commentNode(ctx: GraphQLCallContext, c: FakeComment): Obj {
  const { state } = ctx;
  const repo = state.mustRepo(c.repo);
  const thread = state.thread(c.repo, c.number)!;
  const reasons = () => {
    const r = cannotUpdateReasons(ctx, repo, thread, c.author);
    return r;
  };
  return {
    __typename: "IssueComment",
    id: c.nodeId,
    databaseId: c.id,
    fullDatabaseId: String(c.id),
    body: c.body,
    url: commentHtmlUrl(c, thread.kind),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastEditedAt: c.updatedAt === c.createdAt ? null : c.updatedAt,
    isMinimized: c.minimized !== null,
    minimizedReason: c.minimized,
    author: () => actorNode(state.addUser(c.author)),
    authorAssociation: () => state.authorAssociation(repo, c.author),
    viewerDidAuthor: () => sameLogin(c.author, viewerLogin(ctx) ?? "\0"),
    viewerCannotUpdateReasons: reasons,
    viewerCanUpdate: () => reasons().length === 0,
    viewerCanDelete: () => reasons().length === 0,
    viewerCanMinimize: () =>
      ctx.auth.kind === "token" && roleAtLeast(effectiveRole(state, ctx.auth, repo), "triage") && !repo.archived,
    issue: () => threadNode(ctx, thread),
    pullRequest: () => (thread.kind === "pr" ? threadNode(ctx, thread) : null),
    repository: () => repoNode(ctx, repo),
  };
}

export function reactionNode(ctx: GraphQLCallContext, r: FakeReaction): Obj {
  return {
    __typename: "Reaction",
    id: r.nodeId,
    databaseId: r.id,
    content: REACTION_TO_GRAPHQL[r.content],
    createdAt: r.createdAt,
    user: () => actorNode(ctx.state.addUser(r.user)),
  };
}
