#!/usr/bin/env node
// `pnpm demo`: builds the packages the CLI needs, then runs the built `codexrel run` on the demo
// project exactly as a user would. Exit 0 when the demo produced a valid report (its decision,
// ready or not, is the point of the demo), non-zero when anything went wrong.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
