/**
 * End to end with the real Codex CLI (`@openai/codex`, via the testkit) against the testkit's fake
 * Responses API: first turn in one CODEX_HOME, save, restore into a different fresh CODEX_HOME, resume
 * by session id from a different working directory, and prove the next request carries the first turn.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createLocalBackend, prepareCodexHome, restoreSession, saveSession } from "@codexrel/session-store";
import { codexAvailability, initCodexHome, inputTexts, runCodex, startFakeOpenAI } from "@codexrel/testkit/openai";
import { Parser } from "tar";
import { expect, test } from "vitest";
import { tempDir } from "./helpers.js";

const CANARY = "sk-canary-e2e-0123456789abcdefghijklmnop";
const SECOND_KEY = "sk-second-job-0123456789abcdefghijklmnop";

function tarPaths(raw: Buffer): string[] {
  const paths: string[] = [];
  const p = new Parser({
    onReadEntry: (e) => {
      paths.push(e.path);
      e.resume();
    },
  });
  p.end(raw);
  return paths;
}

test("save after a real codex exec, restore elsewhere, resume by id: the next request carries the first turn", {
  timeout: 180_000,
}, async () => {
  const available = await codexAvailability();
  if (!available.ok) throw new Error(`the real Codex CLI cannot run here: ${available.reason}`);
  const fake = await startFakeOpenAI({
    reply: (_req, i) => (i === 0 ? "FIRST-ANSWER: noted the pineapple" : "SECOND-ANSWER"),
  });
  try {
    const dir = await tempDir("codex-e2e-");
    const store = createLocalBackend({ dir: join(dir, "store") });
    const threadKey = "octo/hello/issue-7";

    // Job 1: fresh CODEX_HOME from prepare, canary key in auth.json via `codex login --with-api-key`.
    const config = { model: "gpt-test", modelProvider: "mock", baseUrl: fake.baseUrl, requiresOpenaiAuth: true };
    const job1 = await prepareCodexHome({ root: join(dir, "runner-temp"), runId: 1, attempt: 1, job: "agent", config });
    await initCodexHome({
      codexHome: job1.codexHome,
      configToml: await readFile(job1.configPath!, "utf8"),
      apiKey: CANARY,
    });
    expect(await readFile(join(job1.codexHome, "auth.json"), "utf8")).toContain(CANARY);
    const work1 = join(dir, "checkout-1");
    await mkdir(work1);
    const first = await runCodex({
      codexHome: job1.codexHome,
      cwd: work1,
      args: ["exec", "--skip-git-repo-check", `first turn: remember PINEAPPLE-42 (my key is ${CANARY})`],
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("FIRST-ANSWER");
    const printedId = /session id: ([0-9a-f-]{36})/.exec(first.stderr + first.stdout)?.[1];
    expect(printedId).toBeDefined();
    expect(fake.responsesRequests()[0]?.headers.authorization).toBe(`Bearer ${CANARY}`);

    const saved = await saveSession({ codexHome: job1.codexHome, threadKey, backend: store, runId: 1, attempt: 1 });
    expect(saved.saved).toBe(true);
    expect(saved.manifest.session).toMatchObject({ id: printedId, cwd: work1, modelProvider: "mock" });
    expect(saved.manifest.codexVersion).toBe(available.version);
    expect(saved.manifest.redactions.total).toBeGreaterThan(0); // the canary echoed in the transcript

    // The bundle holds neither the canary nor auth.json.
    const bundleFile = join(dir, "store", `${saved.key}.bundle`);
    const raw = gunzipSync(await readFile(bundleFile));
    expect(raw.includes(CANARY)).toBe(false);
    const paths = tarPaths(raw);
    expect(paths).toContain(`home/${saved.manifest.session!.rolloutPath}`);
    expect(paths.filter((p) => /auth\.json|config\.toml|\.lock$/.test(p))).toEqual([]);

    // Job 1's machine is gone: nothing of its CODEX_HOME may be reachable from job 2.
    await rm(job1.codexHome, { recursive: true, force: true });

    // Job 2: a different fresh CODEX_HOME (its own key) and a different working directory.
    const job2 = await prepareCodexHome({ root: join(dir, "runner-temp"), runId: 2, attempt: 1, job: "agent", config });
    await initCodexHome({
      codexHome: job2.codexHome,
      configToml: await readFile(job2.configPath!, "utf8"),
      apiKey: SECOND_KEY,
    });
    const configBefore = await readFile(job2.configPath!, "utf8");
    const restored = await restoreSession({
      threadKey,
      backend: store,
      codexHome: job2.codexHome,
      requireSession: true,
    });
    expect(restored).toMatchObject({ sessionFound: true, sessionId: printedId, key: saved.key });
    expect(await readFile(job2.configPath!, "utf8")).toBe(configBefore);
    expect(await readFile(join(job2.codexHome, "auth.json"), "utf8")).toContain(SECOND_KEY);

    const work2 = join(dir, "checkout-2");
    await mkdir(work2);
    const seen = fake.responsesRequests().length;
    const second = await runCodex({
      codexHome: job2.codexHome,
      cwd: work2,
      args: [
        "exec",
        "--skip-git-repo-check",
        "resume",
        restored.sessionId!,
        "second turn: what did I ask you to remember?",
      ],
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("SECOND-ANSWER");
    const [next] = fake.responsesRequests().slice(seen);
    expect(next).toBeDefined();
    const users = inputTexts(next!, "user").join("\n");
    expect(users).toContain("first turn: remember PINEAPPLE-42");
    expect(users).toContain("second turn");
    expect(users).not.toContain(CANARY); // the restored transcript was scrubbed
    expect(inputTexts(next!, "assistant").join("\n")).toContain("FIRST-ANSWER: noted the pineapple");
    expect(next!.headers.authorization).toBe(`Bearer ${SECOND_KEY}`);
    expect(next!.headers["session-id"]).toBe(printedId);
  } finally {
    await fake.close();
  }
});

test("why the rollout indexes stay out: restoring state_*.sqlite elsewhere breaks resume by id", {
  timeout: 180_000,
}, async () => {
  const available = await codexAvailability();
  if (!available.ok) throw new Error(`the real Codex CLI cannot run here: ${available.reason}`);
  const fake = await startFakeOpenAI();
  try {
    const dir = await tempDir("codex-e2e-");
    const store = createLocalBackend({ dir: join(dir, "store") });
    const config = { model: "gpt-test", modelProvider: "mock", baseUrl: fake.baseUrl, requiresOpenaiAuth: true };
    const job1 = await prepareCodexHome({ root: dir, config });
    await initCodexHome({
      codexHome: job1.codexHome,
      configToml: await readFile(job1.configPath!, "utf8"),
      apiKey: CANARY,
    });
    const first = await runCodex({
      codexHome: job1.codexHome,
      cwd: dir,
      args: ["exec", "--skip-git-repo-check", "hello"],
    });
    expect(first.code, first.stderr).toBe(0);
    // includeCaches keeps state_*.sqlite, which records the rollout's absolute path under job 1's home.
    const saved = await saveSession({
      codexHome: job1.codexHome,
      threadKey: "octo/hello/pr-3",
      backend: store,
      includeCaches: true,
    });
    expect(saved.manifest.files.map((f) => f.path)).toContain("state_5.sqlite");
    await rm(job1.codexHome, { recursive: true, force: true });
    const job2 = await prepareCodexHome({ root: dir, config });
    await initCodexHome({
      codexHome: job2.codexHome,
      configToml: await readFile(job2.configPath!, "utf8"),
      apiKey: SECOND_KEY,
    });
    const restored = await restoreSession({
      threadKey: "octo/hello/pr-3",
      backend: store,
      codexHome: job2.codexHome,
      requireSession: true,
    });
    const second = await runCodex({
      codexHome: job2.codexHome,
      cwd: dir,
      args: ["exec", "--skip-git-repo-check", "resume", restored.sessionId!, "again"],
    });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/no rollout found/);
  } finally {
    await fake.close();
  }
});
