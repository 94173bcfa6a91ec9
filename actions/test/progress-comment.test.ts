/**
 * actions/progress-comment run for real by the action harness against the fake GitHub: the
 * comment's life (update, done, cancel), idempotence, dry run, handoff, and advisory failures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BOT = "ghs_CANARYprogressBot0000000000000000000001";
const READONLY = "ghs_CANARYprogressRead000000000000000000002";
const HEAD = "d".repeat(40);

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write" } });
  fake.state.addIssue("acme/widgets", { number: 7, title: "Add a parser" });
  fake.state.addPullRequest("acme/widgets", { number: 8, title: "Parser", draft: true, headSha: HEAD });
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
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: READONLY,
  });
});

let harness: ActionHarness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

function start(token = BOT): ActionHarness {
  harness = createActionHarness({
    github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token, run_id: "77" },
  });
  return harness;
}

function taskFile(h: ActionHarness, kind: "issue" | "pr", number: number): string {
  const file = join(h.paths.workspace, `task-${number}.json`);
  writeFileSync(
    file,
    JSON.stringify({ action: "continue", thread: { repository: "acme/widgets", kind, number }, title: "Add a parser" }),
  );
  return file;
}

const comments = (n: number) => gh().state.threadComments("acme/widgets", n);

// The client spaces comment writes 3 s apart (GitHub's guidance), so a run that writes several
// comments takes that long: a generous timeout, not a timing assertion.
describe("actions/progress-comment", { timeout: 90_000 }, () => {
  it("end to end: created from the plan, updated in place, marked done with the recap; a repeat writes nothing", async () => {
    const h = start();
    const task = taskFile(h, "issue", 7);
    writeFileSync(join(h.paths.workspace, "plan.md"), "<!-- codex:plan -->\n- [ ] parse\n- [ ] test\n");
    const created = await h.run("progress-comment", {
      inputs: { "task-file": task, "plan-file": "plan.md", "active-step": "1", "next-action": "write the parser" },
    });
    expect(created.conclusion).toBe("success");
    expect(created.outputs).toMatchObject({ result: "created", error: "" });
    expect(comments(7)).toHaveLength(1);
    const body = comments(7)[0]!.body;
    expect(body.split("\n").slice(0, 2)).toEqual(["<!-- codex:progress -->", "<!-- codexrel:progress -->"]);
    expect(body).toContain("### 🔄 Running · issue #7 — Add a parser");
    expect(body).toContain("- [ ] **parse** ← in progress");
    expect(body).toContain("[workflow run](https://github.com/acme/widgets/actions/runs/77)");

    const updated = await h.run("progress-comment", {
      inputs: { "task-file": task, "active-step": "test", tests: "pnpm test=pass\ne2e=fail: 2 failed" },
    });
    expect(updated.outputs).toMatchObject({ result: "updated", "comment-id": created.outputs["comment-id"] });
    expect(comments(7)[0]!.body).toContain("- **Tests run:** ✅ pnpm test · ❌ e2e (2 failed)");

    writeFileSync(join(h.paths.workspace, "last.md"), "## Summary\n\nParser added, @octocat please look.");
    const done = await h.run("progress-comment", {
      inputs: { mode: "done", "task-file": task, "recap-file": "last.md" },
    });
    expect(done.outputs.result).toBe("updated");
    const final = comments(7)[0]!.body;
    expect(final).toContain("### ✅ Done");
    expect(final).toContain("Parser added, @&#8203;octocat please look.");
    expect(readFileSync(done.outputs["body-out"] as string, "utf8")).toBe(final);

    const again = await h.run("progress-comment", {
      inputs: { mode: "done", "task-file": task, "recap-file": "last.md" },
    });
    expect(again.outputs.result).toBe("unchanged");
    expect(comments(7)).toHaveLength(1);
  });

  it("cancel mode (for `if: cancelled()`) marks the comment cancelled", async () => {
    const h = start();
    const task = taskFile(h, "issue", 7);
    await h.run("progress-comment", { inputs: { "task-file": task } });
    const r = await h.run("progress-comment", { inputs: { mode: "cancel", "task-file": task } });
    expect(r.outputs.result).toBe("updated");
    expect(comments(7)[0]!.body).toContain("The run was cancelled before it finished.");
  });

  it("thread input instead of a task file; dry run renders into body-out and the summary and posts nothing", async () => {
    const h = start();
    const r = await h.run("progress-comment", {
      inputs: { thread: "acme/widgets#7", "dry-run": "true", "next-action": "plan" },
    });
    expect(r.outputs.result).toBe("dry-run");
    expect(r.summary).toContain("codexrel progress (dry run)");
    expect(readFileSync(r.outputs["body-out"] as string, "utf8")).toContain("- **Next action:** plan");
    expect(comments(7)).toHaveLength(0);
  });

  it("handoff: not ready changes nothing; ready marks the draft ready and posts the handoff", async () => {
    const h = start();
    const task = taskFile(h, "pr", 8);
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "test", workflow: "ci", conclusion: "FAILURE" });
    const notReady = await h.run("progress-comment", { inputs: { mode: "handoff", "task-file": task } });
    expect(notReady.outputs).toMatchObject({ ready: "false", result: "unchanged" });
    // Check names come from CI configuration: the summary escapes them.
    expect(notReady.summary).toContain("not ready: 1 check\\(s\\) failing: ci / test");
    expect(gh().state.thread("acme/widgets", 8)?.draft).toBe(true);

    gh().state.checkRuns.splice(0);
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "test", workflow: "ci" });
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "agent", workflow: "codex", status: "IN_PROGRESS" });
    const ready = await h.run("progress-comment", {
      inputs: { mode: "handoff", "task-file": task, "ignore-checks": "codex / *" },
    });
    expect(ready.outputs).toMatchObject({ ready: "true", result: "created" });
    expect(gh().state.thread("acme/widgets", 8)?.draft).toBe(false);
    expect(comments(8)[0]!.body).toContain("### ✅ Ready for review");
  });

  it("advisory: a token that cannot comment is reported in outputs, a warning and the summary; the step succeeds", async () => {
    const h = start(READONLY);
    const r = await h.run("progress-comment", { inputs: { "task-file": taskFile(h, "issue", 7) } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs.result).toBe("failed");
    expect(r.outputs.error).toMatch(/^GITHUB_PERMISSION_DENIED: /);
    expect(r.summary).toContain("**failed** (advisory)");
    expect(r.annotations.some((a) => a.level === "warning")).toBe(true);
    expect(`${r.log.join("\n")}${r.summary}`).not.toContain(READONLY);
    const bad = await h.run("progress-comment", {
      inputs: { "task-file": taskFile(h, "issue", 7), tests: "no status here" },
    });
    expect(bad.outputs.error).toMatch(/^PROGRESS_INPUT_INVALID: /);
  });
});
