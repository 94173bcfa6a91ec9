import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, cliProcess } from "./helpers.js";

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as Array<{ name: string; examples: any[] }>;
const example = (name: string, action: string) =>
  structuredClone(definitions.find((d) => d.name === name)?.examples.find((e) => e.action === action));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-route-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function payloadFile(payload: unknown, name = "event.json"): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

describe("codexrel route", () => {
  test("prints the task: action, stage, thread, reason, branch, group and the prompt", async () => {
    const r = await cli(["route", "--event", payloadFile(example("issues", "opened")), "--event-name", "issues"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^start · planning · Codertocat\/Hello-World issue #1\n/);
    expect(r.stdout).toContain("reason: issue #1 opened by @Codertocat");
    expect(r.stdout).toContain("branch: codex/issue-1/spelling-error-in-the-readme-file");
    expect(r.stdout).toContain("concurrency group: codexrel-Codertocat/Hello-World/issue-1");
    expect(r.stdout).toContain("<<<untrusted");
  });

  test("--json prints the task only, with at least action, stage, thread and reason", async () => {
    const r = await cli([
      "route",
      "--event",
      payloadFile(example("issue_comment", "created")),
      "--event-name",
      "issue_comment",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const task = JSON.parse(r.stdout);
    expect(task).toMatchObject({
      action: "continue",
      stage: "planning",
      thread: { repository: "Codertocat/Hello-World", kind: "issue", number: 1 },
      reason: expect.stringContaining("by @Codertocat"),
    });
  });

  test("the event and its name default to GITHUB_EVENT_PATH and GITHUB_EVENT_NAME; the delivery id to GITHUB_RUN_ID", async () => {
    const payload = example("issues", "edited");
    payload.changes = { body: { from: "x" } };
    const env = { GITHUB_EVENT_PATH: payloadFile(payload), GITHUB_EVENT_NAME: "issues", GITHUB_RUN_ID: "991" };
    const r = await cli(["route", "--json"], { env });
    expect(JSON.parse(r.stdout)).toMatchObject({ action: "continue", dedupeKey: "delivery/991" });
  });

  test("no event is a usage error (exit 2); a broken payload is a coded error", async () => {
    const none = await cli(["route"], { env: {} });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^USAGE: no event to route/m);
    const broken = await cli(["route", "--event", payloadFile({ action: "opened" }), "--event-name", "issues"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^EVENT_PAYLOAD_INVALID: /m);
    const missing = await cli(["route", "--event", join(dir, "nope.json"), "--event-name", "issues"]);
    expect(missing.stderr).toMatch(/^INPUT_NOT_FOUND: /m);
  });

  test("an ignored event exits 0, or 1 with --exit-code", async () => {
    const payload = example("issue_comment", "created");
    payload.comment.user = { login: "renovate[bot]", type: "Bot" };
    const file = payloadFile(payload);
    const r = await cli(["route", "--event", file, "--event-name", "issue_comment"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ignore · planning · .*\nreason: @renovate\[bot\] is a bot \(bot-loop guard\)\n$/);
    expect((await cli(["route", "--event", file, "--event-name", "issue_comment", "--exit-code"])).code).toBe(1);
  });

  test("--state-dir + thread commit: a replay of a processed event routes to duplicate", async () => {
    const file = payloadFile(example("issue_comment", "created"));
    const state = join(dir, "state");
    const args = ["route", "--event", file, "--event-name", "issue_comment", "--state-dir", state, "--json"];
    const first = await cli(args);
    writeFileSync(join(dir, "task.json"), first.stdout);
    expect(JSON.parse(first.stdout).action).toBe("continue");
    const commit = await cli(["thread", "commit", "--task", join(dir, "task.json"), "--state-dir", state]);
    expect(commit.code).toBe(0);
    expect(commit.stdout).toBe("Codertocat/Hello-World/issue-1: 1 processed key(s), stage planning\n");
    const replay = await cli(args);
    expect(JSON.parse(replay.stdout)).toMatchObject({ action: "duplicate", reasonCode: "DUPLICATE" });
    const notTask = await cli(["thread", "commit", "--task", file, "--state-dir", state]);
    expect(notTask.code).toBe(2);
  });

  test("--config reads the threads: section; flags override it; an invalid section is exit 2", async () => {
    const config = join(dir, "codexrel.yml");
    writeFileSync(config, "threads:\n  botName: helper\n  requireMention: true\n");
    const payload = example("issue_comment", "created");
    payload.comment.body = "@codex please go on";
    const file = payloadFile(payload);
    const fromFile = await cli([
      "route",
      "--event",
      file,
      "--event-name",
      "issue_comment",
      "--config",
      config,
      "--json",
    ]);
    expect(JSON.parse(fromFile.stdout).reasonCode).toBe("NO_MENTION");
    const overridden = await cli([
      "route",
      "--event",
      file,
      "--event-name",
      "issue_comment",
      "--config",
      config,
      "--bot-name",
      "codex",
      "--json",
    ]);
    expect(JSON.parse(overridden.stdout).action).toBe("continue");
    writeFileSync(config, "threads:\n  botName: '@helper'\n");
    const bad = await cli(["route", "--event", file, "--event-name", "issue_comment", "--config", config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^CONFIG_INVALID: .*\/threads\/botName/m);
  });

  test("--prompt-file writes the prompt instead of printing it", async () => {
    const out = join(dir, "out", "prompt.md");
    const r = await cli([
      "route",
      "--event",
      payloadFile(example("issues", "opened")),
      "--event-name",
      "issues",
      "--prompt-file",
      out,
    ]);
    expect(r.stdout).not.toContain("<<<untrusted");
    expect(readFileSync(out, "utf8")).toContain("Spelling error in the README file");
  });

  test("the real executable routes an event", () => {
    const r = cliProcess([
      "route",
      "--event",
      payloadFile(example("pull_request", "opened")),
      "--event-name",
      "pull_request",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      action: "review",
      stage: "review",
      thread: { kind: "pr", number: 2 },
    });
  });
});
