/**
 * Updating the progress comment and handing a pull request off, through narrow ports: the GitHub
 * adapter implements them (find this identity's marked comment, upsert it, run GraphQL); tests
 * pass the testkit's fake GitHub through the same adapter.
 */
import type { Thread } from "@codexrel/core";
import { buildMarker, redact } from "@codexrel/core";
import {
  applyProgressUpdate,
  emptyProgress,
  type ProgressState,
  type ProgressStatus,
  type ProgressUpdate,
  parseProgressState,
  renderProgress,
  sanitizeMarkdown,
} from "./progress.js";
import {
  evaluateReadiness,
  type GraphQLPort,
  gatherReviewContext,
  MARK_READY_MUTATION,
  type Readiness,
  type ReviewContext,
} from "./review-context.js";

/** A comment marker as core builds it: `<!-- codexrel:<kind>[:<id>] -->`. */
export interface MarkerRef {
  kind: string;
  id?: string;
}

export interface MarkedComment {
  id: number;
  url: string;
  body: string;
}

export interface MarkedCommentsPort {
  /** This identity's current comment with the marker on the thread, or null. */
  find(marker: MarkerRef): Promise<MarkedComment | null>;
  /** Creates the marked comment, or updates it when the body differs. */
  upsert(
    marker: MarkerRef,
    body: string,
  ): Promise<{ action: "created" | "updated" | "unchanged"; id: number; url: string }>;
  /**
   * Read-modify-write in one step: the body from the current comment, written without a second
   * read and serialized with other updates of the same comment (none are lost). Optional; ports
   * without it fall back to `find` then `upsert`.
   */
  modify?(
    marker: MarkerRef,
    render: (current: MarkedComment | null) => string,
  ): Promise<{ action: "created" | "updated" | "unchanged"; id: number; url: string; body: string }>;
}

/** `wait`: the turn ended and the thread waits for a person (a posted plan awaiting approval). */
export type ProgressMode = "update" | "done" | "fail" | "cancel" | "wait";

const MODE_STATUS: Record<ProgressMode, ProgressStatus> = {
  update: "running",
  done: "done",
  fail: "failed",
  cancel: "cancelled",
  wait: "queued",
};

export interface UpdateProgressOptions {
  mode: ProgressMode;
  update?: ProgressUpdate;
  /** Scope of the comment (`review` gives the review workflow its own); none for the main one. */
  scope?: string | null;
  /** Free markdown appended below the status block (body from a file or stdin). */
  body?: string | null;
  threadLabel?: string;
  secrets?: string[];
  /** Render and return the body; read the current comment if a port is given, write nothing. */
  dryRun?: boolean;
  now: Date;
}

export interface UpdateProgressResult {
  result: "created" | "updated" | "unchanged" | "dry-run";
  body: string;
  state: ProgressState;
  comment: { id: number; url: string } | null;
}

/**
 * Merges the update into the state embedded in the current progress comment and writes the new
 * body. The same update twice gives the same body: the second call writes nothing (`unchanged`).
 */
export async function updateProgressComment(
  port: MarkedCommentsPort | null,
  options: UpdateProgressOptions,
): Promise<UpdateProgressResult> {
  const marker: MarkerRef = options.scope ? { kind: "progress", id: options.scope } : { kind: "progress" };
  const next = (current: MarkedComment | null) => {
    const previous = (current && parseProgressState(current.body)) ?? emptyProgress();
    const state = applyProgressUpdate(previous, { ...options.update, status: MODE_STATUS[options.mode] }, options.now);
    const body = renderProgress(state, {
      scope: options.scope ?? null,
      ...(options.threadLabel ? { threadLabel: options.threadLabel } : {}),
      ...(options.body ? { body: options.body } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
    });
    return { state, body };
  };
  if (port?.modify && !options.dryRun) {
    let rendered: { state: ProgressState; body: string } | null = null;
    const written = await port.modify(marker, (current) => {
      rendered = next(current);
      return rendered.body;
    });
    const done = rendered as unknown as { state: ProgressState; body: string };
    return {
      result: written.action,
      body: done.body,
      state: done.state,
      comment: { id: written.id, url: written.url },
    };
  }
  const current = port ? await port.find(marker) : null;
  const { state, body } = next(current);
  if (options.dryRun || !port) {
    return { result: "dry-run", body, state, comment: current ? { id: current.id, url: current.url } : null };
  }
  if (current && current.body.trim() === body.trim()) {
    return { result: "unchanged", body, state, comment: { id: current.id, url: current.url } };
  }
  const written = await port.upsert(marker, body);
  return { result: written.action, body, state, comment: { id: written.id, url: written.url } };
}

export interface HandoffOptions {
  thread: Thread;
  /** Check names (globs) to leave out, such as the running job's own check. */
  ignoreChecks?: string[];
  requireChecks?: boolean;
  /** Hand off only a PR this identity opened on a work branch (see `ReadinessOptions.openedBy`). */
  openedBy?: { login: string; branchPrefix?: string };
  dryRun?: boolean;
}

export interface HandoffResult {
  ready: boolean;
  readiness: Readiness;
  context: ReviewContext;
  /** True when this call turned a draft into a PR ready for review. */
  markedReady: boolean;
  comment: { action: "created" | "updated" | "unchanged"; id: number; url: string } | null;
  /** The handoff comment body (also when nothing was written: not ready, or a dry run). */
  body: string | null;
}

export const HANDOFF_MARKER: MarkerRef = { kind: "handoff" };

/**
 * Ready to merge — every check passed and no review thread is unresolved — turns a draft PR into
 * one ready for review and posts (or refreshes) the handoff comment. Not ready changes nothing.
 */
export async function handoffPullRequest(
  graphql: GraphQLPort,
  comments: MarkedCommentsPort | null,
  options: HandoffOptions,
): Promise<HandoffResult> {
  const context = await gatherReviewContext(graphql, { thread: options.thread });
  const readiness = evaluateReadiness(context, {
    ...(options.ignoreChecks ? { ignoreChecks: options.ignoreChecks } : {}),
    ...(options.requireChecks !== undefined ? { requireChecks: options.requireChecks } : {}),
    ...(options.openedBy ? { openedBy: options.openedBy } : {}),
  });
  if (!readiness.ready) return { ready: false, readiness, context, markedReady: false, comment: null, body: null };
  const wasDraft = context.pr.isDraft;
  const body = renderHandoff(context, readiness, wasDraft);
  if (options.dryRun || !comments) return { ready: true, readiness, context, markedReady: false, comment: null, body };
  let markedReady = false;
  if (wasDraft) {
    await graphql.graphql(
      `mark ${options.thread.repository}#${options.thread.number} ready for review`,
      MARK_READY_MUTATION,
      {
        id: context.pr.id,
      },
    );
    markedReady = true;
  }
  const written = await comments.upsert(HANDOFF_MARKER, body);
  return { ready: true, readiness, context, markedReady, comment: written, body };
}

export function renderHandoff(context: ReviewContext, readiness: Readiness, wasDraft: boolean): string {
  const lines = [
    "<!-- codex:handoff -->",
    buildMarker(HANDOFF_MARKER.kind),
    "### ✅ Ready for review",
    "",
    `- **Checks:** ${readiness.passing} passing on \`${context.pr.headSha.slice(0, 12)}\`, none failing or pending.`,
    `- **Review threads:** none unresolved (${context.resolvedThreads} resolved).`,
    wasDraft
      ? "- **Draft:** the pull request was a draft and is now marked ready for review."
      : "- **Draft:** no, already ready for review.",
    "",
    "The agent's work on this pull request is done; it is over to a person to review and merge.",
    "",
  ];
  return lines.join("\n");
}

/** The marker a plan comment carries (the routing's default `planMarker`). */
export const PLAN_MARKER = "<!-- codex:plan -->";

/**
 * The plan comment a planning run posts: the plan marker written by codexrel (never escaped), the
 * agent's plan sanitized (a marker inside it is shown as text and cannot promote), and how to approve.
 */
export function renderPlanComment(plan: string, secrets: string[] = []): string {
  return [
    PLAN_MARKER,
    buildMarker("plan"),
    "### Plan",
    "",
    sanitizeMarkdown(redact(plan, { secrets })).trim(),
    "",
    "Reply `execute plan` to implement it, or comment to change it.",
    "",
  ].join("\n");
}
