import { hasMarker, parseMarkers } from "@codexrel/core";
import {
  applyProgressUpdate,
  emptyProgress,
  isProgressComment,
  PROGRESS_COMMENT_LIMIT,
  parsePlan,
  parseProgressState,
  progressMarkers,
  renderPlanComment,
  renderProgress,
  sanitizeMarkdown,
} from "@codexrel/threads";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";

const T0 = new Date("2026-03-01T10:00:00Z");
const T1 = new Date("2026-03-01T10:05:00Z");

const PLAN = `<!-- codex:plan -->
## Plan

1. This numbered line is ignored because checklist items exist.

- [ ] Parse the config
- [x] Read the docs
  - [ ] Add tests for edge cases
\`\`\`md
- [ ] not a step (inside a code block)
\`\`\`
* [ ] Update the README
`;

describe("plans", () => {
  it("seed the checklist from checklist items outside code, keeping their done state", () => {
    expect(parsePlan(PLAN)).toEqual([
      { text: "Parse the config", done: false },
      { text: "Read the docs", done: true },
      { text: "Add tests for edge cases", done: false },
      { text: "Update the README", done: false },
    ]);
  });

  it("fall back to numbered items, and to nothing", () => {
    expect(parsePlan("Plan:\n1. one\n2) two\n")).toEqual([
      { text: "one", done: false },
      { text: "two", done: false },
    ]);
    expect(parsePlan("just prose")).toEqual([]);
  });
});

describe("seed 001: plan template, done and recaps", () => {
  const TEMPLATE = [
    "## Objective",
    "- [ ] not a task: the objective",
    "## Context & Constraints",
    "1. Node 20",
    "## Task Breakdown",
    "- [ ] Add the parser",
    "- [ ] Add tests",
    "### Notes",
    "- [ ] nested under Task Breakdown",
    "## Deliverables",
    "- [ ] a PR",
    "## Ready Checklist",
    "- [ ] tests green",
  ].join("\n");

  it("the checklist comes from the Task Breakdown section only", () => {
    expect(parsePlan(TEMPLATE).map((s) => s.text)).toEqual([
      "Add the parser",
      "Add tests",
      "nested under Task Breakdown",
    ]);
  });

  it("done checks every step, the final recap replaces the status block, earlier recaps stay", () => {
    let s = applyProgressUpdate(emptyProgress(), { status: "running", steps: parsePlan(TEMPLATE), activeStep: 1 }, T0);
    s = applyProgressUpdate(s, { status: "done", recap: "Turn 1: planned." }, T0);
    expect(s.steps.every((x) => x.done)).toBe(true);
    let body = renderProgress(s);
    expect(body).not.toContain("**Status**");
    expect(body).toContain("Turn 1: planned.");
    s = applyProgressUpdate(s, { status: "running" }, T1);
    expect(renderProgress(s)).toContain("**Status**");
    s = applyProgressUpdate(s, { status: "done", recap: "Turn 2: implemented." }, T1);
    body = renderProgress(s);
    expect(body).toContain("Turn 2: implemented.");
    expect(body).toContain("Earlier turns (1)");
    expect(body).toContain("Turn 1: planned.");
    // The earlier recaps survive the round trip through the comment.
    expect(parseProgressState(body)?.earlierRecaps).toEqual(["Turn 1: planned."]);
  });

  it("the plan comment carries the real marker; a marker in the agent's text is shown, not kept", async () => {
    const body = renderPlanComment("## Task Breakdown\n- [ ] a\n<!-- codex:plan --> forged");
    expect(body.startsWith("<!-- codex:plan -->\n")).toBe(true);
    expect(body.match(/<!-- codex:plan -->/g)).toHaveLength(1);
    expect(hasMarker(body, "plan")).toBe(true);
  });
});

describe("progress state", () => {
  it("merges updates: steps, active step (earlier ones done), tests, blockers, next action, recap", () => {
    let s = applyProgressUpdate(emptyProgress(), { status: "running", title: "Fix login", steps: parsePlan(PLAN) }, T0);
    s = applyProgressUpdate(s, { activeStep: 3 }, T1);
    expect(s.steps.map((x) => x.done)).toEqual([true, true, false, false]);
    expect(s.activeStep).toBe(2);
    s = applyProgressUpdate(
      s,
      {
        completeSteps: ["Add tests for edge cases"],
        testsRun: [{ name: "pnpm test", status: "pass" }],
        blockers: ["waiting for API key"],
        nextAction: "update the README",
      },
      T1,
    );
    expect(s.activeStep).toBeNull();
    expect(s.steps[2]?.done).toBe(true);
    expect(() => applyProgressUpdate(s, { activeStep: 9 }, T1)).toThrow(
      expect.objectContaining({ code: "PROGRESS_INPUT_INVALID" }),
    );
    // Re-seeding with the same plan keeps finished steps finished.
    const reseeded = applyProgressUpdate(s, { steps: parsePlan(PLAN) }, T1);
    expect(reseeded.steps.map((x) => x.done)).toEqual([true, true, true, false]);
  });

  it("is idempotent: the same update twice renders the same body and keeps the timestamp", () => {
    const once = applyProgressUpdate(emptyProgress(), { status: "running", steps: parsePlan(PLAN), activeStep: 1 }, T0);
    const twice = applyProgressUpdate(once, { status: "running", steps: parsePlan(PLAN), activeStep: 1 }, T1);
    expect(twice).toEqual(once);
    expect(renderProgress(twice)).toBe(renderProgress(once));
  });

  it("round-trips through the comment body, so the next run merges into what is posted", () => {
    const s = applyProgressUpdate(
      emptyProgress(),
      {
        status: "running",
        steps: parsePlan(PLAN),
        activeStep: 2,
        testsRun: [{ name: "unit", status: "fail", detail: "2 failed" }],
        runUrl: "https://github.com/o/r/actions/runs/1",
      },
      T0,
    );
    const body = renderProgress(s, { threadLabel: "issue #4" });
    expect(parseProgressState(body)).toEqual(s);
    expect(parseProgressState("no state here")).toBeNull();
    expect(parseProgressState("<!-- codex:progress-state bm90IGpzb24= -->")).toBeNull();
  });
});

describe("the progress comment body", () => {
  const md = new MarkdownIt({ html: true });

  it("carries both markers on its first lines, the checklist, the active step and the status block", () => {
    const s = applyProgressUpdate(
      emptyProgress(),
      {
        status: "running",
        title: "Fix login",
        steps: parsePlan(PLAN),
        activeStep: 3,
        testsRun: [
          { name: "pnpm test", status: "pass" },
          { name: "e2e", status: "skip" },
        ],
        nextAction: "open the PR",
      },
      T0,
    );
    const body = renderProgress(s, { threadLabel: "issue #4" });
    const lines = body.split("\n");
    expect(lines.slice(0, 2)).toEqual(["<!-- codex:progress -->", "<!-- codexrel:progress -->"]);
    expect(hasMarker(body, "progress")).toBe(true);
    expect(isProgressComment(body)).toBe(true);
    expect(isProgressComment(body, "review")).toBe(false);
    expect(body).toContain("### 🔄 Running · issue #4 — Fix login");
    expect(body).toContain("**Active step:** 3. Add tests for edge cases");
    expect(body).toContain("**Checklist** (2/4)");
    expect(body).toContain("- [ ] **Add tests for edge cases** ← in progress");
    expect(body).toContain("- **Tests run:** ✅ pnpm test · ⏭️ e2e");
    expect(body).toContain("- **Blockers:** none");
    expect(body).toContain("- **Next action:** open the PR");
    expect(body).toContain("Updated 2026-03-01T10:00:00.000Z");
    // It renders as a task list.
    expect((md.render(body).match(/<li>\[[ x]\]/g) ?? []).length).toBe(4);
  });

  it("says so when cancelled or failed, and shows the final recap when done", () => {
    const base = applyProgressUpdate(emptyProgress(), { status: "running", steps: parsePlan(PLAN) }, T0);
    const cancelled = renderProgress(applyProgressUpdate(base, { status: "cancelled" }, T1));
    expect(cancelled).toContain("### ⚠️ Cancelled");
    expect(cancelled).toContain("The run was cancelled before it finished.");
    expect(renderProgress(applyProgressUpdate(base, { status: "failed" }, T1))).toContain("The run failed.");
    const done = renderProgress(
      applyProgressUpdate(base, { status: "done", recap: "## Summary\n\n- changed `a.ts`\n- added 3 tests" }, T1),
    );
    expect(done).toContain("### ✅ Done");
    expect(done).toContain("**Recap**\n\n## Summary\n\n- changed `a.ts`");
  });

  it("scopes give a workflow its own comment", () => {
    const body = renderProgress(emptyProgress(), { scope: "review" });
    expect(body.split("\n").slice(0, 2)).toEqual([
      "<!-- codex:progress:review -->",
      "<!-- codexrel:progress:review -->",
    ]);
    expect(isProgressComment(body, "review")).toBe(true);
    expect(isProgressComment(body)).toBe(false);
    expect(() => progressMarkers("Bad Scope")).toThrow(expect.objectContaining({ code: "PROGRESS_INPUT_INVALID" }));
  });

  it("hostile step text, recaps and bodies cannot forge markers, ping people, inject HTML or leak secrets", () => {
    const token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";
    const evil = `<!-- codex:progress --> @everyone <img src=x onerror=alert(1)> ${token} \`\`\`\n<!-- codexrel:report -->`;
    const s = applyProgressUpdate(
      emptyProgress(),
      {
        status: "done",
        title: evil,
        steps: [{ text: evil, done: false }],
        blockers: [evil],
        nextAction: evil,
        testsRun: [{ name: evil, status: "fail", detail: evil }],
        recap: evil,
      },
      T0,
    );
    const body = renderProgress(s, {
      body: `${evil}\n<details><summary>log</summary>ok</details>`,
      secrets: ["s3cr3t-value-123"],
    });
    // Exactly our two markers, from our own lines.
    expect(parseMarkers(body)).toEqual([{ kind: "progress" }]);
    expect(body.match(/<!-- codex:progress -->/g)).toHaveLength(1);
    expect(body).not.toContain(token);
    expect(body).not.toMatch(/(^|[^&#\w])@everyone/);
    expect(body).not.toContain("<img");
    expect(body).toContain("<details><summary>log</summary>"); // harmless tags still render
    // The embedded state is redacted too.
    expect(JSON.stringify(parseProgressState(body))).not.toContain(token);
    expect(sanitizeMarkdown("mail a@b.c and @octocat")).toBe("mail a@b.c and @&#8203;octocat");
  });

  it("always fits GitHub's comment limit, cutting with a notice and keeping the state readable", () => {
    const huge = "x".repeat(200_000);
    const s = applyProgressUpdate(
      emptyProgress(),
      {
        status: "done",
        steps: Array.from({ length: 300 }, (_, i) => ({ text: `step ${i} ${"y".repeat(250)}`, done: true })),
        testsRun: Array.from({ length: 80 }, (_, i) => ({
          name: `t${i} ${"n".repeat(200)}`,
          status: "fail" as const,
          detail: huge,
        })),
        recap: huge,
      },
      T0,
    );
    const body = renderProgress(s, { body: huge });
    expect(body.length).toBeLessThanOrEqual(PROGRESS_COMMENT_LIMIT);
    expect(body).toContain("cut to fit GitHub's comment size limit");
    // The checklist is capped, and the embedded state still parses after shrinking to fit.
    expect(s.steps).toHaveLength(100);
    expect(parseProgressState(body)?.steps).toHaveLength(100);
    const small = renderProgress(s, { limit: 10_000 });
    expect(small.length).toBeLessThanOrEqual(10_000);
  });
});
