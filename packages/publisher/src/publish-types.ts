/**
 * The shapes of publishing: where a bundle goes, the thread it is reported on, the ports GitHub is
 * reached through, and what `publishBundle` returns.
 */
import type { PreflightCheck, Publication, RunReport } from "@codexrel/core";
import type { PolicyInput } from "./bundle.js";
import type { GitDataPort, RetentionPolicy } from "./destinations/branch.js";
import type { GalleryOptions } from "./render.js";

export type DestinationKind = "local" | "artifact" | "branch";

export interface ThreadTarget {
  /** owner/name */
  repository: string;
  kind: "issue" | "pr";
  number: number;
}

export interface PreflightOutcome {
  /** The preflight checks, in run-report shape (added to the report). */
  checks: PreflightCheck[];
  /** Non-null when publishing cannot happen: status `blocked`, its code, reason and re-run hint. */
  blocked: Publication | null;
}

export interface CommentOutcome {
  action: "created" | "updated" | "unchanged";
  /** The comment's html_url as GitHub returned it. */
  url: string;
  /** Duplicate comments (from concurrent runs) folded into the oldest. */
  removedDuplicates: number[];
}

/** How publishing reaches GitHub. Absent ports mean "not available" (e.g. no token). */
export interface PublishPorts {
  preflight(input: { thread: ThreadTarget | null; destination: DestinationKind }): Promise<PreflightOutcome>;
  upsertComment?(thread: ThreadTarget, marker: { kind: string; id: string }, body: string): Promise<CommentOutcome>;
  git?: GitDataPort;
}

export interface PublishOptions {
  bundleDir: string;
  /** The local copy goes to `<outDir>/<subdir>` (always written). */
  outDir: string;
  subdir?: string;
  destination?: DestinationKind;
  thread?: ThreadTarget | null;
  /** owner/name for destinations without a thread (the thread's repository wins). */
  repository?: string | null;
  dryRun?: boolean;
  policy?: PolicyInput;
  /** Marker id: one comment per thread and report kind (default `cuj`). */
  reportKind?: string;
  /** For destination `artifact`: the upload step's artifact-url. */
  artifactUrl?: string | null;
  artifactName?: string;
  /** Retention of the uploaded artifact in days, when set (for the link's note). */
  artifactRetentionDays?: number;
  branch?: { name?: string; root?: string; retention?: RetentionPolicy; serverUrl?: string };
  /** The runner's temp dir etc.: links into them are refused, and the comment is checked for them. */
  ephemeralDirs?: string[];
  ports?: PublishPorts | null;
  toolVersion: string;
  title?: string;
  meta?: {
    runUrl?: string | null;
    ref?: string | null;
    sha?: string | null;
    event?: string | null;
    actor?: string | null;
  };
  gallery?: GalleryOptions;
  now?: () => Date;
  /** Exact secret values kept out of the report. */
  secrets?: string[];
  /** How the bundle folder is named in messages. */
  shownBundleDir?: string;
}

export interface PublishResult {
  report: RunReport;
  /** The comment body that was (or, in a dry run, would have been) upserted. */
  commentBody: string | null;
  comment: CommentOutcome | null;
  /** The local copy's folder. */
  localDir: string | null;
  /** Links the destination returned (durable ones only). */
  durableUrls: string[];
}
