/**
 * The classification stage of `codexrel run`: the config's `regressions:` section in, the run
 * report's regressions section out. A classification that cannot run (no candidate report, a
 * malformed file) becomes a failed blocking step of the report, never a silent "no regressions".
 */
import { dirname, resolve } from "node:path";
import { type CodexrelConfig, type CommandResult, type Regressions, toCodexrelError } from "@codexrel/core";
import { classifyOptionsFromConfig, classifyReports } from "@codexrel/regressions";

export interface ClassifyStageResult {
  regressions: Regressions | null;
  /** Set when classification failed: a blocking failed step for the report's commands. */
  failure: CommandResult | null;
}

export async function classifyStage(
  config: NonNullable<CodexrelConfig["regressions"]>,
  configPath: string,
  now: () => Date,
): Promise<ClassifyStageResult> {
  const cwd = dirname(resolve(configPath));
  const started = performance.now();
  try {
    const result = await classifyReports(
      classifyOptionsFromConfig(config, {
        cwd,
        // The run report lists what needs attention; passing tests are counted (counts.passed).
        includePassed: false,
        clock: { now },
      }),
    );
    return { regressions: result.section, failure: null };
  } catch (error) {
    const coded = toCodexrelError(error);
    return {
      regressions: null,
      failure: {
        name: "classify regressions",
        command: `codexrel classify --candidate ${config.candidate.join(" ")}${config.base ? ` --base ${config.base.join(" ")}` : ""}`,
        status: "fail",
        blocking: true,
        exitCode: null,
        durationMs: Math.round(performance.now() - started),
        code: coded.code,
        reason: `${coded.message} (${coded.hint})`,
        outputTail: [],
        firstFailingLines: [],
      },
    };
  }
}
