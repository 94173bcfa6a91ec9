/**
 * Entry of actions/save-codex-home: packs CODEX_HOME (no credentials or config, secrets redacted,
 * checksummed manifest) into `<cache-dir>/session.bundle` and outputs the unique cache key
 * (`codexrel-session-v1/<thread>/<time>-<run>-<attempt>-<job>`) as `pending-key` for the
 * actions/cache/save step. `--confirm` runs after that step and a lookup of the exact key: only
 * when the lookup found it are the `key` output and the "Codex session saved" summary written.
 * Advisory mode reports a failure in outputs and the summary and exits 0; blocking fails the step.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { formatError, redact, toCodexrelError } from "@codexrel/core";
import { packCodexHome, SessionErrorCodes, saveKey, sessionError, stashLedger } from "@codexrel/session-store";
import * as inputs from "./_inputs.js";
import { BUNDLE_NAME, cacheDir, env, ledgerPath, mode, resolveThread, secrets } from "./_session.js";

async function save(): Promise<void> {
  const thread = resolveThread();
  if (!thread) {
    throw sessionError(
      SessionErrorCodes.SESSION_THREAD_KEY_INVALID,
      "no thread to save the session for",
      "Pass `thread` (<owner>/<repo>/<issue|pr>-<n>), or run on an issue or pull request event.",
    );
  }
  const codexHome = inputs.text("codex-home") || env.CODEX_HOME || "";
  const dir = cacheDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, ".gitignore"), "*\n");
  // The fix loop's ledger travels in CODEX_HOME, so it is packed (and redacted) with the session.
  const ledger = await stashLedger({ codexHome, ledgerPath: ledgerPath() });
  if (ledger.warning) core.warning(ledger.warning);
  else if (ledger.note) core.info(ledger.note);
  core.setOutput("ledger-saved", String(ledger.copied));
  const now = new Date();
  const key = saveKey(thread, { runId: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT, job: env.GITHUB_JOB, now });
  const { manifest, bytes, warnings } = await packCodexHome({
    codexHome,
    out: join(dir, BUNDLE_NAME),
    threadKey: thread,
    key,
    secrets,
    includeCaches: inputs.flag("include-caches", false),
    now: () => now,
  });
  for (const w of warnings) core.warning(redact(w, { secrets }));
  // Not `key` yet: that is claimed only after the cache took the bundle (see confirm()).
  core.setOutput("pending-key", key);
  core.setOutput("thread", thread);
  core.setOutput("session-id", manifest.session?.id ?? "");
  core.setOutput("bytes", String(bytes));
  core.setOutput("files", String(manifest.totals.files));
  core.setOutput("redactions", String(manifest.redactions.total));
  core.setOutput("error-code", "");
  core.info(`packed ${manifest.totals.files} files (${bytes} bytes); saving to the cache as ${key}`);
}

/** After actions/cache/save and the lookup: claim "saved" only when the cache holds the key. */
async function confirm(): Promise<void> {
  const key = inputs.text("pending-key");
  const thread = inputs.text("thread-key");
  if (!key) {
    // Packing failed (it wrote the summary and error-code): nothing went to the cache.
    core.setOutput("key", "");
    core.setOutput("saved", "false");
    core.setOutput("error-code", "");
    return;
  }
  if (inputs.flag("cache-hit", false)) {
    core.setOutput("key", key);
    core.setOutput("saved", "true");
    core.setOutput("error-code", "");
    await core.summary
      .addHeading("Codex session saved", 3)
      .addRaw(
        `\`${thread}\`: ${inputs.text("files")} files, ${inputs.text("bytes")} bytes, ${inputs.text("redactions")} secret(s) redacted; session \`${inputs.text("session-id") || "none"}\`; key \`${key}\`.`,
        true,
      )
      .write();
    return;
  }
  core.setOutput("key", "");
  core.setOutput("saved", "false");
  core.setOutput("error-code", SessionErrorCodes.SESSION_CACHE_SAVE_FAILED);
  const text = `${SessionErrorCodes.SESSION_CACHE_SAVE_FAILED}: the cache does not hold ${key} after actions/cache/save (see its warning above)\n  hint: The next run of the thread will not find this session; check the cache service and the job's cache quota.`;
  await core.summary.addHeading("Codex session not saved", 3).addCodeBlock(text).write();
  if (mode === "blocking") core.setFailed(text);
  else core.warning(`${text} (advisory mode: not failing the job)`);
}

try {
  if (process.argv.includes("--confirm")) await confirm();
  else await save();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  for (const k of ["key", "pending-key", "session-id", "bytes", "files", "redactions", "thread"]) core.setOutput(k, "");
  core.setOutput("ledger-saved", "false");
  core.setOutput("error-code", coded.code);
  await core.summary.addHeading("Codex session not saved", 3).addCodeBlock(text).write();
  if (mode === "blocking") core.setFailed(text);
  else core.warning(`${text} (advisory mode: not failing the job)`);
}
