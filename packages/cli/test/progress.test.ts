/**
 * `codexrel progress ...` and `codexrel route --drain/--review-context` against the fake GitHub,
 * with the environment as the only input (as in an agent container).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli } from "./helpers.js";

const TOKEN = "ghp_CANARYcliProgress00000000000000000000001";
const HEAD = "e".repeat(40);

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { agent: "write" } });
  fake.state.addIssue("acme/widgets", { number: 3, title: "Fix the parser" });
  fake.state.addPullRequest("acme/widgets", { number: 4, title: "Parser fix", draft: true, headSha: HEAD });
  fake.state.addToken({ login: "agent", kind: "classic", scopes: ["repo"], value: TOKEN });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-progress-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: "",
    HOME: dir,
    GITHUB_API_URL: gh().apiUrl,
    GITHUB_GRAPHQL_URL: gh().graphqlUrl,
    GITHUB_TOKEN: TOKEN,
    ...extra,
  };
}

const comments = (n: number) => gh().state.threadComments("acme/widgets", n);

describe("codexrel progress", { timeout: 90_000 }, () => {
  test("update from a plan, then done with a recap from standard input; a repeat is unchanged", async () => {
    const plan = join(dir, "plan.md");
    writeFileSync(plan, "- [ ] reproduce\n- [ ] fix\n- [ ] test\n");
    const args = ["--repo", "acme/widgets", "--issue", "3"];
    const first = await cli(
      [
        "progress",
        "update",
        ...args,
        "--plan-file",
        plan,
        "--step",
        "2",
        "--test",
        "unit=fail: 1 failed",
        "--next",
        "fix it",
      ],
      {
        env: env(),
      },
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^progress comment created: https:\/\/github.com\/acme\/widgets\/issues\/3#issuecomment-\d+\n$/,
    );
    const body = comments(3)[0]!.body;
    expect(body).toContain("- [x] reproduce");
    expect(body).toContain("- [ ] **fix** ← in progress");
    expect(body).toContain("❌ unit (1 failed)");

    let stdinRead = 0;
    const done = await cli(["progress", "done", ...args, "--recap-file", "-", "--json"], { env: env() });
    // The in-process runner has no stdin: a usage error, exit 2.
    expect(done.code).toBe(2);
    const { runCli } = await import("@codexrel/cli");
    let out = "";
    const code = await runCli(["progress", "done", ...args, "--recap-file", "-", "--json"], {
      env: env(),
      cwd: dir,
      stdout: {
        write: (s) => {
          out += s;
        },
      },
      stderr: { write: () => {} },
      version: "0",
      exitCode: 0,
      readStdin: async () => {
        stdinRead++;
        return "Fixed the off-by-one in `parse()`.";
      },
    });
    expect(code).toBe(0);
    expect(stdinRead).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ result: "updated", state: { status: "done" } });
    expect(comments(3)[0]!.body).toContain("Fixed the off-by-one in `parse()`.");
    const again = await cli(["progress", "done", ...args, "--json"], { env: env() });
    expect(JSON.parse(again.stdout).result).toBe("unchanged");
    expect(comments(3)).toHaveLength(1);
  });

  test("--dry-run prints the body and writes nothing (works without a token)", async () => {
    const r = await cli(["progress", "cancel", "--repo", "acme/widgets", "--issue", "3", "--dry-run"], {
      env: env({ GITHUB_TOKEN: "" }),
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "<!-- codex:progress -->",
      "<!-- codexrel:progress -->",
      "### ⚠️ Cancelled · issue #3",
    ]);
    expect(comments(3)).toHaveLength(0);
  });

  test("--task names the thread; no thread or a bad --test is a usage error", async () => {
    const task = join(dir, "task.json");
    writeFileSync(
      task,
      JSON.stringify({
        action: "continue",
        thread: { repository: "acme/widgets", kind: "issue", number: 3 },
        title: "Fix the parser",
      }),
    );
    const r = await cli(["progress", "fail", "--task", task, "--dry-run"], { env: env() });
    expect(r.stdout).toContain("### ❌ Failed · issue #3 — Fix the parser");
    expect((await cli(["progress", "update", "--dry-run"], { env: env() })).code).toBe(2);
    const bad = await cli(["progress", "update", "--task", task, "--test", "nope", "--dry-run"], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^PROGRESS_INPUT_INVALID: test "nope" is not/m);
  });

  test("handoff: exit 1 with the reasons when not ready; exit 0 and the draft marked ready when it is", async () => {
    gh().state.addReviewThread("acme/widgets", 4, {
      path: "p.ts",
      line: 1,
      comments: [{ author: "agent", body: "todo" }],
    });
    const notReady = await cli(["progress", "handoff", "--repo", "acme/widgets", "--pr", "4"], { env: env() });
    expect(notReady.code).toBe(1);
    expect(notReady.stdout).toBe(
      "not ready:\n  - 1 review thread(s) unresolved\n  - no checks reported on the head commit\n",
    );
    gh().state.reviewThreads[0]!.isResolved = true;
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "test" });
    const ready = await cli(["progress", "handoff", "--repo", "acme/widgets", "--pr", "4", "--json"], { env: env() });
    expect(ready.code).toBe(0);
    expect(JSON.parse(ready.stdout)).toMatchObject({ ready: true, markedReady: true, comment: { action: "created" } });
    expect(gh().state.thread("acme/widgets", 4)?.draft).toBe(false);
    const issue = await cli(["progress", "handoff", "--repo", "acme/widgets", "--issue", "3"], { env: env() });
    expect(issue.code).toBe(2);
  });

  test("no token (and not a dry run) is a coded error naming where tokens come from", async () => {
    const r = await cli(["progress", "update", "--repo", "acme/widgets", "--issue", "3"], {
      env: env({ GITHUB_TOKEN: "" }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^GITHUB_TOKEN_MISSING: /m);
    expect(r.stderr).not.toContain(TOKEN);
  });
});

describe("codexrel route with GitHub", () => {
  function commentPayload(id: number, body: string, login: string, association: string, pr = false) {
    const file = join(dir, `event-${id}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        action: "created",
        repository: { full_name: "acme/widgets" },
        issue: { number: pr ? 4 : 3, title: "Fix the parser", state: "open", ...(pr ? { pull_request: {} } : {}) },
        comment: { id, body, user: { login, type: "User" }, author_association: association },
      }),
    );
    return file;
  }

  test("--drain covers the queued comments in order; thread commit records them; the replay is a duplicate", async () => {
    gh().state.addComment("acme/widgets", 3, { author: "acme", body: "queued one" });
    const last = gh().state.addComment("acme/widgets", 3, { author: "acme", body: "live one" });
    const event = commentPayload(last.id, "live one", "acme", "OWNER");
    const state = join(dir, "state");
    const args = [
      "route",
      "--event",
      event,
      "--event-name",
      "issue_comment",
      "--state-dir",
      state,
      "--drain",
      "--json",
    ];
    const r = await cli(args, { env: env() });
    expect(r.stderr).toBe("");
    const task = JSON.parse(r.stdout);
    expect(task).toMatchObject({ action: "continue", drainCursor: last.id });
    expect(task.drained).toHaveLength(1);
    expect(task.prompt.indexOf("queued one")).toBeLessThan(task.prompt.indexOf("live one"));
    writeFileSync(join(dir, "task.json"), r.stdout);
    expect(
      (await cli(["thread", "commit", "--task", join(dir, "task.json"), "--state-dir", state], { env: env() })).code,
    ).toBe(0);
    expect(JSON.parse((await cli(args, { env: env() })).stdout).action).toBe("duplicate");
    expect(
      (
        await cli(
          args.filter((a) => a !== "--state-dir" && a !== state),
          { env: env() },
        )
      ).stderr,
    ).toMatch(/^USAGE: --drain needs --state-dir/m);
  });

  test("a contributor with write access is authorized through the token's permission lookup; --review-context fills the prompt", async () => {
    const event = commentPayload(99, "@codex review", "agent", "CONTRIBUTOR", true);
    gh().state.addCheckRun("acme/widgets", HEAD, { name: "lint", conclusion: "FAILURE", summary: "3 errors" });
    const r = await cli(["route", "--event", event, "--event-name", "issue_comment", "--review-context", "--json"], {
      env: env(),
    });
    const task = JSON.parse(r.stdout);
    expect(task).toMatchObject({ action: "review", author: { login: "agent", permission: "write" } });
    expect(task.prompt).toContain("- lint: failure");
    const noToken = await cli(["route", "--event", event, "--event-name", "issue_comment", "--json"], {
      env: env({ GITHUB_TOKEN: "" }),
    });
    expect(JSON.parse(noToken.stdout).reasonCode).toBe("NOT_AUTHORIZED");
  });
});
