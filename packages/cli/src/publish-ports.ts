/** GitHub access for `codexrel publish`, from the environment (the CLI is an edge: it may read env). */
import { githubPublishPorts, type PublishPorts } from "@codexrel/publisher";

export async function createPublishPorts(env: Record<string, string | undefined>): Promise<PublishPorts | null> {
  return githubPublishPorts({
    token: env.GITHUB_TOKEN || env.GH_TOKEN || null,
    apiUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    serverUrl: env.GITHUB_SERVER_URL,
  });
}
