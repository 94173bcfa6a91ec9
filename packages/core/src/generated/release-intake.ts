/* Generated from schemas/release-intake.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * A release request (stage 0), parsed from the body GitHub renders from .github/ISSUE_TEMPLATE/codex-release.yml. Its required CUJs and fix budget become the run's policy.
 */
export interface ReleaseIntake {
  schemaVersion: "1";
  /**
   * The version to release, without a leading v.
   */
  targetVersion: string;
  target: {
    kind: "branch" | "tag";
    name: string;
  };
  changelog: {
    source: "changesets" | "conventional-commits" | "file";
    /**
     * For source file: the path in the repository.
     */
    file?: string;
  };
  knownBlockers: string[];
  /**
   * Journey ids (as in the CUJ bundle's summary.json) that must pass.
   *
   * @minItems 1
   */
  requiredCujs: [string, ...string[]];
  /**
   * Fix iterations allowed.
   */
  fixBudget: number;
  notes?: string;
}
