/**
 * openai-key against a minimal local `/v1/models` stub (the full fake OpenAI lives in the
 * testkit's fake-openai; this file needs only the one endpoint), and codex-home on real and
 * failing file systems.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCodexHome, checkOpenAIKey, type FsPort, renderPreflightText, runPreflight } from "@codexrel/preflight";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CANARY } from "./helpers.js";

type Mode = "ok" | "invalid" | "quota" | "rate" | "forbidden" | "5xx" | "slow" | "drop";

let server: Server;
let base = "";
let mode: Mode = "ok";
const seen: Array<{ path: string; authorization: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", authorization: req.headers.authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET" || req.url !== "/v1/models") return send(404, { error: { message: "Not found" } });
    switch (mode) {
      case "ok":
        return send(200, {
          object: "list",
          data: [
            { id: "gpt-5", object: "model" },
            { id: "gpt-5-mini", object: "model" },
          ],
        });
      case "invalid":
        // OpenAI's real 401 echoes a masked key; the stub echoes the whole key to test redaction.
        return send(401, {
          error: {
            message: `Incorrect API key provided: ${req.headers.authorization?.slice(7)}.`,
            type: "invalid_request_error",
            code: "invalid_api_key",
          },
        });
      case "quota":
        return send(429, {
          error: {
            message: "You exceeded your current quota, please check your plan and billing details.",
            type: "insufficient_quota",
            code: "insufficient_quota",
          },
        });
      case "rate":
        return send(429, {
          error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" },
        });
      case "forbidden":
        return send(403, {
          error: {
            message: "Country, region, or territory not supported",
            code: "unsupported_country_region_territory",
          },
        });
      case "5xx":
        return send(503, { error: { message: "The server is overloaded" } });
      case "slow":
        return; // never answers; the client's timeout decides
      case "drop":
        req.socket.destroy();
        return;
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("openai-key", () => {
  test.each<[Mode, string, string]>([
    ["ok", "pass", "OPENAI_KEY_OK"],
    ["invalid", "fail", "OPENAI_KEY_INVALID"],
    ["quota", "fail", "OPENAI_QUOTA_EXHAUSTED"],
    ["rate", "warn", "OPENAI_RATE_LIMITED"],
    ["forbidden", "fail", "OPENAI_KEY_FORBIDDEN"],
    ["5xx", "warn", "OPENAI_UNAVAILABLE"],
    ["slow", "warn", "OPENAI_NETWORK"],
    ["drop", "warn", "OPENAI_NETWORK"],
  ])("%s -> %s %s, with a hint and without the key", async (m, status, code) => {
    mode = m;
    const c = await checkOpenAIKey({ apiKey: CANARY.openai, baseUrl: base, timeoutMs: m === "slow" ? 200 : 10_000 });
    expect(`${c.status} ${c.code}`).toBe(`${status} ${code}`);
    if (status !== "pass") expect(c.hint).toBeTruthy();
    expect(JSON.stringify(c)).not.toContain(CANARY.openai);
    expect(seen.at(-1)).toEqual({ path: "/v1/models", authorization: `Bearer ${CANARY.openai}` });
  });

  test("ok reports the model count", async () => {
    mode = "ok";
    const c = await checkOpenAIKey({ apiKey: CANARY.openai, baseUrl: `${base}/` });
    expect(c).toMatchObject({ reason: `the key lists 2 models at ${base}`, details: { models: 2, status: 200 } });
  });

  test("missing or blank key fails without a request", async () => {
    const before = seen.length;
    for (const apiKey of [undefined, null, "", "   "]) {
      const c = await checkOpenAIKey({ apiKey, baseUrl: base });
      expect(c).toMatchObject({ status: "fail", code: "OPENAI_KEY_MISSING" });
      expect(c.hint).toMatch(/OPENAI_API_KEY/);
    }
    expect(seen.length).toBe(before);
  });

  test("a wrong base URL is named", async () => {
    const c = await checkOpenAIKey({ apiKey: CANARY.openai, baseUrl: base.replace(/\/v1$/, "") });
    expect(c).toMatchObject({ status: "fail", code: "OPENAI_ENDPOINT_NOT_FOUND" });
    expect(c.hint).toMatch(/--openai-base-url/);
  });

  test("nothing listening is a network warning", async () => {
    const c = await checkOpenAIKey({ apiKey: CANARY.openai, baseUrl: "http://127.0.0.1:9/v1" });
    expect(c).toMatchObject({ status: "warn", code: "OPENAI_NETWORK" });
  });
});

describe("codex-home", () => {
  test("a writable directory passes and is left clean; a missing one is created", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codexrel-pf-"));
    try {
      const nested = join(dir, "a", "codex-home");
      expect(await checkCodexHome(nested)).toMatchObject({ status: "pass", code: "CODEX_HOME_WRITABLE" });
      const { readdir } = await import("node:fs/promises");
      expect(await readdir(nested)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a path through a file fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codexrel-pf-"));
    try {
      await writeFile(join(dir, "file"), "x");
      const c = await checkCodexHome(join(dir, "file", "codex-home"));
      expect(c).toMatchObject({ status: "fail", code: "CODEX_HOME_NOT_WRITABLE" });
      expect(c.hint).toMatch(/CODEX_HOME/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("permission denied fails (through the fs port)", async () => {
    const denied: FsPort = {
      mkdir: async () => undefined,
      writeFile: async () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
      rm: async () => {},
    };
    expect(await checkCodexHome("/somewhere", denied)).toMatchObject({
      status: "fail",
      code: "CODEX_HOME_NOT_WRITABLE",
      reason: "cannot write to /somewhere (EACCES)",
    });
  });

  test("no path: skip", async () => {
    expect(await checkCodexHome(null)).toMatchObject({ status: "skip", code: "CODEX_HOME_UNSET" });
  });
});

describe("agent-runnable", () => {
  test("key ok and CODEX_HOME writable: yes; quota exhausted: no; rate limited: unknown", async () => {
    const dir = await mkdtemp(join(tmpdir(), "codexrel-pf-"));
    try {
      const opts = (m: Mode) => {
        mode = m;
        return runPreflight({
          checks: ["openai-key", "codex-home"],
          openai: { apiKey: CANARY.openai, baseUrl: base },
          codexHome: { path: dir },
        });
      };
      expect((await opts("ok")).agentRunnable).toBe("yes");
      const quota = await opts("quota");
      expect(quota.agentRunnable).toBe("no");
      expect(quota.reasons).toEqual([expect.objectContaining({ id: "openai-key", code: "OPENAI_QUOTA_EXHAUSTED" })]);
      expect((await opts("rate")).agentRunnable).toBe("unknown");
      const invalid = await opts("invalid");
      const text = JSON.stringify(invalid) + renderPreflightText(invalid);
      expect(text).not.toContain(CANARY.openai);
      expect(text).toContain("Incorrect API key provided: [REDACTED");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
