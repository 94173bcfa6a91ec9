/**
 * `codexrel release-monitor check|context|apply`: watch upstream releases.
 *
 * - check:   newest matching release per upstream vs the state file; one line each.
 * - context: for new releases, fetch the tags and write the agent's context (diff stat, capped
 *            diff, log, prompt with the release-impact contract); prints the prompt path.
 * - apply:   read the agent's verdicts strictly, open one issue per finding (deduplicated), and
 *            advance the state file; `--dry-run` shows what would be opened.
 *
 * Exit codes: 0 done (or nothing new, or a dry run); 1 a verdict was missing or invalid
 * (placeholder: nothing opened, state kept); 2 usage/config errors and failures (an upstream or
 * GitHub could not be reached), since nothing was decided for them.
 */
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { CodexrelError, ErrorCodes, redact } from "@codexrel/core";
import { createGitHubClient, type GitHubClient } from "@codexrel/github";
import {
  applyReleaseImpact,
  checkUpstreams,
  createGitPort,
  DEFAULT_CONFIG_PATH,
  type FindingsPort,
  githubFindingsPort,
  githubReleasesPort,
  missingRepositoryFindingsPort,
  parseReleaseMonitorConfig,
  prepareContext,
  type ReleaseMonitorConfig,
  ReleaseMonitorErrorCodes,
  readState,
  renderApplyText,
  renderCheckText,
  renderContextText,
} from "@codexrel/release-monitor";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { readText } from "../io.js";
import { githubFromEnv } from "./github-env.js";
import { secretsFromEnv } from "./shared.js";

const DEFAULT_CONTEXT_DIR = ".codexrel/release-monitor";

interface CommonFlags {
  config?: string;
  state?: string;
  upstream?: string[];
  json?: boolean;
}

interface ApplyFlags extends CommonFlags {
  context?: string;
  repo?: string;
  manifestSha256?: string;
  dryRun?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const rm = program
    .command("release-monitor")
    .description(
      "watch upstream releases: check for new ones, prepare the diff for an agent, open one issue per finding",
    );
  const common = (cmd: Command) =>
    cmd
      .option("--config <file>", `release monitor config (default ${DEFAULT_CONFIG_PATH})`)
      .option("--state <file>", "state file (default: the config's `state`, else .github/release-monitor/state.json)")
      .option("--json", "print the result as JSON on stdout");

  common(
    rm
      .command("check")
      .description("show the newest matching release of each upstream against the last reviewed one; fetches nothing")
      .option("--upstream <names...>", "only these upstreams (names from the config)"),
  ).action(async (flags: CommonFlags) => {
    const { config, root } = await loadConfig(ctx, flags);
    const state = await readState(statePath(ctx, flags, config));
    const statuses = await checkUpstreams({
      config,
      state,
      git: createGitPort({ env: ctx.env }),
      releases: await releasesPort(ctx, config),
      root,
      ...(flags.upstream ? { only: flags.upstream } : {}),
    });
    const hasNew = statuses.some((s) => s.status === "new");
    if (flags.json) print(ctx, { hasNew, upstreams: statuses });
    else ctx.stdout.write(clean(ctx, renderCheckText(statuses)));
    ctx.exitCode = statuses.some((s) => s.status === "error") ? ExitCode.USAGE : ExitCode.OK;
  });

  common(
    rm
      .command("context")
      .description("fetch the new tags and write the agent's context: diff stat, capped diff, log and prompt")
      .option("--out <dir>", `context folder (default ${DEFAULT_CONTEXT_DIR})`)
      .option("--upstream <names...>", "only these upstreams (names from the config)"),
  ).action(async (flags: CommonFlags & { out?: string }) => {
    const { config, root } = await loadConfig(ctx, flags);
    const state = await readState(statePath(ctx, flags, config));
    const result = await prepareContext({
      config,
      state,
      git: createGitPort({ env: ctx.env }),
      releases: await releasesPort(ctx, config),
      root,
      outDir: resolve(ctx.cwd, flags.out ?? DEFAULT_CONTEXT_DIR),
      tmpDir: tmpdir(),
      ...(flags.upstream ? { only: flags.upstream } : {}),
      ...(flags.json ? { log: (line: string) => ctx.stderr.write(clean(ctx, `${line}\n`)) } : {}),
    });
    if (flags.json) {
      print(ctx, {
        hasNew: result.manifest.entries.length > 0,
        upstreams: result.statuses,
        contextDir: resolve(ctx.cwd, flags.out ?? DEFAULT_CONTEXT_DIR),
        promptPath: result.promptPath,
        manifestPath: result.manifestPath,
        manifestSha256: result.manifestSha256,
        entries: result.manifest.entries,
      });
    } else ctx.stdout.write(clean(ctx, renderContextText(result)));
    ctx.exitCode = result.statuses.some((s) => s.status === "error") ? ExitCode.USAGE : ExitCode.OK;
  });

  common(
    rm
      .command("apply")
      .description(
        "read the agent's release-impact verdicts, open one issue per finding (deduplicated) and advance the state",
      )
      .option("--context <dir>", `context folder written by \`context\` (default ${DEFAULT_CONTEXT_DIR})`)
      .option("--repo <owner/repo>", "repository to open issues in (default: the config's, else GITHUB_REPOSITORY)")
      .option("--manifest-sha256 <hex>", "refuse a manifest.json whose sha256 differs (printed by `context`)")
      .option("--dry-run", "open nothing and write nothing; show what would be opened"),
  ).action(async (flags: ApplyFlags) => {
    const { config } = await loadConfig(ctx, flags);
    if (flags.manifestSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(flags.manifestSha256)) {
      throw new CodexrelError(ErrorCodes.USAGE, "--manifest-sha256 needs 64 hex characters", {
        hint: "Pass the manifestSha256 that `codexrel release-monitor context --json` printed.",
      });
    }
    const repository = flags.repo ?? config.issues.repository ?? ctx.env.GITHUB_REPOSITORY ?? null;
    const result = await applyReleaseImpact({
      config,
      contextDir: resolve(ctx.cwd, flags.context ?? DEFAULT_CONTEXT_DIR),
      statePath: statePath(ctx, flags, config),
      findings: await findingsPort(ctx, config, repository),
      dryRun: Boolean(flags.dryRun),
      expectedManifestSha256: flags.manifestSha256 ?? null,
      ...(flags.json ? { log: (line: string) => ctx.stderr.write(clean(ctx, `${line}\n`)) } : {}),
    });
    if (flags.json) print(ctx, result);
    else {
      for (const w of result.warnings) ctx.stderr.write(clean(ctx, `warning: ${w}\n`));
      ctx.stdout.write(clean(ctx, renderApplyText(result, { showBodies: Boolean(flags.dryRun) })));
    }
    ctx.exitCode =
      result.status === "failed" ? ExitCode.USAGE : result.status === "placeholder" ? ExitCode.NOT_READY : ExitCode.OK;
  });
}

async function loadConfig(
  ctx: CliContext,
  flags: CommonFlags,
): Promise<{ config: ReleaseMonitorConfig; root: string }> {
  const path = resolve(ctx.cwd, flags.config ?? DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = await readText(path, "release monitor config");
  } catch (cause) {
    throw new CodexrelError(
      ReleaseMonitorErrorCodes.RELEASE_MONITOR_CONFIG_NOT_FOUND,
      `no release monitor config at ${path}`,
      {
        hint: `Create ${DEFAULT_CONFIG_PATH} with an upstreams list (see @codexrel/release-monitor's README), or pass --config.`,
        cause,
      },
    );
  }
  const config = parseReleaseMonitorConfig(text, {
    sourceName: flags.config ?? DEFAULT_CONFIG_PATH,
    ...(ctx.env.GITHUB_SERVER_URL ? { serverUrl: ctx.env.GITHUB_SERVER_URL } : {}),
  });
  return { config, root: ctx.cwd };
}

function statePath(ctx: CliContext, flags: CommonFlags, config: ReleaseMonitorConfig): string {
  return resolve(ctx.cwd, flags.state ?? config.state);
}

async function client(ctx: CliContext): Promise<GitHubClient | null> {
  const github = await githubFromEnv(ctx.env);
  if (!github.token.found) return null;
  return createGitHubClient({ token: github.token.token, apiUrl: github.apiUrl, graphqlUrl: github.graphqlUrl });
}

async function releasesPort(ctx: CliContext, config: ReleaseMonitorConfig) {
  if (!config.upstreams.some((u) => u.source === "releases")) return null;
  const gh = await client(ctx);
  return gh ? githubReleasesPort(gh) : null;
}

async function findingsPort(
  ctx: CliContext,
  config: ReleaseMonitorConfig,
  repository: string | null,
): Promise<FindingsPort | null> {
  const gh = await client(ctx);
  if (!gh) return null;
  if (!repository) {
    return missingRepositoryFindingsPort(
      "Pass --repo owner/name, set issues.repository in the config, or run in Actions (GITHUB_REPOSITORY).",
    );
  }
  return githubFindingsPort(gh, { repository, scanLimit: config.issues.scanLimit });
}

function clean(ctx: CliContext, text: string): string {
  return redact(text, { secrets: secretsFromEnv(ctx.env) });
}

function print(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(clean(ctx, `${JSON.stringify(value, null, 2)}\n`));
}
