/** Turning bundle files into run-report artifacts, the same way for every destination. */
import type { Artifact } from "@codexrel/core";
import type { BundleFile, CujBundle } from "./bundle.js";
import { INDEX_HTML, INDEX_MD } from "./render.js";

const KIND_OF_ROLE: Record<BundleFile["role"], Artifact["kind"]> = {
  summary: "summary",
  screenshot: "screenshot",
  video: "video",
  log: "log",
  other: "other",
};

export interface LinkedFile {
  /** Path inside the published bundle (bundle files plus index.md / index.html). */
  path: string;
  url: string;
}

/**
 * The report's artifacts for a published bundle: the gallery and index first, then every file.
 * `urlFor` gives the link a destination returned for a path; `durable` says whether it outlives the run.
 */
export function bundleArtifacts(
  bundle: CujBundle,
  urlFor: (path: string) => string,
  destination: Artifact["destination"],
  durable: boolean,
): Artifact[] {
  const out: Artifact[] = [
    { name: "CUJ gallery", kind: "index", url: urlFor(INDEX_HTML), durable, destination },
    { name: "CUJ index", kind: "index", url: urlFor(INDEX_MD), durable, destination },
  ];
  for (const f of bundle.files) {
    out.push({
      name: f.path,
      kind: KIND_OF_ROLE[f.role],
      url: urlFor(f.path),
      durable,
      destination,
      ...(f.journeys.length > 0 ? { note: `journey ${f.journeys.join(", ")}` } : {}),
    });
  }
  return out;
}
