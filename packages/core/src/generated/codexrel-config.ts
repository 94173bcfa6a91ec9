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
