/**
 * Which commit a CLI run judged: flags first, then GitHub Actions' default variables, then the git
 * checkout of the project (HEAD, its branch, `origin`'s owner/name), then the local user. Each
 * field comes from the first source that knows it; unknown stays null and the report says so.
 */
import { execFile } from "node:child_process";
import { userInfo } from "node:os";
import { promisify } from "node:util";
import { type CommitIdentity, commitIdentityFromActionsEnv, mergeCommitIdentity, normalizeSha } from "@codexrel/core";

const run = promisify(execFile);

export interface CommitFlags {
  sha?: string;
  ref?: string;
  repo?: string;
  runUrl?: string;
  event?: string;
  actor?: string;
}

export async function resolveCommitIdentity(
  flags: CommitFlags,
  env: Record<string, string | undefined>,
  dir: string,
): Promise<CommitIdentity> {
  const fromFlags: CommitIdentity = {
    sha: normalizeSha(flags.sha),
    ref: flags.ref ?? null,
    repository: flags.repo ?? null,
    runUrl: flags.runUrl && /^https?:\/\//.test(flags.runUrl) ? flags.runUrl : null,
    event: flags.event ?? null,
    actor: flags.actor ?? null,
  };
  const fromEnv = commitIdentityFromActionsEnv(env);
  const fromGit = await gitIdentity(dir, env);
  const local: CommitIdentity = { event: "local", actor: localUser(env) };
  return mergeCommitIdentity(fromFlags, fromEnv, fromGit, env.GITHUB_ACTIONS === "true" ? {} : local);
}

async function git(dir: string, env: Record<string, string | undefined>, ...args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run("git", ["-C", dir, ...args], {
      env: { PATH: env.PATH, HOME: env.HOME },
      timeout: 5000,
      encoding: "utf8",
    });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** The checkout's HEAD, branch and `origin` (owner/name from an https or ssh URL). Outside a checkout: nothing. */
export async function gitIdentity(dir: string, env: Record<string, string | undefined>): Promise<CommitIdentity> {
  const sha = normalizeSha(await git(dir, env, "rev-parse", "--verify", "-q", "HEAD"));
  if (!sha) return {};
  const ref = await git(dir, env, "symbolic-ref", "-q", "HEAD");
  const origin = await git(dir, env, "config", "--get", "remote.origin.url");
  const m = origin ? /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(origin) : null;
  return { sha, ref, repository: m ? `${m[1]}/${m[2]}` : null };
}

function localUser(env: Record<string, string | undefined>): string | null {
  try {
    return env.USER || userInfo().username || null;
  } catch {
    return null;
  }
}
