/**
 * The fake's GraphQL endpoint: every request is parsed, validated and executed by graphql-js
 * against GitHub's published schema (`@octokit/graphql-schema`, built from its introspection JSON
 * because the SDL file of that release defines some fields twice). Resolvers are plain objects
 * over the shared state; a default field resolver reads properties, so only what codexrel queries
 * is implemented. A field the fake does not provide is a violation, never a silent null.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema,
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getOperationAST,
  type IntrospectionQuery,
  parse,
  validate,
} from "graphql";
import { type Auth, canRead, canWrite, commentPermissions, effectiveRole, sameLogin } from "./access.js";
import { checkFieldPermission } from "./graphql-permissions.js";
import { readsChecked } from "./permission-table.js";
import { commentHtmlUrl, HTML_BASE } from "./rest-objects.js";
import {
  type FakeCheckRun,
  type FakeComment,
  type FakeGitHubState,
  type FakeReaction,
  type FakeRelease,
  type FakeRepo,
  type FakeReviewThread,
  type FakeStatusContext,
  type FakeThread,
  type FakeUser,
  type ReactionContent,
  roleAtLeast,
} from "./state.js";

let cachedSchema: GraphQLSchema | undefined;

export function loadGitHubSchema(): GraphQLSchema {
  if (!cachedSchema) {
    const file = findPackageFile("@octokit/graphql-schema", "schema.json");
    cachedSchema = buildClientSchema(JSON.parse(readFileSync(file, "utf8")) as IntrospectionQuery);
  }
  return cachedSchema;
}

/**
 * The package's `exports` expose only its ESM entry (which parses the JSON eagerly); find the
 * file in the nearest node_modules instead so the schema is read once, when first needed.
 */
function findPackageFile(pkg: string, file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", pkg, file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fake github: cannot find ${pkg}/${file}; is it installed?`);
    dir = parent;
  }
}

/** An error GitHub reports with a top-level `type` (NOT_FOUND, FORBIDDEN, ...). */
export class GitHubGraphQLError extends Error {
  readonly extensions: Record<string, unknown> | undefined;
  constructor(
    readonly type: string,
    message: string,
    extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.extensions = extensions;
  }
}

export interface GraphQLCallContext {
  state: FakeGitHubState;
  auth: Auth;
  /** Records a contract violation or a gap of the fake. */
  violation(kind: "graphql-pagination" | "unimplemented", detail: string): void;
}

export interface GraphQLCallResult {
  body: { data?: unknown; errors?: unknown[] };
  /** Variable errors: the request would be rejected by GitHub. */
  invalid: string[];
}

type Obj = Record<string, unknown>;

const REACTION_TO_REST: Record<string, ReactionContent> = {
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

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLCallContext> = (source, args, ctx, info) => {
  if (source === null || typeof source !== "object") return null;
  const isMutation = info.operation.operation === "mutation";
  if (ctx.auth.kind === "token" && (isMutation || readsChecked(ctx.auth.token, queriedRepo(ctx, info)))) {
    const denied = checkFieldPermission(ctx.auth.token, info.parentType.name, info.fieldName);
    if (denied) throw new GitHubGraphQLError("FORBIDDEN", denied.message, { saml_failure: false });
  }
  const value = (source as Obj)[info.fieldName];
  if (typeof value === "function") return (value as (a: unknown, c: unknown) => unknown)(args, ctx);
  if (value === undefined) {
    ctx.violation("unimplemented", `the fake does not implement ${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  return value;
};

/** The repository a query's `repository(owner:, name:)` root field names (for the public-read rule). */
function queriedRepo(
  ctx: GraphQLCallContext,
  info: { variableValues: Record<string, unknown>; operation: { selectionSet: { selections: readonly unknown[] } } },
) {
  for (const sel of info.operation.selectionSet.selections as Array<{
    kind: string;
    name?: { value: string };
    arguments?: Array<{ name: { value: string }; value: { kind: string; value?: string; name?: { value: string } } }>;
  }>) {
    if (sel.kind !== "Field" || sel.name?.value !== "repository") continue;
    const arg = (n: string) => {
      const a = sel.arguments?.find((x) => x.name.value === n)?.value;
      if (!a) return undefined;
      return a.kind === "Variable" ? String(info.variableValues[a.name!.value] ?? "") : a.value;
    };
    const repo = ctx.state.repo(`${arg("owner")}/${arg("name")}`);
    if (repo) return repo;
  }
  return undefined;
}

export interface PreparedGraphQL {
  document?: DocumentNode;
  /** Parse or validation errors: GitHub would reject the request. */
  invalid: string[];
  /** GitHub's answer for an invalid request (HTTP 200 with `errors`). */
  errorBody?: { errors: unknown[] };
  operationName: string | undefined;
  rootFields: string[];
  mutation: boolean;
}

/** Parses and validates a GraphQL request against GitHub's schema, without executing it. */
export function prepareGraphQL(request: { query?: unknown; operationName?: unknown }): PreparedGraphQL {
  const schema = loadGitHubSchema();
  const empty = { operationName: undefined, rootFields: [], mutation: false };
  if (typeof request.query !== "string") {
    const message = "A query attribute must be specified and must be a string.";
    return { invalid: [message], errorBody: { errors: [{ message }] }, ...empty };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const message = (error as GraphQLError).message;
    return { invalid: [message], errorBody: { errors: [{ message }] }, ...empty };
  }
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const op = getOperationAST(document, operationName);
  const rootFields =
    op?.selectionSet.selections.flatMap((s) => (s.kind === "Field" ? [s.name.value] : [])) ?? ([] as string[]);
  const meta = { operationName: operationName ?? op?.name?.value, rootFields, mutation: op?.operation === "mutation" };
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return {
      invalid: validationErrors.map((e) => e.message),
      errorBody: { errors: validationErrors.map((e) => e.toJSON()) },
      ...meta,
    };
  }
  return { document, invalid: [], ...meta };
}

/** Executes a prepared request with the stateful resolvers. */
export async function executeGraphQL(
  ctx: GraphQLCallContext,
  prepared: PreparedGraphQL,
  request: { variables?: unknown; operationName?: unknown },
): Promise<GraphQLCallResult> {
  const result = await execute({
    schema: loadGitHubSchema(),
    document: prepared.document!,
    rootValue: rootValue(),
    contextValue: ctx,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === "string" ? request.operationName : undefined,
    fieldResolver,
  });
  // Errors raised before execution starts (bad variables) mean GitHub would reject the request.
  const invalid = result.data === undefined ? (result.errors ?? []).map((e) => e.message) : [];
  const errors = result.errors?.map((e) => {
    const original = e.originalError;
    const type = original instanceof GitHubGraphQLError ? original.type : undefined;
    return { ...(type ? { type } : {}), ...e.toJSON() };
  });
  return { body: { data: result.data ?? null, ...(errors ? { errors } : {}) }, invalid };
}

// ---------------------------------------------------------------------------------------------
// Node builders

function viewerLogin(ctx: GraphQLCallContext): string | undefined {
  return ctx.auth.kind === "token" ? ctx.auth.user.login : undefined;
}

function actorNode(user: FakeUser): Obj {
  const isBot = user.type === "Bot";
  // GitHub's GraphQL shows a bot author without the `[bot]` suffix REST uses.
  const login = isBot ? user.login.replace(/\[bot\]$/, "") : user.login;
  return {
    __typename: isBot ? "Bot" : user.type === "Organization" ? "Organization" : "User",
    id: user.nodeId,
    databaseId: user.id,
    login,
    url: isBot ? `${HTML_BASE}/apps/${login}` : `${HTML_BASE}/${login}`,
    resourcePath: isBot ? `/apps/${login}` : `/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

function viewerNode(user: FakeUser): Obj {
  // `viewer` is typed User!; for an installation token it is the app's bot, login `name[bot]`.
  return {
    ...actorNode(user),
    __typename: "User",
    login: user.login,
    name: null,
  };
}

function repoNode(ctx: GraphQLCallContext, repo: FakeRepo): Obj {
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

function notFound(message: string): GitHubGraphQLError {
  return new GitHubGraphQLError("NOT_FOUND", message);
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

function threadNode(ctx: GraphQLCallContext, t: FakeThread): Obj {
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
        url: `${HTML_BASE}/${pr.repo}/pull/${pr.number}#discussion_r${c.id}`,
        author: () => actorNode(state.addUser(c.author)),
      })),
  };
}

const FAILED_CONCLUSIONS = new Set([
  "FAILURE",
  "CANCELLED",
  "TIMED_OUT",
  "ACTION_REQUIRED",
  "STARTUP_FAILURE",
  "STALE",
]);

/** A commit known to the fake: a PR head, or a sha that has check runs or statuses. */
function commitNode(ctx: GraphQLCallContext, repo: FakeRepo, oid: string): Obj | null {
  const { state } = ctx;
  const checks = state.commitChecks(repo.fullName, oid);
  const isHead = [...state.threads.values()].some((t) => t.repo === repo.fullName && t.headSha === oid);
  if (!isHead && checks.length === 0) return null;
  const rollupState = () => {
    const states = checks.map((c) =>
      "context" in c
        ? c.state
        : c.status !== "COMPLETED"
          ? "PENDING"
          : FAILED_CONCLUSIONS.has(c.conclusion ?? "")
            ? "FAILURE"
            : "SUCCESS",
    );
    if (states.some((x) => x === "FAILURE" || x === "ERROR")) return "FAILURE";
    if (states.some((x) => x === "PENDING" || x === "EXPECTED")) return "PENDING";
    return "SUCCESS";
  };
  return {
    __typename: "Commit",
    id: `C_kwDO${oid.slice(0, 12)}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    statusCheckRollup: () =>
      checks.length === 0
        ? null
        : {
            __typename: "StatusCheckRollup",
            id: `SCR_kwDO${oid.slice(0, 12)}`,
            state: rollupState(),
            contexts: (args: ConnectionArgs) => connection(ctx, "contexts", checks, args, (c) => checkNode(c)),
          },
  };
}

function checkNode(c: FakeCheckRun | FakeStatusContext): Obj {
  if ("context" in c) {
    return {
      __typename: "StatusContext",
      id: c.nodeId,
      context: c.context,
      state: c.state,
      description: c.description,
      targetUrl: c.targetUrl,
    };
  }
  return {
    __typename: "CheckRun",
    id: c.nodeId,
    databaseId: c.id,
    name: c.name,
    status: c.status,
    conclusion: c.conclusion,
    detailsUrl: c.detailsUrl,
    title: c.title,
    summary: c.summary,
    checkSuite: {
      __typename: "CheckSuite",
      workflowRun: c.workflow
        ? { __typename: "WorkflowRun", workflow: { __typename: "Workflow", name: c.workflow } }
        : null,
    },
  };
}

function commentNode(ctx: GraphQLCallContext, c: FakeComment): Obj {
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

function reactionNode(ctx: GraphQLCallContext, r: FakeReaction): Obj {
  return {
    __typename: "Reaction",
    id: r.nodeId,
    databaseId: r.id,
    content: REACTION_TO_GRAPHQL[r.content],
    createdAt: r.createdAt,
    user: () => actorNode(ctx.state.addUser(r.user)),
  };
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function encodeCursor(i: number): string {
  return Buffer.from(`cursor:v2:${i}`).toString("base64");
}

function decodeCursor(c: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(c, "base64").toString("utf8"));
  if (!m) throw new GitHubGraphQLError("INVALID_CURSOR_ARGUMENTS", `\`${c}\` does not appear to be a valid cursor.`);
  return Number(m[1]);
}

function connection<T>(
  ctx: GraphQLCallContext,
  name: string,
  items: T[],
  args: ConnectionArgs,
  toNode: (item: T) => Obj,
): Obj {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    const msg = `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`;
    ctx.violation("graphql-pagination", msg);
    throw new GitHubGraphQLError("MISSING_PAGINATION_BOUNDARIES", msg);
  }
  for (const [arg, n] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (typeof n === "number" && (n > 100 || n < 0)) {
      const msg = `Requesting ${n} records on the \`${name}\` connection exceeds the \`${arg}\` limit of 100 records.`;
      ctx.violation("graphql-pagination", msg);
      throw new GitHubGraphQLError("EXCESSIVE_PAGINATION", msg);
    }
  }
  let start = 0;
  let end = items.length;
  if (args.after) start = Math.max(start, decodeCursor(args.after) + 1);
  if (args.before) end = Math.min(end, decodeCursor(args.before));
  const windowStart = start;
  const windowEnd = end;
  if (typeof first === "number") end = Math.min(end, start + first);
  if (typeof last === "number") start = Math.max(start, end - last);
  const picked = items.slice(start, end).map((item, i) => ({ cursor: encodeCursor(start + i), node: toNode(item) }));
  return {
    totalCount: items.length,
    nodes: picked.map((e) => e.node),
    edges: picked,
    pageInfo: {
      hasNextPage: end < windowEnd,
      hasPreviousPage: start > windowStart,
      startCursor: picked[0]?.cursor ?? null,
      endCursor: picked[picked.length - 1]?.cursor ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Root

function findNode(ctx: GraphQLCallContext, id: string): Obj | null {
  const { state } = ctx;
  for (const t of state.threads.values()) if (t.nodeId === id) return visibleThread(ctx, t);
  for (const c of state.comments.values()) if (c.nodeId === id) return visibleComment(ctx, c);
  for (const r of state.repos.values()) {
    if (r.nodeId === id) return canRead(state, ctx.auth, r) ? null : repoNode(ctx, r);
  }
  for (const u of state.users.values()) if (u.nodeId === id) return actorNode(u);
  return null;
}

function visibleThread(ctx: GraphQLCallContext, t: FakeThread): Obj | null {
  return canRead(ctx.state, ctx.auth, ctx.state.mustRepo(t.repo)) ? null : threadNode(ctx, t);
}

function visibleComment(ctx: GraphQLCallContext, c: FakeComment): Obj | null {
  return canRead(ctx.state, ctx.auth, ctx.state.mustRepo(c.repo)) ? null : commentNode(ctx, c);
}

function requireNode(id: string): GitHubGraphQLError {
  return new GitHubGraphQLError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
}

function forbid(message: string, type: string): GitHubGraphQLError {
  return new GitHubGraphQLError(type, message);
}

function threadByNodeId(ctx: GraphQLCallContext, id: string): FakeThread {
  for (const t of ctx.state.threads.values()) {
    if (t.nodeId === id && !canRead(ctx.state, ctx.auth, ctx.state.mustRepo(t.repo))) return t;
  }
  throw requireNode(id);
}

function commentByNodeId(ctx: GraphQLCallContext, id: string): FakeComment {
  for (const c of ctx.state.comments.values()) {
    if (c.nodeId === id && !canRead(ctx.state, ctx.auth, ctx.state.mustRepo(c.repo))) return c;
  }
  throw requireNode(id);
}

function rootValue(): Obj {
  return {
    viewer: (_args: unknown, ctx: GraphQLCallContext) => {
      if (ctx.auth.kind !== "token") throw forbid("This endpoint requires you to be authenticated.", "UNAUTHENTICATED");
      return viewerNode(ctx.auth.user);
    },
    repository: ({ owner, name }: { owner: string; name: string }, ctx: GraphQLCallContext) => {
      const repo = ctx.state.repo(`${owner}/${name}`);
      if (!repo || canRead(ctx.state, ctx.auth, repo)) {
        throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      }
      return repoNode(ctx, repo);
    },
    node: ({ id }: { id: string }, ctx: GraphQLCallContext) => {
      const n = findNode(ctx, id);
      if (!n) throw requireNode(id);
      return n;
    },
    nodes: ({ ids }: { ids: string[] }, ctx: GraphQLCallContext) => ids.map((id) => findNode(ctx, id)),
    rateLimit: (_args: unknown, ctx: GraphQLCallContext) => ({
      cost: 1,
      limit: 5000,
      nodeCount: 1,
      remaining: 4999,
      used: 1,
      resetAt: new Date(Date.parse(ctx.state.now()) + 3600_000).toISOString(),
    }),

    addComment: (
      { input }: { input: { subjectId: string; body: string; clientMutationId?: string } },
      ctx: GraphQLCallContext,
    ) => {
      const thread = threadByNodeId(ctx, input.subjectId);
      const repo = ctx.state.mustRepo(thread.repo);
      const denied = canWrite(ctx.state, ctx.auth, repo, {
        permissions: commentPermissions(thread),
        role: "read",
        thread,
      });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      const c = ctx.state.addComment(repo.fullName, thread.number, { author: viewerLogin(ctx)!, body: input.body });
      const index = ctx.state.threadComments(repo.fullName, thread.number).length - 1;
      return {
        clientMutationId: input.clientMutationId ?? null,
        commentEdge: { cursor: encodeCursor(index), node: commentNode(ctx, c) },
        subject: threadNode(ctx, thread),
        timelineEdge: null,
      };
    },
    updateIssueComment: (
      { input }: { input: { id: string; body: string; clientMutationId?: string } },
      ctx: GraphQLCallContext,
    ) => {
      const c = commentByNodeId(ctx, input.id);
      const repo = ctx.state.mustRepo(c.repo);
      const thread = ctx.state.thread(c.repo, c.number)!;
      const denied = canWrite(ctx.state, ctx.auth, repo, {
        permissions: commentPermissions(thread),
        role: "write",
        thread,
        authoredBy: c.author,
      });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      c.body = input.body;
      c.updatedAt = ctx.state.now();
      return { clientMutationId: input.clientMutationId ?? null, issueComment: commentNode(ctx, c) };
    },
    deleteIssueComment: ({ input }: { input: { id: string; clientMutationId?: string } }, ctx: GraphQLCallContext) => {
      const c = commentByNodeId(ctx, input.id);
      const repo = ctx.state.mustRepo(c.repo);
      const thread = ctx.state.thread(c.repo, c.number)!;
      const denied = canWrite(ctx.state, ctx.auth, repo, {
        permissions: commentPermissions(thread),
        role: "write",
        thread,
        authoredBy: c.author,
      });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      ctx.state.comments.delete(c.id);
      return { clientMutationId: input.clientMutationId ?? null };
    },
    addReaction: (
      { input }: { input: { subjectId: string; content: string; clientMutationId?: string } },
      ctx: GraphQLCallContext,
    ) => {
      let thread: FakeThread;
      let subject: Obj;
      const comment = [...ctx.state.comments.values()].find((c) => c.nodeId === input.subjectId);
      if (comment) {
        thread = ctx.state.thread(comment.repo, comment.number)!;
        subject = commentNode(ctx, comment);
      } else {
        thread = threadByNodeId(ctx, input.subjectId);
        subject = threadNode(ctx, thread);
      }
      const repo = ctx.state.mustRepo(thread.repo);
      const denied = canWrite(ctx.state, ctx.auth, repo, {
        permissions: commentPermissions(thread),
        role: "read",
        thread,
      });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      const content = REACTION_TO_REST[input.content]!;
      const { reaction } = ctx.state.addReaction(input.subjectId, content, viewerLogin(ctx)!);
      return {
        clientMutationId: input.clientMutationId ?? null,
        reaction: reactionNode(ctx, reaction),
        subject,
        reactionGroups: null,
      };
    },
    markPullRequestReadyForReview: (
      { input }: { input: { pullRequestId: string; clientMutationId?: string } },
      ctx: GraphQLCallContext,
    ) => {
      const thread = threadByNodeId(ctx, input.pullRequestId);
      if (thread.kind !== "pr") throw requireNode(input.pullRequestId);
      const repo = ctx.state.mustRepo(thread.repo);
      const denied = canWrite(ctx.state, ctx.auth, repo, {
        permissions: ["pull_requests"],
        role: "write",
        authoredBy: thread.author,
      });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      thread.draft = false;
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: threadNode(ctx, thread) };
    },
    minimizeComment: (
      { input }: { input: { subjectId: string; classifier: string; clientMutationId?: string } },
      ctx: GraphQLCallContext,
    ) => {
      const c = commentByNodeId(ctx, input.subjectId);
      const repo = ctx.state.mustRepo(c.repo);
      const thread = ctx.state.thread(c.repo, c.number)!;
      const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: commentPermissions(thread), role: "triage" });
      if (denied) throw forbid(denied.message, denied.graphqlType);
      c.minimized = input.classifier.toLowerCase();
      return { clientMutationId: input.clientMutationId ?? null, minimizedComment: commentNode(ctx, c) };
    },
  };
}
