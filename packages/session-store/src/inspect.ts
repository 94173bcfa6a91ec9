import { createReadStream } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Parser, type ReadEntry } from "tar";
import { decompressor } from "./compression.js";
import { SessionErrorCodes, sessionError } from "./errors.js";
import { MANIFEST_ENTRY, type Manifest, parseManifest } from "./manifest.js";
import { DEFAULT_RESTORE_LIMITS, decompressionGuards, mapExtractError, type RestoreLimits, sniff } from "./restore.js";

/** Reads a bundle's manifest without writing anything (the whole stream is checked for damage). */
export async function inspectBundle(bundle: string, limits: RestoreLimits = {}): Promise<Manifest> {
  const compression = await sniff(bundle);
  const { countIn, guard } = decompressionGuards({ ...DEFAULT_RESTORE_LIMITS, ...limits });
  const chunks: Buffer[] = [];
  let found = false;
  const parser = new Parser({
    strict: true,
    zstd: false,
    brotli: false,
    filter: (path: string) => path === MANIFEST_ENTRY,
    onReadEntry: (entry: ReadEntry) => {
      found = true;
      entry.on("data", (c: Buffer) => chunks.push(c));
    },
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("end", () => resolve());
    parser.on("error", reject);
  });
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      if (parser.write(chunk)) cb();
      else parser.once("drain", () => cb());
    },
    final(cb) {
      parser.end();
      cb();
    },
  });
  parser.on("error", (e: unknown) => sink.destroy(e as Error));
  try {
    await pipeline(createReadStream(bundle), countIn, decompressor(compression), guard, sink);
    await parsed;
  } catch (error) {
    throw mapExtractError(error);
  }
  if (!found) {
    throw sessionError(
      SessionErrorCodes.SESSION_BUNDLE_INVALID,
      `the bundle has no ${MANIFEST_ENTRY}`,
      "The bundle is truncated or was not written by codexrel; save a new session.",
    );
  }
  return parseManifest(Buffer.concat(chunks).toString("utf8"));
}
