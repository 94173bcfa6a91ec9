/* Generated from schemas/codexrel-config.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * codexrel.yml: what `codexrel run` does for a project. Later sections (regressions, publish, session) are optional.
 */
export interface CodexrelConfig {
  version?: 1;
  title?: string;
  stage?: "planning" | "implementation" | "review" | "validation" | "release";
  checks?: Check[];
  checksOptions?: {
    /**
     * Skip the remaining checks after the first blocking failure (default false: run them all).
     */
    stopOnBlockingFailure?: boolean;
    /**
     * Shell to run checks with (default /bin/sh).
     */
    shell?: string;
    tailLines?: number;
  };
  /**
   * The CUJ bundle (screenshots, videos, assertion logs, summary.json) that `codexrel run` checks and copies to the local output folder.
   */
  publish?: {
    /**
     * The CUJ bundle folder, relative to this file.
     */
    bundle: string;
    /**
     * Minimum artifact policy (summary.json, a screenshot and a video per journey): strict fails the run, lenient warns, off skips the rule. Default strict.
     */
    policy?: "strict" | "lenient" | "off";
    /**
     * Folder under the output folder that receives the bundle (default cuj).
     */
    subdir?: string;
    /**
     * Whether a failed journey blocks the run (default true).
     */
    blockOnFailedJourney?: boolean;
  };
}
/**
 * This interface was referenced by `CodexrelConfig`'s JSON-Schema
 * via the `definition` "Check".
 */
export interface Check {
  name: string;
  run: string;
  blocking?: boolean;
  fallback?: string;
  /**
   * Seconds, or a duration such as 90s, 5m, 1h.
   */
  timeout?: number | string;
  env?: {
    [k: string]: string | undefined;
  };
  workingDirectory?: string;
}
