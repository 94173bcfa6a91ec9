#!/usr/bin/env node
// `pnpm bench`: runs every bench/*.bench.ts in turn (each in its own process, so peak-RSS figures
// are not shared) and fails when any fails. Benches print ratios against baselines run in the
// same process; nothing here compares against numbers from another machine or run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
// The large benches (70 MB of JUnit, a 200 MB CODEX_HOME) have their own package scripts; they run
// after the quick ones unless a prefix filter leaves them out.
const scripts = ["classify", "session"].filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)));
let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], {
    cwd: here,
    stdio: "inherit",
  });
  if (r.status !== 0) failed += 1;
}
for (const name of scripts) {
  console.log(`\n== pnpm bench:${name}`);
  const r = spawnSync("pnpm", ["run", name], { cwd: here, stdio: "inherit" });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
