// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  TOKEN_MISSING_HINT,
  createGitHubClient,
  formatThreadRef,
  githubDetails,
  isGitHubError,
  permissionHint,
  threadFromEvent
} from "./chunk-3GVAX7VE.js";
import {
  buildMarker,
  codeSpan,
  createRedactor,
  escapeMarkdown,
  redactDeep
} from "./chunk-BMUCDFY2.js";

// ../packages/preflight/src/render.ts
var ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", skip: "\u23ED\uFE0F" };
function verdictText(v) {
  return v === "yes" ? "yes" : v === "no" ? "no" : "unknown";
}
function hintMarkdown(hint) {
  return hint.split(/(`[^`]+`)/).map(
    (part) => part.startsWith("`") && part.endsWith("`") && part.length > 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)
  ).join("");
}
function renderPreflightMarkdown(result, title = "codexrel preflight") {
  const rows = result.checks.map(
    (c) => `| ${escapeMarkdown(c.id)} | ${ICON[c.status]} ${c.status} | ${codeSpan(c.code)} | ${escapeMarkdown(c.reason)} | ${c.hint && c.status !== "pass" ? hintMarkdown(c.hint) : ""} |`
  );
  return [
    `### ${escapeMarkdown(title)}`,
    "",
    `**Publishable:** ${verdictText(result.publishable)} \xB7 **Agent can run:** ${verdictText(result.agentRunnable)}${result.fork ? " \xB7 fork pull request" : ""}`,
    "",
    "| Check | Status | Code | Reason | Fix |",
    "|---|---|---|---|---|",
    ...rows,
    ""
  ].join("\n");
}

// ../packages/preflight/src/types.ts
var ALL_CHECKS = [
  "github-token",
  "thread",
  "can-comment",
  "fork",
  "openai-key",
  "codex-home"
];
var PUBLISH_CHECKS = ["github-token", "thread", "can-comment"];
var AGENT_CHECKS = ["fork", "openai-key", "codex-home"];

// ../packages/preflight/src/agent-checks.ts
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// ../packages/preflight/src/check.ts
function check(id, status, code, reason, hint, details) {
  return {
    id,
    status,
    code,
    reason,
    ...hint ? { hint } : {},
    blocking: false,
    ...details && Object.keys(details).length > 0 ? { details } : {}
  };
}

// ../packages/preflight/src/agent-checks.ts
var DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
var KEY_HINT = (
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression is the advice itself.
  "Set OPENAI_API_KEY (in a workflow, from a repository secret: `env: OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}`)."
);
async function checkOpenAIKey(options) {
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
        baseUrl: base
      }
    );
  }
  const url = `${base}/models`;
  const doFetch = options.fetch ?? globalThis.fetch;
  let res;
  let text;
  try {
    res = await doFetch(url, {
      method: "GET",
      headers: { authorization: `Bearer ${key}`, accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15e3)
    });
    text = await res.text();
  } catch (error2) {
    const cause = error2.cause;
    const why = cause?.code ?? cause?.message ?? error2.message ?? String(error2);
    return check(
      "openai-key",
      "warn",
      "OPENAI_NETWORK",
      redact(`could not reach ${url}: ${why}; the key was not checked`),
      "Check the network (proxies, firewalls) and --openai-base-url, then re-run.",
      { baseUrl: base }
    );
  }
  const error = parseOpenAIError(text);
  const said = redact(error.message ? `: ${error.message}` : "");
  const details = { baseUrl: base, status: res.status, ...error.code ? { errorCode: error.code } : {} };
  if (res.ok) {
    const count = countModels(text);
    return check(
      "openai-key",
      "pass",
      "OPENAI_KEY_OK",
      `the key lists ${count === null ? "the" : count} models at ${base}`,
      void 0,
      { ...details, ...count === null ? {} : { models: count } }
    );
  }
  if (res.status === 401) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_KEY_INVALID",
      `OpenAI rejected the key (401${said})`,
      "Create a new key at https://platform.openai.com/api-keys and update the OPENAI_API_KEY secret.",
      details
    );
  }
  if (res.status === 429 && (error.code === "insufficient_quota" || error.type === "insufficient_quota")) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_QUOTA_EXHAUSTED",
      `the key's quota is exhausted (429 insufficient_quota${said})`,
      "Add credits or raise the project's budget at https://platform.openai.com/settings/organization/billing.",
      details
    );
  }
  if (res.status === 429) {
    return check(
      "openai-key",
      "warn",
      "OPENAI_RATE_LIMITED",
      `the key is rate limited right now (429${said}); it is valid`,
      "Wait and re-run, or raise the rate limits of the key's project.",
      details
    );
  }
  if (res.status === 403) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_KEY_FORBIDDEN",
      `the key may not list models (403${said})`,
      "Give the key's project access to models (project permissions), or use a key from a supported region.",
      details
    );
  }
  if (res.status === 404) {
    return check(
      "openai-key",
      "fail",
      "OPENAI_ENDPOINT_NOT_FOUND",
      `${url} does not exist (404)`,
      "Check --openai-base-url: it should be the API root ending in /v1.",
      details
    );
  }
  if (res.status >= 500) {
    return check(
      "openai-key",
      "warn",
      "OPENAI_UNAVAILABLE",
      `OpenAI answered ${res.status}${said}; the key was not checked`,
      "Re-run in a few minutes (see https://status.openai.com).",
      details
    );
  }
  return check(
    "openai-key",
    "fail",
    "OPENAI_UNEXPECTED",
    `unexpected answer ${res.status}${said}`,
    "Re-run; report it if it persists.",
    details
  );
}
function parseOpenAIError(text) {
  try {
    const body = JSON.parse(text);
    const e = body.error;
    if (!e) return {};
    return {
      ...typeof e.message === "string" ? { message: e.message.slice(0, 200) } : {},
      ...typeof e.code === "string" ? { code: e.code } : {},
      ...typeof e.type === "string" ? { type: e.type } : {}
    };
  } catch {
    return {};
  }
}
function countModels(text) {
  try {
    const body = JSON.parse(text);
    return Array.isArray(body.data) ? body.data.length : null;
  } catch {
    return null;
  }
}
var nodeFs = {
  mkdir: (p, o) => mkdir(p, o),
  writeFile: (p, d) => writeFile(p, d),
  rm: (p, o) => rm(p, o)
};
async function checkCodexHome(path, fs = nodeFs) {
  if (!path) {
    return check("codex-home", "skip", "CODEX_HOME_UNSET", "no CODEX_HOME directory was given");
  }
  const probe = join(path, `.codexrel-preflight-${randomUUID()}`);
  try {
    await fs.mkdir(path, { recursive: true });
    await fs.writeFile(probe, "codexrel preflight\n");
  } catch (error) {
    const code = error.code ?? "error";
    return check(
      "codex-home",
      "fail",
      "CODEX_HOME_NOT_WRITABLE",
      `cannot write to ${path} (${code})`,
      "Point CODEX_HOME at a writable directory (e.g. $RUNNER_TEMP/codex-home) or fix its permissions.",
      { path, errno: code }
    );
  }
  try {
    await fs.rm(probe, { force: true });
  } catch {
  }
  return check("codex-home", "pass", "CODEX_HOME_WRITABLE", `${path} is writable`, void 0, { path });
}

// ../packages/preflight/src/github-wording.ts
function checkFromGitHubError(id, error, what) {
  const code = error.code ?? "GITHUB_ERROR";
  const message = error instanceof Error ? error.message : String(error);
  const hint = error.hint;
  const d = githubDetails(error);
  const details = d ? { status: d.status, ...d.githubMessage ? { githubMessage: d.githubMessage } : {} } : void 0;
  if (code === "GITHUB_NETWORK" || code === "GITHUB_UNAVAILABLE") {
    return check(id, "warn", "GITHUB_UNREACHABLE", `${what}: GitHub could not be reached (${message})`, hint, details);
  }
  if (code === "GITHUB_RATE_LIMITED") {
    return check(id, "warn", code, `${what}: rate limited by GitHub, not decided`, hint, details);
  }
  return check(id, "fail", code, `${what}: ${message}`, hint, details);
}
function kindLabel(kind) {
  switch (kind) {
    case "classic":
      return "classic personal access token";
    case "fine-grained":
      return "fine-grained personal access token";
    case "oauth":
      return "OAuth token";
    case "installation":
      return "GitHub App installation token";
    case "app-user":
      return "GitHub App user token";
    default:
      return "token";
  }
}

// ../packages/preflight/src/can-comment.ts
var RANK = { READ: 1, TRIAGE: 2, WRITE: 3, MAINTAIN: 4, ADMIN: 5 };
function decideCanComment(s) {
  const t = s.thread;
  const reasons = new Set(t.viewerCannotUpdateReasons);
  const kind = s.identity.tokenKind;
  const name = formatThreadRef(t.ref);
  const permissionFix = permissionHint(
    t.ref.kind === "pr" ? [["issues=write"], ["pull_requests=write"]] : [["issues=write"]],
    kind
  );
  if (t.repository.archived || reasons.has("ARCHIVED")) {
    return {
      verdict: "no",
      code: "REPO_ARCHIVED",
      reason: `${t.repository.nameWithOwner} is archived`,
      hint: "Unarchive the repository, or publish to another thread.",
      basis: ["repository.isArchived"]
    };
  }
  if (reasons.has("LOGIN_REQUIRED")) {
    return {
      verdict: "no",
      code: "GITHUB_TOKEN_INVALID",
      reason: "GitHub does not consider the token logged in",
      hint: "Use a valid token.",
      basis: ["viewerCannotUpdateReasons"]
    };
  }
  if (t.locked && reasons.has("LOCKED")) {
    return {
      verdict: "no",
      code: "THREAD_LOCKED",
      reason: `${name} is locked and ${s.identity.login} lacks write access`,
      hint: "Unlock the conversation, or use a token of someone with write access.",
      basis: ["locked", "viewerCannotUpdateReasons"]
    };
  }
  if (reasons.has("VERIFIED_EMAIL_REQUIRED")) {
    return {
      verdict: "no",
      code: "VERIFIED_EMAIL_REQUIRED",
      reason: `${s.identity.login} has no verified email address`,
      hint: "Verify an email address on the account that owns the token.",
      basis: ["viewerCannotUpdateReasons"]
    };
  }
  if (t.viewerCanUpdate) {
    return {
      verdict: "yes",
      code: "CAN_COMMENT",
      reason: `${s.identity.login} may update ${name} (viewerCanUpdate), so it may comment`,
      basis: ["viewerCanUpdate"]
    };
  }
  if (kind === "classic" || kind === "oauth") {
    const scopes = s.identity.scopes;
    if (scopes) {
      const hasRepo = scopes.includes("repo");
      const hasPublic = scopes.includes("public_repo");
      if (!hasRepo && (t.repository.private || !hasPublic)) {
        return {
          verdict: "no",
          code: "TOKEN_SCOPE_MISSING",
          reason: `the token's scopes (${scopes.join(", ") || "none"}) do not allow writing to ${t.repository.private ? "a private" : "a public"} repository`,
          hint: permissionHint(void 0, kind),
          basis: ["x-oauth-scopes"]
        };
      }
      const role = t.repository.viewerPermission;
      const collaborator = s.collaboratorPermission;
      if (!t.repository.private || role && RANK[role] >= 1 || collaborator === "read" || collaborator === "write" || collaborator === "admin") {
        return {
          verdict: "yes",
          code: "CAN_COMMENT",
          reason: `${s.identity.login} can read ${t.repository.nameWithOwner} and the token has the ${hasRepo ? "repo" : "public_repo"} scope`,
          basis: ["x-oauth-scopes", t.repository.private ? "viewerPermission" : "public repository"]
        };
      }
    }
  }
  return {
    verdict: "unknown",
    code: "CAN_COMMENT_UNKNOWN",
    reason: `GitHub's signals do not tell whether this ${kindLabel(kind)} may comment on ${name}${reasons.size > 0 ? ` (${[...reasons].join(", ")})` : ""}`,
    hint: `${capitalize(permissionFix)} To find out for sure, re-run preflight with the comment probe.`,
    basis: ["viewerCanUpdate", "viewerCannotUpdateReasons"]
  };
}
function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
var PROBE_MARKER = { kind: "preflight-probe" };
async function checkCanComment(signals, threadCheck, client, probe) {
  if (!signals || !client) {
    return check(
      "can-comment",
      "skip",
      threadCheck?.code === "THREAD_NOT_SET" ? "THREAD_NOT_SET" : "THREAD_UNAVAILABLE",
      "not checked: the thread could not be read"
    );
  }
  const decision = decideCanComment(signals);
  const base = { basis: decision.basis, identity: signals.identity.login, tokenKind: signals.identity.tokenKind };
  if (decision.verdict === "no") {
    return check("can-comment", "fail", decision.code, decision.reason, decision.hint, base);
  }
  if (!probe) {
    return decision.verdict === "yes" ? check("can-comment", "pass", decision.code, decision.reason, void 0, base) : check("can-comment", "warn", decision.code, decision.reason, decision.hint, base);
  }
  return runProbe(signals, client, decision);
}
async function runProbe(signals, client, decision) {
  const ref = signals.thread.ref;
  const name = formatThreadRef(ref);
  const body = `${buildMarker(PROBE_MARKER.kind)}
codexrel preflight: checking that this token can comment. This comment is deleted right away.`;
  const details = { basis: [...decision.basis, "probe"], identity: signals.identity.login, signals: decision.verdict };
  let created;
  try {
    created = await client.createComment(ref, body);
  } catch (error) {
    if (isGitHubError(error, "GITHUB_PERMISSION_DENIED")) {
      const d = githubDetails(error);
      return check(
        "can-comment",
        "fail",
        "CAN_COMMENT_DENIED",
        `the probe comment on ${name} was refused: ${d?.githubMessage ?? "permission denied"}`,
        error.hint,
        { ...details, ...d?.acceptedPermissions ? { acceptedPermissions: d.acceptedPermissions } : {} }
      );
    }
    const c = checkFromGitHubError("can-comment", error, `probe comment on ${name}`);
    return { ...c, details: { ...details, ...c.details ?? {} } };
  }
  try {
    await client.deleteComment(ref, created.id);
  } catch (error) {
    return check(
      "can-comment",
      "warn",
      "PROBE_CLEANUP_FAILED",
      `the probe comment was posted (so commenting works) but could not be deleted: ${error.message}`,
      `Delete it by hand: ${created.url}`,
      { ...details, probeUrl: created.url }
    );
  }
  return check(
    "can-comment",
    "pass",
    "CAN_COMMENT",
    `a probe comment was posted to ${name} and deleted`,
    void 0,
    details
  );
}

// ../packages/preflight/src/github-checks.ts
async function checkGitHubToken(discovery, client) {
  if (!discovery?.found || !client) {
    const tried = discovery?.attempts.map((a) => `${a.source}: ${a.note ?? a.outcome}`) ?? [];
    return {
      check: check(
        "github-token",
        "fail",
        "GITHUB_TOKEN_MISSING",
        `no token: ${tried.length > 0 ? tried.join("; ") : "none was given"}`,
        TOKEN_MISSING_HINT,
        { tried: discovery?.attempts ?? [] }
      ),
      identity: null
    };
  }
  try {
    const identity = await client.viewer();
    const scopes = identity.scopes ? `, scopes: ${identity.scopes.join(", ") || "none"}` : "";
    return {
      check: check(
        "github-token",
        "pass",
        "GITHUB_TOKEN_OK",
        `${kindLabel(identity.tokenKind)} from ${discovery.source} acts as ${identity.login}${scopes}`,
        void 0,
        {
          login: identity.login,
          tokenKind: identity.tokenKind,
          source: discovery.source,
          ...identity.scopes ? { scopes: identity.scopes } : {}
        }
      ),
      identity
    };
  } catch (error) {
    return { check: checkFromGitHubError("github-token", error, `token from ${discovery.source}`), identity: null };
  }
}
async function checkThread(ref, client, tokenOk) {
  if (!ref) {
    return {
      check: check(
        "thread",
        "skip",
        "THREAD_NOT_SET",
        "no issue or pull request to publish to",
        "Pass --repo owner/repo with --issue N or --pr N, or run from an issue or pull request event."
      ),
      signals: null
    };
  }
  const name = formatThreadRef(ref);
  if (!client || !tokenOk) {
    return {
      check: check("thread", "skip", "GITHUB_TOKEN_UNAVAILABLE", `${name} not checked: no valid GitHub token`),
      signals: null
    };
  }
  let signals;
  try {
    signals = await client.permissionSignals(ref);
  } catch (error) {
    return { check: checkFromGitHubError("thread", error, name), signals: null };
  }
  const t = signals.thread;
  const details = threadDetails(t);
  if (t.repository.archived) {
    return {
      check: check(
        "thread",
        "fail",
        "REPO_ARCHIVED",
        `${t.repository.nameWithOwner} is archived (read-only): nothing can be posted to ${name}`,
        "Unarchive the repository (Settings \u2192 General \u2192 Danger Zone) or publish to another thread.",
        details
      ),
      signals
    };
  }
  const what = `${name} is ${t.state === "OPEN" ? "an open" : "a closed"} ${t.ref.kind === "pr" ? `${t.draft ? "draft " : ""}pull request` : "issue"}`;
  if (ref.kind && ref.kind !== t.ref.kind) {
    return {
      check: check(
        "thread",
        "warn",
        "THREAD_KIND_MISMATCH",
        `${what}, not ${ref.kind === "pr" ? "a pull request" : "an issue"} as given`,
        `Use --${t.ref.kind === "pr" ? "pr" : "issue"} ${ref.number}.`,
        details
      ),
      signals
    };
  }
  if (t.locked) {
    return {
      check: check(
        "thread",
        "warn",
        "THREAD_LOCKED",
        `${what}; its conversation is locked (only people with write access can comment)`,
        "Unlock the conversation, or publish with a token of someone with write access.",
        details
      ),
      signals
    };
  }
  return { check: check("thread", "pass", "THREAD_OK", what, void 0, details), signals };
}
function threadDetails(t) {
  return {
    kind: t.ref.kind,
    url: t.url,
    state: t.state,
    locked: t.locked,
    archived: t.repository.archived,
    private: t.repository.private,
    ...t.draft !== void 0 ? { draft: t.draft } : {},
    ...t.fork !== void 0 ? { fork: t.fork } : {}
  };
}
function checkFork(signals, event, ref) {
  const t = signals?.thread;
  const kind = t?.ref.kind ?? event?.ref.kind ?? ref?.kind;
  if (!t && !event) {
    return {
      check: check(
        "fork",
        "skip",
        ref ? "THREAD_UNAVAILABLE" : "THREAD_NOT_SET",
        "not checked: no pull request information"
      ),
      fork: null
    };
  }
  if (kind !== "pr") {
    return {
      check: check("fork", "skip", "NOT_A_PULL_REQUEST", "the thread is an issue, not a pull request"),
      fork: null
    };
  }
  const fork = t?.fork ?? event?.fork ?? false;
  const head = t?.head?.repository ?? event?.head?.repository ?? null;
  const base = t?.base?.repository ?? event?.base?.repository ?? `${(t ?? event).ref.owner}/${(t ?? event).ref.repo}`;
  if (!fork) {
    return {
      check: check("fork", "pass", "SAME_REPOSITORY", `the pull request's head is in ${base} itself`, void 0, {
        head,
        base
      }),
      fork: false
    };
  }
  return {
    check: check(
      "fork",
      "warn",
      "FORK_PULL_REQUEST",
      `the head is ${head ? `in the fork ${head}` : "in a deleted fork"}, not ${base}: workflows for fork pull requests get no secrets and a read-only token, so the agent is skipped`,
      "A maintainer can run the agent on this branch (codexrel run locally), or label-gate a pull_request_target workflow that checks out trusted code only.",
      { head, base }
    ),
    fork: true
  };
}

// ../packages/preflight/src/run.ts
async function runPreflight(options = {}) {
  const selected = new Set(options.checks ?? ALL_CHECKS);
  const wants = (id) => selected.has(id);
  const needGitHub = wants("github-token") || wants("thread") || wants("can-comment") || wants("fork");
  const discovery = options.github?.token ?? null;
  const token = discovery?.found ? discovery.token : null;
  let client = null;
  if (token && needGitHub) {
    client = options.github?.createClient?.(token) ?? createGitHubClient({
      token,
      apiUrl: options.github?.apiUrl,
      graphqlUrl: options.github?.graphqlUrl,
      ...options.github?.clientOptions
    });
  }
  const out = [];
  let identity = null;
  let tokenOk = false;
  if (needGitHub) {
    const t = await checkGitHubToken(discovery, client);
    identity = t.identity;
    tokenOk = t.check.status === "pass";
    if (wants("github-token")) out.push(t.check);
  }
  let signals = null;
  let threadCheck = null;
  if (wants("thread") || wants("can-comment") || wants("fork")) {
    const r = await checkThread(options.thread, client, tokenOk);
    signals = r.signals;
    threadCheck = r.check;
    if (wants("thread")) out.push(r.check);
  }
  if (wants("can-comment")) {
    out.push(await checkCanComment(signals, threadCheck, tokenOk ? client : null, options.probeComment ?? false));
  }
  let fork = null;
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
        ...options.openai?.fetch ? { fetch: options.openai.fetch } : {},
        ...options.openai?.timeoutMs ? { timeoutMs: options.openai.timeoutMs } : {}
      })
    );
  }
  if (wants("codex-home")) {
    out.push(await checkCodexHome(options.codexHome?.path ?? null, options.codexHome?.fs));
  }
  const required = new Set(options.required ?? []);
  const checks = out.map((c) => ({ ...c, blocking: required.has(c.id) && c.status === "fail" }));
  const secrets = [token, options.openai?.apiKey];
  const result = {
    checks,
    publishable: publishVerdict(checks),
    agentRunnable: agentVerdict(checks),
    fork,
    reasons: checks.filter((c) => c.status !== "pass").map((c) => ({
      id: c.id,
      status: c.status,
      code: c.code,
      reason: c.reason,
      ...c.hint ? { hint: c.hint } : {}
    })),
    identity: identity ? { login: identity.login, tokenKind: identity.tokenKind } : null
  };
  return redactDeep(result, { secrets });
}
function byId(checks, id) {
  return checks.find((c) => c.id === id);
}
function publishVerdict(checks) {
  const relevant = PUBLISH_CHECKS.map((id) => byId(checks, id)).filter((c) => c !== void 0);
  if (relevant.length === 0) return "unknown";
  if (relevant.some((c) => c.status === "fail")) return "no";
  if (byId(checks, "thread")?.code === "THREAD_NOT_SET") return "no";
  const token = byId(checks, "github-token");
  const comment = byId(checks, "can-comment");
  if ((token === void 0 || token.status === "pass") && comment?.status === "pass") return "yes";
  return "unknown";
}
function agentVerdict(checks) {
  const relevant = AGENT_CHECKS.map((id) => byId(checks, id)).filter((c) => c !== void 0);
  if (relevant.length === 0) return "unknown";
  if (relevant.some((c) => c.status === "fail")) return "no";
  if (byId(checks, "fork")?.code === "FORK_PULL_REQUEST") return "no";
  if (relevant.some((c) => c.status === "warn")) return "unknown";
  const key = byId(checks, "openai-key");
  return key === void 0 || key.status === "pass" ? "yes" : "unknown";
}
function blockedPublication(result) {
  if (result.publishable !== "no") return null;
  const failing = result.checks.find((c) => PUBLISH_CHECKS.includes(c.id) && c.status === "fail") ?? result.checks.find((c) => c.id === "thread" && c.code === "THREAD_NOT_SET");
  if (!failing) return null;
  return {
    status: "blocked",
    code: failing.code,
    reason: `publication blocked: ${failing.reason}`,
    ...failing.hint ? { rerunHint: failing.hint } : {}
  };
}

// src/_event.ts
import { readFileSync } from "node:fs";
function eventThread(env = process.env) {
  if (!env.GITHUB_EVENT_PATH || !env.GITHUB_EVENT_NAME) return null;
  try {
    return threadFromEvent(env.GITHUB_EVENT_NAME, JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")));
  } catch {
    return null;
  }
}

export {
  renderPreflightMarkdown,
  ALL_CHECKS,
  runPreflight,
  blockedPublication,
  eventThread
};
