/**
 * The action harness: runs `actions/<name>/action.yml` the way a GitHub runner runs a composite
 * action, in real processes, with the runner's files and variables. One harness is one job: runs
 * share the workspace, the exported env and PATH, the cache and the artifacts.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BasicExpressionToken } from "@actions/workflow-parser/templates/tokens/index";
import { isMapping, isScalar } from "@actions/workflow-parser/templates/tokens/type-guards";
import { parseKeyValueFile, parsePathFile, parseWorkflowCommand } from "./commands.js";
import { HarnessError, HarnessErrorCodes } from "./errors.js";
import {
  type Contexts,
  type EvalEnvironment,
  evaluateExpression,
  evaluateToBoolean,
  evaluateToString,
  type JsonValue,
  stepOutputReferences,
  truthy,
} from "./expressions.js";
import { type LoadedAction, loadAction, type RunStepDef, type StepDef, type UsesStepDef } from "./load.js";
import { runProcess, shellCommand, shellExtension } from "./shell.js";
import { ArtifactStore, CacheStore, type StandIn, standInFor } from "./stand-ins.js";
import type {
  ActionHarnessOptions,
  ActionRunResult,
  Annotation,
  AnnotationLevel,
  HarnessEvent,
  RunActionOptions,
  StepOutcome,
  StepResult,
} from "./types.js";

/** Step summaries above this size are refused by GitHub (1 MiB). */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
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

interface StepScopeEntry {
  outputs: Record<string, string>;
  outcome: StepOutcome;
  conclusion: StepOutcome;
}

export class ActionHarness {
  readonly paths: HarnessPaths;
  readonly repoRoot: string;
  readonly cache: CacheStore;
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

class ActionRun {
  private readonly annotations: Annotation[] = [];
  private readonly steps: StepResult[] = [];
  private readonly stepsContext: Record<string, StepScopeEntry> = {};
  private readonly log: string[] = [];
  private readonly exportedEnv: Record<string, string> = {};
  private readonly addedPath: string[] = [];
  private readonly savedState: Record<string, string> = {};
  private readonly status = { failed: false, cancelled: false };
  private readonly inputs: Record<string, string> = {};
  private exitCode = 0;
  private summary = "";
  private generatedIds = 0;

  constructor(
    private readonly harness: ActionHarness,
    private readonly action: LoadedAction,
    private readonly runOptions: RunActionOptions,
  ) {}

  private mask(text: string): string {
    let out = text;
    for (const secret of this.harness.state.masks) if (secret !== "") out = out.split(secret).join("***");
    return out;
  }

  private annotate(
    level: AnnotationLevel,
    message: string,
    step: string,
    origin: Annotation["origin"],
    props = {},
  ): void {
    this.annotations.push({ level, message: this.mask(message), origin, step, ...props });
  }

  private baseContexts(): Contexts {
    const s = this.harness.state;
    return {
      github: { ...s.github, action_path: this.action.dir },
      runner: s.runner,
      job: { status: this.status.failed ? "failure" : "success" },
      strategy: {},
      matrix: null,
    };
  }

  private evalEnv(contexts: Contexts): EvalEnvironment {
    return { contexts, status: this.status, workspace: this.harness.paths.workspace };
  }

  private resolveInputs(): void {
    const provided = new Map<string, string>();
    for (const [key, value] of Object.entries(this.runOptions.inputs ?? {}))
      provided.set(key.toLowerCase(), String(value));
    const declared = new Map(this.action.inputs.map((i) => [i.id.toLowerCase(), i]));
    const undeclared = [...provided.keys()].filter((k) => !declared.has(k));
    if (undeclared.length > 0) {
      throw new HarnessError(
        HarnessErrorCodes.ACTION_INPUT_UNDECLARED,
        `Unexpected input(s) ${undeclared.map((u) => `'${u}'`).join(", ")} for ${this.action.file}; valid inputs are [${this.action.inputs.map((i) => `'${i.id}'`).join(", ")}]`,
        "Pass only inputs the action declares (or declare the input in action.yml and its README).",
      );
    }
    const env = this.evalEnv(this.baseContexts());
    const missing: string[] = [];
    for (const input of this.action.inputs) {
      const given = provided.get(input.id.toLowerCase());
      if (given !== undefined) {
        this.inputs[input.id] = given;
        if (input.deprecationMessage) {
          this.annotate(
            "warning",
            `Input '${input.id}' has been deprecated with message: ${input.deprecationMessage}`,
            this.action.name,
            "runner",
          );
        }
      } else if (input.default !== undefined) {
        this.inputs[input.id] = evaluateToString(input.default, env, `inputs.${input.id}.default`);
      } else if (input.required) {
        missing.push(input.id);
      }
    }
    if (missing.length > 0 && !this.runOptions.allowMissingRequired) {
      throw new HarnessError(
        HarnessErrorCodes.ACTION_INPUT_REQUIRED,
        `Required input(s) ${missing.map((m) => `'${m}'`).join(", ")} of ${this.action.file} not supplied and without default`,
        "Pass the input in the test, or set allowMissingRequired to test how the action reports it.",
      );
    }
  }

  async execute(): Promise<ActionRunResult> {
    this.resolveInputs();
    for (const step of this.action.steps) await this.runStep(step);
    const outputs = this.evaluateOutputs();
    const unwrittenOutputs = this.findUnwrittenOutputs();
    const result: ActionRunResult = {
      outputs,
      summary: this.summary,
      annotations: this.annotations,
      conclusion: this.status.failed ? "failure" : "success",
      exitCode: this.status.failed ? this.exitCode || 1 : 0,
      steps: this.steps,
      log: this.log,
      exportedEnv: this.exportedEnv,
      addedPath: this.addedPath,
      state: this.savedState,
      unwrittenOutputs,
      inputs: { ...this.inputs },
    };
    const optional = new Set((this.runOptions.optionalOutputs ?? []).map((o) => o.toLowerCase()));
    const offending = unwrittenOutputs.filter((o) => !optional.has(o.toLowerCase()));
    if (result.conclusion === "success" && offending.length > 0) {
      throw new HarnessError(
        HarnessErrorCodes.ACTION_OUTPUT_NOT_WRITTEN,
        `${this.action.file}: output(s) ${offending.map((o) => `'${o}'`).join(", ")} declared but never written`,
        "Write every declared output on every successful path (an empty value counts), or list it in optionalOutputs.",
        result,
      );
    }
    return result;
  }

  private contextName(step: StepDef): string {
    if (step.id) return step.id;
    this.generatedIds++;
    return this.generatedIds === 1 ? "__run" : `__run_${this.generatedIds}`;
  }

  private displayName(step: StepDef, env: EvalEnvironment): string {
    if (step.name) {
      try {
        return evaluateToString(step.name, env, "name");
      } catch {
        // fall through to the default name
      }
    }
    return step.kind === "run" ? `Run ${step.script.trim().split("\n")[0]}` : `Run ${step.uses}`;
  }

  private async runStep(step: StepDef): Promise<void> {
    const s = this.harness.state;
    const contextName = this.contextName(step);
    // env context: the runner's global env (GITHUB_ENV), stomped by the env around the calling step
    // (job env, then the step's env), then this step's own env.
    const envContext: Record<string, string> = { ...s.globalEnv, ...s.options.env, ...this.runOptions.env };
    const contexts: Contexts = {
      ...this.baseContexts(),
      github: { ...s.github, action_path: this.action.dir, action: contextName },
      inputs: this.inputs,
      steps: this.stepsContext as unknown as JsonValue,
      env: envContext,
    };
    const env = this.evalEnv(contexts);
    const result: StepResult = {
      id: step.id,
      name: step.kind === "run" ? `Run ${step.script.trim().split("\n")[0]}` : `Run ${step.uses}`,
      kind: step.kind,
      ...(step.kind === "uses" ? { uses: step.uses } : {}),
      outcome: "success",
      conclusion: "success",
      outputs: {},
      summary: "",
      log: [],
    };
    this.steps.push(result);

    let failure: string | undefined;
    try {
      if (step.env) {
        for (const pair of step.env) {
          const key = pair.key.toString();
          envContext[key] = isScalar(pair.value) ? evaluateToString(pair.value, env, `env.${key}`) : "";
        }
      }
    } catch (err) {
      failure = (err as Error).message;
    }
    result.name = this.displayName(step, env);

    if (failure === undefined) {
      let run: boolean;
      try {
        run = truthy(evaluateExpression(step.if.expression, env));
      } catch (err) {
        run = false;
        failure = (err as Error).message;
      }
      if (!run && failure === undefined) {
        result.outcome = "skipped";
        result.conclusion = "skipped";
        if (step.id) this.stepsContext[step.id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
        return;
      }
    }

    if (failure !== undefined) {
      this.annotate("error", failure, result.name, "runner");
    } else if (step.kind === "run") {
      await this.runScript(step, env, envContext, contextName, result);
    } else {
      this.runStandIn(step, env, result);
    }

    if (result.outcome === "failure") {
      let continueOnError = false;
      try {
        continueOnError = evaluateToBoolean(step.continueOnError, env);
      } catch (err) {
        this.annotate("error", (err as Error).message, result.name, "runner");
      }
      result.conclusion = continueOnError ? "success" : "failure";
      if (!continueOnError) {
        if (!this.status.failed) this.exitCode = result.exitCode ?? 1;
        this.status.failed = true;
      }
    }
    if (step.id) {
      this.stepsContext[step.id] = { outputs: result.outputs, outcome: result.outcome, conclusion: result.conclusion };
    }
  }

  private fail(result: StepResult, message: string): void {
    result.outcome = "failure";
    this.annotate("error", message, result.name, "runner");
  }

  private runnerVariables(contextName: string, files: Record<string, string>): Record<string, string> {
    const s = this.harness.state;
    const g = s.github;
    const str = (k: string) => (typeof g[k] === "string" ? (g[k] as string) : "");
    const p = this.harness.paths;
    return {
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_ACTION: contextName,
      GITHUB_ACTION_PATH: this.action.dir,
      GITHUB_ACTION_REPOSITORY: "",
      GITHUB_ACTOR: str("actor"),
      GITHUB_API_URL: str("api_url"),
      GITHUB_BASE_REF: str("base_ref"),
      GITHUB_EVENT_NAME: str("event_name"),
      GITHUB_EVENT_PATH: p.eventPath,
      GITHUB_GRAPHQL_URL: str("graphql_url"),
      GITHUB_HEAD_REF: str("head_ref"),
      GITHUB_JOB: str("job"),
      GITHUB_REF: str("ref"),
      GITHUB_REF_NAME: str("ref_name"),
      GITHUB_REF_TYPE: str("ref_type"),
      GITHUB_REPOSITORY: str("repository"),
      GITHUB_REPOSITORY_OWNER: str("repository_owner"),
      GITHUB_RETENTION_DAYS: str("retention_days"),
      GITHUB_RUN_ATTEMPT: str("run_attempt"),
      GITHUB_RUN_ID: str("run_id"),
      GITHUB_RUN_NUMBER: str("run_number"),
      GITHUB_SERVER_URL: str("server_url"),
      GITHUB_SHA: str("sha"),
      GITHUB_TRIGGERING_ACTOR: str("triggering_actor"),
      GITHUB_WORKFLOW: str("workflow"),
      GITHUB_WORKFLOW_REF: str("workflow_ref"),
      GITHUB_WORKSPACE: p.workspace,
      RUNNER_ARCH: String(s.runner["arch"]),
      RUNNER_ENVIRONMENT: String(s.runner["environment"]),
      RUNNER_NAME: String(s.runner["name"]),
      RUNNER_OS: String(s.runner["os"]),
      RUNNER_TEMP: p.temp,
      RUNNER_TOOL_CACHE: p.toolCache,
      ...(s.options.debug ? { RUNNER_DEBUG: "1" } : {}),
      ...files,
    };
  }

  private processEnvironment(
    envContext: Record<string, string>,
    runnerVars: Record<string, string>,
  ): Record<string, string> {
    const s = this.harness.state;
    const inherited: Record<string, string> = {};
    for (const name of ["PATH", ...(s.options.inheritEnv ?? [])]) {
      const v = process.env[name];
      if (v !== undefined) inherited[name] = v;
    }
    // The node running the tests is always reachable (check-node.sh looks for `node`).
    const nodeDir = dirname(process.execPath);
    if (!(inherited["PATH"] ?? "").split(delimiter).includes(nodeDir)) {
      inherited["PATH"] = [inherited["PATH"], nodeDir].filter(Boolean).join(delimiter);
    }
    const merged: Record<string, string> = {
      ...inherited,
      HOME: this.harness.paths.home,
      ...envContext,
      ...runnerVars,
    };
    if (s.prependPath.length > 0) {
      merged["PATH"] = [...[...s.prependPath].reverse(), merged["PATH"] ?? ""].filter(Boolean).join(delimiter);
    }
    return merged;
  }

  private async runScript(
    step: RunStepDef,
    env: EvalEnvironment,
    envContext: Record<string, string>,
    contextName: string,
    result: StepResult,
  ): Promise<void> {
    const s = this.harness.state;
    const p = this.harness.paths;
    let shell: string;
    let workingDirectory: string;
    let script: string;
    try {
      shell = evaluateToString(step.shell, env, "shell");
      workingDirectory = step.workingDirectory
        ? resolve(p.workspace, evaluateToString(step.workingDirectory, env, "working-directory"))
        : p.workspace;
      script = evaluateToString(step.run, env, "run");
    } catch (err) {
      this.fail(result, (err as Error).message);
      return;
    }
    const scriptPath = join(p.temp, `${randomUUID()}${shellExtension(shell)}`);
    let command: ReturnType<typeof shellCommand>;
    try {
      command = shellCommand(shell, scriptPath);
    } catch (err) {
      this.fail(result, (err as Error).message);
      return;
    }
    writeFileSync(scriptPath, script);
    const files = {
      GITHUB_OUTPUT: this.harness.newCommandFile("set_output"),
      GITHUB_ENV: this.harness.newCommandFile("set_env"),
      GITHUB_PATH: this.harness.newCommandFile("add_path"),
      GITHUB_STEP_SUMMARY: this.harness.newCommandFile("step_summary"),
      GITHUB_STATE: this.harness.newCommandFile("save_state"),
    };
    const procEnv = this.processEnvironment(envContext, this.runnerVariables(contextName, files));
    let stopToken: string | undefined;
    const spawned = await runProcess(command, {
      cwd: workingDirectory,
      env: procEnv,
      timeoutMs: s.options.stepTimeoutMs ?? 120_000,
      ...(s.options.cancelSignal ? { cancelSignal: s.options.cancelSignal } : {}),
      onLine: (line) => {
        if (stopToken !== undefined) {
          if (line.trim() === `::${stopToken}::`) stopToken = undefined;
          this.pushLog(result, line);
          return;
        }
        const cmd = parseWorkflowCommand(line);
        if (!cmd) {
          this.pushLog(result, line);
          return;
        }
        switch (cmd.command) {
          case "add-mask":
            if (cmd.message.trim() !== "") s.masks.add(cmd.message.trim());
            this.pushLog(result, "::add-mask::***");
            return;
          case "error":
          case "warning":
          case "notice": {
            const props: Partial<Annotation> = {};
            const pr = cmd.properties;
            if (pr["file"]) props.file = pr["file"];
            if (pr["title"]) props.title = pr["title"];
            for (const [k, target] of [
              ["line", "line"],
              ["endLine", "endLine"],
              ["col", "col"],
              ["endColumn", "endColumn"],
            ] as const) {
              const v = pr[k];
              if (v !== undefined && /^\d+$/.test(v)) props[target] = Number(v);
            }
            this.annotate(cmd.command, cmd.message, result.name, "command", props);
            break;
          }
          case "stop-commands":
            stopToken = cmd.message;
            break;
          case "set-output":
            this.annotate(
              "warning",
              "The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.",
              result.name,
              "runner",
            );
            if (cmd.properties["name"]) result.outputs[cmd.properties["name"]] = cmd.message;
            break;
          case "save-state":
            this.annotate(
              "warning",
              "The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.",
              result.name,
              "runner",
            );
            if (cmd.properties["name"]) this.savedState[cmd.properties["name"]] = cmd.message;
            break;
          case "set-env":
          case "add-path":
            this.fail(
              result,
              `Unable to process command '${line.trim()}' successfully. The \`${cmd.command}\` command is disabled. Please upgrade to using Environment Files.`,
            );
            break;
        }
        this.pushLog(result, line);
      },
    });
    if (spawned.error) {
      this.fail(result, spawned.error);
    } else {
      result.exitCode = spawned.exitCode;
      if (spawned.exitCode !== 0) this.fail(result, `Process completed with exit code ${spawned.exitCode}.`);
    }
    this.readFileCommands(files, result);
  }

  private pushLog(result: StepResult, line: string): void {
    const masked = this.mask(line);
    result.log.push(masked);
    this.log.push(masked);
  }

  private readFileCommands(files: Record<string, string>, result: StepResult): void {
    const s = this.harness.state;
    const read = (f: string | undefined) => (f && existsSync(f) ? readFileSync(f, "utf8") : "");
    const apply = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (err) {
        this.fail(result, `Unable to process file command '${what}' successfully. ${(err as Error).message}`);
      }
    };
    apply("output", () => {
      for (const [k, v] of parseKeyValueFile(read(files["GITHUB_OUTPUT"]))) result.outputs[k] = v;
    });
    apply("env", () => {
      for (const [k, v] of parseKeyValueFile(read(files["GITHUB_ENV"]))) {
        if (k.toUpperCase() === "NODE_OPTIONS") {
          throw new Error("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.");
        }
        s.globalEnv[k] = v;
        this.exportedEnv[k] = v;
      }
    });
    apply("path", () => {
      for (const dir of parsePathFile(read(files["GITHUB_PATH"]))) {
        const i = s.prependPath.indexOf(dir);
        if (i >= 0) s.prependPath.splice(i, 1);
        s.prependPath.push(dir);
        this.addedPath.push(dir);
      }
    });
    apply("state", () => {
      for (const [k, v] of parseKeyValueFile(read(files["GITHUB_STATE"]))) this.savedState[k] = v;
    });
    const summary = read(files["GITHUB_STEP_SUMMARY"]);
    const size = Buffer.byteLength(summary);
    if (size > STEP_SUMMARY_LIMIT_BYTES) {
      this.annotate(
        "error",
        `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.ceil(size / 1024)}k.`,
        result.name,
        "runner",
      );
    } else {
      result.summary = summary;
      this.summary += summary;
    }
  }

  private runStandIn(step: UsesStepDef, env: EvalEnvironment, result: StepResult): void {
    const standIn = standInFor(step.uses) as StandIn;
    const given: Record<string, string> = {};
    try {
      if (step.with && isMapping(step.with)) {
        for (const pair of step.with) {
          const key = pair.key.toString();
          given[key.toLowerCase()] = isScalar(pair.value) ? evaluateToString(pair.value, env, `with.${key}`) : "";
        }
      }
    } catch (err) {
      this.fail(result, (err as Error).message);
      return;
    }
    const declared = Object.keys(standIn.inputs);
    const undeclared = Object.keys(given).filter((k) => !declared.some((d) => d.toLowerCase() === k));
    if (undeclared.length > 0) {
      throw new HarnessError(
        HarnessErrorCodes.ACTION_INPUT_UNDECLARED,
        `${this.action.file}: step ${step.id || step.index + 1} passes unexpected input(s) ${undeclared.map((u) => `'${u}'`).join(", ")} to ${step.uses}; valid inputs are [${declared.map((d) => `'${d}'`).join(", ")}]`,
        "Use the documented inputs of the official action.",
      );
    }
    const inputs: Record<string, string> = {};
    for (const [name, def] of Object.entries(standIn.inputs)) {
      const v = given[name.toLowerCase()];
      if (v !== undefined) inputs[name] = v;
      else if (def.default !== undefined) inputs[name] = def.default;
    }
    const g = this.harness.state.github;
    const out = standIn.run(inputs, {
      workspace: this.harness.paths.workspace,
      home: this.harness.paths.home,
      serverUrl: String(g["server_url"]),
      repository: String(g["repository"]),
      runId: String(g["run_id"]),
      cache: this.harness.cache,
      artifacts: this.harness.artifacts,
      warning: (m) => this.annotate("warning", m, result.name, "runner"),
      error: (m) => this.annotate("error", m, result.name, "runner"),
      info: (m) => this.pushLog(result, m),
    });
    result.outputs = out.outputs;
    if (out.failed !== undefined) this.fail(result, out.failed);
  }

  private outputContexts(): Contexts {
    const s = this.harness.state;
    return {
      ...this.baseContexts(),
      inputs: this.inputs,
      steps: this.stepsContext as unknown as JsonValue,
      env: { ...s.globalEnv, ...s.options.env, ...this.runOptions.env },
    };
  }

  private evaluateOutputs(): Record<string, string> {
    const env = this.evalEnv(this.outputContexts());
    const outputs: Record<string, string> = {};
    for (const o of this.action.outputs) {
      try {
        outputs[o.id] = evaluateToString(o.value, env, `outputs.${o.id}`);
      } catch (err) {
        this.annotate("error", (err as Error).message, this.action.name, "runner");
        this.status.failed = true;
        this.exitCode ||= 1;
      }
    }
    return outputs;
  }

  private findUnwrittenOutputs(): string[] {
    const written = (stepId: string, output: string): boolean => {
      const entry = Object.entries(this.stepsContext).find(([id]) => id.toLowerCase() === stepId)?.[1];
      return entry !== undefined && Object.keys(entry.outputs).some((k) => k.toLowerCase() === output);
    };
    const unwritten: string[] = [];
    for (const o of this.action.outputs) {
      if (!(o.value instanceof BasicExpressionToken)) continue;
      const refs = stepOutputReferences(o.value.expression);
      if (refs.length > 0 && !refs.some((r) => written(r.step, r.output))) unwritten.push(o.id);
    }
    return unwritten;
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
