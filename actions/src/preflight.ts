/**
 * actions/preflight entry: inputs (through env) -> runPreflight -> outputs, job summary table and
 * annotations. Advisory mode (the default) never fails the job; blocking mode fails the step when
 * a check failed.
 */
import { join } from "node:path";
import * as core from "@actions/core";
import { formatError, redact } from "@codexrel/core";
import { type EventThread, parseThreadRef, type ThreadRef, tokenFromInput } from "@codexrel/github";
import {
  ALL_CHECKS,
  type CheckId,
  type PreflightResult,
  renderPreflightMarkdown,
  runPreflight,
  type Verdict,
} from "@codexrel/preflight";
import { eventThread } from "./_event.js";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";

const env = process.env;
/** Read in main(): a value that is not a boolean is reported as preflight's error, advisory meanwhile. */
let advisory = true;
const token = inputs.text("github-token");
const openaiKey = inputs.text("openai-api-key");
const secrets = actionSecrets();

function verdictOutput(v: Verdict): string {
  return v === "yes" ? "true" : v === "no" ? "false" : "unknown";
}

function checksInput(): CheckId[] {
  const ids = inputs.list("checks", { split: "commas" });
  if (ids.length === 0 || (ids.length === 1 && ids[0] === "all")) return [...ALL_CHECKS];
  const unknown = ids.filter((id) => !ALL_CHECKS.includes(id as CheckId));
  if (unknown.length > 0)
    throw inputs.invalid("checks", `unknown check(s) ${unknown.join(", ")}`, `Use ${ALL_CHECKS.join(", ")} or all.`);
  return ids as CheckId[];
}

function threadInput(): { ref: ThreadRef | null; event: EventThread | null } {
  const explicit = inputs.text("thread");
  const event = eventThread();
  if (!explicit) return { ref: event?.ref ?? null, event };
  const ref = parseThreadRef(explicit);
  const same = event && event.ref.owner === ref.owner && event.ref.repo === ref.repo && event.ref.number === ref.number;
  return { ref, event: same ? event : null };
}

function report(result: PreflightResult): void {
  core.setOutput("publishable", verdictOutput(result.publishable));
  core.setOutput("agent-runnable", verdictOutput(result.agentRunnable));
  core.setOutput("fork", result.fork === null ? "" : String(result.fork));
  core.setOutput("reasons", JSON.stringify(result.reasons));
  for (const c of result.checks) {
    if (c.status !== "fail" && c.status !== "warn") continue;
    const text = `${c.code}: ${c.reason}${c.hint ? ` — fix: ${c.hint}` : ""}`;
    const title = `codexrel preflight: ${c.id}`;
    if (c.status === "fail" && !advisory) core.error(text, { title });
    else core.warning(text, { title });
  }
}

async function main(): Promise<void> {
  try {
    advisory = inputs.flag("advisory", true);
    const thread = threadInput();
    const result = await runPreflight({
      checks: checksInput(),
      github: {
        token: tokenFromInput(token),
        apiUrl: env.GITHUB_API_URL,
        graphqlUrl: env.GITHUB_GRAPHQL_URL,
      },
      thread: thread.ref,
      event: thread.event,
      probeComment: inputs.flag("probe-comment", false),
      openai: { apiKey: openaiKey, baseUrl: inputs.text("openai-base-url") || undefined },
      codexHome: {
        path: inputs.text("codex-home") || env.CODEX_HOME || join(env.RUNNER_TEMP ?? env.HOME ?? ".", "codex-home"),
      },
    });
    report(result);
    await core.summary.addRaw(renderPreflightMarkdown(result)).write();
    const failed = result.checks.some((c) => c.status === "fail");
    if (failed && !advisory) process.exitCode = 1;
  } catch (error) {
    // Preflight itself could not run: say so everywhere; advisory mode still exits 0.
    const message = redact(formatError(error), { secrets });
    core.setOutput("publishable", "unknown");
    core.setOutput("agent-runnable", "unknown");
    core.setOutput("fork", "");
    core.setOutput(
      "reasons",
      JSON.stringify([{ id: "preflight", status: "fail", code: "PREFLIGHT_ERROR", reason: message }]),
    );
    await core.summary
      .addRaw(`### codexrel preflight\n\nPreflight could not run:\n\n\`\`\`\n${message}\n\`\`\`\n`)
      .write();
    if (advisory) core.warning(message, { title: "codexrel preflight" });
    else core.setFailed(message);
  }
}

await main();
