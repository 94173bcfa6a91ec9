import { routeEvent } from "@codexrel/threads";
import { describe, expect, it } from "vitest";
import { example, fakePermissions, type Payload, untrustedBodies } from "./helpers.js";

function comment(body: string, patch: Record<string, unknown> = {}): Payload {
  const p = example("issue_comment", "created");
  p["comment"]["body"] = body;
  Object.assign(p["comment"], patch);
  return p;
}

describe("@codex stop", () => {
  it("a maintainer's `@codex stop` routes to the stop command with the reason fenced", async () => {
    const task = await routeEvent({ eventName: "issue_comment", payload: comment("@codex stop: the budget is spent") });
    expect(task).toMatchObject({ action: "continue", command: "stop", reasonCode: "STOP_COMMAND" });
    expect(task.prompt).toContain("codexrel iterations stop --by Codertocat");
    expect(untrustedBodies(task.prompt)).toEqual(["the budget is spent\n"]);
  });

  it("is gated like the other commands: an outsider without write permission is not authorized", async () => {
    const payload = comment("@codex stop", {
      user: { login: "drive-by", id: 99, type: "User" },
      author_association: "CONTRIBUTOR",
    });
    const task = await routeEvent({
      eventName: "issue_comment",
      payload,
      permissions: fakePermissions({ "drive-by": "read" }),
    });
    expect(task).toMatchObject({ action: "ignore", reasonCode: "NOT_AUTHORIZED" });
  });

  it("a bot's own comment quoting the command is not a stop (bot-loop guard first)", async () => {
    const task = await routeEvent({
      eventName: "issue_comment",
      payload: comment("@codex stop", { user: { login: "github-actions[bot]", type: "Bot" } }),
    });
    expect(task.command).toBeNull();
    expect(task.action).toBe("ignore");
  });
});
