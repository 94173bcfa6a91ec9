import { spawnSync } from "node:child_process";
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

/** Runs the real `codexrel` executable from source (tsx + the `source` export condition). */
export function cliProcess(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliRun {
  const r = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...argv],
    {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: "utf8",
    },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
