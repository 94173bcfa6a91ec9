import { createDiscordRest, createDiscordSink, DISCORD_MESSAGE_LIMIT, manualClock } from "@codexrel/stream";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "./fake-discord.js";
import { fencesBalanced, linesOf, rejoin } from "./helpers.js";

let discord: FakeDiscord;
beforeEach(async () => {
  discord = await startFakeDiscord();
});
afterEach(async () => {
  await discord.close();
});

function sink(overrides: Partial<Parameters<typeof createDiscordSink>[0]> = {}, clock = manualClock()) {
  const warnings: string[] = [];
  const rest = createDiscordRest({ fetch, token: discord.token, clock, baseUrl: discord.baseUrl });
  const s = createDiscordSink({
    rest,
    guildId: discord.guildId,
    categoryId: "1000000000000000002",
    channelName: "planning-octo-hello-issue-7-run-42",
    topic: "codexrel planning · octo/hello issue #7 · run 42",
    banner: "**codexrel · planning** — octo/hello issue #7",
    logName: ".codex-planning.log",
    clock,
    warn: (w) => warnings.push(w),
    ...overrides,
  });
  return { sink: s, warnings, rest, clock };
}

test("creates one channel under the category, posts the banner, then the lines in order", async () => {
  const { sink: s, warnings } = sink();
  for (let i = 1; i <= 50; i++) s.write(`line ${i}`);
  const report = await s.close([]);
  expect(discord.violations).toEqual([]);
  expect(warnings).toEqual([]);
  expect(discord.channels).toEqual([
    {
      id: expect.any(String),
      name: "planning-octo-hello-issue-7-run-42",
      parent_id: "1000000000000000002",
      topic: "codexrel planning · octo/hello issue #7 · run 42",
    },
  ]);
  const create = discord.requests.find((r) => r.method === "POST" && r.template === "/guilds/{guild_id}/channels");
  expect(create?.json).toMatchObject({ type: 0 });
  const posted = discord.messages(discord.channels[0]!.id);
  expect(posted[0]).toBe("**codexrel · planning** — octo/hello issue #7");
  expect(linesOf(posted)).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i + 1}`));
  const bodies = discord.requests.filter((r) => r.template === "/channels/{channel_id}/messages").map((r) => r.json);
  for (const b of bodies) expect(b).toMatchObject({ allowed_mentions: { parse: [] } });
  expect(report).toMatchObject({ ok: true, lines: 50, undelivered: 0 });
});

test("a re-run with the same run id finds its channel instead of creating a second one", async () => {
  const first = sink();
  first.sink.write("attempt 1");
  await first.sink.close([]);
  const second = sink();
  second.sink.write("attempt 2");
  const report = await second.sink.close([]);
  expect(discord.channels).toHaveLength(1);
  expect(linesOf(discord.messages(discord.channels[0]!.id))).toEqual(["attempt 1", "attempt 2"]);
  expect(report.summary).toContain("existing channel");
  expect(discord.violations).toEqual([]);
});

test("a 429 waits retry_after and sends the same message again; nothing is lost or reordered", async () => {
  const { sink: s, clock, rest, warnings } = sink();
  discord.script("message", [
    { status: 200, remaining: 0, resetAfter: 0 },
    { status: 429, retryAfter: 1.25 },
    { status: 429, retryAfter: 0.5, global: true },
  ]);
  for (let i = 1; i <= 400; i++) s.write(`row ${i} ${"x".repeat(30)}`);
  await s.close([]);
  expect(warnings).toEqual([]);
  expect(rest.rateLimitWaits).toEqual(expect.arrayContaining([1250, 500]));
  expect(clock.sleeps).toEqual(expect.arrayContaining([1250, 500]));
  const statuses = discord.requests
    .filter((r) => r.template === "/channels/{channel_id}/messages")
    .map((r) => r.status);
  expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  expect(linesOf(discord.messages(discord.channels[0]!.id))).toEqual(
    Array.from({ length: 400 }, (_, i) => `row ${i + 1} ${"x".repeat(30)}`),
  );
  expect(discord.violations).toEqual([]);
});

test("X-RateLimit-Remaining: 0 holds the next request for X-RateLimit-Reset-After", async () => {
  const { sink: s, clock, rest } = sink({ lingerMs: 0 });
  discord.script("message", [{ status: 200, remaining: 0, resetAfter: 2.5 }]);
  s.write("one");
  await s.close([]);
  // banner (bucket empty for 2.5 s), then the message waits 2,500 ms before it is sent.
  expect(rest.rateLimitWaits).toEqual([2500]);
  expect(clock.sleeps).toContain(2500);
  expect(discord.requests.every((r) => r.status !== 429)).toBe(true);
});

test("a 5xx is retried with backoff; a persistent 5xx is a warning with the lines counted, and the sink goes on", async () => {
  const { sink: s, warnings, clock } = sink({ lingerMs: 0 });
  discord.script("message", [{ status: 502 }]);
  s.write("survives a 502");
  await Promise.resolve();
  const report1 = await s.close([]);
  expect(clock.sleeps).toContain(1000);
  expect(linesOf(discord.messages(discord.channels[0]!.id))).toEqual(["survives a 502"]);
  expect(report1.ok).toBe(true);

  const again = sink({ lingerMs: 0, channelName: "planning-octo-hello-issue-7-run-43" });
  discord.script(
    "message",
    Array.from({ length: 10 }, () => ({ status: 503 as const })),
  );
  again.sink.write("lost to a 503");
  const report = await again.sink.close([]);
  expect(again.warnings).toHaveLength(2);
  expect(again.warnings[0]).toMatch(/the banner was not posted: .*failed after 5 attempts: HTTP 503/);
  expect(again.warnings[1]).toMatch(/a message with 1 line was not posted: .*failed after 5 attempts: HTTP 503/);
  expect(report).toMatchObject({ ok: false, undelivered: 1 });
  expect(report.summary).toContain("1 line not posted");
  expect(warnings).toEqual([]);
});

test("a refused token switches the sink off with one warning and counts every line", async () => {
  const clock = manualClock();
  const warnings: string[] = [];
  const rest = createDiscordRest({ fetch, token: "wrong-token-value-123", clock, baseUrl: discord.baseUrl });
  const s = createDiscordSink({
    rest,
    guildId: discord.guildId,
    channelName: "review-octo-hello-pr-9-run-1",
    topic: "t",
    banner: "b",
    logName: ".codex-review.log",
    clock,
    warn: (w) => warnings.push(w),
  });
  s.write("a");
  s.write("b");
  await new Promise((r) => setTimeout(r, 50));
  s.write("c");
  const report = await s.close([]);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(
    /could not create channel #review-octo-hello-pr-9-run-1: Discord answered POST \/guilds\/\d+\/channels with HTTP 401/,
  );
  expect(warnings[0]).not.toContain("wrong-token-value-123");
  expect(report).toMatchObject({ ok: false, lines: 3, undelivered: 3 });
  expect(discord.channels).toEqual([]);
});

test("10,000 lines arrive in order, none lost, none over 2,000 characters, fences balanced", async () => {
  const { sink: s, warnings } = sink();
  const sent: string[] = [];
  for (let i = 1; i <= 10_000; i++) {
    const line =
      i % 997 === 0
        ? `long ${i} ${"y".repeat(4500)}`
        : i % 101 === 0
          ? `fence \`\`\` inside ${i} \`\`\`\`js`
          : `${i}: ${"z".repeat(i % 120)}`;
    sent.push(line);
    s.write(line);
  }
  const report = await s.close([]);
  expect(warnings).toEqual([]);
  expect(discord.violations).toEqual([]);
  const posted = discord.messages(discord.channels[0]!.id);
  for (const m of posted) {
    expect(m.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    expect(fencesBalanced(m)).toBe(true);
  }
  expect(rejoin(linesOf(posted))).toEqual(sent);
  expect(report).toMatchObject({ ok: true, lines: 10_000, undelivered: 0 });
});

test("more log than Discord takes: the excess is counted and a notice takes its place", async () => {
  const { sink: s } = sink({ maxPendingChars: 5_000, lingerMs: 0 });
  for (let i = 1; i <= 2_000; i++) s.write(`burst ${i} ${"b".repeat(40)}`);
  const report = await s.close([]);
  const lines = linesOf(discord.messages(discord.channels[0]!.id));
  const notices = lines.filter((l) => l.startsWith("⚠"));
  expect(notices.length).toBeGreaterThan(0);
  const counted = notices.reduce((n, l) => n + Number(/^⚠ (\d+) lines?/.exec(l)?.[1] ?? 0), 0);
  const delivered = lines.filter((l) => l.startsWith("burst "));
  expect(delivered.length + counted).toBe(2_000);
  expect(report.undelivered).toBe(counted);
  expect(report.summary).toContain(`${counted} lines over the rate limit summarized`);
  expect(notices[0]).toContain(".codex-planning.log");
});

test("at the end of the stream no wait passes the close deadline: what is left is counted", async () => {
  const { sink: s, warnings } = sink({ lingerMs: 0, closeTimeoutMs: 10_000 });
  discord.script("message", [
    { status: 429, retryAfter: 30 },
    { status: 429, retryAfter: 30 },
  ]);
  s.write("waits too long");
  const report = await s.close([]);
  expect(warnings.join("\n")).toMatch(
    /waiting 30 s more for POST \/channels\/\d+\/messages would pass the close deadline/,
  );
  expect(report).toMatchObject({ ok: false, undelivered: 1 });
});
