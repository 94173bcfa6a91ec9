/**
 * apply against the schema-validated fake GitHub: one issue per finding, deduplicated by the
 * fingerprint marker across re-runs, placeholders (missing, invalid, wrong range) that never move
 * the state, failures that leave the state where it was, dry runs that open nothing, and escaping
 * of the agent's (upstream-derived) text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitHubClient } from "@codexrel/github";
import {
  type ApplyOptions,
  applyReleaseImpact,
  type ContextEntry,
  checkUpstreams,
  githubFindingsPort,
  githubReleasesPort,
  parseReleaseMonitorConfig,
  prepareContext,
  readState,
  writeState,
} from "@codexrel/release-monitor";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { finding, makeUpstream, tempDir, testGit, type Upstream, verdict } from "./helpers.js";

const TOKEN = "ghs_CANARYreleaseMonitorApply000000000001";
const READ_ONLY = "ghs_CANARYreleaseMonitorRead0000000000002";
const CREATE = "POST /repos/{owner}/{repo}/issues";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/app");
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", metadata: "read" },
    value: TOKEN,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", metadata: "read" },
    value: READ_ONLY,
  });
});

let tmp: ReturnType<typeof tempDir>;
let up: Upstream;
let ctxDir: string;
let statePath: string;
let entry: ContextEntry;
let sha: string;

const config = () =>
  parseReleaseMonitorConfig(
    `upstreams:\n  - repository: acme/upstream\n    url: ${up.dir}\n    labels: [upstream-acme]\nissues:\n  labels: [release-monitor]\n`,
  );

beforeEach(async () => {
  tmp = tempDir();
  up = makeUpstream(tmp.path);
  up.commit({ "src/config.rs": "old_key = 1\n" }, "initial");
  up.tag("v1.0.0");
  up.commit({ "src/config.rs": "new_key = 1\n" }, "rename key");
  up.tag("v1.1.0");
  ctxDir = join(tmp.path, "ctx");
  statePath = join(tmp.path, "repo", ".github", "release-monitor", "state.json");
  await writeState(statePath, { schemaVersion: "1", upstreams: { "acme/upstream": { lastReviewedTag: "v1.0.0" } } });
  const r = await prepareContext({
    config: config(),
    state: await readState(statePath),
    git: testGit(tmp.path),
    root: tmp.path,
    outDir: ctxDir,
    tmpDir: tmp.path,
  });
  entry = r.manifest.entries[0]!;
  sha = r.manifestSha256;
});
afterEach(() => tmp.dispose());

function client(token = TOKEN) {
  return createGitHubClient({
    token,
    apiUrl: gh().apiUrl,
    graphqlUrl: gh().graphqlUrl,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retryBaseDelayMs: 1,
    sleep: async () => {},
  });
}

function writeVerdict(value: unknown): void {
  writeFileSync(join(ctxDir, entry.output), typeof value === "string" ? value : JSON.stringify(value));
}

function apply(extra: Partial<ApplyOptions> = {}) {
  return applyReleaseImpact({
    config: config(),
    contextDir: ctxDir,
    statePath,
    findings: githubFindingsPort(client(), { repository: "acme/app", scanLimit: 1000 }),
    expectedManifestSha256: sha,
    now: () => new Date("2024-06-01T00:00:00Z"),
    ...extra,
  });
}

const issues = () => gh().state.repoIssues("acme/app");

describe("applyReleaseImpact", () => {
  test("one issue per finding with labels, then the state advances; a re-run opens nothing", async () => {
    writeVerdict(verdict(entry, [finding("config-key-renamed"), finding("default-changed", { severity: "high" })]));
    const r = await apply();
    expect(r).toMatchObject({ status: "ok", opened: 2, existing: 0, stateChanged: true });
    expect(issues().map((i) => i.title)).toEqual([
      "acme/upstream v1.1.0: Finding config-key-renamed",
      "acme/upstream v1.1.0: Finding default-changed",
    ]);
    expect(issues()[0]?.labels).toEqual(["release-monitor", "upstream-acme"]);
    const body = issues()[1]!.body;
    expect(body).toMatch(/^<!-- codexrel:release-finding:[0-9a-f]{24} -->\n/);
    expect(body).toContain("**Severity:** high · **Release impact:** medium");
    expect(body).toContain("`src/config.rs` line 3");
    expect(body).toContain("```diff\n  -old_key = 1\n  +new_key = 1\n  ```");
    expect(body).toContain("Update our use of default-changed.");
    const state = await readState(statePath);
    expect(state.upstreams["acme/upstream"]).toEqual({
      lastReviewedTag: "v1.1.0",
      sha: entry.toSha,
      fromTag: "v1.0.0",
      reviewedAt: "2024-06-01T00:00:00.000Z",
      impact: "medium",
      issues: [1, 2],
    });

    // The same review applied again (e.g. the commit of the state failed): nothing new is opened.
    await writeState(statePath, { schemaVersion: "1", upstreams: { "acme/upstream": { lastReviewedTag: "v1.0.0" } } });
    const again = await apply();
    expect(again).toMatchObject({ status: "ok", opened: 0, existing: 2 });
    expect(again.entries[0]?.findings.map((f) => `${f.action} #${f.issue?.number}`)).toEqual([
      "exists #1",
      "exists #2",
    ]);
    expect(gh().count({ route: CREATE })).toBe(2);
  });

  test("a refused create leaves the state; the re-runs open each issue exactly once", async () => {
    writeVerdict(verdict(entry, [finding("one"), finding("two")]));
    // GitHub refuses the first create.
    gh().fault({ route: CREATE }, { kind: "status", status: 422, message: "Validation Failed" }, { times: 1 });
    gh().state.addIssue("acme/app", { title: "unrelated" });
    const first = await apply();
    expect(first.status).toBe("failed");
    expect(first.entries[0]?.error?.code).toBe("GITHUB_VALIDATION_FAILED");
    expect(first.stateChanged).toBe(false);
    expect((await readState(statePath)).upstreams["acme/upstream"]?.lastReviewedTag).toBe("v1.0.0");

    const second = await apply();
    expect(second).toMatchObject({ status: "ok", opened: 2, stateChanged: true });
    const third = await apply();
    expect(third).toMatchObject({ opened: 0 });
    expect(issues().filter((i) => i.title.includes("Finding"))).toHaveLength(2);
  });

  test("fails midway after one issue: re-run reuses it and opens the other", async () => {
    writeVerdict(verdict(entry, [finding("one"), finding("two")]));
    let calls = 0;
    const real = githubFindingsPort(client(), { repository: "acme/app", scanLimit: 1000 });
    const flaky = {
      existing: real.existing,
      open: async (i: Parameters<typeof real.open>[0]) => {
        calls++;
        if (calls === 2) throw Object.assign(new Error("boom"), {});
        return real.open(i);
      },
    };
    const first = await apply({ findings: flaky });
    expect(first.status).toBe("failed");
    expect(first.entries[0]?.findings.map((f) => f.action)).toEqual(["opened", "not-attempted"]);
    expect(issues()).toHaveLength(1);
    const second = await apply();
    expect(second.entries[0]?.findings.map((f) => f.action)).toEqual(["exists", "opened"]);
    expect(issues()).toHaveLength(2);
  });

  test("a lost response after the issue landed: found by its marker, not opened again", async () => {
    writeVerdict(verdict(entry, [finding("one")]));
    gh().fault({ route: CREATE }, { kind: "drop", when: "after" });
    const r = await apply();
    expect(r).toMatchObject({ status: "ok", opened: 1, stateChanged: true });
    expect(issues()).toHaveLength(1);
    expect(gh().count({ route: CREATE })).toBe(1);
  });

  test("a token without issues: write fails with the permission named, state kept", async () => {
    writeVerdict(verdict(entry, [finding("one")]));
    const r = await apply({
      findings: githubFindingsPort(client(READ_ONLY), { repository: "acme/app", scanLimit: 1000 }),
    });
    expect(r.status).toBe("failed");
    expect(r.entries[0]?.error).toMatchObject({ code: "GITHUB_PERMISSION_DENIED" });
    expect(r.entries[0]?.error?.hint).toContain("`issues: write`");
    expect(r.stateChanged).toBe(false);
  });

  test("no findings: no GitHub request at all, and the state advances", async () => {
    writeVerdict(verdict(entry));
    const r = await apply({ findings: null });
    expect(r).toMatchObject({ status: "ok", opened: 0, stateChanged: true });
    expect(gh().requests).toHaveLength(0);
    expect((await readState(statePath)).upstreams["acme/upstream"]).toMatchObject({
      lastReviewedTag: "v1.1.0",
      impact: "none",
      issues: [],
    });
  });

  test.each([
    ["missing", null, /does not exist/],
    ["not JSON", "{ nope", /not JSON/],
    ["schema-invalid", { schemaVersion: "1" }, /\/upstream is required/],
    ["extra property", "EXTRA", /is not an allowed property/],
    ["wrong range", "RANGE", /\/upstream\/toTag is "v9.9.9", expected "v1.1.0"/],
    ["duplicate ids", "DUP", /"one" is used twice/],
  ])("placeholder when the verdict is %s: warning, no issue, state not advanced", async (_name, value, problem) => {
    if (value === "EXTRA") writeVerdict({ ...verdict(entry), extra: true });
    else if (value === "RANGE") writeVerdict(verdict({ ...entry, toTag: "v9.9.9" }));
    else if (value === "DUP") writeVerdict(verdict(entry, [finding("one"), finding("one")]));
    else if (value !== null) writeVerdict(value);
    const r = await apply();
    expect(r.status).toBe("placeholder");
    expect(r.entries[0]?.status).toBe("placeholder");
    expect(r.entries[0]?.problems.join("\n")).toMatch(problem);
    expect(r.warnings.join("\n")).toMatch(/no usable release-impact verdict/);
    expect(r.stateChanged).toBe(false);
    expect(readFileSync(statePath, "utf8")).toContain('"lastReviewedTag": "v1.0.0"');
    expect(gh().count({ route: CREATE })).toBe(0);
  });

  test("dry run: says what would be opened or already exists; opens and writes nothing", async () => {
    writeVerdict(verdict(entry, [finding("one"), finding("two")]));
    await apply();
    await writeState(statePath, { schemaVersion: "1", upstreams: { "acme/upstream": { lastReviewedTag: "v1.0.0" } } });
    const before = readFileSync(statePath, "utf8");
    writeVerdict(verdict(entry, [finding("one"), finding("three")]));
    const r = await apply({ dryRun: true });
    expect(r.status).toBe("dry-run");
    expect(r.entries[0]?.findings.map((f) => `${f.id} ${f.action}`)).toEqual(["one exists", "three would-open"]);
    expect(r.entries[0]?.findings[1]?.issueBody).toContain("Upstream changed three.");
    expect(readFileSync(statePath, "utf8")).toBe(before);
    expect(gh().count({ route: CREATE })).toBe(2);
    const offline = await apply({ dryRun: true, findings: null });
    expect(offline.entries[0]?.findings.map((f) => f.action)).toEqual(["would-open", "would-open"]);
    expect(offline.warnings.join("\n")).toMatch(/existing issues were not checked/);
  });

  test("findings without a token fail (not a silent pass)", async () => {
    writeVerdict(verdict(entry, [finding("one")]));
    const r = await apply({ findings: null });
    expect(r.status).toBe("failed");
    expect(r.entries[0]?.error?.code).toBe("RELEASE_MONITOR_NO_GITHUB");
  });

  test("a manifest changed after the context step is refused", async () => {
    writeVerdict(verdict(entry));
    const m = JSON.parse(readFileSync(join(ctxDir, "manifest.json"), "utf8"));
    m.entries[0].toTag = "v9.0.0";
    writeFileSync(join(ctxDir, "manifest.json"), JSON.stringify(m));
    await expect(apply()).rejects.toMatchObject({ code: "RELEASE_MONITOR_CONTEXT_INVALID" });
  });

  test("untrusted text is escaped: no mentions, no forged markers, no HTML, no fence break-out; secrets redacted", async () => {
    const nasty = finding("nasty", {
      title: "Ping @octocat <img src=x> now\nsecond line",
      description: "Hi @maintainers <!-- codexrel:release-finding:000000000000000000000000 --> <script>x</script>",
      mitigation: `Use token ${TOKEN} [click](javascript:alert(1))`,
      evidence: [{ file: "a`b.rs", line: null, excerpt: "```\n@everyone\n<!-- codexrel:report -->" }],
    });
    writeVerdict(verdict(entry, [nasty]));
    const r = await apply();
    expect(r.opened).toBe(1);
    const issue = issues()[0]!;
    expect(issue.title).toBe("acme/upstream v1.1.0: Ping @octocat <img src=x> now second line");
    const body = issue.body;
    // Outside code blocks (where mentions are inert) every @ is broken with a zero-width entity.
    const prose = body.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\s*\1/g, "");
    expect(prose).not.toMatch(/@(octocat|maintainers|everyone)\b/);
    expect(body).toContain("@&#8203;maintainers");
    expect(body).not.toContain("<script>");
    expect(body).not.toContain(TOKEN);
    // Exactly one marker: ours.
    expect(body.match(/<!-- codexrel:/g)).toHaveLength(1);
    expect(body).toContain("````diff");
  });
});

describe("source: releases", () => {
  test("only published releases count; GitHub's prerelease flag is honoured; drafts never count", async () => {
    up.commit({ "b.txt": "b\n" }, "more");
    up.tag("v1.2.0");
    up.commit({ "c.txt": "c\n" }, "more");
    up.tag("v1.3.0");
    gh().state.addRepo("acme/upstream");
    gh().state.addRelease("acme/upstream", "v1.0.0");
    gh().state.addRelease("acme/upstream", "v1.1.0");
    gh().state.addRelease("acme/upstream", "v1.2.0", { prerelease: true });
    gh().state.addRelease("acme/upstream", "v1.3.0", { draft: true });
    const c = parseReleaseMonitorConfig(
      `upstreams:\n  - repository: acme/upstream\n    url: ${up.dir}\n    source: releases\n`,
    );
    const [s] = await checkUpstreams({
      config: c,
      state: { schemaVersion: "1", upstreams: {} },
      git: testGit(tmp.path),
      releases: githubReleasesPort(client()),
      root: tmp.path,
    });
    expect(s).toMatchObject({ status: "new", latest: { tag: "v1.1.0" }, from: { tag: "v1.0.0" } });
    const [none] = await checkUpstreams({
      config: c,
      state: { schemaVersion: "1", upstreams: {} },
      git: testGit(tmp.path),
      root: tmp.path,
    });
    expect(none?.error?.code).toBe("RELEASE_MONITOR_RELEASES_NEED_TOKEN");
  });
});
