/**
 * The gallery in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core)
 * opens index.html from disk, as a person does with a downloaded artifact. Every image must have
 * loaded and every video must have a source the browser can play, with its metadata read. A
 * screenshot of the page is kept under test-results/ as evidence.
 *
 * In CI (CI=true) no Chromium means this test FAILS: .ci/run installs it. On a developer machine
 * without Chromium (the README's test command on a fresh laptop) it is skipped with a warning
 * naming the install command, so the suite stays runnable there.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadBundle, publishToLocalDir } from "@codexrel/publisher";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanup, demoBundle, repoRoot, tempDir } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const RESULTS = join(repoRoot, "test-results", "publisher");

let browser: Browser;
let dir: string;

const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_LOCALLY = !HAVE_CHROMIUM && !process.env.CI;
if (SKIP_LOCALLY) {
  console.warn(
    `SKIPPED the gallery browser test: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH; CI runs it.`,
  );
}

beforeAll(async () => {
  if (SKIP_LOCALLY) return;
  if (!HAVE_CHROMIUM) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}${process.env.CI ? " (CI: .ci/run should have installed it)" : ""}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  dir = tempDir();
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (dir) cleanup(dir);
});

interface PageFacts {
  images: { src: string; complete: boolean; naturalWidth: number }[];
  videos: {
    src: string;
    type: string;
    canPlay: string;
    readyState: number;
    videoWidth: number;
    error: number | null;
  }[];
  assertionRows: number;
}

async function openGallery(
  galleryPath: string,
  screenshotName: string,
): Promise<{ facts: PageFacts; console: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const messages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push(m.text());
  });
  page.on("pageerror", (e) => messages.push(String(e)));
  await page.goto(pathToFileURL(galleryPath).href, { waitUntil: "load" });
  // Bounded wait for every video to have read its metadata or failed (not a timing assertion).
  // Page-side code is passed as text: the repo's TypeScript config has no DOM types.
  // Bounded wait for every video to have read its metadata or failed (not a timing assertion).
  await page
    .waitForFunction(
      `[...document.querySelectorAll("video")].every((v) => v.readyState >= 1 || v.error !== null)`,
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {});
  const facts = (await page.evaluate(`(() => ({
    images: [...document.images].map((i) => ({
      src: i.currentSrc.slice(0, 40),
      complete: i.complete,
      naturalWidth: i.naturalWidth,
    })),
    videos: [...document.querySelectorAll("video")].map((v) => {
      const source = v.querySelector("source");
      const type = source?.getAttribute("type") ?? "";
      return {
        src: (v.currentSrc || source?.src || "").slice(-40),
        type,
        canPlay: v.canPlayType(type),
        readyState: v.readyState,
        videoWidth: v.videoWidth,
        error: v.error ? v.error.code : null,
      };
    }),
    assertionRows: document.querySelectorAll("table.assertions tbody tr").length,
  }))()`)) as PageFacts;
  await page.screenshot({ path: join(RESULTS, screenshotName), fullPage: true });
  await page.close();
  return { facts, console: messages };
}

describe.skipIf(SKIP_LOCALLY)("index.html in headless Chromium", () => {
  test("every image loaded and every video has a playable source (files beside the gallery)", async () => {
    const pub = await publishToLocalDir(await loadBundle(demoBundle), { outDir: join(dir, "out") });
    const { facts, console } = await openGallery(join(pub.dir, "index.html"), "gallery.png");
    expect(facts.images).toHaveLength(3);
    for (const img of facts.images) {
      expect(img.complete, img.src).toBe(true);
      expect(img.naturalWidth, img.src).toBeGreaterThan(0);
    }
    expect(facts.videos).toHaveLength(2);
    for (const v of facts.videos) {
      expect(v.error, v.src).toBe(null);
      expect(["probably", "maybe"], v.src).toContain(v.canPlay);
      expect(v.readyState, v.src).toBeGreaterThanOrEqual(1);
      expect(v.videoWidth, v.src).toBeGreaterThan(0);
    }
    expect(facts.assertionRows).toBe(2);
    // Nothing was blocked by the page's Content-Security-Policy or failed to load.
    expect(console).toEqual([]);
    expect(existsSync(join(RESULTS, "gallery.png"))).toBe(true);
  });

  test("with videos inlined as data URIs the single file plays on its own", async () => {
    const pub = await publishToLocalDir(await loadBundle(demoBundle), {
      outDir: join(dir, "inline"),
      gallery: { inlineVideoMaxBytes: 1024 * 1024 },
    });
    const { facts, console } = await openGallery(join(pub.dir, "index.html"), "gallery-inline.png");
    for (const v of facts.videos) {
      expect(v.src).not.toMatch(/\.webm$/);
      expect(v.error).toBe(null);
      expect(v.readyState).toBeGreaterThanOrEqual(1);
    }
    expect(console).toEqual([]);
  });
});
