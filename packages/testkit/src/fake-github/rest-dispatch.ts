/**
 * `POST /repos/{owner}/{repo}/dispatches`: a `repository_dispatch` event. It needs write access
 * (`contents: write` for a GITHUB_TOKEN or an app; the table in permission-table.ts runs first),
 * answers 204, and fires the event on the default branch: "This event will only trigger a workflow
 * run if the workflow file exists on the default branch", with GITHUB_REF the default branch.
 * It is one of the two events a run's GITHUB_TOKEN may start workflows with ("events triggered by
 * the GITHUB_TOKEN, with the exception of workflow_dispatch and repository_dispatch, will not
 * create a new workflow run"; events.ts).
 * https://docs.github.com/en/rest/repos/repos#create-a-repository-dispatch-event
 * https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#repository_dispatch
 */
import { webhookPayload } from "../webhooks/payloads.js";
import { canWrite } from "./access.js";
import { recordEvent } from "./events.js";
import { deny, isResult, type RestHandler, repoOf } from "./rest.js";
import { errorBody } from "./rest-objects.js";

const createDispatch: RestHandler = (ctx) => {
  const repo = repoOf(ctx);
  if (isResult(repo)) return repo;
  const denied = canWrite(ctx.state, ctx.auth, repo, { permissions: ["contents"], role: "write" });
  if (denied) return deny(denied);
  // The body's shape (event_type 1-100 characters, client_payload at most 10 top-level keys) is
  // checked against GitHub's OpenAPI description before this handler runs.
  const body = ctx.body as { event_type: string; client_payload?: Record<string, unknown> };
  if (!body.event_type.trim()) {
    return { status: 422, body: errorBody("Invalid request.\n\nevent_type is blank.", 422) };
  }
  const base = webhookPayload("repository_dispatch", { repo: repo.fullName, defaultBranch: repo.defaultBranch });
  recordEvent(ctx.state, ctx.auth, repo, "repository_dispatch", body.event_type, {
    ...base,
    action: body.event_type,
    branch: repo.defaultBranch,
    client_payload: body.client_payload ?? {},
  });
  return { status: 204 };
};

export const DISPATCH_REST: Record<string, RestHandler> = {
  "POST /repos/{owner}/{repo}/dispatches": createDispatch,
};
