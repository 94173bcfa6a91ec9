/**
 * The CLI edge for GitHub: token discovery from the environment (GITHUB_TOKEN, GH_TOKEN, then
 * `gh auth token` when gh is on PATH), API URLs (GITHUB_API_URL, GITHUB_GRAPHQL_URL), and the
 * thread from flags or, in Actions, from the triggering event (GITHUB_EVENT_NAME/PATH).
 */
import { execFile } from "node:child_process";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import {
  discoverToken,
  type EventThread,
  type ExecPort,
  resolveEndpoints,
  type ThreadRef,
  type TokenDiscovery,
  threadFromEvent,
  threadRef,
} from "@codexrel/github";
import { readJson } from "../io.js";

type Env = Record<string, string | undefined>;

/** Runs a program without a shell, with the CLI's environment. */
export function execPort(env: Env): ExecPort {
  return (command, args) =>
    new Promise((resolve, reject) => {
      execFile(
        command,
        [...args],
        { env: env as NodeJS.ProcessEnv, timeout: 10_000, encoding: "utf8", windowsHide: true },
        (error, stdout, stderr) => {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          if (code === "ENOENT") return reject(error);
          const exitCode = error ? (typeof code === "number" ? code : ((error as { status?: number }).status ?? 1)) : 0;
          resolve({ exitCode, stdout: String(stdout), stderr: String(stderr) });
        },
      );
    });
}

export interface GitHubEnv {
  apiUrl: string;
  graphqlUrl: string;
  token: TokenDiscovery;
}

export async function githubFromEnv(env: Env): Promise<GitHubEnv> {
  const endpoints = resolveEndpoints({ apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL });
  const token = await discoverToken({ env, exec: execPort(env), host: endpoints.host });
  return { apiUrl: endpoints.apiUrl, graphqlUrl: endpoints.graphqlUrl, token };
}

export interface ThreadFlags {
  repo?: string;
  issue?: string;
  pr?: string;
}

function usage(message: string, hint: string): CodexrelError {
  return new CodexrelError(ErrorCodes.USAGE, message, { hint });
}

function number(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw usage(`--${flag} needs a positive number, got ${JSON.stringify(value)}`, `Use --${flag} 12.`);
  }
  return Number(value);
}

/**
 * The thread from `--repo owner/repo --issue N | --pr N`, else from the Actions event. Returns
 * nulls when neither names one.
 */
export async function threadFromFlagsOrEvent(
  flags: ThreadFlags,
  env: Env,
): Promise<{ ref: ThreadRef | null; event: EventThread | null }> {
  if (flags.issue && flags.pr) throw usage("--issue and --pr are exclusive", "Pass one of --issue N or --pr N.");
  if (flags.repo || flags.issue || flags.pr) {
    if (!flags.repo) throw usage("--issue/--pr need --repo", "Add --repo owner/repo.");
    if (!flags.issue && !flags.pr) throw usage("--repo needs --issue N or --pr N", "Add --issue N or --pr N.");
    const kind = flags.pr ? "pr" : "issue";
    return {
      ref: threadRef(flags.repo, number(kind === "pr" ? "pr" : "issue", (flags.pr ?? flags.issue)!), kind),
      event: null,
    };
  }
  if (env.GITHUB_EVENT_PATH && env.GITHUB_EVENT_NAME) {
    const event = threadFromEvent(env.GITHUB_EVENT_NAME, await readJson(env.GITHUB_EVENT_PATH, "event payload"));
    return { ref: event?.ref ?? null, event };
  }
  return { ref: null, event: null };
}
