/**
 * Checks workflows (the `examples/` users copy) against the project's actions: every step that
 * uses one of them passes only inputs the action declares, and every required input without a
 * default. Workflows are read with GitHub's workflow parser.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import type { MappingToken, TemplateToken } from "@actions/workflow-parser/templates/tokens/index";
import { isMapping, isSequence, isString } from "@actions/workflow-parser/templates/tokens/type-guards";
import { globSync } from "tinyglobby";
import { parse as parseYaml } from "yaml";
import { parseActionFile } from "./load.js";

export interface WorkflowUse {
  file: string;
  job: string;
  line?: number;
  uses: string;
  /** The action's folder name under actions/. */
  action: string;
  inputs: string[];
}

export interface WorkflowProblem {
  file: string;
  line?: number;
  message: string;
}

/**
 * Which `uses:` values name one of the project's actions: `./actions/<name>` (this repository) and
 * `<owner>/codexrel/actions/<name>@<ref>` (what users write).
 */
export function projectActionName(uses: string): string | undefined {
  const local = /^\.\/actions\/([A-Za-z0-9_.-]+)\/?$/.exec(uses);
  if (local) return local[1];
  const remote = /^[A-Za-z0-9_.-]+\/codexrel\/actions\/([A-Za-z0-9_.-]+)@.+$/.exec(uses);
  return remote?.[1];
}

/** True when the YAML file is a workflow (a mapping with `jobs:`), not e.g. a codexrel config. */
export function isWorkflowFile(file: string): boolean {
  try {
    const doc = parseYaml(readFileSync(file, "utf8")) as unknown;
    return typeof doc === "object" && doc !== null && "jobs" in doc;
  } catch {
    return true; // let the workflow parser report it
  }
}

/** Workflow files under `dir` (`**\/*.yml`, `**\/*.yaml`), skipping node_modules and non-workflows. */
export function findWorkflowFiles(dir: string): string[] {
  return globSync(["**/*.yml", "**/*.yaml"], { cwd: dir, absolute: true, ignore: ["**/node_modules/**"] })
    .filter(isWorkflowFile)
    .sort();
}

/** Steps of a workflow that use a project action, with the input names they pass. */
export function findProjectActionUses(file: string): { uses: WorkflowUse[]; errors: WorkflowProblem[] } {
  const parsed = parseWorkflow(
    { name: basename(file), content: readFileSync(file, "utf8") },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors().map((e) => ({ file, message: e.message }));
  const uses: WorkflowUse[] = [];
  const root = parsed.value;
  if (!root || !isMapping(root)) return { uses, errors };
  const jobs = root.find("jobs");
  if (!jobs || !isMapping(jobs)) return { uses, errors };
  for (const jobPair of jobs) {
    const job = jobPair.value;
    if (!isMapping(job)) continue;
    const steps = job.find("steps");
    if (!steps || !isSequence(steps)) continue;
    for (const step of steps) {
      if (!isMapping(step)) continue;
      const usesToken = step.find("uses");
      if (!usesToken || !isString(usesToken)) continue;
      const action = projectActionName(usesToken.value);
      if (!action) continue;
      uses.push({
        file,
        job: jobPair.key.toString(),
        line: usesToken.range?.start.line,
        uses: usesToken.value,
        action,
        inputs: withKeys(step.find("with")),
      });
    }
  }
  return { uses, errors };
}

function withKeys(token: TemplateToken | undefined): string[] {
  if (!token || !isMapping(token)) return [];
  return [...(token as MappingToken)].map((p) => p.key.toString());
}

/** Problems of one workflow file: parse errors, unknown actions, undeclared inputs, missing required inputs. */
export function checkWorkflowFile(file: string, repoRoot: string): WorkflowProblem[] {
  const { uses, errors } = findProjectActionUses(file);
  const problems: WorkflowProblem[] = [...errors];
  for (const use of uses) {
    const outcome = (() => {
      try {
        return parseActionFile(join(repoRoot, "actions", use.action));
      } catch (err) {
        return { errors: [{ code: "ACTION_INVALID", message: (err as Error).message }] };
      }
    })();
    if (!outcome.action) {
      problems.push({
        file,
        line: use.line,
        message: `${use.uses}: action cannot be loaded: ${outcome.errors.map((e) => e.message).join("; ")}`,
      });
      continue;
    }
    const declared = new Map(outcome.action.inputs.map((i) => [i.id.toLowerCase(), i]));
    const given = new Set(use.inputs.map((i) => i.toLowerCase()));
    for (const input of use.inputs) {
      if (!declared.has(input.toLowerCase())) {
        problems.push({
          file,
          line: use.line,
          message: `${use.uses} (job ${use.job}): input '${input}' is not declared by actions/${use.action}; valid inputs are [${outcome.action.inputs.map((i) => i.id).join(", ")}]`,
        });
      }
    }
    for (const input of outcome.action.inputs) {
      if (input.required && input.default === undefined && !given.has(input.id.toLowerCase())) {
        problems.push({
          file,
          line: use.line,
          message: `${use.uses} (job ${use.job}): required input '${input.id}' of actions/${use.action} is not passed`,
        });
      }
    }
  }
  return problems;
}
