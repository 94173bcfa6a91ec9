/**
 * Event routing: a GitHub event (name + payload) becomes a task for the agent — start, continue,
 * review, ignore or duplicate — with its stage, thread, prompt, author and the reason.
 *
 * `classifyEvent` is pure and synchronous. `routeEvent` adds the two decisions that need the outside
 * world, each behind a port: the author's repository permission (for authors whose association is
 * not enough) and the thread's state (replays are `duplicate`; a plan promotion sticks).
 *
 * This module is the entry: it checks the event, hands it to the handler of its kind (`route/`:
 * issues, issue-comment, pull-request, review, dispatch; comment commands in commands.ts), then
 * authorizes (authorize.ts) and dedupes. The bot-loop guard is guard.ts, the prompts prompt.ts.
 */
import { type RoutingConfig, type RoutingConfigInput, resolveRoutingConfig } from "./config.js";
import { ThreadsErrorCodes, threadsError } from "./errors.js";
import { get, obj, str } from "./payload.js";
import { authorize, authorizeSync, notAuthorized, type PermissionPort } from "./route/authorize.js";
import { dispatch } from "./route/dispatch.js";
import { type Ctx, type Draft, ignored } from "./route/draft.js";
import { issueComment } from "./route/issue-comment.js";
import { issues } from "./route/issues.js";
import { stageLine } from "./route/prompt.js";
import { pullRequest } from "./route/pull-request.js";
import { relayed } from "./route/relay.js";
import { pullRequestReview, reviewComment } from "./route/review.js";
import { type ReasonCode, ReasonCodes, type Task } from "./route/task.js";
import { emptyThreadState, laterStage, type ThreadStateStore } from "./state.js";

export type { PermissionPort } from "./route/authorize.js";
export { promptWithThread } from "./route/prompt.js";
export {
  type ReasonCode,
  ReasonCodes,
  type SourceKind,
  type Task,
  type TaskAction,
  type TaskAuthor,
  type TaskSource,
} from "./route/task.js";
export type { TaskStage } from "./state.js";

export interface RouteInput {
  /** `issues`, `issue_comment`, `pull_request`, ... (`GITHUB_EVENT_NAME`, or the `X-GitHub-Event` header). */
  eventName: string;
  /** The webhook payload (`GITHUB_EVENT_PATH`'s content). */
  payload: unknown;
  /** `X-GitHub-Delivery`, or any id unique to the event (used when the payload has no natural key). */
  deliveryId?: string | null;
}

export interface RouteEventOptions extends RouteInput {
  config?: RoutingConfigInput;
  permissions?: PermissionPort;
  state?: ThreadStateStore;
}

const ROUTED_EVENTS = new Set([
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "workflow_dispatch",
  "repository_dispatch",
]);

/** Routes one event: classification, authorization, then dedupe against the thread's state. */
export async function routeEvent(options: RouteEventOptions): Promise<Task> {
  const config = resolveRoutingConfig(options.config);
  const draft = classifyDraft(options, config);
  let task = draft.task;
  if (task.action === "ignore" || task.action === "duplicate") return task;
  task = await authorize(draft, config, options.permissions);
  if (task.action === "ignore" || !options.state || !task.threadKey) return task;
  const state = (await options.state.load(task.threadKey)) ?? emptyThreadState(task.threadKey);
  if (task.dedupeKey && state.seen.includes(task.dedupeKey)) {
    return toDuplicate(task, ReasonCodes.DUPLICATE, `already processed (${task.dedupeKey})`);
  }
  const cursor = task.source?.cursor ? state.cursors[task.source.cursor] : undefined;
  if (cursor !== undefined && task.source?.id != null && task.source.id <= cursor) {
    return toDuplicate(
      task,
      ReasonCodes.ALREADY_DRAINED,
      `${task.source.kind} ${task.source.id} was handled by an earlier run (cursor ${cursor})`,
    );
  }
  const stage = laterStage(state.stage, task.stage);
  if (stage !== task.stage && task.action === "continue" && stage !== null) {
    task = { ...task, stage, prompt: task.prompt.replace(stageLine(task.stage), stageLine(stage)) };
  }
  // The branch was fixed when the thread started: a renamed issue keeps its branch and its PR.
  if (state.branch && task.branch && state.branch !== task.branch) task = { ...task, branch: state.branch };
  return task;
}

/**
 * The pure part of routing: what the event asks for, before permission lookups and state. An
 * author whose association is not in `allowedAssociations` comes back as `ignore` with reason
 * `NOT_AUTHORIZED` here; `routeEvent` asks the permission port first.
 */
export function classifyEvent(input: RouteInput, config?: RoutingConfigInput): Task {
  const resolved = resolveRoutingConfig(config);
  const draft = classifyDraft(input, resolved);
  if (draft.task.action === "ignore" || draft.task.action === "duplicate") return draft.task;
  return authorizeSync(draft, resolved) ?? notAuthorized(draft, null);
}

function classifyDraft(input: RouteInput, config: RoutingConfig): Draft {
  const name = input.eventName.trim();
  if (!name) {
    throw threadsError(
      ThreadsErrorCodes.EVENT_NAME_MISSING,
      "no event name given",
      "Pass the event name (--event-name, or GITHUB_EVENT_NAME in Actions).",
    );
  }
  const payload = obj(input.payload);
  if (!payload) {
    throw threadsError(
      ThreadsErrorCodes.EVENT_PAYLOAD_INVALID,
      "the event payload is not a JSON object",
      "Pass the webhook payload ($GITHUB_EVENT_PATH in Actions).",
    );
  }
  const ctx: Ctx = {
    name,
    action: str(payload["action"]),
    deliveryId: input.deliveryId?.trim() || null,
    payload,
    config,
  };
  if (!ROUTED_EVENTS.has(name)) {
    return ignored(ctx, null, ReasonCodes.EVENT_NOT_ROUTED, `event ${JSON.stringify(name)} is not routed`);
  }
  const repository = str(get(payload, "repository", "full_name"));
  if (!repository || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw threadsError(
      ThreadsErrorCodes.EVENT_PAYLOAD_INVALID,
      `the ${name} payload has no usable repository.full_name`,
      "Pass the unmodified webhook payload.",
    );
  }
  ctx.repository = repository;
  switch (name) {
    case "issues":
      return issues(ctx);
    case "issue_comment":
      return issueComment(ctx);
    case "pull_request":
      return pullRequest(ctx);
    case "pull_request_review":
      return pullRequestReview(ctx);
    case "pull_request_review_comment":
      return reviewComment(ctx);
    case "repository_dispatch":
      return relayed(ctx);
    default:
      return dispatch(ctx);
  }
}

function toDuplicate(task: Task, code: ReasonCode, reason: string): Task {
  return { ...task, action: "duplicate", prompt: "", reasonCode: code, reason };
}
