/**
 * What is new upstream: for each configured upstream, the newest matching release or tag against
 * the last reviewed one in the state file. Nothing new gives one clear line and no work.
 */
import { isAbsolute, resolve } from "node:path";
import { CodexrelError, toCodexrelError } from "@codexrel/core";
import type { ReleaseMonitorConfig, UpstreamConfig } from "./config.js";
import { ReleaseMonitorErrorCodes as Codes } from "./errors.js";
import { displayUrl, type GitPort, listRemoteTags } from "./git.js";
import type { ReleaseMonitorState } from "./state.js";
import { isNewer, type Selection, selectTags } from "./versions.js";

export interface UpstreamRelease {
  tagName: string;
  draft: boolean;
  prerelease: boolean;
}

/** Lists an upstream's GitHub releases (for `source: releases`). */
export type ReleasesPort = (repository: string) => Promise<UpstreamRelease[]>;

export type UpstreamStatusKind = "new" | "up-to-date" | "no-matching-tags" | "error";

export interface TagRef {
  tag: string;
  sha: string;
}

export interface UpstreamStatus {
  name: string;
  repository: string;
  /** The URL tags come from, with any credentials masked. */
  url: string;
  tagPattern: string;
  prereleases: boolean;
  source: UpstreamConfig["source"];
  status: UpstreamStatusKind;
  /** The one line a person reads. */
  line: string;
  lastReviewed: string | null;
  latest: TagRef | null;
  /** What the review compares against: the last reviewed tag, else the previous release, else null. */
  from: TagRef | null;
  /** Newer matching tags between `from` and `latest` that this review covers too. */
  skipped: string[];
  counts: { tags: number; matching: number; unversioned: number; prereleasesSkipped: number };
  error?: { code: string; message: string; hint: string };
}

export interface CheckOptions {
  config: ReleaseMonitorConfig;
  state: ReleaseMonitorState;
  git: GitPort;
  /** Needed only for upstreams with `source: releases`. */
  releases?: ReleasesPort | null;
  /** Only these upstream names (default all). */
  only?: readonly string[];
  /** Base of relative local paths in `url`: the repository root. */
  root: string;
}

/** A local path (relative to `root`) or a URL git understands as is. */
export function resolveUpstreamUrl(url: string, root: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/\\]+@[^:/\\]+:/.test(url) || /^file:/i.test(url)) return url;
  return isAbsolute(url) ? url : resolve(root, url);
}

export async function checkUpstreams(options: CheckOptions): Promise<UpstreamStatus[]> {
  const wanted = options.only && options.only.length > 0 ? new Set(options.only) : null;
  if (wanted) {
    const unknown = [...wanted].filter((n) => !options.config.upstreams.some((u) => u.name === n));
    if (unknown.length > 0) {
      throw new CodexrelError("USAGE", `unknown upstream(s): ${unknown.join(", ")}`, {
        hint: `Configured: ${options.config.upstreams.map((u) => u.name).join(", ")}.`,
      });
    }
  }
  const out: UpstreamStatus[] = [];
  for (const upstream of options.config.upstreams) {
    if (wanted && !wanted.has(upstream.name)) continue;
    out.push(await checkOne(upstream, options));
  }
  return out;
}

function label(u: UpstreamConfig): string {
  return u.name === u.repository ? u.repository : `${u.name} (${u.repository})`;
}

function describeFilter(u: UpstreamConfig): string {
  return `${u.tagPattern} ${u.source === "releases" ? "release" : "tag"}${u.prereleases ? "" : " (prereleases off)"}`;
}

async function checkOne(upstream: UpstreamConfig, options: CheckOptions): Promise<UpstreamStatus> {
  const lastReviewed = options.state.upstreams[upstream.name]?.lastReviewedTag ?? null;
  const url = resolveUpstreamUrl(upstream.url, options.root);
  const base: UpstreamStatus = {
    name: upstream.name,
    repository: upstream.repository,
    url: displayUrl(url),
    tagPattern: upstream.tagPattern,
    prereleases: upstream.prereleases,
    source: upstream.source,
    status: "error",
    line: "",
    lastReviewed,
    latest: null,
    from: null,
    skipped: [],
    counts: { tags: 0, matching: 0, unversioned: 0, prereleasesSkipped: 0 },
  };
  try {
    const remote = await listRemoteTags(options.git, url);
    const shaOf = new Map(remote.map((t) => [t.tag, t.sha]));
    let names = remote.map((t) => t.tag);
    let prereleaseTags: Set<string> | undefined;
    if (upstream.source === "releases") {
      if (!options.releases) {
        throw new CodexrelError(
          Codes.RELEASE_MONITOR_RELEASES_NEED_TOKEN,
          `${upstream.name}: source "releases" reads GitHub releases, and no GitHub token was given`,
          { hint: "Set GITHUB_TOKEN (or GH_TOKEN), or use source: tags for this upstream." },
        );
      }
      const releases = (await options.releases(upstream.repository)).filter((r) => !r.draft);
      prereleaseTags = new Set(releases.filter((r) => r.prerelease).map((r) => r.tagName));
      const released = new Set(releases.map((r) => r.tagName));
      names = names.filter((n) => released.has(n));
    }
    const sel: Selection = selectTags(names, {
      pattern: upstream.tagPattern,
      prereleases: upstream.prereleases,
      ...(prereleaseTags ? { prereleaseTags } : {}),
    });
    base.counts = {
      tags: remote.length,
      matching: sel.candidates.length,
      unversioned: sel.unversioned.length,
      prereleasesSkipped: sel.prereleasesSkipped,
    };
    const newest = sel.candidates[0];
    if (!newest) {
      return {
        ...base,
        status: "no-matching-tags",
        line: `${label(upstream)}: no ${describeFilter(upstream)} among ${remote.length} tag(s); nothing to review`,
      };
    }
    const latest = { tag: newest.tag, sha: shaOf.get(newest.tag) as string };
    if (lastReviewed !== null && !isNewer(newest, lastReviewed, upstream.tagPattern)) {
      return {
        ...base,
        status: "up-to-date",
        latest,
        line: `${label(upstream)}: nothing new; last reviewed ${lastReviewed}, newest ${describeFilter(upstream)} is ${newest.tag}`,
      };
    }
    let from: UpstreamStatus["from"];
    let how: string;
    if (lastReviewed !== null) {
      const sha = shaOf.get(lastReviewed);
      if (!sha) {
        throw new CodexrelError(
          Codes.RELEASE_MONITOR_BASE_TAG_MISSING,
          `${upstream.name}: the last reviewed tag ${lastReviewed} no longer exists upstream`,
          {
            hint: `Set upstreams["${upstream.name}"].lastReviewedTag in the state file to an existing tag, or remove the entry to review ${newest.tag} against its previous release.`,
          },
        );
      }
      from = { tag: lastReviewed, sha };
      how = `since ${lastReviewed}`;
    } else {
      const previous = sel.candidates[1];
      from = previous ? { tag: previous.tag, sha: shaOf.get(previous.tag) as string } : null;
      how = previous
        ? `first review: compared with the previous release ${previous.tag}`
        : "first review: no earlier release, the whole tree is the diff";
    }
    const fromIndex = from ? sel.candidates.findIndex((c) => c.tag === from.tag) : sel.candidates.length;
    const skipped = sel.candidates.slice(1, fromIndex === -1 ? 1 : fromIndex).map((c) => c.tag);
    return {
      ...base,
      status: "new",
      latest,
      from,
      skipped,
      line: `${label(upstream)}: new release ${newest.tag} (${how}${skipped.length > 0 ? `; also covers ${skipped.length} release(s) in between` : ""})`,
    };
  } catch (error) {
    const coded = toCodexrelError(error);
    return {
      ...base,
      status: "error",
      line: `${label(upstream)}: ${coded.code}: ${coded.message}`,
      error: { code: coded.code, message: coded.message, hint: coded.hint },
    };
  }
}
