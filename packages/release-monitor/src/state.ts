/**
 * The state file, committed in the repository: the last reviewed tag per upstream. It only moves
 * forward after a review was applied completely (every finding has its issue). Serialized with
 * sorted keys and a trailing newline, so a commit of it shows exactly what moved.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CodexrelError, type Level } from "@codexrel/core";
import { ReleaseMonitorErrorCodes as Codes } from "./errors.js";
import { schemaProblems } from "./schema.js";

export interface ReviewedUpstream {
  lastReviewedTag: string;
  /** Commit the tag pointed to when reviewed. */
  sha?: string;
  /** The tag the review compared against (null: the first tag). */
  fromTag?: string | null;
  reviewedAt?: string;
  impact?: Level;
  /** Issue numbers of the review's findings. */
  issues?: number[];
}

export interface ReleaseMonitorState {
  schemaVersion: "1";
  upstreams: Record<string, ReviewedUpstream>;
}

export function emptyState(): ReleaseMonitorState {
  return { schemaVersion: "1", upstreams: {} };
}

/** Parses and validates the state file's text. */
export function parseState(text: string, sourceName = "state file"): ReleaseMonitorState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CodexrelError(
      Codes.RELEASE_MONITOR_STATE_INVALID,
      `${sourceName} is not JSON: ${(cause as Error).message}`,
      { hint: "Fix the file, or delete it to start again from each upstream's previous release.", cause },
    );
  }
  const problems = schemaProblems("state", value);
  if (problems.length > 0) {
    throw new CodexrelError(Codes.RELEASE_MONITOR_STATE_INVALID, `${sourceName} is invalid: ${problems.join("; ")}`, {
      hint: "Fix the listed fields (see @codexrel/release-monitor/schemas/release-monitor-state.schema.json).",
      details: { errors: problems },
    });
  }
  return value as ReleaseMonitorState;
}

/** Reads the state file; a missing file is an empty state (nothing reviewed yet). */
export async function readState(path: string): Promise<ReleaseMonitorState> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw new CodexrelError(Codes.RELEASE_MONITOR_STATE_INVALID, `cannot read ${path}: ${(cause as Error).message}`, {
      hint: "Check that the state file is readable.",
      cause,
    });
  }
  return parseState(text, path);
}

export function serializeState(state: ReleaseMonitorState): string {
  const upstreams: Record<string, ReviewedUpstream> = {};
  for (const name of Object.keys(state.upstreams).sort()) {
    const u = state.upstreams[name] as ReviewedUpstream;
    const ordered: ReviewedUpstream = { lastReviewedTag: u.lastReviewedTag };
    if (u.sha !== undefined) ordered.sha = u.sha;
    if (u.fromTag !== undefined) ordered.fromTag = u.fromTag;
    if (u.reviewedAt !== undefined) ordered.reviewedAt = u.reviewedAt;
    if (u.impact !== undefined) ordered.impact = u.impact;
    if (u.issues !== undefined) ordered.issues = [...u.issues];
    upstreams[name] = ordered;
  }
  return `${JSON.stringify({ schemaVersion: "1", upstreams }, null, 2)}\n`;
}

/** Writes the state atomically (temp file in the same folder, then rename). */
export async function writeState(path: string, state: ReleaseMonitorState): Promise<void> {
  const problems = schemaProblems("state", state);
  if (problems.length > 0) {
    throw new CodexrelError(Codes.RELEASE_MONITOR_STATE_INVALID, `refusing to write an invalid state: ${problems[0]}`, {
      hint: "This is a bug in codexrel; report it with this message.",
    });
  }
  await writeFileAtomic(path, serializeState(state));
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, content, "utf8");
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
