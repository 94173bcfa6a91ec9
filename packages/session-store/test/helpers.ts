import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Header } from "tar";
import { afterEach } from "vitest";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A temp directory removed after the test. */
export async function tempDir(prefix = "session-store-"): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export async function writeTree(root: string, files: Record<string, string | Buffer>, mtime?: Date): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
    if (mtime) await utimes(abs, mtime, mtime);
  }
}

/** Every file under root (recursively) with its sha256: to prove a tree did not change. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const visit = async (rel: string) => {
    for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await visit(r);
      else if (e.isSymbolicLink()) out[r] = "symlink";
      else
        out[r] = createHash("sha256")
          .update(await readFile(join(root, r)))
          .digest("hex");
    }
  };
  await visit("");
  return out;
}

export const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

export interface RawEntry {
  path: string;
  type?: "File" | "Directory" | "SymbolicLink" | "Link" | "CharacterDevice" | "BlockDevice" | "FIFO";
  body?: Buffer | string;
  linkpath?: string;
  mode?: number;
  /** Declared size when it should differ from the body. */
  size?: number;
}

/** Raw tar bytes built header by header (node-tar's Header), for bundles our packer would never write. */
export function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = typeof e.body === "string" ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0));
    const type = e.type ?? "File";
    const header = new Header({
      path: e.path,
      type,
      mode: e.mode ?? (type === "Directory" ? 0o755 : 0o644),
      size: e.size ?? (type === "File" ? body.length : 0),
      mtime: new Date("2026-01-02T03:04:05Z"),
      linkpath: e.linkpath ?? "",
      uid: 0,
      gid: 0,
      uname: "",
      gname: "",
      devmaj: 0,
      devmin: 0,
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (type === "File" && body.length) {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export const gz = (b: Buffer) => gzipSync(b);

/**
 * Gzip members framed the way `packCodexHome` writes them: each member's header carries its own
 * length in an FEXTRA subfield "CR" (4 bytes LE), `blockBytes` of input per member.
 * `lengthOf` lets a test lie about a member's length.
 */
export function indexedGz(b: Buffer, blockBytes = 4 << 20, lengthOf = (real: number, _i: number) => real): Buffer {
  const members: Buffer[] = [];
  for (let at = 0, i = 0; at < b.length || i === 0; at += blockBytes, i++) {
    const plain = gzipSync(b.subarray(at, at + blockBytes));
    const out = Buffer.alloc(plain.length + 10);
    plain.copy(out, 0, 0, 10);
    out[3] = 0x04;
    out.writeUInt16LE(8, 10);
    out.write("CR", 12, "latin1");
    out.writeUInt16LE(4, 14);
    out.writeUInt32LE(lengthOf(out.length, i), 16);
    plain.copy(out, 20, 10);
    members.push(out);
  }
  return Buffer.concat(members);
}

/** A minimal valid manifest for hand-built bundles. */
export function manifestFor(files: { path: string; body: Buffer | string }[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: "codexrel-session-bundle",
    formatVersion: 1,
    threadKey: "octo/hello/issue-1",
    key: null,
    createdAt: "2026-01-02T03:04:05.000Z",
    codexVersion: null,
    compression: "gzip",
    session: null,
    sessions: 0,
    redactions: { total: 0, files: [] },
    excluded: [],
    files: files.map((f) => ({
      path: f.path,
      size: Buffer.byteLength(f.body),
      sha256: sha256(typeof f.body === "string" ? Buffer.from(f.body) : f.body),
      mtimeMs: Date.parse("2026-01-02T03:04:05Z"),
      mode: 0o644,
    })),
    totals: { files: files.length, bytes: 0 },
    ...extra,
  });
}

/** A CODEX_HOME shaped like the real CLI leaves it (see DESIGN.md facts). */
export async function fakeCodexHome(root: string, options: { apiKey?: string; sessionId?: string; cwd?: string } = {}) {
  const id = options.sessionId ?? "01a1fe0a-7a46-7d81-8280-7ff8ab88e63f";
  const meta = {
    timestamp: "2026-11-21T12:17:42.015Z",
    type: "session_meta",
    payload: { id, session_id: id, cwd: options.cwd ?? "/work/repo", model_provider: "mock", cli_version: "0.169.0" },
  };
  const rollout = [
    JSON.stringify(meta),
    JSON.stringify({
      type: "response_item",
      payload: { role: "user", content: [{ type: "input_text", text: "fix the bug" }] },
    }),
    "",
  ].join("\n");
  await writeTree(root, {
    "config.toml": 'model = "gpt-test"\n[mcp_servers.x]\ncommand = "evil"\n',
    "auth.json": JSON.stringify({
      auth_mode: "apikey",
      OPENAI_API_KEY: options.apiKey ?? "sk-canary-ABCDEFGHIJKLMNOPQRSTUVWX",
    }),
    "auth.json.lock": "",
    "auth.lock": "",
    ".credentials.json": JSON.stringify({ token: "mcp-oauth-token-1234567890" }),
    ".env": "FOO_TOKEN=dotenv-secret-value-123456\n",
    "AGENTS.md": "be nice\n",
    installation_id: "b8abc908-4fe9-41cf-9cad-56e6d85e7eee",
    "state_5.sqlite": Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4080, 1)]),
    "state_5.sqlite-wal": Buffer.concat([Buffer.from([0x37, 0x7f, 0x06, 0x82]), Buffer.alloc(2000, 2)]),
    "thread_history_1.sqlite": Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4080, 1)]),
    "goals_1.sqlite": Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4080, 1)]),
    "goals_1.sqlite-wal": Buffer.concat([Buffer.from([0x37, 0x7f, 0x06, 0x82]), Buffer.alloc(2000, 2)]),
    "goals_1.sqlite-shm": Buffer.alloc(32768),
    "logs_2.sqlite": Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(100)]),
    "log/codex-tui.log": "log line\n",
    "skills/.system/skill.md": "system skill\n",
    "skills/mine/SKILL.md": "my skill\n",
    ".tmp/plugins.sync.lock": "",
    "thread-writer-locks/.coordination.lock": "",
    "server-info.json": "{}",
    [`sessions/2026/11/21/rollout-2026-11-21T12-17-41-${id}.jsonl`]: rollout,
  });
  return { sessionId: id, rolloutPath: `sessions/2026/11/21/rollout-2026-11-21T12-17-41-${id}.jsonl` };
}
