import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  formatThreadKey,
  parseThreadKey,
  prepareCodexHome,
  SessionErrorCodes,
  saveKey,
  threadKeyPrefix,
  writeCodexConfig,
} from "@codexrel/session-store";
import { parse } from "smol-toml";
import { describe, expect, test } from "vitest";
import { tempDir } from "./helpers.js";

describe("thread keys", () => {
  test("parse and format <owner>/<repo>/<issue|pr>-<n>", () => {
    expect(parseThreadKey("octo/hello.js/pr-12")).toEqual({ repository: "octo/hello.js", kind: "pr", number: 12 });
    expect(formatThreadKey({ repository: "octo/hello", kind: "issue", number: 4 })).toBe("octo/hello/issue-4");
  });

  test.each([
    "octo/hello",
    "octo/hello/issue-0",
    "octo/hello/bug-1",
    "../x/issue-1",
    "octo/../issue-1",
    "a/b/c/issue-1",
    "octo/hello/pr-1 ",
  ])("%j is refused", (key) => {
    if (key.endsWith(" ")) return expect(parseThreadKey(key).number).toBe(1); // surrounding space is trimmed
    expect(() => parseThreadKey(key)).toThrow(
      expect.objectContaining({ code: SessionErrorCodes.SESSION_THREAD_KEY_INVALID }),
    );
  });

  test("each save gets a unique key under the thread prefix; issue-4 never matches issue-40", () => {
    const prefix = threadKeyPrefix("octo/hello/issue-4");
    expect(prefix).toBe("codexrel-session-v1/octo/hello/issue-4/");
    const k1 = saveKey("octo/hello/issue-4", { runId: 100, attempt: 1, now: new Date(1000) });
    const k2 = saveKey("octo/hello/issue-4", { runId: 100, attempt: 2, now: new Date(2000) });
    expect(k1.startsWith(prefix) && k2.startsWith(prefix)).toBe(true);
    expect(k1).not.toBe(k2);
    expect(k2 > k1).toBe(true);
    expect(saveKey("octo/hello/issue-40", { now: new Date(1) }).startsWith(prefix)).toBe(false);
    expect(saveKey("octo/hello/issue-4", { runId: "a/b c", job: "j,1", now: new Date(1) })).toMatch(
      /\/000000000000001-a_b_c-1-j_1$/,
    );
  });
});

describe("prepare", () => {
  test("a fresh private writable directory per run, attempt and job; never reused", async () => {
    const root = await tempDir();
    const a = await prepareCodexHome({ root, runId: 42, attempt: 1, job: "agent" });
    const b = await prepareCodexHome({ root, runId: 42, attempt: 1, job: "agent" });
    expect(a.codexHome).not.toBe(b.codexHome);
    expect(a.codexHome.startsWith(join(root, "codex-home-42-1-agent-"))).toBe(true);
    expect((await stat(a.codexHome)).mode & 0o777).toBe(0o700);
    expect(a.configPath).toBeNull();
  });

  test("an unusable root is a coded error", async () => {
    const root = await tempDir();
    await writeFile(join(root, "file"), "x");
    await expect(prepareCodexHome({ root: join(root, "file") })).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_HOME_NOT_WRITABLE,
    });
  });

  test("config.toml is written idempotently: twice gives the same file, no duplicate keys", async () => {
    const root = await tempDir();
    const config = { model: "gpt-test", modelProvider: "proxy", baseUrl: "http://127.0.0.1:9/v1", envKey: "PROXY_KEY" };
    const { codexHome, configPath } = await prepareCodexHome({ root, config });
    const first = await readFile(configPath!, "utf8");
    const again = await writeCodexConfig(codexHome, config);
    expect(again.changed).toBe(false);
    expect(await readFile(configPath!, "utf8")).toBe(first);
    expect(first.match(/^model =/gm)).toHaveLength(1);
    expect(parse(first)).toEqual({
      model: "gpt-test",
      model_provider: "proxy",
      model_providers: {
        proxy: { name: "proxy", base_url: "http://127.0.0.1:9/v1", wire_api: "responses", env_key: "PROXY_KEY" },
      },
    });
  });

  test("existing keys are kept and updated in place", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "config.toml"),
      'model = "old"\napproval_policy = "never"\n[model_providers.proxy]\nname = "Mine"\nstream_max_retries = 2\n',
    );
    await writeCodexConfig(dir, { model: "new", modelProvider: "proxy", baseUrl: "https://p.example/v1" });
    const doc = parse(await readFile(join(dir, "config.toml"), "utf8"));
    expect(doc).toEqual({
      model: "new",
      approval_policy: "never",
      model_provider: "proxy",
      model_providers: {
        proxy: { name: "Mine", stream_max_retries: 2, base_url: "https://p.example/v1", wire_api: "responses" },
      },
    });
  });

  test.each([
    [{ baseUrl: "http://x/v1" }, /custom model provider/],
    [{ baseUrl: "http://x/v1", modelProvider: "openai" }, /built into/],
    [{ baseUrl: "file:///etc", modelProvider: "p" }, /not http/],
  ])("bad config input %j is a coded error", async (input, message) => {
    const dir = await tempDir();
    await expect(writeCodexConfig(dir, input)).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_CONFIG_INVALID,
      message: expect.stringMatching(message),
    });
  });

  test("an existing invalid config.toml (a duplicated key) is a coded error, not a silent overwrite", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "config.toml"), 'model = "a"\nmodel = "b"\n');
    await expect(writeCodexConfig(dir, { model: "c" })).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_CONFIG_INVALID,
    });
  });
});
