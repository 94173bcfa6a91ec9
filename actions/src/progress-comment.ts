/**
 * Entry of actions/progress-comment: one progress comment per thread (and scope), updated in place.
 * Modes: update (running), done, fail, cancel (for `if: cancelled()` steps), and handoff (a PR
 * whose checks pass and whose review threads are resolved is marked ready, with a handoff comment).
 * Always advisory: a failure is reported in the outputs, the summary and a warning; exit 0.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { escapeMarkdownShort, formatError, redact, type Thread, toCodexrelError } from "@codexrel/core";
import {
  type ProgressMode,
  type ProgressUpdate,
  parsePlan,
  parseTestLine,
  postPlanForApproval,
  postReleasePlan,
  releasePlanPrompt,
  type Task,
  ThreadsErrorCodes,
  type ThreadsGitHub,
  threadsError,
  updateProgressComment,
} from "@codexrel/threads";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";
import { githubPorts } from "./_threads-github.js";

const env = process.env;
const cwd = env.GITHUB_WORKSPACE ?? process.cwd();
const token = inputs.text("github-token");
const secrets = actionSecrets();
const OUTPUTS = [
  "result",
  "comment-id",
  "comment-url",
  "body-out",
  "ready",
  "error",
  "intake-complete",
  "prompt-out",
] as const;
const MODES = new Set(["update", "done", "fail", "cancel", "handoff", "plan", "release-plan"]);

function setOutputs(values: Partial<Record<(typeof OUTPUTS)[number], string>>): void {
  for (const name of OUTPUTS) core.setOutput(name, values[name] ?? "");
}

async function readOptional(name: string): Promise<string | null> {
  const file = inputs.text(name);
  if (!file) return null;
  return readFile(resolve(cwd, file), "utf8");
}

async function threadOf(github: ThreadsGitHub | null): Promise<{ thread: Thread; title: string | null }> {
  const taskFile = inputs.text("task-file");
  if (taskFile) {
    const task = JSON.parse(await readFile(resolve(cwd, taskFile), "utf8")) as Task;
    if (task.thread) return { thread: task.thread, title: task.title };
  }
  if (inputs.text("thread")) {
    if (!github) {
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "thread needs github-token to resolve",
        "Pass github-token, or task-file from route-event.",
      );
    }
    return { thread: await github.resolveThread(inputs.text("thread")), title: null };
  }
  throw threadsError(
    ThreadsErrorCodes.THREAD_NOT_FOUND,
    "no thread: the task file names none and no thread input was given",
    "Pass task-file from route-event, or thread: owner/repo#123.",
  );
}

async function run(): Promise<void> {
  const mode = inputs.text("mode") || "update";
  if (!MODES.has(mode)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `mode ${JSON.stringify(mode)} is unknown`,
      "Use update, done, fail, cancel, handoff, plan or release-plan.",
    );
  }
  const dryRun = inputs.flag("dry-run", false);
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const { thread, title } = await threadOf(github);
  const dir = join(env.RUNNER_TEMP || join(cwd, ".codexrel"), `codexrel-progress-${env.GITHUB_RUN_ID ?? "local"}`);
  await mkdir(dir, { recursive: true });
  const bodyOut = join(dir, `${inputs.text("scope") || "progress"}-${mode}.md`);

  if (mode === "handoff") {
    if (thread.kind !== "pr") {
      setOutputs({ result: "unchanged", ready: "false" });
      core.info("handoff: the thread is an issue; nothing to hand off");
      return;
    }
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "handoff needs github-token",
        "Pass github-token (pull-requests: write).",
      );
    const openedBy = inputs.flag("require-opened-by-worker", false)
      ? { login: await github.viewerLogin(), branchPrefix: inputs.text("branch-prefix") || "codex/" }
      : undefined;
    const result = await github.handoff(thread, {
      ignoreChecks: inputs.list("ignore-checks", { split: "commas" }),
      dryRun,
      ...(openedBy ? { openedBy } : {}),
    });
    if (result.body) await writeFile(bodyOut, result.body);
    setOutputs({
      result: result.comment?.action ?? (dryRun ? "dry-run" : "unchanged"),
      "comment-id": result.comment ? String(result.comment.id) : "",
      "comment-url": result.comment?.url ?? "",
      "body-out": result.body ? bodyOut : "",
      ready: String(result.ready),
    });
    const summary = result.ready
      ? `ready for review${result.markedReady ? " (draft marked ready)" : ""}`
      : `not ready: ${result.readiness.reasons.join("; ")}`;
    core.info(`handoff: ${summary}`);
    await core.summary
      .addHeading("codexrel handoff", 3)
      .addRaw(`${escapeMarkdownShort(summary, 2000)}\n`)
      .write();
    return;
  }

  if (mode === "plan") {
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "plan mode needs github-token",
        "Pass github-token (issues: write).",
      );
    const posted = await postPlanForApproval(github.comments(thread), {
      plan: (await readOptional("plan-file")) ?? "",
      title,
      threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
      secrets,
      now: new Date(),
    });
    await writeFile(bodyOut, posted.body);
    const written = posted.comment;
    setOutputs({
      result: written.action,
      "comment-id": String(written.id),
      "comment-url": written.url,
      "body-out": bodyOut,
    });
    core.info(`plan comment ${written.action}: ${written.url}; progress ${posted.progress.result}`);
    return;
  }

  if (mode === "release-plan") {
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "release-plan mode needs github-token",
        "Pass github-token (issues: write).",
      );
    // Stage 0: the plan comes from the release request itself (the issue form's answers), posted
    // before the agent runs; missing answers are named, and the agent does not run on guesses.
    const posted = await postReleasePlan(github.comments(thread), {
      body: inputs.text("issue-body", { raw: true }),
      title: inputs.text("title") || title,
      threadLabel: `issue #${thread.number}`,
      secrets,
      now: new Date(),
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
      "prompt-out": promptOut,
    });
    // The problems can quote the request's answers (untrusted): redacted like everything we print.
    for (const p of posted.problems) core.warning(redact(`release request: ${p.label}: ${p.message}`, { secrets }));
    core.info(
      redact(
        `release plan ${posted.comment.action}: ${posted.comment.url} (${posted.complete ? "complete" : `missing: ${posted.problems.map((p) => p.label).join(", ")}`})`,
        { secrets },
      ),
    );
    return;
  }

  const update: ProgressUpdate = {};
  const plan = await readOptional("plan-file");
  if (plan !== null) update.steps = parsePlan(plan);
  const titleInput = inputs.text("title") || title;
  if (titleInput) update.title = titleInput;
  const active = inputs.text("active-step");
  if (active) update.activeStep = /^\d+$/.test(active) ? Number(active) : active;
  const complete = inputs.list("complete-steps", { split: "commas" });
  if (complete.length) update.completeSteps = complete.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (inputs.text("tests")) update.testsRun = inputs.list("tests").map(parseTestLine);
  const blockers = inputs.list("blockers");
  if (blockers.length) update.blockers = blockers.length === 1 && blockers[0]?.toLowerCase() === "none" ? [] : blockers;
  if (inputs.text("next-action")) update.nextAction = inputs.text("next-action");
  const recap = await readOptional("recap-file");
  if (recap !== null) update.recap = recap;
  if (/^https?:\/\//.test(inputs.text("run-url"))) update.runUrl = inputs.text("run-url");
  const body = await readOptional("body-file");

  const result = await updateProgressComment(github ? github.comments(thread) : null, {
    mode: mode as ProgressMode,
    update,
    scope: inputs.text("scope") || null,
    body,
    threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
    secrets,
    dryRun: dryRun || !github,
    now: new Date(),
  });
  await writeFile(bodyOut, result.body);
  if (!github && !dryRun) core.warning("progress-comment: no github-token, so the comment was rendered but not posted");
  setOutputs({
    result: result.result,
    "comment-id": result.comment ? String(result.comment.id) : "",
    "comment-url": result.comment?.url ?? "",
    "body-out": bodyOut,
  });
  core.info(`progress comment ${result.result}${result.comment ? `: ${result.comment.url}` : ""}`);
  if (dryRun) await core.summary.addHeading("codexrel progress (dry run)", 3).addRaw(result.body).write();
}

try {
  await run();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  setOutputs({ result: "failed", error: `${coded.code}: ${coded.message}` });
  await core.summary
    .addHeading("codexrel progress-comment", 3)
    .addRaw(`**failed** (advisory): ${escapeMarkdownShort(text, 1000)}\n`)
    .write();
  core.warning(`${text} (advisory: not failing the job)`);
}
