/**
 * Start-up of the built `codexrel` executable (`--version`, `--help`) against bare `node -e 0`,
 * spawned in turn in the same run, and the total size of the bundled actions (actions/dist).
 * Needs `pnpm build` first: it measures what users run, not the sources through tsx.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = join(root, "packages/cli/dist/bin.js");
const actionsDist = join(root, "actions/dist");
const runs = Number(process.env.BENCH_RUNS ?? 10);

if (!existsSync(bin) || !existsSync(actionsDist)) {
  console.error("cli-start: run `pnpm build` first (needs packages/cli/dist/bin.js and actions/dist)");
  process.exit(1);
}

/** Children's CPU time so far (user + system of every child waited for), from /proc; undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 Hz).
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

// A bare child: no tsx or other preloads from the bench's own process.
const env = { ...process.env, NODE_OPTIONS: "" };
const cases: Array<{ name: string; args: string[]; wall: number[]; cpu: number }> = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"], wall: [], cpu: 0 },
  { name: "codexrel --version", args: [bin, "--version"], wall: [], cpu: 0 },
  { name: "codexrel --help", args: [bin, "--help"], wall: [], cpu: 0 },
];
for (let round = -1; round < runs; round++) {
  // Interleaved, so a change in the machine's load falls on every case alike; round -1 warms the disk cache.
  for (const c of cases) {
    const cpu0 = childrenCpuMs();
    const t = performance.now();
    const r = spawnSync(process.execPath, c.args, { env, stdio: "ignore" });
    const ms = performance.now() - t;
    if (r.status !== 0) {
      console.error(`cli-start: ${c.name} exited ${r.status}`);
      process.exit(1);
    }
    if (round < 0) continue;
    c.wall.push(ms);
    const cpu1 = childrenCpuMs();
    if (cpu0 !== undefined && cpu1 !== undefined) c.cpu += cpu1 - cpu0;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const [base, ...rest] = cases;
if (!base) throw new Error("no baseline");
const baseWall = median(base.wall);
const baseCpu = base.cpu / runs;
console.log(
  `cli start: built CLI against bare node, ${runs} runs each, interleaved (median wall; mean CPU of the child)`,
);
for (const c of [base, ...rest]) {
  const wall = median(c.wall);
  const cpu = c.cpu / runs;
  const ratios = c === base ? "" : `  ratio ${(wall / baseWall).toFixed(2)}x wall, ${(cpu / baseCpu).toFixed(2)}x CPU`;
  console.log(
    `  ${c.name.padEnd(22)} ${wall.toFixed(0).padStart(5)} ms wall ${cpu.toFixed(0).padStart(5)} ms CPU${ratios}`,
  );
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const bundled = files(actionsDist);
const bytes = bundled.reduce((sum, f) => sum + statSync(f).size, 0);
console.log(`actions/dist: ${bundled.length} files, ${bytes.toLocaleString("en-US")} bytes in all`);
