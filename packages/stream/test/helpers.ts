import { MESSAGE_BODY_LIMIT } from "@codexrel/stream";

/** The log lines inside posted code-block messages (the banner and notices excluded on request). */
export function linesOf(messages: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of messages) {
    if (!m.startsWith("```\n")) continue;
    expect(m.endsWith("\n```")).toBe(true);
    const body = m.slice(4, -4);
    expect(body.length).toBeLessThanOrEqual(MESSAGE_BODY_LIMIT);
    out.push(...body.split("\n"));
  }
  return out;
}

/** Joins pieces of long lines (marked ` ↩`) back together and removes the zero-width spaces. */
export function rejoin(lines: readonly string[]): string[] {
  const out: string[] = [];
  let carry = "";
  for (const l of lines) {
    if (l.endsWith(" ↩")) carry += l.slice(0, -2);
    else {
      out.push((carry + l).replace(/\u200b/g, ""));
      carry = "";
    }
  }
  return out;
}

/** Balanced: every message has an even number of ``` fences. */
export function fencesBalanced(message: string): boolean {
  return (message.match(/```/g) ?? []).length % 2 === 0;
}

import { expect } from "vitest";
