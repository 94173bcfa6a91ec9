/**
 * `codexrel stream` as a real process (standard input piped, stdout read back) against the fake
 * Discord, and its progress sink against the fake GitHub through the real threads adapter.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../stream/test/fake-discord.js";
import { linesOf } from "../../stream/test/helpers.js";
import { repoRoot } from "./helpers.js";

const TOKEN = "ghp_CANARYcliStream0000000000000000000000001";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { agent: "write" } });
  fake.state.addIssue("acme/widgets", { number: 3, title: "Fix the parser" });
  fake.state.addToken({ login: "agent", kind: "classic", scopes: ["repo"], value: TOKEN });
});

let discord: FakeDiscord;
beforeEach(async () => {
  discord = await startFakeDiscord();
});
afterEach(async () => {
  await discord.close();
});

/** `codexrel stream …` as a process, with its output collected as it comes. */
function spawnCli(argv: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "packages/cli/src/bin.ts"), ...argv], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: mkdtempSync(join(tmpdir(), "codexrel-stream-proc-")), ...env },
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    out.stderr += c.toString();
  });
  return { child, out };
}

function run(
  argv: string[],
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { child, out } = spawnCli(argv, env);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...out }));
    child.stdin.end(input);
  });
}

test("a real pipe: stdout is the input unchanged, Discord and the progress comment get the lines", {
  timeout: 120_000,
}, async () => {
  const input = `${Array.from({ length: 40 }, (_, i) => `build step ${i + 1}`).join("\n")}\nlast line without newline`;
  const r = await run(
    [
      "stream",
      "--stage",
      "implementation",
      "--repo",
      "acme/widgets",
      "--issue",
      "3",
      "--run-id",
      "77",
      "--sink",
      "discord",
      "--sink",
      "progress",
    ],
    input,
    {
      DISCORD_BOT_TOKEN: discord.token,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_API_URL: discord.baseUrl,
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: gh().apiUrl,
      GITHUB_GRAPHQL_URL: gh().graphqlUrl,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe(input);
  expect(discord.violations).toEqual([]);
  expect(linesOf(discord.messages(discord.channels[0]!.id))).toEqual(input.split("\n"));
  const comments = gh().state.threadComments("acme/widgets", 3);
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toContain("<!-- codex:progress -->");
  expect(comments[0]!.body).toContain("**Live log · implementation** — last 15 of 41 lines");
  expect(comments[0]!.body).toContain("> last line without newline<br>");
  expect(r.stderr).toMatch(/progress: updated the progress comment [12] times/);
  expect(r.stderr).not.toContain(TOKEN);
});

test("SIGTERM mid-stream (a cancelled run), the writer still holding the pipe: the transcript keeps what was read, exit 0", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "codexrel-stream-sigterm-"));
  const log = join(dir, "t.log");
  const { child, out } = spawnCli(
    [
      ...["stream", "--stage", "review", "--repo", "acme/widgets", "--pr", "4", "--run-id", "9"],
      ...["--sink", "file", "--log-file", log],
    ],
    {},
  );
  child.stdin.write("first line\nsecond line\n");
  while (!out.stdout.includes("second line")) await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGTERM");
  const [code] = (await once(child, "exit")) as [number | null];
  child.stdin.destroy();
  expect(code, out.stderr).toBe(0);
  expect(out.stderr).toContain("the stream was stopped (SIGTERM) after 2 lines");
  expect(readFileSync(log, "utf8")).toContain("second line");
});
