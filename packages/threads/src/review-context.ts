/**
 * Review context for a pull request: unresolved review threads, and failing or pending check runs
 * and status contexts on the head commit, read with GraphQL and rendered into a prompt section.
 * The same data decides ready-to-merge (checks pass, no unresolved thread).
 */
import type { Thread } from "@codexrel/core";
import { sameAuthor } from "@codexrel/github";
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import { untrustedBlock } from "./text.js";

/** What the functions here need from a GitHub client (`GitHubClient.graphql` has this shape). */
export interface GraphQLPort {
  graphql<T>(what: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export const REVIEW_THREADS_QUERY = /* GraphQL */ `
  query CodexrelReviewThreads($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        id
        number
        title
        url
        isDraft
        state
        headRefName
        headRefOid
        baseRefName
        reviewDecision
        author {
          __typename
          login
        }
        reviewThreads(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            isResolved
            isOutdated
            path
            line
            originalLine
            comments(first: 10) {
              totalCount
              nodes {
                author {
                  login
                }
                body
                url
                createdAt
              }
            }
          }
        }
      }
    }
  }
`;

export const HEAD_CHECKS_QUERY = /* GraphQL */ `
  query CodexrelHeadChecks($owner: String!, $name: String!, $oid: GitObjectID!, $after: String) {
    repository(owner: $owner, name: $name) {
      object(oid: $oid) {
        ... on Commit {
          oid
          statusCheckRollup {
            state
            contexts(first: 100, after: $after) {
              totalCount
              pageInfo {
                hasNextPage
                endCursor
              }
              nodes {
                __typename
                ... on CheckRun {
                  name
                  status
                  conclusion
                  detailsUrl
                  title
                  summary
                  checkSuite {
                    workflowRun {
                      workflow {
                        name
                      }
                    }
                  }
                }
                ... on StatusContext {
                  context
                  state
                  description
                  targetUrl
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const MARK_READY_MUTATION = /* GraphQL */ `
  mutation CodexrelMarkReady($id: ID!) {
    markPullRequestReadyForReview(input: { pullRequestId: $id }) {
      pullRequest {
        id
        isDraft
      }
    }
  }
`;

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

interface ThreadsData {
  repository: {
    pullRequest: {
      id: string;
      number: number;
      title: string;
      url: string;
      isDraft: boolean;
      state: string;
      headRefName: string;
      headRefOid: string;
      baseRefName: string;
      reviewDecision: string | null;
      author: { __typename: string; login: string } | null;
      reviewThreads: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          path: string | null;
          line: number | null;
          originalLine: number | null;
          comments: {
            totalCount: number;
            nodes: Array<{
              author: { login: string } | null;
              body: string;
              url: string;
              createdAt: string;
            } | null> | null;
          };
        } | null> | null;
      };
    } | null;
  } | null;
}

type ContextNode =
  | {
      __typename: "CheckRun";
      name: string;
      status: string;
      conclusion: string | null;
      detailsUrl: string | null;
      title: string | null;
      summary: string | null;
      checkSuite: { workflowRun: { workflow: { name: string } } | null } | null;
    }
  | {
      __typename: "StatusContext";
      context: string;
      state: string;
      description: string | null;
      targetUrl: string | null;
    };

interface ChecksData {
  repository: {
    object: {
      oid?: string;
      statusCheckRollup?: {
        state: string;
        contexts: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: Array<ContextNode | null> | null;
        };
      } | null;
    } | null;
  } | null;
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

export interface ReadinessOptions {
  /** Check names (exact, or `*` globs) to leave out, e.g. the running job's own check. */
  ignoreChecks?: string[];
  /** Zero checks on the head is not ready (default true: nothing proved the change works). */
  requireChecks?: boolean;
  /**
   * Only a PR this worker opened is handed off: its author must be this login (exactly, see
   * @codexrel/github's `sameAuthor`) and its head branch must start with `branchPrefix`.
   */
  openedBy?: { login: string; branchPrefix?: string };
}

export interface Readiness {
  ready: boolean;
  failing: CheckInfo[];
  pending: CheckInfo[];
  passing: number;
  unresolvedThreads: number;
  reasons: string[];
}

/** Ready to merge: every considered check passed (or was neutral/skipped) and no thread is unresolved. */
export function evaluateReadiness(context: ReviewContext, options: ReadinessOptions = {}): Readiness {
  const ignore = (options.ignoreChecks ?? []).map(globToRegExp);
  const checks = context.checks.filter((c) => !ignore.some((re) => re.test(c.name)));
  const failing = checks.filter((c) => c.state === "failure");
  const pending = checks.filter((c) => c.state === "pending");
  const passing = checks.filter((c) => c.state === "success" || c.state === "neutral" || c.state === "skipped").length;
  const reasons: string[] = [];
  if (failing.length > 0) reasons.push(`${failing.length} check(s) failing: ${names(failing)}`);
  if (pending.length > 0) reasons.push(`${pending.length} check(s) still running: ${names(pending)}`);
  if (context.unresolvedThreads.length > 0) {
    reasons.push(`${context.unresolvedThreads.length} review thread(s) unresolved`);
  }
  if (checks.length === 0 && options.requireChecks !== false) reasons.push("no checks reported on the head commit");
  if (!context.complete) reasons.push("not every thread or check could be read (page limit)");
  if (context.pr.state !== "OPEN") reasons.push(`the pull request is ${context.pr.state.toLowerCase()}`);
  if (options.openedBy) {
    const own = sameAuthor(context.pr.author, context.pr.authorType, options.openedBy.login);
    const prefix = options.openedBy.branchPrefix;
    if (!own || (prefix && !context.pr.headRef.startsWith(prefix))) {
      reasons.push(`the pull request was not opened by this worker (@${options.openedBy.login}) for a thread`);
    }
  }
  return {
    ready: reasons.length === 0,
    failing,
    pending,
    passing,
    unresolvedThreads: context.unresolvedThreads.length,
    reasons,
  };
}

function names(list: CheckInfo[]): string {
  const shown = list.slice(0, 5).map((c) => c.name);
  return `${shown.join(", ")}${list.length > shown.length ? `, and ${list.length - shown.length} more` : ""}`;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${body}$`);
}

export interface RenderContextOptions {
  /** Upper bound on the section's length in characters (default 20,000). */
  maxChars?: number;
  ignoreChecks?: string[];
}

/**
 * The review context as a prompt section. Review comments and check summaries were written by
 * people and tools: each is fenced as untrusted text. Longest sections are cut first to fit.
 */
export function renderReviewContext(context: ReviewContext, options: RenderContextOptions = {}): string {
  const max = options.maxChars ?? 20_000;
  const ignore = (options.ignoreChecks ?? []).map(globToRegExp);
  const checks = context.checks.filter((c) => !ignore.some((re) => re.test(c.name)));
  const failing = checks.filter((c) => c.state === "failure");
  const pending = checks.filter((c) => c.state === "pending");
  const head = [
    `## Review context for pull request #${context.pr.number} (head ${context.pr.headSha.slice(0, 12)})`,
    "",
    `Checks: ${checks.length - failing.length - pending.length} passing, ${failing.length} failing, ${pending.length} pending. Review threads: ${context.unresolvedThreads.length} unresolved, ${context.resolvedThreads} resolved.${context.complete ? "" : " (Not everything could be read: page limit.)"}`,
  ];
  const sections: string[] = [];
  if (context.unresolvedThreads.length > 0) {
    const items = context.unresolvedThreads.map((t, i) => {
      const where = t.path ? `${safe(t.path)}${t.line !== null ? ` line ${t.line}` : ""}` : "(no file)";
      const conversation = t.comments
        .map((c) => `@${c.author ?? "ghost"}: ${c.body}`)
        .join("\n\n")
        .concat(t.totalComments > t.comments.length ? `\n\n(${t.totalComments - t.comments.length} more replies)` : "");
      return `${i + 1}. ${where}${t.isOutdated ? " (outdated)" : ""}${t.comments[0]?.url ? ` — ${t.comments[0].url}` : ""}\n\n${untrustedBlock(`review thread ${i + 1}`, conversation)}`;
    });
    sections.push(`### Unresolved review threads (${context.unresolvedThreads.length})\n\n${items.join("\n\n")}`);
  }
  if (failing.length > 0) {
    const items = failing.map(
      (c) =>
        `- ${safe(c.name)}: ${c.raw.toLowerCase()}${c.url ? ` — ${c.url}` : ""}${c.summary ? `\n\n${untrustedBlock(`check ${c.name}`, c.summary.slice(0, 4000))}` : ""}`,
    );
    sections.push(`### Failing checks (${failing.length})\n\n${items.join("\n\n")}`);
  }
  if (pending.length > 0) {
    sections.push(
      `### Pending checks (${pending.length})\n\n${pending.map((c) => `- ${safe(c.name)}: ${c.raw.toLowerCase()}`).join("\n")}`,
    );
  }
  if (sections.length === 0) sections.push("No unresolved review threads and no failing checks.");
  let text = `${head.join("\n")}\n\n${sections.join("\n\n")}\n`;
  if (text.length > max) {
    const note = "\n\n(Review context cut to fit; open the pull request for the rest.)\n";
    // Cut on a line boundary, then close any fence left open by the cut.
    let cutAt = text.lastIndexOf("\n", max - note.length - 40);
    if (cutAt < 0) cutAt = max - note.length - 40;
    text = text.slice(0, cutAt);
    const opened = [...text.matchAll(/<<<untrusted ([0-9a-f]{16})[^\n]*>>>/g)].at(-1);
    if (opened && !text.includes(`<<<end ${opened[1]}>>>`, opened.index)) text += `\n<<<end ${opened[1]}>>>`;
    text += note;
  }
  return text;
}

function safe(text: string): string {
  return text.replace(/[^\p{L}\p{N} ._/@+:()#-]/gu, "?").slice(0, 200);
}
