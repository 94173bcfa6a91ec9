/**
 * The project's rules for its composite actions, checked statically on the parsed action.yml:
 * the node guard comes first, no `${{ }}` inside `run:`, every input reaches a script through
 * `env:` (`INPUT_<UPPER_SNAKE>: ${{ inputs.<id> }}`) or an official action through `with:`, and
 * every `steps.<id>` reference names an earlier step.
 */
import { BasicExpressionToken, type MappingToken } from "@actions/workflow-parser/templates/tokens/index";
import { isScalar } from "@actions/workflow-parser/templates/tokens/type-guards";
import { contextReferences, stepOutputReferences } from "./expressions.js";
import { type LoadedAction, parseActionFile, type StepDef } from "./load.js";

export const CHECK_NODE_COMMAND = 'bash "$GITHUB_ACTION_PATH/../scripts/check-node.sh"';

export interface LintProblem {
  rule: "parse" | "check-node-first" | "run-expression" | "input-not-mapped" | "env-name" | "unknown-step";
  message: string;
}

/** `report-path` -> `INPUT_REPORT_PATH`. */
export function inputEnvName(id: string): string {
  return `INPUT_${id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

function expressionsOf(mapping: MappingToken | undefined): { key: string; expression: string }[] {
  const out: { key: string; expression: string }[] = [];
  if (!mapping) return out;
  for (const pair of mapping) {
    if (isScalar(pair.value) && pair.value instanceof BasicExpressionToken) {
      out.push({ key: pair.key.toString(), expression: pair.value.expression });
    }
  }
  return out;
}

/** Lints an action folder (or action.yml); returns an empty list when it follows every rule. */
export function lintAction(pathOrDir: string): LintProblem[] {
  const outcome = parseActionFile(pathOrDir);
  const problems: LintProblem[] = outcome.errors.map((e) => ({
    rule: e.code === "ACTION_RUN_EXPRESSION" ? "run-expression" : "parse",
    message: e.message,
  }));
  if (outcome.action) problems.push(...lintLoaded(outcome.action));
  return problems;
}

export function lintLoaded(action: LoadedAction): LintProblem[] {
  const problems: LintProblem[] = [];
  const first = action.steps[0];
  const guarded =
    first?.kind === "run" && first.script.trim() === CHECK_NODE_COMMAND && first.shell.toString().trim() === "bash";
  if (!guarded) {
    problems.push({
      rule: "check-node-first",
      message: `${action.name}: the first step must be \`run: ${CHECK_NODE_COMMAND}\` with \`shell: bash\``,
    });
  }

  const reached = new Set<string>();
  for (const step of action.steps) {
    for (const { key, expression } of expressionsOf(step.env)) {
      const refs = contextReferences(expression, "inputs");
      for (const ref of refs) {
        if (step.kind === "run" && key === inputEnvName(ref)) reached.add(ref);
      }
      if (key.startsWith("INPUT_") && refs.length > 0 && !refs.some((r) => inputEnvName(r) === key)) {
        problems.push({
          rule: "env-name",
          message: `${action.name}: env ${key} maps ${refs.map((r) => `inputs.${r}`).join(", ")}; name it ${refs.map(inputEnvName).join(" / ")}`,
        });
      }
    }
    if (step.kind === "uses") {
      for (const { expression } of expressionsOf(step.with)) {
        for (const ref of contextReferences(expression, "inputs")) reached.add(ref);
      }
    }
  }
  for (const input of action.inputs) {
    if (!reached.has(input.id.toLowerCase())) {
      problems.push({
        rule: "input-not-mapped",
        message: `${action.name}: input '${input.id}' never reaches a script; map it in a run step's env: as ${inputEnvName(input.id)}: \${{ inputs.${input.id} }}`,
      });
    }
  }

  // steps.<id> references must name a step that runs before (outputs: any step).
  const seen = new Set<string>();
  const check = (expression: string, where: string, known: Set<string>) => {
    for (const ref of [
      ...stepOutputReferences(expression).map((r) => r.step),
      ...contextReferences(expression, "steps"),
    ]) {
      if (!known.has(ref)) {
        problems.push({
          rule: "unknown-step",
          message: `${action.name}: ${where} reads steps.${ref}, which is not an earlier step id`,
        });
      }
    }
  };
  for (const step of action.steps) {
    const where = `step ${step.id || step.index + 1}`;
    for (const expression of stepExpressions(step)) check(expression, where, seen);
    if (step.id) seen.add(step.id.toLowerCase());
  }
  for (const output of action.outputs) {
    if (output.value instanceof BasicExpressionToken) check(output.value.expression, `output '${output.id}'`, seen);
  }
  return dedupe(problems);
}

function stepExpressions(step: StepDef): string[] {
  const out = [step.if.expression, ...expressionsOf(step.env).map((e) => e.expression)];
  if (step.kind === "uses") out.push(...expressionsOf(step.with).map((e) => e.expression));
  if (step.kind === "run") {
    for (const t of [step.shell, step.workingDirectory]) if (t instanceof BasicExpressionToken) out.push(t.expression);
  }
  if (step.continueOnError instanceof BasicExpressionToken) out.push(step.continueOnError.expression);
  return out;
}

function dedupe(problems: LintProblem[]): LintProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.rule}\0${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
