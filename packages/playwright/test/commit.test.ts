/** The commit a CUJ run exercised, from the environment the edge passes in, else the checkout. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectCommit } from "../src/index.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), "codexrel-commit-"));
  dirs.push(d);
  return d;
}

describe("detectCommit", () => {
  it("takes GitHub Actions' variables from the env it is given, and drops a repository that is not owner/name", () => {
    expect(
      detectCommit(dir(), { GITHUB_SHA: SHA.toUpperCase(), GITHUB_REPOSITORY: "acme/app", GITHUB_REF_NAME: "main" }),
    ).toEqual({
      sha: SHA,
      repository: "acme/app",
      ref: "main",
    });
    expect(detectCommit(dir(), { GITHUB_SHA: SHA, GITHUB_REPOSITORY: "not a repo", GITHUB_REF_NAME: "main" })).toEqual({
      sha: SHA,
      ref: "main",
    });
  });

  it("falls back to the checkout's HEAD, and is null outside a repository or with a short sha", () => {
    const repo = dir();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();
    git("init", "-q", "-b", "release");
    writeFileSync(join(repo, "a.txt"), "a\n");
    git("add", "a.txt");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "a");
    expect(detectCommit(repo, {})).toEqual({ sha: git("rev-parse", "HEAD"), ref: "release" });
    expect(detectCommit(dir(), {})).toBeNull();
    expect(detectCommit(dir(), { GITHUB_SHA: "abc123" })).toBeNull();
  });
});
