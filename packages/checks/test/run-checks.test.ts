import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChecks } from "@codexrel/checks";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

let dir: string;
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-checks-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("runChecks with real processes", () => {
  test("a passing check is pass with exit code, duration and output tail", async () => {
    const [r] = await runChecks([{ name: "ok", run: "echo hello; echo world" }], { cwd: dir, env });
    expect(r).toMatchObject({
      name: "ok",
      command: "echo hello; echo world",
      status: "pass",
      exitCode: 0,
      blocking: true,
    });
    expect(r?.outputTail).toEqual(["hello", "world"]);
    expect(r?.durationMs).toBeGreaterThanOrEqual(0);
  });

  test("a blocking failure is fail with the first failing lines", async () => {
    const [r] = await runChecks(
      [
        {
          name: "unit",
          run: "echo 'running 3 tests'; echo 'FAIL src/a.test.ts' >&2; echo 'Error: expected 1 to be 2'; exit 3",
        },
      ],
      { cwd: dir, env },
    );
    expect(r?.status).toBe("fail");
    expect(r?.exitCode).toBe(3);
    expect(r?.code).toBe("CHECK_FAILED");
    expect(r?.firstFailingLines).toEqual(["FAIL src/a.test.ts", "Error: expected 1 to be 2"]);
    expect(r?.fallback).toBeNull();
  });

  test("a failure rescued by its fallback is warn with 'fallback used', never pass", async () => {
    const [r] = await runChecks([{ name: "build", run: "exit 1", fallback: "echo rebuilt" }], { cwd: dir, env });
    expect(r?.status).toBe("warn");
    expect(r?.code).toBe("FALLBACK_USED");
    expect(r?.reason).toMatch(/^fallback used/);
    expect(r?.fallback).toMatchObject({ command: "echo rebuilt", status: "pass", exitCode: 0 });
  });

  test("a failed fallback leaves a blocking check failed and records both", async () => {
    const [r] = await runChecks([{ name: "build", run: "exit 1", fallback: "exit 2" }], { cwd: dir, env });
    expect(r?.status).toBe("fail");
    expect(r?.exitCode).toBe(1);
    expect(r?.fallback).toMatchObject({ status: "fail", exitCode: 2 });
    expect(r?.reason).toContain("fallback also failed");
  });

  test("a non-blocking failure is warn", async () => {
    const [r] = await runChecks([{ name: "docs", run: "exit 4", blocking: false }], { cwd: dir, env });
    expect(r).toMatchObject({ status: "warn", blocking: false, exitCode: 4, code: "NON_BLOCKING_FAILURE" });
  });

  test("a missing command is a fail with a clear reason, not a crash", async () => {
    const [r] = await runChecks([{ name: "tool", run: "definitely-not-a-command-xyz --version" }], { cwd: dir, env });
    expect(r?.status).toBe("fail");
    expect(r?.exitCode).toBe(127);
    expect(r?.code).toBe("CHECK_COMMAND_NOT_FOUND");
    expect(r?.reason).toContain("definitely-not-a-command-xyz");
  });

  test("a missing working directory is a fail with a clear reason", async () => {
    const [r] = await runChecks([{ name: "sub", run: "true", workingDirectory: "nope" }], { cwd: dir, env });
    expect(r).toMatchObject({ status: "fail", code: "CHECK_CWD_MISSING", exitCode: null });
  });

  test("a timeout kills the whole process group, children included", async () => {
    const pidFile = join(dir, "child.pid");
    const started = Date.now();
    const [r] = await runChecks(
      [{ name: "hang", run: `sleep 30 & echo $! > ${pidFile}; sleep 30 & wait`, timeout: "1s" }],
      { cwd: dir, env },
    );
    expect(r?.status).toBe("fail");
    expect(r?.timedOut).toBe(true);
    expect(r?.code).toBe("CHECK_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(25_000);
    const childPid = Number(readFileSync(pidFile, "utf8").trim());
    // The background child was in the same process group: it must be gone (allow the kernel a moment).
    for (let i = 0; i < 50 && alive(childPid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(childPid)).toBe(false);
  });

  test("later checks still run after a blocking failure, unless stopOnBlockingFailure", async () => {
    const checks = [
      { name: "a", run: "exit 1" },
      { name: "b", run: "touch ran-b" },
    ];
    const all = await runChecks(checks, { cwd: dir, env });
    expect(all.map((r) => r.status)).toEqual(["fail", "pass"]);
    expect(existsSync(join(dir, "ran-b"))).toBe(true);
    rmSync(join(dir, "ran-b"));
    const stopped = await runChecks(checks, { cwd: dir, env, stopOnBlockingFailure: true });
    expect(stopped.map((r) => r.status)).toEqual(["fail", "skip"]);
    expect(existsSync(join(dir, "ran-b"))).toBe(false);
  });

  test("check env and working directory are applied", async () => {
    const [r] = await runChecks(
      [{ name: "env", run: 'echo "$GREETING from $(basename "$PWD")"', env: { GREETING: "hi" } }],
      {
        cwd: dir,
        env,
      },
    );
    expect(r?.outputTail[0]).toMatch(/^hi from codexrel-checks-/);
  });

  test("secrets printed by a check never reach the result", async () => {
    const token = `ghp_${"a1B2".repeat(9)}`;
    const [r] = await runChecks([{ name: "leak", run: `echo "token=${token}"; exit 1` }], { cwd: dir, env });
    expect(JSON.stringify(r)).not.toContain(token);
    expect(r?.outputTail[0]).toContain("[REDACTED:github-token]");
  });

  test("output is bounded: a check printing 100,000 lines keeps only the tail", async () => {
    const [r] = await runChecks([{ name: "loud", run: "seq 1 100000" }], { cwd: dir, env, tailLines: 5 });
    expect(r?.outputTail).toEqual(["99996", "99997", "99998", "99999", "100000"]);
  });
});
