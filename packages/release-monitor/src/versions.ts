/**
 * Which tags count and which is newest. A tag pattern is a glob (`*` any text, `?` one
 * character), e.g. `v*` or `rust-v*`; the text after the pattern's literal prefix is the version.
 * Versions are ordered by semver (`semver`, loose: `v1.2.3`, `1.2` and `2024.05.01` all parse;
 * build metadata breaks ties, then the tag name). Tags that match but carry no version are
 * ignored and counted.
 */
import semver, { type SemVer } from "semver";

export interface VersionedTag {
  tag: string;
  version: SemVer;
  /** A semver prerelease (`-rc.1`), or a GitHub release marked prerelease. */
  prerelease: boolean;
}

export interface TagPattern {
  pattern: string;
  regex: RegExp;
  /** Literal text before the first wildcard; stripped before parsing the version. */
  prefix: string;
}

export function compileTagPattern(pattern: string): TagPattern {
  let source = "";
  for (const ch of pattern) {
    if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  const firstWildcard = pattern.search(/[*?]/);
  return {
    pattern,
    regex: new RegExp(`^${source}$`, "s"),
    prefix: firstWildcard === -1 ? pattern : pattern.slice(0, firstWildcard),
  };
}

/** The version a tag carries under a pattern, or null (the tag does not match, or is no version). */
export function tagVersion(tag: string, pattern: TagPattern): SemVer | null {
  if (!pattern.regex.test(tag)) return null;
  const rest = tag.slice(pattern.prefix.length);
  const parsed = semver.parse(rest, { loose: true });
  if (parsed) return parsed;
  if (!/^v?\d/.test(rest)) return null;
  return semver.coerce(rest, { includePrerelease: true, loose: true });
}

/** Newest first: semver, then build metadata, then the tag name (descending). */
export function compareTagsDesc(a: VersionedTag, b: VersionedTag): number {
  return semver.compareBuild(b.version, a.version) || (a.tag < b.tag ? 1 : a.tag > b.tag ? -1 : 0);
}

export interface SelectOptions {
  pattern: string;
  prereleases: boolean;
  /** Tags GitHub marks as prerelease releases (releases source). */
  prereleaseTags?: ReadonlySet<string>;
}

export interface Selection {
  /** Matching tags with a version, newest first (prereleases dropped unless asked for). */
  candidates: VersionedTag[];
  /** Tags that matched the pattern but carry no version. */
  unversioned: string[];
  /** Prereleases left out because prereleases are off. */
  prereleasesSkipped: number;
  /** Tags that did not match the pattern. */
  nonMatching: number;
}

export function selectTags(tags: Iterable<string>, options: SelectOptions): Selection {
  const pattern = compileTagPattern(options.pattern);
  const candidates: VersionedTag[] = [];
  const unversioned: string[] = [];
  let prereleasesSkipped = 0;
  let nonMatching = 0;
  for (const tag of new Set(tags)) {
    if (!pattern.regex.test(tag)) {
      nonMatching++;
      continue;
    }
    const version = tagVersion(tag, pattern);
    if (!version) {
      unversioned.push(tag);
      continue;
    }
    const prerelease = version.prerelease.length > 0 || (options.prereleaseTags?.has(tag) ?? false);
    if (prerelease && !options.prereleases) {
      prereleasesSkipped++;
      continue;
    }
    candidates.push({ tag, version, prerelease });
  }
  candidates.sort(compareTagsDesc);
  return { candidates, unversioned: unversioned.sort(), prereleasesSkipped, nonMatching };
}

/**
 * Is `latest` newer than the last reviewed tag? By version when the reviewed tag carries one under
 * the pattern (so a reviewed `v2.0.0-rc.1` is not "older" than a stable `v1.9.0`), else by name.
 */
export function isNewer(latest: VersionedTag, lastReviewed: string, pattern: string): boolean {
  if (latest.tag === lastReviewed) return false;
  const reviewed = tagVersion(lastReviewed, compileTagPattern(pattern));
  if (!reviewed) return true;
  return semver.compareBuild(latest.version, reviewed) > 0;
}
