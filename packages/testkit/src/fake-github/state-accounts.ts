/**
 * The accounts side of the fake's world: a deterministic clock and ids, users, tokens, and
 * repositories with the role each login holds on them. FakeGitHubState (state.ts) adds what lives
 * inside a repository.
 */
import type {
  AddRepoOptions,
  AddTokenOptions,
  FakeRepo,
  FakeToken,
  FakeUser,
  RepoRole,
  TokenKind,
} from "./state-records.js";

const TOKEN_PREFIX: Record<TokenKind, string> = {
  classic: "ghp_",
  oauth: "gho_",
  "fine-grained": "github_pat_",
  installation: "ghs_",
};

/** Users, tokens and repositories; FakeGitHubState extends it with issues, pull requests and the rest. */
export class FakeGitHubAccounts {
  readonly users = new Map<string, FakeUser>();
  readonly tokens = new Map<string, FakeToken>();
  readonly repos = new Map<string, FakeRepo>();
  private nextId = 1000;
  private tick = 0;
  private tokenSeq = 0;
  private readonly epoch: number;

  constructor(options: { epoch?: Date } = {}) {
    this.epoch = (options.epoch ?? new Date("2024-05-01T12:00:00Z")).getTime();
  }

  /** A deterministic clock: each call is one second after the previous one. */
  now(): string {
    this.tick += 1;
    return new Date(this.epoch + this.tick * 1000).toISOString();
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  addUser(login: string, type?: FakeUser["type"]): FakeUser {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.id();
    const kind = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    const prefix = kind === "Bot" ? "BOT_kgDO" : kind === "Organization" ? "O_kgDO" : "U_kgDO";
    const user: FakeUser = { login, id, nodeId: `${prefix}${id}`, type: kind };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  user(login: string): FakeUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  /** Registers a token and returns its value (generated with the right prefix when not given). */
  addToken(options: AddTokenOptions): string {
    const kind = options.kind ?? "classic";
    this.addUser(options.login);
    this.tokenSeq += 1;
    const value =
      options.value ??
      `${TOKEN_PREFIX[kind]}${"fake".padEnd(kind === "fine-grained" ? 70 : 32, String(this.tokenSeq % 10))}${this.tokenSeq}`;
    const token: FakeToken = {
      value,
      login: options.login,
      kind,
      ...(options.scopes ? { scopes: options.scopes } : {}),
      ...(options.permissions ? { permissions: options.permissions } : {}),
      ...(options.repositories ? { repositories: options.repositories } : {}),
      ...(options.runId ? { runId: options.runId } : {}),
    };
    this.tokens.set(value, token);
    return value;
  }

  revokeToken(value: string): void {
    const t = this.tokens.get(value);
    if (t) t.revoked = true;
  }

  addRepo(fullName: string, options: AddRepoOptions = {}): FakeRepo {
    const [owner, name] = splitRepo(fullName);
    this.addUser(owner);
    const id = this.id();
    const repo: FakeRepo = {
      owner,
      name,
      fullName: `${owner}/${name}`,
      id,
      nodeId: `R_kgDO${id}`,
      private: options.private ?? false,
      archived: options.archived ?? false,
      collaborators: new Map<string, RepoRole>([[owner.toLowerCase(), "admin"]]),
      defaultBranch: options.defaultBranch ?? "main",
      refs: new Map<string, string>(),
    };
    for (const [login, role] of Object.entries(options.collaborators ?? {})) {
      this.addUser(login);
      repo.collaborators.set(login.toLowerCase(), role);
    }
    this.repos.set(repo.fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): FakeRepo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  setRole(fullName: string, login: string, role: RepoRole | "none"): void {
    const repo = this.mustRepo(fullName);
    this.addUser(login);
    if (role === "none") repo.collaborators.delete(login.toLowerCase());
    else repo.collaborators.set(login.toLowerCase(), role);
  }

  /** GitHub's `author_association` of a login on a repository (no organizations: OWNER, COLLABORATOR or NONE). */
  authorAssociation(repo: FakeRepo, login: string): "OWNER" | "COLLABORATOR" | "NONE" {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
    if (repo.collaborators.has(login.toLowerCase())) return "COLLABORATOR";
    return "NONE";
  }

  /** The repository role of a login: explicit collaborator role, else read on public repos. */
  roleOf(repo: FakeRepo, login: string): RepoRole | "none" {
    const explicit = repo.collaborators.get(login.toLowerCase());
    if (explicit) return explicit;
    return repo.private ? "none" : "read";
  }

  mustRepo(fullName: string): FakeRepo {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`fake github: no repository ${fullName}`);
    return repo;
  }
}

export function splitRepo(fullName: string): [string, string] {
  const m = /^([^/]+)\/([^/]+)$/.exec(fullName);
  if (!m) throw new Error(`fake github: ${JSON.stringify(fullName)} is not owner/name`);
  return [m[1]!, m[2]!];
}
