import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliContext, runCli } from "@codexrel/cli";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../stream/test/fake-discord.js";
import { fencesBalanced, linesOf, rejoin } from "../../stream/test/helpers.js";

const GH_TOKEN_IN_LOG = `ghp_${"A1b2C3d4E5".repeat(4)}`;

let discord: FakeDiscord;
let dir: string;
beforeEach(async () => {
  discord = await startFakeDiscord();
  dir = await mkdtemp(join(tmpdir(), "codexrel-stream-"));
});
afterEach(async () => {
  await discord.close();
});

async function* chunks(parts: Array<string | Buffer>): AsyncIterable<Uint8Array | string> {
  for (const p of parts) yield typeof p === "string" ? Buffer.from(p) : p;
}

async function stream(argv: string[], input: Array<string | Buffer>, env: Record<string, string | undefined> = {}) {
  const stdoutBytes: Buffer[] = [];
  let stderr = "";
  const ctx: CliContext = {
    env: { PATH: process.env.PATH, HOME: dir, ...env },
    cwd: dir,
    stdout: {
      write: (s) => void stdoutBytes.push(Buffer.from(s)),
      writeBytes: (c) => void stdoutBytes.push(Buffer.from(c)),
    },
    stderr: {
      write: (s) => {
        stderr += s;
      },
    },
    version: "0.0.0-test",
    exitCode: 0,
    stdin: chunks(input),
  };
  const code = await runCli(["stream", ...argv], ctx);
  return { code, stdout: Buffer.concat(stdoutBytes), stderr };
}

const discordEnv = () => ({
  DISCORD_BOT_TOKEN: discord.token,
  DISCORD_GUILD_ID: discord.guildId,
  DISCORD_CATEGORY_ID: "1000000000000000002",
  DISCORD_API_URL: discord.baseUrl,
});

const args = ["--stage", "planning", "--repo", "octo/hello", "--issue", "7", "--run-id", "4242"];

test("passes stdin through byte for byte and mirrors readable, redacted lines to Discord, the summary and the log file", async () => {
  const codex = await readFile(join(import.meta.dirname, "../../stream/test/fixtures/codex-0.169-exec.jsonl"));
  const summary = join(dir, "summary.md");
  await writeFile(summary, "");
  const input = [
    codex.subarray(0, 100),
    codex.subarray(100),
    `plain text with a token ${GH_TOKEN_IN_LOG}\n`,
    Buffer.from([0xe2, 0x82]), // "€" split over two chunks
    Buffer.from([0xac, 0x0a, 0xff, 0x0a]), // and one invalid byte
  ];
  const r = await stream(args, input, { ...discordEnv(), GITHUB_STEP_SUMMARY: summary });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.equals(Buffer.concat(input.map((p) => (typeof p === "string" ? Buffer.from(p) : p))))).toBe(true);
  expect(discord.violations).toEqual([]);
  expect(discord.channels.map((c) => [c.name, c.parent_id])).toEqual([
    ["planning-octo-hello-issue-7-run-4242", "1000000000000000002"],
  ]);
  const posted = discord.messages(discord.channels[0]!.id);
  expect(posted[0]).toContain("**codexrel · planning** — octo/hello issue #7");
  expect(posted[0]).toContain("<https://github.com/octo/hello/issues/7>");
  const lines = linesOf(posted);
  expect(lines).toEqual(
    expect.arrayContaining([
      "$ /bin/bash -lc 'echo hi; exit 3'",
      "  │ hi",
      "  ✗ exit 3 · /bin/bash -lc 'echo hi; exit 3'",
      expect.stringMatching(/^✎ add \/tmp\/.*\/hello\.txt$/),
      "💬 All done: ran the command.",
      "plain text with a token [REDACTED:github-token]",
      "€",
    ]),
  );
  expect(lines.some((l) => l.includes('"type":"item.completed"'))).toBe(false);
  const log = await readFile(join(dir, ".codex-planning.log"), "utf8");
  expect(log).toContain("💬 All done: ran the command.");
  expect(log).toContain("[REDACTED:github-token]");
  const md = await readFile(summary, "utf8");
  expect(md).toContain("<details><summary>planning transcript:");
  expect(md).toContain("💬 All done: ran the command.");
  for (const text of [posted.join("\n"), log, md, r.stderr]) expect(text).not.toContain(GH_TOKEN_IN_LOG);
  expect(r.stderr).toMatch(
    /discord: posted \d+ of \d+ lines in \d+ messages? to #planning-octo-hello-issue-7-run-4242/,
  );
});

test("without the bot token it says once why Discord is off, sends nothing, and still passes everything through", async () => {
  const r = await stream(args, ["one\n", "two\n", "three\n"], {
    DISCORD_GUILD_ID: discord.guildId,
    DISCORD_API_URL: discord.baseUrl,
  });
  expect(r.code).toBe(0);
  expect(r.stdout.toString()).toBe("one\ntwo\nthree\n");
  expect(r.stderr.match(/discord streaming is off: DISCORD_BOT_TOKEN is not set/g)).toHaveLength(1);
  expect(discord.requests).toEqual([]);
  const none = await stream(args, ["x\n"], {});
  expect(none.stderr).toContain("discord streaming is off: DISCORD_BOT_TOKEN and DISCORD_GUILD_ID are not set");
});

test("a 429 with retry_after and a 5xx are absorbed: every line arrives in order, the run goes on", async () => {
  discord.script("message", [
    { status: 429, retryAfter: 0.05 },
    { status: 502 },
    { status: 429, retryAfter: 0.02, global: true },
  ]);
  const input = Array.from({ length: 300 }, (_, i) => `step ${i + 1} ${"w".repeat(60)}\n`);
  const r = await stream([...args, "--sink", "discord"], input, discordEnv());
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain("warning");
  const statuses = discord.requests.map((q) => q.status);
  expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  expect(statuses).toContain(502);
  expect(linesOf(discord.messages(discord.channels[0]!.id))).toEqual(input.map((l) => l.trimEnd()));
  expect(discord.violations).toEqual([]);
});

test("a Discord that keeps failing is a warning on stderr and in the summary, never the end of the run", async () => {
  const summary = join(dir, "summary.md");
  discord.script("create-channel", [{ status: 403 }]);
  const r = await stream([...args, "--sink", "discord", "--sink", "summary"], ["kept\n"], {
    ...discordEnv(),
    GITHUB_STEP_SUMMARY: summary,
  });
  expect(r.code).toBe(0);
  expect(r.stdout.toString()).toBe("kept\n");
  expect(r.stderr).toMatch(
    /warning: discord: could not create channel #planning-octo-hello-issue-7-run-4242: .*HTTP 403: Missing Permissions/,
  );
  const md = await readFile(summary, "utf8");
  expect(md).toMatch(/\[!WARNING\]\n> discord: could not create channel/);
  expect(md).toContain("kept");
});

test("10,000 lines through the command: none lost, none over 2,000 characters", async () => {
  const sent = Array.from({ length: 10_000 }, (_, i) =>
    i % 1000 === 999 ? `big ${i} ${"q".repeat(2500)}` : `l${i} ${"r".repeat(i % 90)}`,
  );
  const input: string[] = [];
  for (let i = 0; i < sent.length; i += 250) input.push(`${sent.slice(i, i + 250).join("\n")}\n`);
  const r = await stream([...args, "--sink", "discord"], input, discordEnv());
  expect(r.code).toBe(0);
  expect(discord.violations).toEqual([]);
  const posted = discord.messages(discord.channels[0]!.id);
  for (const m of posted) {
    expect(m.length).toBeLessThanOrEqual(2000);
    expect(fencesBalanced(m)).toBe(true);
  }
  expect(rejoin(linesOf(posted))).toEqual(sent);
  expect(r.stderr).toContain("discord: posted 10000 of 10000 lines");
});

test("--dry-run prints the channel name, the banner and the lines it would send, and touches nothing", async () => {
  const summary = join(dir, "summary.md");
  await writeFile(summary, "before\n");
  const r = await stream(
    [
      "--stage",
      "implementation",
      "--repo",
      "Octo-Org/Hello.World",
      "--pr",
      "12",
      "--run-id",
      "987654321",
      "--dry-run",
      "--sink",
      "discord",
      "--sink",
      "summary",
      "--sink",
      "file",
    ],
    ['{"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"Plan ready"}}\n', "make test\n"],
    { ...discordEnv(), GITHUB_STEP_SUMMARY: summary },
  );
  expect(r.code).toBe(0);
  expect(r.stdout.toString()).toContain("make test\n");
  expect(r.stderr).toContain(
    "discord (dry run): would create channel #implementation-octo-org-hello-world-pr-12-run-987654321 under category 1000000000000000002",
  );
  expect(r.stderr).toContain("  | **codexrel · implementation** — Octo-Org/Hello.World PR #12");
  expect(r.stderr).toContain("  | Thread: <https://github.com/Octo-Org/Hello.World/pull/12>");
  expect(r.stderr).toContain("discord ▸ 💬 Plan ready\n");
  expect(r.stderr).toContain("discord ▸ make test\n");
  expect(discord.requests).toEqual([]);
  expect(await readFile(summary, "utf8")).toBe("before\n");
  expect(await readdir(dir)).toEqual(["summary.md"]);
});

test("--dry-run without credentials still shows the channel it would create, and why a real run would not stream", async () => {
  const r = await stream([...args, "--dry-run", "--sink", "discord"], ["hello\n"], {});
  expect(r.stderr).toContain("would create channel #planning-octo-hello-issue-7-run-4242");
  expect(r.stderr).toContain("a real run would not stream: DISCORD_BOT_TOKEN and DISCORD_GUILD_ID are not set");
  expect(r.stderr).toContain("discord ▸ hello");
});

test("bad options are usage errors (exit 2) before anything is read", async () => {
  expect((await stream(["--stage", "deploy", "--repo", "o/r", "--issue", "1", "--run-id", "1"], [])).code).toBe(2);
  const sink = await stream([...args, "--sink", "slack"], []);
  expect(sink.code).toBe(2);
  expect(sink.stderr).toContain("Allowed choices are discord, summary, progress, file.");
  expect((await stream(["--stage", "review", "--repo", "o/r", "--issue", "1"], [])).stderr).toContain("no run id");
  const bad = await stream(["--stage", "review", "--repo", "o/r", "--issue", "1", "--run-id", "$(id)"], []);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("STREAM_INPUT_INVALID");
});

test("a log file that cannot be written is a warning; the stream and the other sinks go on", async () => {
  const summary = join(dir, "summary.md");
  const input = Array.from({ length: 50 }, (_, i) => `n${i}\n`);
  const r = await stream(
    [...args, "--sink", "file", "--sink", "summary", "--log-file", join(dir, "missing-dir", "x.log")],
    input,
    { GITHUB_STEP_SUMMARY: summary },
  );
  expect(r.code).toBe(0);
  expect(r.stdout.toString()).toBe(input.join(""));
  expect(r.stderr).toMatch(
    /warning: file: cannot write .*x\.log: ENOENT.*; the file sink is off for the rest of the run/,
  );
  const md = await readFile(summary, "utf8");
  expect(md).toMatch(/\[!WARNING\]\n> file: cannot write .*ENOENT/);
  expect(r.stderr).not.toContain("file: wrote");
  expect(md).toContain("n49");
});
