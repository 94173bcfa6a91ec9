/**
 * actions/route-event run for real by the action harness (committed bundle, composite steps, env
 * inputs), against the schema-validated fake GitHub.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BOT = "ghs_CANARYrouteBot00000000000000000000000001";
const NO_CHECKS = "ghs_CANARYrouteNoChecks000000000000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write", reader: "read" } });
  fake.state.addIssue("acme/widgets", { number: 7, title: "Add a parser", author: "maintainer" });
  fake.state.addUser("stranger");
  fake.state.addPullRequest("acme/widgets", { number: 8, title: "Parser", headSha: "c".repeat(40) });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: {
      issues: "write",
      pull_requests: "write",
      metadata: "read",
      checks: "read",
      statuses: "read",
      actions: "read",
      contents: "read",
    },
    value: BOT,
  });
  // A job token without checks/statuses/actions read: the review context's reads answer 403.
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read", contents: "read" },
    // A run's token is scoped to its repository: the permission table applies to its reads.
    repositories: ["acme/widgets"],
    value: NO_CHECKS,
  });
});

let harness: ActionHarness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

function commentEvent(
  id: number,
  body: string,
  user: { login: string; type?: string },
  association: string,
  pr = false,
) {
  return {
    name: "issue_comment",
    payload: {
      action: "created",
      repository: { full_name: "acme/widgets", name: "widgets", owner: { login: "acme" } },
      issue: {
        number: pr ? 8 : 7,
        title: pr ? "Parser" : "Add a parser",
        state: "open",
        ...(pr ? { pull_request: { url: "https://api.github.com/repos/acme/widgets/pulls/8" } } : {}),
      },
      comment: {
        id,
        body,
        user: { type: "User", ...user },
        author_association: association,
        html_url: "https://github.com/x",
      },
      sender: { type: "User", ...user },
    },
  };
}

function start(event: { name: string; payload: Record<string, unknown> }, token = BOT): ActionHarness {
  harness = createActionHarness({
    event,
    github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token, run_id: "4242" },
  });
  return harness;
}

describe("actions/route-event", () => {
  it("end to end: an owner's comment continues the issue; the prompt and task are files, outputs carry no untrusted text", async () => {
    const h = start(commentEvent(501, "Use the v2 API $(rm -rf ~) `id`", { login: "acme" }, "OWNER"));
    const r = await h.run("route-event");
    expect(r.conclusion).toBe("success");
    expect(r.outputs).toMatchObject({
      action: "continue",
      stage: "planning",
      "reason-code": "COMMENT",
      repository: "acme/widgets",
      kind: "issue",
      number: "7",
      "thread-key": "acme/widgets/issue-7",
      "concurrency-group": "codexrel-acme/widgets/issue-7",
      branch: "codex/issue-7/add-a-parser",
      drained: "0",
      error: "",
    });
    const prompt = readFileSync(r.outputs["prompt-file"] as string, "utf8");
    expect(prompt).toContain("Use the v2 API $(rm -rf ~) `id`");
    expect(prompt).toMatch(/<<<untrusted [0-9a-f]{16} comment of issue #7>>>/);
    expect(readFileSync(r.outputs["pr-body-file"] as string, "utf8")).toContain("Closes #7");
    expect(JSON.parse(readFileSync(r.outputs["task-file"] as string, "utf8"))).toMatchObject({ action: "continue" });
    for (const value of Object.values(r.outputs)) expect(value).not.toContain("rm -rf");
    expect(r.summary).toContain("**continue** · planning · acme/widgets#7 (issue)");
    expect(r.log.join("\n")).not.toContain(BOT);
  });

  it("bots and this automation never trigger: ignore with the reason, no prompt file", async () => {
    const r = await start(
      commentEvent(502, "@codex review", { login: "renovate[bot]", type: "Bot" }, "NONE", true),
    ).run("route-event");
    expect(r.outputs).toMatchObject({ action: "ignore", "reason-code": "BOT_AUTHOR", "prompt-file": "" });
    const self = await start(commentEvent(503, "status", { login: "github-actions[bot]", type: "Bot" }, "NONE")).run(
      "route-event",
    );
    expect(self.outputs["reason-code"]).toBe("SELF_AUTHOR");
  });

  it("a non-collaborator is ignored; a contributor with write access (looked up on GitHub) is served", async () => {
    const stranger = await start(commentEvent(504, "do it", { login: "stranger" }, "NONE")).run("route-event");
    expect(stranger.outputs).toMatchObject({ action: "ignore", "reason-code": "NOT_AUTHORIZED" });
    const writer = await start(commentEvent(505, "do it", { login: "maintainer" }, "CONTRIBUTOR")).run("route-event", {
      inputs: { "allowed-associations": "OWNER" },
    });
    expect(writer.outputs.action).toBe("continue");
    expect(writer.outputs.reason).toContain("holds write access");
  });

  it("state-dir and drain: one run covers the queued comments in order; after commit, a replay is a duplicate", async () => {
    const s = gh().state;
    const first = s.addComment("acme/widgets", 7, { author: "maintainer", body: "first: add tests" });
    s.addComment("acme/widgets", 7, { author: "dependabot[bot]", body: "noise" });
    const last = s.addComment("acme/widgets", 7, { author: "acme", body: "second: and docs" });
    const h = start(commentEvent(last.id, "second: and docs", { login: "acme" }, "OWNER"));
    const stateDir = join(h.paths.workspace, "codex-home", "codexrel", "threads");
    const r = await h.run("route-event", { inputs: { "state-dir": stateDir, drain: "true" } });
    expect(r.outputs).toMatchObject({ action: "continue", drained: "1" });
    const prompt = readFileSync(r.outputs["prompt-file"] as string, "utf8");
    expect(prompt.indexOf("first: add tests")).toBeGreaterThan(0);
    expect(prompt.indexOf("first: add tests")).toBeLessThan(prompt.indexOf("second: and docs"));
    expect(r.summary).toContain("1 queued request(s) drained");

    const taskFile = join(h.paths.workspace, "task.json");
    writeFileSync(taskFile, readFileSync(r.outputs["task-file"] as string));
    const commit = await h.run("route-event", { inputs: { "state-dir": stateDir, commit: taskFile } });
    expect(commit.conclusion).toBe("success");
    expect(commit.outputs.action).toBe("continue");
    const state = JSON.parse(readFileSync(join(stateDir, "acme__widgets__issue-7.json"), "utf8"));
    expect(state.cursors.issueComment).toBe(last.id);
    expect(state.seen).toEqual([`issue_comment/${last.id}`, `issue_comment/${first.id}`]);

    const replay = await h.run("route-event", { inputs: { "state-dir": stateDir, drain: "true" } });
    expect(replay.outputs).toMatchObject({ action: "duplicate", "reason-code": "DUPLICATE", "prompt-file": "" });
  });

  it("a review request on a PR gets the review context appended to the prompt", async () => {
    gh().state.addCheckRun("acme/widgets", "c".repeat(40), { name: "test", workflow: "ci", conclusion: "FAILURE" });
    gh().state.addReviewThread("acme/widgets", 8, {
      path: "a.ts",
      line: 2,
      comments: [{ author: "maintainer", body: "rename" }],
    });
    const r = await start(commentEvent(506, "@codex review", { login: "acme" }, "OWNER", true)).run("route-event");
    expect(r.outputs).toMatchObject({ action: "review", stage: "review", kind: "pr", branch: "" });
    const prompt = readFileSync(r.outputs["prompt-file"] as string, "utf8");
    expect(prompt).toContain("## Review context for pull request #8");
    expect(prompt).toContain("- ci / test: failure");
    expect(prompt).toContain("1. a.ts line 2");
  });

  it("a 403 on the review context is never a silent ignore: coded error with the permission, task kept, blocking fails", async () => {
    const event = commentEvent(508, "@codex review", { login: "acme" }, "OWNER", true);
    const advisory = await start(event, NO_CHECKS).run("route-event");
    expect(advisory.conclusion).toBe("success");
    expect(advisory.outputs.action).toBe("ignore");
    expect(advisory.outputs["reason-code"]).toBe("GITHUB_PERMISSION_DENIED");
    expect(advisory.outputs.error).toMatch(/^GITHUB_PERMISSION_DENIED: .*Resource not accessible by integration/);
    expect(advisory.outputs.error, advisory.outputs.error).toMatch(/checks: read|actions: read|statuses: read/);
    // The thread and the task file stay, so the failure step can say why on the progress comment.
    expect(advisory.outputs).toMatchObject({ kind: "pr", number: "8" });
    expect(JSON.parse(readFileSync(advisory.outputs["task-file"] as string, "utf8")).thread.number).toBe(8);
    harness?.dispose();
    const blocking = await start(event, NO_CHECKS).run("route-event", { inputs: { mode: "blocking" } });
    expect(blocking.conclusion).toBe("failure");
  });

  it("advisory (default): an unreadable payload routes to ignore with the error, and the step succeeds; blocking fails", async () => {
    const h = start({ name: "issues", payload: { action: "opened" } });
    const r = await h.run("route-event");
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ action: "ignore", "reason-code": "EVENT_PAYLOAD_INVALID" });
    expect(r.outputs.error).toMatch(/^EVENT_PAYLOAD_INVALID: /);
    expect(r.summary).toContain("**failed**");
    expect(r.annotations.some((a) => a.level === "warning")).toBe(true);
    const blocking = await h.run("route-event", { inputs: { mode: "blocking" } });
    expect(blocking.conclusion).toBe("failure");
    expect(blocking.exitCode).toBe(1);
  });

  it("GitHub refusing the drain: advisory reports it and routes to ignore instead of running on a partial queue", async () => {
    gh().fault({ graphql: "repository" }, { kind: "unauthorized" }, { times: Number.POSITIVE_INFINITY });
    const h = start(commentEvent(507, "go on", { login: "acme" }, "OWNER"));
    const stateDir = join(h.paths.workspace, "state");
    const r = await h.run("route-event", { inputs: { "state-dir": stateDir, drain: "true" } });
    expect(r.conclusion).toBe("success");
    expect(r.outputs.action).toBe("ignore");
    expect(r.outputs.error).toMatch(/^GITHUB_/);
    expect(existsSync(join(stateDir, "acme__widgets__issue-7.json"))).toBe(false);
  });
});
