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

/**
 * The session id as the Codex CLI writes it: a lowercase hyphenated UUID (`uuid::Uuid`'s Display).
 * It ends up in argv (`codex exec resume <id>`): anything else — `-c...`, `--dangerously-...`, shell
 * text, a newline — must never get that far.
 */
export const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isSessionId(id: unknown): id is string {
  return typeof id === "string" && SESSION_ID.test(id);
}

/**
 * Why `info` cannot be resumed by id, or undefined when it can: the id must be a UUID and the
 * rollout file holding it must be named for it (`rollout-<time>-<id>.jsonl`, as the CLI names it).
 */
export function sessionProblem(info: { id: unknown; rolloutPath: unknown }): string | undefined {
  if (!isSessionId(info.id)) return `session id ${JSON.stringify(String(info.id).slice(0, 80))} is not a UUID`;
  if (typeof info.rolloutPath !== "string" || !isRolloutPath(info.rolloutPath))
    return "the session's rollout path is not a rollout under sessions/";
  if (!info.rolloutPath.endsWith(`-${info.id}.jsonl`))
    return `rollout ${info.rolloutPath} is not named for session ${info.id}`;
  return undefined;
}

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
