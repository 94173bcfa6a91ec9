/** How the fake GitHub answers: GitHub's response headers (request id, rate limit, OAuth scopes) and JSON. */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Auth } from "./access.js";
import type { LoggedRequest } from "./request-log.js";
import type { RestResult } from "./rest.js";

export function drop(res: ServerResponse, entry: LoggedRequest): void {
  entry.status = "dropped";
  res.socket?.destroy();
}

export function reply(res: ServerResponse, entry: LoggedRequest, result: RestResult, auth?: Auth): void {
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

export function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(payload);
}
