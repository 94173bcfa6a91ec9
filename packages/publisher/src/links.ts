/**
 * Link validation: a link in a report must be something a reader can open. Local or ephemeral
 * paths (`/tmp/...`, `file://`, the runner's temp dir, absolute paths, `..`) are refused, and a link
 * recorded as durable must be an https URL on a host other than this machine.
 */
import type { Artifact } from "@codexrel/core";
import { CodexrelError } from "@codexrel/core";
import { PublisherErrorCodes } from "./errors.js";

export interface LinkPolicy {
  /**
   * Directories whose contents vanish after the run (the runner's temp dir, the OS temp dir).
   * A link that contains one of them is refused.
   */
  ephemeralDirs?: readonly string[];
}

export interface LinkProblem {
  code: string;
  url: string;
  message: string;
}

/** Always-ephemeral roots, whatever the options say. */
const EPHEMERAL_ROOTS = ["/tmp", "/var/tmp", "/dev/shm", "/run/user"];

/** Normalises a directory for substring matching: forward slashes, no trailing slash. */
function normDir(dir: string): string {
  return dir.replace(/\\/g, "/").replace(/\/+$/, "");
}

function containsDir(url: string, dir: string): boolean {
  const d = normDir(dir);
  if (d.length < 2) return false;
  const u = url.replace(/\\/g, "/");
  let decoded = u;
  try {
    decoded = decodeURI(u);
  } catch {
    // keep the raw text
  }
  for (const text of new Set([u, decoded])) {
    let at = text.indexOf(d);
    while (at !== -1) {
      const after = text[at + d.length];
      if (after === undefined || after === "/" || after === "?" || after === "#") return true;
      at = text.indexOf(d, at + 1);
    }
  }
  return false;
}

/** Returns why `url` is not an acceptable link, or null when it is. */
export function checkLink(url: string, options: LinkPolicy & { durable?: boolean } = {}): LinkProblem | null {
  const problem = (code: string, message: string): LinkProblem => ({ code, url, message });
  const trimmed = url.trim();
  if (trimmed.length === 0) return problem(PublisherErrorCodes.LINK_EMPTY, "the link is empty");
  if (/^file:/i.test(trimmed)) {
    return problem(PublisherErrorCodes.LINK_LOCAL_PATH, `${url} is a file:// URL only this machine can open`);
  }
  const asPath = trimmed.replace(/\\/g, "/");
  for (const root of EPHEMERAL_ROOTS) {
    if (asPath === root || asPath.startsWith(`${root}/`)) {
      return problem(PublisherErrorCodes.LINK_EPHEMERAL_PATH, `${url} is under ${root}, which is gone after the run`);
    }
  }
  for (const dir of options.ephemeralDirs ?? []) {
    if (dir && containsDir(trimmed, dir)) {
      return problem(
        PublisherErrorCodes.LINK_EPHEMERAL_PATH,
        `${url} points into the temporary directory ${normDir(dir)}, which is gone after the run`,
      );
    }
  }
  if (/^(?:\/|~|[A-Za-z]:[\\/])/.test(trimmed) || trimmed.startsWith("\\")) {
    return problem(
      PublisherErrorCodes.LINK_LOCAL_PATH,
      `${url} is an absolute local path, not a link a reader can open`,
    );
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "https" && scheme !== "http") {
    return problem(
      PublisherErrorCodes.LINK_SCHEME,
      `${url} uses the ${scheme}: scheme; only https links are published`,
    );
  }
  if (scheme === undefined && /(?:^|\/)\.\.(?:\/|$)/.test(asPath)) {
    return problem(PublisherErrorCodes.LINK_LOCAL_PATH, `${url} climbs out of the output folder with ..`);
  }
  if (options.durable) {
    if (scheme !== "https") {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} is recorded as durable but is not an https URL`);
    }
    let host = "";
    try {
      host = new URL(trimmed).hostname.toLowerCase();
    } catch {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} is not a valid URL`);
    }
    if (
      host === "localhost" ||
      host.endsWith(".localhost") ||
      /^127\./.test(host) ||
      host === "[::1]" ||
      host === "0.0.0.0"
    ) {
      return problem(PublisherErrorCodes.LINK_NOT_DURABLE, `${url} points at this machine, not a durable host`);
    }
  }
  return null;
}

/** Every problem with the links of these artifacts (durable ones must be https). */
export function checkArtifactLinks(artifacts: readonly Artifact[], policy: LinkPolicy = {}): LinkProblem[] {
  const out: LinkProblem[] = [];
  for (const a of artifacts) {
    const p = checkLink(a.url, { ...policy, durable: a.durable });
    if (p) out.push(p);
  }
  return out;
}

/** Throws LINK_REJECTED listing every bad link; returns the artifacts unchanged when all are fine. */
export function assertArtifactLinks<T extends readonly Artifact[]>(artifacts: T, policy: LinkPolicy = {}): T {
  const problems = checkArtifactLinks(artifacts, policy);
  if (problems.length > 0) {
    throw new CodexrelError(
      PublisherErrorCodes.LINK_REJECTED,
      `${problems.length} artifact link(s) rejected; first: ${problems[0]?.message}`,
      {
        hint: "Publish the files to a destination that returns a link (local output folder, Actions artifact or branch); never link /tmp or file:// paths.",
        details: { problems },
      },
    );
  }
  return artifacts;
}

/**
 * Local or ephemeral paths that appear anywhere in a text (a comment body about to be posted):
 * `file://` URLs, `/tmp/...`-style paths and the given temp dirs. Empty when the text is clean.
 */
export function findLocalPaths(text: string, policy: LinkPolicy = {}): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/file:\/\/[^\s)>"'\]]*/gi)) found.add(m[0]);
  for (const root of EPHEMERAL_ROOTS) {
    const re = new RegExp(`(?<![\\w./-])${root.replace(/\//g, "\\/")}\\/[^\\s)>"'\\]]*`, "g");
    for (const m of text.matchAll(re)) found.add(m[0]);
  }
  for (const dir of policy.ephemeralDirs ?? []) {
    const d = normDir(dir);
    if (d.length < 2) continue;
    let at = text.indexOf(d);
    while (at !== -1) {
      const rest = /^[^\s)>"'\]]*/.exec(text.slice(at))?.[0] ?? d;
      found.add(rest);
      at = text.indexOf(d, at + d.length);
    }
  }
  // Sentence punctuation after a path is not part of it.
  return [...new Set([...found].map((f) => f.replace(/[.,;:!?]+$/, "")))];
}
