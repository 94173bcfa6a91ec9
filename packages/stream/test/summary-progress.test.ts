import { createProgressSink, createSummarySink, manualClock } from "@codexrel/stream";
import { type MarkedComment, type MarkedCommentsPort, type MarkerRef, parseProgressState } from "@codexrel/threads";
import { expect, test } from "vitest";

test("the summary keeps the transcript collapsed and within the 1 MiB step summary limit, counting what it leaves out", async () => {
  let written = "";
  const sink = createSummarySink({
    stage: "implementation",
    logName: ".codex-implementation.log",
    append: async (md) => {
      written += md;
    },
  });
  for (let i = 0; i < 60_000; i++) sink.write(`line ${i} ${"é".repeat(20)}`);
  sink.write("```\n</details> @here");
  const report = await sink.close(["discord: could not create channel #x: HTTP 403"]);
  expect(Buffer.byteLength(written)).toBeLessThanOrEqual(1024 * 1024);
  expect(written).toMatch(/^### codexrel stream · implementation\n/);
  expect(written).toContain("> [!WARNING]\n> discord: could not create channel \\#x: HTTP 403");
  expect(written).toContain("<details><summary>implementation transcript: 60001 lines");
  expect(written).toContain("line 0 ");
  expect(written).toContain("line 59999 ");
  const omitted = Number(/… (\d+) lines \(\d+ bytes\) left out here/.exec(written)?.[1]);
  expect(omitted).toBeGreaterThan(0);
  expect(report.summary).toContain(`${omitted} in the middle left out`);
  // The code block cannot be closed from inside: its fence is longer than any backtick run.
  expect(written).toContain("````text\n");
  expect(written.trimEnd().endsWith("</details>")).toBe(true);
});

function memoryComments(now: () => number = () => 0): MarkedCommentsPort & { bodies: string[]; times: number[] } {
  let current: MarkedComment | null = null;
  const bodies: string[] = [];
  const times: number[] = [];
  return {
    bodies,
    times,
    async find(_m: MarkerRef) {
      return current;
    },
    async upsert(_m: MarkerRef, body: string) {
      bodies.push(body);
      times.push(now());
      const action = current ? "updated" : "created";
      current = { id: 1, url: "https://github.com/octo/hello/issues/7#issuecomment-1", body };
      return { action, id: 1, url: current.url };
    },
  };
}

test("the progress comment gets the last lines at most once per interval, keeping its state", async () => {
  const clock = manualClock();
  const comments = memoryComments(() => clock.now());
  await comments.upsert({ kind: "progress" }, "<!-- codex:progress -->\nold");
  comments.bodies.length = 0;
  comments.times.length = 0;
  const sink = createProgressSink({
    comments,
    clock,
    warn: () => {},
    stage: "planning",
    intervalMs: 30_000,
    lastLines: 3,
    threadLabel: "issue #7",
  });
  for (let i = 1; i <= 500; i++) sink.write(`step ${i} @octocat`);
  await new Promise((r) => setTimeout(r, 20));
  const report = await sink.close([]);
  expect(comments.bodies.length).toBeGreaterThanOrEqual(1);
  expect(comments.bodies.length).toBeLessThanOrEqual(3);
  const last = comments.bodies.at(-1)!;
  expect(last).toContain("**Live log · planning** — last 3 of 500 lines");
  expect(last).toContain("> step 500 @&#8203;octocat<br>");
  expect(last).not.toContain("step 497");
  expect(parseProgressState(last)?.status).toBe("running");
  // Between two updates while streaming, at least the interval passed (virtual time); the last
  // one is the flush at the end of the stream.
  const streaming = comments.times.slice(0, -1);
  expect(streaming.length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < streaming.length; i++) expect(streaming[i]! - streaming[i - 1]!).toBeGreaterThanOrEqual(30_000);
  expect(clock.sleeps).toContain(30_000);
  expect(report.summary).toMatch(/updated the progress comment \d times \(at most every 30 s\)/);
});

test("a failing progress port is a warning, then off; the sink never throws", async () => {
  const warnings: string[] = [];
  const comments: MarkedCommentsPort = {
    find: async () => null,
    upsert: async () => {
      throw new Error("HTTP 403 Resource not accessible by integration");
    },
  };
  const sink = createProgressSink({
    comments,
    clock: manualClock(),
    warn: (w) => warnings.push(w),
    stage: "review",
    intervalMs: 1000,
  });
  for (let i = 0; i < 10; i++) {
    sink.write(`x${i}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const report = await sink.close([]);
  expect(warnings[0]).toContain("progress: the progress comment was not updated: HTTP 403");
  expect(warnings.some((w) => w.includes("live updates of the progress comment are off"))).toBe(true);
  expect(report.ok).toBe(false);
});
