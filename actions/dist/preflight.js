// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  ALL_CHECKS,
  renderPreflightMarkdown,
  runPreflight
} from "./chunks/chunk-K3G5VDST.js";
import {
  parseThreadRef,
  threadFromEvent,
  tokenKind
} from "./chunks/chunk-6IDBLKYS.js";
import {
  error,
  formatError,
  namedSecrets,
  redact,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-DRO4LOPC.js";

// src/preflight.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
var env = process.env;
var input = (name) => (env[`INPUT_${name}`] ?? "").trim();
var advisory = input("ADVISORY").toLowerCase() !== "false";
var token = input("GITHUB_TOKEN");
var openaiKey = input("OPENAI_API_KEY");
for (const secret of [token, openaiKey]) if (secret) setSecret(secret);
var secrets = [token, openaiKey, ...namedSecrets()];
function verdictOutput(v) {
  return v === "yes" ? "true" : v === "no" ? "false" : "unknown";
}
function checksInput() {
  const raw = input("CHECKS") || "all";
  if (raw === "all") return [...ALL_CHECKS];
  const ids = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !ALL_CHECKS.includes(id));
  if (unknown.length > 0)
    throw new Error(`unknown check(s) in "checks": ${unknown.join(", ")} (use ${ALL_CHECKS.join(", ")} or all)`);
  return ids;
}
function threadInput() {
  const explicit = input("THREAD");
  let event = null;
  if (env.GITHUB_EVENT_PATH && env.GITHUB_EVENT_NAME) {
    try {
      event = threadFromEvent(env.GITHUB_EVENT_NAME, JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")));
    } catch {
      event = null;
    }
  }
  if (explicit) {
    const ref = parseThreadRef(explicit);
    const same = event && event.ref.owner === ref.owner && event.ref.repo === ref.repo && event.ref.number === ref.number;
    return { ref, event: same ? event : null };
  }
  return { ref: event?.ref ?? null, event };
}
function report(result) {
  setOutput("publishable", verdictOutput(result.publishable));
  setOutput("agent-runnable", verdictOutput(result.agentRunnable));
  setOutput("fork", result.fork === null ? "" : String(result.fork));
  setOutput("reasons", JSON.stringify(result.reasons));
  for (const c of result.checks) {
    if (c.status !== "fail" && c.status !== "warn") continue;
    const text = `${c.code}: ${c.reason}${c.hint ? ` \u2014 fix: ${c.hint}` : ""}`;
    const title = `codexrel preflight: ${c.id}`;
    if (c.status === "fail" && !advisory) error(text, { title });
    else warning(text, { title });
  }
}
async function main() {
  try {
    const thread = threadInput();
    const result = await runPreflight({
      checks: checksInput(),
      github: {
        token: token ? { found: true, token, source: "GITHUB_TOKEN", kind: tokenKind(token), attempts: [] } : {
          found: false,
          attempts: [{ source: "GITHUB_TOKEN", outcome: "empty", note: "the github-token input is empty" }]
        },
        apiUrl: env.GITHUB_API_URL,
        graphqlUrl: env.GITHUB_GRAPHQL_URL
      },
      thread: thread.ref,
      event: thread.event,
      probeComment: input("PROBE_COMMENT").toLowerCase() === "true",
      openai: { apiKey: openaiKey, baseUrl: input("OPENAI_BASE_URL") || void 0 },
      codexHome: {
        path: input("CODEX_HOME") || env.CODEX_HOME || join(env.RUNNER_TEMP ?? env.HOME ?? ".", "codex-home")
      }
    });
    report(result);
    await summary.addRaw(renderPreflightMarkdown(result)).write();
    const failed = result.checks.some((c) => c.status === "fail");
    if (failed && !advisory) process.exitCode = 1;
  } catch (error2) {
    const message = redact(formatError(error2), { secrets });
    setOutput("publishable", "unknown");
    setOutput("agent-runnable", "unknown");
    setOutput("fork", "");
    setOutput(
      "reasons",
      JSON.stringify([{ id: "preflight", status: "fail", code: "PREFLIGHT_ERROR", reason: message }])
    );
    await summary.addRaw(`### codexrel preflight

Preflight could not run:

\`\`\`
${message}
\`\`\`
`).write();
    if (advisory) warning(message, { title: "codexrel preflight" });
    else setFailed(message);
  }
}
await main();
