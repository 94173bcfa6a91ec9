import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatCodexLine } from "@codexrel/stream";
import { expect, test } from "vitest";

// Recorded from the real `codex exec --json` (@openai/codex 0.169) against the testkit's fake
// Responses API: a command that exits 3, an apply_patch adding a file, an agent message.
const recorded = readFileSync(join(import.meta.dirname, "fixtures/codex-0.169-exec.jsonl"), "utf8")
  .trim()
  .split("\n");

test("the recorded Codex events read as lines: session, command with exit code, file change, message, usage", () => {
  const lines = recorded.flatMap((l) => formatCodexLine(l).lines);
  expect(lines).toEqual([
    expect.stringMatching(/^▶ codex session [0-9a-f-]{36}$/),
    "⚠ Model metadata for `gpt-test` not found. Defaulting to fallback metadata; this can degrade performance and cause issues.",
    "$ /bin/bash -lc 'echo hi; exit 3'",
    "  │ hi",
    "  ✗ exit 3 · /bin/bash -lc 'echo hi; exit 3'",
    expect.stringMatching(/^✎ add \/tmp\/probe-cwd-\w+\/hello\.txt$/),
    "💬 All done: ran the command.",
    "■ turn completed · tokens in 30 (cached 0), out 15",
  ]);
  expect(recorded.every((l) => formatCodexLine(l).event)).toBe(true);
});

test("other text and other JSON pass through unchanged", () => {
  for (const line of ["npm test", "", '{"level":"info","msg":"x"}', '{"type":"custom"}', "{not json}", "[1,2]"]) {
    expect(formatCodexLine(line)).toEqual({ lines: [line], event: false, truncated: false });
  }
});

test("command output is cut to the limit with a count; a successful command is marked ✓", () => {
  const output = Array.from({ length: 30 }, (_, i) => `out ${i}`).join("\n");
  const event = JSON.stringify({
    type: "item.completed",
    item: {
      id: "i",
      type: "command_execution",
      command: "pnpm test",
      aggregated_output: output,
      exit_code: 0,
      status: "completed",
    },
  });
  const cut = formatCodexLine(event, { maxOutputLines: 5 });
  expect(cut.truncated).toBe(true);
  expect(cut.lines).toEqual([
    "  │ out 0",
    "  │ out 1",
    "  │ out 2",
    "  │ out 3",
    "  │ out 4",
    "  │ … 25 more lines of output",
    "  ✓ exit 0 · pnpm test",
  ]);
  expect(formatCodexLine(event, { maxOutputLines: Number.POSITIVE_INFINITY }).lines).toHaveLength(31);
});

test("multi-line agent messages, todo lists, failed turns and MCP calls", () => {
  const f = (e: unknown) => formatCodexLine(JSON.stringify(e)).lines;
  expect(f({ type: "item.completed", item: { id: "1", type: "agent_message", text: "Plan:\n1. a\n2. b" } })).toEqual([
    "💬 Plan:",
    "   1. a",
    "   2. b",
  ]);
  expect(
    f({
      type: "item.updated",
      item: {
        id: "2",
        type: "todo_list",
        items: [
          { text: "a", completed: true },
          { text: "b", completed: false },
        ],
      },
    }),
  ).toEqual(["☰ plan 1/2", "  ☑ a", "  ☐ b"]);
  expect(f({ type: "turn.failed", error: { message: "stream disconnected" } })).toEqual([
    "✖ turn failed: stream disconnected",
  ]);
  expect(
    f({
      type: "item.completed",
      item: {
        id: "3",
        type: "mcp_tool_call",
        server: "gh",
        tool: "search",
        status: "failed",
        error: { message: "401" },
      },
    }),
  ).toEqual(["⚙ gh.search → failed: 401"]);
  expect(f({ type: "turn.started" })).toEqual([]);
  expect(f({ type: "item.started", item: { id: "4", type: "agent_message", text: "" } })).toEqual([]);
});
