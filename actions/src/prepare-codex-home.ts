/**
 * Entry of actions/prepare-codex-home.
 *   --prepare: a fresh private CODEX_HOME under RUNNER_TEMP (per run, attempt and job), config.toml
 *              from inputs, CODEX_HOME exported for later steps; outputs the thread's cache prefix.
 *   --restore: after actions/cache/restore, restores `<cache-dir>/session.bundle` into CODEX_HOME
 *              (verified, config and credentials never restored) and outputs session-id.
 * Advisory mode reports failures in outputs and the summary and exits 0; `require-session` with no
 * saved session always fails the step (SESSION_REQUIRED_BUT_MISSING): a follow-up must not silently
 * start a new session.
 */
import { copyFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { formatError, redact, toCodexrelError } from "@codexrel/core";
import {
  type CodexConfigInput,
  DEFAULT_LEDGER_PATH,
  formatThreadKey,
  parseThreadKey,
  prepareCodexHome,
  restoreLedger,
  restoreSession,
  type SessionBackend,
  SessionErrorCodes,
  threadKeyPrefix,
} from "@codexrel/session-store";
import * as inputs from "./_inputs.js";
import { BUNDLE_NAME, cacheDir, env, ledgerPath, mode, resolveThread, secrets } from "./_session.js";

async function prepare(): Promise<void> {
  const config: CodexConfigInput = {};
  if (inputs.text("model")) config.model = inputs.text("model");
  if (inputs.text("model-provider")) config.modelProvider = inputs.text("model-provider");
  if (inputs.text("base-url")) config.baseUrl = inputs.text("base-url");
  if (inputs.text("env-key")) config.envKey = inputs.text("env-key");
  const thread = resolveThread();
  const { codexHome, configPath } = await prepareCodexHome({
    root: env.RUNNER_TEMP || tmpdir(),
    runId: env.GITHUB_RUN_ID,
    attempt: env.GITHUB_RUN_ATTEMPT,
    job: env.GITHUB_JOB,
    ...(Object.keys(config).length > 0 ? { config } : {}),
  });
  core.exportVariable("CODEX_HOME", codexHome);
  core.setOutput("codex-home", codexHome);
  core.setOutput("thread", thread);
  const fallback = thread ? resolveFallbackThread(thread) : "";
  core.setOutput("fallback-thread", fallback);
  core.setOutput("restore-key", thread ? threadKeyPrefix(thread) : "");
  core.setOutput("restore-keys", thread ? [thread, fallback].filter(Boolean).map(threadKeyPrefix).join("\n") : "");
  core.setOutput("error-code", "");
  core.info(`CODEX_HOME=${codexHome}${configPath ? " (config.toml written from inputs)" : ""}`);
}

/** `fallback-thread`, normalized; "" when unset or the thread itself. */
function resolveFallbackThread(thread: string): string {
  const given = inputs.text("fallback-thread");
  if (!given) return "";
  const key = formatThreadKey(parseThreadKey(given));
  return key === thread ? "" : key;
}

/**
 * The bundle actions/cache/restore put in the cache directory, as a backend: it answers for the
 * thread whose prefix the matched key starts with (the thread's own, or the fallback's).
 */
function restoredCache(): SessionBackend {
  return {
    name: "actions-cache",
    save: async () => {
      throw new Error("not used");
    },
    restore: async (prefix, dest) => {
      const key = inputs.text("cache-matched-key");
      if (!key?.startsWith(prefix)) return undefined;
      const file = join(cacheDir(), BUNDLE_NAME);
      await stat(file);
      await copyFile(file, dest);
      return { key };
    },
  };
}

async function restore(): Promise<void> {
  const thread = inputs.text("thread-key");
  const fallbackThreadKey = inputs.text("fallback-thread-key");
  const codexHome = inputs.text("codex-home");
  const requireSession = inputs.flag("require-session", false);
  for (const [k, v] of Object.entries({
    "session-found": "false",
    "session-id": "",
    "restored-from": "",
    "cache-hit": "false",
    "ledger-restored": "false",
    "error-code": "",
    error: "",
  }))
    core.setOutput(k, v);
  if (!codexHome) {
    core.setOutput("error-code", inputs.text("prepare-error-code"));
    core.setOutput("error", inputs.text("prepare-error"));
    core.info("CODEX_HOME was not prepared (see the previous step): nothing to restore");
    return;
  }
  if (!thread) {
    if (requireSession) {
      const why =
        "SESSION_REQUIRED_BUT_MISSING: require-session is set but there is no thread (pass `thread`, or run on an issue or pull request event)";
      core.setOutput("error-code", SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING);
      core.setOutput("error", why);
      core.setFailed(why);
    } else core.info("no thread: a fresh session (nothing to restore)");
    return;
  }
  const result = await restoreSession({
    threadKey: thread,
    ...(fallbackThreadKey ? { fallbackThreadKey } : {}),
    backend: restoredCache(),
    codexHome,
    requireSession,
    mode,
    tempDir: env.RUNNER_TEMP || tmpdir(),
  });
  await rm(cacheDir(), { recursive: true, force: true }); // restored: nothing left in the workspace
  for (const w of result.warnings) core.warning(redact(w, { secrets }));
  core.setOutput("session-found", String(result.sessionFound));
  core.setOutput("session-id", result.sessionId ?? "");
  core.setOutput("restored-from", result.restoredFrom ?? "");
  core.setOutput("cache-hit", String(result.cacheHit));
  const from =
    result.restoredFrom && result.restoredFrom !== thread
      ? ` from \`${result.restoredFrom}\` (\`${thread}\` had none saved; this run saves under \`${thread}\`)`
      : "";
  const ledger = await restoreLedger({ codexHome, ledgerPath: ledgerPath() });
  if (ledger.warning) core.warning(ledger.warning);
  else if (ledger.note) core.info(ledger.note);
  core.setOutput("ledger-restored", String(ledger.copied));
  const r = result.restore;
  await core.summary
    .addHeading("Codex session", 3)
    .addRaw(
      result.sessionFound
        ? `Restored session \`${result.sessionId}\` for \`${thread}\`${from} (${r?.files ?? 0} files from \`${result.key}\`). Resume it with \`codex exec resume ${result.sessionId}\`.`
        : result.cacheHit
          ? `Restored \`${result.key}\` for \`${thread}\`${from}; it holds no session.`
          : `No saved session for \`${thread}\`: this run starts a new one.`,
      true,
    )
    .addRaw(
      ledger.copied ? `\n\nIteration ledger restored to \`${inputs.text("ledger") || DEFAULT_LEDGER_PATH}\`.` : "",
      true,
    )
    .write();
}

const step = process.argv.includes("--restore") ? "restore" : "prepare";
try {
  if (step === "prepare") await prepare();
  else await restore();
} catch (error) {
  if (step === "restore") await rm(cacheDir(), { recursive: true, force: true });
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  core.setOutput("error-code", coded.code);
  // One line for the progress comment's blockers: what failed and what to do (redacted).
  core.setOutput("error", redact(`${coded.code}: ${coded.message}.${coded.hint ? ` ${coded.hint}` : ""}`, { secrets }));
  if (step === "prepare")
    for (const k of ["codex-home", "thread", "fallback-thread", "restore-key", "restore-keys"]) core.setOutput(k, "");
  if (step === "restore") {
    core.setOutput("session-found", "false");
    core.setOutput("session-id", "");
    core.setOutput("restored-from", "");
    core.setOutput("ledger-restored", "false");
  }
  await core.summary.addHeading("Codex session", 3).addCodeBlock(text).write();
  if (mode === "blocking" || coded.code === SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING) core.setFailed(text);
  else core.warning(`${text} (advisory mode: not failing the job)`);
}
