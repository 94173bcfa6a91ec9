/**
 * Job-level stand-ins for the official actions the example workflows use, by their documented
 * contracts. Each one keeps the documented inputs and outputs; where it departs from the real
 * action, the comment says so.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseActionRef } from "../action-harness/action-ref.js";
import type { ArtifactStore, StandInResult } from "../action-harness/stand-ins.js";
import type { FakeGitHub } from "../fake-github/server.js";
import { git } from "./git.js";

export interface JobActionContext {
  workspace: string;
  home: string;
  /** The github context of the job (ref, sha, repository, token, event_name...). */
  github: Record<string, unknown>;
  fake: FakeGitHub;
  /** Bare repository of a simulated `owner/name`, undefined when the simulation has none. */
  bareOf(fullName: string): string | undefined;
  artifacts: ArtifactStore;
  prependPath(dir: string): void;
  warning(message: string): void;
  info(message: string): void;
}

export interface JobAction {
  name: string;
  inputs: Record<string, { default?: string }>;
  run(inputs: Record<string, string>, ctx: JobActionContext): StandInResult;
}

const bool = (s: string | undefined, dflt: boolean) =>
  s === undefined || s === "" ? dflt : s.trim().toLowerCase() === "true";

/**
 * actions/checkout (v7 README, "Usage"): with no `ref`, the ref and SHA of the event
 * (`github.ref`/`github.sha`), which is the default branch for `issues`/`issue_comment`/`schedule`
 * and `refs/pull/N/merge` for `pull_request`; `fetch-depth: 1` (0 = all history and tags);
 * `persist-credentials: true` keeps the token so later git commands can push.
 * https://github.com/actions/checkout#usage
 * Departures: the remote is the simulated bare repository (a local path), not https://github.com;
 * submodules, LFS, sparse checkout and `ssh-key` are not modelled (refused when set); a persisted
 * token reaches the pre-receive hook through `remote.origin.receivepack` instead of an
 * `http.extraheader`.
 */
export const checkout: JobAction = {
  name: "actions/checkout",
  inputs: {
    repository: {},
    ref: {},
    token: {},
    "ssh-key": {},
    "ssh-known-hosts": {},
    "ssh-strict": { default: "true" },
    "ssh-user": { default: "git" },
    "persist-credentials": { default: "true" },
    path: {},
    clean: { default: "true" },
    filter: {},
    "sparse-checkout": {},
    "sparse-checkout-cone-mode": { default: "true" },
    "fetch-depth": { default: "1" },
    "fetch-tags": { default: "false" },
    "show-progress": { default: "true" },
    lfs: { default: "false" },
    submodules: { default: "false" },
    "set-safe-directory": { default: "true" },
    "github-server-url": {},
    // v7: opt-in for fork PR code under pull_request_target/workflow_run (not modelled: the
    // simulated events check out what they name).
    "allow-unsafe-pr-checkout": { default: "false" },
  },
  run(inputs, ctx): StandInResult {
    for (const unsupported of ["ssh-key", "sparse-checkout", "filter"]) {
      if (inputs[unsupported]) return { outputs: {}, failed: `the checkout stand-in does not model '${unsupported}'` };
    }
    if (bool(inputs["lfs"], false) || !["", "false"].includes(inputs["submodules"] ?? "")) {
      return { outputs: {}, failed: "the checkout stand-in does not model lfs or submodules" };
    }
    const g = ctx.github;
    const repository = inputs["repository"] || String(g["repository"]);
    const sameRepo = repository.toLowerCase() === String(g["repository"]).toLowerCase();
    const token = inputs["token"] || String(g["token"] ?? "");
    const bare = ctx.bareOf(repository);
    if (!bare)
      return { outputs: {}, failed: `remote: Repository not found.\nfatal: repository '${repository}' not found` };
    const repo = ctx.fake.state.repo(repository);
    if (repo?.private && !canReadContents(ctx, token, repository)) {
      return {
        outputs: {},
        failed: `remote: Repository not found.\nfatal: repository 'https://github.com/${repository}/' not found`,
      };
    }
    // No ref: the event's ref and SHA for the triggering repository, else the default branch.
    let ref = inputs["ref"] ?? "";
    if (ref && !ref.startsWith("refs/") && !/^[0-9a-f]{40}$/.test(ref)) ref = `refs/heads/${ref}`;
    let sha = "";
    if (!ref && sameRepo) {
      ref = String(g["ref"] ?? "");
      sha = String(g["sha"] ?? "");
    }
    const dest = inputs["path"] ? resolve(ctx.workspace, inputs["path"]) : ctx.workspace;
    if (!dest.startsWith(ctx.workspace)) {
      return { outputs: {}, failed: `Repository path '${dest}' is not under '${ctx.workspace}'` };
    }
    if (bool(inputs["clean"], true) && existsSync(dest)) {
      for (const e of readdirSync(dest)) rmSync(join(dest, e), { recursive: true, force: true });
    }
    mkdirSync(dest, { recursive: true });
    const depth = Number(inputs["fetch-depth"] ?? "1");
    const home = ctx.home;
    git(["init", "--quiet", dest], { cwd: dirname(dest), home });
    git(["remote", "add", "origin", bare], { cwd: dest, home });
    const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
    const tags = depth === 0 || bool(inputs["fetch-tags"], false) ? ["--tags"] : ["--no-tags"];
    // Local clones ignore --depth unless the URL is file://.
    const url = `file://${bare}`;
    if (depth === 0)
      git(["fetch", "--quiet", "--tags", url, "+refs/heads/*:refs/remotes/origin/*"], { cwd: dest, home });
    let want = sha || ref;
    if (!want) want = `refs/heads/${ctx.fake.state.repo(repository)?.defaultBranch ?? "main"}`;
    if (!ref && !sha) ref = want;
    const local = ref.startsWith("refs/heads/")
      ? `refs/remotes/origin/${ref.slice(11)}`
      : ref.startsWith("refs/pull/")
        ? `refs/remotes/pull/${ref.slice(10)}`
        : ref.startsWith("refs/tags/")
          ? ref
          : "refs/remotes/origin/checkout";
    const wantRef = want.startsWith("refs/") || /^[0-9a-f]{40}$/.test(want) ? want : `refs/heads/${want}`;
    git(["fetch", "--quiet", ...depthArgs, ...tags, url, `+${wantRef}:${local}`], { cwd: dest, home, allowFail: true });
    const resolved = git(["rev-parse", "--verify", "--quiet", `${local}^{commit}`], {
      cwd: dest,
      home,
      allowFail: true,
    });
    if (!resolved) {
      return {
        outputs: {},
        failed: `The process '/usr/bin/git' failed with exit code 1: couldn't find remote ref ${want}`,
      };
    }
    if (ref.startsWith("refs/heads/")) {
      git(["checkout", "--quiet", "--force", "-B", ref.slice(11), resolved], { cwd: dest, home });
      git(["branch", "--quiet", "--set-upstream-to", `origin/${ref.slice(11)}`], { cwd: dest, home, allowFail: true });
    } else {
      git(["checkout", "--quiet", "--force", "--detach", resolved], { cwd: dest, home });
    }
    if (bool(inputs["persist-credentials"], true) && token) {
      // The persisted token travels with every later push from this checkout.
      git(["config", "--local", "remote.origin.receivepack", `env CODEXREL_GIT_TOKEN=${token} git-receive-pack`], {
        cwd: dest,
        home,
      });
    }
    ctx.info(`Checked out ${repository} at ${resolved} (${ref || "default branch"})`);
    return { outputs: { ref, commit: resolved } };
  },
};

function canReadContents(ctx: JobActionContext, token: string, repository: string): boolean {
  const t = ctx.fake.state.tokens.get(token);
  if (!t || t.revoked) return false;
  if (t.kind === "installation" || t.kind === "fine-grained") {
    const repos = t.repositories ?? "all";
    const granted = repos === "all" || repos.some((r) => r.toLowerCase() === repository.toLowerCase());
    return granted && t.permissions?.["contents"] !== undefined;
  }
  return (t.scopes ?? []).includes("repo");
}

/**
 * actions/setup-node (v7 README; v6.1 dropped `always-auth`): installs the requested Node and puts it on PATH; output
 * `node-version`. Departure: it puts the Node running the tests on PATH whatever the version asked
 * for, and warns when the major differs; `cache:` is accepted and does nothing (cache-hit false).
 * https://github.com/actions/setup-node#usage
 */
export const setupNode: JobAction = {
  name: "actions/setup-node",
  inputs: {
    "node-version": {},
    "node-version-file": {},
    "check-latest": { default: "false" },
    architecture: {},
    token: {},
    cache: {},
    "package-manager-cache": { default: "true" },
    "cache-dependency-path": {},
    "registry-url": {},
    scope: {},
    mirror: {},
    "mirror-token": {},
  },
  run(inputs, ctx): StandInResult {
    const wanted = (inputs["node-version"] ?? "").replace(/^v/, "").split(".")[0] ?? "";
    const have = process.versions.node.split(".")[0] ?? "";
    if (wanted && wanted !== have && !/^(lts|latest|current|node)/.test(wanted)) {
      ctx.warning(
        `setup-node stand-in: node-version ${inputs["node-version"]} asked, Node ${process.versions.node} used`,
      );
    }
    ctx.prependPath(dirname(process.execPath));
    return { outputs: { "node-version": `v${process.versions.node}`, "cache-hit": "false" } };
  },
};

/**
 * actions/download-artifact (v8 README): `name` downloads one artifact into `path` (default the
 * workspace); without `name`, every artifact of the run, each into `path/<name>`; output
 * `download-path`. Artifacts of the same run only (`run-id`/`github-token` are refused); the
 * stand-in's artifacts are folders, so v8's `skip-decompress: true` is refused too.
 * https://github.com/actions/download-artifact#usage
 */
export const downloadArtifact: JobAction = {
  name: "actions/download-artifact",
  inputs: {
    name: {},
    "artifact-ids": {},
    path: {},
    pattern: {},
    "merge-multiple": { default: "false" },
    "github-token": {},
    repository: {},
    "run-id": {},
    "skip-decompress": { default: "false" },
    "digest-mismatch": { default: "error" },
  },
  run(inputs, ctx): StandInResult {
    if (inputs["run-id"] || inputs["github-token"]) {
      return { outputs: {}, failed: "the download-artifact stand-in downloads artifacts of the same run only" };
    }
    if (bool(inputs["skip-decompress"], false)) {
      return { outputs: {}, failed: "the download-artifact stand-in does not model 'skip-decompress: true'" };
    }
    const base = inputs["path"]
      ? isAbsolute(inputs["path"])
        ? inputs["path"]
        : resolve(ctx.workspace, inputs["path"])
      : ctx.workspace;
    const name = inputs["name"] ?? "";
    if (name) {
      const found = ctx.artifacts.get(name);
      if (!found)
        return { outputs: {}, failed: `Unable to download artifact(s): Artifact not found for name: ${name}` };
      mkdirSync(base, { recursive: true });
      cpSync(found.dir, base, { recursive: true });
      return { outputs: { "download-path": base } };
    }
    for (const a of ctx.artifacts.list()) {
      const into = bool(inputs["merge-multiple"], false) ? base : join(base, a.name);
      mkdirSync(into, { recursive: true });
      cpSync(a.dir, into, { recursive: true });
    }
    return { outputs: { "download-path": base } };
  },
};

export const JOB_ACTIONS: JobAction[] = [checkout, setupNode, downloadArtifact];

/** The job action for a `uses:` value, by name whatever the ref (tag, branch or pinned SHA). */
export function jobActionFor(uses: string): JobAction | undefined {
  const name = parseActionRef(uses)?.name;
  return JOB_ACTIONS.find((a) => a.name === name);
}
