import { finalizeReport, type RunReport, renderComment } from "@codexrel/core";

/**
 * The comment body: the report as the comment renderer shows it, with the publication line saying
 * where the evidence is (the comment cannot link to itself before it exists).
 */
export function renderCommentBody(
  report: RunReport,
  options: { reportKind: string; indexUrl: string | null; secrets?: string[] | undefined },
): string {
  const forBody: RunReport = {
    ...report,
    // Local paths mean nothing to readers of a comment.
    artifacts: report.artifacts.filter((a) => a.durable),
    publication: options.indexUrl
      ? { status: "published", url: options.indexUrl, reason: "evidence published; full index linked" }
      : {
          status: "skipped",
          code: "EVIDENCE_LOCAL_ONLY",
          reason: "screenshots and videos were kept in the run's local output folder, not uploaded",
          rerunHint: "use --destination artifact or branch to attach them",
        },
  };
  const final = finalizeReport(forBody, {
    finishedAt: new Date(report.meta.startedAt),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  return renderComment(final, {
    marker: { kind: "report", id: options.reportKind },
    ...(options.indexUrl ? { reportUrl: options.indexUrl } : {}),
  });
}
