/**
 * Runs one composite `run:` step the way the runner does: the script goes to a file in RUNNER_TEMP
 * and the declared `shell:` runs it in a real process. Output arrives line by line so workflow
 * commands are handled in order.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ShellCommand {
  file: string;
  args: string[];
  /** Extension of the script file the runner writes. */
  extension: string;
}

/** The runner's built-in shells and custom `command {0}` templates (Linux and macOS runners). */
export function shellCommand(shell: string, scriptPath: string): ShellCommand {
  const trimmed = shell.trim();
  switch (trimmed) {
    case "bash":
      return { file: "bash", args: ["--noprofile", "--norc", "-e", "-o", "pipefail", scriptPath], extension: ".sh" };
    case "sh":
      return { file: "sh", args: ["-e", scriptPath], extension: ".sh" };
    case "python":
      return { file: "python", args: [scriptPath], extension: ".py" };
    case "pwsh":
      return { file: "pwsh", args: ["-command", `. '${scriptPath}'`], extension: ".ps1" };
  }
  if (!trimmed.includes("{0}")) {
    throw new Error(
      `Invalid shell option '${trimmed}'. Shell must be a valid built-in (bash, sh, cmd, powershell, pwsh) or a format string containing '{0}'`,
    );
  }
  const [file, ...args] = trimmed.split(/\s+/);
  return { file: file!, args: args.map((a) => a.replaceAll("{0}", scriptPath)), extension: "" };
}

/** Extension for the script file, which must be known before the path is. */
export function shellExtension(shell: string): string {
  try {
    return shellCommand(shell, "x").extension;
  } catch {
    return "";
  }
}

export interface SpawnResult {
  exitCode: number;
  /** The run was cancelled while the step ran (GitHub marks the step cancelled). */
  cancelled?: boolean;
  /** Set when the process could not start (missing shell, missing working directory) or was killed. */
  error?: string;
}

/**
 * GitHub's cancel of a running step: SIGINT to the step's entry process (bash for `run:`), SIGTERM
 * when it has not exited within 7500 ms, then the process tree is killed 2500 ms later.
 * https://docs.github.com/en/actions/reference/workflow-cancellation-reference
 */
export const CANCEL_SIGTERM_AFTER_MS = 7500;
export const CANCEL_KILL_AFTER_MS = 2500;

export function runProcess(
  command: ShellCommand,
  options: {
    cwd: string;
    env: Record<string, string>;
    timeoutMs: number;
    onLine: (line: string) => void;
    /** Aborted when the run is cancelled: the step gets GitHub's SIGINT, SIGTERM, kill sequence. */
    cancelSignal?: AbortSignal;
  },
): Promise<SpawnResult> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const finish = (r: SpawnResult) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolvePromise(r);
      }
    };
    const child = spawn(command.file, command.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs);
    let cancelled = false;
    const cancelTimers: NodeJS.Timeout[] = [];
    const onCancel = () => {
      cancelled = true;
      const signal = (name: NodeJS.Signals, tree: boolean) => {
        try {
          // The tree is killed even when the entry process is gone: its children may live on.
          if (tree && child.pid) process.kill(-child.pid, name);
          else if (child.exitCode === null && child.signalCode === null) child.kill(name);
        } catch {
          // already gone
        }
      };
      signal("SIGINT", false);
      cancelTimers.push(
        setTimeout(() => signal("SIGTERM", false), CANCEL_SIGTERM_AFTER_MS),
        setTimeout(() => signal("SIGKILL", true), CANCEL_SIGTERM_AFTER_MS + CANCEL_KILL_AFTER_MS),
      );
    };
    // A step started after the cancel (`if: cancelled()` or `always()`) runs to its end.
    if (!options.cancelSignal?.aborted) options.cancelSignal?.addEventListener("abort", onCancel, { once: true });
    let open = 2;
    let exit: number | null | undefined;
    const maybeDone = () => {
      if (open === 0 && exit !== undefined) {
        for (const t of cancelTimers) clearTimeout(t);
        options.cancelSignal?.removeEventListener("abort", onCancel);
        if (cancelled) {
          finish({ exitCode: exit ?? 1, error: "The operation was canceled.", cancelled: true });
          return;
        }
        finish(
          timedOut
            ? {
                exitCode: exit ?? 1,
                error: `The step was killed after ${options.timeoutMs} ms (harness stepTimeoutMs).`,
              }
            : { exitCode: exit ?? 1 },
        );
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      rl.on("line", options.onLine);
      rl.on("close", () => {
        open--;
        maybeDone();
      });
    }
    child.on("error", (err: NodeJS.ErrnoException) => {
      const reason =
        err.code === "ENOENT"
          ? `An error occurred trying to start process '${command.file}' with working directory '${options.cwd}'. No such file or directory`
          : err.message;
      finish({ exitCode: 1, error: reason });
    });
    child.on("close", (code, signal) => {
      exit = code ?? (signal ? 128 : 1);
      maybeDone();
    });
  });
}
