/**
 * `codexrel run`: the release-validation pipeline. Stages fill the run report in order; the
 * decision is derived at the end; outputs are rendered in memory and written as one output set
 * (staging folder beside the target, checked writes, fsync, one swap under a lock): either the
 * whole new set is there or the previous one is, never a mix.
 */
import { dirname, join, relative, resolve } from "node:path";
import { type CheckEvent, type RunChecksOptions, runChecks } from "@codexrel/checks";
import {
  type Artifact,
  type CodexrelConfig,
  type CommitIdentity,
  createReport,
  deriveRisks,
  finalizeReport,
  type PreflightCheck,
  type Publication,
  type RunReport,
  renderComment,
  renderHtml,
  renderJobSummary,
} from "@codexrel/core";
import { applyCujStage } from "@codexrel/publisher";
import { secretsFromEnv } from "../commands/shared.js";
import { type OutputFs, OutputSet } from "../output/output-set.js";
import { draftChangelog } from "./changelog.js";
import { classifyStage } from "./classify-stage.js";

export interface RunPipelineOptions {
  config: CodexrelConfig;
  /** Path of the config file; checks run in its folder. */
  configPath: string;
  /** Output folder (default `<config dir>/.codexrel/out`). */
  outDir?: string;
  env: Record<string, string | undefined>;
  /** Directory paths are shown relative to in messages. */
  cwd: string;
  toolVersion: string;
  /** Exact secret values to keep out of every output. */
  secrets?: string[];
  onCheckEvent?: (event: CheckEvent) => void;
  now?: () => Date;
  /**
   * Preflight results (from @codexrel/preflight, run by the command edge): they fill
   * `preflight[]`, and a known-blocked publication replaces the default "skipped".
   */
  preflight?: { checks: PreflightCheck[]; publication: Publication | null };
  /** Which fix iteration this run is (1-based) and why the loop stopped, for agent runs. */
  iteration?: { n: number; max?: number; stopReason?: string | null };
  /**
   * Last step before the decision is derived: stages that read the whole report (the iteration
   * ledger, the required-CUJ gate) add their sections here.
   */
  beforeFinalize?: (report: RunReport) => RunReport | Promise<RunReport>;
  /** The commit this run judges (flags, env, git checkout: resolved by the edge). */
  commit?: CommitIdentity;
  /** File-system port for the output set (tests inject faults here). */
  outputFs?: OutputFs;
}

export interface RunPipelineResult {
  report: RunReport;
  outDir: string;
  files: { json: string; markdown: string; summary: string; html: string };
}

export const REPORT_FILES = {
  json: "report.json",
  markdown: "report.md",
  summary: "summary.md",
  html: "report.html",
} as const;

/** How codexrel.yml's `checksOptions` map onto `runChecks` (shared by `run` and `checks run`). */
export function checkRunOptions(
  config: CodexrelConfig,
  projectDir: string,
  env: Record<string, string | undefined>,
): RunChecksOptions {
  const o = config.checksOptions;
  return {
    cwd: projectDir,
    env,
    // Check output is stream-redacted with these before it is captured, cut or shown (--verbose).
    secrets: secretsFromEnv(env),
    ...(o?.shell ? { shell: o.shell } : {}),
    ...(o?.stopOnBlockingFailure ? { stopOnBlockingFailure: true } : {}),
    ...(o?.tailLines ? { tailLines: o.tailLines } : {}),
  };
}

export async function runPipeline(options: RunPipelineOptions): Promise<RunPipelineResult> {
  const now = options.now ?? (() => new Date());
  const projectDir = dirname(resolve(options.configPath));
  const outDir = resolve(options.outDir ?? join(projectDir, ".codexrel", "out"));
  const { config } = options;

  let report: RunReport = createReport({
    tool: { version: options.toolVersion },
    stage: config.stage ?? "validation",
    ...(config.title ? { title: config.title } : {}),
    startedAt: now(),
    ...(options.commit ? { commit: options.commit } : {}),
  });

  if (options.preflight) report.preflight = options.preflight.checks;
  if (options.iteration) {
    report.meta.iteration = {
      n: options.iteration.n,
      max: options.iteration.max ?? config.iterations?.max ?? Math.max(1, options.iteration.n),
      stopReason: options.iteration.stopReason ?? null,
    };
  }

  report.commands = await runChecks(config.checks ?? [], {
    ...checkRunOptions(config, projectDir, options.env),
    ...(options.onCheckEvent ? { onEvent: options.onCheckEvent } : {}),
  });

  if (config.regressions) {
    const classified = await classifyStage(config.regressions, options.configPath, now);
    report.regressions = classified.regressions;
    if (classified.failure) report.commands.push(classified.failure);
  }

  const shownOut = relative(options.cwd, outDir) || ".";
  report.publication = options.preflight?.publication ?? {
    status: "skipped",
    code: "NO_PUBLISH_TARGET",
    reason: `no GitHub thread configured; the report is written to the local folder ${shownOut}`,
  };
  report.artifacts = localArtifacts();
  // The output set is built beside the target; the CUJ copy goes into it too, so it swaps in with the report.
  const set = await OutputSet.begin(outDir, options.outputFs ? { fs: options.outputFs } : {});
  try {
    if (config.publish) {
      const ephemeralDirs = [options.env.RUNNER_TEMP].filter((d): d is string => Boolean(d));
      report = await applyCujStage(report, {
        publish: config.publish,
        projectDir,
        outDir: set.stagingDir,
        cwd: options.cwd,
        ephemeralDirs,
        secrets: secretsFromEnv(options.env),
        ...(report.meta.sha ? { commitSha: report.meta.sha } : {}),
      });
    }

    const changelog = await draftChangelog({
      changesetsDir: resolve(projectDir, config.changelog?.changesetsDir ?? ".changeset"),
      repoDir: projectDir,
      ...(config.changelog?.since ? { since: config.changelog.since } : {}),
      ...(config.changelog?.maxEntries ? { maxEntries: config.changelog.maxEntries } : {}),
    });
    if (options.beforeFinalize) report = await options.beforeFinalize(report);
    report = finalizeReport(report, {
      finishedAt: now(),
      risks: deriveRisks(report),
      changelog: changelog?.text ?? null,
      ...(options.secrets ? { secrets: options.secrets } : {}),
    });

    // Render everything before writing anything: an invalid report throws here and nothing is written.
    const rendered = {
      json: `${JSON.stringify(report, null, 2)}\n`,
      markdown: renderComment(report),
      summary: renderJobSummary(report),
      html: renderHtml(report),
    };
    await set.write(REPORT_FILES.json, rendered.json);
    await set.write(REPORT_FILES.markdown, rendered.markdown);
    await set.write(REPORT_FILES.summary, rendered.summary);
    await set.write(REPORT_FILES.html, rendered.html);
    await set.commit();
  } catch (error) {
    await set.abort();
    throw error;
  }
  const files = {
    json: join(outDir, REPORT_FILES.json),
    markdown: join(outDir, REPORT_FILES.markdown),
    summary: join(outDir, REPORT_FILES.summary),
    html: join(outDir, REPORT_FILES.html),
  };
  return { report, outDir, files };
}

/** The report files themselves, linked relative to the output folder (local, not durable). */
function localArtifacts(): Artifact[] {
  return [
    { name: "HTML report", kind: "report", url: REPORT_FILES.html, durable: false, destination: "local" },
    { name: "report.json", kind: "report", url: REPORT_FILES.json, durable: false, destination: "local" },
    { name: "comment markdown", kind: "report", url: REPORT_FILES.markdown, durable: false, destination: "local" },
  ];
}
