/**
 * Shared by the prepare-codex-home and save-codex-home entries: the cache and ledger paths, the
 * secrets, and the thread key (given, or derived from the triggering issue / pull request event).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_LEDGER_PATH, formatThreadKey, parseThreadKey } from "@codexrel/session-store";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";

export const env = process.env;
export const mode = inputs.mode();
/** Values that are secrets wherever they appear in CODEX_HOME or in our output. */
export const secrets = actionSecrets();
/** The bundle the cache steps store: `<cache-dir>/session.bundle`. */
export const BUNDLE_NAME = "session.bundle";

/**
 * The directory the cache steps save and restore. It is workspace-relative on purpose: the cache
 * version is derived from the path string, and a relative path is the same on every runner
 * (`runner.temp` differs between self-hosted runners). It holds only the scrubbed bundle, is
 * removed once restored, and carries a `.gitignore` so it is never committed.
 */
export function cacheDir(): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd(), inputs.text("cache-dir") || ".codexrel/session-cache");
}

/** The checkout's ledger file (`ledger` input, workspace-relative; default `.codexrel/iterations.json`). */
export function ledgerPath(): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd(), inputs.text("ledger") || DEFAULT_LEDGER_PATH);
}

/** `thread` input, else `<repository>/<issue|pr>-<n>` from the event payload; "" when neither. */
export function resolveThread(): string {
  const given = inputs.text("thread");
  if (given) return formatThreadKey(parseThreadKey(given));
  const repository = env.GITHUB_REPOSITORY;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!repository || !eventPath) return "";
  let payload: {
    issue?: { number?: number; pull_request?: unknown };
    pull_request?: { number?: number };
    number?: number;
  };
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch {
    return "";
  }
  if (payload.pull_request?.number) return `${repository}/pr-${payload.pull_request.number}`;
  if (payload.issue?.number)
    return `${repository}/${payload.issue.pull_request ? "pr" : "issue"}-${payload.issue.number}`;
  return "";
}
