/**
 * The fake GitHub: an in-process HTTP server on 127.0.0.1 (random port) serving REST and
 * `/graphql`. Strict by design: a request GitHub would reject (unknown route, bad parameter or
 * body, invalid GraphQL) gets GitHub's error answer AND is recorded as a contract violation that
 * `assertNoViolations()` turns into a failing test. Faults are injected per route on demand, and
 * every request lands in a log tests can count.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Auth, resolveAuth } from "./access.js";
import { recordGraphQLEvents, recordRestEvent } from "./event-recorders.js";
import { authorizePush, GIT_RECEIVE_PATH, type PushRequest } from "./git-receive.js";
import { executeGraphQL, prepareGraphQL } from "./graphql.js";
import { loadGitHubContract, type RouteMatch } from "./openapi.js";
import { checkRoutePermission, readsChecked } from "./permission-table.js";
import { BUILTIN_REST, type RestHandler, type RestResult } from "./rest.js";
import { CHECKS_REST } from "./rest-checks.js";
import { GIT_REST } from "./rest-git.js";
import { ISSUE_REST } from "./rest-issues.js";
import { errorBody } from "./rest-objects.js";
import { PULLS_REST } from "./rest-pulls.js";
import { FakeGitHubState } from "./state.js";

export type FaultSpec =
  /** Any status with GitHub's error body (e.g. 404, 422, 500). */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** 401 Bad credentials. */
  | { kind: "unauthorized" }
  /** 403 with `x-accepted-github-permissions` (default `issues=write`). */
  | { kind: "forbidden"; accepted?: string; message?: string }
  | { kind: "not-found" }
  /** Secondary rate limit: 403 (default) or 429 with `retry-after` seconds. */
  | { kind: "secondary-rate-limit"; status?: 403 | 429; retryAfter?: number }
  /** Primary rate limit: 403 with `x-ratelimit-remaining: 0` and a reset `resetInSeconds` ahead. */
  | { kind: "rate-limit"; resetInSeconds?: number }
  | { kind: "server-error"; status?: 500 | 502 | 503 | 504 }
  /** Answer normally, but only after `delayMs`. */
  | { kind: "slow"; delayMs: number }
  /**
   * Close the connection without an answer. `before`: the request has no effect; `after`: it is
   * applied (a comment IS created) and then the response is lost.
   */
  | { kind: "drop"; when?: "before" | "after" };

export interface FaultMatch {
  /** `METHOD /template` as in GitHub's description, e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  route?: string;
  /** A GraphQL root field (e.g. `addComment`, `repository`) or operation name. */
  graphql?: string;
  /** Any request (REST or GraphQL). */
  any?: true;
}

export interface FaultOptions {
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
}

export type ViolationKind =
  | "unknown-route"
  | "method-not-allowed"
  | "invalid-request"
  | "invalid-json"
  | "graphql-invalid"
  | "graphql-pagination"
  | "unimplemented"
  | "fake-response";

export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  detail: string;
}

export interface LoggedRequest {
  method: string;
  /** Path with query, as received. */
  url: string;
  /** `METHOD /template` for REST routes found in GitHub's description. */
  route?: string;
  operationId?: string;
  graphql?: { operationName: string | undefined; rootFields: string[]; mutation: boolean; variables: unknown };
  status: number | "dropped";
  fault?: FaultSpec["kind"];
  /** Token kind and login, never the token itself. */
  auth: "anonymous" | "invalid" | `${string}:${string}`;
  body?: unknown;
}

export interface FakeGitHubOptions {
  state?: FakeGitHubState;
  /** Serve under GitHub Enterprise Server paths: REST at `/api/v3`, GraphQL at `/api/graphql`. */
  enterprise?: boolean;
  /** Reject unknown top-level JSON body properties too (GitHub ignores them; default true). */
  strictBodies?: boolean;
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number;
}

interface FaultRule {
  match: FaultMatch;
  fault: FaultSpec;
  remaining: number;
}

export class FakeGitHub {
  readonly state: FakeGitHubState;
  readonly requests: LoggedRequest[] = [];
  readonly violations: Violation[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly faults: FaultRule[] = [];
  private readonly handlers = new Map<string, RestHandler>(
    Object.entries({ ...BUILTIN_REST, ...ISSUE_REST, ...CHECKS_REST, ...PULLS_REST, ...GIT_REST }),
  );
  private readonly enterprise: boolean;
  private readonly strictBodies: boolean;
  private readonly port: number;
  private origin = "";

  private constructor(options: FakeGitHubOptions) {
    this.state = options.state ?? new FakeGitHubState();
    this.enterprise = options.enterprise ?? false;
    this.strictBodies = options.strictBodies ?? true;
    this.port = options.port ?? 0;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.violation("unimplemented", req.method ?? "?", req.url ?? "?", `fake crashed: ${String(error)}`);
        if (!res.headersSent) this.send(res, 500, errorBody("fake github crashed", 500));
      });
    });
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    // Load the contract and schema before the first request so its latency is not a test's.
    loadGitHubContract();
    await new Promise<void>((resolve) => fake.server.listen(fake.port, "127.0.0.1", resolve));
    fake.origin = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** `http://127.0.0.1:PORT`, the server's origin (git hooks call `/_testkit/git/receive` on it). */
  get baseUrl(): string {
    return this.origin;
  }

  /** The REST base URL to hand clients (`GITHUB_API_URL`). */
  get apiUrl(): string {
    return this.enterprise ? `${this.origin}/api/v3` : this.origin;
  }

  /** The GraphQL URL (`GITHUB_GRAPHQL_URL`). */
  get graphqlUrl(): string {
    return this.enterprise ? `${this.origin}/api/graphql` : `${this.origin}/graphql`;
  }

  /** Queue a fault for the next matching request(s). */
  fault(match: FaultMatch, fault: FaultSpec, options: FaultOptions = {}): this {
    if (match.route) this.assertKnownRoute(match.route);
    this.faults.push({ match, fault, remaining: options.times ?? 1 });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Adds or replaces a REST handler; the route must exist in GitHub's description. */
  route(route: string, handler: RestHandler): this {
    this.assertKnownRoute(route);
    this.handlers.set(route, handler);
    return this;
  }

  /** Requests matching a REST route (`METHOD /template`) or a GraphQL root field / operation. */
  count(match: FaultMatch): number {
    return this.requests.filter((r) => matches(match, r.route, r.graphql)).length;
  }

  /** Returns and clears the violations recorded so far (for tests that provoke them on purpose). */
  takeViolations(): Violation[] {
    return this.violations.splice(0, this.violations.length);
  }

  /** Throws, listing every violation, when any request broke GitHub's contract. Clears the list. */
  assertNoViolations(): void {
    const found = this.takeViolations();
    if (found.length === 0) return;
    const lines = found.map((v) => `  - [${v.kind}] ${v.method} ${v.path}: ${v.detail}`);
    throw new Error(`fake GitHub recorded ${found.length} contract violation(s):\n${lines.join("\n")}`);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------

  private assertKnownRoute(route: string): void {
    const m = /^([A-Z]+) (\/\S*)$/.exec(route);
    if (!m || !loadGitHubContract().hasOperation(m[1]!, m[2]!)) {
      throw new Error(`fake github: ${JSON.stringify(route)} is not an operation in GitHub's REST description`);
    }
  }

  private violation(kind: ViolationKind, method: string, path: string, detail: string): void {
    this.violations.push({ kind, method, path, detail });
  }

  private takeFault(route: string | undefined, graphql: LoggedRequest["graphql"]): FaultSpec | undefined {
    const rule = this.faults.find((f) => f.remaining > 0 && matches(f.match, route, graphql));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const raw = await readBody(req);
    const auth = resolveAuth(this.state, header(req, "authorization"));
    const entry: LoggedRequest = { method, url: url.pathname + url.search, status: 0, auth: describeAuth(auth) };
    this.requests.push(entry);

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
        entry.body = body;
      } catch {
        this.violation("invalid-json", method, entry.url, "request body is not JSON");
        return this.reply(res, entry, { status: 400, body: errorBody("Problems parsing JSON", 400) });
      }
    }

    if (url.pathname === GIT_RECEIVE_PATH && method === "POST") {
      return this.send(res, 200, authorizePush(this.state, body as PushRequest));
    }
    const graphqlPath = this.enterprise ? "/api/graphql" : "/graphql";
    if (url.pathname === graphqlPath) return this.handleGraphQL(req, res, entry, method, body, auth);

    const prefix = this.enterprise ? "/api/v3" : "";
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) {
      this.violation("unknown-route", method, entry.url, "not under the enterprise REST prefix /api/v3");
      return this.reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    const contract = loadGitHubContract();
    const match = contract.match(method, url.pathname.slice(prefix.length));
    if (!match) {
      this.violation("unknown-route", method, entry.url, "no such path in GitHub's REST description");
      return this.reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    if ("methodMismatch" in match) {
      this.violation("method-not-allowed", method, entry.url, `the path exists but not with ${method}`);
      return this.reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    const routeKey = `${match.method} ${match.template}`;
    entry.route = routeKey;
    entry.operationId = match.operationId;

    const problems = contract.validateRequest(match, url.searchParams, body, { strictBody: this.strictBodies });
    if (problems.length > 0) {
      const detail = problems.map((p) => `${p.where}: ${p.message}`).join("; ");
      this.violation("invalid-request", method, entry.url, `${match.operationId}: ${detail}`);
      return this.reply(res, entry, {
        status: 422,
        body: { message: "Invalid request.", documentation_url: "https://docs.github.com/rest", status: "422" },
      });
    }

    const fault = this.takeFault(routeKey, undefined);
    const proceed = await this.applyFault(res, entry, fault);
    if (proceed === "answered") return;
    if (auth.kind === "invalid")
      return this.reply(res, entry, { status: 401, body: errorBody("Bad credentials", 401) });

    const targetRepo = this.state.repo(`${match.params["owner"]}/${match.params["repo"]}`);
    if (auth.kind === "token" && (method !== "GET" || readsChecked(auth.token, targetRepo))) {
      const denied = checkRoutePermission(auth.token, routeKey, {
        onPlainIssue: onPlainIssue(this.state, match.params),
      });
      if (denied) {
        return this.reply(res, entry, {
          status: 403,
          body: errorBody(denied.message, 403, denied.documentationUrl),
          headers: { "x-accepted-github-permissions": denied.accepted },
        });
      }
    }
    const handler = this.handlers.get(routeKey);
    if (!handler) {
      this.violation("unimplemented", method, entry.url, `the fake has no handler for ${routeKey}`);
      return this.reply(res, entry, { status: 501, body: errorBody("Not implemented by the fake", 501) });
    }
    const result = await handler({
      route: match,
      params: match.params,
      query: url.searchParams,
      body,
      auth,
      state: this.state,
      apiUrl: this.apiUrl,
      headers: req.headers,
    });
    this.checkResponse(match, result, method, entry.url);
    recordRestEvent(this.state, auth, routeKey, match.params, result);
    if (proceed === "drop-after") return this.drop(res, entry);
    this.reply(res, entry, result, auth);
  }

  private async handleGraphQL(
    _req: IncomingMessage,
    res: ServerResponse,
    entry: LoggedRequest,
    method: string,
    body: unknown,
    auth: Auth,
  ): Promise<void> {
    const docs = "https://docs.github.com/graphql";
    if (method !== "POST") {
      this.violation("method-not-allowed", method, entry.url, "GraphQL takes POST");
      return this.reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    const prepared = prepareGraphQL(request);
    entry.graphql = {
      operationName: prepared.operationName,
      rootFields: prepared.rootFields,
      mutation: prepared.mutation,
      variables: request.variables,
    };
    if (prepared.invalid.length > 0) {
      this.violation("graphql-invalid", method, entry.url, prepared.invalid.join("; "));
      return this.reply(res, entry, { status: 200, body: prepared.errorBody });
    }
    const fault = this.takeFault(undefined, entry.graphql);
    const proceed = await this.applyFault(res, entry, fault);
    if (proceed === "answered") return;
    if (auth.kind === "invalid") {
      return this.reply(res, entry, { status: 401, body: { message: "Bad credentials", documentation_url: docs } });
    }
    if (auth.kind === "anonymous") {
      return this.reply(res, entry, {
        status: 401,
        body: { message: "This endpoint requires you to be authenticated.", documentation_url: docs },
      });
    }
    const outcome = await executeGraphQL(
      {
        state: this.state,
        auth,
        violation: (kind, detail) => this.violation(kind, method, entry.url, detail),
      },
      prepared,
      request,
    );
    if (outcome.invalid.length > 0) {
      this.violation("graphql-invalid", method, entry.url, outcome.invalid.join("; "));
    }
    recordGraphQLEvents(this.state, auth, prepared.rootFields, outcome.body);
    if (proceed === "drop-after") return this.drop(res, entry);
    this.reply(res, entry, { status: 200, body: outcome.body }, auth);
  }

  /**
   * Applies a fault. Returns "answered" when the fault produced the response, "drop-after" when
   * the request must run and then lose its response, and "continue" otherwise.
   */
  private async applyFault(
    res: ServerResponse,
    entry: LoggedRequest,
    fault: FaultSpec | undefined,
  ): Promise<"answered" | "continue" | "drop-after"> {
    if (!fault) return "continue";
    entry.fault = fault.kind;
    switch (fault.kind) {
      case "slow":
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            this.timers.delete(t);
            resolve();
          }, fault.delayMs);
          this.timers.add(t);
        });
        return res.destroyed ? "answered" : "continue";
      case "drop":
        if (fault.when === "after") return "drop-after";
        this.drop(res, entry);
        return "answered";
      case "status":
        this.reply(res, entry, {
          status: fault.status,
          body: errorBody(fault.message ?? defaultMessage(fault.status), fault.status),
          ...(fault.headers ? { headers: fault.headers } : {}),
        });
        return "answered";
      case "unauthorized":
        this.reply(res, entry, { status: 401, body: errorBody("Bad credentials", 401) });
        return "answered";
      case "forbidden":
        this.reply(res, entry, {
          status: 403,
          body: errorBody(fault.message ?? "Resource not accessible by integration", 403),
          headers: { "x-accepted-github-permissions": fault.accepted ?? "issues=write" },
        });
        return "answered";
      case "not-found":
        this.reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
        return "answered";
      case "secondary-rate-limit": {
        const status = fault.status ?? 403;
        this.reply(res, entry, {
          status,
          body: errorBody(
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.",
            status,
          ),
          headers: { "retry-after": String(fault.retryAfter ?? 60) },
        });
        return "answered";
      }
      case "rate-limit": {
        const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 3600);
        this.reply(res, entry, {
          status: 403,
          body: errorBody("API rate limit exceeded for user ID 1.", 403),
          headers: {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": "5000",
            "x-ratelimit-reset": String(reset),
          },
        });
        return "answered";
      }
      case "server-error": {
        const status = fault.status ?? 502;
        this.reply(res, entry, { status, body: errorBody(defaultMessage(status), status) });
        return "answered";
      }
    }
  }

  private checkResponse(match: RouteMatch, result: RestResult, method: string, path: string): void {
    const problems = loadGitHubContract().validateResponse(match, result.status, result.body);
    if (problems.length > 0) {
      this.violation(
        "fake-response",
        method,
        path,
        `${match.operationId} ${result.status}: ${problems.map((p) => p.message).join("; ")}`,
      );
    }
  }

  private drop(res: ServerResponse, entry: LoggedRequest): void {
    entry.status = "dropped";
    res.socket?.destroy();
  }

  private reply(res: ServerResponse, entry: LoggedRequest, result: RestResult, auth?: Auth): void {
    entry.status = result.status;
    if (res.destroyed) return;
    const headers: Record<string, string> = {
      "x-github-request-id": randomUUID().toUpperCase(),
      "x-github-media-type": "github.v3; format=json",
      ...(result.status !== 403 || !result.headers?.["x-ratelimit-remaining"]
        ? {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "4999",
            "x-ratelimit-used": "1",
            "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
          }
        : {}),
    };
    if (auth?.kind === "token" && (auth.token.kind === "classic" || auth.token.kind === "oauth")) {
      headers["x-oauth-scopes"] = (auth.token.scopes ?? []).join(", ");
    }
    Object.assign(headers, result.headers ?? {});
    if (result.body === undefined) {
      res.writeHead(result.status, headers);
      res.end();
      return;
    }
    const payload = JSON.stringify(result.body);
    res.writeHead(result.status, {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(payload);
  }
}

/** Does the request address a plain issue (not a pull request), by number or by comment? */
function onPlainIssue(state: FakeGitHubState, params: Record<string, string>): boolean {
  const repo = `${params["owner"]}/${params["repo"]}`;
  if (params["issue_number"] !== undefined) return state.thread(repo, Number(params["issue_number"]))?.kind === "issue";
  if (params["comment_id"] !== undefined) {
    const c = state.comments.get(Number(params["comment_id"]));
    return c !== undefined && state.thread(c.repo, c.number)?.kind === "issue";
  }
  return false;
}

function matches(match: FaultMatch, route: string | undefined, graphql: LoggedRequest["graphql"]): boolean {
  if (match.any) return true;
  if (match.route !== undefined) return route === match.route;
  if (match.graphql !== undefined) {
    return (
      graphql !== undefined && (graphql.rootFields.includes(match.graphql) || graphql.operationName === match.graphql)
    );
  }
  return false;
}

function describeAuth(auth: Auth): LoggedRequest["auth"] {
  if (auth.kind !== "token") return auth.kind;
  return `${auth.token.kind}:${auth.user.login}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function defaultMessage(status: number): string {
  if (status === 404) return "Not Found";
  if (status === 401) return "Bad credentials";
  if (status === 422) return "Validation Failed";
  if (status === 502) return "Server Error";
  if (status === 503) return "Service Unavailable";
  if (status >= 500) return "Internal Server Error";
  return "Error";
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. */
export function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return FakeGitHub.start(options);
}
