/**
 * actions/release-monitor entry: inputs (through env) -> one release-monitor command (check,
 * context or apply) -> outputs, job summary and annotations. Advisory mode (the default) reports
 * failures and missing verdicts and exits 0; blocking mode fails the step on them.
 */
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { CodexrelError, escapeHtml, formatError, redact, toCodexrelError } from "@codexrel/core";
import { createGitHubClient, type GitHubClient } from "@codexrel/github";
import {
  type ApplyResult,
  applyReleaseImpact,
  checkUpstreams,
  createGitPort,
  type FindingsPort,
  githubFindingsPort,
  githubReleasesPort,
  missingRepositoryFindingsPort,
  prepareContext,
  type ReleaseMonitorConfig,
  readReleaseMonitorConfig,
  readState,
  renderApplyMarkdown,
  renderCheckMarkdown,
  type UpstreamStatus,
} from "@codexrel/release-monitor";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";

const env = process.env;
const token = inputs.text("github-token");
const secrets = actionSecrets();
const clean = (text: string) => redact(text, { secrets });
const mode = inputs.text("mode") || "advisory";
const blocking = mode === "blocking";
const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
const TITLE = "codexrel release monitor";

const OUTPUTS = [
  "status",
  "has-new",
  "context-dir",
  "prompt-file",
  "manifest-sha256",
  "opened",
  "existing",
  "state-changed",
  "state-file",
  "error-code",
] as const;
type OutputName = (typeof OUTPUTS)[number];
const outputs = new Map<OutputName, string>(OUTPUTS.map((o) => [o, ""]));
const set = (name: OutputName, value: string | number | boolean) => outputs.set(name, String(value));

function fromWorkspace(path: string): string {
  return isAbsolute(path) ? path : resolve(workspace, path);
}

let gh: GitHubClient | null | undefined;
function client(): GitHubClient | null {
  if (gh === undefined) {
    gh = token ? createGitHubClient({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  }
  return gh;
}

function only(): string[] {
  return inputs.list("upstreams", { split: "words" });
}

function contextDir(): string {
  return fromWorkspace(inputs.text("context-dir") || join(env.RUNNER_TEMP ?? tmpdir(), "codexrel-release-monitor"));
}

function statusLines(statuses: readonly UpstreamStatus[]): void {
  for (const s of statuses) {
    core.info(clean(s.line));
    if (s.error) {
      const text = clean(`${s.error.code}: ${s.error.message} (fix: ${s.error.hint})`);
      if (blocking) core.error(text, { title: `${TITLE}: ${s.name}` });
      else core.warning(text, { title: `${TITLE}: ${s.name}` });
    }
  }
}

async function check(config: ReleaseMonitorConfig): Promise<boolean> {
  const state = await readState(fromWorkspace(inputs.text("state") || config.state));
  const statuses = await checkUpstreams({
    config,
    state,
    git: createGitPort({ env }),
    releases: client() ? githubReleasesPort(client()!) : null,
    root: workspace,
    only: only(),
  });
  statusLines(statuses);
  const failed = statuses.find((s) => s.status === "error");
  const hasNew = statuses.some((s) => s.status === "new");
  set("status", failed ? "failed" : hasNew ? "new" : "up-to-date");
  set("has-new", hasNew);
  if (failed?.error) set("error-code", failed.error.code);
  await core.summary.addRaw(clean(`### ${TITLE}: check\n\n${renderCheckMarkdown(statuses)}`)).write();
  return !failed;
}

async function context(config: ReleaseMonitorConfig): Promise<boolean> {
  const state = await readState(fromWorkspace(inputs.text("state") || config.state));
  const outDir = contextDir();
  const result = await prepareContext({
    config,
    state,
    git: createGitPort({ env }),
    releases: client() ? githubReleasesPort(client()!) : null,
    root: workspace,
    only: only(),
    outDir,
    tmpDir: env.RUNNER_TEMP ?? tmpdir(),
  });
  statusLines(result.statuses);
  const failed = result.statuses.find((s) => s.status === "error");
  const hasNew = result.manifest.entries.length > 0;
  set("status", failed ? "failed" : hasNew ? "ready" : "nothing-new");
  set("has-new", hasNew);
  set("context-dir", outDir);
  set("prompt-file", result.promptPath ?? "");
  set("manifest-sha256", result.manifestSha256);
  if (failed?.error) set("error-code", failed.error.code);
  const lines = result.manifest.entries.map(
    (e) =>
      `- \`${e.repository}\` ${e.fromTag ?? "(first)"} → ${e.toTag}: ${e.stat.files} file(s), ${e.log.totalCommits} commit(s)${e.diff.truncated ? ", diff cut" : ""}`,
  );
  await core.summary
    .addRaw(
      clean(
        `### ${TITLE}: context\n\n${renderCheckMarkdown(result.statuses)}\n${lines.length > 0 ? `${lines.join("\n")}\n\nPrompt for the agent: \`${result.promptPath}\`\n` : "Nothing to review.\n"}`,
      ),
    )
    .write();
  return !failed;
}

function findingsPort(config: ReleaseMonitorConfig): FindingsPort | null {
  const gh = client();
  if (!gh) return null;
  const repository = inputs.text("repository") || config.issues.repository || env.GITHUB_REPOSITORY || "";
  if (!repository) {
    return missingRepositoryFindingsPort("Set the `repository` input or issues.repository in the config.");
  }
  return githubFindingsPort(gh, { repository, scanLimit: config.issues.scanLimit });
}

async function apply(config: ReleaseMonitorConfig): Promise<boolean> {
  const statePath = fromWorkspace(inputs.text("state") || config.state);
  const sha = inputs.text("manifest-sha256");
  const result: ApplyResult = await applyReleaseImpact({
    config,
    contextDir: contextDir(),
    statePath,
    findings: findingsPort(config),
    dryRun: inputs.flag("dry-run", false),
    expectedManifestSha256: sha || null,
    log: (line) => core.info(clean(line)),
  });
  set("status", result.status);
  set("context-dir", contextDir());
  set("opened", result.opened);
  set("existing", result.existing);
  set("state-changed", result.stateChanged);
  set("state-file", relative(workspace, statePath));
  set("manifest-sha256", result.manifestSha256);
  const failed = result.entries.find((e) => e.status === "failed");
  if (failed?.error) set("error-code", failed.error.code);
  for (const e of result.entries) {
    const title = `${TITLE}: ${e.repository} ${e.toTag}`;
    if (e.status === "placeholder") {
      const text = clean(
        `not reviewed: the agent's verdict is missing or invalid (${e.problems.join("; ")}); no issue opened, state not advanced`,
      );
      if (blocking) core.error(text, { title });
      else core.warning(text, { title });
    }
    if (e.error) {
      const text = clean(`${e.error.code}: ${e.error.message} (fix: ${e.error.hint}); state not advanced`);
      if (blocking) core.error(text, { title });
      else core.warning(text, { title });
    }
  }
  for (const w of result.warnings)
    if (!w.includes("no usable release-impact verdict")) core.warning(clean(w), { title: TITLE });
  let summary = `### ${TITLE}: ${result.status === "dry-run" ? "dry run" : "apply"}\n\n${renderApplyMarkdown(result)}`;
  if (result.status === "dry-run") {
    for (const f of result.entries.flatMap((e) => e.findings).filter((f) => f.action === "would-open")) {
      summary += `\n<details><summary>Would open: ${escapeHtml(f.issueTitle)}</summary>\n\n${f.issueBody}\n\n</details>\n`;
    }
  }
  await core.summary.addRaw(clean(summary)).write();
  return result.status !== "failed" && result.status !== "placeholder";
}

async function main(): Promise<void> {
  let ok: boolean;
  try {
    if (mode !== "advisory" && mode !== "blocking") {
      throw new CodexrelError("USAGE", `mode must be advisory or blocking, got ${JSON.stringify(mode)}`, {
        hint: "Set mode: advisory (default) or mode: blocking.",
      });
    }
    const command = inputs.text("command") || "check";
    const config = await readReleaseMonitorConfig({
      root: workspace,
      path: inputs.text("config"),
      serverUrl: env.GITHUB_SERVER_URL,
    });
    if (command === "check") ok = await check(config);
    else if (command === "context") ok = await context(config);
    else if (command === "apply") ok = await apply(config);
    else {
      throw new CodexrelError("USAGE", `command must be check, context or apply, got ${JSON.stringify(command)}`, {
        hint: "Set the command input to check, context or apply.",
      });
    }
  } catch (error) {
    // The command could not run at all: say so everywhere.
    const coded = toCodexrelError(error);
    const message = clean(formatError(coded));
    set("status", "failed");
    set("error-code", coded.code);
    await core.summary
      .addRaw(`### ${TITLE}\n\nThe release monitor could not run:\n\n\`\`\`\n${message}\n\`\`\`\n`)
      .write();
    if (blocking) core.error(message, { title: TITLE });
    else core.warning(message, { title: TITLE });
    ok = false;
  }
  for (const [name, value] of outputs) core.setOutput(name, value);
  if (!ok && blocking) {
    core.setFailed(
      `${TITLE}: ${outputs.get("status")}${outputs.get("error-code") ? ` (${outputs.get("error-code")})` : ""}`,
    );
  } else if (!ok) {
    core.info(`advisory mode: not failing the job (status ${outputs.get("status")})`);
  }
}

await main();
