/**
 * actions/prepare-codex-home and actions/save-codex-home end to end through the action harness
 * (GitHub's parser and expression evaluator, real processes, the cache stand-in), and with the real
 * Codex CLI against the testkit's fake Responses API: run 1 prepares, runs `codex exec` and saves;
 * run 2 (a later workflow run sharing only the cache) prepares with require-session, gets the
 * session id and resumes it from another directory.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { codexAvailability, inputTexts, runCodex, startFakeOpenAI } from "@codexrel/testkit/openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const SESSION_ID = "01a1fe0a-7a46-7d81-8280-7ff8ab88e63f";
let cacheDir: string;
const harnesses: ActionHarness[] = [];
const harness = (options: Parameters<typeof createActionHarness>[0] = {}) => {
  const h = createActionHarness({ github: { repository: "octo/hello" }, cacheDir, ...options });
  harnesses.push(h);
  return h;
};
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "codexrel-session-cache-"));
});
afterEach(() => {
  for (const h of harnesses.splice(0)) h.dispose();
  rmSync(cacheDir, { recursive: true, force: true });
});

function fakeSession(codexHome: string, token = "") {
  const dir = join(codexHome, "sessions/2026/11/21");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `rollout-2026-11-21T12-17-41-${SESSION_ID}.jsonl`),
    `${JSON.stringify({ type: "session_meta", payload: { id: SESSION_ID, cwd: "/work/a", model_provider: "openai", cli_version: "0.169.0" } })}\n` +
      `${JSON.stringify({ type: "event", text: `tool output ${token}` })}\n`,
  );
  writeFileSync(join(codexHome, "auth.json"), '{"OPENAI_API_KEY":"sk-actions-canary-00000000000000000000"}');
}

describe("prepare-codex-home + save-codex-home", () => {
  it("run 1 prepares and saves; run 2 restores the session into a new CODEX_HOME", async () => {
    const run1 = harness();
    const prepared = await run1.run("prepare-codex-home", {
      inputs: { thread: "octo/hello/issue-4", model: "gpt-test" },
    });
    expect(prepared.conclusion, prepared.log.join("\n")).toBe("success");
    const home1 = prepared.outputs["codex-home"]!;
    expect(prepared.outputs).toMatchObject({
      "session-found": "false",
      "session-id": "",
      "cache-hit": "false",
      "error-code": "",
    });
    expect(readFileSync(join(home1, "config.toml"), "utf8")).toBe('model = "gpt-test"\n');
    const token = `ghp_${"q".repeat(36)}`;
    fakeSession(home1, token);

    // CODEX_HOME was exported by prepare: save finds it without an input.
    const saved = await run1.run("save-codex-home", { inputs: { thread: "octo/hello/issue-4" } });
    expect(saved.conclusion, saved.log.join("\n")).toBe("success");
    expect(saved.outputs).toMatchObject({ "session-id": SESSION_ID, redactions: "1", "error-code": "", saved: "true" });
    expect(saved.outputs.key).toMatch(/^codexrel-session-v1\/octo\/hello\/issue-4\//);
    expect(saved.summary).toContain("Codex session saved");

    const run2 = harness();
    const restored = await run2.run("prepare-codex-home", {
      inputs: { thread: "octo/hello/issue-4", "require-session": "true" },
    });
    expect(restored.conclusion, restored.log.join("\n")).toBe("success");
    expect(restored.outputs).toMatchObject({ "session-found": "true", "session-id": SESSION_ID, "cache-hit": "true" });
    const home2 = restored.outputs["codex-home"]!;
    expect(home2).not.toBe(home1);
    const rollout = readFileSync(
      join(home2, `sessions/2026/11/21/rollout-2026-11-21T12-17-41-${SESSION_ID}.jsonl`),
      "utf8",
    );
    expect(rollout).not.toContain(token);
    expect(readdirSync(home2)).not.toContain("auth.json");
    expect(restored.summary).toContain(`codex exec resume ${SESSION_ID}`);
    // The scrubbed bundle does not linger in the workspace where an agent could commit it.
    expect(existsSync(join(run2.paths.workspace, ".codexrel/session-cache"))).toBe(false);
  });

  it("the iteration ledger of run 1 is in run 2's checkout (saved and restored with CODEX_HOME)", async () => {
    const ledger = `${JSON.stringify({ schemaVersion: "1", iterations: [{ n: 1, failingTests: ["t"] }] })}\n`;
    const run1 = harness();
    const first = await run1.run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-8" } });
    expect(first.outputs["ledger-restored"], first.log.join("\n")).toBe("false");
    fakeSession(first.outputs["codex-home"]!);
    mkdirSync(join(run1.paths.workspace, ".codexrel"), { recursive: true });
    writeFileSync(join(run1.paths.workspace, ".codexrel/iterations.json"), ledger);
    const saved = await run1.run("save-codex-home", { inputs: { thread: "octo/hello/issue-8" } });
    expect(saved.outputs, saved.log.join("\n")).toMatchObject({ saved: "true", "ledger-saved": "true" });

    const run2 = harness();
    expect(existsSync(join(run2.paths.workspace, ".codexrel/iterations.json"))).toBe(false);
    const second = await run2.run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-8" } });
    expect(second.outputs, second.log.join("\n")).toMatchObject({ "session-found": "true", "ledger-restored": "true" });
    expect(readFileSync(join(run2.paths.workspace, ".codexrel/iterations.json"), "utf8")).toBe(ledger);
    expect(second.summary).toContain("Iteration ledger restored");

    // A custom path: run 2 writes iteration 2 elsewhere; run 3 gets it there.
    const ledger2 = JSON.stringify({ schemaVersion: "1", iterations: [{ n: 1 }, { n: 2 }] });
    mkdirSync(join(run2.paths.workspace, "state"), { recursive: true });
    writeFileSync(join(run2.paths.workspace, "state/ledger.json"), ledger2);
    const saved2 = await run2.run("save-codex-home", {
      inputs: { thread: "octo/hello/issue-8", ledger: "state/ledger.json" },
    });
    expect(saved2.outputs["ledger-saved"], saved2.log.join("\n")).toBe("true");
    const run3 = harness();
    const third = await run3.run("prepare-codex-home", {
      inputs: { thread: "octo/hello/issue-8", ledger: "state/ledger.json" },
    });
    expect(third.outputs["ledger-restored"], third.log.join("\n")).toBe("true");
    expect(readFileSync(join(run3.paths.workspace, "state/ledger.json"), "utf8")).toBe(ledger2);
  });

  it("a PR thread with nothing saved starts from fallback-thread (the issue's session) and says so; its own save wins after", async () => {
    const issue = harness();
    const first = await issue.run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-3" } });
    fakeSession(first.outputs["codex-home"]!);
    const saved = await issue.run("save-codex-home", { inputs: { thread: "octo/hello/issue-3" } });
    expect(saved.outputs.saved, saved.log.join("\n")).toBe("true");

    const pr = harness();
    const restored = await pr.run("prepare-codex-home", {
      inputs: { thread: "octo/hello/pr-7", "fallback-thread": "octo/hello/issue-3", "require-session": "true" },
    });
    expect(restored.conclusion, restored.log.join("\n")).toBe("success");
    expect(restored.outputs).toMatchObject({
      "session-found": "true",
      "session-id": SESSION_ID,
      "restored-from": "octo/hello/issue-3",
      thread: "octo/hello/pr-7",
    });
    expect(restored.summary).toContain("from `octo/hello/issue-3` (`octo/hello/pr-7` had none saved");
    const own = await pr.run("save-codex-home", { inputs: { thread: "octo/hello/pr-7" } });
    expect(own.outputs.key, own.log.join("\n")).toMatch(/^codexrel-session-v1\/octo\/hello\/pr-7\//);

    const later = await harness().run("prepare-codex-home", {
      inputs: { thread: "octo/hello/pr-7", "fallback-thread": "octo/hello/issue-3" },
    });
    expect(later.outputs, later.log.join("\n")).toMatchObject({
      "restored-from": "octo/hello/pr-7",
      "session-found": "true",
    });

    // No fallback, or a fallback with nothing saved either: a follow-up still fails loudly.
    const none = await harness().run("prepare-codex-home", {
      inputs: { thread: "octo/hello/pr-8", "fallback-thread": "octo/hello/issue-99", "require-session": "true" },
    });
    expect(none.conclusion).toBe("failure");
    expect(none.outputs).toMatchObject({ "error-code": "SESSION_REQUIRED_BUT_MISSING", "restored-from": "" });
    expect(none.outputs.error).toContain("octo/hello/pr-8 or octo/hello/issue-99");
  });

  it("the thread comes from the triggering pull request when not given", async () => {
    const h = harness({ event: { name: "pull_request", payload: { pull_request: { number: 12 } } } });
    const r = await h.run("prepare-codex-home", {});
    expect(r.outputs.thread).toBe("octo/hello/pr-12");
  });

  it("require-session with nothing saved fails the step with SESSION_REQUIRED_BUT_MISSING, even in advisory mode", async () => {
    const r = await harness().run("prepare-codex-home", {
      inputs: { thread: "octo/hello/pr-9", "require-session": "true" },
    });
    expect(r.conclusion).toBe("failure");
    expect(r.outputs).toMatchObject({ "session-found": "false", "error-code": "SESSION_REQUIRED_BUT_MISSING" });
    expect(r.annotations.some((a) => a.level === "error" && /SESSION_REQUIRED_BUT_MISSING/.test(a.message))).toBe(true);
  });

  it("advisory: a damaged cached bundle is a warning and a miss; blocking fails", async () => {
    const run1 = harness();
    const p = await run1.run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-5" } });
    fakeSession(p.outputs["codex-home"]!);
    await run1.run("save-codex-home", { inputs: { thread: "octo/hello/issue-5" } });
    // Damage every stored bundle in the cache stand-in.
    const damage = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) damage(path);
        else if (e.name === "session.bundle") writeFileSync(path, readFileSync(path).subarray(0, 200));
      }
    };
    damage(cacheDir);
    const advisory = await harness().run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-5" } });
    expect(advisory.conclusion, advisory.log.join("\n")).toBe("success");
    expect(advisory.outputs).toMatchObject({ "session-found": "false", "error-code": "SESSION_BUNDLE_CORRUPT" });
    expect(advisory.annotations.some((a) => a.level === "warning" && /advisory mode/.test(a.message))).toBe(true);
    expect(advisory.summary).toContain("SESSION_BUNDLE_CORRUPT");
    const blocking = await harness().run("prepare-codex-home", {
      inputs: { thread: "octo/hello/issue-5", mode: "blocking" },
    });
    expect(blocking.conclusion).toBe("failure");
  });

  it("advisory prepare: a bad config input is reported in outputs and the summary; the step exits 0", async () => {
    const r = await harness().run("prepare-codex-home", {
      inputs: { thread: "octo/hello/issue-7", "model-provider": "proxy", "base-url": "file:///etc/passwd" },
    });
    expect(r.conclusion, r.log.join("\n")).toBe("success");
    expect(r.outputs).toMatchObject({
      "codex-home": "",
      "session-found": "false",
      "error-code": "SESSION_CONFIG_INVALID",
    });
    expect(r.summary).toContain("SESSION_CONFIG_INVALID");
  });

  it("advisory save: a missing CODEX_HOME is reported, nothing is saved, the step exits 0", async () => {
    const r = await harness().run("save-codex-home", {
      inputs: { thread: "octo/hello/issue-6", "codex-home": join(cacheDir, "missing") },
    });
    expect(r.conclusion, r.log.join("\n")).toBe("success");
    expect(r.outputs).toMatchObject({ key: "", "error-code": "SESSION_HOME_NOT_FOUND" });
    expect(r.summary).toContain("Codex session not saved");
  });

  it("a save the cache did not take: no key, never 'saved' (advisory exits 0, blocking fails)", {
    timeout: 120_000,
  }, async () => {
    for (const mode of ["advisory", "blocking"] as const) {
      const h = harness();
      const prepared = await h.run("prepare-codex-home", { inputs: { thread: "octo/hello/issue-7" } });
      fakeSession(prepared.outputs["codex-home"]!);
      // The cache service refuses the entry, as actions/cache/save does when another job reserved
      // the key: it only warns, and its step still succeeds (actions/cache#1189).
      h.cache.has = () => true;
      const r = await h.run("save-codex-home", { inputs: { thread: "octo/hello/issue-7", mode } });
      const log = r.log.join("\n");
      expect(JSON.stringify(r.annotations)).toContain("Unable to reserve cache");
      expect(r.outputs).toMatchObject({ key: "", saved: "false", "error-code": "SESSION_CACHE_SAVE_FAILED" });
      expect(r.summary).toContain("Codex session not saved");
      expect(r.summary).not.toContain("Codex session saved");
      expect(r.conclusion, log).toBe(mode === "blocking" ? "failure" : "success");
    }
  });
});

describe("with the real Codex CLI", () => {
  it("codex exec in run 1, codex exec resume <session-id> in run 2 from another directory", {
    timeout: 180_000,
  }, async () => {
    const available = await codexAvailability();
    if (!available.ok) throw new Error(`the real Codex CLI cannot run here: ${available.reason}`);
    const fake = await startFakeOpenAI({ reply: (_r, i) => (i === 0 ? "FIRST: noted" : "SECOND") });
    const work = mkdtempSync(join(tmpdir(), "codexrel-session-actions-"));
    try {
      const config = { model: "gpt-test", "model-provider": "mock", "base-url": fake.baseUrl, "env-key": "MOCK_KEY" };
      const env = { MOCK_KEY: "sk-mock-env-key-000000000000000000000" };
      const run1 = harness();
      const p1 = await run1.run("prepare-codex-home", { inputs: { thread: "octo/hello/pr-3", ...config } });
      expect(p1.conclusion, p1.log.join("\n")).toBe("success");
      mkdirSync(join(work, "one"));
      const first = await runCodex({
        codexHome: p1.outputs["codex-home"]!,
        cwd: join(work, "one"),
        args: ["exec", "--skip-git-repo-check", "remember KIWI-7"],
        env,
      });
      expect(first.code, first.stderr).toBe(0);
      const s1 = await run1.run("save-codex-home", { inputs: { thread: "octo/hello/pr-3" } });
      expect(s1.outputs["session-id"]).toMatch(/^[0-9a-f-]{36}$/);
      rmSync(p1.outputs["codex-home"]!, { recursive: true, force: true });

      const p2 = await harness().run("prepare-codex-home", {
        inputs: { thread: "octo/hello/pr-3", "require-session": "true", ...config },
      });
      expect(p2.outputs).toMatchObject({ "session-found": "true", "session-id": s1.outputs["session-id"] });
      mkdirSync(join(work, "two"));
      const second = await runCodex({
        codexHome: p2.outputs["codex-home"]!,
        cwd: join(work, "two"),
        args: ["exec", "--skip-git-repo-check", "resume", p2.outputs["session-id"]!, "what was it?"],
        env,
      });
      expect(second.code, second.stderr).toBe(0);
      const last = fake.responsesRequests().at(-1)!;
      expect(inputTexts(last, "user").join("\n")).toContain("remember KIWI-7");
      expect(inputTexts(last, "assistant").join("\n")).toContain("FIRST: noted");
    } finally {
      await fake.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
