/**
 * The local directory destination (the default when nothing else is configured): copies the
 * bundle into a folder of the run's output, writes index.md and index.html beside it, and returns
 * links relative to the output folder. Such links are never durable: they are for the person at
 * this machine or for whoever uploads the folder.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, relative, resolve } from "node:path";
import { type Artifact, bytesContainSecret, CodexrelError, redactDeep, redactWithCount } from "@codexrel/core";
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
  /** Exact secret values (the tokens in use, `--secret-env` values) redacted from text files on copy. */
  secrets?: readonly string[];
}

/** Written beside the copy: which files were redacted on copy, and how many secrets each held. */
export const REDACTION_MANIFEST = "redactions.json";

export interface LocalPublication {
  destination: "local";
  /** Absolute path of the published copy. */
  dir: string;
  artifacts: Artifact[];
  /** The gallery's link, relative to outDir. */
  galleryUrl: string;
  indexUrl: string;
  /**
   * The bundle as copied: every file's `absPath` points into the copy, whose text files are
   * redacted. Remote destinations publish from this, never from the original.
   */
  bundle: CujBundle;
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
    const redactions: { path: string; count: number }[] = [];
    for (const f of bundle.files) {
      const to = join(staging, ...f.path.split("/"));
      await mkdir(dirname(to), { recursive: true });
      const data = await readFile(f.absPath);
      if (f.kind === "text" || f.kind === "json") {
        // Logs and summary.json echo what the journeys printed: redact on copy, never copy raw.
        const { text, count } = redactWithCount(data.toString("utf8"), { secrets: options.secrets ?? [] });
        if (count > 0) redactions.push({ path: f.path, count });
        await writeFile(to, count > 0 ? text : data);
      } else {
        if (bytesContainSecret(data, { secrets: options.secrets ?? [] })) {
          throw new CodexrelError(
            PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY,
            `${f.path} (${f.kind}) holds a secret and cannot be redacted without breaking it`,
            { hint: "Re-record that screenshot or video without the secret on screen, then publish again." },
          );
        }
        await writeFile(to, data);
      }
    }
    await writeFile(
      join(staging, REDACTION_MANIFEST),
      `${JSON.stringify(
        {
          note: "text and JSON files were redacted on copy (token shapes and the known secret values); binary files were checked for known secrets and refused if they held one",
          textFiles: bundle.files.filter((f) => f.kind === "text" || f.kind === "json").map((f) => f.path),
          redactions,
        },
        null,
        2,
      )}\n`,
    );
    // The index and gallery are rendered from the redacted copy (the gallery inlines logs).
    const staged = copiedAt(bundle, staging, options.secrets);
    await writeFile(join(staging, INDEX_MD), renderIndexMarkdown(staged));
    await writeFile(join(staging, INDEX_HTML), await renderGallery(staged, options.gallery));
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(staging, target);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (cause instanceof CodexrelError && cause.code === PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY) throw cause;
    throw new CodexrelError(
      PublisherErrorCodes.PUBLISH_WRITE_FAILED,
      `cannot write the bundle to ${target}: ${(cause as Error).message}`,
      { hint: "Check that the output folder is writable and the disk is not full.", cause },
    );
  }
  const copied = copiedAt(bundle, target, options.secrets);
  return {
    destination: "local",
    dir: target,
    artifacts,
    galleryUrl: urlFor(INDEX_HTML),
    indexUrl: urlFor(INDEX_MD),
    bundle: copied,
  };
}

/** The bundle as it lies in a copy at `dir`: paths into the copy, summary redacted. */
function copiedAt(bundle: CujBundle, dir: string, secrets: readonly string[] | undefined): CujBundle {
  return {
    ...bundle,
    dir,
    summary: redactDeep(bundle.summary, { secrets: secrets ?? [] }),
    files: bundle.files.map((f) => ({ ...f, absPath: join(dir, ...f.path.split("/")) })),
  };
}
