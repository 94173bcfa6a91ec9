#!/usr/bin/env node
// publint and @arethetypeswrong/cli over every publishable package (run after `pnpm build`).
// ESM-only packages are checked with attw's esm-only profile: CommonJS consumers are out of scope.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = join(root, "packages");
let failed = 0;
for (const name of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, name);
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  } catch {
    continue;
  }
  if (pkg.private) continue;
  for (const [tool, args] of [
    ["publint", ["exec", "publint", "--strict", dir]],
    ["attw", ["exec", "attw", "--pack", dir, "--profile", "esm-only", "--format", "table-flipped"]],
  ]) {
    const r = spawnSync("pnpm", args, { cwd: root, encoding: "utf8" });
    const ok = r.status === 0;
    console.log(`${ok ? "ok  " : "FAIL"} ${tool} ${pkg.name}`);
    if (!ok) {
      failed += 1;
      console.log(r.stdout + r.stderr);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
