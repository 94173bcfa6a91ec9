/**
 * Codex CLI rollout transcripts: `sessions/YYYY/MM/DD/rollout-<time>-<uuid>.jsonl`, whose first line
 * is a `session_meta` record with the session id, working directory, model provider and CLI version.
 * A resumed session appends to its original file, so the latest session is the most recently
 * modified rollout.
 */

export interface SessionInfo {
  /** Session id for `codex exec resume <id>`. */
  id: string;
  /** Working directory recorded by the CLI (`resume --last` only matches this directory). */
  cwd: string | null;
  modelProvider: string | null;
  cliVersion: string | null;
  /** Rollout path relative to CODEX_HOME. */
  rolloutPath: string;
  /** Rollout modification time (ISO). */
  updatedAt: string;
}

const ROLLOUT = /^(sessions|archived_sessions)\/(?:.+\/)?rollout-[^/]+\.jsonl$/;

export function isRolloutPath(rel: string): boolean {
  return ROLLOUT.test(rel);
}

/** Reads the `session_meta` record from the start of a rollout; undefined when there is none. */
export function parseSessionMeta(rel: string, content: Buffer, mtimeMs: number): SessionInfo | undefined {
  const end = content.indexOf(0x0a);
  const first = content.subarray(0, end === -1 ? content.length : end).toString("utf8");
  let record: { type?: unknown; payload?: Record<string, unknown> };
  try {
    record = JSON.parse(first) as typeof record;
  } catch {
    return undefined;
  }
  const p = record.payload;
  if (record.type !== "session_meta" || !p || typeof p !== "object") return undefined;
  const id = typeof p.id === "string" ? p.id : typeof p.session_id === "string" ? p.session_id : undefined;
  if (!id) return undefined;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    id,
    cwd: str(p.cwd),
    modelProvider: str(p.model_provider),
    cliVersion: str(p.cli_version),
    rolloutPath: rel,
    updatedAt: new Date(mtimeMs).toISOString(),
  };
}

/** The most recently modified live session (archived ones only when no live one exists). */
export function latestSession(sessions: readonly SessionInfo[]): SessionInfo | undefined {
  const rank = (s: SessionInfo) => (s.rolloutPath.startsWith("archived_sessions/") ? 0 : 1);
  return [...sessions].sort(
    (a, b) => rank(b) - rank(a) || b.updatedAt.localeCompare(a.updatedAt) || b.rolloutPath.localeCompare(a.rolloutPath),
  )[0];
}
