/** Shared by route-event and progress-comment: a GitHub client from the action's inputs, as threads' ports. */
import { createGitHubClient, resolveEndpoints } from "@codexrel/github";
import { type ThreadsGitHub, threadsGitHub } from "@codexrel/threads";

export function githubPorts(options: {
  token: string;
  apiUrl?: string | undefined;
  graphqlUrl?: string | undefined;
}): ThreadsGitHub {
  const endpoints = resolveEndpoints({ apiUrl: options.apiUrl, graphqlUrl: options.graphqlUrl });
  return threadsGitHub(
    createGitHubClient({
      token: options.token,
      apiUrl: endpoints.apiUrl,
      graphqlUrl: endpoints.graphqlUrl,
      userAgent: "codexrel-actions",
    }),
  );
}
