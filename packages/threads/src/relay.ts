/**
 * Sending the review-event relay (relay-request.ts says why): one `repository_dispatch` of type
 * codexrel-relay whose client_payload is the request. Needs `contents: write` (a 403 names it).
 * A lost response is sent again: a second relay of the same review drains nothing and routes to
 * `duplicate`, so repeating it cannot run the agent twice.
 */
import type { GitHubClient } from "@codexrel/github";
import { RELAY_EVENT_TYPE, type RelayRequest } from "./relay-request.js";

export * from "./relay-request.js";

export async function sendRelay(
  client: Pick<GitHubClient, "restWrite">,
  repository: string,
  request: RelayRequest,
): Promise<void> {
  const [owner, repo] = repository.split("/") as [string, string];
  await client.restWrite(
    `relay ${request.event} ${request.id ?? ""} on ${repository}#${request.number} to the default branch`.replace(
      "  ",
      " ",
    ),
    "POST /repos/{owner}/{repo}/dispatches",
    { owner, repo, event_type: RELAY_EVENT_TYPE, client_payload: { ...request } },
    async () => undefined,
  );
}
