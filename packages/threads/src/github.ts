/**
 * The ports of this package, answered by @codexrel/github's client: permission lookups, GraphQL
 * (comments, review context, ready-for-review), and this identity's marked comments. The CLI and
 * the actions build a client and hand it in; tests hand in a client pointed at the fake GitHub.
 */
import type { Thread } from "@codexrel/core";
import {
  type GitHubClient,
  modifyMarkedComment,
  newestFirstCommentPort,
  parseThreadRef,
  readMarkedComment,
  type ThreadRef,
  upsertMarkedComment,
} from "@codexrel/github";
import type { PermissionLevel } from "./config.js";
import type { DrainResult } from "./drain.js";
import {
  type HandoffOptions,
  type HandoffResult,
  handoffPullRequest,
  type MarkedCommentsPort,
} from "./progress-comment.js";
import { sendRelay } from "./relay.js";
import type { RelayRequest } from "./relay-request.js";
import { gatherReviewContext, type ReviewContext } from "./review-context.js";
import type { PermissionPort } from "./route.js";
import { type DrainThreadOptions, drainThread } from "./thread-comments.js";

/** The client methods used here (GitHubClient has them all). */
export type ThreadsClient = Pick<
  GitHubClient,
  | "graphql"
  | "collaboratorPermission"
  | "viewer"
  | "newestCommentsWithViewer"
  | "listComments"
  | "createComment"
  | "updateComment"
  | "deleteComment"
  | "redact"
  | "thread"
  | "restWrite"
>;

export function toThreadRef(thread: Thread): ThreadRef {
  const [owner, repo] = thread.repository.split("/") as [string, string];
  return { owner, repo, number: thread.number, kind: thread.kind };
}

/**
 * Repository permission through REST `collaborators/{login}/permission` (its `permission` field
 * folds maintain into write and triage into read). One lookup per login and repository per port.
 */
export function permissionPort(client: Pick<ThreadsClient, "collaboratorPermission">): PermissionPort {
  const cache = new Map<string, Promise<PermissionLevel>>();
  return {
    getPermission(repository, login) {
      const key = `${repository.toLowerCase()}:${login.toLowerCase()}`;
      let found = cache.get(key);
      if (!found) {
        const [owner, repo] = repository.split("/") as [string, string];
        // The permission endpoint reads only owner and repo; the number is not used.
        found = client.collaboratorPermission({ owner, repo, number: 1 }, login);
        cache.set(key, found);
        found.catch(() => cache.delete(key));
      }
      return found;
    },
  };
}

/**
 * This identity's marked comments on one thread, through @codexrel/github's one marked-comment
 * implementation (the report comment uses it too): read newest-first, so finding or updating a
 * comment among the newest 100 costs one read however long the thread is.
 */
export function markedCommentsPort(client: ThreadsClient, thread: Thread): MarkedCommentsPort {
  const ref = toThreadRef(thread);
  return {
    async find(marker) {
      const found = await readMarkedComment(client, ref, marker);
      return found ? { id: found.id, url: found.url, body: found.body } : null;
    },
    async upsert(marker, body) {
      const result = await upsertMarkedComment(newestFirstCommentPort(client, ref, marker), ref, { marker, body });
      return { action: result.action, id: result.comment.id, url: result.comment.url };
    },
    async modify(marker, render) {
      const result = await modifyMarkedComment(newestFirstCommentPort(client, ref, marker), ref, {
        marker,
        render: (current) => render(current ? { id: current.id, url: current.url, body: current.body } : null),
      });
      return { action: result.action, id: result.comment.id, url: result.comment.url, body: result.body };
    },
  };
}

/** The head of a PR thread: where its branch lives, and whether it is a fork. */
export interface PullRequestHead {
  ref: string;
  sha: string;
  repository: string | null;
  fork: boolean;
}

export interface ThreadsGitHub {
  permissions: PermissionPort;
  drain(options: Omit<DrainThreadOptions, "permissions">): Promise<DrainResult & { complete: boolean }>;
  reviewContext(thread: Thread): Promise<ReviewContext>;
  comments(thread: Thread): MarkedCommentsPort;
  handoff(thread: Thread, options?: Omit<HandoffOptions, "thread">): Promise<HandoffResult>;
  /** `owner/repo#12` or an issue/PR URL; the kind is asked from GitHub when the text does not say. */
  resolveThread(text: string): Promise<Thread>;
  /** The token's login (`github-actions[bot]`, `my-app[bot]`, a user). */
  viewerLogin(): Promise<string>;
  /** A PR thread's head branch and whether it comes from a fork (one GraphQL read). */
  pullRequestHead(thread: Thread): Promise<PullRequestHead>;
  /** Relays a review delivery to a run on the default branch (`repository_dispatch`, relay.ts). */
  relay(repository: string, request: RelayRequest): Promise<void>;
}

/** Every port of this package over one client. */
export function threadsGitHub(client: ThreadsClient): ThreadsGitHub {
  const permissions = permissionPort(client);
  return {
    permissions,
    drain: (options) => drainThread(client, { ...options, permissions }),
    reviewContext: (thread) => gatherReviewContext(client, { thread }),
    comments: (thread) => markedCommentsPort(client, thread),
    handoff: (thread, options = {}) =>
      handoffPullRequest(client, markedCommentsPort(client, thread), { ...options, thread }),
    viewerLogin: async () => (await client.viewer()).login,
    relay: (repository, request) => sendRelay(client, repository, request),
    async pullRequestHead(thread) {
      const ctx = await client.thread({ ...toThreadRef(thread), kind: "pr" });
      return {
        ref: ctx.head?.ref ?? "",
        sha: ctx.head?.sha ?? "",
        repository: ctx.head?.repository ?? null,
        fork: ctx.fork ?? true,
      };
    },
    async resolveThread(text) {
      const ref = parseThreadRef(text);
      const kind = ref.kind ?? (await client.thread(ref)).ref.kind;
      return { repository: `${ref.owner}/${ref.repo}`, kind, number: ref.number };
    },
  };
}
