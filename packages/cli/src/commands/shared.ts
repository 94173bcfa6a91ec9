import type { CheckEvent } from "@codexrel/checks";
import { redact } from "@codexrel/core";
import type { CliContext } from "../context.js";

/** Environment variables whose values are secrets wherever they appear. */
export const SECRET_ENV_VARS = [
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "OPENAI_API_KEY",
  "CODEX_API_KEY",
  "ACTIONS_RUNTIME_TOKEN",
  "DISCORD_BOT_TOKEN",
];

export function secretsFromEnv(env: Record<string, string | undefined>): string[] {
  return SECRET_ENV_VARS.map((k) => env[k]).filter((v): v is string => typeof v === "string" && v.length > 0);
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
