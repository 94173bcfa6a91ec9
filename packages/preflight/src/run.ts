/**
 * runPreflight: the checks in dependency order (token -> thread -> can-comment/fork; OpenAI and
 * CODEX_HOME independently), then the two verdicts. Results are redacted with every secret
 * preflight was handed before they are returned.
 */
import { type PreflightCheck, type Publication, redactDeep } from "@codexrel/core";
import { createGitHubClient, type Identity } from "@codexrel/github";
import { checkCodexHome, checkOpenAIKey } from "./agent-checks.js";
import { checkCanComment, checkFork, checkGitHubToken, checkThread } from "./github-checks.js";
import {
  AGENT_CHECKS,
  ALL_CHECKS,
  type CheckId,
  type PreflightGitHubPort,
  type PreflightOptions,
  type PreflightResult,
  PUBLISH_CHECKS,
  type Verdict,
} from "./types.js";

export async function runPreflight(options: PreflightOptions = {}): Promise<PreflightResult> {
  const selected = new Set<CheckId>(options.checks ?? ALL_CHECKS);
  const wants = (id: CheckId) => selected.has(id);
  const needGitHub = wants("github-token") || wants("thread") || wants("can-comment") || wants("fork");
  const discovery = options.github?.token ?? null;
  const token = discovery?.found ? discovery.token : null;

  let client: PreflightGitHubPort | null = null;
  if (token && needGitHub) {
    client =
      options.github?.createClient?.(token) ??
      createGitHubClient({
        token,
        apiUrl: options.github?.apiUrl,
        graphqlUrl: options.github?.graphqlUrl,
        ...options.github?.clientOptions,
      });
  }

  const out: PreflightCheck[] = [];
  let identity: Identity | null = null;
  let tokenOk = false;
  if (needGitHub) {
    const t = await checkGitHubToken(discovery, client);
    identity = t.identity;
    tokenOk = t.check.status === "pass";
    if (wants("github-token")) out.push(t.check);
  }

  let signals = null;
  let threadCheck: PreflightCheck | null = null;
  if (wants("thread") || wants("can-comment") || wants("fork")) {
    const r = await checkThread(options.thread, client, tokenOk);
    signals = r.signals;
    threadCheck = r.check;
    if (wants("thread")) out.push(r.check);
  }
  if (wants("can-comment")) {
    out.push(await checkCanComment(signals, threadCheck, tokenOk ? client : null, options.probeComment ?? false));
  }
  let fork: boolean | null = null;
  if (wants("fork")) {
    const r = checkFork(signals, options.event, options.thread);
    fork = r.fork;
    out.push(r.check);
  }
  if (wants("openai-key")) {
    out.push(
      await checkOpenAIKey({
        apiKey: options.openai?.apiKey,
        baseUrl: options.openai?.baseUrl,
        ...(options.openai?.fetch ? { fetch: options.openai.fetch } : {}),
        ...(options.openai?.timeoutMs ? { timeoutMs: options.openai.timeoutMs } : {}),
      }),
    );
  }
  if (wants("codex-home")) {
    out.push(await checkCodexHome(options.codexHome?.path ?? null, options.codexHome?.fs));
  }

  const required = new Set(options.required ?? []);
  const checks = out.map((c) => ({ ...c, blocking: required.has(c.id as CheckId) && c.status === "fail" }));
  const secrets = [token, options.openai?.apiKey];
  const result: PreflightResult = {
    checks,
    publishable: publishVerdict(checks),
    agentRunnable: agentVerdict(checks),
    fork,
    reasons: checks
      .filter((c) => c.status !== "pass")
      .map((c) => ({
        id: c.id,
        status: c.status,
        code: c.code,
        reason: c.reason,
        ...(c.hint ? { hint: c.hint } : {}),
      })),
    identity: identity ? { login: identity.login, tokenKind: identity.tokenKind } : null,
  };
  return redactDeep(result, { secrets });
}

function byId(checks: PreflightCheck[], id: CheckId): PreflightCheck | undefined {
  return checks.find((c) => c.id === id);
}

/**
 * `no` when a publish check failed or there is nowhere to publish; `yes` when the token is valid
 * and commenting is proven (signals or probe); `unknown` otherwise.
 */
export function publishVerdict(checks: PreflightCheck[]): Verdict {
  const relevant = PUBLISH_CHECKS.map((id) => byId(checks, id)).filter((c): c is PreflightCheck => c !== undefined);
  if (relevant.length === 0) return "unknown";
  if (relevant.some((c) => c.status === "fail")) return "no";
  if (byId(checks, "thread")?.code === "THREAD_NOT_SET") return "no";
  const token = byId(checks, "github-token");
  const comment = byId(checks, "can-comment");
  if ((token === undefined || token.status === "pass") && comment?.status === "pass") return "yes";
  return "unknown";
}

/** `no` when the key, CODEX_HOME or a fork rules the agent out; `yes` when all selected checks pass. */
export function agentVerdict(checks: PreflightCheck[]): Verdict {
  const relevant = AGENT_CHECKS.map((id) => byId(checks, id)).filter((c): c is PreflightCheck => c !== undefined);
  if (relevant.length === 0) return "unknown";
  if (relevant.some((c) => c.status === "fail")) return "no";
  if (byId(checks, "fork")?.code === "FORK_PULL_REQUEST") return "no";
  if (relevant.some((c) => c.status === "warn")) return "unknown";
  const key = byId(checks, "openai-key");
  return key === undefined || key.status === "pass" ? "yes" : "unknown";
}

/**
 * The run report's `publication` when preflight already knows publishing cannot happen: status
 * `blocked` with the failing check's code and reason. Null when publishing may go ahead.
 */
export function blockedPublication(result: PreflightResult): Publication | null {
  if (result.publishable !== "no") return null;
  const failing =
    result.checks.find((c) => PUBLISH_CHECKS.includes(c.id as CheckId) && c.status === "fail") ??
    result.checks.find((c) => c.id === "thread" && c.code === "THREAD_NOT_SET");
  if (!failing) return null;
  return {
    status: "blocked",
    code: failing.code,
    reason: `publication blocked: ${failing.reason}`,
    ...(failing.hint ? { rerunHint: failing.hint } : {}),
  };
}
