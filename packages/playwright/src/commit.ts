/**
 * The commit a CUJ run exercised: GitHub Actions' GITHUB_SHA / GITHUB_REPOSITORY / GITHUB_REF_NAME
 * from the environment the edge passes in (the reporter gives its own), else the checkout's
 * `git rev-parse`. Null when neither names a full commit sha.
 */
import { spawnSync } from "node:child_process";
import type { CommitIdentity } from "./bundle.js";

function git(cwd: string, args: string[]): string | null {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The commit from the environment (GitHub Actions) or the checkout, or null when neither says. */
export function detectCommit(cwd: string, env: Readonly<Record<string, string | undefined>>): CommitIdentity | null {
  const sha = (env.GITHUB_SHA ?? git(cwd, ["rev-parse", "HEAD"]) ?? "").toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha)) return null;
  const commit: CommitIdentity = { sha };
  const repository = env.GITHUB_REPOSITORY;
  if (repository && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) commit.repository = repository;
  const ref = env.GITHUB_REF_NAME ?? git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]);
  if (ref && ref !== "HEAD") commit.ref = ref;
  return commit;
}
