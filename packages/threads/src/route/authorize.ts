/**
 * Authorization: an allowed author association is enough; otherwise the author's repository
 * permission is looked up through `PermissionPort` (workflow_dispatch implies write access).
 */
import { type AuthorAssociation, type PermissionLevel, permissionAtLeast, type RoutingConfig } from "../config.js";
import type { Draft } from "./draft.js";
import { ReasonCodes, type Task } from "./task.js";

export interface PermissionPort {
  /** The login's permission on `repository` (`none` for people without access). */
  getPermission(repository: string, login: string): Promise<PermissionLevel>;
}

export function authorizeSync(d: Draft, config: RoutingConfig): Task | null {
  if (!d.actor) return notAuthorized(d, null);
  if (d.impliedPermission && config.minPermission && permissionAtLeast(d.impliedPermission, config.minPermission)) {
    return { ...d.task, reason: `${d.task.reason} (holds ${d.impliedPermission} access)` };
  }
  const assoc = d.actor.association;
  if (assoc && config.allowedAssociations.includes(assoc as AuthorAssociation)) return d.task;
  return null;
}

export async function authorize(
  d: Draft,
  config: RoutingConfig,
  permissions: PermissionPort | undefined,
): Promise<Task> {
  const ok = authorizeSync(d, config);
  if (ok) return ok;
  if (!d.actor || !config.minPermission || !permissions || !d.task.thread) return notAuthorized(d, null);
  let level: PermissionLevel;
  try {
    level = await permissions.getPermission(d.task.thread.repository, d.actor.user.login);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ...d.task,
      action: "ignore",
      prompt: "",
      reasonCode: ReasonCodes.PERMISSION_UNKNOWN,
      reason: `could not look up @${d.actor.user.login}'s permission: ${message}`,
    };
  }
  const author = d.task.author ? { ...d.task.author, permission: level } : null;
  if (permissionAtLeast(level, config.minPermission)) {
    return { ...d.task, author, reason: `${d.task.reason} (holds ${level} access)` };
  }
  return { ...notAuthorized(d, level), author };
}

export function notAuthorized(d: Draft, level: PermissionLevel | null): Task {
  const who = d.actor ? `@${d.actor.user.login}` : "the author";
  const assoc = d.actor?.association ?? "no association";
  return {
    ...d.task,
    action: "ignore",
    prompt: "",
    reasonCode: ReasonCodes.NOT_AUTHORIZED,
    reason:
      level === null
        ? `${who} (${assoc}) is not authorized: needs ${["OWNER", "MEMBER", "COLLABORATOR"].join("/")} or write access`
        : `${who} (${assoc}, ${level} access) is not authorized`,
  };
}
