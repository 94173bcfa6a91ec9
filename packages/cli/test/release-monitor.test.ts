/**
 * `codexrel release-monitor check|context|apply` end to end: a real git repository made in the
 * test is the upstream, the schema-validated fake GitHub receives the issues, and the environment
 * is the only input (as in an agent container).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { finding, gitEnv, makeUpstream, tempDir, verdict } from "../../release-monitor/test/helpers.js";
import { cli } from "./helpers.js";

const TOKEN = "ghs_CANARYcliReleaseMonitor0000000000000001";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/app");
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", metadata: "read" },
    value: TOKEN,
  });
});

let tmp: ReturnType<typeof tempDir>;
let repo: string;

beforeEach(() => {
  tmp = tempDir("codexrel-cli-rm-");
  const up = makeUpstream(tmp.path);
  up.commit({ "src/api.ts": "export function start(port: number) {}\n" }, "initial");
  up.tag("v1.0.0");
  up.commit({ "src/api.ts": "export function start(options: { port: number }) {}\n" }, "start takes options");
  up.tag("v1.1.0");
  up.tag("v2.0.0-beta.1");
  repo = join(tmp.path, "app");
  mkdirSync(join(repo, ".github"), { recursive: true });
  writeFileSync(
    join(repo, ".github", "release-monitor.yml"),
    `upstreams:\n  - name: lib\n    repository: acme/lib\n    url: ${up.dir}\n`,
  );
  mkdirSync(join(repo, ".github", "release-monitor"), { recursive: true });
  writeFileSync(
    join(repo, ".github", "release-monitor", "state.json"),
    `${JSON.stringify({ schemaVersion: "1", upstreams: { lib: { lastReviewedTag: "v1.0.0" } } })}\n`,
  );
});
afterEach(() => tmp.dispose());

function env(extra: Record<string, string> = {}) {
  return {
    ...gitEnv(tmp.path),
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: gh().apiUrl,
    GITHUB_GRAPHQL_URL: gh().graphqlUrl,
    GITHUB_REPOSITORY: "acme/app",
    ...extra,
  };
}

const run = (args: string[], extra: Record<string, string> = {}) =>
  cli(["release-monitor", ...args], { cwd: repo, env: env(extra) });

describe("codexrel release-monitor", () => {
  test("check → context → dry run → apply → nothing new", async () => {
    const check = await run(["check"]);
    expect(check).toMatchObject({ code: 0, stdout: "lib (acme/lib): new release v1.1.0 (since v1.0.0)\n" });

    const context = await run(["context", "--json"]);
    expect(context.code).toBe(0);
    const ctx = JSON.parse(context.stdout);
    expect(ctx).toMatchObject({ hasNew: true, entries: [{ name: "lib", fromTag: "v1.0.0", toTag: "v1.1.0" }] });
    expect(readFileSync(ctx.promptPath, "utf8")).toContain("release-impact.json");
    const entry = ctx.entries[0];
    writeFileSync(
      join(ctx.contextDir, entry.output),
      JSON.stringify(verdict(entry, [finding("start-signature", { title: "start() now takes an options object" })])),
    );

    const dry = await run(["apply", "--dry-run", "--manifest-sha256", ctx.manifestSha256]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would-open: [medium] acme/lib v1.1.0: start() now takes an options object");
    expect(dry.stdout).toContain("<!-- codexrel:release-finding:");
    expect(dry.stdout).toContain("dry run: nothing opened, state not written");
    expect(gh().state.repoIssues("acme/app")).toHaveLength(0);

    const apply = await run(["apply", "--manifest-sha256", ctx.manifestSha256]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/opened #1 https:\/\/github\.com\/acme\/app\/issues\/1: \[medium\]/);
    expect(apply.stdout).toContain("advanced; commit it");
    const state = JSON.parse(readFileSync(join(repo, ".github/release-monitor/state.json"), "utf8"));
    expect(state.upstreams.lib).toMatchObject({ lastReviewedTag: "v1.1.0", issues: [1] });

    const again = await run(["check"]);
    expect(again.stdout).toBe(
      "lib (acme/lib): nothing new; last reviewed v1.1.0, newest v* tag (prereleases off) is v1.1.0\n",
    );
    const none = await run(["context"]);
    expect(none.stdout).toContain("nothing to review: no context written");
    const nothing = await run(["apply"]);
    expect(nothing).toMatchObject({ code: 0 });
    expect(nothing.stdout).toContain("nothing to apply");
    for (const r of [check, context, dry, apply, again, none, nothing]) {
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    }
  });

  test("no verdict: placeholder, warning, exit 1, state unchanged", async () => {
    await run(["context"]);
    const before = readFileSync(join(repo, ".github/release-monitor/state.json"), "utf8");
    const r = await run(["apply"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("NOT REVIEWED (placeholder)");
    expect(r.stderr).toMatch(/warning: .*no usable release-impact verdict \(missing\)/);
    expect(readFileSync(join(repo, ".github/release-monitor/state.json"), "utf8")).toBe(before);
  });

  test("--json check data only on stdout; no config is a coded error with exit 2", async () => {
    const r = await run(["check", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ hasNew: true, upstreams: [{ status: "new" }] });
    const missing = await cli(["release-monitor", "check"], { cwd: tmp.path, env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^RELEASE_MONITOR_CONFIG_NOT_FOUND: /);
  });

  test("an unreachable upstream exits 2 with the reason", async () => {
    writeFileSync(
      join(repo, ".github", "release-monitor.yml"),
      `upstreams:\n  - name: lib\n    repository: acme/lib\n    url: ${join(tmp.path, "missing")}\n`,
    );
    const r = await run(["check"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/lib \(acme\/lib\): GIT_FAILED: /);
  });
});
