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

/** Codes of the errors setting up Playwright's video recorder can throw. */
export const FfmpegErrorCodes = {
  PLAYWRIGHT_NOT_FOUND: "PLAYWRIGHT_NOT_FOUND",
  PLAYWRIGHT_FFMPEG_UNKNOWN: "PLAYWRIGHT_FFMPEG_UNKNOWN",
  FFMPEG_NOT_FOUND: "FFMPEG_NOT_FOUND",
  FFMPEG_PLATFORM: "FFMPEG_PLATFORM",
} as const;

export interface SystemFfmpegOptions {
  /** The folder to use as PLAYWRIGHT_BROWSERS_PATH (created when missing). */
  browsersPath: string;
  /** The ffmpeg to link (default /usr/bin/ffmpeg). */
  ffmpeg?: string;
  /** A file to resolve @playwright/test from (default: package.json in the working directory). */
  resolveFrom?: string;
}

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: "ffmpeg-linux",
  darwin: "ffmpeg-mac",
  win32: "ffmpeg-win64.exe",
};

/**
 * playwright-core's package.json as the project's @playwright/test sees it: through
 * @playwright/test -> playwright -> playwright-core (strict installs such as pnpm's do not hoist it).
 */
function playwrightCorePackage(from: string): string {
  const chain = ["@playwright/test", "playwright", "playwright-core"];
  let base = from;
  for (const name of chain) {
    try {
      base = createRequire(base).resolve(`${name}/package.json`);
    } catch {
      // Installed directly (playwright-core alone) or not at all: try the next name from here.
    }
  }
  if (!base.endsWith(join("playwright-core", "package.json"))) {
    throw new CodexrelError(
      FfmpegErrorCodes.PLAYWRIGHT_NOT_FOUND,
      "playwright-core is not installed where the config is",
      {
        hint: "Install @playwright/test in the project (npm i -D @playwright/test).",
      },
    );
  }
  return base;
}

/** The ffmpeg revision the installed playwright-core expects. */
export function playwrightFfmpegRevision(resolveFrom?: string): string {
  const from = resolveFrom ?? join(process.cwd(), "package.json");
  const browsersJson = join(dirname(playwrightCorePackage(from)), "browsers.json");
  const parsed = JSON.parse(readFileSync(browsersJson, "utf8")) as { browsers: { name: string; revision: string }[] };
  const entry = parsed.browsers.find((b) => b.name === "ffmpeg");
  if (!entry) {
    throw new CodexrelError(
      FfmpegErrorCodes.PLAYWRIGHT_FFMPEG_UNKNOWN,
      "this playwright-core names no ffmpeg revision",
      {
        hint: "Use a Playwright version that records video with ffmpeg (1.x).",
      },
    );
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
    throw new CodexrelError(FfmpegErrorCodes.FFMPEG_NOT_FOUND, `no ffmpeg at ${ffmpeg}`, {
      hint: "Install it (Debian/Ubuntu: apt-get install -y ffmpeg) or pass its path.",
    });
  }
  const name = EXECUTABLE[process.platform];
  if (!name) {
    throw new CodexrelError(FfmpegErrorCodes.FFMPEG_PLATFORM, `Playwright has no ffmpeg name for ${process.platform}`, {
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
