/**
 * Runs one `run:` step: evaluates its shell, working directory and script, runs the script in a
 * real process, and handles the workflow commands (`::error::`, `::add-mask::`...) it prints.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ActionRun } from "./action-run.js";
import { parseWorkflowCommand } from "./commands.js";
import { type EvalEnvironment, evaluateToString } from "./expressions.js";
import { readFileCommands } from "./file-commands.js";
import type { RunStepDef } from "./load.js";
import { runProcess, shellCommand, shellExtension } from "./shell.js";
import { processEnvironment, runnerVariables } from "./step-environment.js";
import type { Annotation, StepResult } from "./types.js";

export async function runScript(
  run: ActionRun,
  step: RunStepDef,
  env: EvalEnvironment,
  envContext: Record<string, string>,
  contextName: string,
  result: StepResult,
): Promise<void> {
  const s = run.harness.state;
  const p = run.harness.paths;
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
    run.fail(result, (err as Error).message);
    return;
  }
  const scriptPath = join(p.temp, `${randomUUID()}${shellExtension(shell)}`);
  let command: ReturnType<typeof shellCommand>;
  try {
    command = shellCommand(shell, scriptPath);
  } catch (err) {
    run.fail(result, (err as Error).message);
    return;
  }
  writeFileSync(scriptPath, script);
  const files = {
    GITHUB_OUTPUT: run.harness.newCommandFile("set_output"),
    GITHUB_ENV: run.harness.newCommandFile("set_env"),
    GITHUB_PATH: run.harness.newCommandFile("add_path"),
    GITHUB_STEP_SUMMARY: run.harness.newCommandFile("step_summary"),
    GITHUB_STATE: run.harness.newCommandFile("save_state"),
  };
  const procEnv = processEnvironment(run, envContext, runnerVariables(run, contextName, files));
  let stopToken: string | undefined;
  const spawned = await runProcess(command, {
    cwd: workingDirectory,
    env: procEnv,
    timeoutMs: s.options.stepTimeoutMs ?? 120_000,
    ...(s.options.cancelSignal ? { cancelSignal: s.options.cancelSignal } : {}),
    onLine: (line) => {
      if (stopToken !== undefined) {
        if (line.trim() === `::${stopToken}::`) stopToken = undefined;
        run.pushLog(result, line);
        return;
      }
      const cmd = parseWorkflowCommand(line);
      if (!cmd) {
        run.pushLog(result, line);
        return;
      }
      switch (cmd.command) {
        case "add-mask":
          if (cmd.message.trim() !== "") s.masks.add(cmd.message.trim());
          run.pushLog(result, "::add-mask::***");
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
          run.annotate(cmd.command, cmd.message, result.name, "command", props);
          break;
        }
        case "stop-commands":
          stopToken = cmd.message;
          break;
        case "set-output":
          run.annotate(
            "warning",
            "The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.",
            result.name,
            "runner",
          );
          if (cmd.properties["name"]) result.outputs[cmd.properties["name"]] = cmd.message;
          break;
        case "save-state":
          run.annotate(
            "warning",
            "The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.",
            result.name,
            "runner",
          );
          if (cmd.properties["name"]) run.savedState[cmd.properties["name"]] = cmd.message;
          break;
        case "set-env":
        case "add-path":
          run.fail(
            result,
            `Unable to process command '${line.trim()}' successfully. The \`${cmd.command}\` command is disabled. Please upgrade to using Environment Files.`,
          );
          break;
      }
      run.pushLog(result, line);
    },
  });
  if (spawned.error) {
    run.fail(result, spawned.error);
  } else {
    result.exitCode = spawned.exitCode;
    if (spawned.exitCode !== 0) run.fail(result, `Process completed with exit code ${spawned.exitCode}.`);
  }
  readFileCommands(run, files, result);
}
