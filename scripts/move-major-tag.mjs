#!/usr/bin/env node
// Moves the floating major tag (v1) to a release tag (v1.4.2). One git tag serves both ways
// users call codexrel, so they move together: `uses: codexrel/codexrel/actions/<name>@v1` (the
// actions) and `uses: codexrel/codexrel/.github/workflows/codex-worker.yml@v1` (the reusable
// worker, which checks out the actions at its `codexrel-ref` input, default v1).
//
//   node scripts/move-major-tag.mjs v1.4.2 [--push] [--remote origin] [--dry-run]
//
// Refuses: a tag that is not vMAJOR.MINOR.PATCH, a prerelease (v1.5.0-rc.1 must never move v1),
// a tag that does not exist, and moving the major tag backwards (to an older commit than it has).
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const tag = args.find((a) => !a.startsWith("--"));
const push = args.includes("--push");
const dryRun = args.includes("--dry-run");
const remoteIndex = args.indexOf("--remote");
const remote = remoteIndex >= 0 ? args[remoteIndex + 1] : "origin";

function fail(message) {
  console.error(`move-major-tag: ${message}`);
  process.exit(2);
}
const git = (...a) => execFileSync("git", a, { encoding: "utf8" }).trim();
const tryGit = (...a) => {
  try {
    return git(...a);
  } catch {
    return null;
  }
};

if (!tag) fail("usage: move-major-tag.mjs <vMAJOR.MINOR.PATCH> [--push] [--remote name] [--dry-run]");
const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
if (!m) fail(`${tag} is not a release tag vMAJOR.MINOR.PATCH (prereleases never move the major tag)`);
const major = `v${m[1]}`;
const target = tryGit("rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`);
if (!target) fail(`tag ${tag} does not exist here (fetch tags first)`);
const current = tryGit("rev-parse", "--verify", "--quiet", `refs/tags/${major}^{commit}`);
if (current === target) {
  console.log(`${major} already points at ${tag} (${target.slice(0, 12)})`);
  process.exit(0);
}
// The worker callers name must exist at the release, or moving v1 would break every caller.
if (tryGit("cat-file", "-e", `${target}:.github/workflows/codex-worker.yml`) === null) {
  fail(`${tag} has no .github/workflows/codex-worker.yml: callers of the worker @${major} would break`);
}
if (current && tryGit("merge-base", "--is-ancestor", target, current) !== null) {
  fail(`${major} is at ${current.slice(0, 12)}, which already contains ${tag}: refusing to move it backwards`);
}
const plan = `${major}: ${current ? current.slice(0, 12) : "(new)"} -> ${target.slice(0, 12)} (${tag})`;
if (dryRun) {
  console.log(`would move ${plan}`);
  process.exit(0);
}
git("tag", "--force", "--annotate", major, target, "--message", `${major} -> ${tag}`);
if (push) git("push", "--force", remote, `refs/tags/${major}`);
console.log(`moved ${plan}${push ? ` and pushed to ${remote}` : ""}`);
