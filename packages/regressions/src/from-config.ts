/**
 * The `regressions:` section of codexrel.yml, as core's config loader returns it, turned into the
 * options of `classifyReports`. The one mapping `codexrel run`, `codexrel classify` (its flags
 * read as that section) and the classify-regressions action share, so a key means the same in each.
 */
import { resolve } from "node:path";
import type { CodexrelConfig } from "@codexrel/core";
import type { ClassifyReportsOptions } from "./api.js";

/** The config's `regressions:` section; `candidate` is any list, so flags and action inputs fit it too. */
export type RegressionsConfig = Omit<NonNullable<CodexrelConfig["regressions"]>, "candidate"> & {
  candidate: readonly string[];
};

/** What the section does not say: the folder its paths are relative to, and how this caller runs it. */
export type ClassifyRunOptions = Omit<ClassifyReportsOptions, MappedKey | "cwd"> & { cwd: string };

type MappedKey =
  | "base"
  | "baselineNone"
  | "candidate"
  | "candidateAttempts"
  | "history"
  | "knownFailing"
  | "policy"
  | "repeated"
  | "baselineSource";

/** `classifyReports` options for a config section: absent keys stay absent, so the library defaults apply. */
export function classifyOptionsFromConfig(config: RegressionsConfig, run: ClassifyRunOptions): ClassifyReportsOptions {
  return {
    ...run,
    base: config.base ?? null,
    ...(config.baseline === "none" ? { baselineNone: true } : {}),
    candidate: config.candidate,
    ...(config.attempts ? { candidateAttempts: config.attempts } : {}),
    ...(config.history ? { history: config.history } : {}),
    // The file is read by the library, so it is resolved here against the config's folder.
    ...(config.knownFailing ? { knownFailing: resolve(run.cwd, config.knownFailing) } : {}),
    ...(config.blocking ? { policy: { blocking: config.blocking } } : {}),
    ...(config.repeated ? { repeated: config.repeated } : {}),
    ...(config.baselineSource ? { baselineSource: config.baselineSource } : {}),
  };
}
