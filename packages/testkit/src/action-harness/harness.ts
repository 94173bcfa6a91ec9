/**
 * The action harness: runs `actions/<name>/action.yml` the way a GitHub runner runs a composite
 * action, in real processes, with the runner's files and variables. One harness is one job: runs
 * share the workspace, the exported env and PATH, the cache and the artifacts. One run of an action
 * is an ActionRun (action-run.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ActionRun } from "./action-run.js";
import { HarnessError, HarnessErrorCodes } from "./errors.js";
import type { JsonValue } from "./expressions.js";
import { loadAction } from "./load.js";
import { ArtifactStore, CacheStore, standInFor } from "./stand-ins.js";
import type { ActionHarnessOptions, ActionRunResult, HarnessEvent, RunActionOptions } from "./types.js";

export { STEP_SUMMARY_LIMIT_BYTES } from "./file-commands.js";

const DEFAULT_TOKEN = "ghs_codexrelHarnessFakeToken0000000000000";

/** The repository root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export interface HarnessPaths {
  root: string;
  workspace: string;
  home: string;
  temp: string;
  toolCache: string;
  fileCommands: string;
  eventPath: string;
  cache: string;
  artifacts: string;
}

export class ActionHarness {
  readonly paths: HarnessPaths;
  readonly repoRoot: string;
  readonly cache: CacheStore;
  /** Read-only caches searched after `cache` (other scopes the run may restore from). */
  readonly cacheFallbacks: CacheStore[];
  readonly artifacts: ArtifactStore;
  private readonly options: ActionHarnessOptions;
  private readonly event: HarnessEvent;
  private readonly github: Record<string, JsonValue>;
  /** Variables exported through GITHUB_ENV by earlier steps (the runner's global env). */
  private readonly globalEnv: Record<string, string> = {};
  /** Directories added through GITHUB_PATH (the runner's PrependPath list). */
  private readonly prependPath: string[] = [];
  private readonly masks = new Set<string>();
  private fileCounter = 0;

  constructor(options: ActionHarnessOptions = {}) {
    this.options = options;
    this.repoRoot = options.repoRoot ?? findRepoRoot();
    const root = mkdtempSync(join(tmpdir(), "codexrel-harness-"));
    this.paths = {
      root,
      workspace: options.workspace ? resolve(options.workspace) : join(root, "workspace"),
      home: options.home ? resolve(options.home) : join(root, "home"),
      temp: join(root, "runner-temp"),
      toolCache: join(root, "tool-cache"),
      fileCommands: join(root, "_runner_file_commands"),
      eventPath: join(root, "_github_workflow", "event.json"),
      cache: options.cacheDir ? resolve(options.cacheDir) : join(root, "cache"),
      artifacts: options.artifactsDir ? resolve(options.artifactsDir) : join(root, "artifacts"),
    };
    for (const p of [
      this.paths.workspace,
      this.paths.home,
      this.paths.temp,
      this.paths.toolCache,
      this.paths.fileCommands,
    ]) {
      mkdirSync(p, { recursive: true });
    }
    mkdirSync(dirname(this.paths.eventPath), { recursive: true });
    this.cache = new CacheStore(this.paths.cache);
    this.cacheFallbacks = (options.cacheFallbackDirs ?? [])
      .map((d) => resolve(d))
      .filter((d) => d !== this.paths.cache)
      .map((d) => new CacheStore(d));
    this.artifacts = new ArtifactStore(this.paths.artifacts);
    this.event = options.event ?? { name: "workflow_dispatch", payload: { inputs: {} } };
    writeFileSync(this.paths.eventPath, JSON.stringify(this.event.payload, null, 2));
    this.github = this.buildGitHubContext();
    const token = this.github["token"];
    if (typeof token === "string" && token !== "") this.masks.add(token);
  }

  private buildGitHubContext(): Record<string, JsonValue> {
    const o = this.options.github ?? {};
    const repository = (o.repository as string | undefined) ?? "codexrel/harness-fixture";
    const ref = (o.ref as string | undefined) ?? "refs/heads/main";
    const pr = this.event.payload["pull_request"] as { head?: { ref?: string }; base?: { ref?: string } } | undefined;
    const base: Record<string, JsonValue> = {
      action: "",
      action_path: "",
      action_ref: "",
      action_repository: "",
      actor: "codexrel-harness",
      api_url: "https://api.github.com",
      base_ref: pr?.base?.ref ?? "",
      event: this.event.payload as JsonValue,
      event_name: this.event.name,
      event_path: this.paths.eventPath,
      graphql_url: "https://api.github.com/graphql",
      head_ref: pr?.head?.ref ?? "",
      job: "harness",
      ref,
      ref_name: ref.replace(/^refs\/(heads|tags)\//, ""),
      ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
      repository,
      repository_owner: repository.split("/")[0] ?? "",
      retention_days: "90",
      run_attempt: "1",
      run_id: "4242",
      run_number: "1",
      server_url: "https://github.com",
      sha: "0000000000000000000000000000000000000001",
      token: DEFAULT_TOKEN,
      triggering_actor: "codexrel-harness",
      workflow: "harness",
      workflow_ref: `${repository}/.github/workflows/harness.yml@${ref}`,
      workspace: this.paths.workspace,
    };
    return { ...base, ...(o as Record<string, JsonValue>) };
  }

  private runnerContext(): Record<string, JsonValue> {
    return {
      os: process.platform === "darwin" ? "macOS" : process.platform === "win32" ? "Windows" : "Linux",
      arch: process.arch === "arm64" ? "ARM64" : process.arch === "arm" ? "ARM" : "X64",
      name: "codexrel-harness",
      environment: "self-hosted",
      temp: this.paths.temp,
      tool_cache: this.paths.toolCache,
      debug: this.options.debug ? "1" : "",
    };
  }

  /** Resolves an action name (`preflight` -> `<repo>/actions/preflight`) or a path. */
  resolveAction(action: string): string {
    if (isAbsolute(action)) return action;
    if (!action.includes("/") && !action.includes("\\")) return join(this.repoRoot, "actions", action);
    return resolve(this.repoRoot, action);
  }

  /** Runs the action once, as one step of this harness's job. */
  async run(actionRef: string, runOptions: RunActionOptions = {}): Promise<ActionRunResult> {
    const action = loadAction(this.resolveAction(actionRef));
    for (const step of action.steps) {
      if (step.kind === "uses" && !standInFor(step.uses)) {
        throw new HarnessError(
          HarnessErrorCodes.ACTION_USES_UNSUPPORTED,
          `${action.file}: step ${step.id || step.index + 1} uses '${step.uses}', which the harness cannot run`,
          "Composite actions may use actions/cache/restore, actions/cache/save and actions/upload-artifact (pinned with @ref); do the rest in a run: step.",
        );
      }
    }
    return new ActionRun(this, action, runOptions).execute();
  }

  /** Removes the harness's temp folder (the workspace, cache and artifacts too, unless they were given). */
  dispose(): void {
    rmSync(this.paths.root, { recursive: true, force: true });
  }

  // --- internals shared with ActionRun ------------------------------------------------------

  /** @internal */
  get state() {
    return {
      options: this.options,
      event: this.event,
      github: this.github,
      runner: this.runnerContext(),
      globalEnv: this.globalEnv,
      prependPath: this.prependPath,
      masks: this.masks,
    };
  }

  /** @internal A fresh empty file for one file command of one step. */
  newCommandFile(prefix: string): string {
    const file = join(this.paths.fileCommands, `${prefix}_${++this.fileCounter}`);
    writeFileSync(file, "");
    return file;
  }
}

/** Creates a harness (one job). Call `dispose()` when done. */
export function createActionHarness(options: ActionHarnessOptions = {}): ActionHarness {
  return new ActionHarness(options);
}

/** One-shot: a fresh harness, one run, then the harness is disposed (the result stays). */
export async function runAction(
  action: string,
  runOptions: RunActionOptions & { harness?: ActionHarnessOptions } = {},
): Promise<ActionRunResult> {
  const harness = createActionHarness(runOptions.harness);
  try {
    return await harness.run(action, runOptions);
  } finally {
    harness.dispose();
  }
}
