/**
 * `codexrel preflight`: can this run publish, and can the agent run? Works inside and outside
 * Actions (an agent container with only a token). Exit 0 when no check failed, 1 when one did.
 */
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { ALL_CHECKS, type CheckId, renderPreflightText, runPreflight } from "@codexrel/preflight";
import type { Command } from "commander";
import { type CliContext, ExitCode } from "../context.js";
import { githubFromEnv, type ThreadFlags, threadFromFlagsOrEvent } from "./github-env.js";

interface PreflightFlags extends ThreadFlags {
  openaiBaseUrl?: string;
  checks?: string;
  probeComment?: boolean;
  codexHome?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("preflight")
    .description(
      "check the GitHub token, the thread, write access, fork status, the OpenAI key and CODEX_HOME; exit 0 when nothing failed, 1 otherwise",
    )
    .option("--repo <owner/repo>", "repository of the thread (default: the Actions event's)")
    .option("--issue <n>", "issue number")
    .option("--pr <n>", "pull request number")
    .option("--openai-base-url <url>", "OpenAI API base (default OPENAI_BASE_URL or https://api.openai.com/v1)")
    .option("--checks <ids>", `comma-separated subset of: ${ALL_CHECKS.join(", ")}`)
    .option("--probe-comment", "prove write access by posting a marked comment and deleting it")
    .option("--codex-home <dir>", "CODEX_HOME to test for writing (default CODEX_HOME or ~/.codex)")
    .option("--json", "print the result as JSON on stdout")
    .action(async (flags: PreflightFlags) => {
      const checks = parseChecks(flags.checks);
      const env = ctx.env;
      const thread = await threadFromFlagsOrEvent(flags, env);
      const github = await githubFromEnv(env);
      const codexHome = flags.codexHome
        ? resolve(ctx.cwd, flags.codexHome)
        : env.CODEX_HOME
          ? resolve(ctx.cwd, env.CODEX_HOME)
          : join(env.HOME ?? homedir(), ".codex");
      const result = await runPreflight({
        checks,
        github: { token: github.token, apiUrl: github.apiUrl, graphqlUrl: github.graphqlUrl },
        thread: thread.ref,
        event: thread.event,
        probeComment: Boolean(flags.probeComment),
        openai: { apiKey: env.OPENAI_API_KEY, baseUrl: flags.openaiBaseUrl ?? env.OPENAI_BASE_URL },
        codexHome: { path: codexHome },
      });
      if (flags.json) {
        ctx.stdout.write(
          `${JSON.stringify(
            {
              publishable: result.publishable,
              agentRunnable: result.agentRunnable,
              fork: result.fork,
              identity: result.identity,
              checks: result.checks,
            },
            null,
            2,
          )}\n`,
        );
      } else {
        ctx.stdout.write(renderPreflightText(result));
      }
      ctx.exitCode = result.checks.some((c) => c.status === "fail") ? ExitCode.NOT_READY : ExitCode.OK;
    });
}

function parseChecks(value: string | undefined): CheckId[] | undefined {
  if (!value) return undefined;
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !ALL_CHECKS.includes(id as CheckId));
  if (unknown.length > 0 || ids.length === 0) {
    throw new CodexrelError(ErrorCodes.USAGE, `unknown check(s): ${unknown.join(", ") || "(none given)"}`, {
      hint: `Choose from ${ALL_CHECKS.join(", ")}.`,
    });
  }
  return ids as CheckId[];
}
