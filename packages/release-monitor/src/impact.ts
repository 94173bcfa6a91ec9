/**
 * The agent's verdict, parsed strictly: JSON, valid against core's release-impact schema, about
 * exactly the range that was prepared, with unique finding ids. Anything else is rejected with
 * the reasons, never repaired or guessed.
 */
import { readFile, stat } from "node:fs/promises";
import { formatIssue, type ReleaseImpact, validateReleaseImpact } from "@codexrel/core";
import type { ContextEntry } from "./context.js";

/** Larger than any honest verdict; refused unread. */
export const IMPACT_MAX_BYTES = 2 * 1024 * 1024;

export type ImpactRead =
  | { ok: true; impact: ReleaseImpact }
  | { ok: false; reason: "missing" | "too-large" | "not-json" | "invalid" | "wrong-range"; problems: string[] };

export async function readImpact(path: string, entry: ContextEntry): Promise<ImpactRead> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return { ok: false, reason: "missing", problems: [`${path} does not exist: the agent wrote no verdict`] };
  }
  if (size > IMPACT_MAX_BYTES) {
    return {
      ok: false,
      reason: "too-large",
      problems: [`${path} is ${size} bytes; at most ${IMPACT_MAX_BYTES} are read`],
    };
  }
  return parseImpact(await readFile(path, "utf8"), entry);
}

export function parseImpact(text: string, entry: Pick<ContextEntry, "repository" | "fromTag" | "toTag">): ImpactRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: "not-json", problems: [`not JSON: ${(error as Error).message}`] };
  }
  const result = validateReleaseImpact(value);
  if (!result.valid) {
    return { ok: false, reason: "invalid", problems: result.errors.slice(0, 10).map(formatIssue) };
  }
  const impact = result.value;
  const problems: string[] = [];
  const u = impact.upstream;
  if (u.repository.toLowerCase() !== entry.repository.toLowerCase()) {
    problems.push(
      `/upstream/repository is ${JSON.stringify(u.repository)}, expected ${JSON.stringify(entry.repository)}`,
    );
  }
  if (u.fromTag !== entry.fromTag) {
    problems.push(`/upstream/fromTag is ${JSON.stringify(u.fromTag)}, expected ${JSON.stringify(entry.fromTag)}`);
  }
  if (u.toTag !== entry.toTag) {
    problems.push(`/upstream/toTag is ${JSON.stringify(u.toTag)}, expected ${JSON.stringify(entry.toTag)}`);
  }
  if (problems.length > 0) return { ok: false, reason: "wrong-range", problems };
  const seen = new Set<string>();
  for (const [i, f] of impact.findings.entries()) {
    if (seen.has(f.id)) problems.push(`/findings/${i}/id ${JSON.stringify(f.id)} is used twice`);
    seen.add(f.id);
  }
  if (problems.length > 0) return { ok: false, reason: "invalid", problems };
  return { ok: true, impact };
}
