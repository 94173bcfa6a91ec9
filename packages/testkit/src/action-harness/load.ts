/**
 * Reads `action.yml` with GitHub's own parser (`@actions/workflow-parser`, action schema) and turns
 * it into the model the harness runs. Everything GitHub refuses is refused here too, plus the
 * project's rule: no `${{ }}` inside a `run:` script.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { NoOperationTraceWriter } from "@actions/workflow-parser";
import { convertActionTemplate, parseAction } from "@actions/workflow-parser/actions/index";
import { IdBuilder } from "@actions/workflow-parser/model/converter/id-builder";
import { convertToIfCondition } from "@actions/workflow-parser/model/converter/if-condition";
import type { TemplateContext } from "@actions/workflow-parser/templates/template-context";
import {
  BasicExpressionToken,
  type MappingToken,
  type ScalarToken,
  type TemplateToken,
} from "@actions/workflow-parser/templates/tokens/index";
import { isMapping, isScalar, isSequence, isString } from "@actions/workflow-parser/templates/tokens/type-guards";
import { HarnessError, HarnessErrorCodes } from "./errors.js";

export interface ActionInputDef {
  id: string;
  description?: string;
  required: boolean;
  default?: ScalarToken;
  deprecationMessage?: string;
}

export interface ActionOutputDef {
  id: string;
  description?: string;
  value?: ScalarToken;
}

interface StepBase {
  index: number;
  /** `id:` as written, or "" when absent. */
  id: string;
  name?: ScalarToken;
  /** Condition with the implicit `success() && (...)` applied by GitHub's converter. */
  if: BasicExpressionToken;
  continueOnError?: boolean | ScalarToken;
  env?: MappingToken;
  line?: number;
}

export interface RunStepDef extends StepBase {
  kind: "run";
  run: ScalarToken;
  /** The script text as written in action.yml. */
  script: string;
  shell: ScalarToken;
  workingDirectory?: ScalarToken;
}

export interface UsesStepDef extends StepBase {
  kind: "uses";
  uses: string;
  with?: MappingToken;
}

export type StepDef = RunStepDef | UsesStepDef;

export interface LoadedAction {
  /** Folder of the action (GITHUB_ACTION_PATH). */
  dir: string;
  /** Path of action.yml / action.yaml. */
  file: string;
  name: string;
  description: string;
  using: string;
  inputs: ActionInputDef[];
  outputs: ActionOutputDef[];
  steps: StepDef[];
}

export interface ParseOutcome {
  action?: LoadedAction;
  /** GitHub's parser errors and the project's refusals; empty when the action loads. */
  errors: { code: string; message: string }[];
}

/** Finds action.yml (or action.yaml) given the action's folder or the file itself. */
export function resolveActionFile(pathOrDir: string): string {
  const p = resolve(pathOrDir);
  if (existsSync(p) && statSync(p).isFile()) return p;
  for (const name of ["action.yml", "action.yaml"]) {
    const f = join(p, name);
    if (existsSync(f)) return f;
  }
  throw new HarnessError(
    HarnessErrorCodes.ACTION_INVALID,
    `No action.yml or action.yaml in ${p}`,
    "Point the harness at an action folder (actions/<name>) or its action.yml.",
  );
}

/** Parses and validates; never throws for a bad action (errors are returned). */
export function parseActionFile(pathOrDir: string): ParseOutcome {
  const file = resolveActionFile(pathOrDir);
  const content = readFileSync(file, "utf8");
  const parsed = parseAction({ name: basename(file), content }, new NoOperationTraceWriter());
  const errors: ParseOutcome["errors"] = [];
  const schemaErrors = () =>
    parsed.context.errors.getErrors().map((e) => ({ code: HarnessErrorCodes.ACTION_INVALID, message: e.message }));
  if (parsed.value === undefined || parsed.context.errors.getErrors().length > 0) {
    return { errors: schemaErrors() };
  }
  const template = convertActionTemplate(parsed.context, parsed.value);
  if (parsed.context.errors.getErrors().length > 0) return { errors: schemaErrors() };

  const runsToken = isMapping(parsed.value) ? parsed.value.find("runs") : undefined;
  const using = template.runs.using;
  if (using !== "composite") {
    return {
      errors: [
        {
          code: HarnessErrorCodes.ACTION_NOT_COMPOSITE,
          message: `${basename(file)}: runs.using is '${using}'; the harness runs composite actions only`,
        },
      ],
    };
  }
  const rawSteps = runsToken && isMapping(runsToken) ? runsToken.find("steps") : undefined;
  const steps: StepDef[] = [];
  const ids = new IdBuilder();
  if (rawSteps && isSequence(rawSteps)) {
    let index = 0;
    for (const raw of rawSteps) {
      if (!isMapping(raw)) continue;
      const step = readStep(parsed.context, raw, index++, basename(file), errors, ids);
      if (step) steps.push(step);
    }
  }
  if (parsed.context.errors.getErrors().length > 0) errors.push(...schemaErrors());

  const outputs: ActionOutputDef[] = (template.outputs ?? []).map((o) => ({
    id: o.id,
    description: o.description,
    value: o.value,
  }));
  for (const o of outputs) {
    if (o.value === undefined) {
      errors.push({
        code: HarnessErrorCodes.ACTION_INVALID,
        message: `${basename(file)}: output '${o.id}' has no value (composite actions must map every output to a value)`,
      });
    }
  }
  const action: LoadedAction = {
    dir: dirname(file),
    file,
    name: template.name,
    description: template.description,
    using,
    inputs: (template.inputs ?? []).map((i) => ({
      id: i.id,
      description: i.description,
      required: i.required === true,
      default: i.default,
      deprecationMessage: i.deprecationMessage,
    })),
    outputs,
    steps,
  };
  return { action, errors };
}

/** Parses and validates; throws a HarnessError when GitHub (or the project's rules) would refuse it. */
export function loadAction(pathOrDir: string): LoadedAction {
  const outcome = parseActionFile(pathOrDir);
  const first = outcome.errors[0];
  if (first || !outcome.action) {
    const code = (first?.code ?? HarnessErrorCodes.ACTION_INVALID) as keyof typeof HarnessErrorCodes;
    const hint =
      code === HarnessErrorCodes.ACTION_RUN_EXPRESSION
        ? // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
          'Map the value in the step\'s env: (INPUT_X: ${{ inputs.x }}) and read "$INPUT_X" in the script.'
        : code === HarnessErrorCodes.ACTION_NOT_COMPOSITE
          ? "Write the action as a composite action (runs.using: composite)."
          : "Fix action.yml so GitHub's parser accepts it.";
    throw new HarnessError(HarnessErrorCodes[code], outcome.errors.map((e) => e.message).join("\n"), hint);
  }
  return outcome.action;
}

function lineOf(token: TemplateToken | undefined): number | undefined {
  return token?.range?.start.line;
}

function readStep(
  context: TemplateContext,
  raw: MappingToken,
  index: number,
  fileName: string,
  errors: ParseOutcome["errors"],
  ids: IdBuilder,
): StepDef | undefined {
  let id = "";
  let name: ScalarToken | undefined;
  let ifToken: TemplateToken | undefined;
  let continueOnError: boolean | ScalarToken | undefined;
  let env: MappingToken | undefined;
  let run: ScalarToken | undefined;
  let shell: ScalarToken | undefined;
  let workingDirectory: ScalarToken | undefined;
  let uses: string | undefined;
  let withToken: MappingToken | undefined;
  for (const pair of raw) {
    const key = pair.key.assertString("step key").value;
    const value = pair.value;
    switch (key) {
      case "id":
        if (isString(value)) {
          id = value.value;
          const error = ids.tryAddKnownId(id);
          if (error)
            errors.push({
              code: HarnessErrorCodes.ACTION_INVALID,
              message: `${fileName} (Line: ${lineOf(value)}): ${error}`,
            });
        }
        break;
      case "name":
        if (isScalar(value)) name = value;
        break;
      case "if":
        ifToken = value;
        break;
      case "continue-on-error":
        continueOnError = isScalar(value) ? value : undefined;
        break;
      case "env":
        if (isMapping(value)) env = value;
        break;
      case "run":
        if (isScalar(value)) run = value;
        break;
      case "shell":
        if (isScalar(value)) shell = value;
        break;
      case "working-directory":
        if (isScalar(value)) workingDirectory = value;
        break;
      case "uses":
        if (isString(value)) uses = value.value;
        break;
      case "with":
        if (isMapping(value)) withToken = value;
        break;
    }
  }
  const condition = ifToken ? convertIf(context, ifToken) : undefined;
  const base = {
    index,
    id,
    name,
    if: condition ?? new BasicExpressionToken(undefined, undefined, "success()", undefined, undefined, undefined),
    continueOnError,
    env,
    line: lineOf(raw),
  };
  if (run !== undefined && shell !== undefined) {
    const script = run instanceof BasicExpressionToken ? (run.source ?? run.toDisplayString()) : run.toString();
    if (run instanceof BasicExpressionToken || script.includes("${{")) {
      errors.push({
        code: HarnessErrorCodes.ACTION_RUN_EXPRESSION,
        message: `${fileName} (Line: ${lineOf(run)}): step ${id || index + 1} has \${{ }} inside run:, which the project refuses (script injection); pass values through env:`,
      });
    }
    return { ...base, kind: "run", run, script, shell, workingDirectory };
  }
  if (uses !== undefined) return { ...base, kind: "uses", uses, with: withToken };
  return undefined;
}

/** GitHub's own conversion: validates the condition and wraps it in `success() && (...)` when it has no status function. */
function convertIf(context: TemplateContext, token: TemplateToken): BasicExpressionToken | undefined {
  return convertToIfCondition(context, token);
}
