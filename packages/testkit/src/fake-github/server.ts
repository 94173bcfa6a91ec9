/**
 * The fake GitHub: an in-process HTTP server on 127.0.0.1 (random port) serving REST and
 * `/graphql`. Strict by design: a request GitHub would reject (unknown route, bad parameter or
 * body, invalid GraphQL) gets GitHub's error answer AND is recorded as a contract violation that
 * `assertNoViolations()` turns into a failing test. Faults are injected per route on demand, and
 * every request lands in a log tests can count. Faults are in faults.ts, the log in request-log.ts,
 * and how an answer is written in replies.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Auth, resolveAuth } from "./access.js";
import { recordGraphQLEvents, recordRestEvent } from "./event-recorders.js";
import { applyFault, type FaultMatch, type FaultOptions, type FaultRule, type FaultSpec, matches } from "./faults.js";
import { authorizePush, GIT_RECEIVE_PATH, type PushRequest } from "./git-receive.js";
import { executeGraphQL, prepareGraphQL } from "./graphql.js";
import { loadGitHubContract, type RouteMatch } from "./openapi.js";
import { checkRoutePermission, readsChecked } from "./permission-table.js";
import { drop, reply, send } from "./replies.js";
import { describeAuth, type LoggedRequest, type Violation, type ViolationKind } from "./request-log.js";
import { BUILTIN_REST, type RestHandler, type RestResult } from "./rest.js";
import { CHECKS_REST } from "./rest-checks.js";
import { DISPATCH_REST } from "./rest-dispatch.js";
import { GIT_REST } from "./rest-git.js";
import { ISSUE_REST } from "./rest-issues.js";
import { errorBody } from "./rest-objects.js";
import { PULLS_REST } from "./rest-pulls.js";
import { FakeGitHubState } from "./state.js";

export type { FaultMatch, FaultOptions, FaultSpec } from "./faults.js";
export type { LoggedRequest, Violation, ViolationKind } from "./request-log.js";

export interface FakeGitHubOptions {
  state?: FakeGitHubState;
  /** Serve under GitHub Enterprise Server paths: REST at `/api/v3`, GraphQL at `/api/graphql`. */
  enterprise?: boolean;
  /** Reject unknown top-level JSON body properties too (GitHub ignores them; default true). */
  strictBodies?: boolean;
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number;
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
    Object.entries({ ...BUILTIN_REST, ...ISSUE_REST, ...CHECKS_REST, ...PULLS_REST, ...GIT_REST, ...DISPATCH_REST }),
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
        if (!res.headersSent) send(res, 500, errorBody("fake github crashed", 500));
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
        return reply(res, entry, { status: 400, body: errorBody("Problems parsing JSON", 400) });
      }
    }

    if (url.pathname === GIT_RECEIVE_PATH && method === "POST") {
      return send(res, 200, authorizePush(this.state, body as PushRequest));
    }
    const graphqlPath = this.enterprise ? "/api/graphql" : "/graphql";
    if (url.pathname === graphqlPath) return this.handleGraphQL(req, res, entry, method, body, auth);

    const prefix = this.enterprise ? "/api/v3" : "";
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) {
      this.violation("unknown-route", method, entry.url, "not under the enterprise REST prefix /api/v3");
      return reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    const contract = loadGitHubContract();
    const match = contract.match(method, url.pathname.slice(prefix.length));
    if (!match) {
      this.violation("unknown-route", method, entry.url, "no such path in GitHub's REST description");
      return reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    if ("methodMismatch" in match) {
      this.violation("method-not-allowed", method, entry.url, `the path exists but not with ${method}`);
      return reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
    }
    const routeKey = `${match.method} ${match.template}`;
    entry.route = routeKey;
    entry.operationId = match.operationId;

    const problems = contract.validateRequest(match, url.searchParams, body, { strictBody: this.strictBodies });
    if (problems.length > 0) {
      const detail = problems.map((p) => `${p.where}: ${p.message}`).join("; ");
      this.violation("invalid-request", method, entry.url, `${match.operationId}: ${detail}`);
      return reply(res, entry, {
        status: 422,
        body: { message: "Invalid request.", documentation_url: "https://docs.github.com/rest", status: "422" },
      });
    }

    const fault = this.takeFault(routeKey, undefined);
    const proceed = await applyFault(res, entry, fault, this.timers);
    if (proceed === "answered") return;
    if (auth.kind === "invalid") return reply(res, entry, { status: 401, body: errorBody("Bad credentials", 401) });

    const targetRepo = this.state.repo(`${match.params["owner"]}/${match.params["repo"]}`);
    if (auth.kind === "token" && (method !== "GET" || readsChecked(auth.token, targetRepo))) {
      const denied = checkRoutePermission(auth.token, routeKey, {
        onPlainIssue: onPlainIssue(this.state, match.params),
      });
      if (denied) {
        return reply(res, entry, {
          status: 403,
          body: errorBody(denied.message, 403, denied.documentationUrl),
          headers: { "x-accepted-github-permissions": denied.accepted },
        });
      }
    }
    const handler = this.handlers.get(routeKey);
    if (!handler) {
      this.violation("unimplemented", method, entry.url, `the fake has no handler for ${routeKey}`);
      return reply(res, entry, { status: 501, body: errorBody("Not implemented by the fake", 501) });
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
    if (proceed === "drop-after") return drop(res, entry);
    reply(res, entry, result, auth);
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
      return reply(res, entry, { status: 404, body: errorBody("Not Found", 404) });
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
      return reply(res, entry, { status: 200, body: prepared.errorBody });
    }
    const fault = this.takeFault(undefined, entry.graphql);
    const proceed = await applyFault(res, entry, fault, this.timers);
    if (proceed === "answered") return;
    if (auth.kind === "invalid") {
      return reply(res, entry, { status: 401, body: { message: "Bad credentials", documentation_url: docs } });
    }
    if (auth.kind === "anonymous") {
      return reply(res, entry, {
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
    if (proceed === "drop-after") return drop(res, entry);
    reply(res, entry, { status: 200, body: outcome.body }, auth);
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

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
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
