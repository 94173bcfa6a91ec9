/**
 * The agent side of preflight: does the OpenAI key work (`GET {base}/models`, which costs no
 * tokens), and can the agent write its CODEX_HOME. The key never leaves this module except in the
 * Authorization header; every message is redacted with it.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createRedactor, type PreflightCheck } from "@codexrel/core";
import { check } from "./check.js";
import type { FsPort } from "./types.js";

export const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";

export interface OpenAIKeyOptions {
  apiKey: string | null | undefined;
  baseUrl?: string | undefined;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

const KEY_HINT =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression is the advice itself.
  "Set OPENAI_API_KEY (in a workflow, from a repository secret: `env: OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}`).";

export async function checkOpenAIKey(options: OpenAIKeyOptions): Promise<PreflightCheck> {
  const key = options.apiKey?.trim();
  const base = (options.baseUrl?.trim() || DEFAULT_OPENAI_BASE_URL).replace(/\/+$/, "");
  const redact = createRedactor([key]);
  if (!key) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_KEY_MISSING",
      "no OpenAI API key (OPENAI_API_KEY is unset or empty)",
      KEY_HINT,
      {
        baseUrl: base,
      },
    );
  }
  const url = `${base}/models`;
  const doFetch = options.fetch ?? globalThis.fetch;
  let res: Response;
  let text: string;
  try {
    res = await doFetch(url, {
      method: "GET",
      headers: { authorization: `Bearer ${key}`, accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
    return check(
      "openai-key",
      "warn",
      "OPENAI_NETWORK",
      redact(`could not reach ${url}: ${why}; the key was not checked`),
      "Check the network (proxies, firewalls) and --openai-base-url, then re-run.",
      { baseUrl: base },
    );
  }
  const error = parseOpenAIError(text);
  const said = redact(error.message ? `: ${error.message}` : "");
  const details = { baseUrl: base, status: res.status, ...(error.code ? { errorCode: error.code } : {}) };
  if (res.ok) {
    const count = countModels(text);
    return check(
      "openai-key",
      "pass",
      "OPENAI_KEY_OK",
      `the key lists ${count === null ? "the" : count} models at ${base}`,
      undefined,
      { ...details, ...(count === null ? {} : { models: count }) },
    );
  }
  if (res.status === 401) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_KEY_INVALID",
      `OpenAI rejected the key (401${said})`,
      "Create a new key at https://platform.openai.com/api-keys and update the OPENAI_API_KEY secret.",
      details,
    );
  }
  if (res.status === 429 && (error.code === "insufficient_quota" || error.type === "insufficient_quota")) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_QUOTA_EXHAUSTED",
      `the key's quota is exhausted (429 insufficient_quota${said})`,
      "Add credits or raise the project's budget at https://platform.openai.com/settings/organization/billing.",
      details,
    );
  }
  if (res.status === 429) {
    return check(
      "openai-key",
      "warn",
      "OPENAI_RATE_LIMITED",
      `the key is rate limited right now (429${said}); it is valid`,
      "Wait and re-run, or raise the rate limits of the key's project.",
      details,
    );
  }
  if (res.status === 403) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_KEY_FORBIDDEN",
      `the key may not list models (403${said})`,
      "Give the key's project access to models (project permissions), or use a key from a supported region.",
      details,
    );
  }
  if (res.status === 404) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_ENDPOINT_NOT_FOUND",
      `${url} does not exist (404)`,
      "Check --openai-base-url: it should be the API root ending in /v1.",
      details,
    );
  }
  if (res.status >= 500) {
    return check(
      "openai-key",
      "warn",
      "OPENAI_UNAVAILABLE",
      `OpenAI answered ${res.status}${said}; the key was not checked`,
      "Re-run in a few minutes (see https://status.openai.com).",
      details,
    );
  }
  return check(
    "openai-key",
    "fail",
    "OPENAI_UNEXPECTED",
    `unexpected answer ${res.status}${said}`,
    "Re-run; report it if it persists.",
    details,
  );
}

function parseOpenAIError(text: string): { message?: string; code?: string; type?: string } {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; code?: unknown; type?: unknown } };
    const e = body.error;
    if (!e) return {};
    return {
      ...(typeof e.message === "string" ? { message: e.message.slice(0, 200) } : {}),
      ...(typeof e.code === "string" ? { code: e.code } : {}),
      ...(typeof e.type === "string" ? { type: e.type } : {}),
    };
  } catch {
    return {};
  }
}

function countModels(text: string): number | null {
  try {
    const body = JSON.parse(text) as { data?: unknown };
    return Array.isArray(body.data) ? body.data.length : null;
  } catch {
    return null;
  }
}

const nodeFs: FsPort = {
  mkdir: (p, o) => mkdir(p, o),
  writeFile: (p, d) => writeFile(p, d),
  rm: (p, o) => rm(p, o),
};

export async function checkCodexHome(path: string | null | undefined, fs: FsPort = nodeFs): Promise<PreflightCheck> {
  if (!path) {
    return check("codex-home", "skip", "CODEX_HOME_UNSET", "no CODEX_HOME directory was given");
  }
  const probe = join(path, `.codexrel-preflight-${randomUUID()}`);
  try {
    await fs.mkdir(path, { recursive: true });
    await fs.writeFile(probe, "codexrel preflight\n");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return check(
      "codex-home",
      "fail",
      "CODEX_HOME_NOT_WRITABLE",
      `cannot write to ${path} (${code})`,
      "Point CODEX_HOME at a writable directory (e.g. $RUNNER_TEMP/codex-home) or fix its permissions.",
      { path, errno: code },
    );
  }
  try {
    await fs.rm(probe, { force: true });
  } catch {
    // A leftover probe file is harmless; the directory is writable either way.
  }
  return check("codex-home", "pass", "CODEX_HOME_WRITABLE", `${path} is writable`, undefined, { path });
}
