/**
 * One run of an action: resolves its inputs, runs its steps in order with the runner's `if:`,
 * `continue-on-error` and status rules, then evaluates its outputs. The step kinds run in
 * script-step.ts and stand-in-step.ts; the members they use are public, the class is internal.
 */
import { BasicExpressionToken } from "@actions/workflow-parser/templates/tokens/index";
import { isScalar } from "@actions/workflow-parser/templates/tokens/type-guards";
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
import type { ActionHarness } from "./harness.js";
import type { LoadedAction, StepDef } from "./load.js";
import { runScript } from "./script-step.js";
import { runStandIn } from "./stand-in-step.js";
import type {
  ActionRunResult,
  Annotation,
  AnnotationLevel,
  RunActionOptions,
  StepOutcome,
  StepResult,
} from "./types.js";

interface StepScopeEntry {
  outputs: Record<string, string>;
  outcome: StepOutcome;
  conclusion: StepOutcome;
}

export class ActionRun {
  private readonly annotations: Annotation[] = [];
  private readonly steps: StepResult[] = [];
  private readonly stepsContext: Record<string, StepScopeEntry> = {};
  private readonly log: string[] = [];
  readonly exportedEnv: Record<string, string> = {};
  readonly addedPath: string[] = [];
  readonly savedState: Record<string, string> = {};
  private readonly status = { failed: false, cancelled: false };
  private readonly inputs: Record<string, string> = {};
  private exitCode = 0;
  summary = "";
  private generatedIds = 0;

  constructor(
    readonly harness: ActionHarness,
    readonly action: LoadedAction,
    private readonly runOptions: RunActionOptions,
  ) {}

  private mask(text: string): string {
    let out = text;
    for (const secret of this.harness.state.masks) if (secret !== "") out = out.split(secret).join("***");
    return out;
  }

  annotate(level: AnnotationLevel, message: string, step: string, origin: Annotation["origin"], props = {}): void {
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
      await runScript(this, step, env, envContext, contextName, result);
    } else {
      runStandIn(this, step, env, result);
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

  fail(result: StepResult, message: string): void {
    result.outcome = "failure";
    this.annotate("error", message, result.name, "runner");
  }

  pushLog(result: StepResult, line: string): void {
    const masked = this.mask(line);
    result.log.push(masked);
    this.log.push(masked);
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
