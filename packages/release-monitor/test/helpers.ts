/**
 * Real git repositories made in the test, used as upstreams: commits with fixed dates and
 * identities, lightweight and annotated tags. git runs with an isolated HOME and no system config.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createGitPort, type GitPort } from "@codexrel/release-monitor";

export interface Upstream {
  dir: string;
  /** Writes files (path -> content; null deletes) and commits them. Returns the commit sha. */
  commit(files: Record<string, string | null>, message: string): string;
  tag(name: string, options?: { annotated?: boolean; at?: string }): void;
  deleteTag(name: string): void;
  git(...args: string[]): string;
}

let clock = 0;

export function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Upstream Dev",
    GIT_AUTHOR_EMAIL: "dev@upstream.example",
    GIT_COMMITTER_NAME: "Upstream Dev",
    GIT_COMMITTER_EMAIL: "dev@upstream.example",
  };
}

export function makeUpstream(root: string, name = "upstream"): Upstream {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const env = gitEnv(root);
  const git = (...args: string[]): string => {
    clock += 60;
    const date = new Date(Date.UTC(2024, 0, 1) + clock * 1000).toISOString();
    const r = spawnSync("git", args, {
      cwd: dir,
      env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout.trim();
  };
  git("init", "--quiet", "--initial-branch=main");
  return {
    dir,
    git,
    commit(files, message) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) rmSync(full, { force: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
      }
      git("add", "--all");
      git("commit", "--quiet", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    tag(tagName, options = {}) {
      const at = options.at ?? "HEAD";
      if (options.annotated) git("tag", "-a", tagName, "-m", `release ${tagName}`, at);
      else git("tag", tagName, at);
    },
    deleteTag(tagName) {
      git("tag", "-d", tagName);
    },
  };
}

export function tempDir(prefix = "codexrel-rm-"): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

export function testGit(home: string): GitPort {
  return createGitPort({ env: gitEnv(home) });
}

/** A valid release-impact verdict for a context entry. */
export function verdict(
  entry: { repository: string; fromTag: string | null; toTag: string },
  findings: Array<Record<string, unknown>> = [],
  impact = findings.length > 0 ? "medium" : "none",
): Record<string, unknown> {
  return {
    schemaVersion: "1",
    upstream: { repository: entry.repository, fromTag: entry.fromTag, toTag: entry.toTag },
    impact,
    summary: findings.length > 0 ? "The config loader changed." : "Nothing here uses what changed.",
    findings,
  };
}

export function finding(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Finding ${id}`,
    severity: "medium",
    description: `Upstream changed ${id}.`,
    evidence: [{ file: "src/config.rs", line: 3, excerpt: "-old_key = 1\n+new_key = 1" }],
    mitigation: `Update our use of ${id}.`,
    ...extra,
  };
}
