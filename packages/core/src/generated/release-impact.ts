/* Generated from schemas/release-impact.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * This interface was referenced by `ReleaseImpact`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level = "none" | "low" | "medium" | "high" | "critical";

/**
 * What the release-monitor agent writes after reading an upstream diff. Parsed strictly.
 */
export interface ReleaseImpact {
  schemaVersion: "1";
  upstream: {
    repository: string;
    fromTag: string | null;
    toTag: string;
  };
  impact: Level;
  summary: string;
  findings: Finding[];
}
/**
 * This interface was referenced by `ReleaseImpact`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  id: string;
  title: string;
  severity: "info" | "low" | "medium" | "high" | "critical";
  description: string;
  /**
   * @minItems 1
   */
  evidence: [Evidence, ...Evidence[]];
  mitigation: string;
}
/**
 * This interface was referenced by `ReleaseImpact`'s JSON-Schema
 * via the `definition` "Evidence".
 */
export interface Evidence {
  file: string;
  line?: number | null;
  excerpt: string;
}
