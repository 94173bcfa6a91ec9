// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  ALL_CHECKS,
  eventThread,
  renderPreflightMarkdown,
  runPreflight
} from "./chunks/chunk-6XFR3WGV.js";
import {
  parseThreadRef,
  tokenFromInput
} from "./chunks/chunk-3GVAX7VE.js";
import {
  actionSecrets,
  error,
  flag,
  formatError,
  invalid,
  list,
  redact,
  setFailed,
  setOutput,
  summary,
  text,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/preflight.ts
import { join } from "node:path";
var env = process.env;
var advisory = true;
var token = text("github-token");
var openaiKey = text("openai-api-key");
var secrets = actionSecrets();
function verdictOutput(v) {
  return v === "yes" ? "true" : v === "no" ? "false" : "unknown";
}
function checksInput() {
  const ids = list("checks", { split: "commas" });
  if (ids.length === 0 || ids.length === 1 && ids[0] === "all") return [...ALL_CHECKS];
  const unknown = ids.filter((id) => !ALL_CHECKS.includes(id));
  if (unknown.length > 0)
    throw invalid("checks", `unknown check(s) ${unknown.join(", ")}`, `Use ${ALL_CHECKS.join(", ")} or all.`);
  return ids;
}
function threadInput() {
  const explicit = text("thread");
  const event = eventThread();
  if (!explicit) return { ref: event?.ref ?? null, event };
  const ref = parseThreadRef(explicit);
  const same = event && event.ref.owner === ref.owner && event.ref.repo === ref.repo && event.ref.number === ref.number;
  return { ref, event: same ? event : null };
}
function report(result) {
  setOutput("publishable", verdictOutput(result.publishable));
  setOutput("agent-runnable", verdictOutput(result.agentRunnable));
  setOutput("fork", result.fork === null ? "" : String(result.fork));
  setOutput("reasons", JSON.stringify(result.reasons));
  for (const c of result.checks) {
    if (c.status !== "fail" && c.status !== "warn") continue;
    const text2 = `${c.code}: ${c.reason}${c.hint ? ` \u2014 fix: ${c.hint}` : ""}`;
    const title = `codexrel preflight: ${c.id}`;
    if (c.status === "fail" && !advisory) error(text2, { title });
    else warning(text2, { title });
  }
}
async function main() {
  try {
    advisory = flag("advisory", true);
    const thread = threadInput();
    const result = await runPreflight({
      checks: checksInput(),
      github: {
        token: tokenFromInput(token),
        apiUrl: env.GITHUB_API_URL,
        graphqlUrl: env.GITHUB_GRAPHQL_URL
      },
      thread: thread.ref,
      event: thread.event,
      probeComment: flag("probe-comment", false),
      openai: { apiKey: openaiKey, baseUrl: text("openai-base-url") || void 0 },
      codexHome: {
        path: text("codex-home") || env.CODEX_HOME || join(env.RUNNER_TEMP ?? env.HOME ?? ".", "codex-home")
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
