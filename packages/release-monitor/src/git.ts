/**
 * git through a small exec port. The default port spawns `git` without a shell, never prompts
 * (GIT_TERMINAL_PROMPT=0), and caps what it keeps of stdout while still counting the rest, so a
 * huge diff is cut with its real size known. Every upstream operation here works in a bare
 * repository we create: no checkout, no hooks, no upstream config is ever run.
 */
import { spawn } from "node:child_process";
import { CodexrelError, redact } from "@codexrel/core";
import { ReleaseMonitorErrorCodes as Codes } from "./errors.js";

export interface GitRunOptions {
  cwd?: string;
  /** Keep at most this many bytes of stdout (the rest is counted in totalBytes). */
  maxOutputBytes?: number;
  /** Kill git after this long. Default 10 minutes. */
  timeoutMs?: number;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout was longer than maxOutputBytes and was cut. */
  truncated: boolean;
  /** Bytes git wrote to stdout in all. */
  totalBytes: number;
}

export type GitPort = (args: readonly string[], options?: GitRunOptions) => Promise<GitResult>;

export interface CreateGitPortOptions {
  /** The environment git runs with (the edge hands in process.env). */
  env: Record<string, string | undefined>;
  /** The git executable. Default "git". */
  git?: string;
}

const STDERR_CAP = 64 * 1024;

export function createGitPort(options: CreateGitPortOptions): GitPort {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", GIT_PAGER: "cat" });
  const git = options.git ?? "git";
  return (args, runOptions = {}) =>
    new Promise((resolve, reject) => {
      const max = runOptions.maxOutputBytes ?? Number.POSITIVE_INFINITY;
      const child = spawn(git, [...args], {
        cwd: runOptions.cwd,
        env,
        stdio: ["ignore", "pipe", "pipe"],
        windowsHide: true,
      });
      const out: Buffer[] = [];
      let kept = 0;
      let total = 0;
      let truncated = false;
      let stderr = "";
      const timer = setTimeout(() => child.kill("SIGKILL"), runOptions.timeoutMs ?? 600_000);
      child.stdout.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (kept >= max) {
          truncated = true;
          return;
        }
        const room = max - kept;
        if (chunk.length > room) {
          out.push(chunk.subarray(0, room));
          kept += room;
          truncated = true;
        } else {
          out.push(chunk);
          kept += chunk.length;
        }
      });
      child.stderr.on("data", (chunk: Buffer) => {
        if (stderr.length < STDERR_CAP) stderr += chunk.toString("utf8");
      });
      child.on("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (error.code === "ENOENT") {
          reject(
            new CodexrelError(Codes.GIT_NOT_FOUND, `git was not found (${git})`, {
              hint: "Install git and put it on PATH (GitHub-hosted runners have it).",
              cause: error,
            }),
          );
        } else reject(error);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({
          exitCode: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: stderr.slice(0, STDERR_CAP),
          truncated,
          totalBytes: total,
        });
      });
    });
}

/** Runs git and throws GIT_FAILED (with git's first error line, redacted) unless it exits 0. */
export async function gitOk(
  git: GitPort,
  args: readonly string[],
  what: string,
  options?: GitRunOptions,
): Promise<GitResult> {
  const r = await git(args, options);
  if (r.exitCode !== 0) {
    const line =
      r.stderr
        .split("\n")
        .map((l) => l.trim())
        .find((l) => /^(fatal|error):/.test(l)) ??
      r.stderr.trim().split("\n")[0] ??
      "";
    throw new CodexrelError(Codes.GIT_FAILED, redact(`${what}: git exited ${r.exitCode}${line ? `: ${line}` : ""}`), {
      hint: "Check the upstream url (reachable, public or readable with the runner's credentials) and the tag names.",
      details: { exitCode: r.exitCode },
    });
  }
  return r;
}

/** URLs may carry credentials (https://user:token@host/...): never print them. */
export function displayUrl(url: string): string {
  return redact(url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, "$1***@"));
}

export interface RemoteTag {
  tag: string;
  /** The commit (annotated tags peeled) or, when git did not peel, the tag object. */
  sha: string;
}

/** Every tag of a remote (`git ls-remote --tags`), annotated tags peeled to their commit. */
export async function listRemoteTags(git: GitPort, url: string): Promise<RemoteTag[]> {
  const r = await gitOk(git, ["ls-remote", "--tags", url], `list tags of ${displayUrl(url)}`);
  const direct = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of r.stdout.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/tags\/(.+)$/.exec(line.trim());
    if (!m) continue;
    const [, sha, ref] = m as unknown as [string, string, string];
    if (ref.endsWith("^{}")) peeled.set(ref.slice(0, -3), sha);
    else direct.set(ref, sha);
  }
  return [...direct.entries()].map(([tag, sha]) => ({ tag, sha: peeled.get(tag) ?? sha }));
}

/** Creates a bare repository in `dir` and fetches exactly these tags (and their history) into it. */
export async function fetchTags(git: GitPort, dir: string, url: string, tags: readonly string[]): Promise<void> {
  await gitOk(git, ["init", "--bare", "--quiet", dir], "create a temporary repository");
  const refspecs = tags.map((t) => `+refs/tags/${t}:refs/tags/${t}`);
  await gitOk(
    git,
    [
      "-C",
      dir,
      "-c",
      "protocol.version=2",
      "fetch",
      "--quiet",
      "--no-tags",
      "--no-recurse-submodules",
      url,
      ...refspecs,
    ],
    `fetch ${tags.join(", ")} from ${displayUrl(url)}`,
  );
}

export interface RangeOptions {
  /** null: from the empty tree (the first tag). */
  fromTag: string | null;
  toTag: string;
  maxDiffBytes: number;
  maxCommits: number;
}

export interface RangeContext {
  fromSha: string | null;
  toSha: string;
  diffStat: string;
  stat: { files: number; insertions: number; deletions: number };
  diff: string;
  diffBytes: number;
  diffTotalBytes: number;
  diffTruncated: boolean;
  log: string;
  commits: number;
  totalCommits: number;
  logTruncated: boolean;
}

const ref = (tag: string) => `refs/tags/${tag}`;

/** `git diff --stat`, the raw diff (capped) and `git log` between two fetched tags. */
export async function rangeContext(git: GitPort, dir: string, options: RangeOptions): Promise<RangeContext> {
  const at = (args: string[]) => ["-C", dir, ...args];
  const toSha = (
    await gitOk(git, at(["rev-parse", `${ref(options.toTag)}^{commit}`]), `resolve ${options.toTag}`)
  ).stdout.trim();
  const fromSha =
    options.fromTag === null
      ? null
      : (
          await gitOk(git, at(["rev-parse", `${ref(options.fromTag)}^{commit}`]), `resolve ${options.fromTag}`)
        ).stdout.trim();
  const base =
    fromSha ?? (await gitOk(git, at(["hash-object", "-t", "tree", "/dev/null"]), "empty tree")).stdout.trim();
  const diffArgs = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M"];
  const stat = await gitOk(git, at([...diffArgs, "--stat=200", "--stat-graph-width=40", base, toSha]), "diff --stat");
  const diff = await gitOk(git, at([...diffArgs, base, toSha]), "diff", { maxOutputBytes: options.maxDiffBytes });
  const range = fromSha ? `${fromSha}..${toSha}` : toSha;
  const log = await gitOk(
    git,
    at([
      "log",
      "--no-color",
      `--max-count=${options.maxCommits}`,
      "--date=short",
      "--format=%h %ad %an%n    %s",
      range,
    ]),
    "log",
  );
  const count = await gitOk(git, at(["rev-list", "--count", range]), "count commits");
  const totalCommits = Number(count.stdout.trim()) || 0;
  let diffText = diff.stdout;
  if (diff.truncated) {
    // Cut at a line boundary so the last line is never half a line (or half a character).
    const lastNewline = diffText.lastIndexOf("\n");
    diffText = lastNewline > 0 ? diffText.slice(0, lastNewline + 1) : "";
  }
  const commits = log.stdout.split("\n").filter((l) => l !== "" && !l.startsWith("    ")).length;
  return {
    fromSha,
    toSha,
    diffStat: stat.stdout,
    stat: parseStatSummary(stat.stdout),
    diff: diffText,
    diffBytes: Buffer.byteLength(diffText),
    diffTotalBytes: diff.totalBytes,
    diffTruncated: diff.truncated,
    log: log.stdout,
    commits,
    totalCommits,
    logTruncated: totalCommits > commits,
  };
}

/** The last line of `git diff --stat`: "3 files changed, 10 insertions(+), 2 deletions(-)". */
export function parseStatSummary(stat: string): { files: number; insertions: number; deletions: number } {
  const line = stat.trimEnd().split("\n").at(-1) ?? "";
  const num = (re: RegExp) => Number(re.exec(line)?.[1] ?? 0);
  return {
    files: num(/(\d+) files? changed/),
    insertions: num(/(\d+) insertions?\(\+\)/),
    deletions: num(/(\d+) deletions?\(-\)/),
  };
}
