/**
 * The publish stage of `codexrel run`: load the project's CUJ bundle, check it, copy it to the
 * run's output folder, and return the report fragments (artifacts and two checks). It never
 * throws for a bad bundle: the problem becomes a failing check, so the report says why.
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import { type Artifact, type PreflightCheck, toCodexrelError } from "@codexrel/core";
import { type CujBundle, journeyTotals, loadBundle, type PolicyInput } from "./bundle.js";
import { publishToLocalDir } from "./destinations/local.js";
import { PublisherErrorCodes } from "./errors.js";
import type { LinkPolicy } from "./links.js";
import type { GalleryOptions } from "./render.js";

export interface CujStageOptions extends LinkPolicy {
  /** The CUJ bundle folder. */
  bundleDir: string;
  /** The run's output folder; the bundle is copied to `<outDir>/<subdir>`. */
  outDir: string;
  subdir?: string;
  policy?: PolicyInput;
  /** Whether a failed journey blocks the run (default true). */
  blockOnFailedJourney?: boolean;
  gallery?: GalleryOptions;
  /** How the bundle folder is named in messages (default: as given). */
  shownBundleDir?: string;
  /** Exact secret values redacted from the bundle's text files on copy (binaries holding one are refused). */
  secrets?: readonly string[];
  /**
   * The commit this run judges. Journeys count as evidence only when the bundle's
   * `summary.json` says it was recorded at this commit; a bundle from another commit (or one that
   * names none) is a warning and not evidence.
   */
  commitSha?: string | null;
}

export interface CujStageResult {
  /** The bundle as copied to the output folder (text redacted); what remote destinations publish. */
  bundle: CujBundle | null;
  artifacts: Artifact[];
  /** `cuj-bundle` (the artifact policy) and, when the bundle loaded, `cuj-journeys`. */
  checks: PreflightCheck[];
}

export async function runCujStage(options: CujStageOptions): Promise<CujStageResult> {
  // Never an absolute local path in a report that may be published.
  const shown =
    options.shownBundleDir ?? (isAbsolute(options.bundleDir) ? basename(options.bundleDir) : options.bundleDir);
  let bundle: CujBundle;
  try {
    bundle = await loadBundle(options.bundleDir, options.policy === undefined ? {} : { policy: options.policy });
  } catch (error) {
    const e = toCodexrelError(error);
    return {
      bundle: null,
      artifacts: [],
      checks: [
        {
          id: "cuj-bundle",
          status: "fail",
          code: e.code,
          reason: `CUJ bundle ${shown}: ${e.message}`,
          hint: e.hint,
          blocking: true,
        },
      ],
    };
  }

  const checks: PreflightCheck[] = [];
  const errors = bundle.problems.filter((p) => p.severity === "error");
  const warnings = bundle.problems.filter((p) => p.severity === "warning");
  const first = errors[0] ?? warnings[0];
  checks.push({
    id: "cuj-bundle",
    status: errors.length > 0 ? "fail" : warnings.length > 0 ? "warn" : "pass",
    code: first ? (errors.length > 0 ? PublisherErrorCodes.CUJ_POLICY_FAILED : first.code) : "CUJ_BUNDLE_OK",
    reason:
      first === undefined
        ? `CUJ bundle ${shown}: ${bundle.files.length} files, every journey has its screenshots and video`
        : `CUJ bundle ${shown}: ${errors.length} error(s), ${warnings.length} warning(s); first: ${first.message}`,
    ...(errors.length > 0
      ? {
          hint: "Add the missing screenshots/videos to the bundle or relax publish.policy; see the gallery's Problems list.",
        }
      : {}),
    blocking: errors.length > 0,
    details: { problems: bundle.problems.map((p) => ({ ...p })) },
  });

  checks.push(journeysCheck(bundle, options));

  // Keep the local copy even when the policy fails: the gallery shows what is missing.
  try {
    const local = await publishToLocalDir(bundle, {
      outDir: options.outDir,
      ...(options.subdir ? { subdir: options.subdir } : {}),
      ...(options.gallery ? { gallery: options.gallery } : {}),
      ...(options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}),
      ...(options.secrets ? { secrets: options.secrets } : {}),
    });
    return { bundle: local.bundle, artifacts: local.artifacts, checks };
  } catch (error) {
    const e = toCodexrelError(error);
    checks.push({
      id: "cuj-local-copy",
      status: "fail",
      code: e.code,
      reason: e.message,
      hint: e.hint,
      blocking: true,
    });
    // Nothing was copied: remote destinations get nothing either (never the unredacted original).
    return { bundle: null, artifacts: [], checks };
  }
}

/** `cuj-journeys`: what the journeys say, and whether they are evidence for this commit. */
function journeysCheck(bundle: CujBundle, options: CujStageOptions): PreflightCheck {
  const totals = journeyTotals(bundle.summary);
  const failed = bundle.summary.journeys.filter((j) => j.status === "fail").map((j) => j.id);
  const recorded = bundle.summary.commit?.sha ?? null;
  const here = options.commitSha ?? null;
  const outcome =
    failed.length > 0
      ? `journey(s) failed: ${failed.join(", ")} (${totals.assertions.fail} failing assertion(s))`
      : `${totals.journeys.pass} journey(s) passed, ${totals.journeys.skip} skipped; ${totals.assertions.pass} assertion(s) passed`;
  const sameCommit = recorded !== null && here !== null && (recorded.startsWith(here) || here.startsWith(recorded));
  // A failure blocks whatever commit it came from (never a false READY); a pass from another
  // commit, or from a bundle that names none, proves nothing about this one.
  if (failed.length === 0 && (recorded === null || (here !== null && !sameCommit))) {
    const why =
      recorded === null
        ? "the bundle's summary.json records no commit"
        : `recorded at ${recorded.slice(0, 12)}, not at this run's commit ${here!.slice(0, 12)}`;
    return {
      id: "cuj-journeys",
      status: "warn",
      code: recorded === null ? "CUJ_BUNDLE_NO_COMMIT" : "CUJ_BUNDLE_OTHER_COMMIT",
      reason: `${why}, so it is not evidence for this commit (it says: ${outcome})`,
      hint: "Re-record the journeys at this commit (the recorder writes summary.json's commit).",
      blocking: false,
      evidence: false,
    };
  }
  return {
    id: "cuj-journeys",
    status: failed.length > 0 ? "fail" : "pass",
    code: failed.length > 0 ? PublisherErrorCodes.CUJ_JOURNEY_FAILED : "CUJ_JOURNEYS_PASSED",
    reason:
      here === null && failed.length === 0
        ? `${outcome} (this run's commit is unknown, so not counted as evidence)`
        : outcome,
    blocking: failed.length > 0 && options.blockOnFailedJourney !== false,
    evidence: here !== null && failed.length === 0,
  };
}

export interface PublishConfigSection {
  bundle: string;
  policy?: "strict" | "lenient" | "off";
  subdir?: string;
  blockOnFailedJourney?: boolean;
}

export interface RunStageOptions extends LinkPolicy {
  /** The `publish:` section of codexrel.yml. */
  publish: PublishConfigSection;
  /** Folder of codexrel.yml (the bundle path is relative to it). */
  projectDir: string;
  outDir: string;
  /** Paths in messages are shown relative to this. */
  cwd?: string;
  /** Exact secret values redacted from the bundle's text files on copy. */
  secrets?: readonly string[];
  /** The commit this run judges (see CujStageOptions.commitSha). */
  commitSha?: string | null;
}

/**
 * `codexrel run`'s publish stage in one call: runs the CUJ stage from the config section and
 * returns the report with the bundle's checks and artifacts appended.
 */
export async function applyCujStage<R extends { preflight: PreflightCheck[]; artifacts: Artifact[] }>(
  report: R,
  options: RunStageOptions,
): Promise<R> {
  const bundleDir = resolve(options.projectDir, options.publish.bundle);
  const result = await runCujStage({
    bundleDir,
    outDir: options.outDir,
    shownBundleDir: relative(options.cwd ?? options.projectDir, bundleDir) || ".",
    ...(options.publish.subdir ? { subdir: options.publish.subdir } : {}),
    ...(options.publish.policy ? { policy: options.publish.policy } : {}),
    ...(options.publish.blockOnFailedJourney !== undefined
      ? { blockOnFailedJourney: options.publish.blockOnFailedJourney }
      : {}),
    ...(options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.commitSha ? { commitSha: options.commitSha } : {}),
  });
  return {
    ...report,
    preflight: [...report.preflight, ...result.checks],
    artifacts: [...report.artifacts, ...result.artifacts],
  };
}
