/**
 * Publish ports over GitHub. Stub until @codexrel/github is available: no ports, so publication
 * is reported as blocked (GITHUB_TOKEN_MISSING) and never claimed.
 */
import type { PublishPorts } from "./publish.js";

export interface GitHubPublishOptions {
  token: string | null | undefined;
  apiUrl?: string | undefined;
  graphqlUrl?: string | undefined;
  serverUrl?: string | undefined;
}

export async function githubPublishPorts(_options: GitHubPublishOptions): Promise<PublishPorts | null> {
  return null;
}
