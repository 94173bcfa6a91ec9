// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  commitProcessed,
  createDirStateStore,
  emptyThreadState,
  githubPorts,
  mergeDrained,
  processedItem,
  promptWithThread,
  renderReviewContext,
  routeEvent
} from "./chunks/chunk-FV3FO3N4.js";
import "./chunks/chunk-6IDBLKYS.js";
import {
  escapeMarkdownShort,
  formatError,
  info,
  namedSecrets,
  parseConfig,
  redact,
  setFailed,
  setOutput,
  setSecret,
  summary,
  toCodexrelError,
  warning
} from "./chunks/chunk-DRO4LOPC.js";

// src/route-event.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
var env = process.env;
var input = (name) => (env[`INPUT_${name}`] ?? "").trim();
var list = (name) => input(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
var cwd = env.GITHUB_WORKSPACE ?? process.cwd();
var mode = input("MODE") === "blocking" ? "blocking" : "advisory";
var token = input("GITHUB_TOKEN");
if (token) setSecret(token);
var secrets = [token, env.GITHUB_TOKEN, ...namedSecrets()].filter((s) => Boolean(s));
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
  if (input("BOT_NAME")) config.botName = input("BOT_NAME");
  if (input("SELF_LOGINS")) config.selfLogins = list("SELF_LOGINS");
  if (input("ALLOWED_ASSOCIATIONS")) {
    config.allowedAssociations = list("ALLOWED_ASSOCIATIONS").map(
      (a) => a.toUpperCase()
    );
  }
  if (input("TRIGGER_LABEL")) config.triggerLabel = input("TRIGGER_LABEL");
  if (input("REQUIRE_MENTION")) config.requireMention = input("REQUIRE_MENTION") === "true";
  return config;
}
async function commit(file) {
  const stateDir = input("STATE_DIR");
  const task = JSON.parse(await readFile(resolve(cwd, file), "utf8"));
  setOutputs({ ...taskOutputs(task), "task-file": resolve(cwd, file), drained: String(task.drained?.length ?? 0) });
  if (!stateDir) throw new Error("commit needs state-dir");
  if (!task.threadKey || task.action === "ignore" || task.action === "duplicate") {
    info(`nothing to record: ${task.action}`);
    return;
  }
  const items = [task, ...task.drained ?? []].map(processedItem);
  if (task.drainCursor != null)
    items.push({ dedupeKey: null, source: { cursor: "issueComment", id: task.drainCursor } });
  const state = await commitProcessed(createDirStateStore(resolve(cwd, stateDir)), task.threadKey, items, /* @__PURE__ */ new Date());
  info(`recorded ${items.length} item(s) for ${task.threadKey}; ${state.seen.length} processed key(s)`);
}
var routed = null;
async function route() {
  const eventPath = input("EVENT_PATH");
  const eventName = input("EVENT_NAME");
  const payload = JSON.parse(await readFile(resolve(cwd, eventPath), "utf8"));
  const configFile = input("CONFIG");
  const fromFile = configFile ? parseConfig(await readFile(resolve(cwd, configFile), "utf8"), configFile).threads ?? {} : {};
  const config = routingConfig(fromFile);
  const stateDir = input("STATE_DIR");
  const store = stateDir ? createDirStateStore(resolve(cwd, stateDir)) : void 0;
  const github = token ? githubPorts({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL }) : null;
  const live = await routeEvent({
    eventName,
    payload,
    deliveryId: input("DELIVERY_ID") || null,
    config,
    ...github ? { permissions: github.permissions } : {},
    ...store ? { state: store } : {}
  });
  let task = mergeDrained(live, null);
  const active = live.action === "start" || live.action === "continue" || live.action === "review";
  routed = task;
  let headRef = "";
  let refused = false;
  if (active && live.thread?.kind === "pr" && github && input("PR_HEAD") !== "false") {
    const head = await github.pullRequestHead(live.thread);
    if (head.fork) {
      refused = true;
      task = {
        ...task,
        action: "ignore",
        reasonCode: "FORK",
        reason: `PR #${live.thread.number} comes from a fork (${head.repository ?? "deleted repository"}); refused`,
        prompt: ""
      };
    } else headRef = head.ref;
  }
  if (!refused && active && input("DRAIN") === "true" && store && live.thread && live.threadKey) {
    if (!github) warning("drain: no github-token, so queued comments were not read (only this event is handled)");
    else {
      const state = await store.load(live.threadKey) ?? emptyThreadState(live.threadKey);
      const drain = await github.drain({ thread: live.thread, state, config });
      if (!drain.complete) warning("drain: the page limit stopped before the oldest unhandled comment");
      task = mergeDrained(live, drain);
    }
  }
  if (task.action === "review" && task.thread?.kind === "pr" && input("REVIEW_CONTEXT") !== "false") {
    if (!github) warning("review-context: no github-token, so the prompt has no review context");
    else {
      const context = await github.reviewContext(task.thread);
      task = { ...task, prompt: `${task.prompt}
${renderReviewContext(context)}` };
    }
  }
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
    refused: String(refused)
  });
  const where = task.thread ? `${task.thread.repository}#${task.thread.number} (${task.thread.kind})` : "no thread";
  info(`${task.action}${task.stage ? ` \xB7 ${task.stage}` : ""} \xB7 ${where}: ${redact(task.reason, { secrets })}`);
  await summary.addHeading("codexrel route-event", 3).addRaw(
    `**${task.action}**${task.stage ? ` \xB7 ${task.stage}` : ""} \xB7 ${where} \u2014 ${escapeMarkdownShort(task.reason, 500)} (\`${task.reasonCode}\`)${task.drained.length ? `; ${task.drained.length} queued comment(s) drained` : ""}
`
  ).write();
}
try {
  const commitFile = input("COMMIT");
  if (commitFile) await commit(commitFile);
  else await route();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
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
      reason: text.split("\n")[0] ?? "",
      "task-file": taskFile,
      error: redact(`${coded.code}: ${coded.message}.${hint}`, { secrets }).replace(/[\r\n]+/g, " ")
    });
  } else {
    setOutputs({
      action: "ignore",
      "reason-code": coded.code,
      reason: text.split("\n")[0] ?? "",
      error: `${coded.code}: ${coded.message}`
    });
  }
  await summary.addHeading("codexrel route-event", 3).addRaw(`**failed**: ${escapeMarkdownShort(text, 1e3)}
`).write();
  if (mode === "blocking") setFailed(text);
  else warning(`${text} (advisory mode: not failing the job)`);
}
