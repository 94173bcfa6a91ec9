/**
 * What routing produces: the task for the agent, its author and source, and the stable reason codes
 * that say why an event was routed (or not) the way it was.
 */
import type { Thread } from "@codexrel/core";
import type { PermissionLevel } from "../config.js";
import type { RelayRequest } from "../relay-request.js";
import type { CursorKind, TaskStage } from "../state.js";

export type TaskAction = "start" | "continue" | "review" | "ignore" | "duplicate";

/** Stable reason codes (the `reason` sentence is for people, the code for machines and tests). */
export const ReasonCodes = {
  ISSUE_OPENED: "ISSUE_OPENED",
  ISSUE_LABELED: "ISSUE_LABELED",
  ISSUE_EDITED: "ISSUE_EDITED",
  COMMENT: "COMMENT",
  PLAN_COMMENT: "PLAN_COMMENT",
  EXECUTE_PLAN: "EXECUTE_PLAN",
  REVIEW_COMMAND: "REVIEW_COMMAND",
  STOP_COMMAND: "STOP_COMMAND",
  PULL_REQUEST: "PULL_REQUEST",
  REVIEW_SUBMITTED: "REVIEW_SUBMITTED",
  REVIEW_COMMENT: "REVIEW_COMMENT",
  DISPATCH: "DISPATCH",
  RELAYED: "RELAYED",
  EVENT_NOT_ROUTED: "EVENT_NOT_ROUTED",
  ACTION_NOT_ROUTED: "ACTION_NOT_ROUTED",
  NOT_CREATED: "NOT_CREATED",
  SELF_AUTHOR: "SELF_AUTHOR",
  BOT_AUTHOR: "BOT_AUTHOR",
  OWN_OUTPUT: "OWN_OUTPUT",
  NOT_AUTHORIZED: "NOT_AUTHORIZED",
  PERMISSION_UNKNOWN: "PERMISSION_UNKNOWN",
  NO_MENTION: "NO_MENTION",
  EMPTY: "EMPTY",
  THREAD_CLOSED: "THREAD_CLOSED",
  WAITING_FOR_LABEL: "WAITING_FOR_LABEL",
  LABEL_NOT_TRIGGER: "LABEL_NOT_TRIGGER",
  NOTHING_CHANGED: "NOTHING_CHANGED",
  FORK: "FORK",
  DRAFT: "DRAFT",
  REVIEWS_DISABLED: "REVIEWS_DISABLED",
  REVIEW_NEEDS_PR: "REVIEW_NEEDS_PR",
  NO_THREAD: "NO_THREAD",
  DUPLICATE: "DUPLICATE",
  ALREADY_DRAINED: "ALREADY_DRAINED",
} as const;
export type ReasonCode = (typeof ReasonCodes)[keyof typeof ReasonCodes];

export interface TaskAuthor {
  login: string;
  /** `User`, `Bot`, `Organization` as GitHub reports it. */
  type: string;
  /** The payload's `author_association`, when the event carries one for this person. */
  association: string | null;
  /** The repository permission, when it was looked up. */
  permission: PermissionLevel | null;
}

export type SourceKind = "issue" | "pull_request" | "issue_comment" | "review" | "review_comment" | "dispatch";

export interface TaskSource {
  kind: SourceKind;
  /** The comment, review, issue or PR id (REST `id`), when there is one. */
  id: number | null;
  url: string | null;
  /** The drain cursor this source advances, for comments and reviews. */
  cursor: CursorKind | null;
}

export interface Task {
  action: TaskAction;
  /** The stage the agent works in; null only when the event names no thread. */
  stage: TaskStage | null;
  thread: Thread | null;
  threadKey: string | null;
  reasonCode: ReasonCode;
  reason: string;
  /** What the agent is asked to do; empty for ignore and duplicate. Untrusted text is fenced. */
  prompt: string;
  author: TaskAuthor | null;
  event: { name: string; action: string | null; deliveryId: string | null };
  source: TaskSource | null;
  /** Same key ⇒ same work: a replay of a processed key routes to `duplicate`. */
  dedupeKey: string | null;
  command: "review" | "execute-plan" | "stop" | null;
  /** Serializes every run of the thread. */
  concurrencyGroup: string | null;
  /** The work branch for an issue thread; null for PR threads (the PR's head is the branch). */
  branch: string | null;
  /** The body of the PR an issue thread opens (`Closes #<n>`). */
  prBody: string | null;
  /** Issue or PR title, as written (untrusted: escape before use). */
  title: string | null;
  /** True when the PR's head lives in another repository; null when the event does not say. */
  fork: boolean | null;
  /**
   * The issue's or PR's description as the event carried it (comment events; untrusted), so the
   * prompt file can say what the thread is about (`promptWithThread`); null when not carried.
   */
  threadBody: string | null;
  /**
   * A relayed review delivery (`repository_dispatch` codexrel-relay, relay.ts): this task stands
   * for the PR's queue, and the drain replaces it with what is queued there.
   */
  relayed?: RelayRequest;
}
