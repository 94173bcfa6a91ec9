/**
 * A fake Discord REST API on 127.0.0.1:0 whose requests are checked against Discord's published
 * OpenAPI description, as generated into `discord-api-spec` (its path list per method and its Zod
 * schemas for request bodies; built from github.com/discord/discord-api-spec's openapi.json). Its
 * own answers are checked against the same description's response schemas, so the client is tested
 * against Discord-shaped data. Faults (429 with retry_after, 5xx, rate-limit headers) are scripted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathsList } from "discord-api-spec";
import {
  CreateGuildChannelRequestSchema,
  ErrorResponseSchema,
  GuildChannelResponseSchema,
  MessageCreateRequestSchema,
  MessageResponseSchema,
  RatelimitedResponseSchema,
} from "discord-api-spec/zod";

export interface RecordedDiscordRequest {
  seq: number;
  method: string;
  /** Path below the API base (`/guilds/1/channels`). */
  path: string;
  /** The spec's path template it matched, e.g. `/channels/{channel_id}/messages`. */
  template: string | null;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
  status: number;
}

export type DiscordFault =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: 500 | 502 | 503 }
  /** Discord's answer when the bot lacks a permission. */
  | { status: 403 }
  /** Answers normally but says the bucket is empty for `resetAfter` seconds. */
  | { status: 200; remaining: 0; resetAfter: number };

export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api/v10` */
  readonly baseUrl: string;
  readonly token: string;
  readonly guildId: string;
  readonly requests: RecordedDiscordRequest[];
  /** Requests (or fake answers) that broke the OpenAPI description: must stay empty. */
  readonly violations: string[];
  /** Channels created, in order. */
  readonly channels: Array<{ id: string; name: string; parent_id: string | null; topic: string | null }>;
  /** Message contents posted to a channel, in order of arrival. */
  messages(channelId: string): string[];
  /** Faults for the next requests to a route kind, consumed in order. */
  script(route: "create-channel" | "message", faults: DiscordFault[]): void;
  close(): Promise<void>;
}

const API_PREFIX = "/api/v10";
let snowflake = 1_100_000_000_000_000_000n;
const nextId = () => String(++snowflake);

function templateFor(method: string, path: string): string | null {
  const list = (pathsList as Record<string, readonly string[]>)[method.toLowerCase()] ?? [];
  for (const template of list) {
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);
    if (re.test(path)) return template;
  }
  return null;
}

const issues = (result: { success: boolean; error?: { issues?: unknown[] } }) =>
  JSON.stringify(result.error?.issues ?? []).slice(0, 600);

/** Keys a Zod object schema declares (the generated schemas are not strict, so extra keys are checked here). */
function declaredKeys(schema: unknown): Set<string> {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def?.shape ?? {};
  return new Set(Object.keys(shape));
}

export async function startFakeDiscord(options: { token?: string; guildId?: string } = {}): Promise<FakeDiscord> {
  const token = options.token ?? "fake-discord-bot-token.AbCdEf.0123456789";
  const guildId = options.guildId ?? "1000000000000000001";
  const requests: RecordedDiscordRequest[] = [];
  const violations: string[] = [];
  const channels: FakeDiscord["channels"] = [];
  const posted = new Map<string, string[]>();
  const faults: Record<"create-channel" | "message", DiscordFault[]> = { "create-channel": [], message: [] };

  const check = (
    what: string,
    schema: { safeParse(v: unknown): { success: boolean; error?: { issues?: unknown[] } } },
    value: unknown,
  ) => {
    const r = schema.safeParse(value);
    if (!r.success) violations.push(`${what}: ${issues(r)}`);
    return r.success;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });

  function send(
    res: ServerResponse,
    rec: RecordedDiscordRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    rec.status = status;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === null ? "" : JSON.stringify(body));
  }

  function error(res: ServerResponse, rec: RecordedDiscordRequest, status: number, code: number, message: string) {
    const body = { code, message };
    check(`answer ${status}`, ErrorResponseSchema, body);
    send(res, rec, status, body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    let json: unknown;
    try {
      json = raw === "" ? undefined : JSON.parse(raw);
    } catch {
      json = undefined;
      violations.push(`${method} ${path}: body is not JSON`);
    }
    const template = url.pathname.startsWith(API_PREFIX) ? templateFor(method, path) : null;
    const rec: RecordedDiscordRequest = {
      seq: requests.length + 1,
      method,
      path,
      template,
      headers: req.headers,
      json,
      status: 0,
    };
    requests.push(rec);
    if (!template) {
      violations.push(`${method} ${url.pathname}: no such operation in Discord's OpenAPI description`);
      return error(res, rec, 404, 0, "404: Not Found");
    }
    const ua = String(req.headers["user-agent"] ?? "");
    if (!/^DiscordBot \(\S+, \S+\)/.test(ua))
      violations.push(`${method} ${path}: User-Agent ${JSON.stringify(ua)} is not "DiscordBot (url, version)"`);
    if (req.headers.authorization !== `Bot ${token}`) return error(res, rec, 401, 0, "401: Unauthorized");
    if (method !== "GET" && !String(req.headers["content-type"] ?? "").startsWith("application/json")) {
      violations.push(`${method} ${path}: content-type is not application/json`);
    }

    if (method === "GET" && template === "/guilds/{guild_id}/channels") {
      if (!path.startsWith(`/guilds/${guildId}/`)) return error(res, rec, 404, 10004, "Unknown Guild");
      const list = channels.map((c) => channelResponse(c));
      for (const c of list) check("answer channel", GuildChannelResponseSchema, c);
      return send(res, rec, 200, list);
    }
    if (method === "POST" && template === "/guilds/{guild_id}/channels") {
      const fault = faults["create-channel"].shift();
      if (fault && applyFault(res, rec, fault)) return;
      if (!check("create channel body", CreateGuildChannelRequestSchema, json))
        return error(res, rec, 400, 50035, "Invalid Form Body");
      extraKeys("create channel body", CreateGuildChannelRequestSchema, json);
      if (!path.startsWith(`/guilds/${guildId}/`)) return error(res, rec, 404, 10004, "Unknown Guild");
      const body = json as { name: string; parent_id?: string | null; topic?: string | null };
      const channel = { id: nextId(), name: body.name, parent_id: body.parent_id ?? null, topic: body.topic ?? null };
      channels.push(channel);
      posted.set(channel.id, []);
      const answer = channelResponse(channel);
      check("answer channel", GuildChannelResponseSchema, answer);
      return send(
        res,
        rec,
        201,
        answer,
        fault?.status === 200 ? bucketHeaders(fault) : { "x-ratelimit-remaining": "9" },
      );
    }
    if (method === "POST" && template === "/channels/{channel_id}/messages") {
      const channelId = path.split("/")[2] as string;
      const list = posted.get(channelId);
      if (!list) return error(res, rec, 404, 10003, "Unknown Channel");
      const fault = faults.message.shift();
      if (fault && applyFault(res, rec, fault)) return;
      if (!check("message body", MessageCreateRequestSchema, json))
        return error(res, rec, 400, 50035, "Invalid Form Body");
      extraKeys("message body", MessageCreateRequestSchema, json);
      const content = (json as { content?: string }).content ?? "";
      // Discord's limit for bots is 2,000 characters (the schema allows 4,000 for Nitro users).
      if (content.length > 2000) {
        violations.push(`message of ${content.length} characters`);
        return error(res, rec, 400, 50035, "Invalid Form Body");
      }
      list.push(content);
      const answer = messageResponse(channelId, content);
      check("answer message", MessageResponseSchema, answer);
      return send(
        res,
        rec,
        200,
        answer,
        fault?.status === 200
          ? bucketHeaders(fault)
          : { "x-ratelimit-limit": "5", "x-ratelimit-remaining": "4", "x-ratelimit-reset-after": "1.000" },
      );
    }
    violations.push(`${method} ${template}: not modelled by the fake`);
    return error(res, rec, 405, 0, "405: Method Not Allowed");
  }

  function extraKeys(what: string, schema: unknown, value: unknown) {
    const keys = declaredKeys(schema);
    for (const k of Object.keys((value as Record<string, unknown>) ?? {})) {
      if (!keys.has(k)) violations.push(`${what}: field ${k} is not in the description`);
    }
  }

  function bucketHeaders(f: { resetAfter: number }): Record<string, string> {
    return {
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": f.resetAfter.toFixed(3),
      "x-ratelimit-bucket": "fakebucket",
    };
  }

  function applyFault(res: ServerResponse, rec: RecordedDiscordRequest, fault: DiscordFault): boolean {
    if (fault.status === 429) {
      const body = {
        code: 0,
        message: "You are being rate limited.",
        retry_after: fault.retryAfter,
        global: fault.global ?? false,
      };
      check("answer 429", RatelimitedResponseSchema, body);
      send(res, rec, 429, body, {
        "retry-after": String(Math.ceil(fault.retryAfter)),
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": fault.retryAfter.toFixed(3),
        "x-ratelimit-scope": fault.global ? "global" : "user",
        ...(fault.global ? { "x-ratelimit-global": "true" } : {}),
      });
      return true;
    }
    if (fault.status === 403) {
      error(res, rec, 403, 50013, "Missing Permissions");
      return true;
    }
    if (fault.status >= 500) {
      rec.status = fault.status;
      res.writeHead(fault.status, { "content-type": "text/html" });
      res.end("<html><body>upstream connect error</body></html>");
      return true;
    }
    return false;
  }

  function channelResponse(c: { id: string; name: string; parent_id: string | null; topic: string | null }) {
    return {
      id: c.id,
      type: 0,
      flags: 0,
      guild_id: guildId,
      name: c.name,
      parent_id: c.parent_id,
      topic: c.topic,
      position: channels.indexOf(c as (typeof channels)[number]),
      rate_limit_per_user: 0,
      nsfw: false,
      last_message_id: null,
      permission_overwrites: [],
    };
  }

  function messageResponse(channelId: string, content: string) {
    return {
      type: 0,
      content,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      components: [],
      id: nextId(),
      channel_id: channelId,
      author: {
        id: "1000000000000000099",
        username: "codexrel",
        avatar: null,
        discriminator: "0000",
        public_flags: 0,
        flags: 0,
        bot: true,
        global_name: null,
        primary_guild: null,
      },
      pinned: false,
      mention_everyone: false,
      tts: false,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    token,
    guildId,
    requests,
    violations,
    channels,
    messages: (id) => posted.get(id) ?? [],
    script: (route, list) => faults[route].push(...list),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
