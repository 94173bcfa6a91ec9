/**
 * Entry of actions/publish-artifacts (two phases of one composite action):
 *
 * - `prepare`: check the CUJ bundle and write the folder to upload (bundle + index.md + gallery)
 *   under RUNNER_TEMP; output `upload-path` for actions/upload-artifact (empty when nothing loads).
 * - `publish`: preflight, destination (the upload's artifact-url, or the artifacts branch), the
 *   report comment; outputs `comment-url`, `artifact-urls`, `publication-status`; the job summary.
 *
 * Advisory mode reports a blocked publication or a failing bundle in the outputs and the summary
 * and exits 0; blocking mode fails the step.
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { commitIdentityFromActionsEnv, formatError, renderJobSummary } from "@codexrel/core";
import { tokenFromInput } from "@codexrel/github";
import {
  type DestinationKind,
  githubPublishPorts,
  type PolicyPreset,
  publishBundle,
  runCujStage,
  type ThreadTarget,
} from "@codexrel/publisher";
import { eventThread } from "./_event.js";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";

const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const runnerTemp = env.RUNNER_TEMP || tmpdir();
const outDir = join(runnerTemp, "codexrel-publish");
const advisory = inputs.mode() !== "blocking";
const secrets = actionSecrets();

const DESTINATIONS: readonly DestinationKind[] = ["artifact", "branch", "local"];

/** The inputs both phases read, read inside the phase so an empty `bundle` is reported like any error. */
function common(): { bundle: string; bundleDir: string; destination: DestinationKind; policy: PolicyPreset } {
  const bundle = inputs.text("bundle", { required: true });
  return {
    bundle,
    bundleDir: resolve(workspace, bundle),
    destination: inputs.choice("destination", DESTINATIONS, "artifact"),
    // Checked by the publisher (USAGE naming the presets).
    policy: (inputs.text("policy") || "strict") as PolicyPreset,
  };
}

function targetThread(): ThreadTarget | null {
  const repository = env.GITHUB_REPOSITORY;
  const raw = inputs.text("thread") || "auto";
  if (raw === "none" || !repository) return null;
  const event = eventThread();
  if (raw === "auto") {
    return event
      ? { repository: `${event.ref.owner}/${event.ref.repo}`, kind: event.ref.kind, number: event.ref.number }
      : null;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw inputs.invalid(
      "thread",
      `${JSON.stringify(raw)} is not auto, none or a number`,
      "Set `thread` to auto, none or an issue or pull request number.",
    );
  return { repository, kind: event?.ref.number === n ? event.ref.kind : "issue", number: n };
}

async function prepare(): Promise<void> {
  const { bundle, bundleDir, destination, policy } = common();
  const stage = await runCujStage({ bundleDir, outDir, policy, shownBundleDir: bundle });
  for (const c of stage.checks) {
    if (c.status === "fail") core.warning(`${c.id}: ${c.reason}`, { title: `codexrel: ${c.code}` });
  }
  const uploadable = stage.artifacts.length > 0 && destination === "artifact";
  core.setOutput("upload-path", uploadable ? join(outDir, "cuj") : "");
}

async function publish(): Promise<void> {
  const { bundle, bundleDir, destination, policy } = common();
  const thread = targetThread();
  const token = inputs.text("github-token") || null;
  const ports = githubPublishPorts({
    token: tokenFromInput(token ?? ""),
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    event: eventThread(),
  });
  const commit = commitIdentityFromActionsEnv({ ...env, GITHUB_ACTIONS: "true" });
  const result = await publishBundle({
    bundleDir,
    outDir,
    destination,
    thread,
    repository: env.GITHUB_REPOSITORY ?? null,
    policy,
    reportKind: inputs.text("report-kind") || "cuj",
    artifactUrl: inputs.text("artifact-url") || null,
    artifactName: inputs.text("artifact-name") || "codexrel-cuj",
    ...(Number(inputs.text("retention-days")) > 0
      ? { artifactRetentionDays: Number(inputs.text("retention-days")) }
      : {}),
    branch: {
      name: inputs.text("branch") || "codexrel-artifacts",
      ...(env.GITHUB_SERVER_URL ? { serverUrl: env.GITHUB_SERVER_URL } : {}),
    },
    // The runner's temp dir is gone after the job: links into it are refused.
    ephemeralDirs: [runnerTemp],
    ports,
    toolVersion: "action",
    title: "CUJ evidence",
    shownBundleDir: bundle,
    secrets,
    // The commit identity from GitHub's default variables: the bundle's journeys are evidence only
    // when its summary.json says it was recorded at this SHA.
    meta: {
      runUrl: commit.runUrl ?? null,
      sha: commit.sha ?? env.GITHUB_SHA ?? null,
      ref: commit.ref ?? null,
      event: commit.event ?? null,
      actor: commit.actor ?? null,
    },
  });
  const p = result.report.publication;
  core.setOutput("comment-url", result.comment?.url ?? "");
  core.setOutput("artifact-urls", JSON.stringify(result.durableUrls));
  core.setOutput("publication-status", p.status);
  await core.summary.addRaw(renderJobSummary(result.report)).write();

  const failed = p.status === "blocked" || !result.report.decision.ready;
  if (!failed) {
    core.info(`publication: ${p.status}${p.url ? ` ${p.url}` : ""}`);
    return;
  }
  const why =
    p.status === "blocked"
      ? `publication blocked (${p.code}): ${p.reason}${p.rerunHint ? ` — to publish: ${p.rerunHint}` : ""}`
      : `not ready: ${result.report.decision.nextAction}`;
  if (advisory) core.warning(why, { title: "codexrel publish-artifacts" });
  else core.setFailed(why);
}

const phase = process.argv[2];
try {
  if (phase === "prepare") await prepare();
  else if (phase === "publish") await publish();
  else throw new Error(`unknown phase ${phase ?? "(none)"}; use prepare or publish`);
} catch (error) {
  const message = formatError(error);
  if (phase === "publish") {
    core.setOutput("comment-url", "");
    core.setOutput("artifact-urls", "[]");
    core.setOutput("publication-status", "blocked");
    await core.summary
      .addRaw(`### codexrel publish-artifacts\n\nPublication blocked:\n\n\`\`\`\n${message}\n\`\`\`\n`)
      .write();
  } else {
    core.setOutput("upload-path", "");
  }
  if (advisory) core.warning(message, { title: "codexrel publish-artifacts" });
  else core.setFailed(message);
}
