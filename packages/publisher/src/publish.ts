/**
 * Publishing a CUJ bundle with its report, truthfully:
 *
 * 1. the bundle is checked and always copied to the local output folder (local metadata is kept
 *    whatever happens next);
 * 2. with a thread or a GitHub destination, preflight runs first; not publishable => publication
 *    `blocked` with the reason code and a re-run hint, and nothing is written to GitHub;
 * 3. the destination (Actions artifact or branch) returns the links; a failure there is `blocked`
 *    (send-to-destination.ts);
 * 4. the report comment (one per thread and report kind, found by its marker) is upserted;
 * 5. "published" is claimed only with a URL a destination or GitHub returned.
 *
 * GitHub is reached only through the ports in `PublishPorts` (publish-types.ts);
 * `githubPublishPorts` builds them from @codexrel/github and @codexrel/preflight.
 */
import {
  type Artifact,
  createReport,
  finalizeReport,
  type Publication,
  type RunReport,
  toCodexrelError,
} from "@codexrel/core";
import { renderCommentBody } from "./comment-body.js";
import { PublisherErrorCodes } from "./errors.js";
import { findLocalPaths } from "./links.js";
import type { CommentOutcome, DestinationKind, PublishOptions, PublishResult, ThreadTarget } from "./publish-types.js";
import { sendToDestination } from "./send-to-destination.js";
import { runCujStage } from "./stage.js";

export type {
  CommentOutcome,
  DestinationKind,
  PreflightOutcome,
  PublishOptions,
  PublishPorts,
  PublishResult,
  ThreadTarget,
} from "./publish-types.js";

function describeTarget(destination: DestinationKind, thread: ThreadTarget | null | undefined): string {
  const where =
    destination === "branch" ? "the artifacts branch" : destination === "artifact" ? "an Actions artifact" : "";
  const to = thread ? `${thread.repository} ${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}` : "";
  return [where, to ? `a comment on ${to}` : ""].filter(Boolean).join(" and ");
}

export async function publishBundle(options: PublishOptions): Promise<PublishResult> {
  const now = options.now ?? (() => new Date());
  const destination = options.destination ?? "local";
  const thread = options.thread ?? null;
  const reportKind = options.reportKind ?? "cuj";

  const report: RunReport = createReport({
    tool: { version: options.toolVersion },
    stage: "validation",
    title: options.title ?? "CUJ evidence",
    startedAt: now(),
  });
  report.meta = {
    ...report.meta,
    repository: thread?.repository ?? options.repository ?? null,
    thread: thread ? { repository: thread.repository, kind: thread.kind, number: thread.number } : null,
    ...(options.meta?.runUrl ? { runUrl: options.meta.runUrl } : {}),
    ...(options.meta?.ref ? { ref: options.meta.ref } : {}),
    ...(options.meta?.sha ? { sha: options.meta.sha } : {}),
    ...(options.meta?.event ? { event: options.meta.event } : {}),
    ...(options.meta?.actor ? { actor: options.meta.actor } : {}),
  };

  // 1. Check the bundle and keep the local copy, whatever happens next.
  const stage = await runCujStage({
    bundleDir: options.bundleDir,
    outDir: options.outDir,
    ...(options.subdir ? { subdir: options.subdir } : {}),
    ...(options.policy !== undefined ? { policy: options.policy } : {}),
    ...(options.gallery ? { gallery: options.gallery } : {}),
    ...(options.ephemeralDirs ? { ephemeralDirs: options.ephemeralDirs } : {}),
    ...(options.shownBundleDir ? { shownBundleDir: options.shownBundleDir } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.meta?.sha ? { commitSha: options.meta.sha } : {}),
  });
  report.preflight = [...stage.checks];
  report.artifacts = [...stage.artifacts];
  const localDir = stage.artifacts.length > 0 ? `${options.outDir}/${options.subdir ?? "cuj"}` : null;
  const finish = (publication: Publication, extra: Partial<PublishResult> = {}): PublishResult => {
    const fork = report.preflight.some((c) => c.id === "fork" && c.code === "FORK_PULL_REQUEST");
    if (publication.status === "blocked" && fork && /PERMISSION|TOKEN/.test(publication.code ?? "")) {
      // The usual cause on a fork: GitHub hands pull requests from forks a read-only token.
      publication = {
        ...publication,
        rerunHint:
          "pull requests from forks get a read-only token: upload the bundle as an artifact here and publish it from a workflow_run workflow in the base repository",
      };
    }
    report.publication = publication;
    const final = finalizeReport(report, {
      finishedAt: now(),
      ...(options.secrets ? { secrets: options.secrets } : {}),
    });
    return { report: final, commentBody: null, comment: null, localDir, durableUrls: [], ...extra };
  };

  const remote = thread !== null || destination !== "local";
  if (!remote) {
    return finish(
      {
        status: "skipped",
        code: "NO_PUBLISH_TARGET",
        // Say "copied" only when the copy was written (a refused bundle is not copied anywhere).
        reason: localDir
          ? "no GitHub thread or remote destination was given; the bundle was copied to the local output folder only"
          : "no GitHub thread or remote destination was given, and the bundle was not copied (see the cuj-bundle check)",
        rerunHint: "pass --repo owner/repo with --issue or --pr (and --destination artifact|branch) to publish",
      },
      options.dryRun
        ? { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) }
        : {},
    );
  }

  // 2. Preflight first: not publishable means blocked, with nothing written.
  const ports = options.ports ?? null;
  // An Actions artifact alone needs no GitHub API (the upload step did the work); a comment or a branch does.
  const needsGitHub = thread !== null || destination === "branch";
  if (!ports && needsGitHub && options.dryRun) {
    // A dry run needs no token: it renders what would be posted, and says preflight did not run.
    return finish(
      {
        status: "dry-run",
        code: "DRY_RUN",
        reason: `dry run: would publish to ${describeTarget(destination, thread)}; nothing was written, and without GitHub access preflight did not run`,
        rerunHint: "set GITHUB_TOKEN (or GH_TOKEN) and re-run without --dry-run to publish",
      },
      { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) },
    );
  }
  if (!ports && needsGitHub) {
    return finish({
      status: "blocked",
      code: "GITHUB_TOKEN_MISSING",
      reason: "no GitHub access was configured, so nothing was published",
      rerunHint: "set GITHUB_TOKEN (or GH_TOKEN) with issues/pull-requests: write and re-run",
    });
  }
  if (ports && needsGitHub) {
    const pre = await ports.preflight({ thread, destination });
    report.preflight = [...pre.checks, ...report.preflight];
    if (pre.blocked && options.dryRun) {
      // A dry run renders what would be posted and says plainly that a real run would be blocked.
      return finish(
        {
          status: "dry-run",
          code: "DRY_RUN",
          reason: `dry run: nothing was written; a real run would be blocked (${pre.blocked.code}): ${pre.blocked.reason ?? ""}`,
          ...(pre.blocked.rerunHint ? { rerunHint: pre.blocked.rerunHint } : {}),
        },
        { commentBody: renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets }) },
      );
    }
    if (pre.blocked) return finish(pre.blocked);
  }

  if (stage.bundle === null && destination !== "local") {
    return finish({
      status: "blocked",
      code:
        report.preflight.find((c) => c.id === "cuj-local-copy" && c.status === "fail")?.code ??
        report.preflight.find((c) => c.id === "cuj-bundle")?.code ??
        PublisherErrorCodes.CUJ_POLICY_FAILED,
      reason: "the CUJ bundle could not be loaded or copied, so there is nothing to upload",
      rerunHint: "fix the bundle (see the cuj-bundle check) and re-run",
    });
  }

  // 3. The destination returns the links.
  let durable: Artifact[] = [];
  let indexUrl: string | null = null;
  if (options.dryRun) {
    // The body is rendered for every dry run (the README promises comment.md), thread or not.
    const body = renderCommentBody(report, { reportKind, indexUrl: null, secrets: options.secrets });
    return finish(
      {
        status: "dry-run",
        code: "DRY_RUN",
        reason: `dry run: would publish to ${describeTarget(destination, thread)}; nothing was written`,
        rerunHint: "re-run without --dry-run to publish",
      },
      { commentBody: body },
    );
  }
  try {
    ({ durable, indexUrl } = await sendToDestination(stage.bundle, destination, { options, ports, thread, now }));
  } catch (error) {
    const e = toCodexrelError(error);
    return finish({
      status: "blocked",
      code: e.code,
      reason: `the ${destination} destination failed: ${e.message}`,
      rerunHint: e.hint,
    });
  }
  // Readers of a comment cannot open local paths: with durable links, those replace the local list.
  if (durable.length > 0) report.artifacts = durable;
  const durableUrls = durable.map((a) => a.url);

  // 4. The report comment.
  if (!thread) {
    return finish(
      { status: "published", url: indexUrl as string, reason: `published to ${describeTarget(destination, null)}` },
      { durableUrls },
    );
  }
  if (!ports?.upsertComment) {
    return finish(
      {
        status: "blocked",
        code: "GITHUB_TOKEN_MISSING",
        reason: "no GitHub access to write the report comment",
        rerunHint: "set GITHUB_TOKEN with issues/pull-requests: write and re-run",
      },
      { durableUrls },
    );
  }
  const body = renderCommentBody(report, { reportKind, indexUrl, secrets: options.secrets });
  const leaked = findLocalPaths(body, { ephemeralDirs: options.ephemeralDirs ?? [] });
  if (leaked.length > 0) {
    return finish(
      {
        status: "blocked",
        code: PublisherErrorCodes.COMMENT_HAS_LOCAL_PATH,
        reason: `the comment would link local paths (${leaked.slice(0, 3).join(", ")}); not posted`,
        rerunHint: "publish the files to a destination that returns links (--destination artifact|branch)",
      },
      { durableUrls, commentBody: body },
    );
  }
  let comment: CommentOutcome;
  try {
    comment = await ports.upsertComment(thread, { kind: "report", id: reportKind }, body);
  } catch (error) {
    const e = toCodexrelError(error);
    return finish(
      {
        status: "blocked",
        code: e.code,
        reason: `the report comment was not written: ${e.message}`,
        rerunHint: e.hint,
      },
      { durableUrls, commentBody: body },
    );
  }
  // 5. Published, with the URL GitHub returned.
  report.artifacts = [
    ...report.artifacts,
    { name: "report comment", kind: "report", url: comment.url, durable: true, destination: "comment" },
  ];
  return finish(
    {
      status: "published",
      url: comment.url,
      reason: `report comment ${comment.action}${durable.length > 0 ? `; evidence on ${describeTarget(destination, null)}` : ""}`,
    },
    { durableUrls, commentBody: body, comment },
  );
}
