// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  RELAY_EVENT_TYPE,
  commitProcessed,
  completeRoutedTask,
  createDirStateStore,
  githubPorts,
  mergeDrained,
  parseRelayRequest,
  processedItemsOf,
  promptWithThread,
  relayRequest,
  routeEvent
} from "./chunks/chunk-OG2JBXRU.js";
import "./chunks/chunk-3GVAX7VE.js";
import {
  actionSecrets,
  escapeMarkdownShort,
  flag,
  formatError,
  info,
  invalid,
  list,
  mode,
  optionalFlag,
  parseConfig,
  redact,
  required,
  setFailed,
  setOutput,
  summary,
  text,
  toCodexrelError,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/route-event.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var env = process.env;
var cwd = env.GITHUB_WORKSPACE ?? process.cwd();
var mode2 = mode();
var token = text("github-token");
var secrets = actionSecrets();
var OUTPUTS = [
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
  "error"
];
function setOutputs(values) {
  for (const name of OUTPUTS) setOutput(name, values[name] ?? "");
}
function taskOutputs(task) {
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
    branch: task.branch ?? ""
  };
}
async function outDir() {
  const base = env.RUNNER_TEMP || join(cwd, ".codexrel");
  const dir = join(base, `codexrel-route-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_ACTION ?? "step"}`);
  await mkdir(dir, { recursive: true });
  return dir;
}
function routingConfig(fromFile) {
  const config = { ...fromFile };
  if (text("bot-name")) config.botName = text("bot-name");
  const selfLogins = list("self-logins", { split: "commas" });
  if (selfLogins.length > 0) config.selfLogins = selfLogins;
  const associations = list("allowed-associations", { split: "commas" });
  if (associations.length > 0) {
    config.allowedAssociations = associations.map((a) => a.toUpperCase());
  }
  if (text("trigger-label")) config.triggerLabel = text("trigger-label");
  const requireMention = optionalFlag("require-mention");
  if (requireMention !== void 0) config.requireMention = requireMention;
  return config;
}
async function commit(file) {
  const stateDir = text("state-dir");
  const task = JSON.parse(await readFile(resolve(cwd, file), "utf8"));
  setOutputs({ ...taskOutputs(task), "task-file": resolve(cwd, file), drained: String(task.drained?.length ?? 0) });
  if (!stateDir) throw required("state-dir");
  if (!task.threadKey || task.action === "ignore" || task.action === "duplicate") {
    info(`nothing to record: ${task.action}`);
    return;
  }
  const items = processedItemsOf(task);
  const state = await commitProcessed(createDirStateStore(resolve(cwd, stateDir)), task.threadKey, items, /* @__PURE__ */ new Date());
  info(`recorded ${items.length} item(s) for ${task.threadKey}; ${state.seen.length} processed key(s)`);
}
async function sendRelayStep(text2) {
  const request = parseRelayRequest(text2);
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw invalid(
      "GITHUB_REPOSITORY",
      "is not owner/name",
      "Run send-relay in GitHub Actions (it relays within the run's repository)."
    );
  }
  if (!token) throw required("github-token");
  const github = githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL });
  await github.relay(repository, request);
  setOutputs({ repository, kind: "pr", number: String(request.number), relay: JSON.stringify(request) });
  const what = `${request.event}${request.id !== null ? ` ${request.id}` : ""} on PR #${request.number}`;
  info(`relayed ${what}: repository_dispatch ${RELAY_EVENT_TYPE} sent`);
  await summary.addHeading("codexrel route-event", 3).addRaw(
    `**relayed** ${what} to a run on the default branch (\`repository_dispatch\` ${RELAY_EVENT_TYPE}), so the thread's session is saved where its other runs read it.
`
  ).write();
}
var routed = null;
async function route() {
  const want = {
    prHead: flag("pr-head", true),
    drain: flag("drain", false),
    reviewContext: flag("review-context", true),
    relay: flag("relay", false)
  };
  const eventPath = text("event-path");
  const eventName = text("event-name");
  const payload = JSON.parse(await readFile(resolve(cwd, eventPath), "utf8"));
  const configFile = text("config");
  const fromFile = configFile ? parseConfig(await readFile(resolve(cwd, configFile), "utf8"), configFile).threads ?? {} : {};
  const config = routingConfig(fromFile);
  const stateDir = text("state-dir");
  const store = stateDir ? createDirStateStore(resolve(cwd, stateDir)) : void 0;
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const live = await routeEvent({
    eventName,
    payload,
    deliveryId: text("delivery-id") || null,
    config,
    ...github ? { permissions: github.permissions } : {},
    ...store ? { state: store } : {}
  });
  routed = mergeDrained(live, null);
  const { task, headRef, refused, sessionFallback } = await completeRoutedTask({
    live,
    github,
    store,
    config,
    prHead: want.prHead,
    drain: want.drain,
    reviewContext: want.reviewContext,
    warn: (message) => warning(message)
  });
  const relay = want.relay && !refused ? relayRequest(task) : null;
  const dir = await outDir();
  const files = {
    prompt: join(dir, "prompt.md"),
    prBody: join(dir, "pr-body.md"),
    task: join(dir, "task.json")
  };
  const working = task.action !== "ignore" && task.action !== "duplicate";
  await writeFile(files.prompt, working ? promptWithThread(task) : "");
  await writeFile(files.prBody, task.prBody ?? "");
  await writeFile(files.task, `${JSON.stringify(task, null, 2)}
`);
  setOutputs({
    ...taskOutputs(task),
    "prompt-file": working ? files.prompt : "",
    "pr-body-file": task.prBody ? files.prBody : "",
    "task-file": files.task,
    drained: String(task.drained.length),
    "head-ref": headRef,
    refused: String(refused),
    "session-fallback": sessionFallback,
    relay: relay ? JSON.stringify(relay) : ""
  });
  const where = task.thread ? `${task.thread.repository}#${task.thread.number} (${task.thread.kind})` : "no thread";
  info(`${task.action}${task.stage ? ` \xB7 ${task.stage}` : ""} \xB7 ${where}: ${redact(task.reason, { secrets })}`);
  await summary.addHeading("codexrel route-event", 3).addRaw(
    `**${task.action}**${task.stage ? ` \xB7 ${task.stage}` : ""} \xB7 ${where} \u2014 ${escapeMarkdownShort(task.reason, 500)} (\`${task.reasonCode}\`)${task.drained.length ? `; ${task.drained.length} queued request(s) drained` : ""}${relay ? "; to be relayed to a run on the default branch" : ""}
`
  ).write();
}
try {
  const commitFile = text("commit");
  const relayText = text("send-relay");
  if (commitFile) await commit(commitFile);
  else if (relayText) await sendRelayStep(relayText);
  else await route();
} catch (error) {
  const coded = toCodexrelError(error);
  const text2 = redact(formatError(coded), { secrets });
  const hint = coded.hint ? ` ${redact(coded.hint, { secrets })}` : "";
  const kept = routed;
  if (kept && kept.action !== "ignore" && kept.action !== "duplicate") {
    const dir = await outDir();
    const taskFile = join(dir, "task.json");
    await writeFile(taskFile, `${JSON.stringify(kept, null, 2)}
`);
    setOutputs({
      ...taskOutputs(kept),
      action: "ignore",
      "reason-code": coded.code,
      reason: text2.split("\n")[0] ?? "",
      "task-file": taskFile,
      error: redact(`${coded.code}: ${coded.message}.${hint}`, { secrets }).replace(/[\r\n]+/g, " ")
    });
  } else {
    setOutputs({
      action: "ignore",
      "reason-code": coded.code,
      reason: text2.split("\n")[0] ?? "",
      // The hint too: a failed relay is reported on the thread with the permission to add.
      error: redact(`${coded.code}: ${coded.message}.${hint}`, { secrets }).replace(/[\r\n]+/g, " ")
    });
  }
  await summary.addHeading("codexrel route-event", 3).addRaw(`**failed**: ${escapeMarkdownShort(text2, 1e3)}
`).write();
  if (mode2 === "blocking") setFailed(text2);
  else warning(`${text2} (advisory mode: not failing the job)`);
}
