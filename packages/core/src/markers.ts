/**
 * Comment markers: `<!-- codexrel:<kind>[:<id>] -->`. They anchor the one comment a run updates in
 * place. Kinds and ids are restricted so a marker can never be forged from untrusted text that
 * went through `escapeMarkdown` (which removes `<`).
 */
import { CodexrelError, ErrorCodes } from "./errors.js";

export interface Marker {
  kind: string;
  id?: string;
}

const KIND = /^[a-z][a-z0-9-]{0,63}$/;
const ID = /^[A-Za-z0-9._/#-]{1,128}$/;
const MARKER_RE = /<!-- codexrel:([a-z][a-z0-9-]{0,63})(?::([A-Za-z0-9._/#-]{1,128}))? -->/g;

export function buildMarker(kind: string, id?: string): string {
  if (!KIND.test(kind)) {
    throw new CodexrelError(ErrorCodes.MARKER_INVALID, `marker kind ${JSON.stringify(kind)} is not allowed`, {
      hint: "Use lowercase letters, digits and dashes, starting with a letter (e.g. report, progress).",
    });
  }
  if (id !== undefined && !ID.test(id)) {
    throw new CodexrelError(ErrorCodes.MARKER_INVALID, `marker id ${JSON.stringify(id)} is not allowed`, {
      hint: "Use at most 128 of A-Z a-z 0-9 . _ / # - in a marker id.",
    });
  }
  return id === undefined ? `<!-- codexrel:${kind} -->` : `<!-- codexrel:${kind}:${id} -->`;
}

/** Every marker in a comment body, in order. */
export function parseMarkers(body: string): Marker[] {
  const out: Marker[] = [];
  for (const m of body.matchAll(MARKER_RE)) {
    out.push(m[2] === undefined ? { kind: m[1] as string } : { kind: m[1] as string, id: m[2] });
  }
  return out;
}

/** True when `body` carries exactly this marker (kind and id both match; no id matches no id). */
export function hasMarker(body: string, kind: string, id?: string): boolean {
  return parseMarkers(body).some((m) => m.kind === kind && m.id === id);
}
