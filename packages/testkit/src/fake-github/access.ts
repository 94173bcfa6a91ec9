/**
 * Who is asking and what they may do, modelled on GitHub's rules:
 * - no token: public reads only; writes answer 401;
 * - an unknown or revoked token: 401 "Bad credentials" on everything;
 * - classic PAT / OAuth token: scopes (`repo`, `public_repo`) AND the user's repository role;
 * - fine-grained PAT / installation token: the granted repositories and permissions; a missing
 *   permission answers 403 with `x-accepted-github-permissions` naming what would work.
 * Private repositories the caller cannot see answer 404, as GitHub does, never 403.
 */
import {
  type FakeGitHubState,
  type FakeRepo,
  type FakeThread,
  type FakeToken,
  type FakeUser,
  roleAtLeast,
} from "./state.js";

export type Auth = { kind: "anonymous" } | { kind: "invalid" } | { kind: "token"; token: FakeToken; user: FakeUser };

export interface Denial {
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** GraphQL error type for the same denial. */
  graphqlType: "FORBIDDEN" | "NOT_FOUND" | "UNAUTHENTICATED";
}

export function resolveAuth(state: FakeGitHubState, authorization: string | undefined): Auth {
  if (!authorization) return { kind: "anonymous" };
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization.trim());
  if (!m) return { kind: "invalid" };
  const token = state.tokens.get(m[1]!);
  if (!token || token.revoked) return { kind: "invalid" };
  const user = state.addUser(token.login);
  return { kind: "token", token, user };
}

function fineGrained(token: FakeToken): boolean {
  return token.kind === "fine-grained" || token.kind === "installation";
}

function notAccessibleMessage(token: FakeToken): string {
  return token.kind === "installation"
    ? "Resource not accessible by integration"
    : "Resource not accessible by personal access token";
}

function grantedRepo(token: FakeToken, repo: FakeRepo): boolean {
  if (!fineGrained(token)) return true;
  const list = token.repositories ?? "all";
  return list === "all" || list.some((r) => r.toLowerCase() === repo.fullName.toLowerCase());
}

function permissionAtLeast(token: FakeToken, name: string, level: "read" | "write"): boolean {
  const granted = token.permissions?.[name];
  if (!granted) return false;
  if (level === "read") return true;
  return granted === "write" || granted === "admin";
}

const NOT_FOUND: Denial = { status: 404, message: "Not Found", graphqlType: "NOT_FOUND" };

/** Can the caller see this repository at all? */
export function canRead(state: FakeGitHubState, auth: Auth, repo: FakeRepo): Denial | undefined {
  if (auth.kind === "invalid") return { status: 401, message: "Bad credentials", graphqlType: "UNAUTHENTICATED" };
  if (!repo.private) return undefined;
  if (auth.kind === "anonymous") return NOT_FOUND;
  const { token, user } = auth;
  if (fineGrained(token)) return grantedRepo(token, repo) ? undefined : NOT_FOUND;
  if (!(token.scopes ?? []).includes("repo")) return NOT_FOUND;
  return state.roleOf(repo, user.login) === "none" ? NOT_FOUND : undefined;
}

/** The effective role of the caller on a repository ("none" when it cannot see it). */
export function effectiveRole(
  state: FakeGitHubState,
  auth: Auth,
  repo: FakeRepo,
): ReturnType<FakeGitHubState["roleOf"]> {
  if (auth.kind !== "token") return repo.private ? "none" : "read";
  if (canRead(state, auth, repo)) return "none";
  if (auth.token.kind === "installation") {
    // An installation acts with its permissions, not a user's role.
    const writes = ["issues", "pull_requests", "contents"].some((p) => permissionAtLeast(auth.token, p, "write"));
    return writes ? "write" : "read";
  }
  return state.roleOf(repo, auth.user.login);
}

export interface WriteNeed {
  /** Alternative fine-grained permissions, any one of which is enough (e.g. issues or pull_requests). */
  permissions: string[];
  /** Minimum repository role (for users); commenting needs read, editing others' comments write. */
  role: Parameters<typeof roleAtLeast>[1];
  /** The thread the write lands on, for the lock rule. */
  thread?: FakeThread;
  /** The write edits something this login authored (authors may edit their own comments). */
  authoredBy?: string;
}

/** May the caller write? Undefined when yes, else the denial GitHub would answer. */
export function canWrite(state: FakeGitHubState, auth: Auth, repo: FakeRepo, need: WriteNeed): Denial | undefined {
  if (auth.kind === "anonymous") {
    return { status: 401, message: "Requires authentication", graphqlType: "UNAUTHENTICATED" };
  }
  const readDenied = canRead(state, auth, repo);
  if (readDenied) return readDenied;
  if (auth.kind !== "token") return { status: 401, message: "Bad credentials", graphqlType: "UNAUTHENTICATED" };
  const { token, user } = auth;

  if (fineGrained(token)) {
    const accepted = need.permissions.map((p) => `${p}=write`).join("; ");
    if (!grantedRepo(token, repo) || !need.permissions.some((p) => permissionAtLeast(token, p, "write"))) {
      return {
        status: 403,
        message: notAccessibleMessage(token),
        headers: { "x-accepted-github-permissions": accepted },
        graphqlType: "FORBIDDEN",
      };
    }
  } else {
    const scopes = token.scopes ?? [];
    const ok = scopes.includes("repo") || (!repo.private && scopes.includes("public_repo"));
    if (!ok) {
      return {
        status: 404,
        message: "Not Found",
        headers: { "x-accepted-oauth-scopes": repo.private ? "repo" : "public_repo, repo" },
        graphqlType: "NOT_FOUND",
      };
    }
  }

  if (repo.archived) {
    return { status: 403, message: "Repository was archived so is read-only.", graphqlType: "FORBIDDEN" };
  }
  const role = effectiveRole(state, auth, repo);
  const isAuthor = need.authoredBy !== undefined && sameLogin(need.authoredBy, user.login);
  if (!isAuthor && !roleAtLeast(role, need.role)) {
    return { status: 403, message: "Must have admin rights to Repository.", graphqlType: "FORBIDDEN" };
  }
  if (need.thread?.locked && !roleAtLeast(role, "write")) {
    return {
      status: 403,
      message: `Unable to create comment because ${need.thread.kind === "pr" ? "pull request" : "issue"} is locked.`,
      graphqlType: "FORBIDDEN",
    };
  }
  return undefined;
}

/** Logins compared the way GitHub shows bots both as `name[bot]` (REST) and `name` (GraphQL). */
export function sameLogin(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, "");
  return norm(a) === norm(b);
}

/** Fine-grained permissions a comment write on this thread accepts. */
export function commentPermissions(thread: FakeThread): string[] {
  return thread.kind === "pr" ? ["issues", "pull_requests"] : ["issues"];
}
