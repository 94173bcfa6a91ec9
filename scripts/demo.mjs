#!/usr/bin/env node
// `pnpm demo`: builds the packages the CLI needs, then runs the built `codexrel run` on the demo
// project exactly as a user would. Exit 0 when the demo produced a valid report (its decision,
// ready or not, is the point of the demo), non-zero when anything went wrong.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });

const build = run("pnpm", ["--filter", "@codexrel/cli...", "run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);

const out = join(root, "examples/demo/.codexrel/out");
const cli = run(process.execPath, [
  join(root, "packages/cli/dist/bin.js"),
  "run",
  "--config",
  "examples/demo/codexrel.yml",
]);
if (cli.status !== 0 && cli.status !== 1) {
  console.error(`demo: codexrel run exited ${cli.status}`);
  process.exit(cli.status ?? 2);
}
const validate = spawnSync(
  process.execPath,
  [join(root, "packages/cli/dist/bin.js"), "report", "validate", join(out, "report.json")],
  { cwd: root, encoding: "utf8" },
);
if (validate.status !== 0 || !existsSync(join(out, "report.html"))) {
  console.error(`demo: report is missing or invalid:\n${validate.stdout}${validate.stderr}`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
console.log(`\nDemo done: ${validate.stdout.trim()}; decision ${report.decision.ready ? "ready" : "not ready"}.`);
console.log(`Open examples/demo/.codexrel/out/report.html in a browser (it works offline).`);

// Sessions: a fresh CODEX_HOME holding one (synthetic) Codex rollout is saved to a local store and
// restored into another fresh CODEX_HOME, as a follow-up job would (`--require-session`).
const bin = join(root, "packages/cli/dist/bin.js");
const demoDir = join(root, "examples/demo/.codexrel");
const codexrel = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
const store = join(demoDir, "sessions");
rmSync(store, { recursive: true, force: true });
const homes = join(demoDir, "codex-homes");
const first = codexrel("session", "prepare", "--root", homes, "--model", "gpt-demo", "--json");
if (first.status !== 0) {
  console.error(`demo: session prepare failed:\n${first.stderr}`);
  process.exit(1);
}
const home1 = JSON.parse(first.stdout).codexHome;
const sessionId = "01a1fe0a-7a46-7d81-8280-7ff8ab88e63f";
mkdirSync(join(home1, "sessions/2026/01/01"), { recursive: true });
writeFileSync(
  join(home1, `sessions/2026/01/01/rollout-2026-01-01T00-00-00-${sessionId}.jsonl`),
  `${JSON.stringify({ type: "session_meta", payload: { id: sessionId, cwd: root, model_provider: "openai", cli_version: "demo" } })}\n`,
);
const saved = codexrel(
  "session",
  "save",
  "--codex-home",
  home1,
  "--thread",
  "demo/demo/issue-1",
  "--store",
  store,
  "--json",
);
const home2 = JSON.parse(codexrel("session", "prepare", "--root", homes, "--json").stdout).codexHome;
const restored = codexrel(
  "session",
  "restore",
  "--thread",
  "demo/demo/issue-1",
  "--store",
  store,
  "--codex-home",
  home2,
  "--require-session",
  "--json",
);
rmSync(homes, { recursive: true, force: true });
if (saved.status !== 0 || restored.status !== 0 || JSON.parse(restored.stdout).sessionId !== sessionId) {
  console.error(`demo: session save/restore failed:\n${saved.stderr}${restored.stdout}${restored.stderr}`);
  process.exit(1);
}
console.log(
  `Session: saved and restored ${sessionId} for demo/demo/issue-1 (store: examples/demo/.codexrel/sessions).`,
);
