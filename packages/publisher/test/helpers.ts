import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";
import type { CujSummary, Journey } from "@codexrel/core";

export const repoRoot = join(import.meta.dirname, "..", "..", "..");
export const demoBundle = join(repoRoot, "examples/demo/cuj");

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real RGB PNG of one colour, made with zlib (no image library). */
export function makePng(width = 4, height = 3, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The first bytes of an ISO-BMFF (mp4) file: enough for content sniffing. */
export function mp4Head(brand = "isom"): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftyp", 4, "ascii");
  box.write(brand, 8, "ascii");
  box.write("isomiso2", 16, "ascii");
  return box;
}

export function tempDir(prefix = "codexrel-publisher-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies the committed demo bundle into `dir/bundle`. */
export function copyDemo(dir: string): string {
  const to = join(dir, "bundle");
  cpSync(demoBundle, to, { recursive: true });
  return to;
}

export function journey(id: string, over: Partial<Journey> = {}): Journey {
  return {
    id,
    title: `Journey ${id}`,
    status: "pass",
    assertions: [{ id: `${id}-a1`, description: "shown", status: "pass" }],
    screenshots: [`${id}.png`],
    video: `${id}.webm`,
    ...over,
  };
}

/** Writes a bundle: summary.json plus files (Buffer or text) at their paths. */
export function writeBundle(dir: string, summary: Partial<CujSummary>, files: Record<string, Buffer | string>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "summary.json"), JSON.stringify({ schemaVersion: "1", journeys: [], ...summary }, null, 2));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The bytes of a real VP8 WebM recorded by Chromium (the demo's). */
export function demoWebm(): Buffer {
  return readFileSync(join(demoBundle, "videos/add-numbers.webm"));
}
