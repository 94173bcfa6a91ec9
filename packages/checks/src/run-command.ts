/**
 * Runs one shell command as the leader of its own process group, so the whole tree (a test runner
 * and the workers it forked, a server started in the background) is killed when the check ends for
 * any reason: pass, fail or timeout. Processes still alive when the shell ended are reported
 * (`leftoverProcesses`) and killed: SIGTERM, then SIGKILL after the grace period.
 */
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { createStreamRedactor } from "@codexrel/core";
import { OutputCapture } from "./output-capture.js";

export interface RunCommandOptions {
  cwd: string;
  /** Full environment for the child (the caller decides what to pass through). */
  env: Record<string, string | undefined>;
  /** Shell used as `<shell> -c <command>`. */
  shell?: string;
  timeoutMs?: number;
  /** How long after SIGTERM the group gets SIGKILL. */
  killGraceMs?: number;
  tailLines?: number;
  failingLines?: number;
  /** Receives output as it arrives (e.g. to stream it to a log), already decoded and redacted. */
  onOutput?: (chunk: string) => void;
  /**
   * Exact secret values to redact on top of the token shapes. Output is redacted as a stream
   * (a token split over two writes is still caught) before it is captured, cut or passed on.
   */
  secrets?: readonly string[];
}

export interface CommandOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Processes of the check's group were still running when the shell ended (they were killed). */
  leftoverProcesses: boolean;
  durationMs: number;
  outputTail: string[];
  firstFailingLines: string[];
  /** Set when the process could not be started at all (bad cwd, missing shell). */
  spawnError?: NodeJS.ErrnoException;
}

export function runCommand(command: string, options: RunCommandOptions): Promise<CommandOutcome> {
  const capture = new OutputCapture(options.tailLines, options.failingLines);
  const redactor = createStreamRedactor({ secrets: options.secrets ?? [] });
  // A multi-byte character split over two reads must not turn into two U+FFFD.
  const decoder = new StringDecoder("utf8");
  const emit = (text: string) => {
    if (text === "") return;
    capture.write(text);
    options.onOutput?.(text);
  };
  const started = performance.now();
  const shell = options.shell ?? "/bin/sh";
  return new Promise((resolve) => {
    let timedOut = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let timeoutTimer: NodeJS.Timeout | undefined;

    // `exec 2>&1` merges stderr into stdout inside the shell, so lines keep the order in which
    // the command wrote them (two pipes would interleave arbitrarily). The shell must be POSIX.
    const child = spawn(shell, ["-c", `exec 2>&1\n${command}`], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });

    let leftoverProcesses = false;
    const finish = (
      outcome: Omit<CommandOutcome, "durationMs" | "outputTail" | "firstFailingLines" | "leftoverProcesses">,
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(killTimer);
      emit(redactor.write(decoder.end()));
      emit(redactor.end());
      capture.end();
      resolve({
        ...outcome,
        leftoverProcesses,
        durationMs: Math.round(performance.now() - started),
        outputTail: capture.lastLines(),
        firstFailingLines: capture.firstFailingLines(),
      });
    };

    const onData = (buf: Buffer) => emit(redactor.write(decoder.write(buf)));
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);

    child.on("error", (error: NodeJS.ErrnoException) => {
      finish({ exitCode: null, signal: null, timedOut: false, spawnError: error });
    });

    if (options.timeoutMs !== undefined) {
      timeoutTimer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid, "SIGTERM");
        killTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), options.killGraceMs ?? 2000);
      }, options.timeoutMs);
    }

    // 'exit' fires when the shell ends; 'close' when its pipes close. A background grandchild can
    // hold the pipes open forever, so after 'exit' we wait briefly for 'close' and then stop
    // reading rather than hang.
    child.on("exit", (code, signal) => {
      if (timedOut) killGroup(child.pid, "SIGKILL");
      else if (groupAlive(child.pid)) {
        // The check is over; whatever it left running in its group goes with it.
        leftoverProcesses = true;
        killGroup(child.pid, "SIGTERM");
        const grace = options.killGraceMs ?? 2000;
        const started = Date.now();
        const poll = setInterval(() => {
          if (!groupAlive(child.pid)) clearInterval(poll);
          else if (Date.now() - started >= grace) {
            killGroup(child.pid, "SIGKILL");
            clearInterval(poll);
          }
        }, 50);
      }
      const done = () => finish({ exitCode: code, signal, timedOut });
      const grace = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        done();
      }, 500);
      child.on("close", () => {
        clearTimeout(grace);
        done();
      });
    });
  });
}

/** Whether any process of the group led by `pid` is still alive (signal 0 checks without sending). */
function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
