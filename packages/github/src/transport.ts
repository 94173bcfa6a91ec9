/**
 * The HTTP side of the client: `@octokit/core` with `@octokit/plugin-retry` and
 * `@octokit/plugin-throttling` (throttle.ts), a per-attempt timeout, logs and errors redacted and
 * coded (errors.ts), and the token's scopes read from every answer.
 *
 * Retry policy: no 4xx is retried (the throttling plugin owns the 403/429 rate limits); reads are
 * retried on 5xx and network errors; a write is sent once (`restWriteOnce`) and lost-write.ts
 * decides what happens after a lost response.
 */
import { CodexrelError, type Redactor } from "@codexrel/core";
import { Octokit } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { GitHubLog, RateLimitPolicy } from "./client-types.js";
import { githubDetails, toGitHubError } from "./errors.js";
import { type ThrottleGroups, throttleOptions } from "./throttle.js";
import { type TokenKind, usesScopes } from "./token.js";

const ALL_4XX = Array.from({ length: 100 }, (_, i) => 400 + i);

const CodexrelOctokit = Octokit.plugin(retry, throttling);
type OctokitInstance = InstanceType<typeof CodexrelOctokit>;

export interface TransportOptions {
  token: string;
  tokenKind: TokenKind;
  apiUrl: string;
  graphqlUrl: string;
  redact: Redactor;
  log: GitHubLog;
  fetch: typeof globalThis.fetch;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  rateLimit: RateLimitPolicy;
  throttleGroups: ThrottleGroups | undefined;
}

export class GitHubTransport {
  private readonly octokit: OctokitInstance;
  private readonly graphqlUrl: string;
  private readonly tokenKind: TokenKind;
  private capturedScopes: string[] | null = null;

  constructor(options: TransportOptions) {
    const { redact, log } = options;
    const baseFetch = options.fetch;
    this.graphqlUrl = options.graphqlUrl;
    this.tokenKind = options.tokenKind;
    this.octokit = new CodexrelOctokit({
      auth: options.token,
      baseUrl: options.apiUrl,
      userAgent: options.userAgent,
      log: {
        debug: (m: string) => log.debug?.(redact(m)),
        info: (m: string) => log.debug?.(redact(m)),
        warn: (m: string) => log.warn?.(redact(m)),
        error: (m: string) => log.warn?.(redact(m)),
      },
      request: {
        fetch: (url: string, init: RequestInit) =>
          baseFetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(options.timeoutMs) }),
      },
      retry: {
        doNotRetry: ALL_4XX,
        retries: options.retries,
        retryAfterBaseValue: options.retryBaseDelayMs,
      },
      throttle: throttleOptions(options.rateLimit, options.throttleGroups, log, redact) as never,
    });
    this.octokit.hook.after("request", (response) => this.captureScopes(response.headers));
    this.octokit.hook.error("request", (error) => {
      const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
      if (headers) this.captureScopes(headers);
      throw error;
    });
  }

  /** Classic/OAuth token scopes from the last `x-oauth-scopes`; null until GitHub said. */
  get scopes(): string[] | null {
    return this.capturedScopes;
  }

  private captureScopes(headers: Record<string, unknown>): void {
    const raw = headers["x-oauth-scopes"];
    if (typeof raw === "string" && usesScopes(this.tokenKind)) {
      this.capturedScopes = raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    }
  }

  /** A GraphQL query (retried on 5xx/network by the retry plugin). Errors are coded. */
  async graphql<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.octokit.graphql<T>({ query, url: this.graphqlUrl, ...variables });
    } catch (error) {
      const coded = toGitHubError(error, what, this.tokenKind);
      const d = githubDetails(coded);
      if (coded.code === "GITHUB_NOT_FOUND" && d && d.graphqlType === undefined) {
        // An HTTP 404 from the GraphQL endpoint is a wrong URL, not a missing object.
        throw new CodexrelError("GITHUB_NOT_FOUND", `${what}: the GraphQL endpoint ${this.graphqlUrl} answered 404`, {
          hint: "Check GITHUB_GRAPHQL_URL (GitHub Enterprise Server: https://HOST/api/graphql).",
          details: { ...d },
          cause: error,
        });
      }
      throw coded;
    }
  }

  /** A REST read (retried on 5xx/network). */
  async restRead<T>(what: string, route: string, params: Record<string, unknown> = {}): Promise<T> {
    try {
      return (await this.octokit.request(route, params)).data as T;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }

  /** One REST write attempt, with the retry plugin off (callers decide after re-reading). */
  async restWriteOnce<T>(what: string, route: string, params: Record<string, unknown>): Promise<T> {
    try {
      return (await this.octokit.request(route, { ...params, request: { retries: 0 } })).data as T;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }
}
