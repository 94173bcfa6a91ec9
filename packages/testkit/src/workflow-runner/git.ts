/**
 * Each simulated repository is a real bare git repository. Jobs clone it over a local path and
 * push back to it; a pre-receive hook asks the fake GitHub whether the pushing token may write
 * (`contents: write`, and `workflows` for files under `.github/workflows/`), and the fake then
 * records the new refs and the `push` event.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { WorkflowError, WorkflowErrorCodes } from "./errors.js";

/** Environment for the simulation's own git commands: no user or system config leaks in. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "codexrel-sim",
    GIT_AUTHOR_EMAIL: "sim@codexrel.invalid",
    GIT_COMMITTER_NAME: "codexrel-sim",
    GIT_COMMITTER_EMAIL: "sim@codexrel.invalid",
    GIT_TERMINAL_PROMPT: "0",
  };
}

export function git(args: string[], opts: { cwd: string; home: string; input?: string; allowFail?: boolean }): string {
  const r = spawnSync("git", args, {
    cwd: opts.cwd,
    env: gitEnv(opts.home),
    encoding: "utf8",
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && !opts.allowFail) {
    throw new WorkflowError(
      WorkflowErrorCodes.WORKFLOW_GIT_FAILED,
      `git ${args.join(" ")} failed in ${opts.cwd}: ${(r.stderr || r.error?.message || "").trim()}`,
      "Check the files and refs the test seeded.",
    );
  }
  return r.status === 0 ? r.stdout.trim() : "";
}

export interface RepoSeed {
  /** Files of the first commit: path -> content, or a folder to copy (without its .git). */
  files?: Record<string, string> | string;
  defaultBranch?: string;
}

/** The pre-receive hook: posts the ref updates and changed paths to the fake, exits 1 on denial. */
function hookScript(fakeUrl: string, fullName: string): string {
  return `#!${process.execPath}
// codexrel testkit pre-receive hook for ${fullName}
const { execFileSync } = require("node:child_process");
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  const updates = input.trim().split("\\n").filter(Boolean).map((l) => {
    const [oldSha, newSha, ref] = l.split(" ");
    return { oldSha, newSha, ref };
  });
  const zero = /^0+$/;
  const paths = new Set();
  for (const u of updates) {
    if (zero.test(u.newSha)) continue;
    // Only the commits the push brings: a new branch's commits not reachable from any ref yet.
    const range = zero.test(u.oldSha) ? [u.newSha, "--not", "--all"] : [u.oldSha + ".." + u.newSha];
    try {
      const out = execFileSync("git", ["log", "--format=", "--name-only", ...range], { encoding: "utf8" });
      for (const p of out.split("\\n")) if (p.trim()) paths.add(p.trim());
    } catch {}
  }
  const res = await fetch(${JSON.stringify(`${fakeUrl}/_testkit/git/receive`)}, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ repo: ${JSON.stringify(fullName)}, token: process.env.CODEXREL_GIT_TOKEN || "", updates, paths: [...paths] }),
  });
  const answer = await res.json();
  if (!answer.ok) {
    for (const line of answer.message.split("\\n")) process.stderr.write(line + "\\n");
    process.exit(1);
  }
});
`;
}

/** Creates `<root>/<owner>/<name>.git` with one commit on the default branch; returns the bare path. */
export function createBareRepo(
  root: string,
  home: string,
  fullName: string,
  seed: RepoSeed,
  fakeUrl: string,
): { bare: string; sha: string } {
  const bare = join(root, `${fullName}.git`);
  const branch = seed.defaultBranch ?? "main";
  mkdirSync(bare, { recursive: true });
  git(["init", "--quiet", "--bare", `--initial-branch=${branch}`], { cwd: bare, home });
  // actions/checkout fetches the event SHA by id.
  git(["config", "uploadpack.allowAnySHA1InWant", "true"], { cwd: bare, home });
  const work = mkdtempSync(join(root, "seed-"));
  try {
    git(["init", "--quiet", `--initial-branch=${branch}`], { cwd: work, home });
    if (typeof seed.files === "string") {
      cpSync(seed.files, work, { recursive: true, filter: (src) => !/[\\/]\.git([\\/]|$)/.test(src) });
    } else {
      for (const [path, content] of Object.entries(seed.files ?? { "README.md": `# ${fullName}\n` })) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), content);
      }
    }
    git(["add", "--all"], { cwd: work, home });
    git(["commit", "--quiet", "--allow-empty", "-m", "initial commit"], { cwd: work, home });
    git(["push", "--quiet", bare, `HEAD:refs/heads/${branch}`], { cwd: work, home });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // The hook goes in after seeding: the seed is not a push anybody made.
  const hook = join(bare, "hooks", "pre-receive");
  writeFileSync(hook, hookScript(fakeUrl, fullName));
  chmodSync(hook, 0o755);
  return { bare, sha: revParse(bare, home, `refs/heads/${branch}`) };
}

export function revParse(bare: string, home: string, ref: string): string {
  return git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: bare, home, allowFail: true });
}

/** A file's content at a ref, or undefined when the file is not there. */
export function showFile(bare: string, home: string, ref: string, path: string): string | undefined {
  const r = spawnSync("git", ["show", `${ref}:${path.replace(/^\.\//, "")}`], {
    cwd: bare,
    env: gitEnv(home),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.status === 0 ? r.stdout : undefined;
}

/** Exports a tree at a ref into a folder (an action of a simulated repository, `owner/repo/path@ref`). */
export function exportTree(bare: string, home: string, ref: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const archive = spawnSync("git", ["archive", "--format=tar", ref], {
    cwd: bare,
    env: gitEnv(home),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (archive.status !== 0) {
    throw new WorkflowError(
      WorkflowErrorCodes.WORKFLOW_GIT_FAILED,
      `git archive ${ref} failed: ${archive.stderr.toString().trim()}`,
      "Push the ref the workflow uses to the simulated repository first.",
    );
  }
  const untar = spawnSync("tar", ["-x", "-C", into], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
}

/** Writes refs directly (the simulation acting as GitHub, e.g. `refs/pull/N/head`), bypassing the hook. */
export function updateRef(bare: string, home: string, ref: string, sha: string): void {
  git(["update-ref", ref, sha], { cwd: bare, home });
}

/**
 * GitHub's test merge of a pull request: `refs/pull/N/merge`, a merge commit of the head into the
 * base, with the base as first parent.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#pull_request
 */
export function createMergeRef(bare: string, home: string, number: number, baseSha: string, headSha: string): string {
  const tree = git(["merge-tree", "--write-tree", baseSha, headSha], { cwd: bare, home, allowFail: true }).split(
    "\n",
  )[0];
  if (!tree) return "";
  const sha = git(["commit-tree", tree, "-p", baseSha, "-p", headSha, "-m", `Merge ${headSha} into ${baseSha}`], {
    cwd: bare,
    home,
  });
  updateRef(bare, home, `refs/pull/${number}/merge`, sha);
  return sha;
}

/** Commits files onto a branch of the bare repository (a person pushing outside the simulation). */
export function commitFiles(
  bare: string,
  home: string,
  root: string,
  branch: string,
  files: Record<string, string>,
  message: string,
  from?: string,
): string {
  const work = mkdtempSync(join(root, "commit-"));
  try {
    git(["clone", "--quiet", bare, work], { cwd: root, home });
    const start = from ?? `origin/${branch}`;
    const exists = git(["rev-parse", "--verify", "--quiet", start], { cwd: work, home, allowFail: true });
    if (exists) git(["checkout", "--quiet", "-B", branch, start], { cwd: work, home });
    else git(["checkout", "--quiet", "--orphan", branch], { cwd: work, home });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    }
    git(["add", "--all"], { cwd: work, home });
    git(["commit", "--quiet", "--allow-empty", "-m", message], { cwd: work, home });
    const sha = git(["rev-parse", "HEAD"], { cwd: work, home });
    // Direct ref update: an outside push is seeded state, not a push the fake must authorize.
    git(["fetch", "--quiet", work, `+HEAD:refs/heads/${branch}`], { cwd: bare, home });
    return sha;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
