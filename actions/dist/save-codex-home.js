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
  SessionErrorCodes,
  __toESM,
  flag,
  formatError,
  packCodexHome,
  redact,
  require_core,
  saveKey,
  sessionError,
  stashLedger,
  text,
  toCodexrelError
} from "./chunks/chunk-CKR55BBD.js";

// src/save-codex-home.ts
var core = __toESM(require_core(), 1);
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function save() {
  const thread = resolveThread();
  if (!thread) {
    throw sessionError(
      SessionErrorCodes.SESSION_THREAD_KEY_INVALID,
      "no thread to save the session for",
      "Pass `thread` (<owner>/<repo>/<issue|pr>-<n>), or run on an issue or pull request event."
    );
  }
  const codexHome = text("codex-home") || env.CODEX_HOME || "";
  const dir = cacheDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 448 });
  await writeFile(join(dir, ".gitignore"), "*\n");
  const ledger = await stashLedger({ codexHome, ledgerPath: ledgerPath() });
  if (ledger.warning) core.warning(ledger.warning);
  else if (ledger.note) core.info(ledger.note);
  core.setOutput("ledger-saved", String(ledger.copied));
  const now = /* @__PURE__ */ new Date();
  const key = saveKey(thread, { runId: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT, job: env.GITHUB_JOB, now });
  const { manifest, bytes, warnings } = await packCodexHome({
    codexHome,
    out: join(dir, BUNDLE_NAME),
    threadKey: thread,
    key,
    secrets,
    includeCaches: flag("include-caches", false),
    now: () => now
  });
  for (const w of warnings) core.warning(redact(w, { secrets }));
  core.setOutput("pending-key", key);
  core.setOutput("thread", thread);
  core.setOutput("session-id", manifest.session?.id ?? "");
  core.setOutput("bytes", String(bytes));
  core.setOutput("files", String(manifest.totals.files));
  core.setOutput("redactions", String(manifest.redactions.total));
  core.setOutput("error-code", "");
  core.info(`packed ${manifest.totals.files} files (${bytes} bytes); saving to the cache as ${key}`);
}
async function confirm() {
  const key = text("pending-key");
  const thread = text("thread-key");
  if (!key) {
    core.setOutput("key", "");
    core.setOutput("saved", "false");
    core.setOutput("error-code", "");
    return;
  }
  if (flag("cache-hit", false)) {
    core.setOutput("key", key);
    core.setOutput("saved", "true");
    core.setOutput("error-code", "");
    await core.summary.addHeading("Codex session saved", 3).addRaw(
      `\`${thread}\`: ${text("files")} files, ${text("bytes")} bytes, ${text("redactions")} secret(s) redacted; session \`${text("session-id") || "none"}\`; key \`${key}\`.`,
      true
    ).write();
    return;
  }
  core.setOutput("key", "");
  core.setOutput("saved", "false");
  core.setOutput("error-code", SessionErrorCodes.SESSION_CACHE_SAVE_FAILED);
  const text2 = `${SessionErrorCodes.SESSION_CACHE_SAVE_FAILED}: the cache does not hold ${key} after actions/cache/save (see its warning above)
  hint: The next run of the thread will not find this session; check the cache service and the job's cache quota.`;
  await core.summary.addHeading("Codex session not saved", 3).addCodeBlock(text2).write();
  if (mode === "blocking") core.setFailed(text2);
  else core.warning(`${text2} (advisory mode: not failing the job)`);
}
try {
  if (process.argv.includes("--confirm")) await confirm();
  else await save();
} catch (error) {
  const coded = toCodexrelError(error);
  const text2 = redact(formatError(coded), { secrets });
  for (const k of ["key", "pending-key", "session-id", "bytes", "files", "redactions", "thread"]) core.setOutput(k, "");
  core.setOutput("ledger-saved", "false");
  core.setOutput("error-code", coded.code);
  await core.summary.addHeading("Codex session not saved", 3).addCodeBlock(text2).write();
  if (mode === "blocking") core.setFailed(text2);
  else core.warning(`${text2} (advisory mode: not failing the job)`);
}
