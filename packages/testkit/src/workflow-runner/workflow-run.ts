/**
 * One workflow run for one event: `on:` filtering, the `github` context of the event (which ref
 * and SHA a run gets), workflow-level concurrency, then the jobs in `needs` order.
 *
 * Ref and SHA per event (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows):
 * `push`: the pushed ref and `after`; `pull_request`, `pull_request_review(_comment)`: the test
 * merge `refs/pull/N/merge` (no run when it cannot be made); `pull_request_target`: the base
 * branch; `workflow_dispatch`: the chosen ref; `issues`, `issue_comment`, `schedule` and the rest:
 * the last commit on the default branch.
 * Jobs run one after another in `needs` order (GitHub runs independent jobs in parallel).
 */
import { readFileSync } from "node:fs";
import type { JsonValue } from "../action-harness/expressions.js";
import type { RecordedEvent } from "../fake-github/events.js";
import { showFile } from "./git.js";
import { executeJobs } from "./jobs.js";
import type { RunContext } from "./run-context.js";
import type { RunHandle, StartRunOptions, WorkflowSimulation } from "./simulation.js";
import { evalEnv, evaluateMapping, evaluateString } from "./template.js";
import type { WorkflowRunResult } from "./types.js";
import { matchesEvent, parseWorkflow, triggers, type Yaml } from "./workflow-file.js";

export function startWorkflowRun(sim: WorkflowSimulation, options: StartRunOptions): RunHandle {
  const runId = sim.nextRunId();
  let cancelled = false;
  const controller = new AbortController();
  const holder = {
    cancel: () => {
      cancelled = true;
      controller.abort();
    },
  };
  const result = execute(sim, options, runId, () => cancelled, holder, controller.signal).then((r) => {
    sim.runs.push(r);
    return r;
  });
  return { runId, result, cancel: holder.cancel };
}

function eventRefAndSha(
  sim: WorkflowSimulation,
  repo: string,
  defaultBranch: string,
  name: string,
  payload: Yaml,
): { ref: string; sha: string; reason?: string } {
  const pr = payload["pull_request"] as Yaml | undefined;
  const branchSha = (branch: string) => sim.refSha(repo, `refs/heads/${branch}`);
  switch (name) {
    case "push":
      return { ref: String(payload["ref"]), sha: String(payload["after"] ?? sim.refSha(repo, String(payload["ref"]))) };
    case "pull_request":
    case "pull_request_review":
    case "pull_request_review_comment": {
      const n = Number(pr?.["number"]);
      const ref = `refs/pull/${n}/merge`;
      if (Number.isInteger(n)) sim.syncPullRequestRefs(repo, n);
      const sha = sim.refSha(repo, ref);
      if (!sha)
        return { ref, sha, reason: `no ${ref} (unknown pull request or a merge conflict): GitHub starts no run` };
      return { ref, sha };
    }
    case "pull_request_target": {
      const base = String((pr?.["base"] as Yaml | undefined)?.["ref"] ?? defaultBranch);
      return { ref: `refs/heads/${base}`, sha: branchSha(base) };
    }
    case "workflow_dispatch": {
      const ref = String(payload["ref"] ?? `refs/heads/${defaultBranch}`);
      const full = ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
      return { ref: full, sha: sim.refSha(repo, full) };
    }
    default:
      return { ref: `refs/heads/${defaultBranch}`, sha: branchSha(defaultBranch) };
  }
}

/** workflow_dispatch / workflow_call inputs with their declared types and defaults. */
export function typedInputs(declared: unknown, given: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, def] of Object.entries((declared ?? {}) as Record<string, Yaml | null>)) {
    const raw = given[name] !== undefined ? given[name] : (def?.["default"] as JsonValue | undefined);
    const type = String(def?.["type"] ?? "string");
    if (raw === undefined || raw === null) {
      out[name] = type === "boolean" ? false : type === "number" ? null : "";
    } else if (type === "boolean") {
      out[name] = raw === true || raw === "true";
    } else if (type === "number") {
      out[name] = Number(raw);
    } else {
      out[name] = String(raw);
    }
  }
  return out;
}

async function execute(
  sim: WorkflowSimulation,
  options: StartRunOptions,
  runId: number,
  cancelRequested: () => boolean,
  holder: { cancel(): void },
  cancelSignal: AbortSignal,
): Promise<WorkflowRunResult> {
  const base: WorkflowRunResult = {
    runId,
    workflow: options.workflow,
    triggered: false,
    conclusion: "skipped",
    jobs: {},
  };
  const event = options.event;
  if ((event as RecordedEvent).triggersWorkflows === false) {
    return { ...base, reason: (event as RecordedEvent).reason ?? "the event starts no workflow run" };
  }
  const repo = sim.fake.state.repo(options.repo);
  if (!repo) return { ...base, reason: `no simulated repository ${options.repo}` };
  const payload = event.payload as Yaml;
  const { ref, sha, reason } = eventRefAndSha(sim, repo.fullName, repo.defaultBranch, event.name, payload);
  if (reason) return { ...base, reason };
  const text = options.workflow.startsWith("/")
    ? readFileSync(options.workflow, "utf8")
    : showFile(sim.bareOf(repo.fullName)!, sim.home, sha, options.workflow);
  if (text === undefined) return { ...base, reason: `${options.workflow} does not exist at ${sha}` };
  const workflow = parseWorkflow(text, options.workflow);
  const decision = matchesEvent(workflow, event.name, payload);
  if (!decision.triggered) return { ...base, ...(decision.reason ? { reason: decision.reason } : {}) };

  const pr = payload["pull_request"] as Yaml | undefined;
  const headRepo = ((pr?.["head"] as Yaml | undefined)?.["repo"] as Yaml | undefined)?.["full_name"];
  const fromFork =
    (event.name === "pull_request" || event.name.startsWith("pull_request_review")) &&
    typeof headRepo === "string" &&
    headRepo.toLowerCase() !== repo.fullName.toLowerCase();
  const sender = (payload["sender"] as Yaml | undefined)?.["login"];
  const workflowPath = options.workflow.startsWith("/")
    ? ".github/workflows/" + options.workflow.split("/").pop()
    : options.workflow;
  const github: Record<string, JsonValue> = {
    action_path: "",
    actor: String(sender ?? repo.owner),
    api_url: sim.fake.apiUrl,
    base_ref: String((pr?.["base"] as Yaml | undefined)?.["ref"] ?? ""),
    event: payload as JsonValue,
    event_name: event.name,
    graphql_url: sim.fake.graphqlUrl,
    head_ref: String((pr?.["head"] as Yaml | undefined)?.["ref"] ?? ""),
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ""),
    ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
    repository: repo.fullName,
    repository_id: String(repo.id),
    repository_owner: repo.owner,
    retention_days: "90",
    run_attempt: "1",
    run_id: String(runId),
    run_number: String(runId),
    server_url: "https://github.com",
    sha,
    triggering_actor: String(sender ?? repo.owner),
    workflow: String(workflow["name"] ?? workflowPath),
    workflow_ref: `${repo.fullName}/${workflowPath}@${ref}`,
    workflow_sha: sha,
  };
  const on = triggers(workflow);
  const dispatchInputs = (payload["inputs"] ?? {}) as Record<string, JsonValue>;
  const inputs =
    event.name === "workflow_dispatch" ? typedInputs(on["workflow_dispatch"]?.["inputs"], dispatchInputs) : {};
  // "With the exception of GITHUB_TOKEN, secrets are not passed to the runner when a workflow is
  // triggered from a forked repository." (Using secrets in GitHub Actions)
  const secrets = fromFork ? {} : { ...sim.secrets, ...options.secrets };
  const ctx: RunContext = {
    sim,
    runId,
    event: { name: event.name, payload },
    github,
    inputs,
    secrets,
    workflowEnv: {},
    defaults: workflow["defaults"] as Yaml | undefined,
    artifactsDir: sim.newDir(`run-${runId}-artifacts`),
    cancelRequested,
    cancelSignal,
  };
  const env = evalEnv({ github, inputs, vars: sim.vars }, { failed: false, cancelled: false }, sim.root);
  const running: WorkflowRunResult = { ...base, triggered: true, conclusion: "success" };
  const concurrency = workflow["concurrency"] as Yaml | string | undefined;
  let group: string | undefined;
  if (concurrency !== undefined) {
    group = evaluateString(typeof concurrency === "string" ? concurrency : concurrency["group"], env);
    running.concurrencyGroup = group;
    const cancelInProgress =
      typeof concurrency === "object" && evaluateString(concurrency["cancel-in-progress"] ?? false, env) === "true";
    const acquired = await sim.concurrency.acquire(group, holder, cancelInProgress);
    if (!acquired) {
      return { ...running, conclusion: "cancelled", reason: `replaced by a newer pending run in group '${group}'` };
    }
  }
  try {
    ctx.workflowEnv = evaluateMapping(
      workflow["env"],
      evalEnv({ github, inputs, vars: sim.vars, secrets }, { failed: false, cancelled: false }, sim.root),
    );
    const jobs = await executeJobs(ctx, workflow, { fromFork });
    running.jobs = jobs;
    const results = Object.values(jobs).map((j) => j.result);
    running.conclusion = results.includes("failure")
      ? "failure"
      : cancelRequested() || results.includes("cancelled")
        ? "cancelled"
        : "success";
    return running;
  } finally {
    if (group !== undefined) sim.concurrency.release(group, holder);
  }
}
