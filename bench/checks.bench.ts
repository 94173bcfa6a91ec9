/**
 * Checks runner overhead: N trivial checks through `runChecks` (process group, output capture,
 * redaction, result building) against the same commands spawned bare with `/bin/sh -c` and their
 * output discarded — alternated in one process, several rounds, median of each.
 */
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { runChecks } from "@codexrel/checks";

const N = 40;
const ROUNDS = 5;
const env = { PATH: process.env.PATH };
const checks = Array.from({ length: N }, (_, i) => ({ name: `c${i}`, run: `echo line ${i}; echo second line` }));

function bare(command: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", command], { cwd: tmpdir(), env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.resume();
    child.stderr.resume();
    child.on("close", () => resolve());
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ours: number[] = [];
const base: number[] = [];
await runChecks(checks.slice(0, 3), { cwd: tmpdir(), env }); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  base.push(
    await time(async () => {
      for (const c of checks) await bare(c.run);
    }),
  );
  ours.push(await time(() => runChecks(checks, { cwd: tmpdir(), env })));
}
const o = median(ours);
const b = median(base);
console.log(`checks runner: ${N} checks x ${ROUNDS} rounds (median)`);
console.log(`  runChecks        ${o.toFixed(0)} ms  (${(o / N).toFixed(2)} ms/check)`);
console.log(`  bare sh -c spawn ${b.toFixed(0)} ms  (${(b / N).toFixed(2)} ms/check)`);
console.log(`  ratio runChecks / bare = ${(o / b).toFixed(2)}x`);
