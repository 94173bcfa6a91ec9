/** The fake OpenAI's options, answer modes, scripted turns and recorded requests. */

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
