/** GitHub access for `codexrel publish`, from the environment (the CLI is an edge: it may read env). */
import { githubPublishPorts, type PublishPorts } from "@codexrel/publisher";
import { githubFromEnv, threadFromFlagsOrEvent } from "./commands/github-env.js";

export async function createPublishPorts(env: Record<string, string | undefined>): Promise<PublishPorts> {
  const github = await githubFromEnv(env);
  // The event (in Actions) tells preflight about forks without an API call.
  const { event } = await threadFromFlagsOrEvent({}, env);
  return githubPublishPorts({ token: github.token, apiUrl: github.apiUrl, graphqlUrl: github.graphqlUrl, event });
}
