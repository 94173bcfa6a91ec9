/**
 * Runs one `uses:` step through its stand-in: evaluates `with:`, refuses inputs the official
 * action does not document, applies the documented defaults, and reports like the real action.
 */
import { isMapping, isScalar } from "@actions/workflow-parser/templates/tokens/type-guards";
import type { ActionRun } from "./action-run.js";
import { HarnessError, HarnessErrorCodes } from "./errors.js";
import { type EvalEnvironment, evaluateToString } from "./expressions.js";
import type { UsesStepDef } from "./load.js";
import { type StandIn, standInFor } from "./stand-ins.js";
import type { StepResult } from "./types.js";

export function runStandIn(run: ActionRun, step: UsesStepDef, env: EvalEnvironment, result: StepResult): void {
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
    run.fail(result, (err as Error).message);
    return;
  }
  const declared = Object.keys(standIn.inputs);
  const undeclared = Object.keys(given).filter((k) => !declared.some((d) => d.toLowerCase() === k));
  if (undeclared.length > 0) {
    throw new HarnessError(
      HarnessErrorCodes.ACTION_INPUT_UNDECLARED,
      `${run.action.file}: step ${step.id || step.index + 1} passes unexpected input(s) ${undeclared.map((u) => `'${u}'`).join(", ")} to ${step.uses}; valid inputs are [${declared.map((d) => `'${d}'`).join(", ")}]`,
      "Use the documented inputs of the official action.",
    );
  }
  const inputs: Record<string, string> = {};
  for (const [name, def] of Object.entries(standIn.inputs)) {
    const v = given[name.toLowerCase()];
    if (v !== undefined) inputs[name] = v;
    else if (def.default !== undefined) inputs[name] = def.default;
  }
  const g = run.harness.state.github;
  const out = standIn.run(inputs, {
    workspace: run.harness.paths.workspace,
    home: run.harness.paths.home,
    serverUrl: String(g["server_url"]),
    repository: String(g["repository"]),
    runId: String(g["run_id"]),
    cache: run.harness.cache,
    cacheFallbacks: run.harness.cacheFallbacks,
    artifacts: run.harness.artifacts,
    warning: (m) => run.annotate("warning", m, result.name, "runner"),
    error: (m) => run.annotate("error", m, result.name, "runner"),
    info: (m) => run.pushLog(result, m),
  });
  result.outputs = out.outputs;
  if (out.failed !== undefined) run.fail(result, out.failed);
}
