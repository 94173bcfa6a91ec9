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
  | "derived-index";

/** Never in a bundle, whatever the options: credentials, configuration, locks, runtime files. */
export function neverSaved(rel: string): ExcludeReason | undefined {
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  if (base === "auth.json" || base === ".credentials.json" || base === ".env" || /^\.env\./.test(base)) {
    return "credentials";
  }
  if (base.endsWith(".lock") || base === "LOCK") return "lock";
  if (/server[-_.]?info/i.test(base)) return "server-info";
  if (/\.(sock|socket|pid)$/.test(base)) return "socket";
  if (protectedOnRestore(rel)) return "config";
  return undefined;
}

export interface SaveExcludeOptions {
  /**
   * Keep re-creatable content: `skills/.system/`, `log/`, `logs_*.sqlite`, `.tmp/`, `tmp/` and the
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
  if (rel === "skills/.system" || rel.startsWith("skills/.system/")) return "cache";
  if (rel === "log" || rel.startsWith("log/")) return "log";
  if (/^logs_\d+\.sqlite(-wal|-shm|-journal)?$/.test(rel)) return "log";
  if (DERIVED_DATABASE.test(rel)) return "derived-index";
  if (rel === ".tmp" || rel.startsWith(".tmp/") || rel === "tmp" || rel.startsWith("tmp/")) return "temporary";
  return undefined;
}

/**
 * Never written by a restore: configuration and credentials come from the job's inputs, not from
 * a cache an earlier run (or a pull request) could have written. That covers `config.toml` and every
 * other top-level TOML (managed config, MCP servers, `notify`), `auth.json`, `.credentials.json`,
 * `.env`, `AGENTS.md` (instructions), `hooks.json` and execution-policy `rules/`.
 */
export function protectedOnRestore(rel: string): boolean {
  const top = rel.split("/", 1)[0] ?? rel;
  if (!rel.includes("/") && top.toLowerCase().endsWith(".toml")) return true;
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  if (base === "auth.json" || base === ".credentials.json" || base === ".env" || /^\.env\./.test(base)) return true;
  if (/^agents(\.override)?\.md$/i.test(top)) return true;
  if (top === "hooks.json" || top === "mcp.json" || top === "rules") return true;
  return false;
}

/** SQLite companions that must be captured with their database. */
export const SQLITE_COMPANIONS = ["-wal", "-shm", "-journal"] as const;

export function sqliteMain(rel: string): string | undefined {
  for (const suffix of SQLITE_COMPANIONS) if (rel.endsWith(suffix)) return rel.slice(0, -suffix.length);
  return undefined;
}
