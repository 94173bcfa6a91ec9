/**
 * Step 3 of publishing: the destination (an Actions artifact or the artifacts branch) takes the
 * bundle and returns the durable links. It throws the coded error; `publishBundle` turns that into
 * a `blocked` publication.
 */
import { type Artifact, CodexrelError } from "@codexrel/core";
import type { CujBundle } from "./bundle.js";
import { artifactDestination } from "./destinations/artifact.js";
import { publishToBranch } from "./destinations/branch.js";
import type { DestinationKind, PublishOptions, PublishPorts, ThreadTarget } from "./publish-types.js";

export interface DestinationLinks {
  /** The durable artifacts the destination returned (none for `local`). */
  durable: Artifact[];
  /** The index page's URL, when the destination has one. */
  indexUrl: string | null;
}

export async function sendToDestination(
  bundle: CujBundle | null,
  destination: DestinationKind,
  context: {
    options: PublishOptions;
    ports: PublishPorts | null;
    thread: ThreadTarget | null;
    now: () => Date;
  },
): Promise<DestinationLinks> {
  const { options, ports, thread, now } = context;
  if (destination === "artifact" && bundle) {
    const a = artifactDestination(bundle, {
      artifactUrl: options.artifactUrl,
      ...(options.artifactName ? { name: options.artifactName } : {}),
      ...(options.artifactRetentionDays ? { retentionDays: options.artifactRetentionDays } : {}),
      ...(options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}),
    });
    return { durable: a.artifacts, indexUrl: a.url };
  }
  if (destination === "branch" && bundle) {
    if (!ports?.git) {
      throw new CodexrelError("GITHUB_TOKEN_MISSING", "no GitHub access for the branch destination", {
        hint: "Set GITHUB_TOKEN with contents: write and re-run.",
      });
    }
    const repo = thread?.repository ?? options.repository;
    if (!repo) {
      throw new CodexrelError("USAGE", "the branch destination needs --repo owner/repo", {
        hint: "Pass --repo owner/repo.",
      });
    }
    const b = await publishToBranch(bundle, {
      port: ports.git,
      repo,
      threadKey: threadKey(thread),
      ...(options.branch?.name ? { branch: options.branch.name } : {}),
      ...(options.branch?.root ? { root: options.branch.root } : {}),
      ...(options.branch?.retention ? { retention: options.branch.retention } : {}),
      ...(options.branch?.serverUrl ? { serverUrl: options.branch.serverUrl } : {}),
      ...(options.gallery ? { gallery: options.gallery } : {}),
      ...(options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}),
      now,
    });
    return { durable: b.artifacts, indexUrl: b.indexUrl };
  }
  return { durable: [], indexUrl: null };
}

/** The branch folder of a thread's evidence: `pr-12`, `issue-7`, or `run` without a thread. */
function threadKey(thread: ThreadTarget | null | undefined): string {
  return thread ? `${thread.kind}-${thread.number}` : "run";
}
