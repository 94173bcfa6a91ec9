/**
 * Local stand-ins for the official actions the project's composite actions rely on. They keep the
 * documented inputs and outputs of `actions/cache/restore` and `actions/cache/save` (v5) and
 * `actions/upload-artifact` (v7), the majors the project pins, store into plain folders, and report
 * through the same warnings and failures the real actions give. A stand-in answers to its action's
 * name whatever the ref, so SHA-pinned `uses:` reach it too.
 */
import { parseActionRef } from "./action-ref.js";
import { type ArtifactStore, uploadArtifact } from "./stand-in-artifacts.js";
import { type CacheStore, cacheRestore, cacheSave } from "./stand-in-cache.js";

export { type ArtifactRecord, ArtifactStore, uploadArtifact } from "./stand-in-artifacts.js";
export { type CacheEntry, CacheStore, cacheRestore, cacheSave, cacheVersion } from "./stand-in-cache.js";

export interface StandInContext {
  workspace: string;
  home: string;
  serverUrl: string;
  repository: string;
  runId: string;
  cache: CacheStore;
  /** Caches of the other scopes a restore may read, in order (GitHub: the base branch, then the default branch). */
  cacheFallbacks?: CacheStore[];
  artifacts: ArtifactStore;
  warning(message: string): void;
  error(message: string): void;
  info(message: string): void;
}

export interface StandInResult {
  outputs: Record<string, string>;
  /** Set when the real action would fail the step (core.setFailed). */
  failed?: string;
}

export interface StandIn {
  /** `owner/repo[/path]` without the ref. */
  name: string;
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: string[];
  run(inputs: Record<string, string>, ctx: StandInContext): StandInResult;
}

export const STAND_INS: StandIn[] = [cacheRestore, cacheSave, uploadArtifact];

/** The stand-in for a `uses:` value (`owner/repo[/path]@ref`, any ref: tag, branch or pinned SHA), or undefined when there is none. */
export function standInFor(uses: string): StandIn | undefined {
  const name = parseActionRef(uses)?.name;
  return STAND_INS.find((s) => s.name === name);
}
