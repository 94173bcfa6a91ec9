/**
 * Runs one job of a workflow (not a reusable-workflow call): its steps in order, each `run:` step
 * and local/remote composite action through the action harness (one harness = one job: workspace,
 * GITHUB_ENV, GITHUB_PATH, masks), official actions through their stand-ins.
 *
 * Rules modelled (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax):
 * - env precedence: workflow `env` < job `env` < values written to GITHUB_ENV < step `env`
 *   (GITHUB_ENV "overwrites" for later steps; a step's own env wins:
 *   https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-environment-variable);
 * - step `if:` with the implicit `success()`, `continue-on-error`, `cancelled()` after a cancel;
 * - the default shell on Linux is `bash -e {0}` (`shell: bash` adds `--noprofile --norc -o pipefail`);
 * - `uses: ./path` resolves against the job's workspace (what the job checked out), also inside a
 *   called workflow (https://docs.github.com/en/actions/sharing-automations/reusing-workflows);
 * - job outputs are evaluated from `steps` after the last step.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { stringify } from "yaml";
import { parseActionRef } from "../action-harness/action-ref.js";
import type { JsonValue } from "../action-harness/expressions.js";
import { ActionHarness } from "../action-harness/harness.js";
import { loadAction } from "../action-harness/load.js";
import { cacheRestore, cacheSave, type StandIn, uploadArtifact } from "../action-harness/stand-ins.js";
import type { Annotation, StepOutcome } from "../action-harness/types.js";
import { type JobAction, jobActionFor } from "./official-actions.js";
import type { RunContext } from "./run-context.js";
import { evalEnv, evaluateIf, evaluateMapping, evaluateString } from "./template.js";
import type { JobResult, WorkflowStepResult } from "./types.js";

type Yaml = Record<string, unknown>;

const HARNESS_STAND_INS: StandIn[] = [cacheRestore, cacheSave, uploadArtifact];

export interface JobInput {
  run: RunContext;
  /** Display id (`caller / called` inside a called workflow). */
  id: string;
  /** The key under `jobs:` (github.job). */
  key: string;
  job: Yaml;
  /** The job's token value and permissions (already minted). */
  token: string;
  permissions: JobResult["permissions"];
  needs: Record<string, { result: string; outputs: Record<string, string> }>;
}

export async function runJob(input: JobInput): Promise<JobResult> {
  const { run, job } = input;
  const jobRoot = run.sim.newDir(`job-${input.key}`);
  const workspace = join(jobRoot, "workspace");
  mkdirSync(workspace, { recursive: true });
  const github = { ...run.github, job: input.key, token: input.token, workspace };
  const harness = new ActionHarness({
    repoRoot: run.sim.repoRoot,
    workspace,
    cacheDir: run.sim.cacheDirFor(String(run.github["ref"] ?? "")),
    cacheFallbackDirs: run.sim.cacheReadScopes(run.github, run.event.payload).map((ref) => run.sim.cacheDirFor(ref)),
    artifactsDir: run.artifactsDir,
    event: run.event,
    github: github as Record<string, unknown>,
    inheritEnv: run.sim.inheritEnv,
    // git may only use local transports (the simulated repositories): no https to github.com.
    env: { npm_config_offline: "true", GIT_ALLOW_PROTOCOL: "file" },
    stepTimeoutMs: Math.min(Number(job["timeout-minutes"] ?? 360) * 60_000, run.sim.stepTimeoutMs),
    cancelSignal: run.cancelSignal,
  });
  // No network in a simulated job: npm runs offline, git speaks only to local repositories, and
  // the GitHub CLI (which would call api.github.com) is a stub that fails saying so.
  harness.state.prependPath.push(run.sim.toolsDir());
  const result: JobResult = {
    id: input.id,
    name: String(job["name"] ?? input.key),
    result: "success",
    outputs: {},
    steps: [],
    annotations: [],
    summary: "",
    permissions: input.permissions,
    workspace,
  };
  const status = { failed: false, cancelled: false };
  const stepsContext: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const defaults = {
    ...((run.defaults?.["run"] as Yaml) ?? {}),
    ...(((job["defaults"] as Yaml)?.["run"] as Yaml) ?? {}),
  };
  const contexts = (env: Record<string, string>) => ({
    github: github as unknown as JsonValue,
    env,
    inputs: run.inputs,
    secrets: { ...run.secrets, GITHUB_TOKEN: input.token },
    vars: run.sim.vars,
    needs: input.needs as unknown as JsonValue,
    steps: stepsContext as unknown as JsonValue,
    runner: harness.state.runner,
    job: { status: status.cancelled ? "cancelled" : status.failed ? "failure" : "success" },
    strategy: {},
    matrix: null,
  });
  const baseEnv: Record<string, string> = {};
  try {
    Object.assign(baseEnv, run.workflowEnv);
    Object.assign(baseEnv, evaluateMapping(job["env"], evalEnv(contexts(baseEnv), status, workspace)));
  } catch (err) {
    result.result = "failure";
    result.reason = (err as Error).message;
    return result;
  }

  const steps = (job["steps"] as Yaml[] | undefined) ?? [];
  for (const [index, step] of steps.entries()) {
    if (run.cancelRequested()) status.cancelled = true;
    const stepResult: WorkflowStepResult = {
      id: String(step["id"] ?? ""),
      name: String(
        step["name"] ?? (step["uses"] ? `Run ${step["uses"]}` : `Run ${String(step["run"] ?? "").split("\n")[0]}`),
      ),
      kind: step["uses"] ? "uses" : "run",
      ...(step["uses"] ? { uses: String(step["uses"]) } : {}),
      outcome: "success",
      conclusion: "success",
      outputs: {},
      summary: "",
      log: [],
      secrets: [],
    };
    result.steps.push(stepResult);
    // Every evaluated value the step is given (env, with:, the rendered script), for `secrets`.
    const received: string[] = [];
    const envContext = { ...baseEnv, ...harness.state.globalEnv };
    let env = evalEnv(contexts(envContext), status, workspace);
    let failure: string | undefined;
    let shouldRun = false;
    try {
      shouldRun = evaluateIf(step["if"], env);
    } catch (err) {
      failure = (err as Error).message;
    }
    if (!shouldRun && failure === undefined) {
      stepResult.outcome = "skipped";
      stepResult.conclusion = "skipped";
      if (stepResult.id) stepsContext[stepResult.id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
      continue;
    }
    try {
      Object.assign(envContext, evaluateMapping(step["env"], env));
      env = evalEnv(contexts(envContext), status, workspace);
      if (step["name"] !== undefined) stepResult.name = evaluateString(step["name"], env);
    } catch (err) {
      failure = (err as Error).message;
    }
    const cancelledBefore = run.cancelRequested();
    if (failure === undefined) {
      try {
        if (step["run"] !== undefined) {
          const script = evaluateString(step["run"], env);
          received.push(script, ...Object.values(envContext));
          await runScriptStep(
            harness,
            jobRoot,
            index,
            script,
            step,
            defaults,
            env,
            envContext,
            stepResult,
            result.annotations,
          );
        } else {
          const withValues = evaluateMapping(step["with"], env);
          received.push(...Object.values(withValues), ...Object.values(envContext));
          await runUsesStep(input, harness, step, withValues, envContext, stepResult, result.annotations);
        }
      } catch (err) {
        failure = (err as Error).message;
      }
      stepResult.secrets = secretsIn(received, { ...run.secrets, GITHUB_TOKEN: input.token });
    }
    if (failure !== undefined) {
      stepResult.outcome = "failure";
      result.annotations.push({ level: "error", message: failure, origin: "runner", step: stepResult.name });
    }
    // A step the cancel interrupted is cancelled, not failed: failure() stays false, cancelled() is true.
    if (stepResult.outcome === "failure" && !cancelledBefore && run.cancelRequested()) {
      stepResult.outcome = "cancelled";
      stepResult.conclusion = "cancelled";
      status.cancelled = true;
    }
    result.summary += stepResult.summary;
    if (stepResult.outcome === "failure") {
      let continueOnError = false;
      try {
        continueOnError = evaluateString(step["continue-on-error"] ?? false, env) === "true";
      } catch {
        continueOnError = false;
      }
      stepResult.conclusion = continueOnError ? "success" : "failure";
      if (!continueOnError) status.failed = true;
    } else {
      stepResult.conclusion = stepResult.outcome;
    }
    if (stepResult.id) {
      stepsContext[stepResult.id] = {
        outputs: stepResult.outputs,
        outcome: stepResult.outcome,
        conclusion: stepResult.conclusion,
      };
    }
  }
  result.result = status.cancelled ? "cancelled" : status.failed ? "failure" : "success";
  harness.dispose();
  try {
    result.outputs = evaluateMapping(
      job["outputs"],
      evalEnv(contexts({ ...baseEnv, ...harness.state.globalEnv }), status, workspace),
    );
  } catch (err) {
    result.annotations.push({ level: "error", message: (err as Error).message, origin: "runner", step: "outputs" });
  }
  return result;
}

function copyHarnessResult(
  res: Awaited<ReturnType<ActionHarness["run"]>>,
  stepResult: WorkflowStepResult,
  annotations: Annotation[],
  outputs: Record<string, string>,
): void {
  stepResult.outcome = res.conclusion;
  stepResult.outputs = outputs;
  stepResult.summary = res.summary;
  stepResult.log = res.log;
  stepResult.exitCode = res.exitCode;
  annotations.push(...res.annotations.map((a) => ({ ...a, step: stepResult.name })));
}

/** A workflow `run:` step, run as a one-step composite action so the runner semantics are shared. */
async function runScriptStep(
  harness: ActionHarness,
  jobRoot: string,
  index: number,
  script: string,
  step: Yaml,
  defaults: Yaml,
  env: ReturnType<typeof evalEnv>,
  envContext: Record<string, string>,
  stepResult: WorkflowStepResult,
  annotations: Annotation[],
): Promise<void> {
  const shellValue = step["shell"] ?? defaults["shell"];
  const shell = shellValue === undefined ? "bash -e {0}" : evaluateString(shellValue, env);
  const wd = step["working-directory"] ?? defaults["working-directory"];
  const dir = join(jobRoot, "_steps", String(index));
  mkdirSync(dir, { recursive: true });
  const inner: Yaml = { id: "run", shell, run: script };
  if (wd !== undefined) inner["working-directory"] = evaluateString(wd, env);
  writeFileSync(
    join(dir, "action.yml"),
    stringify({
      // Not the step's display name: that may hold `${{ }}` text (a default `Run <script>` name
      // is the script unevaluated), which the action parser would read as an expression.
      name: `workflow step ${index}`,
      description: "workflow run step",
      runs: { using: "composite", steps: [inner] },
    }),
  );
  const res = await harness.run(dir, { env: envContext });
  copyHarnessResult(res, stepResult, annotations, res.steps[0]?.outputs ?? {});
}

async function runUsesStep(
  input: JobInput,
  harness: ActionHarness,
  step: Yaml,
  withValues: Record<string, string>,
  envContext: Record<string, string>,
  stepResult: WorkflowStepResult,
  annotations: Annotation[],
): Promise<void> {
  const uses = String(step["uses"]);
  const ctxInfo = (m: string) => stepResult.log.push(m);
  const warn = (m: string) =>
    annotations.push({ level: "warning", message: m, origin: "runner", step: stepResult.name });
  if (uses.startsWith("docker://")) throw new Error(`docker actions are not modelled: ${uses}`);

  const jobAction: JobAction | undefined = jobActionFor(uses);
  const actionName = parseActionRef(uses)?.name;
  const harnessStandIn = HARNESS_STAND_INS.find((s) => s.name === actionName);
  if (jobAction || harnessStandIn) {
    const declared = jobAction ? jobAction.inputs : harnessStandIn!.inputs;
    const inputs = filterInputs(withValues, Object.keys(declared), warn);
    for (const [name, def] of Object.entries(declared))
      if (inputs[name] === undefined && def.default !== undefined) inputs[name] = def.default;
    const workspace = harness.paths.workspace;
    const out = jobAction
      ? jobAction.run(inputs, {
          workspace,
          home: harness.paths.home,
          github: { ...harness.state.github },
          fake: input.run.sim.fake,
          bareOf: (name) => input.run.sim.bareOf(name),
          artifacts: harness.artifacts,
          prependPath: (d) => harness.state.prependPath.push(d),
          warning: warn,
          info: ctxInfo,
        })
      : harnessStandIn!.run(inputs, {
          workspace,
          home: harness.paths.home,
          serverUrl: String(harness.state.github["server_url"]),
          repository: String(harness.state.github["repository"]),
          runId: String(harness.state.github["run_id"]),
          cache: harness.cache,
          artifacts: harness.artifacts,
          warning: warn,
          error: (m) => annotations.push({ level: "error", message: m, origin: "runner", step: stepResult.name }),
          info: ctxInfo,
        });
    stepResult.outputs = out.outputs;
    if (out.failed !== undefined) throw new Error(out.failed);
    return;
  }

  const actionDir = resolveActionDir(input, harness, uses);
  const action = loadAction(actionDir);
  const inputs = filterInputs(
    withValues,
    action.inputs.map((i) => i.id),
    warn,
  );
  const res = await harness.run(actionDir, {
    inputs,
    env: envContext,
    allowMissingRequired: true,
    optionalOutputs: action.outputs.map((o) => o.id),
  });
  copyHarnessResult(res, stepResult, annotations, res.outputs);
}

/** The secrets whose (non-empty) value appears in any of `values`, by name, sorted. */
function secretsIn(values: readonly string[], secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => secret !== "" && values.some((v) => v.includes(secret)))
    .map(([name]) => name)
    .sort();
}

/** GitHub warns about inputs an action does not declare and still runs it. */
function filterInputs(
  given: Record<string, string>,
  declared: string[],
  warn: (m: string) => void,
): Record<string, string> {
  const lower = new Set(declared.map((d) => d.toLowerCase()));
  const unexpected = Object.keys(given).filter((k) => !lower.has(k.toLowerCase()));
  if (unexpected.length > 0) {
    warn(
      `Unexpected input(s) ${unexpected.map((u) => `'${u}'`).join(", ")}, valid inputs are [${declared.map((d) => `'${d}'`).join(", ")}]`,
    );
  }
  return Object.fromEntries(Object.entries(given).filter(([k]) => lower.has(k.toLowerCase())));
}

/** `./path` in the job's workspace; `owner/repo/path@ref` in a simulated or registered repository. */
function resolveActionDir(input: JobInput, harness: ActionHarness, uses: string): string {
  if (uses.startsWith("./") || uses.startsWith("../")) return resolve(harness.paths.workspace, uses);
  if (isAbsolute(uses)) throw new Error(`'${uses}' is not a valid action reference`);
  const at = uses.lastIndexOf("@");
  if (at <= 0) throw new Error(`Unable to resolve action '${uses}': a remote action needs @ref`);
  const [owner, repo, ...rest] = uses.slice(0, at).split("/");
  const ref = uses.slice(at + 1);
  const root = input.run.sim.checkoutOf(`${owner}/${repo}`, ref);
  return join(root, ...rest);
}

export type { StepOutcome };
