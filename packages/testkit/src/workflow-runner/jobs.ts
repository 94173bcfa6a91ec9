/**
 * The jobs of a workflow in `needs` order, and reusable-workflow calls (`jobs.<id>.uses`).
 *
 * - `needs`: "If a job fails or is skipped, all jobs that need it are skipped unless the jobs use a
 *   conditional expression that causes the job to continue" (jobs.<job_id>.needs);
 *   `needs.<id>.result` is success, failure, cancelled or skipped.
 * - `jobs.<id>.if` sees github, needs, vars, inputs (context availability table).
 * - A called workflow gets `with:` as typed `inputs`, only the secrets passed (or all with
 *   `secrets: inherit`), the caller's `github` context, and outputs mapped from its jobs;
 *   https://docs.github.com/en/actions/sharing-automations/reusing-workflows
 * - Each job's GITHUB_TOKEN is minted when the job starts and expires when it finishes.
 *   https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonValue } from "../action-harness/expressions.js";
import { showFile } from "./git.js";
import { runJob } from "./job.js";
import { jobPermissions, PermissionsBlockError, type TokenPermissions, toTokenGrant } from "./permissions.js";
import type { RunContext } from "./run-context.js";
import { evalEnv, evaluateIf, evaluateMapping, evaluateString, evaluateValue } from "./template.js";
import type { JobResult } from "./types.js";
import { parseWorkflow, triggers, type Yaml } from "./workflow-file.js";
import { typedInputs } from "./workflow-run.js";

const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/;

export interface ExecuteJobsOptions {
  /** Display prefix (`caller`) for the jobs of a called workflow. */
  prefix?: string;
  callerPermissions?: TokenPermissions;
  fromFork?: boolean;
}

type NeedsContext = Record<string, { result: string; outputs: Record<string, string> }>;

export async function executeJobs(
  ctx: RunContext,
  workflow: Yaml,
  opts: ExecuteJobsOptions,
): Promise<Record<string, JobResult>> {
  const jobs = (workflow["jobs"] ?? {}) as Record<string, Yaml>;
  const done = new Map<string, JobResult>();
  const all: Record<string, JobResult> = {};
  const needsOf = (job: Yaml): string[] => {
    const n = job["needs"];
    return n === undefined ? [] : Array.isArray(n) ? n.map(String) : [String(n)];
  };
  const remaining = new Set(Object.keys(jobs));
  while (remaining.size > 0) {
    const ready = [...remaining].find((k) => needsOf(jobs[k]!).every((n) => done.has(n)));
    if (!ready) throw new Error(`jobs ${[...remaining].join(", ")} need jobs that do not exist or form a cycle`);
    remaining.delete(ready);
    const job = jobs[ready]!;
    const displayId = opts.prefix ? `${opts.prefix} / ${ready}` : ready;
    const needs: NeedsContext = {};
    for (const n of needsOf(job)) needs[n] = { result: done.get(n)!.result, outputs: done.get(n)!.outputs };
    const result = await runOneJob(ctx, workflow, ready, displayId, job, needs, opts, all);
    done.set(ready, result);
    all[displayId] = result;
  }
  return all;
}

function skipped(id: string, job: Yaml, reason: string): JobResult {
  return {
    id,
    name: String(job["name"] ?? id),
    result: "skipped",
    outputs: {},
    steps: [],
    annotations: [],
    summary: "",
    reason,
  };
}

async function runOneJob(
  ctx: RunContext,
  workflow: Yaml,
  key: string,
  displayId: string,
  job: Yaml,
  needs: NeedsContext,
  opts: ExecuteJobsOptions,
  all: Record<string, JobResult>,
): Promise<JobResult> {
  const results = Object.values(needs).map((n) => n.result);
  const condition = job["if"];
  const hasStatusCall = typeof condition === "string" && STATUS_CALL.test(condition);
  if (!hasStatusCall && results.some((r) => r !== "success")) {
    return skipped(displayId, job, "a job it needs did not succeed");
  }
  if (ctx.cancelRequested() && !hasStatusCall)
    return { ...skipped(displayId, job, "the run was cancelled"), result: "cancelled" };
  const status = { failed: results.includes("failure"), cancelled: ctx.cancelRequested() };
  const env = evalEnv(
    { github: ctx.github, needs: needs as unknown as JsonValue, vars: ctx.sim.vars, inputs: ctx.inputs },
    status,
    ctx.sim.root,
  );
  try {
    if (!evaluateIf(condition, env)) return skipped(displayId, job, "its if: is false");
  } catch (err) {
    return { ...skipped(displayId, job, (err as Error).message), result: "failure" };
  }
  if (job["strategy"] !== undefined) {
    return { ...skipped(displayId, job, "strategy/matrix is not modelled by the workflow runner"), result: "failure" };
  }
  let permissions: TokenPermissions;
  try {
    permissions = jobPermissions({
      workflowBlock: workflow["permissions"],
      jobBlock: job["permissions"],
      repoDefault: ctx.sim.defaultPermissions,
      ...(opts.callerPermissions ? { callerPermissions: opts.callerPermissions } : {}),
      fromFork: opts.fromFork ?? false,
    });
  } catch (err) {
    if (!(err instanceof PermissionsBlockError)) throw err;
    return { ...skipped(displayId, job, err.message), result: "failure" };
  }

  // Job-level concurrency: the same group rules as workflow-level.
  const concurrency = job["concurrency"] as Yaml | string | undefined;
  let group: string | undefined;
  const holder = { cancel: () => undefined };
  if (concurrency !== undefined) {
    group = evaluateString(typeof concurrency === "string" ? concurrency : concurrency["group"], env);
    const cancelInProgress =
      typeof concurrency === "object" && evaluateString(concurrency["cancel-in-progress"] ?? false, env) === "true";
    if (!(await ctx.sim.concurrency.acquire(group, holder, cancelInProgress))) {
      return { ...skipped(displayId, job, `replaced by a newer pending job in group '${group}'`), result: "cancelled" };
    }
  }
  try {
    if (job["uses"] !== undefined) return await runCalledWorkflow(ctx, key, displayId, job, needs, permissions, all);
    const token = ctx.sim.fake.state.addToken({
      login: "github-actions[bot]",
      kind: "installation",
      permissions: toTokenGrant(permissions),
      repositories: [String(ctx.github["repository"])],
      runId: String(ctx.runId),
    });
    try {
      return await runJob({ run: ctx, id: displayId, key, job, token, permissions, needs });
    } finally {
      ctx.sim.fake.state.revokeToken(token);
    }
  } finally {
    if (group !== undefined) ctx.sim.concurrency.release(group, holder);
  }
}

function readCalledWorkflow(ctx: RunContext, uses: string): string {
  if (uses.startsWith("./")) {
    const repo = String(ctx.github["repository"]);
    const text = showFile(ctx.sim.bareOf(repo)!, ctx.sim.home, String(ctx.github["sha"]), uses);
    if (text === undefined) throw new Error(`Can't find '${uses}' in ${repo} at ${ctx.github["sha"]}`);
    return text;
  }
  const at = uses.lastIndexOf("@");
  const [owner, name, ...path] = uses.slice(0, at).split("/");
  const ref = uses.slice(at + 1);
  const fullName = `${owner}/${name}`;
  const registered = ctx.sim.registeredCheckout(fullName);
  if (registered) return readFileSync(join(registered, ...path), "utf8");
  return readFileSync(join(ctx.sim.checkoutOf(fullName, ref), ...path), "utf8");
}

async function runCalledWorkflow(
  ctx: RunContext,
  key: string,
  displayId: string,
  job: Yaml,
  needs: NeedsContext,
  permissions: TokenPermissions,
  all: Record<string, JobResult>,
): Promise<JobResult> {
  const uses = String(job["uses"]);
  const fail = (reason: string): JobResult => ({ ...skipped(displayId, job, reason), result: "failure", permissions });
  let called: Yaml;
  try {
    called = parseWorkflow(readCalledWorkflow(ctx, uses), uses);
  } catch (err) {
    return fail((err as Error).message);
  }
  const on = triggers(called);
  if (!("workflow_call" in on)) return fail(`${uses} is not a reusable workflow: its on: has no workflow_call`);
  const contract = on["workflow_call"] ?? {};
  const env = evalEnv(
    {
      github: ctx.github,
      needs: needs as unknown as JsonValue,
      inputs: ctx.inputs,
      vars: ctx.sim.vars,
      secrets: ctx.secrets,
    },
    { failed: false, cancelled: false },
    ctx.sim.root,
  );
  const declaredInputs = (contract["inputs"] ?? {}) as Record<string, Yaml | null>;
  const given: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries((job["with"] ?? {}) as Yaml)) {
    if (!(name in declaredInputs)) return fail(`Invalid input, ${name} is not defined in the referenced workflow.`);
    given[name] = evaluateValue(value, env);
  }
  for (const [name, def] of Object.entries(declaredInputs)) {
    if (def?.["required"] === true && given[name] === undefined && def["default"] === undefined) {
      return fail(`Input ${name} is required, but not provided while calling.`);
    }
  }
  const declaredSecrets = (contract["secrets"] ?? {}) as Record<string, Yaml | null>;
  let secrets: Record<string, string>;
  if (job["secrets"] === "inherit") secrets = { ...ctx.secrets };
  else {
    secrets = {};
    for (const [name, value] of Object.entries((job["secrets"] ?? {}) as Yaml)) {
      if (!(name in declaredSecrets)) return fail(`Invalid secret, ${name} is not defined in the referenced workflow.`);
      secrets[name] = evaluateString(value, env);
    }
  }
  for (const [name, def] of Object.entries(declaredSecrets)) {
    if (def?.["required"] === true && !secrets[name]) {
      return fail(`Secret ${name} is required, but not provided while calling.`);
    }
  }
  const inputs = typedInputs(declaredInputs, given);
  const child: RunContext = {
    ...ctx,
    inputs,
    secrets,
    defaults: called["defaults"] as Yaml | undefined,
    workflowEnv: evaluateMapping(
      called["env"],
      evalEnv(
        { github: ctx.github, inputs, vars: ctx.sim.vars, secrets },
        { failed: false, cancelled: false },
        ctx.sim.root,
      ),
    ),
  };
  const jobs = await executeJobs(child, called, { prefix: displayId, callerPermissions: permissions });
  Object.assign(all, jobs);
  const byKey: Record<string, JsonValue> = {};
  for (const [id, r] of Object.entries(jobs))
    byKey[id.slice(displayId.length + 3)] = { result: r.result, outputs: r.outputs };
  const results = Object.values(jobs).map((j) => j.result);
  const result: JobResult = {
    id: displayId,
    name: String(job["name"] ?? key),
    result: results.includes("failure") ? "failure" : results.includes("cancelled") ? "cancelled" : "success",
    outputs: {},
    steps: [],
    annotations: [],
    summary: "",
    permissions,
  };
  const outEnv = evalEnv(
    { github: ctx.github, inputs, vars: ctx.sim.vars, jobs: byKey },
    { failed: false, cancelled: false },
    ctx.sim.root,
  );
  for (const [name, def] of Object.entries((contract["outputs"] ?? {}) as Record<string, Yaml>)) {
    try {
      result.outputs[name] = evaluateString(def["value"], outEnv);
    } catch (err) {
      result.annotations.push({ level: "error", message: (err as Error).message, origin: "runner", step: "outputs" });
    }
  }
  return result;
}
