import { bannerText, CHANNEL_NAME_MAX, channelName, checkRunMeta, type RunMeta } from "@codexrel/stream";
import { expect, test } from "vitest";

const meta = (over: Partial<RunMeta> = {}): RunMeta => ({
  stage: "planning",
  repository: "octo/hello",
  thread: { kind: "issue", number: 7 },
  runId: "4242",
  startedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

test("channel names are deterministic, valid for Discord, and apart for different runs", () => {
  expect(channelName(meta())).toBe("planning-octo-hello-issue-7-run-4242");
  expect(
    channelName(meta({ repository: "My_Org/Some.Repo", thread: { kind: "pr", number: 12 }, stage: "review" })),
  ).toBe("review-my_org-some-repo-pr-12-run-4242");
  const long = meta({ repository: `${"o".repeat(90)}/${"r".repeat(90)}`, runId: "wf-abcdef-12345" });
  const a = channelName(long);
  const b = channelName({ ...long, runId: "wf-abcdef-12346" });
  for (const n of [a, b]) {
    expect(n.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
    expect(n).toMatch(/^[a-z0-9_-]+$/);
    expect(n).toMatch(/^planning-o+-[0-9a-f]{8}-issue-7-run-wf-abcdef-1234\d$/);
  }
  expect(a).not.toBe(b);
  expect(channelName(long)).toBe(a);
});

test("run ids that could carry shell or markdown are refused", () => {
  expect(() => checkRunMeta(meta({ runId: "$(id)" }))).toThrow(/run id/);
  expect(() => checkRunMeta(meta({ repository: "no-slash" }))).toThrow(/owner\/repo/);
  expect(checkRunMeta(meta({ runId: "argo-wf-x1.2_3" })).runId).toBe("argo-wf-x1.2_3");
});

test("the banner names the stage, thread, run and where the full transcript is", () => {
  expect(bannerText(meta({ runUrl: "https://github.com/octo/hello/actions/runs/4242" }), ".codex-planning.log")).toBe(
    [
      "**codexrel · planning** — octo/hello issue #7",
      "Thread: <https://github.com/octo/hello/issues/7>",
      "Run: 4242 · <https://github.com/octo/hello/actions/runs/4242>",
      "Started: 2026-01-01T00:00:00.000Z",
      "The stage's log follows, secrets redacted. The full transcript is the run's `.codex-planning.log` artifact.",
    ].join("\n"),
  );
});
