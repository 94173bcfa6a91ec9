// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  DEFAULT_LEDGER_PATH,
  actionSecrets,
  formatThreadKey,
  mode,
  parseThreadKey,
  text
} from "./chunk-BMUCDFY2.js";

// src/_session.ts
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
var env = process.env;
var mode2 = mode();
var secrets = actionSecrets();
var BUNDLE_NAME = "session.bundle";
function cacheDir() {
  return resolve(env.GITHUB_WORKSPACE || process.cwd(), text("cache-dir") || ".codexrel/session-cache");
}
function ledgerPath() {
  return resolve(env.GITHUB_WORKSPACE || process.cwd(), text("ledger") || DEFAULT_LEDGER_PATH);
}
function resolveThread() {
  const given = text("thread");
  if (given) return formatThreadKey(parseThreadKey(given));
  const repository = env.GITHUB_REPOSITORY;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!repository || !eventPath) return "";
  let payload;
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

export {
  env,
  mode2 as mode,
  secrets,
  BUNDLE_NAME,
  cacheDir,
  ledgerPath,
  resolveThread
};
