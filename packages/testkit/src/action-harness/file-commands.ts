/**
 * Applies the file commands a step wrote: GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE and
 * GITHUB_STEP_SUMMARY, with the runner's refusals (NODE_OPTIONS, a summary over 1 MiB).
 */
import { existsSync, readFileSync } from "node:fs";
import type { ActionRun } from "./action-run.js";
import { parseKeyValueFile, parsePathFile } from "./commands.js";
import type { StepResult } from "./types.js";

/** Step summaries above this size are refused by GitHub (1 MiB). */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export function readFileCommands(run: ActionRun, files: Record<string, string>, result: StepResult): void {
  const s = run.harness.state;
  const read = (f: string | undefined) => (f && existsSync(f) ? readFileSync(f, "utf8") : "");
  const apply = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      run.fail(result, `Unable to process file command '${what}' successfully. ${(err as Error).message}`);
    }
  };
  apply("output", () => {
    for (const [k, v] of parseKeyValueFile(read(files["GITHUB_OUTPUT"]))) result.outputs[k] = v;
  });
  apply("env", () => {
    for (const [k, v] of parseKeyValueFile(read(files["GITHUB_ENV"]))) {
      if (k.toUpperCase() === "NODE_OPTIONS") {
        throw new Error("Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.");
      }
      s.globalEnv[k] = v;
      run.exportedEnv[k] = v;
    }
  });
  apply("path", () => {
    for (const dir of parsePathFile(read(files["GITHUB_PATH"]))) {
      const i = s.prependPath.indexOf(dir);
      if (i >= 0) s.prependPath.splice(i, 1);
      s.prependPath.push(dir);
      run.addedPath.push(dir);
    }
  });
  apply("state", () => {
    for (const [k, v] of parseKeyValueFile(read(files["GITHUB_STATE"]))) run.savedState[k] = v;
  });
  const summary = read(files["GITHUB_STEP_SUMMARY"]);
  const size = Buffer.byteLength(summary);
  if (size > STEP_SUMMARY_LIMIT_BYTES) {
    run.annotate(
      "error",
      `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${Math.ceil(size / 1024)}k.`,
      result.name,
      "runner",
    );
  } else {
    result.summary = summary;
    run.summary += summary;
  }
}
