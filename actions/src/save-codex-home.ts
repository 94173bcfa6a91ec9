/**
 * Entry of actions/save-codex-home: packs CODEX_HOME (no credentials or config, secrets redacted,
 * checksummed manifest) into `<cache-dir>/session.bundle` and outputs the unique cache key
 * (`codexrel-session-v1/<thread>/<time>-<run>-<attempt>-<job>`) for the actions/cache/save step.
 * Advisory mode reports a failure in outputs and the summary, leaves `key` empty (so nothing is
 * saved) and exits 0.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { formatError, redact, toCodexrelError } from "@codexrel/core";
import { packCodexHome, SessionErrorCodes, saveKey, sessionError } from "@codexrel/session-store";
import { BUNDLE_NAME, cacheDir, env, input, mode, resolveThread, secrets } from "./_session.js";

async function save(): Promise<void> {
  const thread = resolveThread();
  if (!thread) {
    throw sessionError(
      SessionErrorCodes.SESSION_THREAD_KEY_INVALID,
      "no thread to save the session for",
      "Pass `thread` (<owner>/<repo>/<issue|pr>-<n>), or run on an issue or pull request event.",
    );
  }
  const codexHome = input("CODEX_HOME") || env.CODEX_HOME || "";
  const dir = cacheDir();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, ".gitignore"), "*\n");
  const now = new Date();
  const key = saveKey(thread, { runId: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT, job: env.GITHUB_JOB, now });
  const { manifest, bytes, warnings } = await packCodexHome({
    codexHome,
    out: join(dir, BUNDLE_NAME),
    threadKey: thread,
    key,
    secrets,
    includeCaches: input("INCLUDE_CACHES") === "true",
    now: () => now,
  });
  for (const w of warnings) core.warning(redact(w, { secrets }));
  core.setOutput("key", key);
  core.setOutput("thread", thread);
  core.setOutput("session-id", manifest.session?.id ?? "");
  core.setOutput("bytes", String(bytes));
  core.setOutput("files", String(manifest.totals.files));
  core.setOutput("redactions", String(manifest.redactions.total));
  core.setOutput("error-code", "");
  await core.summary
    .addHeading("Codex session saved", 3)
    .addRaw(
      `\`${thread}\`: ${manifest.totals.files} files, ${bytes} bytes, ${manifest.redactions.total} secret(s) redacted; session \`${manifest.session?.id ?? "none"}\`; key \`${key}\`.`,
      true,
    )
    .write();
}

try {
  await save();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  for (const k of ["key", "session-id", "bytes", "files", "redactions", "thread"]) core.setOutput(k, "");
  core.setOutput("error-code", coded.code);
  await core.summary.addHeading("Codex session not saved", 3).addCodeBlock(text).write();
  if (mode === "blocking") core.setFailed(text);
  else core.warning(`${text} (advisory mode: not failing the job)`);
}
