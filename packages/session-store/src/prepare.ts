/**
 * A fresh CODEX_HOME per run, attempt and job, and an idempotent `config.toml`.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, open, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify, TomlError } from "smol-toml";
import { SessionErrorCodes, sessionError } from "./errors.js";

export interface CodexConfigInput {
  /** `model = ...` */
  model?: string;
  /** `model_provider = ...`: a built-in id (`openai`) or a custom one defined with `baseUrl`. */
  modelProvider?: string;
  /** Defines `[model_providers.<modelProvider>]` with this `base_url`. */
  baseUrl?: string;
  /** Provider display name (default: the id). */
  providerName?: string;
  /** Default `responses`. */
  wireApi?: "responses" | "chat";
  /** Environment variable holding the provider's key (`env_key`). */
  envKey?: string;
  /** Send the key from `auth.json` (`requires_openai_auth`). */
  requiresOpenaiAuth?: boolean;
}

export interface PrepareOptions {
  /** Parent directory: the runner's temp directory in Actions, the OS temp directory elsewhere. */
  root: string;
  runId?: string | number;
  attempt?: string | number;
  job?: string;
  /** Writes `config.toml` when given. */
  config?: CodexConfigInput;
}

export interface PrepareResult {
  codexHome: string;
  /** Path of `config.toml` when one was written. */
  configPath: string | null;
}

const BUILTIN_PROVIDERS = new Set(["openai", "oss", "ollama", "lmstudio"]);

/** Creates a new, empty, private (0700), writable CODEX_HOME; never reuses an existing directory. */
export async function prepareCodexHome(options: PrepareOptions): Promise<PrepareResult> {
  const label = ["codex-home", options.runId, options.attempt, options.job]
    .filter((p) => p !== undefined && p !== "")
    .map((p) => String(p).replace(/[^A-Za-z0-9_.-]/g, "_"))
    .join("-");
  let codexHome: string;
  try {
    await mkdir(options.root, { recursive: true });
    codexHome = await mkdtemp(join(options.root, `${label}-`));
    await chmod(codexHome, 0o700);
  } catch (cause) {
    throw notWritable(options.root, cause);
  }
  await checkWritable(codexHome);
  const configPath = options.config ? (await writeCodexConfig(codexHome, options.config)).path : null;
  return { codexHome, configPath };
}

export async function checkWritable(dir: string): Promise<void> {
  const probe = join(dir, `.codexrel-write-check-${randomBytes(4).toString("hex")}`);
  try {
    const fh = await open(probe, "wx", 0o600);
    await fh.writeFile("ok");
    await fh.close();
    await unlink(probe);
  } catch (cause) {
    throw notWritable(dir, cause);
  }
}

function notWritable(dir: string, cause: unknown) {
  return sessionError(
    SessionErrorCodes.SESSION_HOME_NOT_WRITABLE,
    `cannot create or write CODEX_HOME under ${dir}`,
    "Point the root at a writable directory (the runner's temp directory in Actions).",
    { cause },
  );
}

/**
 * Merges the input into `config.toml` (parsed and re-written with a TOML library), so writing the
 * same input twice yields the same file and never a duplicate key. Returns whether it changed.
 */
export async function writeCodexConfig(
  codexHome: string,
  input: CodexConfigInput,
): Promise<{ path: string; changed: boolean }> {
  const path = join(codexHome, "config.toml");
  const before = await readFile(path, "utf8").catch(() => undefined);
  let doc: Record<string, unknown> = {};
  if (before !== undefined) {
    try {
      doc = parse(before) as Record<string, unknown>;
    } catch (cause) {
      throw sessionError(
        SessionErrorCodes.SESSION_CONFIG_INVALID,
        `config.toml in ${codexHome} is not valid TOML${cause instanceof TomlError ? `: ${cause.message.split("\n", 1)[0]}` : ""}`,
        "Fix or delete config.toml (codexrel writes it from inputs).",
        { cause },
      );
    }
  }
  const next = mergeConfig(doc, input);
  const toml = stringify(next);
  const text = toml.endsWith("\n") ? toml : `${toml}\n`;
  if (text === before) return { path, changed: false };
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
  return { path, changed: true };
}

export function mergeConfig(doc: Record<string, unknown>, input: CodexConfigInput): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  if (input.model !== undefined) out.model = input.model;
  if (input.modelProvider !== undefined) out.model_provider = input.modelProvider;
  if (input.baseUrl !== undefined) {
    const id = input.modelProvider ?? (typeof doc.model_provider === "string" ? doc.model_provider : undefined);
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id)) {
      throw sessionError(
        SessionErrorCodes.SESSION_CONFIG_INVALID,
        "a base URL needs a custom model provider id",
        "Set the model provider (e.g. `my-proxy`) together with the base URL.",
      );
    }
    if (BUILTIN_PROVIDERS.has(id)) {
      throw sessionError(
        SessionErrorCodes.SESSION_CONFIG_INVALID,
        `provider ${id} is built into the Codex CLI; its base URL cannot be set here`,
        "Use a custom provider id (e.g. `openai-proxy`) for a custom base URL.",
      );
    }
    if (!/^https?:\/\//.test(input.baseUrl)) {
      throw sessionError(
        SessionErrorCodes.SESSION_CONFIG_INVALID,
        `base URL ${input.baseUrl} is not http(s)`,
        "Pass a URL like https://proxy.example/v1.",
      );
    }
    const providers = { ...((doc.model_providers as Record<string, unknown> | undefined) ?? {}) };
    const current = (providers[id] as Record<string, unknown> | undefined) ?? {};
    const provider: Record<string, unknown> = {
      ...current,
      name: input.providerName ?? (current.name as string | undefined) ?? id,
      base_url: input.baseUrl,
      wire_api: input.wireApi ?? (current.wire_api as string | undefined) ?? "responses",
    };
    if (input.envKey !== undefined) provider.env_key = input.envKey;
    if (input.requiresOpenaiAuth !== undefined) provider.requires_openai_auth = input.requiresOpenaiAuth;
    providers[id] = provider;
    out.model_providers = providers;
  }
  return out;
}
