import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadBundle, resolvePolicy } from "@codexrel/publisher";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, demoBundle, demoWebm, journey, makePng, mp4Head, tempDir, writeBundle } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

const codes = (b: { problems: { code: string }[] }) => b.problems.map((p) => p.code);

describe("loading a CUJ bundle", () => {
  test("the committed demo bundle is schema-valid and passes the strict policy with no problem", async () => {
    const b = await loadBundle(demoBundle);
    expect(b.problems).toEqual([]);
    expect(b.ok).toBe(true);
    expect(b.summary.journeys.map((j) => j.id)).toEqual(["make-slug", "add-numbers"]);
    const roles = Object.fromEntries(b.files.map((f) => [f.path, `${f.role}:${f.kind}`]));
    expect(roles).toMatchObject({
      "summary.json": "summary:json",
      "screens/make-slug-1-empty.png": "screenshot:png",
      "videos/make-slug.webm": "video:webm",
      "logs/make-slug.log": "log:text",
    });
    expect(b.files.map((f) => f.path)).toEqual([...b.files.map((f) => f.path)].sort());
  });

  test("summary.json missing, not JSON, or off-schema: coded errors", async () => {
    await expect(loadBundle(join(dir, "nope"))).rejects.toMatchObject({ code: "CUJ_BUNDLE_NOT_FOUND" });
    mkdirSync(join(dir, "b"));
    await expect(loadBundle(join(dir, "b"))).rejects.toMatchObject({ code: "CUJ_SUMMARY_MISSING" });
    writeFileSync(join(dir, "b/summary.json"), "{nope");
    await expect(loadBundle(join(dir, "b"))).rejects.toMatchObject({ code: "CUJ_SUMMARY_NOT_JSON" });
    writeFileSync(join(dir, "b/summary.json"), JSON.stringify({ schemaVersion: "1", journeys: [{ id: "Bad Id" }] }));
    const e = await loadBundle(join(dir, "b")).catch((x) => x);
    expect(e.code).toBe("CUJ_SUMMARY_INVALID");
    expect(e.details.errors.length).toBeGreaterThan(0);
  });

  test("paths outside the bundle are refused by the schema (.., absolute) and by the loader (symlinks)", async () => {
    writeBundle(join(dir, "b"), { journeys: [journey("j", { screenshots: ["../x.png"] })] }, {});
    await expect(loadBundle(join(dir, "b"))).rejects.toMatchObject({ code: "CUJ_SUMMARY_INVALID" });

    writeFileSync(join(dir, "secret.png"), makePng());
    mkdirSync(join(dir, "outside"));
    writeFileSync(join(dir, "outside/o.png"), makePng());
    const b = writeBundle(
      join(dir, "c"),
      { journeys: [journey("j", { screenshots: ["link.png", "shots/o.png", "j.png"] })] },
      { "j.png": makePng(), "j.webm": demoWebm() },
    );
    symlinkSync(join(dir, "secret.png"), join(b, "link.png"));
    symlinkSync(join(dir, "outside"), join(b, "shots"));
    const loaded = await loadBundle(b);
    expect(loaded.ok).toBe(false);
    expect(loaded.files.map((f) => f.path)).not.toContain("link.png");
    const outside = loaded.problems.filter((p) => p.code === "CUJ_PATH_OUTSIDE_BUNDLE");
    expect(outside.map((p) => p.path).sort()).toEqual(["link.png", "link.png", "shots", "shots/o.png"].sort());
  });

  test("a symlink to a file inside the bundle is fine", async () => {
    const b = writeBundle(
      join(dir, "b"),
      { journeys: [journey("j", { screenshots: ["alias.png"] })] },
      { "real.png": makePng(), "j.webm": demoWebm() },
    );
    symlinkSync(join(b, "real.png"), join(b, "alias.png"));
    const loaded = await loadBundle(b);
    expect(loaded.problems).toEqual([]);
  });

  test("kinds by content: an HTML file named .png is not a screenshot; a PNG named .webm is not a video", async () => {
    const b = writeBundle(
      join(dir, "b"),
      { journeys: [journey("j", { screenshots: ["fake.png"], video: "fake.webm" })] },
      { "fake.png": "<html><script>alert(1)</script></html>", "fake.webm": makePng() },
    );
    const loaded = await loadBundle(b);
    expect(codes(loaded)).toEqual(["CUJ_KIND_MISMATCH", "CUJ_KIND_MISMATCH", "CUJ_NO_SCREENSHOT", "CUJ_NO_VIDEO"]);
    expect(loaded.ok).toBe(false);
  });

  test("a real image under the wrong extension is used (content wins) with a warning", async () => {
    const b = writeBundle(
      join(dir, "b"),
      { journeys: [journey("j", { screenshots: ["shot.jpg"], video: "clip.mp4" })] },
      { "shot.jpg": makePng(), "clip.mp4": Buffer.concat([mp4Head(), Buffer.alloc(100)]) },
    );
    const loaded = await loadBundle(b);
    expect(loaded.ok).toBe(true);
    expect(codes(loaded)).toEqual(["CUJ_EXTENSION_MISMATCH"]);
    expect(loaded.files.find((f) => f.path === "shot.jpg")?.mime).toBe("image/png");
  });

  test("minimum artifact policy: strict errors, lenient warnings, off nothing; skipped journeys are exempt", async () => {
    const b = writeBundle(
      join(dir, "b"),
      {
        journeys: [
          journey("bare", { screenshots: [], video: null }),
          journey("skipped", { status: "skip", screenshots: [], video: null }),
          journey("missing", { screenshots: ["gone.png"], video: "gone.webm" }),
        ],
      },
      {},
    );
    const strict = await loadBundle(b);
    expect(strict.problems.map((p) => `${p.severity}:${p.code}:${p.journey}`)).toEqual([
      "error:CUJ_NO_SCREENSHOT:bare",
      "error:CUJ_NO_VIDEO:bare",
      "error:CUJ_FILE_MISSING:missing",
      "error:CUJ_FILE_MISSING:missing",
      "error:CUJ_NO_SCREENSHOT:missing",
      "error:CUJ_NO_VIDEO:missing",
    ]);
    const lenient = await loadBundle(b, { policy: "lenient" });
    // A referenced file that does not exist is always an error: the gallery would be broken.
    expect(lenient.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([
      "CUJ_FILE_MISSING",
      "CUJ_FILE_MISSING",
    ]);
    expect(lenient.problems.filter((p) => p.severity === "warning")).toHaveLength(4);
    const off = await loadBundle(b, { policy: { preset: "off", log: "warning" } });
    expect(off.problems.map((p) => `${p.severity}:${p.code}:${p.journey}`)).toEqual([
      "warning:CUJ_NO_LOG:bare",
      "error:CUJ_FILE_MISSING:missing",
      "error:CUJ_FILE_MISSING:missing",
      "warning:CUJ_NO_LOG:missing",
    ]);
  });

  test("policy presets and overrides; unknown preset is a usage error", () => {
    expect(resolvePolicy()).toEqual({ screenshots: "error", video: "error", log: "off", extensionMismatch: "warning" });
    expect(resolvePolicy({ video: "warning" }).video).toBe("warning");
    expect(resolvePolicy({ video: "warning" }).screenshots).toBe("error");
    expect(() => resolvePolicy("loose" as "strict")).toThrow(/unknown artifact policy/);
  });

  test("unreferenced files are listed as other; a stale index.html in the input is not re-published", async () => {
    const b = writeBundle(
      join(dir, "b"),
      { journeys: [journey("j")] },
      { "j.png": makePng(), "j.webm": demoWebm(), "notes/readme.txt": "hi", "index.html": "old", "index.md": "old" },
    );
    const loaded = await loadBundle(b);
    expect(loaded.files.map((f) => `${f.path}:${f.role}`)).toEqual([
      "j.png:screenshot",
      "j.webm:video",
      "notes/readme.txt:other",
      "summary.json:summary",
    ]);
  });

  test("limits: too many files or bytes is CUJ_BUNDLE_TOO_LARGE", async () => {
    const b = writeBundle(join(dir, "b"), { journeys: [journey("j")] }, { "j.png": makePng(), "j.webm": demoWebm() });
    await expect(loadBundle(b, { maxFiles: 2 })).rejects.toMatchObject({ code: "CUJ_BUNDLE_TOO_LARGE" });
    await expect(loadBundle(b, { maxBytes: 100 })).rejects.toMatchObject({ code: "CUJ_BUNDLE_TOO_LARGE" });
  });
});
