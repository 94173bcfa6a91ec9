/** Reading what the agent and workflows hand in: a plan's checklist, and tests-run lines. */
import { ThreadsErrorCodes, threadsError } from "../errors.js";
import { linesOutsideCode } from "../text.js";
import type { ProgressStep, TestRun } from "./state.js";

/**
 * Checklist steps from a plan: `- [ ]`/`- [x]` items (top level and nested, outside code fences);
 * when there is none, the numbered list items (`1. step`). The plan marker and headings are ignored.
 */
export function parsePlan(markdown: string): ProgressStep[] {
  const checks: ProgressStep[] = [];
  const numbered: ProgressStep[] = [];
  for (const line of taskBreakdown(linesOutsideCode(markdown))) {
    const c = /^[-*+]\s+\[( |x|X)\]\s+(.+)$/.exec(line);
    if (c) {
      checks.push({ text: cleanStep(c[2] as string), done: c[1] !== " " });
      continue;
    }
    const n = /^\d{1,3}[.)]\s+(.+)$/.exec(line);
    if (n) numbered.push({ text: cleanStep(n[1] as string), done: false });
  }
  return (checks.length > 0 ? checks : numbered).filter((s) => s.text !== "").slice(0, 200);
}

/**
 * The lines of the plan template's `Task Breakdown` section (seed 001: Objective, Context &
 * Constraints, Task Breakdown, Deliverables, ...), up to the next heading of the same or a higher
 * level; the whole plan when it has no such section.
 */
function taskBreakdown(lines: string[]): string[] {
  const start = lines.findIndex((l) => /^#{1,6}\s+(\d+[.)]\s*)?task breakdown\b/i.test(l));
  if (start < 0) return lines;
  const level = (lines[start] as string).length - (lines[start] as string).replace(/^#+/, "").length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const h = /^(#+)\s/.exec(line);
    if (h && (h[1] as string).length <= level) break;
    out.push(line);
  }
  return out;
}

/** One `name=pass|fail|skip|error[: detail]` line (the tests-run format of the CLI and the action). */
export function parseTestLine(text: string): TestRun {
  const m = /^(.+?)=(pass|fail|skip|error)(?::\s*(.*))?$/.exec(text.trim());
  if (!m) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `test ${JSON.stringify(text)} is not name=pass|fail|skip|error[: detail]`,
      "Write one test per line, e.g. `pnpm test=pass` or `e2e=fail: 2 failed`.",
    );
  }
  return { name: (m[1] as string).trim(), status: m[2] as TestRun["status"], detail: m[3]?.trim() || null };
}

function cleanStep(text: string): string {
  return text.trim().slice(0, 300);
}
