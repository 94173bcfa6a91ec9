/**
 * The GitHub side of preflight: is there a token and is it valid (github-token), is the thread
 * reachable (thread), may this identity comment there (can-comment), is it a fork PR (fork).
 * can-comment decides from signals GitHub gives without writing; when they cannot decide the
 * answer is `unknown` (status warn), never a guess. The opt-in probe writes and deletes a comment.
 */
import { buildMarker, type PreflightCheck } from "@codexrel/core";
import {
  type EventThread,
  formatThreadRef,
  githubDetails,
  type Identity,
  isGitHubError,
  type PermissionSignals,
  permissionHint,
  type ThreadContext,
  type ThreadRef,
  TOKEN_MISSING_HINT,
  type TokenDiscovery,
  type TokenKind,
} from "@codexrel/github";
import { check } from "./check.js";
import type { CheckId, PreflightGitHubPort, Verdict } from "./types.js";

/** A GitHub error as a check: unreachable/rate-limited are warnings (undecided), the rest fail. */
export function checkFromGitHubError(id: CheckId, error: unknown, what: string): PreflightCheck {
  const code = (error as { code?: string }).code ?? "GITHUB_ERROR";
  const message = error instanceof Error ? error.message : String(error);
  const hint = (error as { hint?: string }).hint;
  const d = githubDetails(error);
  const details = d ? { status: d.status, ...(d.githubMessage ? { githubMessage: d.githubMessage } : {}) } : undefined;
  if (code === "GITHUB_NETWORK" || code === "GITHUB_UNAVAILABLE") {
    return check(id, "warn", "GITHUB_UNREACHABLE", `${what}: GitHub could not be reached (${message})`, hint, details);
  }
  if (code === "GITHUB_RATE_LIMITED") {
    return check(id, "warn", code, `${what}: rate limited by GitHub, not decided`, hint, details);
  }
  return check(id, "fail", code, `${what}: ${message}`, hint, details);
}

export async function checkGitHubToken(
  discovery: TokenDiscovery | null,
  client: PreflightGitHubPort | null,
): Promise<{ check: PreflightCheck; identity: Identity | null }> {
  if (!discovery?.found || !client) {
    const tried = discovery?.attempts.map((a) => `${a.source}: ${a.note ?? a.outcome}`) ?? [];
    return {
      check: check(
        "github-token",
        "fail",
        "GITHUB_TOKEN_MISSING",
        `no token: ${tried.length > 0 ? tried.join("; ") : "none was given"}`,
        TOKEN_MISSING_HINT,
        { tried: discovery?.attempts ?? [] },
      ),
      identity: null,
    };
  }
  try {
    const identity = await client.viewer();
    const scopes = identity.scopes ? `, scopes: ${identity.scopes.join(", ") || "none"}` : "";
    return {
      check: check(
        "github-token",
        "pass",
        "GITHUB_TOKEN_OK",
        `${kindLabel(identity.tokenKind)} from ${discovery.source} acts as ${identity.login}${scopes}`,
        undefined,
        {
          login: identity.login,
          tokenKind: identity.tokenKind,
          source: discovery.source,
          ...(identity.scopes ? { scopes: identity.scopes } : {}),
        },
      ),
      identity,
    };
  } catch (error) {
    return { check: checkFromGitHubError("github-token", error, `token from ${discovery.source}`), identity: null };
  }
}

export function kindLabel(kind: TokenKind): string {
  switch (kind) {
    case "classic":
      return "classic personal access token";
    case "fine-grained":
      return "fine-grained personal access token";
    case "oauth":
      return "OAuth token";
    case "installation":
      return "GitHub App installation token";
    case "app-user":
      return "GitHub App user token";
    default:
      return "token";
  }
}

export async function checkThread(
  ref: ThreadRef | null | undefined,
  client: PreflightGitHubPort | null,
  tokenOk: boolean,
): Promise<{ check: PreflightCheck; signals: PermissionSignals | null }> {
  if (!ref) {
    return {
      check: check(
        "thread",
        "skip",
        "THREAD_NOT_SET",
        "no issue or pull request to publish to",
        "Pass --repo owner/repo with --issue N or --pr N, or run from an issue or pull request event.",
      ),
      signals: null,
    };
  }
  const name = formatThreadRef(ref);
  if (!client || !tokenOk) {
    return {
      check: check("thread", "skip", "GITHUB_TOKEN_UNAVAILABLE", `${name} not checked: no valid GitHub token`),
      signals: null,
    };
  }
  let signals: PermissionSignals;
  try {
    signals = await client.permissionSignals(ref);
  } catch (error) {
    return { check: checkFromGitHubError("thread", error, name), signals: null };
  }
  const t = signals.thread;
  const details = threadDetails(t);
  if (t.repository.archived) {
    return {
      check: check(
        "thread",
        "fail",
        "REPO_ARCHIVED",
        `${t.repository.nameWithOwner} is archived (read-only): nothing can be posted to ${name}`,
        "Unarchive the repository (Settings → General → Danger Zone) or publish to another thread.",
        details,
      ),
      signals,
    };
  }
  const what = `${name} is ${t.state === "OPEN" ? "an open" : "a closed"} ${t.ref.kind === "pr" ? `${t.draft ? "draft " : ""}pull request` : "issue"}`;
  if (ref.kind && ref.kind !== t.ref.kind) {
    return {
      check: check(
        "thread",
        "warn",
        "THREAD_KIND_MISMATCH",
        `${what}, not ${ref.kind === "pr" ? "a pull request" : "an issue"} as given`,
        `Use --${t.ref.kind === "pr" ? "pr" : "issue"} ${ref.number}.`,
        details,
      ),
      signals,
    };
  }
  if (t.locked) {
    return {
      check: check(
        "thread",
        "warn",
        "THREAD_LOCKED",
        `${what}; its conversation is locked (only people with write access can comment)`,
        "Unlock the conversation, or publish with a token of someone with write access.",
        details,
      ),
      signals,
    };
  }
  return { check: check("thread", "pass", "THREAD_OK", what, undefined, details), signals };
}

function threadDetails(t: ThreadContext): Record<string, unknown> {
  return {
    kind: t.ref.kind,
    url: t.url,
    state: t.state,
    locked: t.locked,
    archived: t.repository.archived,
    private: t.repository.private,
    ...(t.draft !== undefined ? { draft: t.draft } : {}),
    ...(t.fork !== undefined ? { fork: t.fork } : {}),
  };
}

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

export function checkFork(
  signals: PermissionSignals | null,
  event: EventThread | null | undefined,
  ref: ThreadRef | null | undefined,
): { check: PreflightCheck; fork: boolean | null } {
  const t = signals?.thread;
  const kind = t?.ref.kind ?? event?.ref.kind ?? ref?.kind;
  if (!t && !event) {
    return {
      check: check(
        "fork",
        "skip",
        ref ? "THREAD_UNAVAILABLE" : "THREAD_NOT_SET",
        "not checked: no pull request information",
      ),
      fork: null,
    };
  }
  if (kind !== "pr") {
    return {
      check: check("fork", "skip", "NOT_A_PULL_REQUEST", "the thread is an issue, not a pull request"),
      fork: null,
    };
  }
  const fork = t?.fork ?? event?.fork ?? false;
  const head = t?.head?.repository ?? event?.head?.repository ?? null;
  const base = t?.base?.repository ?? event?.base?.repository ?? `${(t ?? event)!.ref.owner}/${(t ?? event)!.ref.repo}`;
  if (!fork) {
    return {
      check: check("fork", "pass", "SAME_REPOSITORY", `the pull request's head is in ${base} itself`, undefined, {
        head,
        base,
      }),
      fork: false,
    };
  }
  return {
    check: check(
      "fork",
      "warn",
      "FORK_PULL_REQUEST",
      `the head is ${head ? `in the fork ${head}` : "in a deleted fork"}, not ${base}: workflows for fork pull requests get no secrets and a read-only token, so the agent is skipped`,
      "A maintainer can run the agent on this branch (codexrel run locally), or label-gate a pull_request_target workflow that checks out trusted code only.",
      { head, base },
    ),
    fork: true,
  };
}
