/** Path globs as the official cache and upload-artifact actions expand them. */
import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";

/** Expands an absolute glob: searched from its fixed prefix, so patterns outside the workspace work too. */
export function globAbsolute(pattern: string, excludes: string[], onlyFiles: boolean): string[] {
  const base = searchPath(pattern);
  if (!existsSync(base)) return [];
  const rest = relative(base, pattern);
  const ignore = excludes.map((e) => relative(base, e));
  return globSync(rest, { cwd: base, absolute: true, dot: true, onlyFiles, expandDirectories: false, ignore }).map(
    (f) => resolve(f),
  );
}

/** The part of a pattern before its first glob segment (what @actions/upload-artifact calls the search path). */
export function searchPath(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || "/";
}

export function commonAncestor(paths: string[]): string {
  if (paths.length === 0) return "/";
  const split = paths.map((p) => p.split(sep));
  const first = split[0]!;
  let n = first.length;
  for (const s of split) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}
