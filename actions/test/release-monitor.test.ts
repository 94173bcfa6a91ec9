/**
 * actions/release-monitor run for real by the action harness (committed bundle, composite steps,
 * inputs through env): a real git repository made in the test is the upstream, the
 * schema-validated fake GitHub receives the issues.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { finding, makeUpstream, tempDir, verdict } from "../../packages/release-monitor/test/helpers.js";

const WRITER = "ghs_CANARYrmActionWriter00000000000000001";
const READER = "ghs_CANARYrmActionReader00000000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/app");
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", metadata: "read" },
    value: WRITER,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", metadata: "read" },
    value: READER,
  });
});

let tmp: ReturnType<typeof tempDir>;
let upstreamDir: string;
let harness: ActionHarness | undefined;

beforeEach(() => {
  tmp = tempDir("codexrel-rm-action-");
  const up = makeUpstream(tmp.path);
  up.commit({ "src/api.ts": "export function start(port: number) {}\n" }, "initial");
  up.tag("v1.0.0");
  up.commit({ "src/api.ts": "export function start(options: { port: number }) {}\n" }, "start takes options");
  up.tag("v1.1.0");
  upstreamDir = up.dir;
});
afterEach(() => {
  harness?.dispose();
  harness = undefined;
  tmp.dispose();
});

const STATE = ".github/release-monitor/state.json";

function job(token: string, upstreamUrl = upstreamDir): ActionHarness {
  const h = createActionHarness({
    event: { name: "schedule", payload: { schedule: "17 6 * * *" } },
    github: { repository: "acme/app", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token },
  });
  const ws = h.paths.workspace;
  mkdirSync(join(ws, ".github", "release-monitor"), { recursive: true });
  writeFileSync(
    join(ws, ".github", "release-monitor.yml"),
    `upstreams:\n  - name: lib\n    repository: acme/lib\n    url: ${upstreamUrl}\nissues:\n  labels: [upstream-release]\n`,
  );
  writeFileSync(
    join(ws, STATE),
    `${JSON.stringify({ schemaVersion: "1", upstreams: { lib: { lastReviewedTag: "v1.0.0" } } }, null, 2)}\n`,
  );
  return h;
}

function secretsAbsent(text: string): void {
  for (const s of [WRITER, READER]) expect(text).not.toContain(s);
}

describe("actions/release-monitor", () => {
  it("end to end: check, context, dry run, apply (one issue, state advanced), re-apply (no duplicate), nothing new", async () => {
    harness = job(WRITER);
    const check = await harness.run("release-monitor", { inputs: { command: "check" } });
    expect(check.conclusion).toBe("success");
    expect(check.outputs).toMatchObject({ status: "new", "has-new": "true" });
    expect(check.summary).toContain("| `lib` | new | `v1.0.0` | `v1.1.0` |");

    const context = await harness.run("release-monitor", { inputs: { command: "context" } });
    expect(context.outputs).toMatchObject({ status: "ready", "has-new": "true" });
    const dir = context.outputs["context-dir"]!;
    expect(dir.startsWith(harness.paths.temp)).toBe(true);
    expect(readFileSync(context.outputs["prompt-file"]!, "utf8")).toContain(join(dir, "lib", "release-impact.json"));
    const sha = context.outputs["manifest-sha256"]!;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    writeFileSync(
      join(dir, "lib", "release-impact.json"),
      JSON.stringify(verdict(manifest.entries[0], [finding("start-options", { title: "start() takes options" })])),
    );

    const dry = await harness.run("release-monitor", {
      inputs: { command: "apply", "manifest-sha256": sha, "dry-run": "true" },
    });
    expect(dry.outputs).toMatchObject({ status: "dry-run", opened: "0", "state-changed": "false" });
    expect(dry.summary).toContain("<summary>Would open: acme/lib v1.1.0: start() takes options</summary>");
    expect(gh().state.repoIssues("acme/app")).toHaveLength(0);

    const apply = await harness.run("release-monitor", { inputs: { command: "apply", "manifest-sha256": sha } });
    expect(apply.conclusion).toBe("success");
    expect(apply.outputs).toMatchObject({
      status: "ok",
      opened: "1",
      existing: "0",
      "state-changed": "true",
      "state-file": STATE,
      "error-code": "",
    });
    const issues = gh().state.repoIssues("acme/app");
    expect(issues.map((i) => [i.title, i.labels])).toEqual([
      ["acme/lib v1.1.0: start() takes options", ["upstream-release"]],
    ]);
    expect(apply.summary).toContain("[#1](https://github.com/acme/app/issues/1)");
    const state = JSON.parse(readFileSync(join(harness.paths.workspace, STATE), "utf8"));
    expect(state.upstreams.lib).toMatchObject({ lastReviewedTag: "v1.1.0", issues: [1] });

    const again = await harness.run("release-monitor", { inputs: { command: "apply", "manifest-sha256": sha } });
    expect(again.outputs).toMatchObject({ status: "ok", opened: "0", existing: "1" });
    expect(gh().state.repoIssues("acme/app")).toHaveLength(1);

    const after = await harness.run("release-monitor", { inputs: { command: "check" } });
    expect(after.outputs).toMatchObject({ status: "up-to-date", "has-new": "false" });
    for (const r of [check, context, dry, apply, again, after]) secretsAbsent(r.log + r.summary);
  });

  it("advisory mode with a failing dependency (a token GitHub refuses to open issues with): reported, exit 0, state kept", async () => {
    harness = job(READER);
    const context = await harness.run("release-monitor", { inputs: { command: "context" } });
    const dir = context.outputs["context-dir"]!;
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    writeFileSync(
      join(dir, "lib", "release-impact.json"),
      JSON.stringify(verdict(manifest.entries[0], [finding("x")])),
    );
    const before = readFileSync(join(harness.paths.workspace, STATE), "utf8");
    const r = await harness.run("release-monitor", { inputs: { command: "apply" } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      status: "failed",
      "error-code": "GITHUB_PERMISSION_DENIED",
      "state-changed": "false",
    });
    expect(r.summary).toMatch(/\*\*Failed\*\*/);
    expect(r.summary).toContain("GITHUB_PERMISSION_DENIED");
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: "warning", message: expect.stringContaining("`issues: write`") }),
    );
    expect(readFileSync(join(harness.paths.workspace, STATE), "utf8")).toBe(before);
    secretsAbsent(r.log + r.summary);
  });

  it("advisory mode with an unreachable upstream: status failed with GIT_FAILED, exit 0", async () => {
    harness = job(WRITER, join(tmp.path, "gone"));
    const r = await harness.run("release-monitor", { inputs: { command: "context" } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ status: "failed", "has-new": "false", "error-code": "GIT_FAILED" });
    expect(r.annotations.some((a) => a.level === "warning" && a.message.includes("GIT_FAILED"))).toBe(true);
  });

  it("no verdict: placeholder and a warning in advisory mode; blocking mode fails the step", async () => {
    harness = job(WRITER);
    await harness.run("release-monitor", { inputs: { command: "context" } });
    const advisory = await harness.run("release-monitor", { inputs: { command: "apply" } });
    expect(advisory.exitCode).toBe(0);
    expect(advisory.outputs).toMatchObject({ status: "placeholder", "state-changed": "false" });
    expect(advisory.summary).toContain("Not reviewed (placeholder)");
    expect(advisory.annotations.some((a) => a.level === "warning" && a.message.includes("not reviewed"))).toBe(true);
    const blocking = await harness.run("release-monitor", { inputs: { command: "apply", mode: "blocking" } });
    expect(blocking.conclusion).toBe("failure");
    expect(blocking.exitCode).toBe(1);
    expect(blocking.annotations.some((a) => a.level === "error")).toBe(true);
    expect(gh().state.repoIssues("acme/app")).toHaveLength(0);
  });

  it("a missing config is reported with its code", async () => {
    harness = createActionHarness({ github: { repository: "acme/app" } });
    const r = await harness.run("release-monitor", { inputs: { command: "check" } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ status: "failed", "error-code": "RELEASE_MONITOR_CONFIG_NOT_FOUND" });
    expect(existsSync(join(harness.paths.workspace, STATE))).toBe(false);
  });
});
