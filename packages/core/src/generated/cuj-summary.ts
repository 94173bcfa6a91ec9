/* Generated from schemas/cuj-summary.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * A path inside the bundle: relative, no '..' segment.
 *
 * This interface was referenced by `CujSummary`'s JSON-Schema
 * via the `definition` "BundlePath".
 */
export type BundlePath = string;

/**
 * summary.json of a critical-user-journey (CUJ) bundle. Paths are relative to the bundle folder.
 */
export interface CujSummary {
  schemaVersion: "1";
  title?: string;
  generatedAt?: string;
  /**
   * What was exercised, e.g. a URL or a build id.
   */
  target?: string;
  /**
   * The commit the journeys were recorded at. A bundle from another commit is not evidence for this one.
   */
  commit?: {
    sha: string;
    repository?: string;
    ref?: string;
  };
  /**
   * @minItems 1
   */
  journeys: [Journey, ...Journey[]];
}
/**
 * This interface was referenced by `CujSummary`'s JSON-Schema
 * via the `definition` "Journey".
 */
export interface Journey {
  id: string;
  title: string;
  status: "pass" | "fail" | "skip";
  durationMs?: number;
  assertions: Assertion[];
  screenshots: BundlePath[];
  video?: BundlePath | null;
  log?: BundlePath | null;
}
/**
 * This interface was referenced by `CujSummary`'s JSON-Schema
 * via the `definition` "Assertion".
 */
export interface Assertion {
  id: string;
  description: string;
  status: "pass" | "fail" | "skip";
  /**
   * How a machine can re-check it.
   */
  kind?:
    | "text-visible"
    | "element-visible"
    | "url-matches"
    | "status-code"
    | "console-clean"
    | "screenshot-diff"
    | "custom";
  selector?: string;
  expected?: unknown;
  actual?: unknown;
  message?: string;
}
