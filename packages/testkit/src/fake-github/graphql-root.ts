/**
 * The root of the fake's GraphQL schema: the queries (`viewer`, `repository`, `node(s)`,
 * `rateLimit`) and the mutations codexrel sends, each checked against the caller's access first.
 */
import { canRead, canWrite, commentPermissions } from "./access.js";
import { actorNode, viewerNode } from "./graphql-actors.js";
import { encodeCursor } from "./graphql-connection.js";
import { GitHubGraphQLError, type GraphQLCallContext, notFound, type Obj, viewerLogin } from "./graphql-context.js";
import { commentNode, REACTION_TO_REST, reactionNode, repoNode, threadNode } from "./graphql-nodes.js";
import type { FakeComment, FakeThread } from "./state.js";

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

export function rootValue(): Obj {
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
