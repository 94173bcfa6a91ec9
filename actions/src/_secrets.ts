/**
 * The values an action treats as secrets: they are redacted from every output and masked in the
 * log. One list for every action entry (`actionSecrets()`), so no entry forgets one: the secret
 * inputs, the well-known credential variables, the variables the user names in `secret-env`, and
 * what CODEX_HOME's config.toml names or holds (a custom provider's `env_key`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as core from "@actions/core";
import { secretsFromCodexConfig } from "@codexrel/session-store";
import * as inputs from "./_inputs.js";

const env = process.env;

/** Inputs that carry credentials, by their action.yml name (empty where an action has no such input). */
const SECRET_INPUTS = ["github-token", "openai-api-key"] as const;
/** Credential variables a step may have in its environment. */
const SECRET_ENV = ["GITHUB_TOKEN", "OPENAI_API_KEY", "CODEX_API_KEY", "DISCORD_BOT_TOKEN"] as const;

/** Variable names from the `secret-env` input (newlines, commas or spaces between them). */
export function secretEnvNames(): string[] {
  return inputs.list("secret-env", { split: "words" }).filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

/** Values of the named variables and of what `$CODEX_HOME/config.toml` names or holds. */
export function namedSecrets(): string[] {
  const names = new Set(secretEnvNames());
  const values: string[] = [];
  const home = env.CODEX_HOME || inputs.text("codex-home");
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
  // Short values are not secrets one could leak, and masking them would blank ordinary words.
  return values.filter((v) => v.length >= 8);
}

/** Every secret value this step knows, each masked in the log too (a tool printing one never shows it). */
export function actionSecrets(): string[] {
  const known = [
    ...SECRET_INPUTS.map((name) => inputs.text(name)),
    ...SECRET_ENV.map((name) => env[name] ?? ""),
  ].filter(Boolean);
  const all = [...new Set([...known, ...namedSecrets()])];
  for (const v of all) core.setSecret(v);
  return all;
}
