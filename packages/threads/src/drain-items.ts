/**
 * What the queue drain reads, as the webhook deliveries GitHub would have sent for it: each queued
 * conversation comment as `issue_comment` created, each review as `pull_request_review` submitted,
 * each review comment as `pull_request_review_comment` created. Routing them with the same rules
 * as live events gives them the same dedupe keys, so a replayed delivery is a duplicate.
 */
import type { Thread } from "@codexrel/core";
import type { ThreadComment } from "./drain.js";
import type { ThreadReview, ThreadReviewComment } from "./pr-feedback.js";
import type { CursorKind, ThreadState } from "./state.js";

export interface QueuedItem {
  cursor: CursorKind;
  id: number;
  createdAt: string;
  eventName: "issue_comment" | "pull_request_review" | "pull_request_review_comment";
  payload: Record<string, unknown>;
}

export interface QueueSource {
  thread: Thread;
  title?: string;
  threadState?: string;
  comments: readonly ThreadComment[];
  reviews?: readonly ThreadReview[];
  reviewComments?: readonly ThreadReviewComment[];
  state: ThreadState;
}

/**
 * Every item newer than its kind's cursor, oldest first. Ids of different kinds are not comparable
 * on GitHub, so the kinds are interleaved by time (ties keep comments, reviews, review comments).
 */
export function queuedItems(source: QueueSource): QueuedItem[] {
  const { thread, state } = source;
  const [owner, name] = thread.repository.split("/");
  const repository = { full_name: thread.repository, name, owner: { login: owner } };
  const open = !source.threadState || source.threadState.toUpperCase() === "OPEN";
  const newer = <T extends { id: number }>(list: readonly T[] | undefined, cursor: CursorKind) =>
    (list ?? []).filter((c) => c.id > (state.cursors[cursor] ?? 0));
  // The drain runs after the fork check: a PR here has its head in this repository.
  const pullRequest = {
    number: thread.number,
    title: source.title ?? "",
    state: open ? "open" : "closed",
    head: { repo: { full_name: thread.repository } },
    base: { repo: { full_name: thread.repository } },
  };
  const author = (c: ThreadComment) => ({
    user: c.user,
    author_association: c.authorAssociation,
    html_url: c.url ?? null,
  });
  const items: QueuedItem[] = [
    ...newer(source.comments, "issueComment").map((c) => ({
      cursor: "issueComment" as const,
      id: c.id,
      createdAt: c.createdAt ?? "",
      eventName: "issue_comment" as const,
      payload: {
        action: "created",
        repository,
        issue: {
          number: thread.number,
          title: source.title ?? "",
          state: open ? "open" : "closed",
          ...(thread.kind === "pr" ? { pull_request: {} } : {}),
        },
        comment: { id: c.id, body: c.body, ...author(c) },
        sender: c.user,
      },
    })),
    ...newer(source.reviews, "review").map((r) => ({
      cursor: "review" as const,
      id: r.id,
      createdAt: r.createdAt ?? "",
      eventName: "pull_request_review" as const,
      payload: {
        action: "submitted",
        repository,
        pull_request: pullRequest,
        review: { id: r.id, body: r.body, state: r.state, ...author(r) },
        sender: r.user,
      },
    })),
    ...newer(source.reviewComments, "reviewComment").map((c) => ({
      cursor: "reviewComment" as const,
      id: c.id,
      createdAt: c.createdAt ?? "",
      eventName: "pull_request_review_comment" as const,
      payload: {
        action: "created",
        repository,
        pull_request: pullRequest,
        comment: { id: c.id, body: c.body, path: c.path, line: c.line, ...author(c) },
        sender: c.user,
      },
    })),
  ];
  const rank: Record<CursorKind, number> = { issueComment: 0, review: 1, reviewComment: 2 };
  return items.sort(
    (a, b) =>
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
      rank[a.cursor] - rank[b.cursor] ||
      a.id - b.id,
  );
}
