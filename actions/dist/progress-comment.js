// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  ThreadsErrorCodes,
  githubPorts,
  parsePlan,
  parseTestLine,
  postPlanForApproval,
  postReleasePlan,
  releasePlanPrompt,
  threadsError,
  updateProgressComment
} from "./chunks/chunk-OG2JBXRU.js";
import "./chunks/chunk-3GVAX7VE.js";
import {
  actionSecrets,
  escapeMarkdownShort,
  flag,
  formatError,
  info,
  list,
  redact,
  setOutput,
  summary,
  text,
  toCodexrelError,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/progress-comment.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var env = process.env;
var cwd = env.GITHUB_WORKSPACE ?? process.cwd();
var token = text("github-token");
var secrets = actionSecrets();
var OUTPUTS = [
  "result",
  "comment-id",
  "comment-url",
  "body-out",
  "ready",
  "error",
  "intake-complete",
  "prompt-out"
];
var MODES = /* @__PURE__ */ new Set(["update", "done", "fail", "cancel", "handoff", "plan", "release-plan"]);
function setOutputs(values) {
  for (const name of OUTPUTS) setOutput(name, values[name] ?? "");
}
async function readOptional(name) {
  const file = text(name);
  if (!file) return null;
  return readFile(resolve(cwd, file), "utf8");
}
async function threadOf(github) {
  const taskFile = text("task-file");
  if (taskFile) {
    const task = JSON.parse(await readFile(resolve(cwd, taskFile), "utf8"));
    if (task.thread) return { thread: task.thread, title: task.title };
  }
  if (text("thread")) {
    if (!github) {
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "thread needs github-token to resolve",
        "Pass github-token, or task-file from route-event."
      );
    }
    return { thread: await github.resolveThread(text("thread")), title: null };
  }
  throw threadsError(
    ThreadsErrorCodes.THREAD_NOT_FOUND,
    "no thread: the task file names none and no thread input was given",
    "Pass task-file from route-event, or thread: owner/repo#123."
  );
}
async function run() {
  const mode = text("mode") || "update";
  if (!MODES.has(mode)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `mode ${JSON.stringify(mode)} is unknown`,
      "Use update, done, fail, cancel, handoff, plan or release-plan."
    );
  }
  const dryRun = flag("dry-run", false);
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const { thread, title } = await threadOf(github);
  const dir = join(env.RUNNER_TEMP || join(cwd, ".codexrel"), `codexrel-progress-${env.GITHUB_RUN_ID ?? "local"}`);
  await mkdir(dir, { recursive: true });
  const bodyOut = join(dir, `${text("scope") || "progress"}-${mode}.md`);
  if (mode === "handoff") {
    if (thread.kind !== "pr") {
      setOutputs({ result: "unchanged", ready: "false" });
      info("handoff: the thread is an issue; nothing to hand off");
      return;
    }
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "handoff needs github-token",
        "Pass github-token (pull-requests: write)."
      );
    const openedBy = flag("require-opened-by-worker", false) ? { login: await github.viewerLogin(), branchPrefix: text("branch-prefix") || "codex/" } : void 0;
    const result2 = await github.handoff(thread, {
      ignoreChecks: list("ignore-checks", { split: "commas" }),
      dryRun,
      ...openedBy ? { openedBy } : {}
    });
    if (result2.body) await writeFile(bodyOut, result2.body);
    setOutputs({
      result: result2.comment?.action ?? (dryRun ? "dry-run" : "unchanged"),
      "comment-id": result2.comment ? String(result2.comment.id) : "",
      "comment-url": result2.comment?.url ?? "",
      "body-out": result2.body ? bodyOut : "",
      ready: String(result2.ready)
    });
    const summary2 = result2.ready ? `ready for review${result2.markedReady ? " (draft marked ready)" : ""}` : `not ready: ${result2.readiness.reasons.join("; ")}`;
    info(`handoff: ${summary2}`);
    await summary.addHeading("codexrel handoff", 3).addRaw(`${escapeMarkdownShort(summary2, 2e3)}
`).write();
    return;
  }
  if (mode === "plan") {
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "plan mode needs github-token",
        "Pass github-token (issues: write)."
      );
    const posted = await postPlanForApproval(github.comments(thread), {
      plan: await readOptional("plan-file") ?? "",
      title,
      threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
      secrets,
      now: /* @__PURE__ */ new Date()
    });
    await writeFile(bodyOut, posted.body);
    const written = posted.comment;
    setOutputs({
      result: written.action,
      "comment-id": String(written.id),
      "comment-url": written.url,
      "body-out": bodyOut
    });
    info(`plan comment ${written.action}: ${written.url}; progress ${posted.progress.result}`);
    return;
  }
  if (mode === "release-plan") {
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "release-plan mode needs github-token",
        "Pass github-token (issues: write)."
      );
    const posted = await postReleasePlan(github.comments(thread), {
      body: text("issue-body", { raw: true }),
      title: text("title") || title,
      threadLabel: `issue #${thread.number}`,
      secrets,
      now: /* @__PURE__ */ new Date()
    });
    await writeFile(bodyOut, posted.plan);
    const routed = await readOptional("prompt-file");
    let promptOut = "";
    if (posted.complete && routed !== null) {
      promptOut = join(dir, "release-plan-prompt.md");
      await writeFile(promptOut, releasePlanPrompt(routed, posted.plan));
    }
    setOutputs({
      result: posted.comment.action,
      "comment-id": String(posted.comment.id),
      "comment-url": posted.comment.url,
      "body-out": bodyOut,
      "intake-complete": String(posted.complete),
      "prompt-out": promptOut
    });
    for (const p of posted.problems) warning(redact(`release request: ${p.label}: ${p.message}`, { secrets }));
    info(
      redact(
        `release plan ${posted.comment.action}: ${posted.comment.url} (${posted.complete ? "complete" : `missing: ${posted.problems.map((p) => p.label).join(", ")}`})`,
        { secrets }
      )
    );
    return;
  }
  const update = {};
  const plan = await readOptional("plan-file");
  if (plan !== null) update.steps = parsePlan(plan);
  const titleInput = text("title") || title;
  if (titleInput) update.title = titleInput;
  const active = text("active-step");
  if (active) update.activeStep = /^\d+$/.test(active) ? Number(active) : active;
  const complete = list("complete-steps", { split: "commas" });
  if (complete.length) update.completeSteps = complete.map((s) => /^\d+$/.test(s) ? Number(s) : s);
  if (text("tests")) update.testsRun = list("tests").map(parseTestLine);
  const blockers = list("blockers");
  if (blockers.length) update.blockers = blockers.length === 1 && blockers[0]?.toLowerCase() === "none" ? [] : blockers;
  if (text("next-action")) update.nextAction = text("next-action");
  const recap = await readOptional("recap-file");
  if (recap !== null) update.recap = recap;
  if (/^https?:\/\//.test(text("run-url"))) update.runUrl = text("run-url");
  const body = await readOptional("body-file");
  const result = await updateProgressComment(github ? github.comments(thread) : null, {
    mode,
    update,
    scope: text("scope") || null,
    body,
    threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
    secrets,
    dryRun: dryRun || !github,
    now: /* @__PURE__ */ new Date()
  });
  await writeFile(bodyOut, result.body);
  if (!github && !dryRun) warning("progress-comment: no github-token, so the comment was rendered but not posted");
  setOutputs({
    result: result.result,
    "comment-id": result.comment ? String(result.comment.id) : "",
    "comment-url": result.comment?.url ?? "",
    "body-out": bodyOut
  });
  info(`progress comment ${result.result}${result.comment ? `: ${result.comment.url}` : ""}`);
  if (dryRun) await summary.addHeading("codexrel progress (dry run)", 3).addRaw(result.body).write();
}
try {
  await run();
} catch (error) {
  const coded = toCodexrelError(error);
  const text2 = redact(formatError(coded), { secrets });
  setOutputs({ result: "failed", error: `${coded.code}: ${coded.message}` });
  await summary.addHeading("codexrel progress-comment", 3).addRaw(`**failed** (advisory): ${escapeMarkdownShort(text2, 1e3)}
`).write();
  warning(`${text2} (advisory: not failing the job)`);
}
