/**
 * The changelog draft for the decision section: the repository's pending changesets when there
 * are any (what the next release will say), otherwise the commit log since a revision. Returns
 * null — and the report says nothing — when neither source exists, rather than inventing text.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import parseChangeset from "@changesets/parse";

const exec = promisify(execFile);

export interface ChangelogOptions {
  /** Folder holding `.changeset/*.md`. */
  changesetsDir: string;
  /** Working directory for git. */
  repoDir: string;
  /** Revision the commit log starts from (exclusive); without it, the last `maxEntries` commits. */
  since?: string;
  maxEntries?: number;
}

export interface ChangelogDraft {
  source: "changesets" | "git-log";
  text: string;
}

export async function draftChangelog(options: ChangelogOptions): Promise<ChangelogDraft | null> {
  const max = options.maxEntries ?? 50;
  const fromChangesets = await fromChangesetFiles(options.changesetsDir, max);
  if (fromChangesets) return fromChangesets;
  return fromGitLog(options.repoDir, options.since, max);
}

async function fromChangesetFiles(dir: string, max: number): Promise<ChangelogDraft | null> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md").sort();
  } catch {
    return null;
  }
  const lines: string[] = [];
  for (const file of files) {
    try {
      const { releases, summary } = parseChangeset(await readFile(join(dir, file), "utf8"));
      if (releases.length === 0) continue;
      const packages = releases.map((r) => `${r.name} (${r.type})`).join(", ");
      lines.push(`- ${packages}: ${summary.trim().split(/\r?\n/)[0]}`);
    } catch {
      lines.push(`- ${file}: (unreadable changeset)`);
    }
  }
  if (lines.length === 0) return null;
  const cut = lines.length > max ? [...lines.slice(0, max), `- … and ${lines.length - max} more`] : lines;
  return { source: "changesets", text: `From ${lines.length} pending changeset(s):\n${cut.join("\n")}` };
}

async function fromGitLog(repoDir: string, since: string | undefined, max: number): Promise<ChangelogDraft | null> {
  const range = since ? [`${since}..HEAD`] : [];
  try {
    const { stdout } = await exec("git", ["log", "--no-merges", `--max-count=${max}`, "--format=%h %s", ...range], {
      cwd: repoDir,
      maxBuffer: 4 * 1024 * 1024,
    });
    const commits = stdout.split("\n").filter((l) => l.trim() !== "");
    if (commits.length === 0) return null;
    const header = since ? `Commits since ${since}:` : `Last ${commits.length} commit(s):`;
    return { source: "git-log", text: `${header}\n${commits.map((c) => `- ${c}`).join("\n")}` };
  } catch {
    return null;
  }
}
