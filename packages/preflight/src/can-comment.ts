/**
 * can-comment: may this identity comment on the thread? Decided from signals GitHub gives without
 * writing; when they cannot decide the answer is `unknown` (status warn), never a guess. The opt-in
 * probe writes a comment and deletes it.
 */
import { buildMarker, type PreflightCheck } from "@codexrel/core";
import {
  formatThreadRef,
  githubDetails,
  isGitHubError,
  type PermissionSignals,
  permissionHint,
} from "@codexrel/github";
import { check } from "./check.js";
import { checkFromGitHubError, kindLabel } from "./github-wording.js";
import type { PreflightGitHubPort, Verdict } from "./types.js";

export interface CommentDecision {
  verdict: Verdict;
  code: string;
  reason: string;
  hint?: string;
  /** Which signals decided. */
  basis: string[];
}

const RANK: Record<string, number> = { READ: 1, TRIAGE: 2, WRITE: 3, MAINTAIN: 4, ADMIN: 5 };

/**
 * May this identity comment on the thread, from signals alone? GitHub's `viewerCannotUpdateReasons`
 * ARCHIVED and LOCKED are documented as "unable to create comment because ..."; `viewerCanUpdate`
 * implies commenting; classic/OAuth scopes plus the repository role decide for those tokens. For
 * fine-grained and installation tokens without `viewerCanUpdate` nothing non-mutating proves or
 * disproves the `issues: write` permission, so the answer is unknown.
 */
export function decideCanComment(s: PermissionSignals): CommentDecision {
  const t = s.thread;
  const reasons = new Set(t.viewerCannotUpdateReasons);
  const kind = s.identity.tokenKind;
  const name = formatThreadRef(t.ref);
  const permissionFix = permissionHint(
    t.ref.kind === "pr" ? [["issues=write"], ["pull_requests=write"]] : [["issues=write"]],
    kind,
  );
  if (t.repository.archived || reasons.has("ARCHIVED")) {
    return {
      verdict: "no",
      code: "REPO_ARCHIVED",
      reason: `${t.repository.nameWithOwner} is archived`,
      hint: "Unarchive the repository, or publish to another thread.",
      basis: ["repository.isArchived"],
    };
  }
  if (reasons.has("LOGIN_REQUIRED")) {
    return {
      verdict: "no",
      code: "GITHUB_TOKEN_INVALID",
      reason: "GitHub does not consider the token logged in",
      hint: "Use a valid token.",
      basis: ["viewerCannotUpdateReasons"],
    };
  }
  if (t.locked && reasons.has("LOCKED")) {
    return {
      verdict: "no",
      code: "THREAD_LOCKED",
      reason: `${name} is locked and ${s.identity.login} lacks write access`,
      hint: "Unlock the conversation, or use a token of someone with write access.",
      basis: ["locked", "viewerCannotUpdateReasons"],
    };
  }
  if (reasons.has("VERIFIED_EMAIL_REQUIRED")) {
    return {
      verdict: "no",
      code: "VERIFIED_EMAIL_REQUIRED",
      reason: `${s.identity.login} has no verified email address`,
      hint: "Verify an email address on the account that owns the token.",
      basis: ["viewerCannotUpdateReasons"],
    };
  }
  if (t.viewerCanUpdate) {
    return {
      verdict: "yes",
      code: "CAN_COMMENT",
      reason: `${s.identity.login} may update ${name} (viewerCanUpdate), so it may comment`,
      basis: ["viewerCanUpdate"],
    };
  }
  if (kind === "classic" || kind === "oauth") {
    const scopes = s.identity.scopes;
    if (scopes) {
      const hasRepo = scopes.includes("repo");
      const hasPublic = scopes.includes("public_repo");
      if (!hasRepo && (t.repository.private || !hasPublic)) {
        return {
          verdict: "no",
          code: "TOKEN_SCOPE_MISSING",
          reason: `the token's scopes (${scopes.join(", ") || "none"}) do not allow writing to ${t.repository.private ? "a private" : "a public"} repository`,
          hint: permissionHint(undefined, kind),
          basis: ["x-oauth-scopes"],
        };
      }
      const role = t.repository.viewerPermission;
      const collaborator = s.collaboratorPermission;
      if (
        !t.repository.private ||
        (role && RANK[role]! >= 1) ||
        collaborator === "read" ||
        collaborator === "write" ||
        collaborator === "admin"
      ) {
        return {
          verdict: "yes",
          code: "CAN_COMMENT",
          reason: `${s.identity.login} can read ${t.repository.nameWithOwner} and the token has the ${hasRepo ? "repo" : "public_repo"} scope`,
          basis: ["x-oauth-scopes", t.repository.private ? "viewerPermission" : "public repository"],
        };
      }
    }
  }
  return {
    verdict: "unknown",
    code: "CAN_COMMENT_UNKNOWN",
    reason: `GitHub's signals do not tell whether this ${kindLabel(kind)} may comment on ${name}${reasons.size > 0 ? ` (${[...reasons].join(", ")})` : ""}`,
    hint: `${capitalize(permissionFix)} To find out for sure, re-run preflight with the comment probe.`,
    basis: ["viewerCanUpdate", "viewerCannotUpdateReasons"],
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const PROBE_MARKER = { kind: "preflight-probe" } as const;

export async function checkCanComment(
  signals: PermissionSignals | null,
  threadCheck: PreflightCheck | null,
  client: PreflightGitHubPort | null,
  probe: boolean,
): Promise<PreflightCheck> {
  if (!signals || !client) {
    return check(
      "can-comment",
      "skip",
      threadCheck?.code === "THREAD_NOT_SET" ? "THREAD_NOT_SET" : "THREAD_UNAVAILABLE",
      "not checked: the thread could not be read",
    );
  }
  const decision = decideCanComment(signals);
  const base = { basis: decision.basis, identity: signals.identity.login, tokenKind: signals.identity.tokenKind };
  if (decision.verdict === "no") {
    return check("can-comment", "fail", decision.code, decision.reason, decision.hint, base);
  }
  if (!probe) {
    return decision.verdict === "yes"
      ? check("can-comment", "pass", decision.code, decision.reason, undefined, base)
      : check("can-comment", "warn", decision.code, decision.reason, decision.hint, base);
  }
  return runProbe(signals, client, decision);
}

async function runProbe(
  signals: PermissionSignals,
  client: PreflightGitHubPort,
  decision: CommentDecision,
): Promise<PreflightCheck> {
  const ref = signals.thread.ref;
  const name = formatThreadRef(ref);
  const body = `${buildMarker(PROBE_MARKER.kind)}\ncodexrel preflight: checking that this token can comment. This comment is deleted right away.`;
  const details = { basis: [...decision.basis, "probe"], identity: signals.identity.login, signals: decision.verdict };
  let created: { id: number; url: string };
  try {
    created = await client.createComment(ref, body);
  } catch (error) {
    if (isGitHubError(error, "GITHUB_PERMISSION_DENIED")) {
      const d = githubDetails(error);
      return check(
        "can-comment",
        "fail",
        "CAN_COMMENT_DENIED",
        `the probe comment on ${name} was refused: ${d?.githubMessage ?? "permission denied"}`,
        (error as { hint: string }).hint,
        { ...details, ...(d?.acceptedPermissions ? { acceptedPermissions: d.acceptedPermissions } : {}) },
      );
    }
    const c = checkFromGitHubError("can-comment", error, `probe comment on ${name}`);
    return { ...c, details: { ...details, ...(c.details ?? {}) } };
  }
  try {
    await client.deleteComment(ref, created.id);
  } catch (error) {
    return check(
      "can-comment",
      "warn",
      "PROBE_CLEANUP_FAILED",
      `the probe comment was posted (so commenting works) but could not be deleted: ${(error as Error).message}`,
      `Delete it by hand: ${created.url}`,
      { ...details, probeUrl: created.url },
    );
  }
  return check(
    "can-comment",
    "pass",
    "CAN_COMMENT",
    `a probe comment was posted to ${name} and deleted`,
    undefined,
    details,
  );
}
