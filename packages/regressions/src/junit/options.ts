/** What the JUnit parser takes and gives: options, limits, the result, and the "not JUnit" signal. */
import type { IdentityFn, IdentityOptions } from "../identity.js";
import type { TestResult } from "../model.js";

export interface ParseLimits {
  /** Maximum element nesting depth. Default 256. */
  maxDepth: number;
  /** Maximum attributes on one element. Default 256. */
  maxAttributes: number;
  /** Maximum characters buffered for one text node, CDATA section, comment or attribute value. Default 64 Mi. */
  maxTextChars: number;
  /** Maximum characters of a tag or attribute name. Default 4096. */
  maxNameChars: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxDepth: 256,
  maxAttributes: 256,
  maxTextChars: 64 * 1024 * 1024,
  maxNameChars: 4096,
};

export interface JunitOptions {
  identity?: IdentityOptions | IdentityFn;
  limits?: Partial<ParseLimits>;
  /** Lines of a failure body kept per attempt. Default 20. */
  failureLines?: number;
  /** Characters kept per failure line. Default 500. */
  lineWidth?: number;
  /**
   * mocha-junit-reporter writes the full title as `name` and the test's own title as `classname`.
   * `auto` (default) swaps them back when `name` ends with " " + `classname`; `never` keeps them.
   */
  mochaSwappedNames?: "auto" | "never";
  /**
   * Receives each testcase as soon as it is read, instead of collecting them in `cases`: a run
   * merges them while they are fresh, without a second list of every test.
   */
  onCase?: (test: TestResult) => void;
}

/** Thrown internally to stop the parse of a well-formed document that is not JUnit. */
export class NotJunitSignal {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {}
}

export interface JunitParseResult {
  cases: TestResult[];
  caseCount: number;
  declaredTests: number | null;
  warnings: string[];
}
