/**
 * Playwright records video with its own ffmpeg build, looked up as
 * `<PLAYWRIGHT_BROWSERS_PATH>/ffmpeg-<revision>/ffmpeg-linux` (revision from playwright-core's
 * browsers.json). Where that download is not possible, a system ffmpeg (Debian's `ffmpeg`, with
 * libvpx) is linked into a browsers folder of our own and Playwright is pointed at it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CodexrelError } from "@codexrel/core";

export interface SystemFfmpegOptions {
  /** The folder to use as PLAYWRIGHT_BROWSERS_PATH (created when missing). */
  browsersPath: string;
  /** The ffmpeg to link (default /usr/bin/ffmpeg). */
  ffmpeg?: string;
  /** Where to resolve playwright-core from (default: this package). */
  resolveFrom?: string;
}

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: "ffmpeg-linux",
  darwin: "ffmpeg-mac",
  win32: "ffmpeg-win64.exe",
};

/** The ffmpeg revision the installed playwright-core expects. */
export function playwrightFfmpegRevision(resolveFrom?: string): string {
  const require = createRequire(resolveFrom ?? import.meta.url);
  let browsersJson: string;
  try {
    // playwright-core does not export browsers.json; find it beside its package.json.
    const pkg = require.resolve("playwright-core/package.json", {
      paths: [resolveFrom ? dirname(resolveFrom) : process.cwd()],
    });
    browsersJson = join(dirname(pkg), "browsers.json");
  } catch (cause) {
    throw new CodexrelError("PLAYWRIGHT_NOT_FOUND", "playwright-core is not installed where the config is", {
      hint: "Install @playwright/test in the project (npm i -D @playwright/test).",
      cause,
    });
  }
  const parsed = JSON.parse(readFileSync(browsersJson, "utf8")) as { browsers: { name: string; revision: string }[] };
  const entry = parsed.browsers.find((b) => b.name === "ffmpeg");
  if (!entry) {
    throw new CodexrelError("PLAYWRIGHT_FFMPEG_UNKNOWN", "this playwright-core names no ffmpeg revision", {
      hint: "Use a Playwright version that records video with ffmpeg (1.x).",
    });
  }
  return entry.revision;
}

/**
 * Links `ffmpeg` into `<browsersPath>/ffmpeg-<revision>/` under the name Playwright looks for and
 * returns `browsersPath`, to be set as PLAYWRIGHT_BROWSERS_PATH before Playwright starts its workers.
 */
export function linkSystemFfmpeg(options: SystemFfmpegOptions): string {
  const ffmpeg = options.ffmpeg ?? "/usr/bin/ffmpeg";
  if (!existsSync(ffmpeg)) {
    throw new CodexrelError("FFMPEG_NOT_FOUND", `no ffmpeg at ${ffmpeg}`, {
      hint: "Install it (Debian/Ubuntu: apt-get install -y ffmpeg) or pass its path.",
    });
  }
  const name = EXECUTABLE[process.platform];
  if (!name) {
    throw new CodexrelError("FFMPEG_PLATFORM", `Playwright has no ffmpeg name for ${process.platform}`, {
      hint: "Use `npx playwright install ffmpeg` on this platform.",
    });
  }
  const dir = join(options.browsersPath, `ffmpeg-${playwrightFfmpegRevision(options.resolveFrom)}`);
  mkdirSync(dir, { recursive: true });
  const link = join(dir, name);
  rmSync(link, { force: true });
  symlinkSync(ffmpeg, link);
  return options.browsersPath;
}
