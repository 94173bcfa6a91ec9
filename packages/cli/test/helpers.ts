import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliContext, runCli } from "@codexrel/cli";

export const repoRoot = join(import.meta.dirname, "..", "..", "..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const ctx: CliContext = {
    env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: options.cwd ?? repoRoot,
    stdout: {
      write: (s) => {
        stdout += s;
      },
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
    },
    version: "0.0.0-test",
    exitCode: 0,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

/** Runs the real `codexrel` executable from source (tsx resolves @codexrel/* through tsconfig `paths`). */
export function cliProcess(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliRun {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...argv], {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A private copy of the demo project: its checks write reports into the project folder, so test
 * files running the demo in parallel must not share one.
 */
export function copyDemo(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), "codexrel-demo-"));
  cpSync(join(repoRoot, "examples/demo"), dir, {
    recursive: true,
    filter: (src) => !src.includes(".codexrel") && !src.includes("node_modules"),
  });
  return { dir, config: join(dir, "codexrel.yml") };
}

/** The commit the test copies of the demo bundle say they were recorded at (pass it as --sha). */
export const BUNDLE_SHA = "c".repeat(40);

/**
 * A copy of the demo's CUJ bundle whose summary.json names the commit it was recorded at: only
 * then are its journeys evidence for a run of that commit (the committed bundle names none).
 */
export function demoBundleAt(parent: string, sha: string = BUNDLE_SHA): string {
  const dir = join(parent, `bundle-${sha.slice(0, 7)}`);
  cpSync(join(repoRoot, "examples/demo/cuj"), dir, { recursive: true });
  const summaryPath = join(dir, "summary.json");
  const summary = JSON.parse(readFileSync(summaryPath, "utf8")) as Record<string, unknown>;
  writeFileSync(summaryPath, `${JSON.stringify({ ...summary, commit: { sha } }, null, 2)}\n`);
  return dir;
}
