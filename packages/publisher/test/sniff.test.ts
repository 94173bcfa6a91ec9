import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sniffBytes, sniffFile } from "@codexrel/publisher";
import { describe, expect, test } from "vitest";
import { demoBundle, demoWebm, makePng, mp4Head } from "./helpers.js";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("file kinds by content", () => {
  test.each([
    ["png", makePng(), "image/png"],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46), "image/jpeg"],
    ["webp", text("RIFF\x24\x00\x00\x00WEBPVP8 "), "image/webp"],
    ["gif", text("GIF89a\x01\x00\x01\x00"), "image/gif"],
    ["webm", demoWebm().subarray(0, 64), "video/webm"],
    ["mp4", mp4Head("isom"), "video/mp4"],
    ["mp4", mp4Head("mp42"), "video/mp4"],
    ["json", text('  {"a": 1}'), "application/json"],
    ["text", text("01 open /web\n02 assert ok\n"), "text/plain"],
  ])("%s", (kind, head, mime) => {
    expect(sniffBytes(head)).toEqual({ kind, mime });
  });

  test("a Matroska file is mkv, not webm; AVIF and QuickTime are not mp4 video", () => {
    const mkv = Buffer.from(demoWebm().subarray(0, 64));
    const at = mkv.indexOf("webm");
    // Same header with DocType "matroska" (length byte 0x88).
    const head = Buffer.concat([mkv.subarray(0, at - 1), Buffer.from([0x88]), Buffer.from("matroska")]);
    expect(sniffBytes(head).kind).toBe("mkv");
    expect(sniffBytes(mp4Head("avif")).kind).toBe("unknown");
    expect(sniffBytes(mp4Head("qt  ")).kind).toBe("unknown");
  });

  test("the extension is ignored: HTML named .png is text, empty and binary noise are unknown", () => {
    expect(sniffBytes(text("<html><script>alert(1)</script>")).kind).toBe("text");
    expect(sniffBytes(new Uint8Array()).kind).toBe("unknown");
    expect(sniffBytes(bytes(0, 1, 2, 3, 250, 251)).kind).toBe("unknown");
    expect(sniffBytes(bytes(0x89, 0x50, 0x4e, 0x47)).kind).not.toBe("png"); // truncated signature
  });

  test("every file of the committed demo bundle has the kind its name says", async () => {
    for (const dir of ["screens", "videos"]) {
      for (const f of readdirSync(join(demoBundle, dir))) {
        const r = await sniffFile(join(demoBundle, dir, f));
        expect(r.kind, f).toBe(f.endsWith(".png") ? "png" : "webm");
      }
    }
  });
});
