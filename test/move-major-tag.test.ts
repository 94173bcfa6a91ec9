import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";

const script = join(import.meta.dirname, "..", "scripts", "move-major-tag.mjs");
let repo: string;
const git = (...a: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...a], { cwd: repo, encoding: "utf8" }).trim();
const run = (...a: string[]) => spawnSync(process.execPath, [script, ...a], { cwd: repo, encoding: "utf8" });
const commit = (msg: string, worker = true) => {
  writeFileSync(join(repo, "f.txt"), msg);
  if (worker) {
    mkdirSync(join(repo, ".github", "workflows"), { recursive: true });
    writeFileSync(join(repo, ".github", "workflows", "codex-worker.yml"), `# ${msg}\n`);
  }
  git("add", ".");
  git("commit", "-qm", msg);
  return git("rev-parse", "HEAD");
};

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "codexrel-tag-"));
  git("init", "-q");
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

test("moves v1 forward to each release, refuses prereleases, unknown tags and moving backwards", () => {
  const c1 = commit("one");
  git("tag", "v1.0.0");
  expect(run("v1.0.0").status).toBe(0);
  expect(git("rev-parse", "v1^{commit}")).toBe(c1);

  const c2 = commit("two");
  git("tag", "v1.1.0");
  git("tag", "v1.2.0-rc.1");
  expect(run("v1.2.0-rc.1").status).toBe(2);
  expect(run("v1.9.9").status).toBe(2);
  expect(run("v1.1.0", "--dry-run").stdout).toContain("would move v1:");
  expect(git("rev-parse", "v1^{commit}")).toBe(c1);
  expect(run("v1.1.0").status).toBe(0);
  expect(git("rev-parse", "v1^{commit}")).toBe(c2);

  const back = run("v1.0.0");
  expect(back.status).toBe(2);
  expect(back.stderr).toContain("refusing to move it backwards");
  expect(git("rev-parse", "v1^{commit}")).toBe(c2);
  expect(run("v1.1.0").stdout).toContain("already points at v1.1.0");
});

test("one tag moves the actions and the reusable worker together; a release without the worker is refused", () => {
  commit("one");
  git("tag", "v1.0.0");
  expect(run("v1.0.0").status).toBe(0);
  // The worker file callers name (`codexrel/codexrel/.github/workflows/codex-worker.yml@v1`) is at v1.
  expect(git("show", "v1:.github/workflows/codex-worker.yml")).toBe("# one");
  git("rm", "-q", ".github/workflows/codex-worker.yml");
  commit("worker removed", false);
  git("tag", "v1.1.0");
  const r = run("v1.1.0");
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("callers of the worker @v1 would break");
  expect(git("show", "v1:.github/workflows/codex-worker.yml")).toBe("# one");
});
