/**
 * File kinds by content (magic bytes), never by extension: a `.png` that holds HTML is not a
 * screenshot, and a `.webm` that holds nothing playable is not a video.
 */
import { open } from "node:fs/promises";

export type FileKind = "png" | "jpeg" | "webp" | "gif" | "webm" | "mkv" | "mp4" | "json" | "text" | "unknown";

export interface SniffResult {
  kind: FileKind;
  /** MIME type for data URIs and `<source type>`; null when unknown. */
  mime: string | null;
}

/** Kinds a screenshot may have. */
export const IMAGE_KINDS: ReadonlySet<FileKind> = new Set(["png", "jpeg", "webp"]);
/** Kinds a journey video may have. */
export const VIDEO_KINDS: ReadonlySet<FileKind> = new Set(["webm", "mp4"]);

const MIME: Record<FileKind, string | null> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  webm: "video/webm",
  mkv: "video/x-matroska",
  mp4: "video/mp4",
  json: "application/json",
  text: "text/plain",
  unknown: null,
};

/** Extensions each kind is usually saved under (for a warning when the name disagrees). */
export const KIND_EXTENSIONS: Record<FileKind, readonly string[]> = {
  png: ["png"],
  jpeg: ["jpg", "jpeg"],
  webp: ["webp"],
  gif: ["gif"],
  webm: ["webm"],
  mkv: ["mkv"],
  mp4: ["mp4", "m4v"],
  json: ["json"],
  text: [],
  unknown: [],
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO-BMFF brands that are still images, not video (AVIF, HEIF). */
const STILL_IMAGE_BRANDS = new Set(["avif", "avis", "heic", "heix", "heim", "heis", "mif1", "msf1"]);
/** QuickTime: an ISO-BMFF cousin browsers do not reliably play. */
const QUICKTIME_BRANDS = new Set(["qt  "]);

/** How many leading bytes `sniffBytes` needs. */
export const SNIFF_BYTES = 64;

export function sniffBytes(head: Uint8Array): SniffResult {
  const kind = detect(head);
  return { kind, mime: MIME[kind] };
}

export async function sniffFile(path: string): Promise<SniffResult> {
  const handle = await open(path, "r");
  try {
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return sniffBytes(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function mimeOf(kind: FileKind): string | null {
  return MIME[kind];
}

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
}

function detect(head: Uint8Array): FileKind {
  if (startsWith(head, PNG_SIGNATURE)) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "gif";
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return ebmlDocType(head);
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (STILL_IMAGE_BRANDS.has(brand) || QUICKTIME_BRANDS.has(brand)) return "unknown";
    return "mp4";
  }
  return textKind(head);
}

/** EBML header: the DocType element (ID 0x4282) says `webm` or `matroska`. */
function ebmlDocType(head: Uint8Array): FileKind {
  for (let i = 4; i + 3 < head.length; i++) {
    if (head[i] !== 0x42 || head[i + 1] !== 0x82) continue;
    const sizeByte = head[i + 2] ?? 0;
    // One-byte EBML size (0x80 | n) is what every muxer writes for the DocType.
    if ((sizeByte & 0x80) === 0) break;
    const len = sizeByte & 0x7f;
    const docType = ascii(head, i + 3, i + 3 + len);
    if (docType === "webm") return "webm";
    if (docType === "matroska") return "mkv";
    break;
  }
  return "unknown";
}

function textKind(head: Uint8Array): FileKind {
  if (head.length === 0) return "unknown";
  for (const b of head) {
    // Control bytes other than tab/newline/carriage return mean binary.
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return "unknown";
  }
  const first = ascii(head, 0, head.length).replace(/^(?:\u00ef\u00bb\u00bf)?\s*/, "")[0];
  return first === "{" || first === "[" ? "json" : "text";
}
