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
   * Classify test reports against the base run (see @codexrel/regressions). Paths are files, directories or globs relative to this file.
   */
  regressions?: {
    /**
     * "none": this project has no base reports on purpose (failures are unknown-baseline and block unless `blocking` relaxes it). Without it, a missing `base` makes the run not ready.
     */
    baseline?: "none";
    /**
     * Reports of the base commit. Every path must match a file (REGRESSIONS_INPUT_MISSING otherwise).
     */
    base?: string[];
    /**
     * Reports of the candidate run.
     *
     * @minItems 1
     */
    candidate: [string, ...string[]];
    /**
     * Later attempts of the candidate (re-runs), in order; each a list of paths.
     */
    attempts?: string[][];
    /**
     * Earlier runs of the same candidate, oldest first; each a list of paths.
     */
    history?: string[][];
    /**
     * Known-failing (quarantine) YAML or JSON file.
     */
    knownFailing?: string;
    /**
     * Classes that block (default: new, unknown-baseline).
     */
    blocking?: (
      "new" | "known" | "flaky" | "fixed" | "added" | "removed" | "skipped" | "passed" | "unknown-baseline"
    )[];
    /**
     * What a repeated testcase is: auto (default: as the reporter that wrote it means it), attempts (retries), repetitions, or separate tests.
     */
    repeated?: "auto" | "attempts" | "repetitions" | "separate";
    /**
     * Where the base reports came from, shown in the report (e.g. main@abc1234).
     */
    baselineSource?: string;
  };
  /**
   * Fix-loop budget for agent runs: the report shows iteration n of max and why the loop stopped.
   */
  iterations?: {
    max?: number;
  };
  /**
   * Changelog draft in the decision: from the repository's pending changesets when present, else from the commit log since `since`.
   */
  changelog?: {
    /**
     * Folder of changeset files, relative to this file (default: .changeset in the repository root).
     */
    changesetsDir?: string;
    /**
     * Git revision the commit log starts from when there are no changesets (e.g. the last release tag).
     */
    since?: string;
    maxEntries?: number;
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
    /**
     * Journey ids that must pass for the release (default: every journey of the bundle; a release intake's Required CUJs take precedence).
     */
    required?: string[];
    /**
     * Required journeys that may fail or be missing, each only while the pull request carries its label (shown in the report).
     */
    exceptions?: {
      journey: string;
      /**
       * The PR label that puts the exception in force (default codexrel:cuj-exception).
       */
      label?: string;
      reason: string;
    }[];
  };
  /**
   * Thread automation (`codexrel route`, actions/route-event): who may drive the agent on issues and pull requests, and how. Every field is optional; @codexrel/threads documents the defaults.
   */
  threads?: {
    /**
     * The handle people mention, without @ (`@codex review`).
     */
    botName?: string;
    /**
     * Logins that are this automation (bot-loop guard).
     */
    selfLogins?: string[];
    /**
     * Bot logins that may trigger runs.
     */
    allowedBots?: string[];
    /**
     * Author associations authorized without a permission lookup.
     */
    allowedAssociations?: (
      | "OWNER"
      | "MEMBER"
      | "COLLABORATOR"
      | "CONTRIBUTOR"
      | "FIRST_TIMER"
      | "FIRST_TIME_CONTRIBUTOR"
      | "MANNEQUIN"
      | "NONE"
    )[];
    /**
     * Other authors need at least this repository permission; null: associations only.
     */
    minPermission?: "write" | "maintain" | "admin" | null;
    commands?: {
      /**
       * Phrases that ask for a review; {bot} stands for @<botName>.
       */
      review?: string[];
      /**
       * Phrases that promote the plan to implementation.
       */
      executePlan?: string[];
    };
    /**
     * Comments continue the thread only when they mention the bot.
     */
    requireMention?: boolean;
    /**
     * Issues start only with this label.
     */
    triggerLabel?: string | null;
    /**
     * Marker of a plan comment, e.g. <!-- codex:plan -->.
     */
    planMarker?: string;
    branchPrefix?: string;
    maxBranchLength?: number;
    /**
     * Also serve pull requests whose head is in a fork.
     */
    allowForks?: boolean;
    reviewPullRequests?: boolean;
    reviewDrafts?: boolean;
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
   * Seconds, or a duration such as 90s, 5m, 1h (parsed by `ms`); more than 0 and at most 24h.
   */
  timeout?: number | string;
  env?: {
    [k: string]: string | undefined;
  };
  workingDirectory?: string;
}
