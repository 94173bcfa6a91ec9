/**
 * The `fake-github --seed` format and the `--dump-state` format (the dump is a valid seed plus
 * what happened: comments, refs, events, the request log and violations).
 *
 * {"repos":[{"owner","name","defaultBranch","private","archived",
 *   "collaborators":[{"login","permission"}],
 *   "issues":[{"number","title","body","user","labels","state","locked"}],
 *   "pulls":[{"number","title","body","user","labels","head","base","headSha","headRepo","draft"}],
 *   "comments":[{"issue","user","body"}]}],
 *  "tokens":{"<token>":{"kind","login","permissions","scopes","repositories","runId"}}}
 */
import type { FakeGitHub } from "../fake-github/server.js";
import type { FakeGitHubState, PermissionLevel, RepoRole, TokenKind } from "../fake-github/state.js";

export interface SeedThread {
  number?: number;
  title?: string;
  body?: string;
  user?: string;
  labels?: string[];
  state?: "open" | "closed";
  locked?: boolean;
}

export interface SeedPull extends SeedThread {
  head?: string;
  base?: string;
  headSha?: string;
  /** owner/name of the head repository (a fork when it differs); null: deleted fork. */
  headRepo?: string | null;
  draft?: boolean;
}

export interface SeedRepo {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  archived?: boolean;
  collaborators?: Array<{ login: string; permission: string }>;
  issues?: SeedThread[];
  pulls?: SeedPull[];
  comments?: Array<{ issue: number; user: string; body: string }>;
}

export interface SeedToken {
  kind?: TokenKind;
  login: string;
  permissions?: Record<string, PermissionLevel>;
  scopes?: string[];
  repositories?: string[] | "all";
  /** Marks a workflow run's GITHUB_TOKEN: its writes record events that start no workflow run. */
  runId?: string;
}

export interface Seed {
  repos?: SeedRepo[];
  tokens?: Record<string, SeedToken>;
}

export class SeedError extends Error {}

/** GitHub's collaborator permission names, including the REST API's legacy push/pull. */
function role(permission: string): RepoRole {
  const map: Record<string, RepoRole> = {
    admin: "admin",
    maintain: "maintain",
    write: "write",
    push: "write",
    triage: "triage",
    read: "read",
    pull: "read",
  };
  const r = map[permission];
  if (!r) throw new SeedError(`unknown collaborator permission '${permission}' (admin, maintain, write, triage, read)`);
  return r;
}

export function applySeed(state: FakeGitHubState, seed: Seed): void {
  if (typeof seed !== "object" || seed === null) throw new SeedError("the seed must be a JSON object");
  for (const r of seed.repos ?? []) {
    if (!r.owner || !r.name) throw new SeedError("every repo needs owner and name");
    const full = `${r.owner}/${r.name}`;
    state.addRepo(full, {
      ...(r.defaultBranch ? { defaultBranch: r.defaultBranch } : {}),
      ...(r.private !== undefined ? { private: r.private } : {}),
      ...(r.archived !== undefined ? { archived: r.archived } : {}),
      collaborators: Object.fromEntries((r.collaborators ?? []).map((c) => [c.login, role(c.permission)])),
    });
    for (const i of r.issues ?? []) {
      state.addIssue(full, {
        ...(i.number !== undefined ? { number: i.number } : {}),
        ...(i.title !== undefined ? { title: i.title } : {}),
        ...(i.body !== undefined ? { body: i.body } : {}),
        ...(i.user !== undefined ? { author: i.user } : {}),
        ...(i.labels ? { labels: i.labels } : {}),
        ...(i.state ? { state: i.state } : {}),
        ...(i.locked !== undefined ? { locked: i.locked } : {}),
      });
    }
    for (const p of r.pulls ?? []) {
      state.addPullRequest(full, {
        ...(p.number !== undefined ? { number: p.number } : {}),
        ...(p.title !== undefined ? { title: p.title } : {}),
        ...(p.body !== undefined ? { body: p.body } : {}),
        ...(p.user !== undefined ? { author: p.user } : {}),
        ...(p.labels ? { labels: p.labels } : {}),
        ...(p.state ? { state: p.state } : {}),
        ...(p.head ? { headRef: p.head } : {}),
        ...(p.base ? { baseRef: p.base } : {}),
        ...(p.headSha ? { headSha: p.headSha } : {}),
        ...(p.headRepo !== undefined ? { headRepo: p.headRepo } : {}),
        ...(p.draft !== undefined ? { draft: p.draft } : {}),
      });
    }
    for (const c of r.comments ?? []) state.addComment(full, c.issue, { author: c.user, body: c.body });
  }
  for (const [value, t] of Object.entries(seed.tokens ?? {})) {
    if (!t.login) throw new SeedError(`token ${value.slice(0, 4)}…: login is required`);
    state.addToken({
      value,
      login: t.login,
      kind: t.kind ?? "installation",
      ...(t.permissions ? { permissions: t.permissions } : {}),
      ...(t.scopes ? { scopes: t.scopes } : {}),
      ...(t.repositories ? { repositories: t.repositories } : {}),
      ...(t.runId ? { runId: t.runId } : {}),
    });
  }
}

const ROLE_NAME: Record<RepoRole, string> = {
  admin: "admin",
  maintain: "maintain",
  write: "write",
  triage: "triage",
  read: "read",
};

/** The state as JSON: a seed of what is there now, plus refs, events, requests and violations. */
export function dumpState(fake: FakeGitHub): Record<string, unknown> {
  const s = fake.state;
  const threads = [...s.threads.values()];
  const repos = [...s.repos.values()].map((r) => {
    const mine = threads.filter((t) => t.repo.toLowerCase() === r.fullName.toLowerCase());
    const thread = (t: (typeof mine)[number]) => ({
      number: t.number,
      title: t.title,
      body: t.body,
      user: t.author,
      labels: t.labels,
      state: t.state,
      locked: t.locked,
    });
    return {
      owner: r.owner,
      name: r.name,
      defaultBranch: r.defaultBranch,
      private: r.private,
      archived: r.archived,
      collaborators: [...r.collaborators.entries()].map(([login, role]) => ({ login, permission: ROLE_NAME[role] })),
      issues: mine.filter((t) => t.kind === "issue").map(thread),
      pulls: mine
        .filter((t) => t.kind === "pr")
        .map((t) => ({
          ...thread(t),
          head: t.headRef,
          base: t.baseRef,
          headSha: t.headSha,
          headRepo: t.headRepo,
          draft: t.draft,
        })),
      comments: [...s.comments.values()]
        .filter((c) => c.repo.toLowerCase() === r.fullName.toLowerCase())
        .map((c) => ({ id: c.id, issue: c.number, user: c.author, body: c.body, createdAt: c.createdAt })),
      refs: Object.fromEntries(r.refs),
    };
  });
  const tokens = Object.fromEntries(
    [...s.tokens.values()].map((t) => [
      t.value,
      {
        kind: t.kind,
        login: t.login,
        ...(t.permissions ? { permissions: t.permissions } : {}),
        ...(t.scopes ? { scopes: t.scopes } : {}),
        ...(t.repositories ? { repositories: t.repositories } : {}),
        ...(t.runId ? { runId: t.runId } : {}),
        ...(t.revoked ? { revoked: true } : {}),
      },
    ]),
  );
  return { repos, tokens, events: s.events, requests: fake.requests, violations: fake.violations };
}
