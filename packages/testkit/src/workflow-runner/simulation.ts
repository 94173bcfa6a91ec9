/**
 * A simulated GitHub for whole workflow runs: the fake GitHub (REST + GraphQL + token
 * permissions), one bare git repository per simulated repository, local checkouts registered for
 * `owner/repo/...@ref`, shared concurrency groups, and the events runs produce.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRepoRoot } from "../action-harness/harness.js";
import type { RecordedEvent } from "../fake-github/events.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/server.js";
import type { AddPullRequestOptions, FakeThread, RepoRole } from "../fake-github/state.js";
import { codexEntry } from "../fake-openai/codex.js";
import { ConcurrencyGroups } from "./concurrency.js";
import { WorkflowError, WorkflowErrorCodes } from "./errors.js";
import { commitFiles, createBareRepo, createMergeRef, exportTree, type RepoSeed, revParse, updateRef } from "./git.js";
import type { DefaultPermissions } from "./permissions.js";
import type { WorkflowEvent, WorkflowRunResult } from "./types.js";
import { startWorkflowRun } from "./workflow-run.js";

export interface WorkflowSimulationOptions {
  /** A fake GitHub to use (its lifetime stays the caller's); one is started when omitted. */
  fake?: FakeGitHub;
  /** codexrel's root (harness defaults); found from this file when omitted. */
  repoRoot?: string;
  /**
   * Local checkouts for `owner/repo/path@ref` that are not simulated repositories. Default:
   * `{ "codexrel/codexrel": repoRoot }` (this repository, whatever the ref).
   */
  actionRepos?: Record<string, string>;
  /** Repository secrets (`secrets.*`); GITHUB_TOKEN is added per job. */
  secrets?: Record<string, string>;
  /** Repository variables (`vars.*`). */
  vars?: Record<string, string>;
  /** The repository's default GITHUB_TOKEN permissions when a workflow has no `permissions:`. Default "restricted". */
  defaultPermissions?: DefaultPermissions;
  /** Test-process variables passed to scripts (PATH always is). */
  inheritEnv?: string[];
  /** Safety kill per step (not an assertion). Default 300000 ms. */
  stepTimeoutMs?: number;
}

export interface AddSimRepoOptions extends RepoSeed {
  private?: boolean;
  collaborators?: Record<string, RepoRole>;
}

export interface OpenPullRequestOptions extends Omit<AddPullRequestOptions, "headSha" | "headRef" | "baseRef"> {
  /** Branch of the head; created from the base with `files` when it does not exist. */
  head: string;
  base?: string;
  files?: Record<string, string>;
}

export interface StartRunOptions {
  /** `owner/name` of the simulated repository the workflow runs in. */
  repo: string;
  /** Path of the workflow in the repository (read at the run's commit), or an absolute file path. */
  workflow: string;
  /** The event; a RecordedEvent made with a GITHUB_TOKEN triggers nothing. */
  event: WorkflowEvent | RecordedEvent;
  /** Extra secrets for this run. */
  secrets?: Record<string, string>;
}

export interface RunHandle {
  runId: number;
  result: Promise<WorkflowRunResult>;
  /** Cancels the run (as "Cancel workflow" does): it stops after the current step. */
  cancel(): void;
}

export class WorkflowSimulation {
  readonly fake: FakeGitHub;
  readonly root: string;
  readonly repoRoot: string;
  readonly concurrency = new ConcurrencyGroups();
  readonly secrets: Record<string, string>;
  readonly vars: Record<string, string>;
  readonly defaultPermissions: DefaultPermissions;
  readonly inheritEnv: string[];
  readonly stepTimeoutMs: number;
  readonly runs: WorkflowRunResult[] = [];
  private readonly ownsFake: boolean;
  private readonly bares = new Map<string, string>();
  private readonly actionRepos: Map<string, string>;
  private readonly exported = new Map<string, string>();
  private runSeq = 0;
  private dirSeq = 0;
  readonly home: string;

  private constructor(fake: FakeGitHub, ownsFake: boolean, options: WorkflowSimulationOptions) {
    this.fake = fake;
    this.ownsFake = ownsFake;
    this.root = mkdtempSync(join(tmpdir(), "codexrel-sim-"));
    this.home = join(this.root, "home");
    mkdirSync(this.home, { recursive: true });
    this.repoRoot = options.repoRoot ?? findRepoRoot();
    const repos = options.actionRepos ?? { "codexrel/codexrel": this.repoRoot };
    this.actionRepos = new Map(Object.entries(repos).map(([k, v]) => [k.toLowerCase(), v]));
    this.secrets = { ...options.secrets };
    this.vars = { ...options.vars };
    this.defaultPermissions = options.defaultPermissions ?? "restricted";
    this.inheritEnv = options.inheritEnv ?? [];
    this.stepTimeoutMs = options.stepTimeoutMs ?? 300_000;
  }

  static async create(options: WorkflowSimulationOptions = {}): Promise<WorkflowSimulation> {
    const fake = options.fake ?? (await startFakeGitHub());
    return new WorkflowSimulation(fake, options.fake === undefined, options);
  }

  /** Events the runs' writes fired (comments, issues, pushes), in order. */
  get events(): RecordedEvent[] {
    return this.fake.state.events;
  }

  /** Tools put first on every job's PATH: `gh` (a stub: not modelled) and `codex` (the real CLI). */
  toolsDir(): string {
    const dir = join(this.root, "tools");
    const gh = join(dir, "gh");
    if (!existsSync(gh)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        gh,
        '#!/bin/sh\necho "gh: the GitHub CLI is not modelled by the codexrel workflow runner (it would call api.github.com)" >&2\nexit 127\n',
      );
      chmodSync(gh, 0o755);
      // The real Codex CLI (@openai/codex, installed with the testkit) as `codex`: the
      // examples' `npm install --global @openai/codex` cannot run offline.
      const entry = codexEntry();
      if (entry) {
        writeFileSync(
          join(dir, "codex"),
          `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(entry)} "$@"\n`,
        );
        chmodSync(join(dir, "codex"), 0o755);
      }
    }
    return dir;
  }

  /** A fresh folder under the simulation's temp root. */
  newDir(prefix: string): string {
    this.dirSeq += 1;
    const dir = join(this.root, "dirs", `${this.dirSeq}-${prefix.replace(/[^\w.-]+/g, "_")}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  nextRunId(): number {
    this.runSeq += 1;
    return this.runSeq;
  }

  /**
   * The actions/cache scope of a ref: each ref has its own folder; a run saves into its own ref's
   * and restores from it, then from the scopes `cacheReadScopes` names.
   * https://docs.github.com/en/actions/reference/workflows-and-actions/dependency-caching#restrictions-for-accessing-a-cache
   */
  /**
   * The other scopes a run may restore from, in the order the cache service searches them: "Workflow
   * runs can restore caches created in either the current branch or the default branch ... Workflow
   * runs triggered on a pull request can also restore caches created in the base branch" (and never
   * a child's or a sibling's: a run on the default branch cannot read a PR's `refs/pull/N/merge`).
   */
  cacheReadScopes(github: Record<string, unknown>, payload: Record<string, unknown>): string[] {
    const own = String(github["ref"] ?? "");
    const repo = this.fake.state.repo(String(github["repository"] ?? ""));
    const pr = payload["pull_request"] as { base?: { ref?: unknown } } | undefined;
    const base = own.startsWith("refs/pull/") && typeof pr?.base?.ref === "string" ? `refs/heads/${pr.base.ref}` : "";
    const scopes = [base, repo ? `refs/heads/${repo.defaultBranch}` : ""].filter((r) => r !== "" && r !== own);
    return [...new Set(scopes)];
  }

  cacheDirFor(ref: string): string {
    const dir = join(this.root, "cache", ref.replace(/[^\w.-]+/g, "_") || "_");
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Creates a simulated repository: fake GitHub state plus a bare git repository with one commit. */
  addRepo(fullName: string, options: AddSimRepoOptions = {}): { bare: string; sha: string } {
    const defaultBranch = options.defaultBranch ?? "main";
    const repo = this.fake.state.addRepo(fullName, {
      defaultBranch,
      ...(options.private !== undefined ? { private: options.private } : {}),
      ...(options.collaborators ? { collaborators: options.collaborators } : {}),
    });
    const created = createBareRepo(join(this.root, "git"), this.home, repo.fullName, options, this.fake.baseUrl);
    this.bares.set(repo.fullName.toLowerCase(), created.bare);
    repo.gitDir = created.bare;
    repo.refs.set(`refs/heads/${defaultBranch}`, created.sha);
    return created;
  }

  bareOf(fullName: string): string | undefined {
    return this.bares.get(fullName.toLowerCase());
  }

  private mustBare(fullName: string): string {
    const bare = this.bareOf(fullName);
    if (!bare) {
      throw new WorkflowError(
        WorkflowErrorCodes.WORKFLOW_REPO_UNKNOWN,
        `no simulated repository ${fullName}`,
        "Create it with sim.addRepo() first.",
      );
    }
    return bare;
  }

  /** A commit made outside any run (a person pushing): not authorized by the hook, no event. */
  commit(fullName: string, branch: string, files: Record<string, string>, message = "update"): string {
    const bare = this.mustBare(fullName);
    const repo = this.fake.state.repo(fullName)!;
    const from = revParse(bare, this.home, `refs/heads/${branch}`) ? undefined : `origin/${repo.defaultBranch}`;
    const sha = commitFiles(bare, this.home, this.newDir("commit"), branch, files, message, from);
    repo.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Creates a lightweight tag at a ref (a release tag made outside any run). */
  tag(fullName: string, tag: string, ref = "HEAD"): string {
    const bare = this.mustBare(fullName);
    const sha = revParse(bare, this.home, ref) || revParse(bare, this.home, `refs/heads/${ref}`);
    updateRef(bare, this.home, `refs/tags/${tag}`, sha);
    this.fake.state.repo(fullName)!.refs.set(`refs/tags/${tag}`, sha);
    return sha;
  }

  /** The sha a ref points to in the simulated repository ("" when it does not exist). */
  refSha(fullName: string, ref: string): string {
    return revParse(this.mustBare(fullName), this.home, ref);
  }

  /**
   * Opens a pull request from `head` into `base` (default branch): the fake's thread, and
   * `refs/pull/N/head` plus the test merge `refs/pull/N/merge` in the git repository.
   */
  openPullRequest(fullName: string, options: OpenPullRequestOptions): FakeThread {
    const bare = this.mustBare(fullName);
    const repo = this.fake.state.repo(fullName)!;
    const base = options.base ?? repo.defaultBranch;
    if (options.files || !revParse(bare, this.home, `refs/heads/${options.head}`)) {
      this.commit(fullName, options.head, options.files ?? { [`${options.head}.txt`]: `${options.head}\n` });
    }
    const headSha = revParse(bare, this.home, `refs/heads/${options.head}`);
    const baseSha = revParse(bare, this.home, `refs/heads/${base}`);
    const { head: _h, base: _b, files: _f, ...rest } = options;
    const thread = this.fake.state.addPullRequest(fullName, { ...rest, headRef: options.head, baseRef: base, headSha });
    updateRef(bare, this.home, `refs/pull/${thread.number}/head`, headSha);
    createMergeRef(bare, this.home, thread.number, baseSha, headSha);
    return thread;
  }

  /**
   * GitHub keeps `refs/pull/N/head` at a pull request's head and recomputes the test merge
   * `refs/pull/N/merge` when the head or the base moves (a `pull_request*` run checks out "the last
   * merge commit on the GITHUB_REF branch": docs.github.com/en/actions/reference/workflows-and-actions/
   * events-that-trigger-workflows#pull_request). A PR a run opened over the REST API, or one pushed to
   * since it opened, gets them here before an event's run reads them. A fork's head is not in this
   * repository: its refs stay as `openPullRequest` made them.
   */
  syncPullRequestRefs(fullName: string, number: number): void {
    const bare = this.bareOf(fullName);
    const t = this.fake.state.thread(fullName, number);
    if (!bare || t?.kind !== "pr" || t.state !== "open") return;
    if (!t.headRepo || t.headRepo.toLowerCase() !== fullName.toLowerCase()) return;
    const head = revParse(bare, this.home, `refs/heads/${t.headRef}`);
    const base = revParse(bare, this.home, `refs/heads/${t.baseRef}`);
    if (!head || !base) return;
    const current =
      revParse(bare, this.home, `refs/pull/${number}/head`) === head &&
      revParse(bare, this.home, `refs/pull/${number}/merge^1`) === base &&
      revParse(bare, this.home, `refs/pull/${number}/merge^2`) === head;
    if (current) return;
    updateRef(bare, this.home, `refs/pull/${number}/head`, head);
    createMergeRef(bare, this.home, number, base, head);
  }

  /**
   * A local folder holding `owner/repo` at `ref`: a registered checkout (any ref), or the
   * simulated repository's tree at that ref.
   */
  checkoutOf(fullName: string, ref: string): string {
    const registered = this.actionRepos.get(fullName.toLowerCase());
    if (registered) return registered;
    const bare = this.bareOf(fullName);
    if (!bare) {
      throw new WorkflowError(
        WorkflowErrorCodes.WORKFLOW_REPO_UNKNOWN,
        `Unable to resolve action \`${fullName}@${ref}\`, repository not found`,
        "Register a local checkout with actionRepos, or create the repository with sim.addRepo().",
      );
    }
    const key = `${fullName.toLowerCase()}@${ref}`;
    let dir = this.exported.get(key);
    if (!dir) {
      dir = this.newDir(`export-${fullName}-${ref}`);
      const sha =
        revParse(bare, this.home, ref) ||
        revParse(bare, this.home, `refs/heads/${ref}`) ||
        revParse(bare, this.home, `refs/tags/${ref}`);
      if (!sha) {
        throw new WorkflowError(
          WorkflowErrorCodes.WORKFLOW_REPO_UNKNOWN,
          `Unable to resolve action \`${fullName}@${ref}\`, unable to find version \`${ref}\``,
          "Push the ref to the simulated repository first.",
        );
      }
      exportTree(bare, this.home, sha, dir);
      this.exported.set(key, dir);
    }
    return dir;
  }

  /** The registered local checkout of `owner/repo`, if any. */
  registeredCheckout(fullName: string): string | undefined {
    return this.actionRepos.get(fullName.toLowerCase());
  }

  /** Starts a run (it may wait in its concurrency group); see `run` to await it. */
  start(options: StartRunOptions): RunHandle {
    return startWorkflowRun(this, options);
  }

  /** Runs a workflow for one event and returns its result. */
  run(options: StartRunOptions): Promise<WorkflowRunResult> {
    return this.start(options).result;
  }

  /** Removes every temp folder; closes the fake when the simulation started it. */
  async dispose(): Promise<void> {
    rmSync(this.root, { recursive: true, force: true });
    if (this.ownsFake) await this.fake.close();
  }

  /** True when `path` is an absolute file that exists (a workflow outside the repository). */
  static isFile(path: string): boolean {
    return path.startsWith("/") && existsSync(path);
  }
}

export function createWorkflowSimulation(options: WorkflowSimulationOptions = {}): Promise<WorkflowSimulation> {
  return WorkflowSimulation.create(options);
}
