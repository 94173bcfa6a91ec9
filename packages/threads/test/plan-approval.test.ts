/** postPlanForApproval: the plan comment and the waiting progress checklist, through an in-memory comments port. */
import { describe, expect, test } from "vitest";
import { type MarkedCommentsPort, postPlanForApproval } from "../src/index.js";

function memoryComments(): MarkedCommentsPort & { bodies: Map<string, string> } {
  const bodies = new Map<string, string>();
  const key = (m: { kind: string; id?: string | null }) => `${m.kind}:${m.id ?? ""}`;
  return {
    bodies,
    async find(marker) {
      const body = bodies.get(key(marker));
      return body === undefined ? null : { id: 1, url: "https://example.test/c/1", body };
    },
    async upsert(marker, body) {
      const before = bodies.get(key(marker));
      bodies.set(key(marker), body);
      return { action: before === undefined ? "created" : before === body ? "unchanged" : "updated", id: 1, url: "u" };
    },
  } as MarkedCommentsPort & { bodies: Map<string, string> };
}

const plan = "## Objective\nShip it.\n\n## Task Breakdown\n1. Write the parser\n2. Test it\n";

describe("postPlanForApproval", () => {
  test("posts the plan comment and seeds a waiting checklist from the Task Breakdown", async () => {
    const comments = memoryComments();
    const out = await postPlanForApproval(comments, {
      plan,
      threadLabel: "issue #3",
      secrets: [],
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(out.comment.action).toBe("created");
    expect(out.body).toContain("Write the parser");
    expect(out.progress.body).toContain("execute plan");
    expect(out.progress.state.steps.map((s) => s.text)).toEqual(["Write the parser", "Test it"]);
  });

  test("an empty plan is PROGRESS_INPUT_INVALID and nothing is written", async () => {
    const comments = memoryComments();
    await expect(
      postPlanForApproval(comments, { plan: "  \n", threadLabel: "issue #3", secrets: [], now: new Date() }),
    ).rejects.toMatchObject({ code: "PROGRESS_INPUT_INVALID" });
    expect(comments.bodies.size).toBe(0);
  });
});
