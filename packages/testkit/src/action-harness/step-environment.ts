/**
 * What the process of a `run:` step sees: the runner's GITHUB_* / RUNNER_* variables, and the
 * environment around them (inherited PATH, HOME, the env context, GITHUB_PATH additions first).
 */
import { delimiter, dirname } from "node:path";
import type { ActionRun } from "./action-run.js";

export function runnerVariables(
  run: ActionRun,
  contextName: string,
  files: Record<string, string>,
): Record<string, string> {
  const s = run.harness.state;
  const g = s.github;
  const str = (k: string) => (typeof g[k] === "string" ? (g[k] as string) : "");
  const p = run.harness.paths;
  return {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTION: contextName,
    GITHUB_ACTION_PATH: run.action.dir,
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

export function processEnvironment(
  run: ActionRun,
  envContext: Record<string, string>,
  runnerVars: Record<string, string>,
): Record<string, string> {
  const s = run.harness.state;
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
    HOME: run.harness.paths.home,
    ...envContext,
    ...runnerVars,
  };
  if (s.prependPath.length > 0) {
    merged["PATH"] = [...[...s.prependPath].reverse(), merged["PATH"] ?? ""].filter(Boolean).join(delimiter);
  }
  return merged;
}
