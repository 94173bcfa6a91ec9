/**
 * Scripted tool calls for the real Codex CLI. Codex 0.169 offers the model an `exec_command`
 * function (`{"cmd": "..."}`, plus workdir/tty/... options) and runs it in its sandbox, then sends
 * the output back as a `function_call_output` in the next request (found by experiment: the
 * request's `tools` list, and a file the command wrote appearing in the working directory).
 */
import type { FakeTurn } from "./server.js";

let seq = 0;

/** A turn in which the model asks Codex to run one shell command. */
export function execCommandTurn(cmd: string, options: { workdir?: string; callId?: string } = {}): FakeTurn {
  seq += 1;
  return {
    items: [
      {
        type: "function_call",
        name: "exec_command",
        arguments: JSON.stringify({ cmd, ...(options.workdir ? { workdir: options.workdir } : {}) }),
        callId: options.callId ?? `call_exec_${seq}`,
      },
    ],
  };
}
