/**
 * actions/dist/stream.js, the worker's stage log filter, run as the worker's Codex step runs it:
 * Codex's --json events on stdin, settings as INPUT_* variables, the runner's summary file.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const entry = resolve(import.meta.dirname, "..", "dist", "stream.js");
const LEAK = "sk-CANARYactionsStream000000000000000001";

const events = [
  JSON.stringify({ type: "thread.started", thread_id: "0199a213-81c0-7800-8aa1-bbab2a035a53" }),
  JSON.stringify({ type: "item.completed", item: { id: "i0", type: "agent_message", text: `key is ${LEAK}` } }),
  JSON.stringify({
    type: "item.completed",
    item: {
      id: "i1",
      type: "command_execution",
      command: "pnpm test",
      aggregated_output: "ok\n",
      exit_code: 0,
      status: "completed",
    },
  }),
  "plain text line",
].join("\n");

function run(inputs: Record<string, string>, stdin = `${events}\n`) {
  const ws = mkdtempSync(join(tmpdir(), "codexrel-stream-action-"));
  const summary = join(ws, "summary.md");
  writeFileSync(summary, "");
  const task = join(ws, "task.json");
  writeFileSync(task, JSON.stringify({ thread: { repository: "octo/app", kind: "issue", number: 3 } }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    RUNNER_TEMP: ws,
    GITHUB_RUN_ID: "42",
    GITHUB_STEP_SUMMARY: summary,
    OPENAI_API_KEY: LEAK,
    INPUT_TASK_FILE: task,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k}`] = v;
  const r = spawnSync(process.execPath, [entry], { cwd: ws, env, input: stdin, encoding: "utf8" });
  return { ...r, ws, summary: readFileSync(summary, "utf8") };
}

describe("actions/dist/stream.js", () => {
  test("passes stdin through unchanged and mirrors readable, redacted lines to the summary and the transcript", () => {
    const r = run({ STAGE: "planning" });
    expect(r.status).toBe(0);
    // The job log is stdout: the key is registered with the runner (::add-mask::) before any line
    // that may print it, so the runner masks it there; after that, stdin passes through unchanged.
    expect(r.stdout).toBe(`::add-mask::${LEAK}\n${events}\n`);
    const transcript = readFileSync(join(r.ws, ".codex-planning.log"), "utf8");
    expect(transcript).toContain("pnpm test");
    expect(transcript).toContain("plain text line");
    expect(r.summary).toMatch(/<summary>planning transcript: \d+ lines, secrets redacted<\/summary>/);
    for (const out of [transcript, r.summary, r.stderr]) expect(out).not.toContain(LEAK.slice(0, 12));
    expect(r.stderr).toContain("discord streaming is off: DISCORD_BOT_TOKEN and DISCORD_GUILD_ID are not set");
  });

  test("a sink that cannot work is a warning: the stream goes on and exits 0", () => {
    const r = run({ STAGE: "implementation", SINKS: "file,summary", LOG_FILE: "/proc/codexrel-cannot-write.log" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(events);
    expect(r.stderr).toMatch(/warning: file: cannot write \/proc\/codexrel-cannot-write\.log/);
    expect(r.summary).toContain("implementation transcript");
  });

  test("wrong settings exit 2 with the coded error, and stdin still reaches stdout (the producer is not cut off)", () => {
    const bad = run({ STAGE: "deploy" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("STREAM_INPUT_INVALID");
    expect(bad.stdout).toBe(`::add-mask::${LEAK}\n${events}\n`);
    const sink = run({ STAGE: "planning", SINKS: "slack" });
    expect(sink.status).toBe(2);
    expect(sink.stderr).toContain('unknown sink "slack"');
  });

  test("SIGTERM while the writer keeps the pipe open (a cancelled run): what was read is kept, the sinks close, exit 0", async () => {
    const ws = mkdtempSync(join(tmpdir(), "codexrel-stream-action-"));
    const summary = join(ws, "summary.md");
    writeFileSync(summary, "");
    const task = join(ws, "task.json");
    writeFileSync(task, JSON.stringify({ thread: { repository: "octo/app", kind: "issue", number: 3 } }));
    const child = spawn(process.execPath, [entry], {
      cwd: ws,
      env: {
        PATH: process.env.PATH ?? "",
        RUNNER_TEMP: ws,
        GITHUB_RUN_ID: "42",
        GITHUB_STEP_SUMMARY: summary,
        INPUT_TASK_FILE: task,
        INPUT_STAGE: "implementation",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.stdin.write(`${events}\n`);
    // Passed through means read and handed to the sinks; then the cancel arrives, stdin still open.
    while (!stdout.includes("plain text line")) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    child.stdin.destroy();
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("the stream was stopped (SIGTERM) after 4 lines");
    expect(readFileSync(join(ws, ".codex-implementation.log"), "utf8")).toContain("plain text line");
    const written = readFileSync(summary, "utf8");
    expect(written).toMatch(/<summary>implementation transcript: \d+ lines, secrets redacted<\/summary>/);
    expect(written).toContain("the stream was stopped \\(SIGTERM\\)");
    expect(written).toContain("✓ exit 0 · pnpm test");
  });
});
