/**
 * Secrets the user names for an action (`secret-env` input: variable names) and the ones
 * CODEX_HOME's config.toml names (a custom provider's `env_key`): their values are redacted from
 * every output and masked in the log. Shared by every action entry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as core from "@actions/core";
import { secretsFromCodexConfig } from "@codexrel/session-store";

const env = process.env;

/** Variable names from the `secret-env` input (newlines, commas or spaces between them). */
export function secretEnvNames(): string[] {
  return (env.INPUT_SECRET_ENV ?? "").split(/[\s,]+/).filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

/** Values of the named variables and of what `$CODEX_HOME/config.toml` names or holds. */
export function namedSecrets(): string[] {
  const names = new Set(secretEnvNames());
  const values: string[] = [];
  const home = env.CODEX_HOME || env.INPUT_CODEX_HOME;
  if (home) {
    try {
      const found = secretsFromCodexConfig(readFileSync(join(home, "config.toml"), "utf8"));
      for (const n of found.envNames) names.add(n);
      values.push(...found.values);
    } catch {
      // no config.toml yet (prepare writes it): nothing to add
    }
  }
  for (const n of names) values.push(env[n] ?? "");
  const out = values.filter((v) => v.length >= 8);
  // Masked in the log too: a value a tool prints never reaches the runner's output.
  for (const v of out) core.setSecret(v);
  return out;
}
