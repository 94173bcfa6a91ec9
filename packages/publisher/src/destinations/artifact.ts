/**
 * The GitHub Actions artifact destination. Uploading needs the runner's artifact service, which
 * only the official `actions/upload-artifact` step can reach from a composite action; that step's
 * `artifact-url` output is handed in here and becomes the link. One link for the whole bundle (the
 * artifact is a zip): readers download it and open index.html. Artifacts expire with the
 * repository's retention setting (90 days by default), which the note says.
 */
import { type Artifact, CodexrelError } from "@codexrel/core";
import type { CujBundle } from "../bundle.js";
import { PublisherErrorCodes } from "../errors.js";
import { assertArtifactLinks, type LinkPolicy } from "../links.js";

export interface ArtifactDestinationOptions extends LinkPolicy {
  /** `steps.<upload>.outputs.artifact-url` of actions/upload-artifact. */
  artifactUrl: string | null | undefined;
  /** The artifact's name as uploaded. */
  name?: string;
  /** Retention in days, when known (for the note). */
  retentionDays?: number;
}

export interface ArtifactPublication {
  destination: "artifact";
  url: string;
  artifacts: Artifact[];
}

export function artifactDestination(bundle: CujBundle, options: ArtifactDestinationOptions): ArtifactPublication {
  const url = options.artifactUrl?.trim();
  if (!url) {
    throw new CodexrelError(PublisherErrorCodes.ARTIFACT_URL_MISSING, "no artifact URL was returned by the upload", {
      hint: "Run actions/upload-artifact@v4 (or newer) before this step and pass its artifact-url output.",
    });
  }
  const files = bundle.files.length + 2;
  const artifacts = assertArtifactLinks(
    [
      {
        name: options.name ?? "CUJ bundle",
        kind: "bundle",
        url,
        durable: true,
        destination: "artifact",
        note: `${files} files; download and open index.html; expires after ${options.retentionDays ?? "the repository's artifact retention (default 90)"} days`,
      },
    ] satisfies Artifact[],
    options,
  );
  return { destination: "artifact", url, artifacts };
}
