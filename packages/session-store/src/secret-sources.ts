/**
 * Where secret values come from besides the caller's list: the Codex CLI's own `config.toml` names
 * the environment variable holding a custom provider's key (`env_key`), and carries literal header
 * and MCP server environment values; credential files (`auth.json`, `.env` at any depth) hold
 * values that must be scrubbed from every other file. The library reads no environment: the edge
 * passes `env` in, and only the variables named here are looked up.
 */
import { parse } from "smol-toml";

export interface ConfigSecrets {
  /** Environment variable names that hold secrets (`env_key`, `env_http_headers` values). */
  envNames: string[];
  /** Literal values written in the config that are secret (`http_headers`, MCP `env`, bearer tokens). */
  values: string[];
}

/** Reads a Codex `config.toml`; an unreadable or invalid one yields nothing (it is never saved anyway). */
export function secretsFromCodexConfig(toml: string): ConfigSecrets {
  const envNames = new Set<string>();
  const values = new Set<string>();
  let doc: Record<string, unknown>;
  try {
    doc = parse(toml) as Record<string, unknown>;
  } catch {
    return { envNames: [], values: [] };
  }
  const tables = (v: unknown): Record<string, unknown>[] =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.values(v as Record<string, unknown>).filter(
          (t): t is Record<string, unknown> => !!t && typeof t === "object" && !Array.isArray(t),
        )
      : [];
  const strings = (v: unknown): string[] =>
    v && typeof v === "object" ? Object.values(v).filter((s): s is string => typeof s === "string") : [];
  const sections = [doc, ...tables(doc.profiles)];
  for (const section of sections) {
    for (const provider of tables(section.model_providers)) {
      if (typeof provider.env_key === "string") envNames.add(provider.env_key);
      for (const name of strings(provider.env_http_headers)) envNames.add(name);
      for (const value of strings(provider.http_headers)) values.add(value);
      if (typeof provider.experimental_bearer_token === "string") values.add(provider.experimental_bearer_token);
    }
    for (const server of tables(section.mcp_servers)) {
      for (const value of strings(server.env)) values.add(value);
      for (const value of strings(server.http_headers)) values.add(value);
      for (const name of strings(server.env_http_headers)) envNames.add(name);
      if (typeof server.bearer_token_env_var === "string") envNames.add(server.bearer_token_env_var);
    }
  }
  return { envNames: [...envNames], values: [...values] };
}

/** Values of the named variables that are set and non-empty. */
export function valuesOf(names: Iterable<string>, env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  for (const name of names) {
    const value = env[name];
    if (typeof value === "string" && value.length > 0) out.push(value);
  }
  return out;
}
