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
  SessionErrorCodes,
  flag,
  formatError,
  info,
  packCodexHome,
  redact,
  saveKey,
  sessionError,
  setFailed,
  setOutput,
  stashLedger,
  summary,
  text,
  toCodexrelError,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// src/save-codex-home.ts
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
  if (ledger.warning) warning(ledger.warning);
  else if (ledger.note) info(ledger.note);
  setOutput("ledger-saved", String(ledger.copied));
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
  for (const w of warnings) warning(redact(w, { secrets }));
  setOutput("pending-key", key);
  setOutput("thread", thread);
  setOutput("session-id", manifest.session?.id ?? "");
  setOutput("bytes", String(bytes));
  setOutput("files", String(manifest.totals.files));
  setOutput("redactions", String(manifest.redactions.total));
  setOutput("error-code", "");
  info(`packed ${manifest.totals.files} files (${bytes} bytes); saving to the cache as ${key}`);
}
async function confirm() {
  const key = text("pending-key");
  const thread = text("thread-key");
  if (!key) {
    setOutput("key", "");
    setOutput("saved", "false");
    setOutput("error-code", "");
    return;
  }
  if (flag("cache-hit", false)) {
    setOutput("key", key);
    setOutput("saved", "true");
    setOutput("error-code", "");
    await summary.addHeading("Codex session saved", 3).addRaw(
      `\`${thread}\`: ${text("files")} files, ${text("bytes")} bytes, ${text("redactions")} secret(s) redacted; session \`${text("session-id") || "none"}\`; key \`${key}\`.`,
      true
    ).write();
    return;
  }
  setOutput("key", "");
  setOutput("saved", "false");
  setOutput("error-code", SessionErrorCodes.SESSION_CACHE_SAVE_FAILED);
  const text2 = `${SessionErrorCodes.SESSION_CACHE_SAVE_FAILED}: the cache does not hold ${key} after actions/cache/save (see its warning above)
  hint: The next run of the thread will not find this session; check the cache service and the job's cache quota.`;
  await summary.addHeading("Codex session not saved", 3).addCodeBlock(text2).write();
  if (mode === "blocking") setFailed(text2);
  else warning(`${text2} (advisory mode: not failing the job)`);
}
try {
  if (process.argv.includes("--confirm")) await confirm();
  else await save();
} catch (error) {
  const coded = toCodexrelError(error);
  const text2 = redact(formatError(coded), { secrets });
  for (const k of ["key", "pending-key", "session-id", "bytes", "files", "redactions", "thread"]) setOutput(k, "");
  setOutput("ledger-saved", "false");
  setOutput("error-code", coded.code);
  await summary.addHeading("Codex session not saved", 3).addCodeBlock(text2).write();
  if (mode === "blocking") setFailed(text2);
  else warning(`${text2} (advisory mode: not failing the job)`);
}
