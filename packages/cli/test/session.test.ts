import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, cliProcess } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-cli-session-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SESSION_ID = "01a1fe0a-7a46-7d81-8280-7ff8ab88e63f";
const TOKEN = `ghp_${"x".repeat(36)}`;

function codexHome(path: string) {
  mkdirSync(join(path, "sessions/2026/11/21"), { recursive: true });
  writeFileSync(
    join(path, `sessions/2026/11/21/rollout-2026-11-21T12-17-41-${SESSION_ID}.jsonl`),
    `${JSON.stringify({ type: "session_meta", payload: { id: SESSION_ID, cwd: "/work/a", model_provider: "openai", cli_version: "0.169.0" } })}\n` +
      `${JSON.stringify({ type: "event", text: `the tool printed ${TOKEN}` })}\n`,
  );
  writeFileSync(join(path, "auth.json"), '{"OPENAI_API_KEY":"sk-cli-canary-000000000000000000000"}');
  writeFileSync(join(path, "config.toml"), 'model = "x"\n');
}

describe("codexrel session", () => {
  test("prepare --json: a fresh 0700 directory under --root with config.toml", async () => {
    const r = await cli(["session", "prepare", "--root", dir, "--run-id", "9", "--model", "gpt-test", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { codexHome: string; configPath: string };
    expect(out.codexHome.startsWith(join(dir, "codex-home-9-"))).toBe(true);
    expect(statSync(out.codexHome).mode & 0o777).toBe(0o700);
    expect(readFileSync(out.configPath, "utf8")).toBe('model = "gpt-test"\n');
  });

  test("save then restore --json into another CODEX_HOME: sessionFound and sessionId; no credentials, no token", async () => {
    const home = join(dir, "home");
    codexHome(home);
    const store = join(dir, "store");
    const saved = await cli([
      "session",
      "save",
      "--codex-home",
      home,
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--json",
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    const s = JSON.parse(saved.stdout) as { saved: boolean; sessionId: string; redactions: number; key: string };
    expect(s).toMatchObject({ saved: true, sessionId: SESSION_ID, redactions: 1 });
    expect(s.key).toMatch(/^codexrel-session-v1\/octo\/hello\/issue-4\//);

    const target = join(dir, "other-home");
    const restored = await cli([
      "session",
      "restore",
      "--thread",
      "octo/hello/issue-4",
      "--store",
      store,
      "--codex-home",
      target,
      "--require-session",
      "--json",
    ]);
    expect(restored.code, restored.stderr).toBe(0);
    const r = JSON.parse(restored.stdout) as { sessionFound: boolean; sessionId: string; files: number };
    expect(r).toMatchObject({ sessionFound: true, sessionId: SESSION_ID, files: 1 });
    const rollout = readFileSync(
      join(target, `sessions/2026/11/21/rollout-2026-11-21T12-17-41-${SESSION_ID}.jsonl`),
      "utf8",
    );
    expect(rollout).not.toContain(TOKEN);
    expect(() => statSync(join(target, "auth.json"))).toThrow();

    const inspected = await cli(["session", "inspect", "--thread", "octo/hello/issue-4", "--store", store, "--json"]);
    expect(inspected.code, inspected.stderr).toBe(0);
    expect(JSON.parse(inspected.stdout)).toMatchObject({
      threadKey: "octo/hello/issue-4",
      session: { id: SESSION_ID },
    });
  });

  test("restore --require-session with nothing saved exits 1 with SESSION_REQUIRED_BUT_MISSING", async () => {
    const r = await cli([
      "session",
      "restore",
      "--thread",
      "octo/hello/pr-1",
      "--store",
      join(dir, "store"),
      "--codex-home",
      join(dir, "h"),
      "--require-session",
      "--json",
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      sessionFound: false,
      sessionId: null,
      error: { code: "SESSION_REQUIRED_BUT_MISSING" },
    });
    expect(r.stderr).toMatch(/SESSION_REQUIRED_BUT_MISSING/);
    const plain = await cli([
      "session",
      "restore",
      "--thread",
      "octo/hello/pr-1",
      "--store",
      join(dir, "store"),
      "--codex-home",
      join(dir, "h"),
      "--json",
    ]);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ sessionFound: false, sessionId: null, cacheHit: false });
  });

  test("usage errors exit 2: a bad thread key, a missing --store, no CODEX_HOME", async () => {
    expect((await cli(["session", "save", "--codex-home", dir, "--thread", "nope", "--store", dir])).code).toBe(2);
    expect((await cli(["session", "restore", "--thread", "octo/hello/pr-1", "--codex-home", dir])).code).toBe(2);
    const noHome = await cli(["session", "save", "--thread", "octo/hello/pr-1", "--store", dir]);
    expect(noHome.code).toBe(2);
    expect(noHome.stderr).toMatch(/--codex-home/);
  });

  test("the real executable: save and restore through the process", () => {
    const home = join(dir, "home");
    codexHome(home);
    const store = join(dir, "store");
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, CODEX_HOME: home };
    const saved = cliProcess(["session", "save", "--thread", "octo/hello/pr-2", "--store", store, "--json"], { env });
    expect(saved.code, saved.stderr).toBe(0);
    const restored = cliProcess(
      ["session", "restore", "--thread", "octo/hello/pr-2", "--store", store, "--codex-home", join(dir, "t"), "--json"],
      { env },
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ sessionFound: true, sessionId: SESSION_ID });
  });
});
