/**
 * The GitHub side of preflight: is there a token and is it valid (github-token), is the thread
 * reachable (thread), may this identity comment there (can-comment, in can-comment.ts), is it a
 * fork PR (fork).
 */
import type { PreflightCheck } from "@codexrel/core";
import {
  type EventThread,
  formatThreadRef,
  type Identity,
  type PermissionSignals,
  type ThreadContext,
  type ThreadRef,
  TOKEN_MISSING_HINT,
  type TokenDiscovery,
} from "@codexrel/github";
import { check } from "./check.js";
import { checkFromGitHubError, kindLabel } from "./github-wording.js";
import type { PreflightGitHubPort } from "./types.js";

export { type CommentDecision, checkCanComment, decideCanComment, PROBE_MARKER } from "./can-comment.js";
export { checkFromGitHubError, kindLabel } from "./github-wording.js";

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
