/** Reading a pull request's review context: its unresolved review threads and the checks on its head. */
import type { Thread } from "@codexrel/core";
import { ThreadsErrorCodes, threadsError } from "../errors.js";
import {
  type ChecksData,
  type ContextNode,
  HEAD_CHECKS_QUERY,
  REVIEW_THREADS_QUERY,
  type ThreadsData,
} from "./queries.js";

/** What the GraphQL reads and writes of this package need from a GitHub client (`GitHubClient.graphql` has this shape). */
export interface GraphQLPort {
  graphql<T>(what: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface ReviewComment {
  author: string | null;
  body: string;
  url: string | null;
  createdAt: string | null;
}

export interface ReviewThreadInfo {
  id: string;
  path: string | null;
  line: number | null;
  isOutdated: boolean;
  isResolved: boolean;
  comments: ReviewComment[];
  totalComments: number;
}

export type CheckState = "success" | "failure" | "pending" | "neutral" | "skipped";

export interface CheckInfo {
  kind: "check_run" | "status";
  /** `Workflow / job` for check runs of Actions workflows, the context for statuses. */
  name: string;
  state: CheckState;
  /** GitHub's own conclusion/state word (e.g. TIMED_OUT, ERROR). */
  raw: string;
  url: string | null;
  summary: string | null;
}

export interface ReviewContext {
  pr: {
    id: string;
    number: number;
    title: string;
    url: string;
    isDraft: boolean;
    state: string;
    headRef: string;
    headSha: string;
    baseRef: string;
    reviewDecision: string | null;
    /** Who opened the PR (GraphQL names a bot without `[bot]`; `authorType` says Bot). */
    author: string | null;
    authorType: string | null;
  };
  unresolvedThreads: ReviewThreadInfo[];
  resolvedThreads: number;
  checks: CheckInfo[];
  /** Overall rollup state of the head commit (null when nothing reported). */
  rollup: string | null;
  /** False when a page limit stopped reading before everything was seen. */
  complete: boolean;
}

export interface GatherOptions {
  thread: Thread;
  /** Safety bound on pages per list (100 items each). Default 10. */
  maxPages?: number;
}

/** Reads the review context of a pull request thread (two paginated GraphQL queries). */
export async function gatherReviewContext(port: GraphQLPort, options: GatherOptions): Promise<ReviewContext> {
  const { thread } = options;
  if (thread.kind !== "pr") {
    throw threadsError(
      ThreadsErrorCodes.THREAD_NOT_FOUND,
      `${thread.repository}#${thread.number} is an issue; review context needs a pull request`,
      "Run the review on a pull request thread.",
    );
  }
  const maxPages = options.maxPages ?? 10;
  const [owner, name] = thread.repository.split("/") as [string, string];
  let complete = true;
  let after: string | null = null;
  let pr: NonNullable<NonNullable<ThreadsData["repository"]>["pullRequest"]> | null = null;
  const unresolved: ReviewThreadInfo[] = [];
  let resolved = 0;
  for (let page = 0; ; page++) {
    const data: ThreadsData = await port.graphql<ThreadsData>(
      `read review threads of ${thread.repository}#${thread.number}`,
      REVIEW_THREADS_QUERY,
      { owner, name, number: thread.number, after },
    );
    const found = data.repository?.pullRequest ?? null;
    if (!found) {
      throw threadsError(
        ThreadsErrorCodes.THREAD_NOT_FOUND,
        `pull request ${thread.repository}#${thread.number} was not found`,
        "Check the repository and number, and that the token can read pull requests.",
      );
    }
    pr ??= found;
    for (const t of found.reviewThreads.nodes ?? []) {
      if (!t) continue;
      if (t.isResolved) {
        resolved++;
        continue;
      }
      unresolved.push({
        id: t.id,
        path: t.path,
        line: t.line ?? t.originalLine,
        isOutdated: t.isOutdated,
        isResolved: false,
        totalComments: t.comments.totalCount,
        comments: (t.comments.nodes ?? [])
          .filter((c): c is NonNullable<typeof c> => c !== null)
          .map((c) => ({ author: c.author?.login ?? null, body: c.body, url: c.url, createdAt: c.createdAt })),
      });
    }
    const info = found.reviewThreads.pageInfo;
    if (!info.hasNextPage) break;
    if (page + 1 >= maxPages) {
      complete = false;
      break;
    }
    after = info.endCursor;
  }
  const p = pr as NonNullable<typeof pr>;
  const checks: CheckInfo[] = [];
  let rollup: string | null = null;
  after = null;
  for (let page = 0; ; page++) {
    const data: ChecksData = await port.graphql<ChecksData>(
      `read checks of ${thread.repository}@${p.headRefOid.slice(0, 12)}`,
      HEAD_CHECKS_QUERY,
      { owner, name, oid: p.headRefOid, after },
    );
    const r = data.repository?.object?.statusCheckRollup ?? null;
    if (!r) break;
    rollup = r.state;
    for (const n of r.contexts.nodes ?? []) if (n) checks.push(toCheck(n));
    if (!r.contexts.pageInfo.hasNextPage) break;
    if (page + 1 >= maxPages) {
      complete = false;
      break;
    }
    after = r.contexts.pageInfo.endCursor;
  }
  return {
    pr: {
      id: p.id,
      number: p.number,
      title: p.title,
      url: p.url,
      isDraft: p.isDraft,
      state: p.state,
      headRef: p.headRefName,
      headSha: p.headRefOid,
      baseRef: p.baseRefName,
      reviewDecision: p.reviewDecision,
      author: p.author?.login ?? null,
      authorType: p.author?.__typename ?? null,
    },
    unresolvedThreads: unresolved,
    resolvedThreads: resolved,
    checks,
    rollup,
    complete,
  };
}

const FAILED_CONCLUSIONS = new Set([
  "FAILURE",
  "TIMED_OUT",
  "CANCELLED",
  "ACTION_REQUIRED",
  "STARTUP_FAILURE",
  "STALE",
]);

function toCheck(n: ContextNode): CheckInfo {
  if (n.__typename === "CheckRun") {
    const workflow = n.checkSuite?.workflowRun?.workflow.name;
    const name = workflow ? `${workflow} / ${n.name}` : n.name;
    let state: CheckState;
    if (n.status !== "COMPLETED") state = "pending";
    else if (n.conclusion === "SUCCESS") state = "success";
    else if (n.conclusion === "NEUTRAL") state = "neutral";
    else if (n.conclusion === "SKIPPED") state = "skipped";
    else if (n.conclusion && FAILED_CONCLUSIONS.has(n.conclusion)) state = "failure";
    else state = "pending";
    const summary = [n.title, n.summary].filter((s): s is string => Boolean(s?.trim())).join("\n");
    return {
      kind: "check_run",
      name,
      state,
      raw: n.status === "COMPLETED" ? (n.conclusion ?? "COMPLETED") : n.status,
      url: n.detailsUrl,
      summary: summary || null,
    };
  }
  const state: CheckState =
    n.state === "SUCCESS" ? "success" : n.state === "FAILURE" || n.state === "ERROR" ? "failure" : "pending";
  return { kind: "status", name: n.context, state, raw: n.state, url: n.targetUrl, summary: n.description };
}
