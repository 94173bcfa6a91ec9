/**
 * The `uses:` lines of actions codexrel does not own (actions/checkout, changesets/action...) in
 * the files users copy or the project runs: examples, .github/workflows, the composite actions and
 * the READMEs' snippets. Read as text, not YAML, because the version lives in the trailing comment
 * (`uses: actions/checkout@<sha> # v7.0.1`, the form Dependabot keeps up to date).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface OfficialUse {
  /** Repository-relative path, `/`-separated. */
  file: string;
  line: number;
  /** `owner/repo[/path]` as written. */
  action: string;
  /** `owner/repo`, lower-cased: one pin per repository (cache/restore and cache/save share one). */
  repo: string;
  ref: string;
  /** The trailing comment without `#`, trimmed; "" when there is none. */
  comment: string;
}

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(["']?)([^\s"'#]+)\1\s*(?:#\s*(.*))?$/;

/** The official `uses:` of one file's text; local (`./`), docker, codexrel's own and expression values are skipped. */
export function officialUses(file: string, text: string): OfficialUse[] {
  const found: OfficialUse[] = [];
  text.split("\n").forEach((lineText, i) => {
    const m = USES_LINE.exec(lineText);
    const value = m?.[2];
    if (!value || value.startsWith("./") || value.startsWith("docker://") || value.includes("${{")) return;
    const at = value.lastIndexOf("@");
    if (at <= 0) return;
    const action = value.slice(0, at);
    const [owner = "", name = ""] = action.toLowerCase().split("/");
    if (owner === "codexrel") return;
    found.push({
      file,
      line: i + 1,
      action,
      repo: `${owner}/${name}`,
      ref: value.slice(at + 1),
      comment: (m?.[3] ?? "").trim(),
    });
  });
  return found;
}

const FULL_SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+\.\d+\.\d+$/;

/** Each use not pinned by full SHA with a `# vX.Y.Z` comment, and each repository pinned two ways. */
export function pinProblems(uses: readonly OfficialUse[]): string[] {
  const problems: string[] = [];
  const pins = new Map<string, Map<string, string[]>>();
  for (const u of uses) {
    const where = `${u.file}:${u.line}`;
    if (!FULL_SHA.test(u.ref)) problems.push(`${where}: ${u.action}@${u.ref} is not pinned by a full commit SHA`);
    else if (!VERSION_COMMENT.test(u.comment))
      problems.push(`${where}: ${u.action}@${u.ref} needs its version as a trailing comment (# vX.Y.Z)`);
    const pin = `${u.ref} # ${u.comment}`;
    const byPin = pins.get(u.repo) ?? new Map<string, string[]>();
    byPin.set(pin, [...(byPin.get(pin) ?? []), where]);
    pins.set(u.repo, byPin);
  }
  for (const [repo, byPin] of pins) {
    if (byPin.size > 1) {
      const listed = [...byPin].map(([pin, wheres]) => `${pin} (${wheres.join(", ")})`).join("; ");
      problems.push(`${repo} is pinned ${byPin.size} ways: ${listed}`);
    }
  }
  return problems;
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "reports", "test-results"]);

function walk(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : walk(join(dir, e.name), keep);
    return e.isFile() && keep(e.name) ? [join(dir, e.name)] : [];
  });
}

const isYaml = (name: string) => /\.ya?ml$/.test(name);

/** The files whose `uses:` the project vouches for, repository-relative. */
export function pinnedFiles(root: string): string[] {
  const files = [
    ...walk(join(root, "examples"), (n) => isYaml(n) || n.endsWith(".md")),
    ...walk(join(root, ".github", "workflows"), isYaml),
    ...walk(join(root, "actions"), (n) => /^action\.ya?ml$/.test(n) || n === "README.md"),
    ...walk(join(root, "packages"), (n) => n === "README.md"),
    join(root, "README.md"),
  ];
  return files.map((f) => relative(root, f).split(sep).join("/")).sort();
}

/** Every official `uses:` of the pinned files. */
export function repoOfficialUses(root: string): OfficialUse[] {
  return pinnedFiles(root).flatMap((file) => officialUses(file, readFileSync(join(root, file), "utf8")));
}
