import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type ActionsCachePort,
  createActionsCacheBackend,
  createLocalBackend,
  restoreSession,
  type SessionBackend,
  SessionErrorCodes,
  saveSession,
} from "@codexrel/session-store";
import { describe, expect, test } from "vitest";
import { fakeCodexHome, tempDir, writeTree } from "./helpers.js";

/** A cache service in memory with GitHub's matching rules: exact key, else newest with the prefix. */
function fakeCache(storeDir: string, available = true): ActionsCachePort & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    isFeatureAvailable: () => available,
    async saveCache(paths, key) {
      if (keys.includes(key)) return -1;
      const dest = join(storeDir, String(keys.length));
      await mkdir(dest, { recursive: true });
      await cp(paths[0]!, dest, { recursive: true });
      keys.push(key);
      return keys.length;
    },
    async restoreCache(paths, primaryKey, restoreKeys = []) {
      let index = keys.indexOf(primaryKey);
      for (const prefix of restoreKeys) {
        if (index !== -1) break;
        for (let i = keys.length - 1; i >= 0; i--) {
          if (keys[i]!.startsWith(prefix)) {
            index = i;
            break;
          }
        }
      }
      if (index === -1) return undefined;
      await cp(join(storeDir, String(index)), paths[0]!, { recursive: true });
      return keys[index];
    },
  };
}

const failing: SessionBackend = {
  name: "broken",
  save: async () => {
    throw new Error("disk on fire");
  },
  restore: async () => {
    throw new Error("disk on fire");
  },
};

describe.each(["local", "actions-cache"] as const)("%s backend", (kind) => {
  const make = async (dir: string) =>
    kind === "local"
      ? createLocalBackend({ dir: join(dir, "store") })
      : createActionsCacheBackend({ cacheDir: join(dir, "cache-path"), cache: fakeCache(join(dir, "service")) });

  test("save then restore by thread; the newest save wins; other threads never match", async () => {
    const dir = await tempDir();
    const backend = await make(dir);
    const home = join(dir, "home");
    await fakeCodexHome(home, { sessionId: "11111111-1111-1111-1111-111111111111" });
    let t = Date.parse("2026-01-01T00:00:00Z");
    const now = () => {
      t += 1000;
      return new Date(t);
    };
    const s1 = await saveSession({
      codexHome: home,
      threadKey: "octo/hello/issue-4",
      backend,
      runId: 7,
      attempt: 1,
      now,
    });
    expect(s1).toMatchObject({ saved: true, backend: kind, error: null });
    const home2 = join(dir, "home2");
    await fakeCodexHome(home2, { sessionId: "22222222-2222-2222-2222-222222222222" });
    const s2 = await saveSession({
      codexHome: home2,
      threadKey: "octo/hello/issue-4",
      backend,
      runId: 7,
      attempt: 2,
      now,
    });
    expect(s2.key).not.toBe(s1.key);
    const other = join(dir, "home3");
    await fakeCodexHome(other, { sessionId: "33333333-3333-3333-3333-333333333333" });
    await saveSession({ codexHome: other, threadKey: "octo/hello/issue-40", backend, runId: 8, now });

    const r = await restoreSession({ threadKey: "octo/hello/issue-4", backend, codexHome: join(dir, "restored") });
    expect(r).toMatchObject({
      cacheHit: true,
      sessionFound: true,
      sessionId: "22222222-2222-2222-2222-222222222222",
      key: s2.key,
    });
    const miss = await restoreSession({ threadKey: "octo/hello/issue-5", backend, codexHome: join(dir, "none") });
    expect(miss).toMatchObject({
      cacheHit: false,
      sessionFound: false,
      sessionId: null,
      key: null,
      restoredFrom: null,
      error: null,
    });
    expect(r.restoredFrom).toBe("octo/hello/issue-4");

    // A PR thread with nothing saved starts from its issue's session; its own, once saved, wins.
    const pr = await restoreSession({
      threadKey: "octo/hello/pr-9",
      fallbackThreadKey: "octo/hello/issue-4",
      requireSession: true,
      backend,
      codexHome: join(dir, "pr"),
    });
    expect(pr).toMatchObject({ sessionFound: true, key: s2.key, restoredFrom: "octo/hello/issue-4" });
    const prHome = join(dir, "pr-own");
    await fakeCodexHome(prHome, { sessionId: "44444444-4444-4444-4444-444444444444" });
    const own = await saveSession({ codexHome: prHome, threadKey: "octo/hello/pr-9", backend, runId: 9, now });
    const again = await restoreSession({
      threadKey: "octo/hello/pr-9",
      fallbackThreadKey: "octo/hello/issue-4",
      backend,
      codexHome: join(dir, "pr-again"),
    });
    expect(again).toMatchObject({ key: own.key, restoredFrom: "octo/hello/pr-9" });
    await expect(
      restoreSession({
        threadKey: "octo/hello/pr-10",
        fallbackThreadKey: "octo/hello/issue-5",
        requireSession: true,
        backend,
        codexHome: join(dir, "pr-none"),
      }),
    ).rejects.toMatchObject({
      code: "SESSION_REQUIRED_BUT_MISSING",
      message: expect.stringContaining("octo/hello/pr-10 or octo/hello/issue-5"),
    });
  });

  test("requireSession with nothing saved is SESSION_REQUIRED_BUT_MISSING", async () => {
    const dir = await tempDir();
    const backend = await make(dir);
    const err = await restoreSession({
      threadKey: "octo/hello/pr-9",
      backend,
      codexHome: join(dir, "h"),
      requireSession: true,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING });
    expect(err.hint).toMatch(/first turn/);
  });
});

describe("failure policy", () => {
  test("advisory (default): a backend failure is a warning and a miss", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await fakeCodexHome(home);
    const saved = await saveSession({ codexHome: home, threadKey: "octo/hello/issue-1", backend: failing });
    expect(saved).toMatchObject({ saved: false, error: { code: SessionErrorCodes.SESSION_BACKEND_FAILED } });
    expect(saved.warnings.join()).toMatch(/disk on fire/);
    const restored = await restoreSession({
      threadKey: "octo/hello/issue-1",
      backend: failing,
      codexHome: join(dir, "t"),
    });
    expect(restored).toMatchObject({
      cacheHit: false,
      sessionFound: false,
      error: { code: SessionErrorCodes.SESSION_BACKEND_FAILED },
    });
  });

  test("blocking: a backend failure throws SESSION_BACKEND_FAILED", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await fakeCodexHome(home);
    await expect(
      saveSession({ codexHome: home, threadKey: "octo/hello/issue-1", backend: failing, mode: "blocking" }),
    ).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_BACKEND_FAILED,
    });
    await expect(
      restoreSession({
        threadKey: "octo/hello/issue-1",
        backend: failing,
        codexHome: join(dir, "t"),
        mode: "blocking",
      }),
    ).rejects.toMatchObject({ code: SessionErrorCodes.SESSION_BACKEND_FAILED });
  });

  test("advisory backend failure plus requireSession still fails the follow-up, naming the backend", async () => {
    const dir = await tempDir();
    const err = await restoreSession({
      threadKey: "octo/hello/issue-1",
      backend: failing,
      codexHome: join(dir, "t"),
      requireSession: true,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING });
    expect(err.message).toMatch(/broken backend failed/);
  });

  test("the actions cache backend without the cache service is a backend failure", async () => {
    const dir = await tempDir();
    const backend = createActionsCacheBackend({ cacheDir: join(dir, "c"), cache: fakeCache(join(dir, "s"), false) });
    const r = await restoreSession({ threadKey: "octo/hello/issue-1", backend, codexHome: join(dir, "t") });
    expect(r.error?.message).toMatch(/not available/);
  });

  test("a bundle without a session plus requireSession fails", async () => {
    const dir = await tempDir();
    const backend = createLocalBackend({ dir: join(dir, "store") });
    await writeTree(join(dir, "home"), { installation_id: "x" });
    await saveSession({ codexHome: join(dir, "home"), threadKey: "octo/hello/issue-1", backend });
    await expect(
      restoreSession({ threadKey: "octo/hello/issue-1", backend, codexHome: join(dir, "t"), requireSession: true }),
    ).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_REQUIRED_BUT_MISSING,
      message: expect.stringMatching(/holds no Codex session/),
    });
  });
});

describe("local store layout", () => {
  test("bundle plus sidecar per key; keys cannot escape the store", async () => {
    const dir = await tempDir();
    const backend = createLocalBackend({ dir: join(dir, "store"), now: () => new Date("2026-01-01T00:00:00Z") });
    await writeFile(join(dir, "b"), "bundle");
    await backend.save("codexrel-session-v1/o/r/issue-1/001-x-1", join(dir, "b"));
    expect((await readdir(join(dir, "store/codexrel-session-v1/o/r/issue-1"))).sort()).toEqual([
      "001-x-1.bundle",
      "001-x-1.json",
    ]);
    expect(
      JSON.parse(await readFile(join(dir, "store/codexrel-session-v1/o/r/issue-1/001-x-1.json"), "utf8")),
    ).toMatchObject({
      savedAt: "2026-01-01T00:00:00.000Z",
      bytes: 6,
    });
    await expect(backend.save("codexrel-session-v1/../../x", join(dir, "b"))).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_STORE_KEY_INVALID,
    });
  });
});
