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
  postReleasePlan,
  releasePlanPrompt,
  renderPlanComment,
  type Task,
  ThreadsErrorCodes,
  type ThreadsGitHub,
  threadsError,
  updateProgressComment,
} from "@codexrel/threads";
import { namedSecrets } from "./_secrets.js";
import { githubPorts } from "./_threads-github.js";

const env = process.env;
const input = (name: string): string => (env[`INPUT_${name}`] ?? "").trim();
const lines = (name: string, split = /\r?\n/): string[] =>
  input(name)
    .split(split)
    .map((s) => s.trim())
    .filter(Boolean);
const cwd = env.GITHUB_WORKSPACE ?? process.cwd();
const token = input("GITHUB_TOKEN");
if (token) core.setSecret(token);
const secrets = [token, env.GITHUB_TOKEN, env.OPENAI_API_KEY, ...namedSecrets()].filter((s): s is string => Boolean(s));
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
  const file = input(name);
  if (!file) return null;
  return readFile(resolve(cwd, file), "utf8");
}

async function threadOf(github: ThreadsGitHub | null): Promise<{ thread: Thread; title: string | null }> {
  const taskFile = input("TASK_FILE");
  if (taskFile) {
    const task = JSON.parse(await readFile(resolve(cwd, taskFile), "utf8")) as Task;
    if (task.thread) return { thread: task.thread, title: task.title };
  }
  if (input("THREAD")) {
    if (!github) {
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "thread needs github-token to resolve",
        "Pass github-token, or task-file from route-event.",
      );
    }
    return { thread: await github.resolveThread(input("THREAD")), title: null };
  }
  throw threadsError(
    ThreadsErrorCodes.THREAD_NOT_FOUND,
    "no thread: the task file names none and no thread input was given",
    "Pass task-file from route-event, or thread: owner/repo#123.",
  );
}

/** The first lines of the plan's Objective, as the planning turn's recap. */
function recapOf(plan: string): string {
  return `Planning: a plan with ${parsePlan(plan).length} step(s) was posted for approval.`;
}

async function run(): Promise<void> {
  const mode = input("MODE") || "update";
  if (!MODES.has(mode)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `mode ${JSON.stringify(mode)} is unknown`,
      "Use update, done, fail, cancel, handoff, plan or release-plan.",
    );
  }
  const dryRun = input("DRY_RUN") === "true";
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const { thread, title } = await threadOf(github);
  const dir = join(env.RUNNER_TEMP || join(cwd, ".codexrel"), `codexrel-progress-${env.GITHUB_RUN_ID ?? "local"}`);
  await mkdir(dir, { recursive: true });
  const bodyOut = join(dir, `${input("SCOPE") || "progress"}-${mode}.md`);

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
    const openedBy =
      input("REQUIRE_OPENED_BY_WORKER") === "true"
        ? { login: await github.viewerLogin(), branchPrefix: input("BRANCH_PREFIX") || "codex/" }
        : undefined;
    const result = await github.handoff(thread, {
      ignoreChecks: lines("IGNORE_CHECKS", /[\n,]/),
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
    const plan = (await readOptional("PLAN_FILE")) ?? "";
    if (!plan.trim()) {
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "plan mode needs a non-empty plan-file",
        "Pass the agent's last message as plan-file.",
      );
    }
    if (!github)
      throw threadsError(
        ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
        "plan mode needs github-token",
        "Pass github-token (issues: write).",
      );
    // The plan comment: codexrel writes the marker itself; the agent's text is sanitized, so a
    // marker inside it is shown, never promoted.
    const planBody = renderPlanComment(plan, secrets);
    const written = await github.comments(thread).upsert({ kind: "plan" }, planBody);
    // The progress checklist is seeded from the plan's Task Breakdown; the run waits for approval.
    const result = await updateProgressComment(github.comments(thread), {
      mode: "wait",
      update: {
        steps: parsePlan(plan),
        ...(title ? { title } : {}),
        nextAction: "Plan posted: reply `execute plan` to implement it (or comment to change it).",
        ...(recapOf(plan) ? { recap: recapOf(plan) } : {}),
      },
      threadLabel: `${thread.kind === "pr" ? "PR" : "issue"} #${thread.number}`,
      secrets,
      now: new Date(),
    });
    await writeFile(bodyOut, planBody);
    setOutputs({
      result: written.action,
      "comment-id": String(written.id),
      "comment-url": written.url,
      "body-out": bodyOut,
    });
    core.info(`plan comment ${written.action}: ${written.url}; progress ${result.result}`);
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
      body: env.INPUT_ISSUE_BODY ?? "",
      title: input("TITLE") || title,
      threadLabel: `issue #${thread.number}`,
      secrets,
      now: new Date(),
    });
    await writeFile(bodyOut, posted.plan);
    const routed = await readOptional("PROMPT_FILE");
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
  const plan = await readOptional("PLAN_FILE");
  if (plan !== null) update.steps = parsePlan(plan);
  const titleInput = input("TITLE") || title;
  if (titleInput) update.title = titleInput;
  const active = input("ACTIVE_STEP");
  if (active) update.activeStep = /^\d+$/.test(active) ? Number(active) : active;
  const complete = lines("COMPLETE_STEPS", /[\n,]/);
  if (complete.length) update.completeSteps = complete.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (input("TESTS")) update.testsRun = lines("TESTS").map(parseTestLine);
  const blockers = lines("BLOCKERS");
  if (blockers.length) update.blockers = blockers.length === 1 && blockers[0]?.toLowerCase() === "none" ? [] : blockers;
  if (input("NEXT_ACTION")) update.nextAction = input("NEXT_ACTION");
  const recap = await readOptional("RECAP_FILE");
  if (recap !== null) update.recap = recap;
  if (/^https?:\/\//.test(input("RUN_URL"))) update.runUrl = input("RUN_URL");
  const body = await readOptional("BODY_FILE");

  const result = await updateProgressComment(github ? github.comments(thread) : null, {
    mode: mode as ProgressMode,
    update,
    scope: input("SCOPE") || null,
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
