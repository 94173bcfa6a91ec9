// Records the demo's CUJ bundle (cuj/) with @codexrel/playwright's reporter:
//   pnpm --filter codexrel-demo record-cuj     (needs /usr/bin/chromium and /usr/bin/ffmpeg)
// Debian's chromium runs the journeys; Debian's ffmpeg encodes the video, linked where Playwright
// looks for its own (PLAYWRIGHT_BROWSERS_PATH, set here before Playwright starts its workers).
import { join } from "node:path";
import { linkSystemFfmpeg } from "@codexrel/playwright";
import { defineConfig } from "@playwright/test";

const here = import.meta.dirname;
process.env.PLAYWRIGHT_BROWSERS_PATH ??= linkSystemFfmpeg({ browsersPath: join(here, ".codexrel", "pw-browsers") });
const port = Number(process.env.DEMO_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  outputDir: join(here, ".codexrel", "test-results"),
  reporter: [
    ["list"],
    [
      "@codexrel/playwright/reporter",
      { outputDir: "cuj", title: "codexrel demo — critical user journeys", target: "examples/demo/web/index.html" },
    ],
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    url: `http://127.0.0.1:${port}/web/index.html`,
    reuseExistingServer: false,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "on",
    video: { mode: "on", size: { width: 480, height: 270 } },
    viewport: { width: 480, height: 270 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
  },
});
