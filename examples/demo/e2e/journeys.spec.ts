// The demo's critical user journeys. @codexrel/playwright's reporter turns this run into the CUJ
// bundle in cuj/ (see playwright.config.ts): one journey per test, its screenshots and video, and
// each expect as an assertion.
import { expect, test } from "@playwright/test";

test("Turn a title into a URL slug", { annotation: { type: "cuj", description: "make-slug" } }, async ({ page }) => {
  await page.goto("/web/index.html");
  await page.screenshot({ path: test.info().outputPath("empty.png") });
  await test.info().attach("empty", { path: test.info().outputPath("empty.png"), contentType: "image/png" });
  await page.locator("#title").pressSequentially("Release notes 2026", { delay: 60 });
  await page.click("#make-slug");
  await expect(page.locator("#slug")).toHaveText("release-notes-2026");
});

test("Add two numbers", { annotation: { type: "cuj", description: "add-numbers" } }, async ({ page }) => {
  await page.goto("/web/index.html");
  await page.locator("#a").pressSequentially("2", { delay: 60 });
  await page.locator("#b").pressSequentially("40", { delay: 60 });
  await page.click("#add");
  await expect(page.locator("#sum")).toHaveText("42");
});
