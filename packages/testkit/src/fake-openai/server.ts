/**
 * A fake OpenAI API for tests: `GET /v1/models` with the failure modes preflight has to tell apart,
 * and `POST /v1/responses` streaming Server-Sent Events the real Codex CLI accepts. Every request is
 * recorded (method, path, headers, raw body, parsed JSON) so a test can assert what a client sent.
 *
 * In-process, on 127.0.0.1 with an OS-assigned port; nothing leaves the machine.
 */
import { appendFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How `GET /v1/models` answers. */
export type ModelsMode =
  /** 200 with the configured model list. */
  | "ok"
  /** 401 `invalid_api_key`, as OpenAI answers a wrong or revoked key. */
  | "invalid-key"
  /** 429 `insufficient_quota`: billing, retrying does not help. */
  | "insufficient-quota"
  /** 429 `rate_limit_exceeded` with `retry-after` and `x-ratelimit-*` headers: retrying later helps. */
  | "rate-limit"
  /** 5xx `server_error` (status from `serverErrorStatus`, default 500). */
  | "server-error"
  /** 200, but only after `slowMs` (default 30 s): for client timeouts. */
  | "slow";

/** How `POST /v1/responses` answers. */
export type ResponsesMode = "ok" | "invalid-key" | "insufficient-quota" | "rate-limit" | "server-error" | "slow";

/** One output item of a scripted turn. */
export type FakeOutputItem =
  | { type: "message"; text: string }
  | { type: "function_call"; name: string; arguments: string; callId?: string }
  | { type: "raw"; item: Record<string, unknown> };

/** What one `POST /v1/responses` streams back: plain text (one assistant message) or items. */
export type FakeTurn = string | { items: FakeOutputItem[] };

export interface RecordedRequest {
  /** 1-based order across all endpoints. */
  seq: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw body as received (UTF-8). */
  body: string;
  /** Parsed body when it was JSON, else undefined. */
  json: unknown;
  /** Status the fake answered with. */
  status: number;
  receivedAt: string;
}

export interface FakeOpenAIOptions {
  /** Model ids listed by `GET /v1/models`. Default `["gpt-test", "gpt-test-mini"]`. */
  models?: string[];
  modelsMode?: ModelsMode;
  responsesMode?: ResponsesMode;
  /** When set, requests whose `Authorization: Bearer` differs get 401 (both endpoints). */
  apiKey?: string;
  /** Seconds advertised by `retry-after` in `rate-limit` mode. Default 7. */
  retryAfterSeconds?: number;
  /** Status for `server-error` mode. Default 500. */
  serverErrorStatus?: number;
  /** Delay for `slow` mode. Default 30,000 ms. */
  slowMs?: number;
  /**
   * What each `POST /v1/responses` streams. A function gets the recorded request and the 0-based
   * index among responses requests; an array is consumed in order (the last entry repeats).
   * Default: one assistant message `"fake reply N"`.
   */
  reply?: FakeTurn | FakeTurn[] | ((request: RecordedRequest, index: number) => FakeTurn);
  /** Append one JSON line per request to this file (a request log that outlives the test). */
  logFile?: string;
}

export interface FakeOpenAI {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `http://127.0.0.1:PORT/v1`: what clients use as base URL. */
  readonly baseUrl: string;
  readonly port: number;
  /** Every request so far, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Only the `POST /v1/responses` requests, in order. */
  responsesRequests(): RecordedRequest[];
  setModelsMode(mode: ModelsMode): void;
  setResponsesMode(mode: ResponsesMode): void;
  setReply(reply: NonNullable<FakeOpenAIOptions["reply"]>): void;
  /** Forget recorded requests (the responses index restarts at 0). */
  clearRequests(): void;
  /** A `config.toml` pointing the Codex CLI at this server (provider id `mock`). */
  codexConfigToml(options?: { model?: string; providerId?: string }): string;
  close(): Promise<void>;
}

const ERRORS = {
  "invalid-key": {
    status: 401,
    body: {
      error: {
        message:
          "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    },
  },
  "insufficient-quota": {
    status: 429,
    body: {
      error: {
        message:
          "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        type: "insufficient_quota",
        param: null,
        code: "insufficient_quota",
      },
    },
  },
  "rate-limit": {
    status: 429,
    body: {
      error: {
        message:
          "Rate limit reached for gpt-test in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 7s.",
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
    },
  },
  "server-error": {
    status: 500,
    body: {
      error: {
        message: "The server had an error while processing your request. Sorry about that!",
        type: "server_error",
        param: null,
        code: null,
      },
    },
  },
} as const;

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ["gpt-test", "gpt-test-mini"];
  let modelsMode: ModelsMode = options.modelsMode ?? "ok";
  let responsesMode: ResponsesMode = options.responsesMode ?? "ok";
  let reply = options.reply;
  const requests: RecordedRequest[] = [];
  let responsesIndex = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const sendError = (res: ServerResponse, record: RecordedRequest, mode: keyof typeof ERRORS) => {
    const { status: base, body } = ERRORS[mode];
    const status = mode === "server-error" ? (options.serverErrorStatus ?? 500) : base;
    const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": `req_${record.seq}` };
    if (mode === "rate-limit") {
      const retry = options.retryAfterSeconds ?? 7;
      headers["retry-after"] = String(retry);
      headers["x-ratelimit-limit-requests"] = "3";
      headers["x-ratelimit-remaining-requests"] = "0";
      headers["x-ratelimit-reset-requests"] = `${retry}s`;
    }
    record.status = status;
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  };

  const authorized = (req: IncomingMessage): boolean => {
    if (options.apiKey === undefined) return true;
    return req.headers.authorization === `Bearer ${options.apiKey}`;
  };

  const handleModels = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest) => {
    if (!authorized(req)) return sendError(res, record, "invalid-key");
    if (modelsMode === "slow") await delay(options.slowMs ?? 30_000);
    else if (modelsMode !== "ok") return sendError(res, record, modelsMode);
    record.status = 200;
    res.writeHead(200, { "content-type": "application/json", "x-request-id": `req_${record.seq}` });
    res.end(
      JSON.stringify({
        object: "list",
        data: models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "codexrel-fake" })),
      }),
    );
  };

  const handleResponses = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest) => {
    const index = responsesIndex++;
    if (!authorized(req)) return sendError(res, record, "invalid-key");
    if (responsesMode === "slow") await delay(options.slowMs ?? 30_000);
    else if (responsesMode !== "ok") return sendError(res, record, responsesMode);
    const turn = pickTurn(reply, record, index);
    const body = (record.json ?? {}) as { model?: string };
    record.status = 200;
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      "x-request-id": `req_${record.seq}`,
    });
    for (const chunk of sseEvents(turn, {
      responseId: `resp_fake_${record.seq}`,
      model: body.model ?? models[0] ?? "gpt-test",
    })) {
      res.write(chunk);
    }
    res.end();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const [path = "/", query = ""] = (req.url ?? "/").split("?", 2);
      let json: unknown;
      try {
        json = raw.length > 0 ? JSON.parse(raw) : undefined;
      } catch {
        json = undefined;
      }
      const record: RecordedRequest = {
        seq: requests.length + 1,
        method: req.method ?? "GET",
        path,
        query,
        headers: { ...req.headers },
        body: raw,
        json,
        status: 0,
        receivedAt: new Date().toISOString(),
      };
      requests.push(record);
      const done = () => {
        if (options.logFile) appendFileSync(options.logFile, JSON.stringify(record) + "\n");
      };
      let work: Promise<void>;
      if (req.method === "GET" && (path === "/v1/models" || path === "/models")) work = handleModels(req, res, record);
      else if (req.method === "POST" && (path === "/v1/responses" || path === "/responses"))
        work = handleResponses(req, res, record);
      else {
        record.status = 404;
        res.writeHead(404, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: {
              message: `fake OpenAI: no route ${req.method} ${path}`,
              type: "invalid_request_error",
              param: null,
              code: null,
            },
          }),
        );
        work = Promise.resolve();
      }
      work.then(done, (error: unknown) => {
        record.status = 500;
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
        done();
      });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}/v1`,
    port,
    requests,
    responsesRequests: () => requests.filter((r) => r.method === "POST" && r.path.endsWith("/responses")),
    setModelsMode: (mode) => {
      modelsMode = mode;
    },
    setResponsesMode: (mode) => {
      responsesMode = mode;
    },
    setReply: (next) => {
      reply = next;
    },
    clearRequests: () => {
      requests.length = 0;
      responsesIndex = 0;
    },
    codexConfigToml: ({ model = models[0] ?? "gpt-test", providerId = "mock" } = {}) =>
      [
        `model = ${JSON.stringify(model)}`,
        `model_provider = ${JSON.stringify(providerId)}`,
        "",
        `[model_providers.${providerId}]`,
        `name = "codexrel fake OpenAI"`,
        `base_url = ${JSON.stringify(`${origin}/v1`)}`,
        `wire_api = "responses"`,
        "requires_openai_auth = true",
        "request_max_retries = 0",
        "stream_max_retries = 0",
        "",
      ].join("\n"),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pickTurn(reply: FakeOpenAIOptions["reply"], request: RecordedRequest, index: number): FakeTurn {
  if (reply === undefined) return `fake reply ${index + 1}`;
  if (typeof reply === "function") return reply(request, index);
  if (Array.isArray(reply)) return reply[Math.min(index, reply.length - 1)] ?? `fake reply ${index + 1}`;
  return reply;
}

/** The SSE frames for one turn: `response.created`, one `response.output_item.done` per item, `response.completed`. */
export function sseEvents(turn: FakeTurn, ids: { responseId: string; model: string }): string[] {
  const items = typeof turn === "string" ? [{ type: "message", text: turn } as FakeOutputItem] : turn.items;
  const frame = (type: string, data: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const base = { id: ids.responseId, object: "response", created_at: 1_700_000_000, model: ids.model };
  const output = items.map((item, i) => toOutputItem(item, `${ids.responseId}_${i}`));
  const frames = [frame("response.created", { response: { ...base, status: "in_progress", output: [] } })];
  output.forEach((item, i) => {
    frames.push(frame("response.output_item.done", { output_index: i, item }));
  });
  frames.push(
    frame("response.completed", {
      response: {
        ...base,
        status: "completed",
        output,
        usage: {
          input_tokens: 10,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 5,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 15,
        },
      },
    }),
  );
  return frames;
}

function toOutputItem(item: FakeOutputItem, id: string): Record<string, unknown> {
  switch (item.type) {
    case "message":
      return {
        type: "message",
        id: `msg_${id}`,
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text: item.text, annotations: [] }],
      };
    case "function_call":
      return {
        type: "function_call",
        id: `fc_${id}`,
        status: "completed",
        call_id: item.callId ?? `call_${id}`,
        name: item.name,
        arguments: item.arguments,
      };
    case "raw":
      return item.item;
  }
}

/** Concatenated text of every input message with the given role in a recorded Responses request. */
export function inputTexts(request: RecordedRequest, role?: "user" | "assistant" | "developer" | "system"): string[] {
  const body = request.json as { input?: unknown } | undefined;
  const input = Array.isArray(body?.input) ? (body.input as Record<string, unknown>[]) : [];
  const out: string[] = [];
  for (const item of input) {
    if (item.type !== "message" && item.role === undefined) continue;
    if (role && item.role !== role) continue;
    const content = item.content;
    if (typeof content === "string") out.push(content);
    else if (Array.isArray(content)) {
      out.push(
        content
          .map((c: { text?: unknown }) => (typeof c?.text === "string" ? c.text : ""))
          .filter(Boolean)
          .join(""),
      );
    }
  }
  return out;
}
