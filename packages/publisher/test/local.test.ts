import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { loadBundle, publishToLocalDir } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, copyDemo, demoBundle, tempDir } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

function listAll(root: string, prefix = ""): string[] {
  return readdirSync(root)
    .flatMap((n) =>
      statSync(join(root, n)).isDirectory() ? listAll(join(root, n), `${prefix}${n}/`) : [`${prefix}${n}`],
    )
    .sort();
}

describe("local directory destination", () => {
  test("copies every file byte for byte, writes index.md and index.html, returns relative non-durable links", async () => {
    const b = await loadBundle(demoBundle);
    const out = join(dir, "out");
    const pub = await publishToLocalDir(b, { outDir: out });
    expect(pub.dir).toBe(join(out, "cuj"));
    expect(listAll(pub.dir)).toEqual(
      [...b.files.map((f) => f.path), "index.html", "index.md", "redactions.json"].sort(),
    );
    for (const f of b.files) expect(readFileSync(join(pub.dir, f.path)).equals(readFileSync(f.absPath))).toBe(true);
    expect(pub.galleryUrl).toBe("cuj/index.html");
    for (const a of pub.artifacts) {
      expect(a).toMatchObject({ durable: false, destination: "local" });
      expect(existsSync(join(out, a.url)), a.url).toBe(true);
    }
    expect(pub.artifacts.filter((a) => a.kind === "screenshot")).toHaveLength(3);
    expect(pub.artifacts.filter((a) => a.kind === "video")).toHaveLength(2);
    expect(pub.artifacts.find((a) => a.name === "videos/make-slug.webm")?.note).toBe("journey make-slug");
    // The artifacts fit the report contract as they are.
    const report = {
      schemaVersion: "1",
      meta: { tool: { name: "t", version: "1" }, stage: "validation", startedAt: "2024-01-01T00:00:00Z" },
      preflight: [],
      commands: [],
      regressions: null,
      artifacts: pub.artifacts,
      publication: { status: "skipped", code: "X", reason: "x" },
      decision: { ready: true, blockingReasons: [], nextAction: "go" },
    };
    expect(validateReport(report).errors).toEqual([]);
  });

  test("re-publishing replaces the previous copy (no stale files)", async () => {
    const out = join(dir, "out");
    const src = copyDemo(dir);
    await publishToLocalDir(await loadBundle(src), { outDir: out });
    const { rmSync } = await import("node:fs");
    rmSync(join(src, "logs"), { recursive: true });
    const pub = await publishToLocalDir(await loadBundle(src, { policy: "off" }), { outDir: out });
    expect(existsSync(join(pub.dir, "logs"))).toBe(false);
    expect(readdirSync(out)).toEqual(["cuj"]);
  });

  test("an output folder inside the bundle (or the bundle inside it) is refused", async () => {
    const src = copyDemo(dir);
    const b = await loadBundle(src);
    await expect(publishToLocalDir(b, { outDir: join(src, "out") })).rejects.toMatchObject({
      code: "CUJ_OUTPUT_INSIDE_BUNDLE",
    });
    await expect(publishToLocalDir(b, { outDir: dir, subdir: "bundle" })).rejects.toMatchObject({
      code: "CUJ_OUTPUT_INSIDE_BUNDLE",
    });
    await expect(publishToLocalDir(b, { outDir: join(dir, "o"), subdir: "../x" })).rejects.toMatchObject({
      code: "USAGE",
    });
  });
});
