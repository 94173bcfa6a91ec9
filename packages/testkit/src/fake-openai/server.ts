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

import { ERRORS } from "./api-errors.js";
import { pickTurn, sseEvents } from "./responses.js";
import type { FakeOpenAI, FakeOpenAIOptions, ModelsMode, RecordedRequest, ResponsesMode } from "./types.js";

export { inputTexts, sseEvents } from "./responses.js";
export * from "./types.js";

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
