import type { OutputFs } from "./output/output-set.js";

/**
 * What a command may touch from the outside world. `bin.ts` fills it from the real process; tests
 * pass their own, so commands never read `process` directly.
 */
export interface Output {
  write(text: string): void;
  /** Writes bytes unchanged (for `codexrel stream`); resolves once the stream can take more. */
  writeBytes?(chunk: Uint8Array): void | Promise<void>;
}

export interface CliContext {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: Output;
  stderr: Output;
  version: string;
  /** Exit code the command decided on (0 ready/ok, 1 not ready, 2 usage or config error). */
  exitCode: number;
  /** Reads all of standard input (for `--body-file -`); absent when there is none to read. */
  readStdin?: () => Promise<string>;
  /** Standard input as it arrives (for `codexrel stream`); absent when there is none. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /**
   * The process's SIGINT/SIGTERM (a cancelled CI run sends them), for commands that wind down
   * instead of dying (`codexrel stream` keeps its transcript); absent in tests that do not signal.
   */
  signals?: { once(handler: (signal: "SIGINT" | "SIGTERM") => void): void };
  /** File-system port for output sets (default: the real one); tests inject faults through it. */
  outputFs?: OutputFs;
}

export const ExitCode = { OK: 0, NOT_READY: 1, USAGE: 2 } as const;
