/**
 * Which CODEX_HOME paths a bundle may carry, and which a restore may write. Paths are POSIX,
 * relative to CODEX_HOME, without a leading `./`.
 */

export type ExcludeReason =
  | "credentials"
  | "config"
  | "lock"
  | "server-info"
  | "socket"
  | "special-file"
  | "symlink"
  | "cache"
  | "log"
  | "temporary"
  | "derived-index"
  /** Skills, prompts, hooks, rules, plugins, MCP definitions: they change what the agent is told or runs. */
  | "agent-input";

/** Never in a bundle, whatever the options: credentials, configuration, locks, runtime files. */
export function neverSaved(rel: string): ExcludeReason | undefined {
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  if (base === "auth.json" || base === ".credentials.json" || base === ".env" || /^\.env\./.test(base)) {
    return "credentials";
  }
  if (base.endsWith(".lock") || base === "LOCK") return "lock";
  if (/server[-_.]?info/i.test(base)) return "server-info";
  if (/\.(sock|socket|pid)$/.test(base)) return "socket";
  const kind = protectedKind(rel);
  if (kind === "credentials") return "credentials";
  if (kind === "config" || kind === "instructions") return "config";
  if (kind) return "agent-input";
  return undefined;
}

export interface SaveExcludeOptions {
  /**
   * Keep re-creatable content: `log/`, `logs_*.sqlite`, `.tmp/`, `tmp/` and the
   * rollout indexes `state_*.sqlite` / `thread_history_*.sqlite`. Default false.
   */
  includeCaches?: boolean;
}

/**
 * SQLite indexes the Codex CLI derives from the rollout transcripts. They are left out because they
 * cannot move: `state_*.sqlite` records each rollout's absolute path under the old CODEX_HOME (a
 * restore into another directory then fails `codex exec resume <id>` with "no rollout found"), and
 * `thread_history_*.sqlite` records byte offsets into rollouts that redaction changes. The CLI
 * rebuilds both from `sessions/` on its next start.
 */
export const DERIVED_DATABASE = /^(state|thread_history)_\d+\.sqlite(-wal|-shm|-journal)?$/;

/** Re-creatable content left out by default. */
export function excludedByDefault(rel: string, options: SaveExcludeOptions = {}): ExcludeReason | undefined {
  if (options.includeCaches) return undefined;
  if (rel === "log" || rel.startsWith("log/")) return "log";
  if (/^logs_\d+\.sqlite(-wal|-shm|-journal)?$/.test(rel)) return "log";
  if (DERIVED_DATABASE.test(rel)) return "derived-index";
  if (rel === ".tmp" || rel.startsWith(".tmp/") || rel === "tmp" || rel.startsWith("tmp/")) return "temporary";
  return undefined;
}

/**
 * What a restore never writes, and why: each kind changes what the agent is told or what it runs,
 * so it comes from the job's inputs, never from a cache an earlier run (or a pull request) could
 * have written. `evidence` says how the Codex CLI's use of it was established (the session-store
 * test `protected-kinds.test.ts` repeats the behavioural ones with the real CLI).
 */
export interface ProtectedKind {
  kind: "config" | "credentials" | "instructions" | "skills" | "prompts" | "hooks" | "rules" | "mcp" | "plugins";
  /** Paths relative to CODEX_HOME, as the README lists them. */
  paths: string;
  reason: string;
  evidence: string;
}

export const PROTECTED_KINDS: readonly ProtectedKind[] = [
  {
    kind: "config",
    paths: "config.toml and every other top-level *.toml",
    reason:
      "sets the model provider and its base URL (where prompts and keys go), `notify` and `[mcp_servers]` run programs, profiles switch the sandbox and approval policy",
    evidence: "behaviour: the CLI sends its requests to the base_url of config.toml's model provider",
  },
  {
    kind: "credentials",
    paths: "auth.json, .credentials.json, .env, .env.* (any depth)",
    reason: "API keys and OAuth tokens: never saved, never restored",
    evidence: "behaviour: `codex login --with-api-key` writes the key in clear text to auth.json",
  },
  {
    kind: "instructions",
    paths: "AGENTS.md, AGENTS.override.md",
    reason: "read into the model's instructions on every run",
    evidence: "behaviour: the text of CODEX_HOME/AGENTS.md reaches the request the CLI sends",
  },
  {
    kind: "skills",
    paths: "skills/",
    reason:
      "each skill's name and description are listed to the model, which then reads and follows SKILL.md (and may run its scripts)",
    evidence: "behaviour: a skills/<name>/SKILL.md description reaches the request the CLI sends",
  },
  {
    kind: "prompts",
    paths: "prompts/",
    reason: "custom prompts: a file's contents are sent as the user's message when its slash command is used",
    evidence:
      "docs: openai/codex docs/prompts.md, `$CODEX_HOME/prompts/` ... The file contents are sent as your message (not used by `codex exec`, which the test also shows)",
  },
  {
    kind: "hooks",
    paths: "hooks.json, hooks/",
    reason: "commands the CLI runs on session and tool events",
    evidence:
      "behaviour: the CLI parses CODEX_HOME/hooks.json on start (a malformed one gives `failed to parse hooks config`)",
  },
  {
    kind: "rules",
    paths: "rules/",
    reason: "execution-policy rules decide which commands run without approval",
    evidence:
      "behaviour: the CLI loads CODEX_HOME/rules/*.rules on start (a malformed one fails with `Error loading rules`)",
  },
  {
    kind: "mcp",
    paths: "mcp.json",
    reason: "MCP server definitions start programs",
    evidence: "kept from the earlier list; not exercised against the CLI",
  },
  {
    kind: "plugins",
    paths: "plugins/",
    reason: "plugins bundle skills, hooks and MCP servers",
    evidence: "the 0.169 binary carries the plugin loader (hooks/src/engine/plugin_trust.rs); not exercised",
  },
];

/** The protected kind a path belongs to, or undefined when a restore may write it. */
export function protectedKind(rel: string): ProtectedKind["kind"] | undefined {
  const top = rel.split("/", 1)[0] ?? rel;
  const nested = rel.includes("/");
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  if (base === "auth.json" || base === ".credentials.json" || base === ".env" || /^\.env\./.test(base)) {
    return "credentials";
  }
  if (!nested && top.toLowerCase().endsWith(".toml")) return "config";
  if (/^agents(\.override)?\.md$/i.test(top)) return "instructions";
  // Directory names are matched without case: a case-insensitive file system would map `Skills/` onto `skills/`.
  const dir = top.toLowerCase();
  if (dir === "skills") return "skills";
  if (dir === "prompts") return "prompts";
  if (dir === "hooks.json" || dir === "hooks") return "hooks";
  if (dir === "rules") return "rules";
  if (dir === "mcp.json") return "mcp";
  if (dir === "plugins") return "plugins";
  return undefined;
}

/** Never written by a restore (see PROTECTED_KINDS). */
export function protectedOnRestore(rel: string): boolean {
  return protectedKind(rel) !== undefined;
}

/** SQLite companions that must be captured with their database. */
export const SQLITE_COMPANIONS = ["-wal", "-shm", "-journal"] as const;

export function sqliteMain(rel: string): string | undefined {
  for (const suffix of SQLITE_COMPANIONS) if (rel.endsWith(suffix)) return rel.slice(0, -suffix.length);
  return undefined;
}
