/**
 * API endpoints: api.github.com by default; GitHub Enterprise Server (`https://host/api/v3` with
 * GraphQL at `https://host/api/graphql`) and test servers through explicit URLs.
 */
import { CodexrelError } from "@codexrel/core";

export const DEFAULT_API_URL = "https://api.github.com";

export interface Endpoints {
  apiUrl: string;
  graphqlUrl: string;
  /** The host `gh auth token --hostname` expects (github.com for api.github.com). */
  host: string;
}

export interface EndpointOptions {
  apiUrl?: string | undefined;
  graphqlUrl?: string | undefined;
}

export function resolveEndpoints(options: EndpointOptions = {}): Endpoints {
  const apiUrl = normalize(options.apiUrl?.trim() || DEFAULT_API_URL, "GITHUB_API_URL");
  const graphqlUrl = options.graphqlUrl?.trim()
    ? normalize(options.graphqlUrl.trim(), "GITHUB_GRAPHQL_URL")
    : /\/api\/v3$/.test(apiUrl)
      ? apiUrl.replace(/\/api\/v3$/, "/api/graphql")
      : `${apiUrl}/graphql`;
  const host = new URL(apiUrl).hostname;
  return { apiUrl, graphqlUrl, host: host === "api.github.com" ? "github.com" : host };
}

function normalize(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new CodexrelError("GITHUB_URL_INVALID", `${name} is not a URL: ${JSON.stringify(url)}`, {
      hint: `Set ${name} to an http(s) URL such as https://api.github.com, or unset it.`,
      cause,
    });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new CodexrelError("GITHUB_URL_INVALID", `${name} must be http(s), got ${parsed.protocol}`, {
      hint: `Set ${name} to an http(s) URL such as https://api.github.com, or unset it.`,
    });
  }
  return url.replace(/\/+$/, "");
}
