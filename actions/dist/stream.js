// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  githubPorts,
  updateProgressComment
} from "./chunks/chunk-OG2JBXRU.js";
import "./chunks/chunk-3GVAX7VE.js";
import {
  CodexrelError,
  MIN_EXACT_SECRET_LENGTH,
  SUMMARY_LIMIT,
  actionSecrets,
  codeBlock,
  createRedactor,
  createStreamRedactor,
  escapeMarkdown,
  flag,
  formatError,
  list,
  measureBytes,
  redact,
  text,
  toCodexrelError
} from "./chunks/chunk-BMUCDFY2.js";

// src/stream.ts
import { once } from "node:events";
import { appendFile, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

// ../packages/stream/src/clock.ts
import { setTimeout as delay } from "node:timers/promises";
var systemClock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    await delay(ms, void 0, signal ? { signal } : {}).catch((error) => {
      if (error.name !== "AbortError") throw error;
    });
  }
};

// ../packages/stream/src/codex-events.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" ? v : "";
var textLines = (text2) => text2.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
var TOP_LEVEL = /* @__PURE__ */ new Set([
  "thread.started",
  "turn.started",
  "turn.completed",
  "turn.failed",
  "item.started",
  "item.updated",
  "item.completed",
  "item.plan.delta",
  "request_user_input",
  "error"
]);
function formatCodexLine(line, options = {}) {
  const passthrough = { lines: [line], event: false, truncated: false };
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return passthrough;
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return passthrough;
  }
  if (!isObject(value) || typeof value.type !== "string" || !TOP_LEVEL.has(value.type)) return passthrough;
  const max = options.maxOutputLines ?? 20;
  const out = formatEvent(value, max);
  return out ? { lines: out.lines, event: true, truncated: out.truncated } : passthrough;
}
function formatEvent(e, maxOutput) {
  const plain = (lines) => ({ lines, truncated: false });
  switch (e.type) {
    case "thread.started":
      return plain([`\u25B6 codex session ${str(e.thread_id)}`]);
    case "turn.started":
    case "item.plan.delta":
      return plain([]);
    case "turn.completed": {
      const u = isObject(e.usage) ? e.usage : {};
      const n = (k) => typeof u[k] === "number" ? u[k] : 0;
      return plain([
        `\u25A0 turn completed \xB7 tokens in ${n("input_tokens")} (cached ${n("cached_input_tokens")}), out ${n("output_tokens")}`
      ]);
    }
    case "turn.failed": {
      const err = isObject(e.error) ? str(e.error.message) : "";
      return plain([`\u2716 turn failed: ${err}`]);
    }
    case "error":
      return plain([`\u2716 error: ${str(e.message)}`]);
    case "request_user_input":
      return plain(["? the agent asked for input (not available in exec mode)"]);
    default:
      break;
  }
  if (!isObject(e.item)) return null;
  return formatItem(e.type, e.item, maxOutput);
}
function formatItem(phase, item, maxOutput) {
  const plain = (lines) => ({ lines, truncated: false });
  const done = phase === "item.completed";
  switch (item.type) {
    case "agent_message":
      return plain(done ? textLines(str(item.text)).map((l, i) => i === 0 ? `\u{1F4AC} ${l}` : `   ${l}`) : []);
    case "reasoning":
      return plain(done && str(item.text) ? textLines(str(item.text)).map((l) => `\xB7 ${l}`) : []);
    case "plan":
      return plain(done ? textLines(str(item.text)).map((l, i) => i === 0 ? `\u{1F4CB} ${l}` : `   ${l}`) : []);
    case "command_execution":
      return formatCommand(phase, item, maxOutput);
    case "file_change": {
      if (!done) return plain([]);
      const changes = Array.isArray(item.changes) ? item.changes.filter(isObject) : [];
      const failed = item.status === "failed";
      const lines = changes.map((c) => `\u270E ${str(c.kind) || "change"} ${str(c.path)}${failed ? " (patch failed)" : ""}`);
      return plain(lines.length > 0 ? lines : [`\u270E file change ${str(item.status)}`]);
    }
    case "mcp_tool_call": {
      if (!done) return plain([`\u2699 ${str(item.server)}.${str(item.tool)} \u2026`]);
      const err = isObject(item.error) ? `: ${str(item.error.message)}` : "";
      return plain([`\u2699 ${str(item.server)}.${str(item.tool)} \u2192 ${str(item.status)}${err}`]);
    }
    case "collab_tool_call":
      return plain(done ? [`\u2699 ${str(item.tool)} \u2192 ${str(item.status)}`] : []);
    case "web_search":
      return plain(done ? [`\u{1F50E} ${str(item.query)}`] : []);
    case "todo_list": {
      if (phase === "item.started") return plain([]);
      const items = Array.isArray(item.items) ? item.items.filter(isObject) : [];
      const doneCount = items.filter((t) => t.completed === true).length;
      return plain([
        `\u2630 plan ${doneCount}/${items.length}`,
        ...items.map((t) => `  ${t.completed === true ? "\u2611" : "\u2610"} ${str(t.text)}`)
      ]);
    }
    case "error":
      return plain([`\u26A0 ${str(item.message)}`]);
    default:
      return null;
  }
}
function formatCommand(phase, item, maxOutput) {
  const command = str(item.command);
  if (phase === "item.started") return { lines: [`$ ${command}`], truncated: false };
  if (phase !== "item.completed") return { lines: [], truncated: false };
  const output = str(item.aggregated_output);
  const all = output === "" ? [] : textLines(output);
  const shown = all.slice(0, Math.max(0, maxOutput));
  const lines = shown.map((l) => `  \u2502 ${l}`);
  const truncated = all.length > shown.length;
  if (truncated) lines.push(`  \u2502 \u2026 ${all.length - shown.length} more lines of output`);
  const status = str(item.status);
  const code = typeof item.exit_code === "number" ? `exit ${item.exit_code}` : status || "no exit code";
  const mark = status === "completed" && item.exit_code === 0 ? "\u2713" : "\u2717";
  lines.push(`  ${mark} ${code}${status === "declined" ? " (declined)" : ""} \xB7 ${shorten(command, 120)}`);
  return { lines, truncated };
}
function shorten(text2, max) {
  const chars = [...text2];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}\u2026` : text2;
}

// ../packages/stream/src/discord-batch.ts
var DISCORD_MESSAGE_LIMIT = 2e3;
var OPEN = "```\n";
var CLOSE = "\n```";
var ZWSP = "\u200B";
var CONTINUED = " \u21A9";
var MESSAGE_BODY_LIMIT = DISCORD_MESSAGE_LIMIT - OPEN.length - CLOSE.length;
function neutralizeFences(line) {
  return line.replace(/`{3,}/g, (run2) => run2.split("").join(ZWSP)).replace(/\t/g, "  ");
}
function lineUnits(line) {
  const text2 = neutralizeFences(line);
  if (text2.length <= MESSAGE_BODY_LIMIT) return [{ text: text2, lines: 1 }];
  const units = [];
  const room = MESSAGE_BODY_LIMIT - CONTINUED.length;
  let piece = "";
  for (const ch of text2) {
    if (piece.length + ch.length > room) {
      units.push({ text: piece + CONTINUED, lines: 0 });
      piece = "";
    }
    piece += ch;
  }
  units.push({ text: piece, lines: 1 });
  return units;
}
function renderMessage(units) {
  return {
    content: `${OPEN}${units.map((u) => u.text).join("\n")}${CLOSE}`,
    lines: units.reduce((n, u) => n + u.lines, 0)
  };
}
var MessageQueue = class {
  units = [];
  head = 0;
  /** Characters waiting (for the overflow bound). */
  chars = 0;
  get size() {
    return this.units.length - this.head;
  }
  push(units) {
    for (const u of units) {
      this.units.push(u);
      this.chars += u.text.length + 1;
    }
  }
  /** True when the waiting units fill at least one message. */
  full() {
    return this.chars > MESSAGE_BODY_LIMIT;
  }
  /** Takes as many units as fit in one message. */
  take() {
    if (this.size === 0) return null;
    const picked = [];
    let used = 0;
    while (this.head < this.units.length) {
      const u = this.units[this.head];
      const add = (picked.length > 0 ? 1 : 0) + u.text.length;
      if (picked.length > 0 && used + add > MESSAGE_BODY_LIMIT) break;
      picked.push(u);
      used += add;
      this.chars -= u.text.length + 1;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.units.length) {
      this.units = this.units.slice(this.head);
      this.head = 0;
    }
    return renderMessage(picked);
  }
  /** Drops everything waiting; returns the source lines it held. */
  clear() {
    let lines = 0;
    for (let i = this.head; i < this.units.length; i++) lines += this.units[i].lines;
    this.units = [];
    this.head = 0;
    this.chars = 0;
    return lines;
  }
};

// ../node_modules/.pnpm/is-network-error@1.3.2/node_modules/is-network-error/index.js
var objectToString = Object.prototype.toString;
var isError = (value) => objectToString.call(value) === "[object Error]";
var errorMessages = /* @__PURE__ */ new Set([
  "network error",
  // Chrome
  "NetworkError when attempting to fetch resource.",
  // Firefox
  "The Internet connection appears to be offline.",
  // Safari 16
  "Network request failed",
  // `cross-fetch`
  "fetch failed",
  // Undici (Node.js)
  "terminated",
  // Undici (Node.js)
  " A network error occurred.",
  // Bun (WebKit)
  "Network connection lost"
  // Cloudflare Workers (fetch)
]);
function isNetworkError(error) {
  const isValid = error && isError(error) && error.name === "TypeError" && typeof error.message === "string";
  if (!isValid) {
    return false;
  }
  const { message: message2, stack } = error;
  if (message2 === "Load failed" || message2.startsWith("Load failed (") && message2.endsWith(")")) {
    return stack === void 0 || "__sentry_captured__" in error;
  }
  if (message2.startsWith("error sending request for url")) {
    return true;
  }
  if (message2 === "Failed to fetch" || message2.startsWith("Failed to fetch (") && message2.endsWith(")")) {
    return true;
  }
  return errorMessages.has(message2);
}

// ../node_modules/.pnpm/p-retry@7.1.1/node_modules/p-retry/index.js
function validateRetries(retries) {
  if (typeof retries === "number") {
    if (retries < 0) {
      throw new TypeError("Expected `retries` to be a non-negative number.");
    }
    if (Number.isNaN(retries)) {
      throw new TypeError("Expected `retries` to be a valid number or Infinity, got NaN.");
    }
  } else if (retries !== void 0) {
    throw new TypeError("Expected `retries` to be a number or Infinity.");
  }
}
function validateNumberOption(name, value, { min = 0, allowInfinity = false } = {}) {
  if (value === void 0) {
    return;
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? " or Infinity" : ""}.`);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    throw new TypeError(`Expected \`${name}\` to be a finite number.`);
  }
  if (value < min) {
    throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
  }
}
var AbortError = class extends Error {
  constructor(message2) {
    super();
    if (message2 instanceof Error) {
      this.originalError = message2;
      ({ message: message2 } = message2);
    } else {
      this.originalError = new Error(message2);
      this.originalError.stack = this.stack;
    }
    this.name = "AbortError";
    this.message = message2;
  }
};
function calculateDelay(retriesConsumed, options) {
  const attempt = Math.max(1, retriesConsumed + 1);
  const random = options.randomize ? Math.random() + 1 : 1;
  let timeout = Math.round(random * options.minTimeout * options.factor ** (attempt - 1));
  timeout = Math.min(timeout, options.maxTimeout);
  return timeout;
}
function calculateRemainingTime(start, max) {
  if (!Number.isFinite(max)) {
    return max;
  }
  return max - (performance.now() - start);
}
async function onAttemptFailure({ error, attemptNumber, retriesConsumed, startTime, options }) {
  const normalizedError = error instanceof Error ? error : new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);
  if (normalizedError instanceof AbortError) {
    throw normalizedError.originalError;
  }
  const retriesLeft = Number.isFinite(options.retries) ? Math.max(0, options.retries - retriesConsumed) : options.retries;
  const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;
  const context = Object.freeze({
    error: normalizedError,
    attemptNumber,
    retriesLeft,
    retriesConsumed
  });
  await options.onFailedAttempt(context);
  if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
    throw normalizedError;
  }
  const consumeRetry = await options.shouldConsumeRetry(context);
  const remainingTime = calculateRemainingTime(startTime, maxRetryTime);
  if (remainingTime <= 0 || retriesLeft <= 0) {
    throw normalizedError;
  }
  if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
    if (consumeRetry) {
      throw normalizedError;
    }
    options.signal?.throwIfAborted();
    return false;
  }
  if (!await options.shouldRetry(context)) {
    throw normalizedError;
  }
  if (!consumeRetry) {
    options.signal?.throwIfAborted();
    return false;
  }
  const delayTime = calculateDelay(retriesConsumed, options);
  const finalDelay = Math.min(delayTime, remainingTime);
  options.signal?.throwIfAborted();
  if (finalDelay > 0) {
    await new Promise((resolve2, reject) => {
      const onAbort = () => {
        clearTimeout(timeoutToken);
        options.signal?.removeEventListener("abort", onAbort);
        reject(options.signal.reason);
      };
      const timeoutToken = setTimeout(() => {
        options.signal?.removeEventListener("abort", onAbort);
        resolve2();
      }, finalDelay);
      if (options.unref) {
        timeoutToken.unref?.();
      }
      options.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
  options.signal?.throwIfAborted();
  return true;
}
async function pRetry(input, options = {}) {
  options = { ...options };
  validateRetries(options.retries);
  if (Object.hasOwn(options, "forever")) {
    throw new Error("The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.");
  }
  options.retries ??= 10;
  options.factor ??= 2;
  options.minTimeout ??= 1e3;
  options.maxTimeout ??= Number.POSITIVE_INFINITY;
  options.maxRetryTime ??= Number.POSITIVE_INFINITY;
  options.randomize ??= false;
  options.onFailedAttempt ??= () => {
  };
  options.shouldRetry ??= () => true;
  options.shouldConsumeRetry ??= () => true;
  validateNumberOption("factor", options.factor, { min: 0, allowInfinity: false });
  validateNumberOption("minTimeout", options.minTimeout, { min: 0, allowInfinity: false });
  validateNumberOption("maxTimeout", options.maxTimeout, { min: 0, allowInfinity: true });
  validateNumberOption("maxRetryTime", options.maxRetryTime, { min: 0, allowInfinity: true });
  if (!(options.factor > 0)) {
    options.factor = 1;
  }
  options.signal?.throwIfAborted();
  let attemptNumber = 0;
  let retriesConsumed = 0;
  const startTime = performance.now();
  while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
    attemptNumber++;
    try {
      options.signal?.throwIfAborted();
      const result = await input(attemptNumber);
      options.signal?.throwIfAborted();
      return result;
    } catch (error) {
      if (await onAttemptFailure({
        error,
        attemptNumber,
        retriesConsumed,
        startTime,
        options
      })) {
        retriesConsumed++;
      }
    }
  }
  throw new Error("Retry attempts exhausted without throwing an error.");
}

// ../packages/stream/src/errors.ts
var StreamErrorCodes = {
  /** A Discord API request failed for good (a 4xx, or 5xx/network errors after the retries). */
  DISCORD_REQUEST_FAILED: "DISCORD_REQUEST_FAILED",
  /** Discord asked for a longer wait than the sink allows, or 429s did not stop. */
  DISCORD_RATE_LIMITED: "DISCORD_RATE_LIMITED",
  /** Options the stream cannot work with (stage, run id, channel name parts). */
  STREAM_INPUT_INVALID: "STREAM_INPUT_INVALID"
};
function streamError(code, message2, hint, cause) {
  return new CodexrelError(code, message2, cause === void 0 ? { hint } : { hint, cause });
}

// ../packages/stream/src/discord-rest.ts
var DEFAULT_DISCORD_API_URL = "https://discord.com/api/v10";
var RateLimited = class extends Error {
  constructor(waitMs, global, status) {
    super(`rate limited by Discord (retry after ${waitMs} ms${global ? ", global" : ""})`);
    this.waitMs = waitMs;
    this.global = global;
    this.status = status;
  }
  waitMs;
  global;
  status;
};
var RetryableStatus = class extends Error {
  constructor(status, detail2) {
    super(`HTTP ${status}${detail2 ? `: ${detail2}` : ""}`);
    this.status = status;
  }
  status;
};
function routeKey(method, path) {
  const major = /^\/(channels|guilds|webhooks)\/(\d+)/.exec(path);
  const masked = path.replace(/\d{5,}/g, ":id");
  return `${method} ${major ? `${major[1]}/${major[2]}` : ""} ${masked}`;
}
function createDiscordRest(options) {
  const base = (options.baseUrl ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, "");
  const clock = options.clock;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 1e3;
  const maxWaits = options.maxRateLimitWaits ?? 10;
  const maxWaitMs = options.maxWaitMs ?? 6e4;
  const timeoutMs = options.timeoutMs ?? 3e4;
  const headers = {
    authorization: `Bot ${options.token}`,
    "user-agent": options.userAgent ?? "DiscordBot (https://github.com/codexrel/codexrel, 0.1.0)",
    "content-type": "application/json"
  };
  const blockedUntil = /* @__PURE__ */ new Map();
  let globalUntil = 0;
  const waits = [];
  let sent = 0;
  const clean = (text2) => redact(text2, { secrets: [options.token] });
  const pastDeadline = (method, path, ms) => streamError(
    StreamErrorCodes.DISCORD_RATE_LIMITED,
    `waiting ${Math.ceil(ms / 1e3)} s more for ${method} ${path} would pass the close deadline`,
    "Discord is slower than the stream may wait at its end; the rest of the log is in the artifact."
  );
  async function waitFor(ms, deadline, method, path) {
    if (clock.now() + ms > deadline) throw pastDeadline(method, path, ms);
    waits.push(ms);
    await clock.sleep(ms);
  }
  async function once2(method, path, body, key, deadline) {
    const hold = Math.max(globalUntil, blockedUntil.get(key) ?? 0) - clock.now();
    if (hold > 0) {
      if (hold > maxWaitMs) {
        throw new AbortError(
          streamError(
            StreamErrorCodes.DISCORD_RATE_LIMITED,
            `Discord holds ${method} ${path} for ${Math.ceil(hold / 1e3)} s`,
            "Discord's rate limit is longer than the stream waits; the rest of the log is in the artifact."
          )
        );
      }
      if (clock.now() + hold > deadline) throw new AbortError(pastDeadline(method, path, hold));
      await waitFor(hold, deadline, method, path);
    }
    sent += 1;
    let response;
    try {
      response = await options.fetch(`${base}${path}`, {
        method,
        headers,
        ...body === void 0 ? {} : { body: JSON.stringify(body) },
        signal: AbortSignal.timeout(timeoutMs)
      });
    } catch (error) {
      throw new RetryableStatus(0, clean(error instanceof Error ? error.message : String(error)));
    }
    const text2 = await response.text().catch(() => "");
    noteHeaders(response, key);
    if (response.status === 429) {
      const parsed = parseJson(text2);
      const after = typeof parsed?.retry_after === "number" ? parsed.retry_after : Number(response.headers.get("retry-after") ?? response.headers.get("x-ratelimit-reset-after") ?? 1);
      const global = parsed?.global === true || response.headers.get("x-ratelimit-global") === "true";
      const ms = Math.max(0, Math.ceil((Number.isFinite(after) ? after : 1) * 1e3));
      if (global) globalUntil = clock.now() + ms;
      throw new RateLimited(ms, global, 429);
    }
    if (response.status >= 500) throw new RetryableStatus(response.status, clean(detail(text2)));
    if (response.status >= 400) {
      const hint = response.status === 401 ? "DISCORD_BOT_TOKEN was refused: set the bot's token (Bot settings \u2192 Reset Token)." : response.status === 403 ? "The bot lacks a permission here: it needs Manage Channels, View Channel and Send Messages in the guild/category." : response.status === 404 ? "Check DISCORD_GUILD_ID / DISCORD_CATEGORY_ID and that the bot is in that guild." : "Discord refused the request; see the message.";
      throw new AbortError(
        streamError(
          StreamErrorCodes.DISCORD_REQUEST_FAILED,
          `Discord answered ${method} ${path} with HTTP ${response.status}: ${clean(detail(text2))}`,
          hint
        )
      );
    }
    return text2 === "" ? null : parseJson(text2);
  }
  function noteHeaders(response, key) {
    const remaining = response.headers.get("x-ratelimit-remaining");
    const resetAfter = Number(response.headers.get("x-ratelimit-reset-after"));
    if (remaining === "0" && Number.isFinite(resetAfter) && resetAfter > 0) {
      blockedUntil.set(key, clock.now() + Math.ceil(resetAfter * 1e3));
    } else if (remaining !== null && remaining !== "0") {
      blockedUntil.delete(key);
    }
  }
  return {
    get sent() {
      return sent;
    },
    rateLimitWaits: waits,
    async request(method, path, body, request = {}) {
      const key = routeKey(method, path);
      const deadline = request.deadline ?? Number.POSITIVE_INFINITY;
      let limited = 0;
      try {
        return await pRetry(() => once2(method, path, body, key, deadline), {
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
                  "Discord's rate limit is longer than the stream waits; the rest of the log is in the artifact."
                );
              }
              await waitFor(error.waitMs, deadline, method, path);
            } else if (retriesLeft > 0) {
              const backoff = backoffMs * 2 ** (attemptNumber - 1);
              if (clock.now() + backoff > deadline) throw pastDeadline(method, path, backoff);
              await clock.sleep(backoff);
            }
          }
        });
      } catch (error) {
        if (error instanceof RetryableStatus) {
          throw streamError(
            StreamErrorCodes.DISCORD_REQUEST_FAILED,
            `Discord ${method} ${path} failed after ${retries + 1} attempts: ${error.message}`,
            "Discord or the network is failing; the rest of the log is in the artifact.",
            error
          );
        }
        throw error;
      }
    }
  };
}
function parseJson(text2) {
  try {
    const v = JSON.parse(text2);
    return typeof v === "object" && v !== null ? v : null;
  } catch {
    return null;
  }
}
function detail(text2) {
  const parsed = parseJson(text2);
  const message2 = typeof parsed?.message === "string" ? parsed.message : text2;
  return message2.replace(/\s+/g, " ").slice(0, 300);
}

// ../packages/stream/src/sink.ts
var SINK_NAMES = ["discord", "summary", "progress", "file"];
function createWarningLog(print, redactText = (t) => t) {
  const list2 = [];
  return {
    list: list2,
    warn: (message2) => {
      const clean = redactText(message2);
      list2.push(clean);
      print(clean);
    }
  };
}
function guardSink(sink, warn) {
  let failed = null;
  let lines = 0;
  let lost = 0;
  const fail = (error) => {
    failed = error instanceof Error ? error.message : String(error);
    warn(`${sink.name}: ${failed}; the ${sink.name} sink is off for the rest of the run`);
  };
  return {
    name: sink.name,
    ...sink.fullOutput ? { fullOutput: true } : {},
    write(line) {
      lines += 1;
      if (failed !== null) {
        lost += 1;
        return;
      }
      try {
        sink.write(line);
      } catch (error) {
        lost += 1;
        fail(error);
      }
    },
    async close(warnings) {
      if (failed === null) {
        try {
          const report = await sink.close(warnings);
          return report;
        } catch (error) {
          fail(error);
        }
      }
      return {
        name: sink.name,
        ok: false,
        summary: `failed: ${failed}${lost > 0 ? ` (${lost} lines not written)` : ""}`,
        lines,
        undelivered: lost
      };
    }
  };
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ../packages/stream/src/discord-sink.ts
var GUILD_TEXT = 0;
function createDiscordSink(options) {
  const clock = options.clock;
  const lingerMs = options.lingerMs ?? 1e3;
  const maxPending = options.maxPendingChars ?? 4e6;
  const closeTimeoutMs = options.closeTimeoutMs ?? 12e4;
  const maxFailures = options.maxConsecutiveFailures ?? 3;
  const queue = new MessageQueue();
  const linger = new AbortController();
  let channelId = null;
  let reused = false;
  let off = null;
  let closing = false;
  let deadline = Number.POSITIVE_INFINITY;
  let pumping = null;
  let failuresInRow = 0;
  const count = { taken: 0, posted: 0, messages: 0, undelivered: 0, overflowed: 0 };
  const overflow = { lines: 0, chars: 0 };
  const pushNotice = () => {
    queue.push(
      lineUnits(
        `\u26A0 ${plural(overflow.lines, "line")} (${overflow.chars} characters) were not posted here: more log than Discord's rate limit lets through. They are in the ${options.logName} artifact.`
      ).map((u) => ({ ...u, lines: 0 }))
    );
    count.overflowed += overflow.lines;
    overflow.lines = 0;
    overflow.chars = 0;
  };
  const switchOff = (reason) => {
    if (off !== null) return;
    off = reason;
    const waiting = queue.clear();
    count.undelivered += waiting;
    options.warn(`discord: ${reason}; streaming to Discord is off for the rest of the run`);
  };
  const post = (content) => options.rest.request(
    "POST",
    `/channels/${channelId}/messages`,
    { content, allowed_mentions: { parse: [] } },
    { deadline }
  );
  async function ensureChannel() {
    try {
      let channel;
      try {
        const list2 = await options.rest.request("GET", `/guilds/${options.guildId}/channels`);
        channel = (Array.isArray(list2) ? list2 : []).find(
          (c) => c.type === GUILD_TEXT && c.name === options.channelName && (c.parent_id ?? null) === (options.categoryId ?? null)
        );
        reused = channel !== void 0;
      } catch {
      }
      channel ??= await options.rest.request("POST", `/guilds/${options.guildId}/channels`, {
        name: options.channelName,
        type: GUILD_TEXT,
        topic: options.topic,
        ...options.categoryId ? { parent_id: options.categoryId } : {}
      });
      if (!channel || typeof channel.id !== "string") throw new Error("Discord returned no channel id");
      channelId = channel.id;
    } catch (error) {
      switchOff(`could not create channel #${options.channelName}: ${message(error)}`);
      return false;
    }
    try {
      await post(options.banner.slice(0, 2e3));
    } catch (error) {
      options.warn(`discord: the banner was not posted: ${message(error)}`);
    }
    return true;
  }
  async function pump() {
    if (channelId === null && !await ensureChannel()) return;
    for (; ; ) {
      if (off !== null || queue.size === 0) return;
      if (!closing && !queue.full() && lingerMs > 0) await clock.sleep(lingerMs, linger.signal);
      if (closing && clock.now() > deadline) return;
      const msg = queue.take();
      if (!msg) continue;
      try {
        await post(msg.content);
        count.messages += 1;
        count.posted += msg.lines;
        failuresInRow = 0;
      } catch (error) {
        failuresInRow += 1;
        count.undelivered += msg.lines;
        options.warn(`discord: a message with ${plural(msg.lines, "line")} was not posted: ${message(error)}`);
        if (failuresInRow >= maxFailures) switchOff(`${failuresInRow} messages in a row failed`);
      }
    }
  }
  function kick() {
    if (pumping || off !== null) return;
    pumping = pump().catch((error) => switchOff(message(error))).finally(() => {
      pumping = null;
      if (queue.size > 0 && off === null && !(closing && clock.now() > deadline)) kick();
    });
  }
  return {
    name: "discord",
    channelId: () => channelId,
    write(line) {
      count.taken += 1;
      if (off !== null) {
        count.undelivered += 1;
        return;
      }
      if (overflow.lines > 0) {
        if (queue.chars < maxPending / 2) pushNotice();
        else {
          overflow.lines += 1;
          overflow.chars += line.length;
          return;
        }
      }
      if (queue.chars + line.length > maxPending) {
        overflow.lines += 1;
        overflow.chars += line.length;
        return;
      }
      queue.push(lineUnits(line));
      kick();
    },
    async close() {
      closing = true;
      deadline = clock.now() + closeTimeoutMs;
      linger.abort();
      if (overflow.lines > 0 && off === null) pushNotice();
      kick();
      while (pumping) await pumping;
      if (queue.size > 0) {
        const left = queue.clear();
        count.undelivered += left;
        options.warn(
          `discord: ${plural(left, "line")} not posted before the ${Math.round(closeTimeoutMs / 1e3)} s close deadline`
        );
      }
      const lost = count.undelivered + count.overflowed;
      const where = channelId ? `#${options.channelName}${reused ? " (existing channel)" : ""}` : `#${options.channelName}`;
      return {
        name: "discord",
        ok: off === null && lost === 0,
        summary: off !== null && channelId === null ? `off: ${off}` : `posted ${count.posted} of ${plural(count.taken, "line")} in ${plural(count.messages, "message")} to ${where}${count.overflowed > 0 ? `; ${plural(count.overflowed, "line")} over the rate limit summarized` : ""}${count.undelivered > 0 ? `; ${plural(count.undelivered, "line")} not posted` : ""}`,
        lines: count.taken,
        undelivered: lost
      };
    }
  };
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// ../packages/stream/src/dry-run.ts
function createDryRunDiscordSink(options) {
  let lines = 0;
  let started = false;
  const start = () => {
    started = true;
    const where = options.categoryId ? ` under category ${options.categoryId}` : "";
    options.print(`discord (dry run): would create channel #${options.channelName}${where}
`);
    if (options.offReason) options.print(`discord (dry run): a real run would not stream: ${options.offReason}
`);
    options.print(`discord (dry run): banner:
${options.banner.replace(/^/gm, "  | ")}
`);
  };
  start();
  return {
    name: "discord",
    write(line) {
      if (!started) start();
      lines += 1;
      options.print(`discord \u25B8 ${line}
`);
    },
    async close() {
      return {
        name: "discord",
        ok: true,
        summary: `dry run: would post ${lines} lines to #${options.channelName}`,
        lines,
        undelivered: 0
      };
    }
  };
}
function createDryRunSink(name, print, target) {
  let lines = 0;
  print(`${name} (dry run): would write to ${target}
`);
  return {
    name,
    write() {
      lines += 1;
    },
    async close() {
      return { name, ok: true, summary: `dry run: would write ${lines} lines to ${target}`, lines, undelivered: 0 };
    }
  };
}

// ../packages/stream/src/file-sink.ts
function createFileSink(options) {
  let lines = 0;
  return {
    name: "file",
    fullOutput: true,
    write(line) {
      options.file.write(`${line}
`);
      lines += 1;
    },
    async close() {
      await options.file.close();
      return { name: "file", ok: true, summary: `wrote ${lines} lines to ${options.path}`, lines, undelivered: 0 };
    }
  };
}

// ../packages/stream/src/line-splitter.ts
import { StringDecoder } from "node:string_decoder";
var DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;
var LineSplitter = class {
  constructor(maxLineChars = DEFAULT_MAX_LINE_CHARS) {
    this.maxLineChars = maxLineChars;
  }
  maxLineChars;
  decoder = new StringDecoder("utf8");
  buffer = "";
  /** True while the current line has already been handed on in part. */
  continuing = false;
  /** True when the line being assembled was already handed on in part. */
  get inLongLine() {
    return this.continuing;
  }
  push(chunk) {
    this.buffer += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    return this.drain(false);
  }
  /** The last line when the input did not end with a newline. */
  end() {
    this.buffer += this.decoder.end();
    return this.drain(true);
  }
  drain(final) {
    const out = [];
    let start = 0;
    for (; ; ) {
      const nl = this.buffer.indexOf("\n", start);
      if (nl === -1) break;
      const end = nl > start && this.buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.push({ text: this.buffer.slice(start, end), partial: false });
      this.continuing = false;
      start = nl + 1;
    }
    this.buffer = this.buffer.slice(start);
    while (this.buffer.length > this.maxLineChars) {
      let cut = this.maxLineChars;
      const code = this.buffer.charCodeAt(cut - 1);
      if (code >= 55296 && code <= 56319) cut -= 1;
      out.push({ text: this.buffer.slice(0, cut), partial: true });
      this.buffer = this.buffer.slice(cut);
      this.continuing = true;
    }
    if (final && (this.buffer !== "" || this.continuing)) {
      out.push({ text: this.buffer.replace(/\r$/, ""), partial: false });
      this.buffer = "";
      this.continuing = false;
    }
    return out;
  }
};

// ../packages/stream/src/node-file.ts
import { createWriteStream, openSync } from "node:fs";
function nodeFileTarget(path) {
  const out = createWriteStream(path, { fd: openSync(path, "w", 384) });
  let failure = null;
  out.on("error", (error) => {
    failure = error;
  });
  return {
    write(text2) {
      if (failure) throw failure;
      out.write(text2);
    },
    close: () => new Promise((done, fail) => {
      if (failure) return fail(failure);
      out.end((error) => {
        const failed = error ?? failure;
        if (failed) fail(failed);
        else done();
      });
      out.once("error", fail);
    })
  };
}

// ../packages/stream/src/progress-sink.ts
var LINE_MAX = 300;
function renderLiveLog(stage, lines, total, at) {
  const shown = lines.map(
    (l) => `> ${escapeMarkdown(l.length > LINE_MAX ? `${l.slice(0, LINE_MAX)}\u2026` : l) || " "}<br>`
  );
  return [
    `**Live log \xB7 ${escapeMarkdown(stage)}** \u2014 last ${lines.length} of ${total} lines, ${at}`,
    "",
    ...shown.length > 0 ? shown : ["> (no output yet)"]
  ].join("\n");
}
function createProgressSink(options) {
  const clock = options.clock;
  const interval = options.intervalMs ?? 3e4;
  const keep = options.lastLines ?? 15;
  const maxFailures = options.maxConsecutiveFailures ?? 3;
  const recent = [];
  const timer = new AbortController();
  let total = 0;
  let shownTotal = -1;
  let lastUpdate = Number.NEGATIVE_INFINITY;
  let inFlight = null;
  let scheduled = false;
  let updates = 0;
  let failuresInRow = 0;
  let off = false;
  let closed = false;
  async function update() {
    if (off || total === shownTotal) return;
    const snapshot = total;
    lastUpdate = clock.now();
    try {
      await updateProgressComment(options.comments, {
        mode: "update",
        scope: options.scope ?? null,
        body: renderLiveLog(options.stage, recent, snapshot, new Date(clock.now()).toISOString()),
        ...options.threadLabel ? { threadLabel: options.threadLabel } : {},
        ...options.runUrl ? { update: { runUrl: options.runUrl } } : {},
        ...options.secrets ? { secrets: options.secrets } : {},
        now: new Date(clock.now())
      });
      shownTotal = snapshot;
      updates += 1;
      failuresInRow = 0;
    } catch (error) {
      failuresInRow += 1;
      options.warn(
        `progress: the progress comment was not updated: ${error instanceof Error ? error.message : String(error)}`
      );
      if (failuresInRow >= maxFailures) {
        off = true;
        options.warn(
          `progress: ${failuresInRow} updates in a row failed; live updates of the progress comment are off`
        );
      }
    }
  }
  function run2() {
    if (inFlight || off) return;
    inFlight = update().finally(() => {
      inFlight = null;
    });
  }
  function schedule() {
    if (scheduled || off || closed) return;
    const wait = lastUpdate + interval - clock.now();
    if (wait <= 0 && !inFlight) {
      run2();
      return;
    }
    scheduled = true;
    void clock.sleep(Math.max(wait, 0), timer.signal).then(async () => {
      scheduled = false;
      if (closed) return;
      if (inFlight) await inFlight;
      run2();
    });
  }
  return {
    name: "progress",
    write(line) {
      total += 1;
      recent.push(line);
      if (recent.length > keep) recent.shift();
      schedule();
    },
    async close() {
      closed = true;
      timer.abort();
      if (inFlight) await inFlight;
      await update();
      return {
        name: "progress",
        ok: !off && failuresInRow === 0,
        summary: off ? `off after failures (${updates} updates made)` : `updated the progress comment ${updates} times (at most every ${Math.round(interval / 1e3)} s)`,
        lines: total,
        undelivered: 0
      };
    }
  };
}

// ../packages/stream/src/redact-stream.ts
function expandSecrets(secrets2) {
  const out = /* @__PURE__ */ new Set();
  for (const s of secrets2) {
    if (typeof s !== "string" || s.trim().length < MIN_EXACT_SECRET_LENGTH) continue;
    out.add(s);
    if (/[\r\n]/.test(s)) {
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= MIN_EXACT_SECRET_LENGTH) out.add(line.trim());
    }
  }
  return [...out];
}
function lineRedactor(secrets2) {
  return createRedactor(expandSecrets(secrets2));
}

// ../packages/stream/src/run-meta.ts
import { createHash } from "node:crypto";
var STAGES = ["planning", "implementation", "review", "validation"];
var REPO_RE = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;
var RUN_ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;
function checkRunMeta(meta) {
  if (!STAGES.includes(meta.stage)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      `unknown stage ${JSON.stringify(meta.stage)}`,
      `Use one of ${STAGES.join(", ")}.`
    );
  }
  if (!REPO_RE.test(meta.repository)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "the repository is not owner/repo",
      "Pass --repo owner/repo."
    );
  }
  if (!Number.isInteger(meta.thread.number) || meta.thread.number < 1) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "the thread number is not positive",
      "Pass --issue N or --pr N."
    );
  }
  if (!RUN_ID_RE.test(meta.runId)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      `run id ${JSON.stringify(meta.runId.slice(0, 80))} is not allowed`,
      "Use 1-64 of A-Z a-z 0-9 . _ - (the Actions run id, or the Argo workflow name)."
    );
  }
  return meta;
}
var CHANNEL_NAME_MAX = 100;
var slug = (text2) => text2.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
function channelName(meta) {
  const [owner = "", repo = ""] = meta.repository.split("/");
  const tail = `${meta.thread.kind}-${meta.thread.number}-run-${slug(meta.runId) || "0"}`;
  const full = [meta.stage, slug(owner), slug(repo), tail].filter(Boolean).join("-");
  if (full.length <= CHANNEL_NAME_MAX) return full;
  const digest = createHash("sha256").update(`${meta.stage}
${meta.repository}
${meta.thread.kind}
${meta.thread.number}
${meta.runId}`).digest("hex").slice(0, 8);
  const fixed = `${meta.stage}--${digest}-${tail}`;
  const room = CHANNEL_NAME_MAX - fixed.length;
  const repoPart = slug(`${owner}-${repo}`).slice(0, Math.max(0, room)).replace(/-+$/, "");
  const name = `${meta.stage}-${repoPart}-${digest}-${tail}`.replace(/-{2,}/g, "-");
  return name.slice(0, CHANNEL_NAME_MAX).replace(/-+$/, "");
}
function threadUrl(meta) {
  const server = (meta.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  return `${server}/${meta.repository}/${meta.thread.kind === "pr" ? "pull" : "issues"}/${meta.thread.number}`;
}
function threadLabel(meta) {
  return `${meta.repository} ${meta.thread.kind === "pr" ? "PR" : "issue"} #${meta.thread.number}`;
}
function channelTopic(meta) {
  return `codexrel ${meta.stage} \xB7 ${threadLabel(meta)} \xB7 run ${meta.runId}`.slice(0, 1024);
}
function bannerText(meta, logName) {
  const lines = [
    `**codexrel \xB7 ${meta.stage}** \u2014 ${threadLabel(meta)}`,
    `Thread: <${threadUrl(meta)}>`,
    `Run: ${meta.runId}${meta.runUrl ? ` \xB7 <${meta.runUrl}>` : ""}`,
    `Started: ${meta.startedAt}`,
    `The stage's log follows, secrets redacted. The full transcript is the run's \`${logName}\` artifact.`
  ];
  return lines.join("\n");
}
function logFileName(stage) {
  return `.codex-${stage}.log`;
}

// ../packages/stream/src/run-stream.ts
async function* untilAborted(source, signal) {
  if (!signal) {
    yield* source;
    return;
  }
  const it = source[Symbol.asyncIterator]();
  const aborted = new Promise((resolve2) => {
    if (signal.aborted) resolve2(null);
    else signal.addEventListener("abort", () => resolve2(null), { once: true });
  });
  try {
    while (true) {
      const next = await Promise.race([it.next(), aborted]);
      if (next === null || next.done) return;
      yield next.value;
    }
  } finally {
    void it.return?.()?.catch(() => {
    });
  }
}
async function runStream(options) {
  const secrets2 = expandSecrets(options.secrets);
  const redactLine = lineRedactor(secrets2);
  const warn = (message2) => options.warnings.warn(redactLine(message2));
  const sinks = options.sinks.map((s) => guardSink(s, warn));
  const live = sinks.filter((s) => !s.fullOutput);
  const full = sinks.filter((s) => s.fullOutput);
  const splitter = new LineSplitter(options.maxLineChars);
  const maxOutputLines = options.maxOutputLines ?? 20;
  let pieces = null;
  let lines = 0;
  let bytes = 0;
  let events = 0;
  const send = (targets, text2) => {
    for (const s of targets) s.write(text2);
  };
  const handleLine = (text2) => {
    lines += 1;
    const shown = formatCodexLine(text2, { maxOutputLines });
    if (shown.event) events += 1;
    const redacted = shown.lines.map(redactLine);
    for (const l of redacted) send(live, l);
    if (full.length === 0) return;
    const all = shown.truncated ? formatCodexLine(text2, { maxOutputLines: Number.POSITIVE_INFINITY }).lines.map(redactLine) : redacted;
    for (const l of all) send(full, l);
  };
  const handlePiece = (text2, partial) => {
    pieces ??= createStreamRedactor({ secrets: secrets2 });
    const out = partial ? pieces.write(text2) : pieces.write(text2) + pieces.end();
    if (!partial) {
      pieces = null;
      lines += 1;
    }
    if (out !== "") {
      const marked = partial ? `${out} \u21A9` : out;
      send(sinks, marked);
    }
  };
  const handle = (batch, wasLong) => {
    let long = wasLong;
    for (const piece of batch) {
      if (piece.partial || long) {
        handlePiece(piece.text, piece.partial);
        long = piece.partial;
      } else {
        handleLine(piece.text);
      }
    }
  };
  for await (const chunk of untilAborted(options.input, options.signal)) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (options.passthrough) await options.passthrough(chunk);
    const wasLong = splitter.inLongLine;
    handle(splitter.push(chunk), wasLong);
  }
  if (options.signal?.aborted) {
    warn(
      `the stream was stopped (${String(options.signal.reason ?? "aborted")}) after ${lines} lines: later output was not read`
    );
  }
  const endedLong = splitter.inLongLine;
  handle(splitter.end(), endedLong);
  const reports = [];
  const summary = sinks.filter((s) => s.name === "summary");
  for (const s of sinks.filter((x) => x.name !== "summary")) reports.push(await s.close(options.warnings.list));
  for (const s of summary) reports.push(await s.close([...options.warnings.list]));
  return { lines, bytes, events, sinks: reports, warnings: [...options.warnings.list] };
}

// ../packages/stream/src/summary-sink.ts
var LINE_MAX2 = 4e3;
var FRAME_RESERVE = 24 * 1024;
function createSummarySink(options) {
  const maxBytes = options.maxBytes ?? SUMMARY_LIMIT - 48 * 1024;
  const half = Math.max(1024, Math.floor((maxBytes - FRAME_RESERVE) / 2));
  const head = [];
  let headBytes = 0;
  const tail = [];
  let tailStart = 0;
  let tailBytes = 0;
  let total = 0;
  let omitted = 0;
  let omittedBytes = 0;
  return {
    name: "summary",
    write(raw) {
      total += 1;
      const line = raw.length > LINE_MAX2 ? `${raw.slice(0, LINE_MAX2)} \u2026 (${raw.length - LINE_MAX2} more characters)` : raw;
      const bytes = measureBytes(line) + 1;
      if (tail.length === tailStart && headBytes + bytes <= half) {
        head.push(line);
        headBytes += bytes;
        return;
      }
      tail.push(line);
      tailBytes += bytes;
      while (tailBytes > half && tailStart < tail.length) {
        const dropped = tail[tailStart];
        tailBytes -= measureBytes(dropped) + 1;
        omitted += 1;
        omittedBytes += measureBytes(dropped) + 1;
        tailStart += 1;
      }
      if (tailStart > 4096 && tailStart * 2 > tail.length) {
        tail.splice(0, tailStart);
        tailStart = 0;
      }
    },
    async close(warnings) {
      const kept = [...head];
      if (omitted > 0)
        kept.push(
          `\u2026 ${omitted} lines (${omittedBytes} bytes) left out here to fit the summary; see ${options.logName}`
        );
      kept.push(...tail.slice(tailStart));
      const parts = [`### codexrel stream \xB7 ${escapeMarkdown(options.stage)}
`];
      for (const note of options.notes?.() ?? []) parts.push(`> ${escapeMarkdown(note)}
`);
      const shownWarnings = warnings.slice(0, 20);
      for (const w of shownWarnings) parts.push(`> [!WARNING]
> ${escapeMarkdown(w.slice(0, 500))}
`);
      if (warnings.length > shownWarnings.length)
        parts.push(`> \u2026 and ${warnings.length - shownWarnings.length} more warnings on stderr
`);
      parts.push(
        `
<details><summary>${escapeMarkdown(options.stage)} transcript: ${total} lines${omitted > 0 ? ` (${omitted} left out)` : ""}, secrets redacted</summary>

${codeBlock(kept.join("\n"), "text")}

</details>

`
      );
      let markdown = parts.join("");
      if (measureBytes(markdown) > maxBytes) {
        markdown = `${parts.slice(0, -1).join("")}
_The transcript did not fit the summary; see ${options.logName}._
`;
      }
      await options.append(markdown);
      return {
        name: "summary",
        ok: true,
        summary: `wrote ${total - omitted} of ${total} lines to the job summary (${measureBytes(markdown)} bytes)${omitted > 0 ? `; ${omitted} in the middle left out, they are in ${options.logName}` : ""}`,
        lines: total,
        undelivered: 0
      };
    }
  };
}

// ../packages/stream/src/stage-stream.ts
var SNOWFLAKE = /^\d{1,20}$/;
function discordSettings(env2, apiUrl) {
  const category = env2.DISCORD_CATEGORY_ID?.trim() || null;
  const missing = ["DISCORD_BOT_TOKEN", "DISCORD_GUILD_ID"].filter((k) => !env2[k]?.trim());
  if (missing.length > 0) {
    return { off: `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`, categoryId: category };
  }
  const guildId = env2.DISCORD_GUILD_ID.trim();
  if (!SNOWFLAKE.test(guildId)) return { off: "DISCORD_GUILD_ID is not a Discord id (digits)", categoryId: category };
  if (category && !SNOWFLAKE.test(category)) return { off: "DISCORD_CATEGORY_ID is not a Discord id (digits)" };
  return {
    token: env2.DISCORD_BOT_TOKEN.trim(),
    guildId,
    categoryId: category,
    apiUrl: apiUrl ?? env2.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL
  };
}
var isOff = (v) => typeof v === "object" && v !== null && "off" in v;
async function streamStage(o) {
  const { meta, clock } = o;
  const secrets2 = [...o.secrets];
  const redactText = lineRedactor(secrets2);
  const say = (text2) => o.say(redactText(text2));
  const logName = logFileName(meta.stage);
  const wanted = [...new Set(o.sinks)];
  const notes = [];
  const note = (text2) => {
    notes.push(text2);
    say(`codexrel stream: ${text2}
`);
  };
  const warnings = createWarningLog((text2) => say(`codexrel stream: warning: ${text2}
`), redactText);
  const warn = warnings.warn;
  const name = channelName(meta);
  const banner = redactText(bannerText(meta, logName));
  const sinks = [];
  const interval = o.progressIntervalMs / 1e3;
  if (o.dryRun) {
    say("codexrel stream (dry run): nothing is sent or written; stdin still goes to stdout\n");
    for (const sink of wanted) {
      if (sink === "discord") {
        sinks.push(
          createDryRunDiscordSink({
            print: say,
            channelName: name,
            banner,
            offReason: isOff(o.discord) ? o.discord.off : null,
            categoryId: o.discord.categoryId ?? null
          })
        );
      } else if (sink === "summary") {
        const where = isOff(o.summary) ? `the job summary (${o.summary.off})` : "the job summary";
        sinks.push(createDryRunSink("summary", say, where));
      } else if (sink === "progress") {
        const where = `the progress comment on ${threadLabel(meta)} (every ${interval} s at most)`;
        sinks.push(createDryRunSink("progress", say, where));
      } else {
        sinks.push(createDryRunSink("file", say, o.logPath));
      }
    }
  } else {
    for (const sink of wanted) {
      if (sink === "discord") {
        if (isOff(o.discord)) {
          note(`discord streaming is off: ${o.discord.off}`);
          continue;
        }
        const rest = createDiscordRest({
          fetch: o.fetch,
          token: o.discord.token,
          clock,
          baseUrl: o.discord.apiUrl,
          userAgent: o.userAgent
        });
        sinks.push(
          createDiscordSink({
            rest,
            guildId: o.discord.guildId,
            categoryId: o.discord.categoryId,
            channelName: name,
            topic: redactText(channelTopic(meta)),
            banner,
            logName,
            clock,
            warn
          })
        );
      } else if (sink === "summary") {
        if (isOff(o.summary)) {
          note(`summary is off: ${o.summary.off}`);
          continue;
        }
        sinks.push(createSummarySink({ stage: meta.stage, logName, append: o.summary, notes: () => notes }));
      } else if (sink === "progress") {
        const progress = await o.progress();
        if (isOff(progress)) {
          note(`progress comment updates are off: ${progress.off}`);
          continue;
        }
        sinks.push(
          createProgressSink({
            comments: progress.comments,
            clock,
            warn,
            stage: meta.stage,
            intervalMs: o.progressIntervalMs,
            scope: o.progressScope ?? null,
            threadLabel: `${meta.thread.kind === "pr" ? "PR" : "issue"} #${meta.thread.number}`,
            runUrl: meta.runUrl ?? null,
            secrets: [...secrets2, ...progress.secrets]
          })
        );
      } else {
        try {
          sinks.push(createFileSink({ file: nodeFileTarget(o.logPath), path: o.logPath }));
        } catch (error) {
          warn(
            `file: cannot write ${o.logPath}: ${error.message}; the file sink is off for the rest of the run`
          );
        }
      }
    }
  }
  const result = await runStream({
    input: o.input,
    passthrough: o.passthrough,
    sinks,
    secrets: secrets2,
    warnings,
    ...o.signal ? { signal: o.signal } : {}
  });
  for (const r of result.sinks) say(`codexrel stream: ${r.name}: ${r.summary}
`);
  say(`codexrel stream: ${result.lines} lines (${result.events} Codex events) passed through
`);
  return result;
}

// src/stream.ts
var env = process.env;
var token = text("github-token");
var secrets = actionSecrets();
function sinksInput() {
  const names = list("sinks", { split: "words" });
  for (const n of names) {
    if (!SINK_NAMES.includes(n)) {
      throw streamError(
        StreamErrorCodes.STREAM_INPUT_INVALID,
        `unknown sink ${JSON.stringify(n)}`,
        `Use ${SINK_NAMES.join(", ")}.`
      );
    }
  }
  return names.length ? names : ["discord", "summary", "file"];
}
async function threadOf() {
  const file = text("task-file");
  const task = file ? JSON.parse(await readFile(resolve(file), "utf8")) : null;
  if (!task?.thread) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "no thread: INPUT_TASK_FILE names none",
      "Pass route-event's task-file as INPUT_TASK_FILE."
    );
  }
  return task.thread;
}
async function run() {
  const thread = await threadOf();
  const meta = checkRunMeta({
    stage: text("stage"),
    repository: thread.repository,
    thread: { kind: thread.kind, number: thread.number },
    runId: env.GITHUB_RUN_ID ?? "local",
    runUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    startedAt: new Date(systemClock.now()).toISOString()
  });
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const stop = new AbortController();
  for (const name of ["SIGINT", "SIGTERM"]) process.once(name, () => stop.abort(name));
  const interval = Number(text("progress-interval") || "30");
  await streamStage({
    meta,
    sinks: sinksInput(),
    dryRun: flag("dry-run", false),
    input: process.stdin,
    passthrough: async (chunk) => {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    },
    say: (text2) => process.stderr.write(text2),
    secrets,
    clock: systemClock,
    discord: discordSettings(env),
    userAgent: "DiscordBot (https://github.com/codexrel/codexrel, actions)",
    fetch: (url, init) => fetch(url, init),
    summary: summaryFile ? (markdown) => appendFile(summaryFile, markdown, "utf8") : { off: "GITHUB_STEP_SUMMARY is not set (not in GitHub Actions)" },
    progress: async () => {
      if (!token) return { off: "no INPUT_GITHUB_TOKEN" };
      const github = githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL });
      return { comments: github.comments(thread), secrets: [token] };
    },
    progressIntervalMs: (Number.isFinite(interval) && interval >= 1 ? interval : 30) * 1e3,
    progressScope: null,
    logPath: resolve(text("log-file") || join(env.RUNNER_TEMP || process.cwd(), logFileName(meta.stage))),
    signal: stop.signal
  });
  process.stdin.destroy();
}
try {
  await run();
} catch (error) {
  process.stderr.write(`codexrel stream: ${redact(formatError(toCodexrelError(error)), { secrets })}
`);
  for await (const chunk of process.stdin) process.stdout.write(chunk);
  process.exitCode = 2;
}
