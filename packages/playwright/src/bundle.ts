/**
 * Writes journey drafts as a CUJ bundle: summary.json (validated against the CUJ schema before
 * anything is written), screens/, videos/ and logs/. The bundle is built in a sibling temporary
 * folder and renamed into place, so a reader never sees half a bundle and a failed write leaves
 * the previous bundle intact.
 */
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  CodexrelError,
  type CujSummary,
  createRedactor,
  formatIssue,
  type Journey,
  validateCujSummary,
} from "@codexrel/core";
import type { JourneyAttachment, JourneyDraft } from "./journeys.js";

export interface CommitIdentity {
  sha: string;
  repository?: string;
  ref?: string;
}

export interface WriteBundleOptions {
  /** The bundle folder (replaced whole). */
  outputDir: string;
  title?: string;
  target?: string;
  commit?: CommitIdentity | null;
  /** Exact secret values to keep out of messages and logs (known token patterns are always redacted). */
  secrets?: string[];
  now?: () => Date;
}

export const CujBundleErrorCodes = {
  CUJ_BUNDLE_INVALID: "CUJ_BUNDLE_INVALID",
  CUJ_BUNDLE_EMPTY: "CUJ_BUNDLE_EMPTY",
  CUJ_BUNDLE_WRITE: "CUJ_BUNDLE_WRITE",
} as const;

async function placeAttachment(a: JourneyAttachment, dir: string, rel: string): Promise<string> {
  const dest = join(dir, rel);
  await mkdir(dirname(dest), { recursive: true });
  if (a.path) await copyFile(a.path, dest);
  else if (a.body) await writeFile(dest, a.body);
  return rel;
}

/** Writes the bundle and returns its summary. Throws CUJ_BUNDLE_EMPTY when no test finished. */
export async function writeCujBundle(drafts: JourneyDraft[], options: WriteBundleOptions): Promise<CujSummary> {
  if (drafts.length === 0) {
    throw new CodexrelError(CujBundleErrorCodes.CUJ_BUNDLE_EMPTY, "no test finished: there is no journey to record", {
      hint: "Check the Playwright project's testMatch/grep; the CUJ bundle needs at least one journey.",
    });
  }
  const redact = createRedactor(options.secrets ?? []);
  const finalDir = options.outputDir;
  const tmp = join(dirname(finalDir), `.${basename(finalDir)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    const journeys: Journey[] = [];
    for (const d of drafts) {
      const screenshots: string[] = [];
      for (const [i, shot] of d.screenshots.entries()) {
        const name = `${i + 1}-${shot.name.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40) || "shot"}`;
        screenshots.push(await placeAttachment(shot, tmp, `screens/${d.id}-${name}.png`));
      }
      const video = d.video ? await placeAttachment(d.video, tmp, `videos/${d.id}.webm`) : null;
      const log = `logs/${d.id}.log`;
      await mkdir(join(tmp, "logs"), { recursive: true });
      await writeFile(
        join(tmp, log),
        `${d.logLines.map((l, i) => `${String(i + 1).padStart(2, "0")} ${redact(l)}`).join("\n")}\n`,
      );
      journeys.push({
        id: d.id,
        title: d.title,
        status: d.status,
        durationMs: d.durationMs,
        assertions: d.assertions.map((a) => (a.message ? { ...a, message: redact(a.message) } : a)),
        screenshots,
        video,
        log,
      });
    }
    const summary: CujSummary = {
      schemaVersion: "1",
      ...(options.title ? { title: options.title } : {}),
      generatedAt: (options.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      ...(options.target ? { target: options.target } : {}),
      ...(options.commit ? { commit: options.commit } : {}),
      journeys: journeys as CujSummary["journeys"],
    };
    const checked = validateCujSummary(summary);
    if (!checked.valid) {
      throw new CodexrelError(
        CujBundleErrorCodes.CUJ_BUNDLE_INVALID,
        `the recorded summary.json is not a valid CUJ summary: ${formatIssue(checked.errors[0])}`,
        {
          hint: "Check the reporter options (commit sha must be 40 hex characters, repository owner/name).",
          details: { errors: checked.errors },
        },
      );
    }
    await writeFile(join(tmp, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
    await rm(finalDir, { recursive: true, force: true });
    await rename(tmp, finalDir);
    return summary;
  } catch (cause) {
    await rm(tmp, { recursive: true, force: true });
    if (cause instanceof CodexrelError) throw cause;
    throw new CodexrelError(
      CujBundleErrorCodes.CUJ_BUNDLE_WRITE,
      `cannot write the CUJ bundle: ${(cause as Error).message}`,
      { hint: "Check that the bundle folder's parent is writable and the attachments still exist.", cause },
    );
  }
}
