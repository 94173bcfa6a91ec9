/**
 * `codexrel publish <bundle>`: check a CUJ bundle, keep a local copy with its gallery, and (with
 * --repo and a thread or a remote destination) publish it: preflight first, then the Actions
 * artifact or branch destination, then the one report comment. Exit 0 when published (or only
 * copied locally, or a dry run) and ready; 1 when publication was blocked or the bundle is not
 * ready; 2 on usage errors.
 */
import { join, relative, resolve } from "node:path";
import { CodexrelError, type RunReport, renderHtml, renderJobSummary } from "@codexrel/core";
import { type DestinationKind, publishBundle, type ThreadTarget } from "@codexrel/publisher";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { OutputSet } from "../output/output-set.js";
import { formatDecision, formatStatusTable } from "../output/status-table.js";
import { createPublishPorts } from "../publish-ports.js";
import { CLI_VERSION } from "../version.js";
import { resolveCommitIdentity } from "./commit-identity.js";
import { secretsFromEnv } from "./shared.js";

interface PublishOpts {
  repo?: string;
  issue?: string;
  pr?: string;
  destination: string;
  dryRun?: boolean;
  json?: boolean;
  out?: string;
  policy: string;
  artifactUrl?: string;
  branch?: string;
  reportKind: string;
  sha?: string;
  ref?: string;
  runUrl?: string;
  event?: string;
  actor?: string;
}

const DESTINATIONS = ["local", "artifact", "branch"] as const;
const POLICIES = ["strict", "lenient", "off"] as const;

function usage(message: string, hint: string): CodexrelError {
  return new CodexrelError("USAGE", message, { hint });
}

function parseThread(opts: PublishOpts): ThreadTarget | null {
  if (opts.issue !== undefined && opts.pr !== undefined) {
    throw usage("--issue and --pr are mutually exclusive", "Pass one of --issue <n> or --pr <n>.");
  }
  const raw = opts.issue ?? opts.pr;
  if (raw === undefined) return null;
  if (!opts.repo) throw usage("--issue/--pr needs --repo owner/repo", "Add --repo owner/repo.");
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw usage(`${raw} is not an issue or PR number`, "Pass a positive integer.");
  return { repository: opts.repo, kind: opts.issue !== undefined ? "issue" : "pr", number: n };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("publish")
    .description(
      "check a CUJ bundle, copy it with an HTML gallery, and publish it to an Actions artifact or a branch with one report comment",
    )
    .argument("<bundle>", "the CUJ bundle folder (summary.json, screenshots, videos, logs)")
    .option("--repo <owner/repo>", "the repository to publish to")
    .option("--issue <n>", "the issue whose report comment is created or updated")
    .option("--pr <n>", "the pull request whose report comment is created or updated")
    .option("--destination <kind>", "local | artifact | branch", "local")
    .option("--artifact-url <url>", "for --destination artifact: the artifact-url of actions/upload-artifact")
    .option("--branch <name>", "for --destination branch: the branch (default codexrel-artifacts)")
    .option("--policy <level>", "minimum artifact policy: strict | lenient | off", "strict")
    .option("--report-kind <id>", "one comment per thread and report kind", "cuj")
    .option("--out <dir>", "local output folder (default: <bundle>/../.codexrel/publish)")
    .option("--dry-run", "check and render everything, write nothing to GitHub")
    .option("--json", "print the run report as JSON")
    .option("--sha <sha>", "commit the bundle is evidence for (default: $GITHUB_SHA, else the git checkout's HEAD)")
    .option("--ref <ref>", "ref of that commit (default: $GITHUB_REF, else the checkout's branch)")
    .option("--run-url <url>", "URL of the CI run (default: from GITHUB_SERVER_URL/REPOSITORY/RUN_ID)")
    .option("--event <name>", "what started the run (default: $GITHUB_EVENT_NAME, else local)")
    .option("--actor <login>", "who started the run (default: $GITHUB_ACTOR, else the local user)")
    .action(async (bundleArg: string, opts: PublishOpts) => {
      if (!DESTINATIONS.includes(opts.destination as DestinationKind)) {
        throw usage(`unknown destination ${JSON.stringify(opts.destination)}`, "Use local, artifact or branch.");
      }
      if (!POLICIES.includes(opts.policy as (typeof POLICIES)[number])) {
        throw usage(`unknown policy ${JSON.stringify(opts.policy)}`, "Use strict, lenient or off.");
      }
      if (opts.repo && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(opts.repo)) {
        throw usage(`--repo ${JSON.stringify(opts.repo)} is not owner/repo`, "Pass --repo owner/repo.");
      }
      const destination = opts.destination as DestinationKind;
      const thread = parseThread(opts);
      if (destination === "branch" && !opts.repo) {
        throw usage("--destination branch needs --repo owner/repo", "Add --repo owner/repo.");
      }
      const bundleDir = resolve(ctx.cwd, bundleArg);
      const outDir = resolve(ctx.cwd, opts.out ?? join(bundleDir, "..", ".codexrel", "publish"));
      const secrets = secretsFromEnv(ctx.env);
      const ephemeralDirs = [ctx.env.RUNNER_TEMP].filter((d): d is string => Boolean(d));
      const remote = thread !== null || destination !== "local";
      const ports = remote ? await createPublishPorts(ctx.env) : null;

      const commit = await resolveCommitIdentity(opts, ctx.env, bundleDir);
      // The local copy and the report files are one output set: all of it swaps in, or none.
      const set = await OutputSet.begin(outDir, ctx.outputFs ? { fs: ctx.outputFs } : {});
      let result: Awaited<ReturnType<typeof publishBundle>>;
      try {
        result = await publishBundle({
          bundleDir,
          outDir: set.stagingDir,
          destination,
          thread,
          repository: opts.repo ?? commit.repository ?? null,
          dryRun: Boolean(opts.dryRun),
          policy: opts.policy as (typeof POLICIES)[number],
          reportKind: opts.reportKind,
          ...(opts.artifactUrl ? { artifactUrl: opts.artifactUrl } : {}),
          ...(opts.branch ? { branch: { name: opts.branch } } : {}),
          ephemeralDirs,
          ports,
          toolVersion: CLI_VERSION,
          secrets,
          shownBundleDir: relative(ctx.cwd, bundleDir) || ".",
          meta: {
            runUrl: commit.runUrl ?? null,
            ref: commit.ref ?? null,
            sha: commit.sha ?? null,
            event: commit.event ?? null,
            actor: commit.actor ?? null,
          },
        });
        const report = result.report;
        await set.write("report.json", `${JSON.stringify(report, null, 2)}\n`);
        await set.write("report.html", renderHtml(report));
        await set.write("summary.md", renderJobSummary(report));
        if (result.commentBody) await set.write("comment.md", result.commentBody);
        await set.commit();
      } catch (error) {
        await set.abort();
        throw error;
      }
      const localDir = result.localDir ? join(outDir, relative(set.stagingDir, result.localDir)) : null;
      const report = result.report;

      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        ctx.stdout.write(formatStatusTable(report));
        ctx.stdout.write(formatDecision(report, publishVerdict(report)));
        const shown = (p: string) => relative(ctx.cwd, p) || p;
        if (report.publication.rerunHint && report.publication.status !== "published")
          ctx.stdout.write(`To publish: ${report.publication.rerunHint}\n`);
        if (localDir) ctx.stdout.write(`Local copy: ${shown(join(localDir, "index.html"))}\n`);
        if (result.comment) ctx.stdout.write(`Comment (${result.comment.action}): ${result.comment.url}\n`);
        for (const url of result.durableUrls.slice(0, 1)) ctx.stdout.write(`Evidence: ${url}\n`);
        if (result.commentBody && opts.dryRun)
          ctx.stdout.write(`Comment body (not posted): ${shown(join(outDir, "comment.md"))}\n`);
      }
      ctx.exitCode = publishOk(report) ? ExitCode.OK : ExitCode.NOT_READY;
    });
}

function publishOk(report: RunReport): boolean {
  const p = report.publication;
  const ok = p.status === "published" || p.status === "skipped" || p.status === "dry-run";
  return ok && report.decision.ready;
}

/** The headline agrees with the exit code: READY (0) only when the evidence is ready and publication did not fail. */
function publishVerdict(report: RunReport): string {
  const p = report.publication;
  const d = report.decision;
  if (publishOk(report)) {
    const what =
      p.status === "published"
        ? "published"
        : p.status === "dry-run"
          ? "dry run, nothing was published"
          : "nothing was published (local copy only)";
    return `Decision: READY — evidence checked; ${what}. ${d.nextAction}`;
  }
  if (!d.ready) return `Decision: NOT READY — ${d.nextAction}`;
  return `Decision: NOT PUBLISHED — publication ${p.status}${p.code ? ` (${p.code})` : ""}: ${p.reason ?? "see above"}`;
}
