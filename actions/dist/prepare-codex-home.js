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
} from "./chunks/chunk-GAP3QWRF.js";
import {
  DEFAULT_LEDGER_PATH,
  SessionErrorCodes,
  __toESM,
  flag,
  formatError,
  prepareCodexHome,
  redact,
  require_core,
  restoreLedger,
  restoreSession,
  text,
  threadKeyPrefix,
  toCodexrelError
} from "./chunks/chunk-CKR55BBD.js";

// src/prepare-codex-home.ts
var core = __toESM(require_core(), 1);
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
  core.exportVariable("CODEX_HOME", codexHome);
  core.setOutput("codex-home", codexHome);
  core.setOutput("thread", thread);
  core.setOutput("restore-key", thread ? threadKeyPrefix(thread) : "");
  core.setOutput("error-code", "");
  core.info(`CODEX_HOME=${codexHome}${configPath ? " (config.toml written from inputs)" : ""}`);
}
function restoredCache() {
  return {
    name: "actions-cache",
    save: async () => {
      throw new Error("not used");
    },
    restore: async (_prefix, dest) => {
      const key = text("cache-matched-key");
      if (!key) return void 0;
      const file = join(cacheDir(), BUNDLE_NAME);
      await stat(file);
      await copyFile(file, dest);
      return { key };
    }
  };
}
async function restore() {
  const thread = text("thread-key");
  const codexHome = text("codex-home");
  const requireSession = flag("require-session", false);
  for (const [k, v] of Object.entries({
    "session-found": "false",
    "session-id": "",
    "cache-hit": "false",
    "ledger-restored": "false",
    "error-code": "",
    error: ""
  }))
    core.setOutput(k, v);
  if (!codexHome) {
    core.setOutput("error-code", text("prepare-error-code"));
    core.setOutput("error", text("prepare-error"));
    core.info("CODEX_HOME was not prepared (see the previous step): nothing to restore");
    return;
  }
  if (!thread) {
    if (requireSession) {
      const why = "SESSION_REQUIRED_BUT_MISSING: require-session is set but there is no thread (pass `thread`, or run on an issue or pull request event)";
      core.setOutput("error-code", SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING);
      core.setOutput("error", why);
      core.setFailed(why);
    } else core.info("no thread: a fresh session (nothing to restore)");
    return;
  }
  const result = await restoreSession({
    threadKey: thread,
    backend: restoredCache(),
    codexHome,
    requireSession,
    mode,
    tempDir: env.RUNNER_TEMP || tmpdir()
  });
  await rm(cacheDir(), { recursive: true, force: true });
  for (const w of result.warnings) core.warning(redact(w, { secrets }));
  core.setOutput("session-found", String(result.sessionFound));
  core.setOutput("session-id", result.sessionId ?? "");
  core.setOutput("cache-hit", String(result.cacheHit));
  const ledger = await restoreLedger({ codexHome, ledgerPath: ledgerPath() });
  if (ledger.warning) core.warning(ledger.warning);
  else if (ledger.note) core.info(ledger.note);
  core.setOutput("ledger-restored", String(ledger.copied));
  const r = result.restore;
  await core.summary.addHeading("Codex session", 3).addRaw(
    result.sessionFound ? `Restored session \`${result.sessionId}\` for \`${thread}\` (${r?.files ?? 0} files from \`${result.key}\`). Resume it with \`codex exec resume ${result.sessionId}\`.` : result.cacheHit ? `Restored \`${result.key}\` for \`${thread}\`; it holds no session.` : `No saved session for \`${thread}\`: this run starts a new one.`,
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
  core.setOutput("error-code", coded.code);
  core.setOutput("error", redact(`${coded.code}: ${coded.message}.${coded.hint ? ` ${coded.hint}` : ""}`, { secrets }));
  if (step === "prepare") for (const k of ["codex-home", "thread", "restore-key"]) core.setOutput(k, "");
  if (step === "restore") {
    core.setOutput("session-found", "false");
    core.setOutput("session-id", "");
    core.setOutput("ledger-restored", "false");
  }
  await core.summary.addHeading("Codex session", 3).addCodeBlock(text2).write();
  if (mode === "blocking" || coded.code === SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING) core.setFailed(text2);
  else core.warning(`${text2} (advisory mode: not failing the job)`);
}
