/**
 * The draft every event handler builds: the task so far, plus who has to be authorized for it.
 * `draft` fills in what follows from the thread (key, concurrency group, branch, PR body);
 * `ignored` is the same for a decision not to act.
 */
import type { Thread } from "@codexrel/core";
import type { PermissionLevel, RoutingConfig } from "../config.js";
import type { Obj, PayloadUser } from "../payload.js";
import type { TaskStage } from "../state.js";
import { branchName, concurrencyGroup, prBody, threadKey } from "../text.js";
import type { ReasonCode, Task, TaskAction, TaskAuthor, TaskSource } from "./task.js";

/** The event being routed, with the resolved config; `repository` is set once the payload names one. */
export interface Ctx {
  name: string;
  action: string | null;
  deliveryId: string | null;
  payload: Obj;
  config: RoutingConfig;
  repository?: string;
}

export interface Actor {
  user: PayloadUser;
  association: string | null;
}

export interface Draft {
  task: Task;
  /** The person whose rights decide; null when the event needs no check (or was already ignored). */
  actor: Actor | null;
  /** Events that require write access to exist at all (workflow_dispatch). */
  impliedPermission: PermissionLevel | null;
}

/** The thread an event is about, and what every task on it carries. */
export interface Base {
  thread: Thread;
  title: string;
  /** The issue's or PR's own description, for the prompts of comments on it. */
  body?: string;
  source: TaskSource | null;
  fork?: boolean | null;
}

export function draft(
  ctx: Ctx,
  base: Base,
  actor: Actor | null,
  t: {
    action: TaskAction;
    stage: TaskStage;
    reasonCode: ReasonCode;
    reason: string;
    dedupeKey: string | null;
    prompt: string;
    command?: Task["command"];
  },
): Draft {
  const { thread, title } = base;
  const isIssue = thread.kind === "issue";
  return {
    task: {
      action: t.action,
      stage: t.stage,
      thread,
      threadKey: threadKey(thread),
      reasonCode: t.reasonCode,
      reason: t.reason,
      prompt: t.prompt,
      author: actor ? authorOf(actor) : null,
      event: { name: ctx.name, action: ctx.action, deliveryId: ctx.deliveryId },
      source: base.source,
      dedupeKey: t.dedupeKey,
      command: t.command ?? null,
      concurrencyGroup: concurrencyGroup(thread),
      branch: isIssue
        ? branchName(thread.number, title, { prefix: ctx.config.branchPrefix, maxLength: ctx.config.maxBranchLength })
        : null,
      prBody: isIssue ? prBody({ issueNumber: thread.number, title }) : null,
      title: title || null,
      fork: base.fork ?? null,
      threadBody: base.body ?? null,
    },
    actor,
    impliedPermission: null,
  };
}

export function ignored(ctx: Ctx, base: Base | null, code: ReasonCode, reason: string): Draft {
  if (!base) {
    return {
      task: {
        action: "ignore",
        stage: null,
        thread: null,
        threadKey: null,
        reasonCode: code,
        reason,
        prompt: "",
        author: null,
        event: { name: ctx.name, action: ctx.action, deliveryId: ctx.deliveryId },
        source: null,
        dedupeKey: null,
        command: null,
        concurrencyGroup: null,
        branch: null,
        prBody: null,
        title: null,
        fork: null,
        threadBody: null,
      },
      actor: null,
      impliedPermission: null,
    };
  }
  const d = draft(ctx, base, null, {
    action: "ignore",
    stage: base.thread.kind === "pr" ? "implementation" : "planning",
    reasonCode: code,
    reason,
    dedupeKey: null,
    prompt: "",
  });
  return d;
}

export function withAuthor(d: Draft, actor: Actor): Draft {
  return { ...d, task: { ...d.task, author: authorOf(actor) } };
}

function authorOf(actor: Actor): TaskAuthor {
  return { login: actor.user.login, type: actor.user.type, association: actor.association, permission: null };
}

/** The sender acts; when the sender is the author, the author's association applies. */
export function senderActor(sender: PayloadUser, author: PayloadUser | null, association: string | null): Actor {
  const same = author !== null && author.login.toLowerCase() === sender.login.toLowerCase();
  return { user: sender, association: same ? association : null };
}
