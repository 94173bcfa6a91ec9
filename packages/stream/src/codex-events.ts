/**
 * Codex's `codex exec --json` events as readable lines. The shapes are the CLI's own
 * (`codex-rs/exec/src/exec_events.rs`, checked against the real `@openai/codex` 0.169 run against
 * the testkit's fake Responses API: see test/codex-events.test.ts):
 *
 *   {"type":"thread.started","thread_id":"…"}
 *   {"type":"item.started","item":{"id":"item_1","type":"command_execution","command":"/bin/bash -lc 'echo hi'",
 *     "aggregated_output":"","exit_code":null,"status":"in_progress"}}
 *   {"type":"item.completed","item":{…,"aggregated_output":"hi\n","exit_code":3,"status":"failed"}}
 *   {"type":"item.completed","item":{"id":"item_2","type":"file_change","changes":[{"path":"…","kind":"add"}],
 *     "status":"completed"}}
 *   {"type":"item.completed","item":{"id":"item_3","type":"agent_message","text":"…"}}
 *   {"type":"turn.completed","usage":{"input_tokens":30,"cached_input_tokens":0,"output_tokens":15,…}}
 *
 * A line that is not one of these events (plain text, other JSON) is passed through as it is.
 */

export interface FormatOptions {
  /** Lines of a command's output to show; the rest is counted ("… 120 more lines"). Default 20. */
  maxOutputLines?: number;
}

export interface Formatted {
  /** Readable lines; empty when the event carries nothing worth showing (e.g. `turn.started`). */
  lines: string[];
  /** True when the line was a Codex event (false: passed through unchanged). */
  event: boolean;
  /** True when command output was cut to `maxOutputLines`. */
  truncated: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const textLines = (text: string): string[] => text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");

const TOP_LEVEL = new Set([
  "thread.started",
  "turn.started",
  "turn.completed",
  "turn.failed",
  "item.started",
  "item.updated",
  "item.completed",
  "item.plan.delta",
  "request_user_input",
  "error",
]);

/** Formats one input line. */
export function formatCodexLine(line: string, options: FormatOptions = {}): Formatted {
  const passthrough: Formatted = { lines: [line], event: false, truncated: false };
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return passthrough;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return passthrough;
  }
  if (!isObject(value) || typeof value.type !== "string" || !TOP_LEVEL.has(value.type)) return passthrough;
  const max = options.maxOutputLines ?? 20;
  const out = formatEvent(value, max);
  return out ? { lines: out.lines, event: true, truncated: out.truncated } : passthrough;
}

function formatEvent(e: Json, maxOutput: number): { lines: string[]; truncated: boolean } | null {
  const plain = (lines: string[]) => ({ lines, truncated: false });
  switch (e.type) {
    case "thread.started":
      return plain([`▶ codex session ${str(e.thread_id)}`]);
    case "turn.started":
    case "item.plan.delta":
      return plain([]);
    case "turn.completed": {
      const u = isObject(e.usage) ? e.usage : {};
      const n = (k: string) => (typeof u[k] === "number" ? (u[k] as number) : 0);
      return plain([
        `■ turn completed · tokens in ${n("input_tokens")} (cached ${n("cached_input_tokens")}), out ${n("output_tokens")}`,
      ]);
    }
    case "turn.failed": {
      const err = isObject(e.error) ? str(e.error.message) : "";
      return plain([`✖ turn failed: ${err}`]);
    }
    case "error":
      return plain([`✖ error: ${str(e.message)}`]);
    case "request_user_input":
      return plain(["? the agent asked for input (not available in exec mode)"]);
    default:
      break;
  }
  if (!isObject(e.item)) return null;
  return formatItem(e.type as string, e.item, maxOutput);
}

function formatItem(phase: string, item: Json, maxOutput: number): { lines: string[]; truncated: boolean } | null {
  const plain = (lines: string[]) => ({ lines, truncated: false });
  const done = phase === "item.completed";
  switch (item.type) {
    case "agent_message":
      return plain(done ? textLines(str(item.text)).map((l, i) => (i === 0 ? `💬 ${l}` : `   ${l}`)) : []);
    case "reasoning":
      return plain(done && str(item.text) ? textLines(str(item.text)).map((l) => `· ${l}`) : []);
    case "plan":
      return plain(done ? textLines(str(item.text)).map((l, i) => (i === 0 ? `📋 ${l}` : `   ${l}`)) : []);
    case "command_execution":
      return formatCommand(phase, item, maxOutput);
    case "file_change": {
      if (!done) return plain([]);
      const changes = Array.isArray(item.changes) ? item.changes.filter(isObject) : [];
      const failed = item.status === "failed";
      const lines = changes.map((c) => `✎ ${str(c.kind) || "change"} ${str(c.path)}${failed ? " (patch failed)" : ""}`);
      return plain(lines.length > 0 ? lines : [`✎ file change ${str(item.status)}`]);
    }
    case "mcp_tool_call": {
      if (!done) return plain([`⚙ ${str(item.server)}.${str(item.tool)} …`]);
      const err = isObject(item.error) ? `: ${str(item.error.message)}` : "";
      return plain([`⚙ ${str(item.server)}.${str(item.tool)} → ${str(item.status)}${err}`]);
    }
    case "collab_tool_call":
      return plain(done ? [`⚙ ${str(item.tool)} → ${str(item.status)}`] : []);
    case "web_search":
      return plain(done ? [`🔎 ${str(item.query)}`] : []);
    case "todo_list": {
      if (phase === "item.started") return plain([]);
      const items = Array.isArray(item.items) ? item.items.filter(isObject) : [];
      const doneCount = items.filter((t) => t.completed === true).length;
      return plain([
        `☰ plan ${doneCount}/${items.length}`,
        ...items.map((t) => `  ${t.completed === true ? "☑" : "☐"} ${str(t.text)}`),
      ]);
    }
    case "error":
      return plain([`⚠ ${str(item.message)}`]);
    default:
      return null;
  }
}

function formatCommand(phase: string, item: Json, maxOutput: number): { lines: string[]; truncated: boolean } {
  const command = str(item.command);
  if (phase === "item.started") return { lines: [`$ ${command}`], truncated: false };
  if (phase !== "item.completed") return { lines: [], truncated: false };
  const output = str(item.aggregated_output);
  const all = output === "" ? [] : textLines(output);
  const shown = all.slice(0, Math.max(0, maxOutput));
  const lines = shown.map((l) => `  │ ${l}`);
  const truncated = all.length > shown.length;
  if (truncated) lines.push(`  │ … ${all.length - shown.length} more lines of output`);
  const status = str(item.status);
  const code = typeof item.exit_code === "number" ? `exit ${item.exit_code}` : status || "no exit code";
  const mark = status === "completed" && item.exit_code === 0 ? "✓" : "✗";
  lines.push(`  ${mark} ${code}${status === "declined" ? " (declined)" : ""} · ${shorten(command, 120)}`);
  return { lines, truncated };
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}
