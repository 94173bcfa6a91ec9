/**
 * Issue 16, item 8: publishing copies the bundle's text files redacted (and says so in
 * `redactions.json`), and refuses a binary that holds a known secret instead of copying it.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundle, PublisherErrorCodes, publishToLocalDir, runCujStage } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, copyDemo, tempDir } from "./helpers.js";

const NAMED = "named-publish-secret-31337";
const GHP = `ghp_${"P".repeat(36)}`;

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

describe("publish copies redact text and refuse secret-holding binaries", () => {
  test("logs and summary.json are redacted on copy; redactions.json says which", async () => {
    const bundleDir = copyDemo(dir);
    appendFileSync(join(bundleDir, "logs/add-numbers.log"), `token ${GHP} and ${NAMED}\n`);
    const summary = JSON.parse(readFileSync(join(bundleDir, "summary.json"), "utf8"));
    summary.journeys[0].title = `journey with ${NAMED}`;
    writeFileSync(join(bundleDir, "summary.json"), JSON.stringify(summary));
    const pub = await publishToLocalDir(await loadBundle(bundleDir), { outDir: join(dir, "out"), secrets: [NAMED] });
    const log = readFileSync(join(pub.dir, "logs/add-numbers.log"), "utf8");
    expect(log).not.toContain(GHP);
    expect(log).not.toContain(NAMED);
    expect(readFileSync(join(pub.dir, "summary.json"), "utf8")).not.toContain(NAMED);
    for (const page of ["index.md", "index.html"])
      expect(readFileSync(join(pub.dir, page), "utf8")).not.toContain(NAMED);
    const manifest = JSON.parse(readFileSync(join(pub.dir, "redactions.json"), "utf8"));
    expect(manifest.textFiles).toContain("logs/add-numbers.log");
    expect(manifest.redactions).toEqual(
      expect.arrayContaining([
        { path: "logs/add-numbers.log", count: 2 },
        { path: "summary.json", count: 1 },
      ]),
    );
    // What remote destinations publish from is the redacted copy, never the original.
    for (const f of pub.bundle.files) expect(f.absPath.startsWith(pub.dir)).toBe(true);
    expect(JSON.stringify(pub.bundle.summary)).not.toContain(NAMED);
  });

  test("a screenshot holding a known secret is refused with PUBLISH_SECRET_IN_BINARY", async () => {
    const bundleDir = copyDemo(dir);
    appendFileSync(join(bundleDir, "screens/add-numbers-1-screenshot.png"), Buffer.from(`tEXt${NAMED}`));
    const bundle = await loadBundle(bundleDir);
    await expect(publishToLocalDir(bundle, { outDir: join(dir, "out"), secrets: [NAMED] })).rejects.toMatchObject({
      code: PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY,
    });
    const stage = await runCujStage({ bundleDir, outDir: join(dir, "out2"), secrets: [NAMED] });
    expect(stage.bundle).toBeNull();
    expect(stage.checks).toContainEqual(
      expect.objectContaining({ id: "cuj-local-copy", code: PublisherErrorCodes.PUBLISH_SECRET_IN_BINARY }),
    );
  });
});
