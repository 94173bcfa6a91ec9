import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckEvent } from "@codexrel/checks";
import { redact } from "@codexrel/core";
import { secretsFromCodexConfig } from "@codexrel/session-store";
import type { CliContext } from "../context.js";
import { SECRET_ENV_LIST } from "../secret-env-list.js";

/** Environment variables whose values are secrets wherever they appear. */
export const SECRET_ENV_VARS = [
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "OPENAI_API_KEY",
  "CODEX_API_KEY",
  "ACTIONS_RUNTIME_TOKEN",
  "DISCORD_BOT_TOKEN",
];

export { SECRET_ENV_LIST } from "../secret-env-list.js";

export function secretEnvNames(env: Record<string, string | undefined>): string[] {
  return (env[SECRET_ENV_LIST] ?? "").split(/[\s,]+/).filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

/**
 * Every secret value the CLI knows: the well-known variables, the names the user declared, and
 * what `$CODEX_HOME/config.toml` names or holds (a custom provider's `env_key`, header values).
 */
export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  const names = new Set([...SECRET_ENV_VARS, ...secretEnvNames(env)]);
  const values: string[] = [];
  if (env.CODEX_HOME) {
    let toml: string | undefined;
    try {
      toml = readFileSync(join(env.CODEX_HOME, "config.toml"), "utf8");
    } catch {
      toml = undefined;
    }
    if (toml !== undefined) {
      const found = secretsFromCodexConfig(toml);
      for (const n of found.envNames) names.add(n);
      values.push(...found.values);
    }
  }
  for (const n of names) values.push(env[n] ?? "");
  return values.filter((v) => v.length > 0);
}

/** Prints a line per check to stderr (progress), and with `verbose` the check's output too. */
export function checkEventPrinter(ctx: CliContext, verbose: boolean): (event: CheckEvent) => void {
  const secrets = secretsFromEnv(ctx.env);
  return (event) => {
    if (event.type === "start") ctx.stderr.write(`▶ [${event.index + 1}/${event.total}] ${event.check.name}\n`);
    else if (event.type === "fallback") ctx.stderr.write(`  ↻ ${event.check.name}: trying fallback\n`);
    else if (event.type === "output" && verbose) ctx.stderr.write(redact(event.chunk, { secrets }));
  };
}
