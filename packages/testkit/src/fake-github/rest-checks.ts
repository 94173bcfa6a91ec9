/**
 * Read routes for checks and Actions runs, so a token with the permission gets 200 where one
 * without gets the table's 403 (permission-table.ts runs before these handlers).
 */
import { canRead } from "./access.js";
import { deny, notFound, type RestContext, type RestHandler, type RestResult } from "./rest.js";

function repoGuard(ctx: RestContext): RestResult | undefined {
  const repo = ctx.state.repo(`${ctx.params["owner"]}/${ctx.params["repo"]}`);
  if (!repo) return notFound();
  const denied = canRead(ctx.state, ctx.auth, repo);
  return denied ? deny(denied) : undefined;
}

const listCheckRunsForRef: RestHandler = (ctx) => {
  const guard = repoGuard(ctx);
  if (guard) return guard;
  const repo = `${ctx.params["owner"]}/${ctx.params["repo"]}`.toLowerCase();
  const ref = String(ctx.params["ref"]);
  const runs = ctx.state.checkRuns.filter((c) => c.repo.toLowerCase() === repo && c.sha === ref);
  const html = `https://github.com/${ctx.params["owner"]}/${ctx.params["repo"]}`;
  return {
    status: 200,
    body: {
      total_count: runs.length,
      check_runs: runs.map((c) => ({
        id: c.id,
        node_id: c.nodeId,
        head_sha: c.sha,
        name: c.name,
        external_id: String(c.id),
        url: `${ctx.apiUrl}/repos/${ctx.params["owner"]}/${ctx.params["repo"]}/check-runs/${c.id}`,
        html_url: `${html}/runs/${c.id}`,
        details_url: c.detailsUrl,
        status: c.status === "COMPLETED" ? "completed" : c.status === "IN_PROGRESS" ? "in_progress" : "queued",
        conclusion: c.conclusion ? c.conclusion.toLowerCase() : null,
        started_at: null,
        completed_at: null,
        output: {
          title: c.title,
          summary: c.summary,
          text: null,
          annotations_count: 0,
          annotations_url: `${ctx.apiUrl}/annotations`,
        },
        check_suite: null,
        app: null,
        pull_requests: [],
      })),
    },
  };
};

const listWorkflowRuns: RestHandler = (ctx) => {
  const guard = repoGuard(ctx);
  if (guard) return guard;
  // The simulation's runs are not exposed as REST objects yet: an empty, valid list.
  return { status: 200, body: { total_count: 0, workflow_runs: [] } };
};

export const CHECKS_REST: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": listCheckRunsForRef,
  "GET /repos/{owner}/{repo}/actions/runs": listWorkflowRuns,
};
