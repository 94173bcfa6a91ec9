/**
 * The local directory destination (the default when nothing else is configured): copies the
 * bundle into a folder of the run's output, writes index.md and index.html beside it, and returns
 * links relative to the output folder. Such links are never durable: they are for the person at
 * this machine or for whoever uploads the folder.
 */
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, relative, resolve } from "node:path";
import { type Artifact, CodexrelError } from "@codexrel/core";
import { bundleArtifacts } from "../artifacts.js";
import type { CujBundle } from "../bundle.js";
import { PublisherErrorCodes } from "../errors.js";
import { assertArtifactLinks, type LinkPolicy } from "../links.js";
import { type GalleryOptions, INDEX_HTML, INDEX_MD, renderGallery, renderIndexMarkdown } from "../render.js";

export interface LocalDestinationOptions extends LinkPolicy {
  /** The output folder that links are relative to (the run's output folder). */
  outDir: string;
  /** Folder under outDir that receives the bundle (default `cuj`). */
  subdir?: string;
  gallery?: GalleryOptions;
}

export interface LocalPublication {
  destination: "local";
  /** Absolute path of the published copy. */
  dir: string;
  artifacts: Artifact[];
  /** The gallery's link, relative to outDir. */
  galleryUrl: string;
  indexUrl: string;
}

function overlaps(a: string, b: string): boolean {
  const inside = (root: string, p: string) => {
    const rel = relative(root, p);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  return inside(a, b) || inside(b, a);
}

export async function publishToLocalDir(
  bundle: CujBundle,
  options: LocalDestinationOptions,
): Promise<LocalPublication> {
  const subdir = posix.normalize((options.subdir ?? "cuj").replace(/\\/g, "/")).replace(/\/+$/, "");
  if (subdir === "" || subdir === "." || subdir.startsWith("../") || subdir === ".." || posix.isAbsolute(subdir)) {
    throw new CodexrelError(
      "USAGE",
      `the local destination's subdir ${JSON.stringify(options.subdir)} is not a folder inside the output`,
      {
        hint: "Use a relative folder name such as cuj.",
      },
    );
  }
  const outDir = resolve(options.outDir);
  const target = join(outDir, subdir);
  if (overlaps(bundle.dir, target)) {
    throw new CodexrelError(
      PublisherErrorCodes.CUJ_OUTPUT_INSIDE_BUNDLE,
      `the output folder ${target} overlaps the bundle folder ${bundle.dir}`,
      { hint: "Write the output somewhere outside the bundle (e.g. .codexrel/out)." },
    );
  }
  const urlFor = (path: string) => `${subdir}/${path}`;
  const artifacts = assertArtifactLinks(bundleArtifacts(bundle, urlFor, "local", false), options);

  // Build the copy beside the target, then swap it in: a failure never leaves half a bundle.
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const f of bundle.files) {
      const to = join(staging, ...f.path.split("/"));
      await mkdir(dirname(to), { recursive: true });
      await copyFile(f.absPath, to);
    }
    await writeFile(join(staging, INDEX_MD), renderIndexMarkdown(bundle));
    await writeFile(join(staging, INDEX_HTML), await renderGallery(bundle, options.gallery));
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(staging, target);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw new CodexrelError(
      PublisherErrorCodes.PUBLISH_WRITE_FAILED,
      `cannot write the bundle to ${target}: ${(cause as Error).message}`,
      { hint: "Check that the output folder is writable and the disk is not full.", cause },
    );
  }
  return { destination: "local", dir: target, artifacts, galleryUrl: urlFor(INDEX_HTML), indexUrl: urlFor(INDEX_MD) };
}
