/**
 * Stage 0 on a thread: a release request's plan, derived from the issue form's answers, posted as
 * the thread's plan comment through @codexrel/github against the testkit's fake GitHub. Bodies
 * are built from the form file itself, as GitHub renders an issue form.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Thread } from "@codexrel/core";
import { createGitHubClient } from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import {
  PLAN_MARKER,
  parseProgressState,
  postReleasePlan,
  releasePlanPrompt,
  routeEvent,
  threadsGitHub,
} from "@codexrel/threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { example } from "./helpers.js";

const BOT = "ghs_CANARYreleasePlanBot0000000000000000001";
const LEAK = "sk-CANARYreleasePlanLeak0000000000000000";
const T0 = new Date("2026-03-01T10:00:00Z");
const ISSUE: Thread = { repository: "acme/widgets", kind: "issue", number: 7 };

const formPath = join(import.meta.dirname, "..", "..", "..", ".github", "ISSUE_TEMPLATE", "codex-release.yml");
const form = parse(readFileSync(formPath, "utf8")) as { body: { type: string; attributes: { label?: string } }[] };

/** The issue body GitHub renders from the form for these answers (by label). */
function body(answers: Record<string, string>): string {
  return form.body
    .filter((e) => e.type !== "markdown")
    .map((e) => `### ${e.attributes.label}\n\n${answers[e.attributes.label ?? ""]?.trim() || "_No response_"}`)
    .join("\n\n");
}

const COMPLETE = {
  "Target version": "1.4.0",
  "Release target kind": "Release branch",
  "Release branch or tag": "release/1.4",
  "Changelog source": "Changesets",
  "Required CUJs": "checkout\nsign-in",
  "Fix budget": "3",
};

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write" } });
  fake.state.addIssue("acme/widgets", { number: 7, title: "Release: 1.4.0", author: "maintainer" });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", metadata: "read" },
    value: BOT,
  });
});

function port() {
  const client = createGitHubClient({
    token: BOT,
    apiUrl: gh().apiUrl,
    graphqlUrl: gh().graphqlUrl,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retryBaseDelayMs: 1,
    sleep: async () => {},
  });
  return threadsGitHub(client).comments(ISSUE);
}

const comments = () => gh().state.threadComments("acme/widgets", 7);

describe("postReleasePlan", () => {
  it("posts the intake's plan with the plan marker and seeds the progress checklist from its Task Breakdown", async () => {
    const posted = await postReleasePlan(port(), { body: body(COMPLETE), title: "Release: 1.4.0", now: T0 });
    expect(posted.complete).toBe(true);
    expect(posted.intake?.requiredCujs).toEqual(["checkout", "sign-in"]);
    const plan = comments().find((c) => c.body.startsWith(PLAN_MARKER));
    expect(plan?.body).toContain("# Release plan: 1.4.0");
    expect(plan?.body).toContain("Fix budget: at most 3 fix iteration(s)");
    expect(plan?.body).toContain("Reply `execute plan`");
    const progress = comments().find((c) => c.body.includes("<!-- codexrel:progress -->"));
    const state = parseProgressState(progress?.body ?? "");
    expect(state?.status).toBe("queued");
    expect(state?.steps.map((s) => s.text)).toHaveLength(5);
    expect(state?.steps[0]?.text).toContain("codexrel run");
    expect(state?.blockers).toEqual([]);
  });

  it("names the missing required answers, plans nothing, and an edit that completes them replaces that comment", async () => {
    const partial = await postReleasePlan(port(), {
      body: body({ ...COMPLETE, "Required CUJs": "", "Fix budget": "" }),
      now: T0,
    });
    expect(partial.complete).toBe(false);
    expect(partial.problems.map((p) => p.label).sort()).toEqual(["Fix budget", "Required CUJs"]);
    const asked = comments().filter((c) => c.body.startsWith(PLAN_MARKER));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toContain("information needed");
    expect(asked[0]?.body).not.toContain("## Task Breakdown");
    const waiting = parseProgressState(comments().find((c) => c.body.includes("codexrel:progress"))?.body ?? "");
    expect(waiting?.steps).toEqual([]);
    expect(waiting?.blockers.join("\n")).toContain("RELEASE_INTAKE_INCOMPLETE: Fix budget");

    const completed = await postReleasePlan(port(), { body: body(COMPLETE), now: T0 });
    expect(completed.complete).toBe(true);
    expect(completed.comment.id).toBe(partial.comment.id);
    const plans = comments().filter((c) => c.body.startsWith(PLAN_MARKER));
    expect(plans).toHaveLength(1);
    expect(plans[0]?.body).toContain("## Task Breakdown");
    const ready = parseProgressState(comments().find((c) => c.body.includes("codexrel:progress"))?.body ?? "");
    expect(ready?.blockers).toEqual([]);
    expect(ready?.steps).toHaveLength(5);
  });

  it("redacts a secret pasted into the request from the plan and progress comments", async () => {
    await postReleasePlan(port(), {
      body: body({ ...COMPLETE, Notes: `token is ${LEAK}` }),
      secrets: [LEAK],
      now: T0,
    });
    expect(comments().length).toBe(2);
    for (const c of comments()) expect(c.body).not.toContain(LEAK.slice(0, 12));
  });

  it("the posted plan comment does not promote itself: routing the bot's own comment is ignored", async () => {
    const posted = await postReleasePlan(port(), { body: body(COMPLETE), now: T0 });
    const payload = example("issue_comment", "created");
    payload.issue.number = 7;
    payload.repository.full_name = "acme/widgets";
    payload.comment.body = posted.plan;
    payload.comment.user = { login: "github-actions[bot]", type: "Bot" };
    payload.sender = { login: "github-actions[bot]", type: "Bot" };
    const task = await routeEvent({ eventName: "issue_comment", payload });
    expect(task.action).toBe("ignore");
  });
});

describe("releasePlanPrompt", () => {
  it("keeps the routed prompt and fences the plan so a fence inside it cannot close the block", () => {
    const prompt = releasePlanPrompt("Plan issue #7.", "# Release plan\n````\nbreak out\n````");
    expect(prompt.startsWith("Plan issue #7.")).toBe(true);
    expect(prompt).toContain("Do not write\nanother plan");
    expect(prompt.match(/^````/gm)).toHaveLength(2);
  });
});
