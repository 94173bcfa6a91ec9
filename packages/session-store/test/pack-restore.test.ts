import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, rename, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  inspectBundle,
  MEMBER_HEADER_BYTES,
  memberLength,
  packCodexHome,
  restoreBundle,
  SessionErrorCodes,
  zstdAvailable,
} from "@codexrel/session-store";
import { describe, expect, test } from "vitest";
import { fakeCodexHome, snapshot, tempDir, writeTree } from "./helpers.js";

describe("pack", () => {
  test("leaves out credentials, config, locks, runtime files and caches; lists every file with size and sha256", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const { sessionId, rolloutPath } = await fakeCodexHome(home, { cwd: "/work/first" });
    const out = join(dir, "bundle.tgz");
    const { manifest, bytes } = await packCodexHome({ codexHome: home, out, threadKey: "octo/hello/issue-1" });
    const paths = manifest.files.map((f) => f.path).sort();
    expect(paths).toEqual(
      ["installation_id", rolloutPath, "goals_1.sqlite", "goals_1.sqlite-shm", "goals_1.sqlite-wal"].sort(),
    );
    const reasons = Object.fromEntries(manifest.excluded.map((e) => [e.path, e.reason]));
    expect(reasons).toMatchObject({
      "auth.json": "credentials",
      ".credentials.json": "credentials",
      ".env": "credentials",
      "auth.json.lock": "lock",
      "auth.lock": "lock",
      "config.toml": "config",
      "AGENTS.md": "config",
      log: "log",
      "logs_2.sqlite": "log",
      skills: "agent-input", // skills change what the agent is told: never saved or restored
      ".tmp": "temporary",
      "server-info.json": "server-info",
      "thread-writer-locks/.coordination.lock": "lock",
      "state_5.sqlite": "derived-index",
      "state_5.sqlite-wal": "derived-index",
      "thread_history_1.sqlite": "derived-index",
    });
    expect(manifest).toMatchObject({
      format: "codexrel-session-bundle",
      formatVersion: 1,
      threadKey: "octo/hello/issue-1",
      codexVersion: "0.169.0",
      compression: "gzip",
      session: { id: sessionId, cwd: "/work/first", modelProvider: "mock", rolloutPath },
    });
    for (const f of manifest.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(out)).size).toBe(bytes);
    const raw = gunzipSync(await readFile(out));
    expect(raw.includes("sk-canary-ABCDEFGHIJKLMNOPQRSTUVWX")).toBe(false);
    expect(raw.includes("OPENAI_API_KEY")).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(["bundle.tgz", "home"]); // no temporary file left
  });

  test("redacts secret shapes and the values from auth.json/.env in text, masks them in binaries, and counts", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await fakeCodexHome(home);
    const ghToken = `ghp_${"a".repeat(36)}`;
    await writeTree(home, {
      "sessions/2026/11/22/rollout-2026-11-22T00-00-00-x.jsonl": `${JSON.stringify({ type: "event", text: `printed ${ghToken} and sk-canary-ABCDEFGHIJKLMNOPQRSTUVWX and dotenv-secret-value-123456` })}\n`,
      "memories_1.sqlite": Buffer.concat([
        Buffer.from("SQLite format 3\0"),
        Buffer.from(`xx ${ghToken} yy`),
        Buffer.alloc(64),
      ]),
    });
    const out = join(dir, "b.tgz");
    const { manifest } = await packCodexHome({ codexHome: home, out, secrets: ["my-explicit-secret-1"] });
    expect(manifest.redactions.total).toBe(4);
    expect(manifest.redactions.files).toEqual(
      expect.arrayContaining([
        { path: "sessions/2026/11/22/rollout-2026-11-22T00-00-00-x.jsonl", count: 3, kind: "text" },
        { path: "memories_1.sqlite", count: 1, kind: "binary" },
      ]),
    );
    const raw = gunzipSync(await readFile(out)).toString("latin1");
    expect(raw).not.toContain(ghToken);
    expect(raw).not.toContain("sk-canary");
    expect(raw).not.toContain("dotenv-secret-value-123456");
    expect(raw).toContain("[REDACTED:github-token]");
    const sqlite = manifest.files.find((f) => f.path === "memories_1.sqlite")!;
    const original = Buffer.concat([
      Buffer.from("SQLite format 3\0"),
      Buffer.from(`xx ${ghToken} yy`),
      Buffer.alloc(64),
    ]);
    expect(sqlite.size).toBe(original.length); // masked in place, same length
  });

  test("fails with SESSION_SECRET_REMAINS when redaction cannot converge", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await writeTree(home, { "notes/a.txt": `key sk-${"Z".repeat(30)}\n` });
    // A declared secret equal to the redaction marker reappears after the first pass.
    const err = await packCodexHome({
      codexHome: home,
      out: join(dir, "b.tgz"),
      secrets: ["[REDACTED:openai-key]"],
    }).catch((e) => e);
    expect(err).toMatchObject({ code: SessionErrorCodes.SESSION_SECRET_REMAINS });
    expect(await readdir(dir)).toEqual(["home"]); // nothing half-written
  });

  test("the latest session is the most recently modified rollout", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const mk = (id: string, cwd: string) =>
      `${JSON.stringify({ type: "session_meta", payload: { id, cwd, model_provider: "openai", cli_version: "0.1.0" } })}\n`;
    const uuid = (c: string) => `${c.repeat(8)}-${c.repeat(4)}-${c.repeat(4)}-${c.repeat(4)}-${c.repeat(12)}`;
    const [a, b, c] = [uuid("a"), uuid("b"), uuid("c")];
    const ra = `sessions/2026/01/01/rollout-2026-01-01T00-00-00-${a}.jsonl`;
    const rb = `sessions/2026/01/02/rollout-2026-01-02T00-00-00-${b}.jsonl`;
    const rc = `archived_sessions/rollout-2026-01-03T00-00-00-${c}.jsonl`;
    await writeTree(home, { [ra]: mk(a, "/a"), [rb]: mk(b, "/b"), [rc]: mk(c, "/c") });
    await utimes(join(home, rb), new Date("2026-01-02"), new Date("2026-01-02"));
    await utimes(join(home, ra), new Date("2026-01-05"), new Date("2026-01-05"));
    await utimes(join(home, rc), new Date("2026-02-01"), new Date("2026-02-01"));
    const { manifest } = await packCodexHome({ codexHome: home, out: join(dir, "b.tgz"), codexVersion: "9.9.9" });
    expect(manifest.session).toMatchObject({ id: a, cwd: "/a" });
    expect(manifest.sessions).toBe(3);
    expect(manifest.codexVersion).toBe("9.9.9");
  });

  test("bundles are multi-member gzip that system tar reads; files larger than a member round trip", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const big = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4) big.writeUInt32LE((i * 2654435761) >>> 0, i);
    await writeTree(home, { "memories_1.sqlite": big, "sessions/a/rollout-1.jsonl": "x\n".repeat(1000) });
    const bundle = join(dir, "b.tgz");
    const { manifest } = await packCodexHome({ codexHome: home, out: bundle });
    const out = join(dir, "tar-out");
    await mkdir(out);
    const r = spawnSync("tar", ["-xzf", bundle, "-C", out]);
    expect(r.status, String(r.stderr)).toBe(0);
    expect(await snapshot(join(out, "home"))).toEqual(await snapshot(home));
    expect(JSON.parse(await readFile(join(out, "codexrel-manifest.json"), "utf8")).files).toEqual(manifest.files);
    const restored = await restoreBundle({ bundle, codexHome: join(dir, "restored") });
    expect(restored.files).toBe(2);
    expect(await snapshot(join(dir, "restored"))).toEqual(await snapshot(home));
  });

  test("every gzip member records its length; bundles without the lengths (one gzip stream) still restore", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const noise = (n: number, seed: number) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i + 4 <= n; i += 4) b.writeUInt32LE(((i + seed) * 2654435761) >>> 0, i);
      return b;
    };
    // Many files over several directories (the writers split directories between them), files
    // larger than a write batch (1 MiB) and than a member (4 MiB), an empty file, and old mtimes.
    const files: Record<string, Buffer | string> = { "empty.txt": "", "db/big.sqlite": noise(5 << 20, 1) };
    for (let d = 0; d < 6; d++)
      for (let f = 0; f < 40; f++)
        files[`sessions/2026/01/0${d}/rollout-${f}.jsonl`] = noise(1000 + f * 997, d * 100 + f);
    files["db/mid.sqlite-wal"] = noise(1536 * 1024, 7);
    await writeTree(home, files, new Date("2025-03-04T05:06:07Z"));
    const bundle = join(dir, "b.tgz");
    await packCodexHome({ codexHome: home, out: bundle });

    const bytes = await readFile(bundle);
    let members = 0;
    for (let at = 0; at < bytes.length; members++) {
      const length = memberLength(bytes.subarray(at, at + MEMBER_HEADER_BYTES));
      expect(length, `member at ${at}`).toBeGreaterThan(MEMBER_HEADER_BYTES);
      at += length as number;
      expect(at).toBeLessThanOrEqual(bytes.length);
    }
    expect(members).toBeGreaterThan(1);
    const restored = await restoreBundle({ bundle, codexHome: join(dir, "restored") });
    expect(restored.files).toBe(Object.keys(files).length);
    const want = await snapshot(home);
    expect(await snapshot(join(dir, "restored"))).toEqual(want);
    expect((await stat(join(dir, "restored", "sessions/2026/01/03/rollout-7.jsonl"))).mtime.toISOString()).toBe(
      "2025-03-04T05:06:07.000Z",
    );

    // A bundle written before member lengths existed: one plain gzip stream of the same tar.
    const legacy = join(dir, "legacy.tgz");
    await writeFile(legacy, gzipSync(gunzipSync(bytes)));
    expect(memberLength(gzipSync(Buffer.from("x")))).toBeUndefined();
    await restoreBundle({ bundle: legacy, codexHome: join(dir, "from-legacy") });
    expect(await snapshot(join(dir, "from-legacy"))).toEqual(want);
  });

  test("a missing CODEX_HOME is a coded error", async () => {
    const dir = await tempDir();
    await expect(packCodexHome({ codexHome: join(dir, "nope"), out: join(dir, "b") })).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_HOME_NOT_FOUND,
    });
  });

  test("symlinks are left out", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await writeTree(home, { "a.txt": "a" });
    const { symlink } = await import("node:fs/promises");
    await symlink("/etc/passwd", join(home, "link"));
    const { manifest } = await packCodexHome({ codexHome: home, out: join(dir, "b.tgz") });
    expect(manifest.files.map((f) => f.path)).toEqual(["a.txt"]);
    expect(manifest.excluded).toContainEqual({ path: "link", reason: "symlink" });
  });
});

describe("restore", () => {
  test("round trip into a prepared CODEX_HOME: files, mtimes and the session id come back; config and auth stay the job's", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const mtime = new Date("2026-03-04T05:06:07Z");
    const { sessionId, rolloutPath } = await fakeCodexHome(home);
    await utimes(join(home, rolloutPath), mtime, mtime);
    const bundle = join(dir, "b.tgz");
    const { manifest } = await packCodexHome({ codexHome: home, out: bundle });

    const target = join(dir, "target");
    await writeTree(target, { "config.toml": 'model = "from-inputs"\n', "auth.json": '{"OPENAI_API_KEY":"job"}' });
    const result = await restoreBundle({ bundle, codexHome: target });
    expect(result).toMatchObject({ sessionFound: true, sessionId, files: manifest.files.length, compression: "gzip" });
    const after = await snapshot(target);
    const before = await snapshot(home);
    for (const f of manifest.files) expect(after[f.path]).toBe(before[f.path]);
    expect(await readFile(join(target, "config.toml"), "utf8")).toBe('model = "from-inputs"\n');
    expect(await readFile(join(target, "auth.json"), "utf8")).toBe('{"OPENAI_API_KEY":"job"}');
    expect((await stat(join(target, rolloutPath))).mtime.toISOString()).toBe(mtime.toISOString());
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/restore-/)]));
  });

  test("restore into a missing directory creates it 0700; an existing file of the same name is replaced", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await writeTree(home, { "sessions/x/rollout-1.jsonl": "{}\n", "top.txt": "new" });
    const bundle = join(dir, "b.tgz");
    await packCodexHome({ codexHome: home, out: bundle });
    const fresh = join(dir, "deep", "fresh");
    const r1 = await restoreBundle({ bundle, codexHome: fresh });
    expect(r1.sessionFound).toBe(false);
    expect((await stat(fresh)).mode & 0o777).toBe(0o700);
    const existing = join(dir, "existing");
    await writeTree(existing, { "top.txt": "old", "sessions/y/other.jsonl": "keep" });
    await restoreBundle({ bundle, codexHome: existing });
    expect(await readFile(join(existing, "top.txt"), "utf8")).toBe("new");
    expect(await readFile(join(existing, "sessions/y/other.jsonl"), "utf8")).toBe("keep");
    expect(await readFile(join(existing, "sessions/x/rollout-1.jsonl"), "utf8")).toBe("{}\n");
  });

  test("inspect reads the manifest without writing", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const { sessionId } = await fakeCodexHome(home);
    const bundle = join(dir, "b.tgz");
    await packCodexHome({ codexHome: home, out: bundle, threadKey: "octo/hello/pr-2" });
    const manifest = await inspectBundle(bundle);
    expect(manifest).toMatchObject({ threadKey: "octo/hello/pr-2", session: { id: sessionId } });
  });

  test("a failed move rolls back: the target is left as it was", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    await writeTree(home, { "a/one.txt": "1", "b/two.txt": "2", "c/three.txt": "3", "d.txt": "4" });
    const bundle = join(dir, "b.tgz");
    await packCodexHome({ codexHome: home, out: bundle });
    const target = join(dir, "target");
    await writeTree(target, {
      "a/one.txt": "old",
      "b/two.txt": "old",
      "d.txt/inner": "a directory where a file comes",
    });
    const before = await snapshot(target);
    let calls = 0;
    const failing = async (from: string, to: string) => {
      if (++calls === 4) throw Object.assign(new Error("EIO: simulated"), { code: "EIO" });
      await rename(from, to);
    };
    await expect(restoreBundle({ bundle, codexHome: target, rename: failing })).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_RESTORE_FAILED,
    });
    expect(calls).toBe(4);
    expect(await snapshot(target)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(["b.tgz", "home", "target"]);
  });

  test.skipIf(!zstdAvailable())("zstd bundles round trip where the runtime has zstd", async () => {
    const dir = await tempDir();
    const home = join(dir, "home");
    const { sessionId } = await fakeCodexHome(home);
    const bundle = join(dir, "b.tzst");
    const { manifest } = await packCodexHome({ codexHome: home, out: bundle, compression: "zstd" });
    expect(manifest.compression).toBe("zstd");
    const r = await restoreBundle({ bundle, codexHome: join(dir, "t") });
    expect(r).toMatchObject({ compression: "zstd", sessionId });
  });

  test.skipIf(zstdAvailable())("asking for zstd without runtime support is a coded error", async () => {
    const dir = await tempDir();
    await writeTree(join(dir, "home"), { a: "a" });
    await expect(
      packCodexHome({ codexHome: join(dir, "home"), out: join(dir, "b"), compression: "zstd" }),
    ).rejects.toMatchObject({
      code: SessionErrorCodes.SESSION_ZSTD_UNAVAILABLE,
    });
  });
});
