/**
 * Entry of actions/route-event: reads INPUT_* (set by the composite action's `env:`), routes the
 * event with @codexrel/threads, writes the prompt, PR body and task to files, and sets outputs and
 * the job summary. Untrusted text never goes into an output that a workflow could paste into a
 * script: it stays in files. Advisory mode (default) turns an error into action=ignore + `error`.
 *
 * With `commit: <task-file>` it records that task (and the comments it drained) as processed in
 * `state-dir` instead, so replays of it route to `duplicate`. With `relay: true` a review or review
 * comment routed to work comes out as a `relay` request instead of being worked on here, and
 * `send-relay: <request>` sends one as a repository_dispatch (@codexrel/threads relay-request.ts
 * says why: the cache scope of review runs).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { escapeMarkdownShort, formatError, parseConfig, redact, toCodexrelError } from "@codexrel/core";
import {
  commitProcessed,
  completeRoutedTask,
  createDirStateStore,
  type DrainedTask,
  mergeDrained,
  parseRelayRequest,
  processedItemsOf,
  promptWithThread,
  RELAY_EVENT_TYPE,
  type RoutingConfigInput,
  relayRequest,
  routeEvent,
  type Task,
} from "@codexrel/threads";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";
import { githubPorts } from "./_threads-github.js";

const env = process.env;
const cwd = env.GITHUB_WORKSPACE ?? process.cwd();
const mode = inputs.mode();
const token = inputs.text("github-token");
const secrets = actionSecrets();

const OUTPUTS = [
  "action",
  "stage",
  "reason",
  "reason-code",
  "repository",
  "kind",
  "number",
  "thread-key",
  "concurrency-group",
  "branch",
  "prompt-file",
  "pr-body-file",
  "task-file",
  "drained",
  "head-ref",
  "refused",
  "session-fallback",
  "relay",
  "error",
] as const;

function setOutputs(values: Partial<Record<(typeof OUTPUTS)[number], string>>): void {
  for (const name of OUTPUTS) core.setOutput(name, values[name] ?? "");
}

function taskOutputs(task: Task): Partial<Record<(typeof OUTPUTS)[number], string>> {
  return {
    action: task.action,
    stage: task.stage ?? "",
    reason: redact(task.reason.replace(/[\r\n]+/g, " "), { secrets }),
    "reason-code": task.reasonCode,
    repository: task.thread?.repository ?? "",
    kind: task.thread?.kind ?? "",
    number: task.thread ? String(task.thread.number) : "",
    "thread-key": task.threadKey ?? "",
    "concurrency-group": task.concurrencyGroup ?? "",
    branch: task.branch ?? "",
  };
}

async function outDir(): Promise<string> {
  const base = env.RUNNER_TEMP || join(cwd, ".codexrel");
  const dir = join(base, `codexrel-route-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_ACTION ?? "step"}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

function routingConfig(fromFile: RoutingConfigInput): RoutingConfigInput {
  const config: RoutingConfigInput = { ...fromFile };
  if (inputs.text("bot-name")) config.botName = inputs.text("bot-name");
  const selfLogins = inputs.list("self-logins", { split: "commas" });
  if (selfLogins.length > 0) config.selfLogins = selfLogins;
  const associations = inputs.list("allowed-associations", { split: "commas" });
  if (associations.length > 0) {
    config.allowedAssociations = associations.map((a) => a.toUpperCase()) as RoutingConfigInput["allowedAssociations"];
  }
  if (inputs.text("trigger-label")) config.triggerLabel = inputs.text("trigger-label");
  const requireMention = inputs.optionalFlag("require-mention");
  if (requireMention !== undefined) config.requireMention = requireMention;
  return config;
}

async function commit(file: string): Promise<void> {
  const stateDir = inputs.text("state-dir");
  const task = JSON.parse(await readFile(resolve(cwd, file), "utf8")) as DrainedTask;
  setOutputs({ ...taskOutputs(task), "task-file": resolve(cwd, file), drained: String(task.drained?.length ?? 0) });
  if (!stateDir) throw inputs.required("state-dir");
  if (!task.threadKey || task.action === "ignore" || task.action === "duplicate") {
    core.info(`nothing to record: ${task.action}`);
    return;
  }
  const items = processedItemsOf(task);
  const state = await commitProcessed(createDirStateStore(resolve(cwd, stateDir)), task.threadKey, items, new Date());
  core.info(`recorded ${items.length} item(s) for ${task.threadKey}; ${state.seen.length} processed key(s)`);
}

/** Sends an earlier step's `relay` output as a repository_dispatch; says so only once GitHub took it. */
async function sendRelayStep(text: string): Promise<void> {
  const request = parseRelayRequest(text);
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw inputs.invalid(
      "GITHUB_REPOSITORY",
      "is not owner/name",
      "Run send-relay in GitHub Actions (it relays within the run's repository).",
    );
  }
  if (!token) throw inputs.required("github-token");
  const github = githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL });
  await github.relay(repository, request);
  setOutputs({ repository, kind: "pr", number: String(request.number), relay: JSON.stringify(request) });
  const what = `${request.event}${request.id !== null ? ` ${request.id}` : ""} on PR #${request.number}`;
  core.info(`relayed ${what}: repository_dispatch ${RELAY_EVENT_TYPE} sent`);
  await core.summary
    .addHeading("codexrel route-event", 3)
    .addRaw(
      `**relayed** ${what} to a run on the default branch (\`repository_dispatch\` ${RELAY_EVENT_TYPE}), so the thread's session is saved where its other runs read it.\n`,
    )
    .write();
}

/** The task as routed before the GitHub reads (drain, PR head, review context) that may fail. */
let routed: DrainedTask | null = null;

async function route(): Promise<void> {
  // Every switch is read before routing: a bad value is an input error, never a failed GitHub read.
  const want = {
    prHead: inputs.flag("pr-head", true),
    drain: inputs.flag("drain", false),
    reviewContext: inputs.flag("review-context", true),
    relay: inputs.flag("relay", false),
  };
  const eventPath = inputs.text("event-path");
  const eventName = inputs.text("event-name");
  const payload = JSON.parse(await readFile(resolve(cwd, eventPath), "utf8")) as unknown;
  const configFile = inputs.text("config");
  const fromFile = configFile
    ? (parseConfig(await readFile(resolve(cwd, configFile), "utf8"), configFile).threads ?? {})
    : {};
  const config = routingConfig(fromFile);
  const stateDir = inputs.text("state-dir");
  const store = stateDir ? createDirStateStore(resolve(cwd, stateDir)) : undefined;
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const live = await routeEvent({
    eventName,
    payload,
    deliveryId: inputs.text("delivery-id") || null,
    config,
    ...(github ? { permissions: github.permissions } : {}),
    ...(store ? { state: store } : {}),
  });
  // Kept for the error path: a read below that fails still reports the task as routed.
  routed = mergeDrained(live, null);
  const { task, headRef, refused, sessionFallback } = await completeRoutedTask({
    live,
    github,
    store,
    config,
    prHead: want.prHead,
    drain: want.drain,
    reviewContext: want.reviewContext,
    warn: (message) => core.warning(message),
  });
  const relay = want.relay && !refused ? relayRequest(task) : null;

  const dir = await outDir();
  const files = {
    prompt: join(dir, "prompt.md"),
    prBody: join(dir, "pr-body.md"),
    task: join(dir, "task.json"),
  };
  const working = task.action !== "ignore" && task.action !== "duplicate";
  await writeFile(files.prompt, working ? promptWithThread(task) : "");
  await writeFile(files.prBody, task.prBody ?? "");
  await writeFile(files.task, `${JSON.stringify(task, null, 2)}\n`);
  setOutputs({
    ...taskOutputs(task),
    "prompt-file": working ? files.prompt : "",
    "pr-body-file": task.prBody ? files.prBody : "",
    "task-file": files.task,
    drained: String(task.drained.length),
    "head-ref": headRef,
    refused: String(refused),
    "session-fallback": sessionFallback,
    relay: relay ? JSON.stringify(relay) : "",
  });
  const where = task.thread ? `${task.thread.repository}#${task.thread.number} (${task.thread.kind})` : "no thread";
  core.info(`${task.action}${task.stage ? ` · ${task.stage}` : ""} · ${where}: ${redact(task.reason, { secrets })}`);
  await core.summary
    .addHeading("codexrel route-event", 3)
    .addRaw(
      `**${task.action}**${task.stage ? ` · ${task.stage}` : ""} · ${where} — ${escapeMarkdownShort(task.reason, 500)} (\`${task.reasonCode}\`)${task.drained.length ? `; ${task.drained.length} queued request(s) drained` : ""}${relay ? "; to be relayed to a run on the default branch" : ""}\n`,
    )
    .write();
}

try {
  const commitFile = inputs.text("commit");
  const relayText = inputs.text("send-relay");
  if (commitFile) await commit(commitFile);
  else if (relayText) await sendRelayStep(relayText);
  else await route();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  const hint = coded.hint ? ` ${redact(coded.hint, { secrets })}` : "";
  const kept = routed as DrainedTask | null; // set inside route(); TypeScript cannot see that
  if (kept && kept.action !== "ignore" && kept.action !== "duplicate") {
    // The event was routed to work, then a read failed (a 403 for a missing permission, most
    // often): never a silent `ignore`. The task file is written so the failure step can say why
    // on the thread's progress comment; the error names the permission to add.
    const dir = await outDir();
    const taskFile = join(dir, "task.json");
    await writeFile(taskFile, `${JSON.stringify(kept, null, 2)}\n`);
    // Nothing runs on a partial queue or without its review context: action=ignore, but the
    // thread, the task file and the coded error (with the permission to add) stay in the outputs.
    setOutputs({
      ...taskOutputs(kept),
      action: "ignore",
      "reason-code": coded.code,
      reason: text.split("\n")[0] ?? "",
      "task-file": taskFile,
      error: redact(`${coded.code}: ${coded.message}.${hint}`, { secrets }).replace(/[\r\n]+/g, " "),
    });
  } else {
    setOutputs({
      action: "ignore",
      "reason-code": coded.code,
      reason: text.split("\n")[0] ?? "",
      // The hint too: a failed relay is reported on the thread with the permission to add.
      error: redact(`${coded.code}: ${coded.message}.${hint}`, { secrets }).replace(/[\r\n]+/g, " "),
    });
  }
  await core.summary
    .addHeading("codexrel route-event", 3)
    .addRaw(`**failed**: ${escapeMarkdownShort(text, 1000)}\n`)
    .write();
  if (mode === "blocking") core.setFailed(text);
  else core.warning(`${text} (advisory mode: not failing the job)`);
}
