/**
 * The Responses API on the wire: which scripted turn answers a request, the Server-Sent Events
 * that stream it back as the Codex CLI expects, and the input messages a client sent.
 */
import type { FakeOpenAIOptions, FakeOutputItem, FakeTurn, RecordedRequest } from "./types.js";

export function pickTurn(reply: FakeOpenAIOptions["reply"], request: RecordedRequest, index: number): FakeTurn {
  if (reply === undefined) return `fake reply ${index + 1}`;
  if (typeof reply === "function") return reply(request, index);
  if (Array.isArray(reply)) return reply[Math.min(index, reply.length - 1)] ?? `fake reply ${index + 1}`;
  return reply;
}

/** The SSE frames for one turn: `response.created`, one `response.output_item.done` per item, `response.completed`. */
export function sseEvents(turn: FakeTurn, ids: { responseId: string; model: string }): string[] {
  const items = typeof turn === "string" ? [{ type: "message", text: turn } as FakeOutputItem] : turn.items;
  const frame = (type: string, data: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const base = { id: ids.responseId, object: "response", created_at: 1_700_000_000, model: ids.model };
  const output = items.map((item, i) => toOutputItem(item, `${ids.responseId}_${i}`));
  const frames = [frame("response.created", { response: { ...base, status: "in_progress", output: [] } })];
  output.forEach((item, i) => {
    frames.push(frame("response.output_item.done", { output_index: i, item }));
  });
  frames.push(
    frame("response.completed", {
      response: {
        ...base,
        status: "completed",
        output,
        usage: {
          input_tokens: 10,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 5,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 15,
        },
      },
    }),
  );
  return frames;
}

function toOutputItem(item: FakeOutputItem, id: string): Record<string, unknown> {
  switch (item.type) {
    case "message":
      return {
        type: "message",
        id: `msg_${id}`,
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text: item.text, annotations: [] }],
      };
    case "function_call":
      return {
        type: "function_call",
        id: `fc_${id}`,
        status: "completed",
        call_id: item.callId ?? `call_${id}`,
        name: item.name,
        arguments: item.arguments,
      };
    case "raw":
      return item.item;
  }
}

/** Concatenated text of every input message with the given role in a recorded Responses request. */
export function inputTexts(request: RecordedRequest, role?: "user" | "assistant" | "developer" | "system"): string[] {
  const body = request.json as { input?: unknown } | undefined;
  const input = Array.isArray(body?.input) ? (body.input as Record<string, unknown>[]) : [];
  const out: string[] = [];
  for (const item of input) {
    if (item.type !== "message" && item.role === undefined) continue;
    if (role && item.role !== role) continue;
    const content = item.content;
    if (typeof content === "string") out.push(content);
    else if (Array.isArray(content)) {
      out.push(
        content
          .map((c: { text?: unknown }) => (typeof c?.text === "string" ? c.text : ""))
          .filter(Boolean)
          .join(""),
      );
    }
  }
  return out;
}
