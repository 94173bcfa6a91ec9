/**
 * `codexrel publish <bundle>`: check a CUJ bundle, keep a local copy with its gallery, and (with
 * --repo and a thread or a remote destination) publish it: preflight first, then the Actions
 * artifact or branch destination, then the one report comment. Exit 0 when published (or only
 * copied locally, or a dry run) and ready; 1 when publication was blocked or the bundle is not
 * ready; 2 on usage errors.
 */
import { join, relative, resolve } from "node:path";
import { CodexrelError, renderHtml, renderJobSummary } from "@codexrel/core";
import { type DestinationKind, publishBundle, type ThreadTarget } from "@codexrel/publisher";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { writeFilesAtomically } from "../io.js";
import { formatDecision, formatStatusTable } from "../output/status-table.js";
import { createPublishPorts } from "../publish-ports.js";
import { CLI_VERSION } from "../version.js";
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

      const result = await publishBundle({
        bundleDir,
        outDir,
        destination,
        thread,
        repository: opts.repo ?? null,
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
          runUrl:
            ctx.env.GITHUB_SERVER_URL && ctx.env.GITHUB_REPOSITORY && ctx.env.GITHUB_RUN_ID
              ? `${ctx.env.GITHUB_SERVER_URL}/${ctx.env.GITHUB_REPOSITORY}/actions/runs/${ctx.env.GITHUB_RUN_ID}`
              : null,
        },
      });

      const report = result.report;
      const files = [
        { path: join(outDir, "report.json"), content: `${JSON.stringify(report, null, 2)}\n` },
        { path: join(outDir, "report.html"), content: renderHtml(report) },
        { path: join(outDir, "summary.md"), content: renderJobSummary(report) },
        ...(result.commentBody ? [{ path: join(outDir, "comment.md"), content: result.commentBody }] : []),
      ];
      await writeFilesAtomically(files);

      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        ctx.stdout.write(formatStatusTable(report));
        ctx.stdout.write(formatDecision(report));
        const shown = (p: string) => relative(ctx.cwd, p) || p;
        if (report.publication.rerunHint && report.publication.status !== "published")
          ctx.stdout.write(`To publish: ${report.publication.rerunHint}\n`);
        if (result.localDir) ctx.stdout.write(`Local copy: ${shown(join(result.localDir, "index.html"))}\n`);
        if (result.comment) ctx.stdout.write(`Comment (${result.comment.action}): ${result.comment.url}\n`);
        for (const url of result.durableUrls.slice(0, 1)) ctx.stdout.write(`Evidence: ${url}\n`);
        if (result.commentBody && opts.dryRun)
          ctx.stdout.write(`Comment body (not posted): ${shown(join(outDir, "comment.md"))}\n`);
      }
      const p = report.publication;
      const ok = p.status === "published" || p.status === "skipped" || p.status === "dry-run";
      ctx.exitCode = ok && report.decision.ready ? ExitCode.OK : ExitCode.NOT_READY;
    });
}
