// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  BUNDLE_NAME,
  cacheDir,
  env,
  ledgerPath,
  mode,
  resolveThread,
  secrets
} from "./chunks/chunk-SQNOIVV5.js";
import {
  DEFAULT_LEDGER_PATH,
  SessionErrorCodes,
  exportVariable,
  flag,
  formatError,
  formatThreadKey,
  info,
  parseThreadKey,
  prepareCodexHome,
  redact,
  restoreLedger,
  restoreSession,
  setFailed,
  setOutput,
  summary,
  text,
  threadKeyPrefix,
  toCodexrelError,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/prepare-codex-home.ts
import { copyFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function prepare() {
  const config = {};
  if (text("model")) config.model = text("model");
  if (text("model-provider")) config.modelProvider = text("model-provider");
  if (text("base-url")) config.baseUrl = text("base-url");
  if (text("env-key")) config.envKey = text("env-key");
  const thread = resolveThread();
  const { codexHome, configPath } = await prepareCodexHome({
    root: env.RUNNER_TEMP || tmpdir(),
    runId: env.GITHUB_RUN_ID,
    attempt: env.GITHUB_RUN_ATTEMPT,
    job: env.GITHUB_JOB,
    ...Object.keys(config).length > 0 ? { config } : {}
  });
  exportVariable("CODEX_HOME", codexHome);
  setOutput("codex-home", codexHome);
  setOutput("thread", thread);
  const fallback = thread ? resolveFallbackThread(thread) : "";
  setOutput("fallback-thread", fallback);
  setOutput("restore-key", thread ? threadKeyPrefix(thread) : "");
  setOutput("restore-keys", thread ? [thread, fallback].filter(Boolean).map(threadKeyPrefix).join("\n") : "");
  setOutput("error-code", "");
  info(`CODEX_HOME=${codexHome}${configPath ? " (config.toml written from inputs)" : ""}`);
}
function resolveFallbackThread(thread) {
  const given = text("fallback-thread");
  if (!given) return "";
  const key = formatThreadKey(parseThreadKey(given));
  return key === thread ? "" : key;
}
function restoredCache() {
  return {
    name: "actions-cache",
    save: async () => {
      throw new Error("not used");
    },
    restore: async (prefix, dest) => {
      const key = text("cache-matched-key");
      if (!key?.startsWith(prefix)) return void 0;
      const file = join(cacheDir(), BUNDLE_NAME);
      await stat(file);
      await copyFile(file, dest);
      return { key };
    }
  };
}
async function restore() {
  const thread = text("thread-key");
  const fallbackThreadKey = text("fallback-thread-key");
  const codexHome = text("codex-home");
  const requireSession = flag("require-session", false);
  for (const [k, v] of Object.entries({
    "session-found": "false",
    "session-id": "",
    "restored-from": "",
    "cache-hit": "false",
    "ledger-restored": "false",
    "error-code": "",
    error: ""
  }))
    setOutput(k, v);
  if (!codexHome) {
    setOutput("error-code", text("prepare-error-code"));
    setOutput("error", text("prepare-error"));
    info("CODEX_HOME was not prepared (see the previous step): nothing to restore");
    return;
  }
  if (!thread) {
    if (requireSession) {
      const why = "SESSION_REQUIRED_BUT_MISSING: require-session is set but there is no thread (pass `thread`, or run on an issue or pull request event)";
      setOutput("error-code", SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING);
      setOutput("error", why);
      setFailed(why);
    } else info("no thread: a fresh session (nothing to restore)");
    return;
  }
  const result = await restoreSession({
    threadKey: thread,
    ...fallbackThreadKey ? { fallbackThreadKey } : {},
    backend: restoredCache(),
    codexHome,
    requireSession,
    mode,
    tempDir: env.RUNNER_TEMP || tmpdir()
  });
  await rm(cacheDir(), { recursive: true, force: true });
  for (const w of result.warnings) warning(redact(w, { secrets }));
  setOutput("session-found", String(result.sessionFound));
  setOutput("session-id", result.sessionId ?? "");
  setOutput("restored-from", result.restoredFrom ?? "");
  setOutput("cache-hit", String(result.cacheHit));
  const from = result.restoredFrom && result.restoredFrom !== thread ? ` from \`${result.restoredFrom}\` (\`${thread}\` had none saved; this run saves under \`${thread}\`)` : "";
  const ledger = await restoreLedger({ codexHome, ledgerPath: ledgerPath() });
  if (ledger.warning) warning(ledger.warning);
  else if (ledger.note) info(ledger.note);
  setOutput("ledger-restored", String(ledger.copied));
  const r = result.restore;
  await summary.addHeading("Codex session", 3).addRaw(
    result.sessionFound ? `Restored session \`${result.sessionId}\` for \`${thread}\`${from} (${r?.files ?? 0} files from \`${result.key}\`). Resume it with \`codex exec resume ${result.sessionId}\`.` : result.cacheHit ? `Restored \`${result.key}\` for \`${thread}\`${from}; it holds no session.` : `No saved session for \`${thread}\`: this run starts a new one.`,
    true
  ).addRaw(
    ledger.copied ? `

Iteration ledger restored to \`${text("ledger") || DEFAULT_LEDGER_PATH}\`.` : "",
    true
  ).write();
}
var step = process.argv.includes("--restore") ? "restore" : "prepare";
try {
  if (step === "prepare") await prepare();
  else await restore();
} catch (error) {
  if (step === "restore") await rm(cacheDir(), { recursive: true, force: true });
  const coded = toCodexrelError(error);
  const text2 = redact(formatError(coded), { secrets });
  setOutput("error-code", coded.code);
  setOutput("error", redact(`${coded.code}: ${coded.message}.${coded.hint ? ` ${coded.hint}` : ""}`, { secrets }));
  if (step === "prepare")
    for (const k of ["codex-home", "thread", "fallback-thread", "restore-key", "restore-keys"]) setOutput(k, "");
  if (step === "restore") {
    setOutput("session-found", "false");
    setOutput("session-id", "");
    setOutput("restored-from", "");
    setOutput("ledger-restored", "false");
  }
  await summary.addHeading("Codex session", 3).addCodeBlock(text2).write();
  if (mode === "blocking" || coded.code === SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING) setFailed(text2);
  else warning(`${text2} (advisory mode: not failing the job)`);
}
