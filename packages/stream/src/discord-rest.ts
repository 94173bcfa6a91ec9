/**
 * Discord's REST API through a fetch-like port, with its rate limits honoured:
 *
 * - a 429 waits the `retry_after` seconds of its JSON body (or the `Retry-After` header), then the
 *   same request is sent again; a global 429 (`global: true` / `X-RateLimit-Global`) holds every
 *   route. 429 waits do not use up the retries, but are bounded in number and length.
 * - `X-RateLimit-Remaining: 0` holds the route for `X-RateLimit-Reset-After` seconds before its
 *   next request, so a well-behaved stream rarely sees a 429 at all.
 * - 5xx answers and network errors are retried with exponential backoff (p-retry); other 4xx
 *   answers fail at once (a bad token, a missing permission: retrying cannot help).
 *
 * All waits go through the clock port. https://discord.com/developers/docs/topics/rate-limits
 */
import { redact } from "@codexrel/core";
import pRetry, { AbortError } from "p-retry";
import type { Clock } from "./clock.js";
import { StreamErrorCodes, streamError } from "./errors.js";

export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<FetchResponseLike>;

export const DEFAULT_DISCORD_API_URL = "https://discord.com/api/v10";

export interface DiscordRestOptions {
  fetch: FetchLike;
  token: string;
  clock: Clock;
  /** Default https://discord.com/api/v10 */
  baseUrl?: string;
  /** `DiscordBot (url, version)`, the form Discord asks bots to send. */
  userAgent?: string;
  /** Retries after a 5xx or network error. Default 4. */
  retries?: number;
  /** First backoff after a 5xx or network error; doubles each time. Default 1,000 ms. */
  backoffMs?: number;
  /** 429 answers tolerated for one request. Default 10. */
  maxRateLimitWaits?: number;
  /** Longest wait accepted from Discord (429 or reset-after); longer fails the request. Default 60 s. */
  maxWaitMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Epoch ms after which no wait may end (the sink's close deadline): a longer wait fails instead. */
  deadline?: number;
}

export interface DiscordRest {
  request<T = unknown>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<T>;
  /** Requests sent so far (including retries). */
  readonly sent: number;
  /** Waits for Discord's rate limits so far (ms each). */
  readonly rateLimitWaits: readonly number[];
}

class RateLimited extends Error {
  constructor(
    readonly waitMs: number,
    readonly global: boolean,
    readonly status: number,
  ) {
    super(`rate limited by Discord (retry after ${waitMs} ms${global ? ", global" : ""})`);
  }
}

class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`HTTP ${status}${detail ? `: ${detail}` : ""}`);
  }
}

/** The route a rate-limit bucket belongs to: method + path with ids other than the major one masked. */
function routeKey(method: string, path: string): string {
  const major = /^\/(channels|guilds|webhooks)\/(\d+)/.exec(path);
  const masked = path.replace(/\d{5,}/g, ":id");
  return `${method} ${major ? `${major[1]}/${major[2]}` : ""} ${masked}`;
}

export function createDiscordRest(options: DiscordRestOptions): DiscordRest {
  const base = (options.baseUrl ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, "");
  const clock = options.clock;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxWaits = options.maxRateLimitWaits ?? 10;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = {
    authorization: `Bot ${options.token}`,
    "user-agent": options.userAgent ?? "DiscordBot (https://github.com/codexrel/codexrel, 0.1.0)",
    "content-type": "application/json",
  };
  const blockedUntil = new Map<string, number>();
  let globalUntil = 0;
  const waits: number[] = [];
  let sent = 0;
  const clean = (text: string) => redact(text, { secrets: [options.token] });

  const pastDeadline = (method: string, path: string, ms: number) =>
    streamError(
      StreamErrorCodes.DISCORD_RATE_LIMITED,
      `waiting ${Math.ceil(ms / 1000)} s more for ${method} ${path} would pass the close deadline`,
      "Discord is slower than the stream may wait at its end; the rest of the log is in the artifact.",
    );

  async function waitFor(ms: number, deadline: number, method: string, path: string): Promise<void> {
    if (clock.now() + ms > deadline) throw pastDeadline(method, path, ms);
    waits.push(ms);
    await clock.sleep(ms);
  }

  async function once<T>(method: string, path: string, body: unknown, key: string, deadline: number): Promise<T> {
    const hold = Math.max(globalUntil, blockedUntil.get(key) ?? 0) - clock.now();
    if (hold > 0) {
      if (hold > maxWaitMs) {
        throw new AbortError(
          streamError(
            StreamErrorCodes.DISCORD_RATE_LIMITED,
            `Discord holds ${method} ${path} for ${Math.ceil(hold / 1000)} s`,
            "Discord's rate limit is longer than the stream waits; the rest of the log is in the artifact.",
          ),
        );
      }
      if (clock.now() + hold > deadline) throw new AbortError(pastDeadline(method, path, hold));
      await waitFor(hold, deadline, method, path);
    }
    sent += 1;
    let response: FetchResponseLike;
    try {
      response = await options.fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Network errors and timeouts are worth another try.
      throw new RetryableStatus(0, clean(error instanceof Error ? error.message : String(error)));
    }
    const text = await response.text().catch(() => "");
    noteHeaders(response, key);
    if (response.status === 429) {
      const parsed = parseJson(text);
      const after =
        typeof parsed?.retry_after === "number"
          ? parsed.retry_after
          : Number(response.headers.get("retry-after") ?? response.headers.get("x-ratelimit-reset-after") ?? 1);
      const global = parsed?.global === true || response.headers.get("x-ratelimit-global") === "true";
      const ms = Math.max(0, Math.ceil((Number.isFinite(after) ? after : 1) * 1000));
      if (global) globalUntil = clock.now() + ms;
      throw new RateLimited(ms, global, 429);
    }
    if (response.status >= 500) throw new RetryableStatus(response.status, clean(detail(text)));
    if (response.status >= 400) {
      const hint =
        response.status === 401
          ? "DISCORD_BOT_TOKEN was refused: set the bot's token (Bot settings → Reset Token)."
          : response.status === 403
            ? "The bot lacks a permission here: it needs Manage Channels, View Channel and Send Messages in the guild/category."
            : response.status === 404
              ? "Check DISCORD_GUILD_ID / DISCORD_CATEGORY_ID and that the bot is in that guild."
              : "Discord refused the request; see the message.";
      throw new AbortError(
        streamError(
          StreamErrorCodes.DISCORD_REQUEST_FAILED,
          `Discord answered ${method} ${path} with HTTP ${response.status}: ${clean(detail(text))}`,
          hint,
        ),
      );
    }
    return (text === "" ? null : parseJson(text)) as T;
  }

  function noteHeaders(response: FetchResponseLike, key: string): void {
    const remaining = response.headers.get("x-ratelimit-remaining");
    const resetAfter = Number(response.headers.get("x-ratelimit-reset-after"));
    if (remaining === "0" && Number.isFinite(resetAfter) && resetAfter > 0) {
      blockedUntil.set(key, clock.now() + Math.ceil(resetAfter * 1000));
    } else if (remaining !== null && remaining !== "0") {
      blockedUntil.delete(key);
    }
  }

  return {
    get sent() {
      return sent;
    },
    rateLimitWaits: waits,
    async request<T>(
      method: "GET" | "POST" | "PATCH",
      path: string,
      body?: unknown,
      request: RequestOptions = {},
    ): Promise<T> {
      const key = routeKey(method, path);
      const deadline = request.deadline ?? Number.POSITIVE_INFINITY;
      let limited = 0;
      try {
        return await pRetry(() => once<T>(method, path, body, key, deadline), {
          retries,
          // Waits happen in onFailedAttempt through the clock; p-retry itself never sleeps.
          minTimeout: 0,
          randomize: false,
          shouldConsumeRetry: ({ error }) => !(error instanceof RateLimited),
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (error instanceof RateLimited) {
              limited += 1;
              if (limited > maxWaits || error.waitMs > maxWaitMs) {
                throw streamError(
                  StreamErrorCodes.DISCORD_RATE_LIMITED,
                  `Discord kept answering 429 to ${method} ${path} (${limited} times, last retry_after ${error.waitMs} ms)`,
                  "Discord's rate limit is longer than the stream waits; the rest of the log is in the artifact.",
                );
              }
              await waitFor(error.waitMs, deadline, method, path);
            } else if (retriesLeft > 0) {
              const backoff = backoffMs * 2 ** (attemptNumber - 1);
              if (clock.now() + backoff > deadline) throw pastDeadline(method, path, backoff);
              await clock.sleep(backoff);
            }
          },
        });
      } catch (error) {
        if (error instanceof RetryableStatus) {
          throw streamError(
            StreamErrorCodes.DISCORD_REQUEST_FAILED,
            `Discord ${method} ${path} failed after ${retries + 1} attempts: ${error.message}`,
            "Discord or the network is failing; the rest of the log is in the artifact.",
            error,
          );
        }
        throw error;
      }
    },
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function detail(text: string): string {
  const parsed = parseJson(text);
  const message = typeof parsed?.message === "string" ? parsed.message : text;
  return message.replace(/\s+/g, " ").slice(0, 300);
}
