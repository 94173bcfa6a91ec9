/**
 * Per-thread routing state: the dedupe keys already processed, the last processed comment ids
 * (queue drain cursors) and the thread's stage. It travels with the thread's session (write it
 * under CODEX_HOME and the session store packs it), behind the `ThreadStateStore` port.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ThreadsErrorCodes, threadsError } from "./errors.js";

export type TaskStage = "planning" | "implementation" | "review";

/** What kind of thing a drain cursor counts (their ids are separate sequences on GitHub). */
export type CursorKind = "issueComment" | "reviewComment" | "review";

export interface ThreadState {
  version: 1;
  threadKey: string;
  /** The furthest stage the thread reached (a plan promotion sticks). */
  stage: TaskStage | null;
  /** The last processed id per kind: a comment at or below it was handled (queue drain). */
  cursors: Partial<Record<CursorKind, number>>;
  /** Processed dedupe keys, oldest first, at most `MAX_SEEN_KEYS`. */
  seen: string[];
  /**
   * The work branch of an issue thread, fixed when the thread starts (its first processed task):
   * a later title edit never names a second branch, so never a second pull request.
   */
  branch: string | null;
  updatedAt: string | null;
}

export const MAX_SEEN_KEYS = 1000;

export interface ThreadStateStore {
  load(threadKey: string): Promise<ThreadState | null>;
  save(state: ThreadState): Promise<void>;
}

export function emptyThreadState(threadKey: string): ThreadState {
  return { version: 1, threadKey, stage: null, cursors: {}, seen: [], branch: null, updatedAt: null };
}

const STAGES = new Set(["planning", "implementation", "review"]);
const CURSORS: CursorKind[] = ["issueComment", "reviewComment", "review"];

export function parseThreadState(text: string, threadKey: string): ThreadState {
  const bad = (why: string): never => {
    throw threadsError(
      ThreadsErrorCodes.THREAD_STATE_INVALID,
      `thread state for ${threadKey} is invalid: ${why}`,
      "Delete the thread state file; the next run starts from the thread's comments again.",
    );
  };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (cause) {
    return bad(`not JSON (${(cause as Error).message})`);
  }
  const s = v as Partial<ThreadState> | null;
  if (!s || typeof s !== "object" || s.version !== 1) return bad("unknown version");
  if (s.threadKey !== threadKey) return bad(`it belongs to ${JSON.stringify(s.threadKey)}`);
  if (s.stage !== null && !STAGES.has(String(s.stage))) return bad("unknown stage");
  if (!Array.isArray(s.seen) || s.seen.some((k) => typeof k !== "string")) return bad("seen is not a list of keys");
  const cursors: ThreadState["cursors"] = {};
  for (const k of CURSORS) {
    const c = s.cursors?.[k];
    if (c === undefined) continue;
    if (!Number.isSafeInteger(c) || (c as number) < 0) return bad(`cursor ${k} is not an id`);
    cursors[k] = c as number;
  }
  return {
    version: 1,
    threadKey,
    stage: (s.stage ?? null) as TaskStage | null,
    cursors,
    seen: s.seen.slice(-MAX_SEEN_KEYS),
    branch: typeof s.branch === "string" && s.branch !== "" ? s.branch : null,
    updatedAt: typeof s.updatedAt === "string" ? s.updatedAt : null,
  };
}

const STAGE_ORDER: Record<TaskStage, number> = { planning: 0, implementation: 1, review: 1 };

/**
 * The stage after `a` when `b` is asked for: a thread never goes back to planning, and review and
 * implementation are peers a PR thread moves between, so the newer one (`b`) wins: a fix asked
 * for after `@codex review` is an implementation turn again, not another read-only review.
 */
export function laterStage(a: TaskStage | null, b: TaskStage | null): TaskStage | null {
  if (a === null) return b;
  if (b === null) return a;
  return STAGE_ORDER[b] >= STAGE_ORDER[a] ? b : a;
}

const BATCH_ORDER: Record<TaskStage, number> = { planning: 0, review: 1, implementation: 2 };

/**
 * The one stage a batch of requests handled in one turn runs in: implementation wins over review
 * (a turn that may write can also review; a read-only one cannot make the asked-for fix).
 */
export function batchStage(stages: readonly (TaskStage | null)[]): TaskStage | null {
  let out: TaskStage | null = null;
  for (const s of stages) if (s !== null && (out === null || BATCH_ORDER[s] > BATCH_ORDER[out])) out = s;
  return out;
}

export interface ProcessedItem {
  dedupeKey: string | null;
  /** The comment/review this run handled, advancing the matching cursor. */
  source?: { cursor: CursorKind; id: number } | null;
  stage?: TaskStage | null;
  /** The task's work branch: recorded only when the thread has none yet (the first one sticks). */
  branch?: string | null;
}

/** A new state with the items marked processed (pure; the caller saves it). */
export function markProcessed(state: ThreadState, items: readonly ProcessedItem[], now: Date): ThreadState {
  const seen = state.seen.slice();
  const cursors = { ...state.cursors };
  let stage = state.stage;
  let branch = state.branch ?? null;
  for (const item of items) {
    if (branch === null && item.branch) branch = item.branch;
    if (item.dedupeKey && !seen.includes(item.dedupeKey)) seen.push(item.dedupeKey);
    if (item.source) {
      const prev = cursors[item.source.cursor];
      if (prev === undefined || item.source.id > prev) cursors[item.source.cursor] = item.source.id;
    }
    if (item.stage) stage = laterStage(stage, item.stage);
  }
  return { ...state, stage, cursors, seen: seen.slice(-MAX_SEEN_KEYS), branch, updatedAt: now.toISOString() };
}

/** Keeps state in memory (tests, single-process workers). */
export function createMemoryStateStore(initial: readonly ThreadState[] = []): ThreadStateStore & {
  states: Map<string, ThreadState>;
} {
  const states = new Map(initial.map((s) => [s.threadKey, structuredClone(s)]));
  return {
    states,
    async load(key) {
      const s = states.get(key);
      return s ? structuredClone(s) : null;
    },
    async save(state) {
      states.set(state.threadKey, structuredClone(state));
    },
  };
}

/** The file a thread's state lives in under `dir`: `<owner>__<repo>__<kind>-<n>.json`. */
export function stateFileName(threadKey: string): string {
  return `${threadKey.replace(/[^A-Za-z0-9_.-]/g, "__")}.json`;
}

/**
 * One JSON file per thread in `dir` (e.g. `$CODEX_HOME/codexrel/threads`, so the session store
 * carries it between runs). Writes are atomic (temp file, then rename).
 */
export function createDirStateStore(dir: string): ThreadStateStore {
  return {
    async load(key) {
      let text: string;
      try {
        text = await readFile(join(dir, stateFileName(key)), "utf8");
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw cause;
      }
      return parseThreadState(text, key);
    },
    async save(state) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, stateFileName(state.threadKey));
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, "utf8");
      await rename(tmp, file);
    },
  };
}

/** Records a routed task as processed in the store (call it after the run succeeded). */
export async function commitProcessed(
  store: ThreadStateStore,
  threadKey: string,
  items: readonly ProcessedItem[],
  now: Date,
): Promise<ThreadState> {
  const state = (await store.load(threadKey)) ?? emptyThreadState(threadKey);
  const next = markProcessed(state, items, now);
  await store.save(next);
  return next;
}
