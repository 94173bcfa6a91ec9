/**
 * Local stand-ins for the official actions the project's composite actions rely on. They keep the
 * documented inputs and outputs of `actions/cache/restore@v4`, `actions/cache/save@v4` and
 * `actions/upload-artifact@v4`, store into plain folders, and report through the same warnings and
 * failures the real actions give.
 */
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

/** The stand-in for a `uses:` value (`owner/repo[/path]@ref`), or undefined when there is none. */
export function standInFor(uses: string): StandIn | undefined {
  const at = uses.lastIndexOf("@");
  if (at <= 0) return undefined;
  const name = uses.slice(0, at).toLowerCase();
  return STAND_INS.find((s) => s.name === name);
}
