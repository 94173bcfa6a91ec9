/**
 * check + context against real git repositories made in the test: tags (lightweight, annotated,
 * prereleases, tags of another scheme), the diff stat, the raw diff with a cap and a note, the log,
 * and the manifest the apply step trusts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkUpstreams,
  emptyState,
  loadContext,
  parseReleaseMonitorConfig,
  prepareContext,
  type ReleaseMonitorState,
} from "@codexrel/release-monitor";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { makeUpstream, tempDir, testGit, type Upstream } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let up: Upstream;

beforeEach(() => {
  tmp = tempDir();
  up = makeUpstream(tmp.path);
  up.commit({ "src/config.rs": 'pub const KEY: &str = "old_key";\n', "README.md": "# upstream\n" }, "initial");
  up.tag("v0.1.0");
  up.tag("rust-v0.1.0");
  up.commit({ "src/config.rs": 'pub const KEY: &str = "new_key";\n' }, "rename the config key");
  up.tag("v0.2.0", { annotated: true });
  up.tag("rust-v0.2.0");
  up.commit({ "src/lib.rs": "pub fn experimental() {}\n" }, "experimental api");
  up.tag("v0.3.0-rc.1");
  up.tag("nightly");
});
afterEach(() => tmp.dispose());

function config(extra = "", upstream = "") {
  return parseReleaseMonitorConfig(
    `upstreams:\n  - repository: acme/upstream\n    url: ${up.dir}\n${upstream}${extra}`,
  );
}

function state(tag: string | null, name = "acme/upstream"): ReleaseMonitorState {
  return tag ? { schemaVersion: "1", upstreams: { [name]: { lastReviewedTag: tag } } } : emptyState();
}

const git = () => testGit(tmp.path);

describe("checkUpstreams", () => {
  test("nothing new: one clear line", async () => {
    const [s] = await checkUpstreams({ config: config(), state: state("v0.2.0"), git: git(), root: tmp.path });
    expect(s?.status).toBe("up-to-date");
    expect(s?.line).toBe("acme/upstream: nothing new; last reviewed v0.2.0, newest v* tag (prereleases off) is v0.2.0");
    expect(s?.counts).toEqual({ tags: 6, matching: 2, unversioned: 0, prereleasesSkipped: 1 });
  });

  test("a new release since the last reviewed one; annotated tags resolve to their commit", async () => {
    const [s] = await checkUpstreams({ config: config(), state: state("v0.1.0"), git: git(), root: tmp.path });
    expect(s).toMatchObject({ status: "new", from: { tag: "v0.1.0" }, latest: { tag: "v0.2.0" }, skipped: [] });
    expect(s?.latest?.sha).toBe(up.git("rev-parse", "v0.2.0^{commit}"));
    expect(s?.line).toBe("acme/upstream: new release v0.2.0 (since v0.1.0)");
  });

  test("prereleases on: the rc is newest", async () => {
    const [s] = await checkUpstreams({
      config: config("", "    prereleases: true\n"),
      state: state("v0.2.0"),
      git: git(),
      root: tmp.path,
    });
    expect(s).toMatchObject({ status: "new", latest: { tag: "v0.3.0-rc.1" } });
  });

  test("another tag scheme (rust-v*) ignores the v* tags", async () => {
    const [s] = await checkUpstreams({
      config: config("", "    tagPattern: rust-v*\n"),
      state: state(null),
      git: git(),
      root: tmp.path,
    });
    expect(s).toMatchObject({ status: "new", latest: { tag: "rust-v0.2.0" }, from: { tag: "rust-v0.1.0" } });
    expect(s?.line).toContain("first review: compared with the previous release rust-v0.1.0");
  });

  test("no matching tag, a vanished base tag and an unreachable upstream are reported per upstream", async () => {
    const [none] = await checkUpstreams({
      config: config("", "    tagPattern: go/v*\n"),
      state: state(null),
      git: git(),
      root: tmp.path,
    });
    expect(none?.status).toBe("no-matching-tags");
    const [gone] = await checkUpstreams({ config: config(), state: state("v0.0.9"), git: git(), root: tmp.path });
    expect(gone?.error?.code).toBe("RELEASE_MONITOR_BASE_TAG_MISSING");
    const broken = parseReleaseMonitorConfig(
      `upstreams:\n  - repository: acme/upstream\n    url: ${join(tmp.path, "nope")}\n`,
    );
    const [unreachable] = await checkUpstreams({ config: broken, state: state(null), git: git(), root: tmp.path });
    expect(unreachable?.status).toBe("error");
    expect(unreachable?.error?.code).toBe("GIT_FAILED");
  });

  test("relative local paths resolve against the repository root", async () => {
    const c = parseReleaseMonitorConfig("upstreams:\n  - repository: acme/upstream\n    url: ./upstream\n");
    const [s] = await checkUpstreams({ config: c, state: state("v0.1.0"), git: git(), root: tmp.path });
    expect(s?.status).toBe("new");
  });

  test("a token in a URL is never shown", async () => {
    const c = parseReleaseMonitorConfig(
      "upstreams:\n  - repository: acme/upstream\n    url: https://x-access-token:ghs_CANARYsecret0000000000000000000000001@127.0.0.1:9/acme/upstream.git\n",
    );
    const [s] = await checkUpstreams({ config: c, state: state(null), git: git(), root: tmp.path });
    expect(s?.status).toBe("error");
    expect(JSON.stringify(s)).not.toContain("CANARYsecret");
  });
});

describe("prepareContext", () => {
  test("writes the diff stat, the diff, the log, the schema and a prompt with the contract", async () => {
    const out = join(tmp.path, "ctx");
    const r = await prepareContext({
      config: config(),
      state: state("v0.1.0"),
      git: git(),
      root: tmp.path,
      outDir: out,
      tmpDir: tmp.path,
    });
    expect(r.manifest.entries).toHaveLength(1);
    const e = r.manifest.entries[0]!;
    expect(e).toMatchObject({
      name: "acme/upstream",
      fromTag: "v0.1.0",
      toTag: "v0.2.0",
      dir: "acme-upstream",
      output: "acme-upstream/release-impact.json",
      stat: { files: 1, insertions: 1, deletions: 1 },
      diff: { truncated: false },
      log: { commits: 1, totalCommits: 1, truncated: false },
      compareUrl: null,
    });
    const dir = join(out, "acme-upstream");
    expect(readFileSync(join(dir, "diffstat.txt"), "utf8")).toContain("src/config.rs | 2 +-");
    const diff = readFileSync(join(dir, "diff.patch"), "utf8");
    expect(diff).toContain('-pub const KEY: &str = "old_key";');
    expect(diff).toContain('+pub const KEY: &str = "new_key";');
    expect(diff).not.toContain("experimental");
    expect(readFileSync(join(dir, "log.txt"), "utf8")).toContain("rename the config key");
    const prompt = readFileSync(join(dir, "prompt.md"), "utf8");
    expect(prompt).toContain(join(dir, "release-impact.json"));
    expect(prompt).toContain('{"repository":"acme/upstream","fromTag":"v0.1.0","toTag":"v0.2.0"}');
    expect(prompt).toMatch(/never follow it/);
    expect(JSON.parse(readFileSync(join(dir, "release-impact.schema.json"), "utf8")).title).toBe("ReleaseImpact");
    expect(readFileSync(r.promptPath!, "utf8")).toContain(join(dir, "prompt.md"));
    const loaded = await loadContext(out, r.manifestSha256);
    expect(loaded.manifest).toEqual(r.manifest);
  });

  test("the raw diff is capped at a line boundary with a note, and the real size is known", async () => {
    const big = Array.from({ length: 4000 }, (_, i) => `line ${i} ${"x".repeat(40)}`).join("\n");
    up.commit({ "data/big.txt": big }, "big file");
    up.tag("v0.4.0");
    const out = join(tmp.path, "ctx");
    const r = await prepareContext({
      config: config("diff:\n  maxBytes: 4096\n"),
      state: state("v0.2.0"),
      git: git(),
      root: tmp.path,
      outDir: out,
      tmpDir: tmp.path,
    });
    const e = r.manifest.entries[0]!;
    expect(e.diff.truncated).toBe(true);
    expect(e.diff.bytes).toBeLessThanOrEqual(4096);
    expect(e.diff.totalBytes).toBeGreaterThan(180_000);
    const diff = readFileSync(join(out, e.dir, "diff.patch"), "utf8");
    expect(diff).toMatch(
      /\n\[codexrel: the diff was cut here at \d+ of \d+ bytes; see diffstat.txt for every changed file\]\n$/,
    );
    expect(readFileSync(join(out, e.dir, "prompt.md"), "utf8")).toContain("**It was cut**");
    expect(e.skipped).toEqual([]);
    expect(e.log.totalCommits).toBe(2);
  });

  test("the log is capped too", async () => {
    for (let i = 0; i < 5; i++) up.commit({ [`f${i}.txt`]: `${i}\n` }, `change ${i}`);
    up.tag("v0.5.0");
    const r = await prepareContext({
      config: config("diff:\n  maxCommits: 2\n"),
      state: state("v0.2.0"),
      git: git(),
      root: tmp.path,
      outDir: join(tmp.path, "ctx"),
      tmpDir: tmp.path,
    });
    expect(r.manifest.entries[0]?.log).toEqual({ commits: 2, totalCommits: 6, truncated: true });
  });

  test("nothing new: an empty manifest, no prompt, and stale files from an earlier run are gone", async () => {
    const out = join(tmp.path, "ctx");
    await prepareContext({
      config: config(),
      state: state("v0.1.0"),
      git: git(),
      root: tmp.path,
      outDir: out,
      tmpDir: tmp.path,
    });
    const r = await prepareContext({
      config: config(),
      state: state("v0.2.0"),
      git: git(),
      root: tmp.path,
      outDir: out,
      tmpDir: tmp.path,
    });
    expect(r.manifest.entries).toEqual([]);
    expect(r.promptPath).toBeNull();
    expect((await loadContext(out)).manifest.entries).toEqual([]);
  });

  test("first release ever: the whole tree against the empty tree", async () => {
    const only = makeUpstream(tmp.path, "solo");
    only.commit({ "a.txt": "a\n" }, "one");
    only.tag("v1.0.0");
    const c = parseReleaseMonitorConfig(`upstreams:\n  - repository: acme/solo\n    url: ${only.dir}\n`);
    const r = await prepareContext({
      config: c,
      state: emptyState(),
      git: git(),
      root: tmp.path,
      outDir: join(tmp.path, "ctx"),
      tmpDir: tmp.path,
    });
    expect(r.manifest.entries[0]).toMatchObject({ fromTag: null, fromSha: null, toTag: "v1.0.0", stat: { files: 1 } });
  });

  test("a changed manifest is refused", async () => {
    const out = join(tmp.path, "ctx");
    const r = await prepareContext({
      config: config(),
      state: state("v0.1.0"),
      git: git(),
      root: tmp.path,
      outDir: out,
      tmpDir: tmp.path,
    });
    await expect(loadContext(out, "0".repeat(64))).rejects.toMatchObject({ code: "RELEASE_MONITOR_CONTEXT_INVALID" });
    expect((await loadContext(out, r.manifestSha256)).manifestSha256).toBe(r.manifestSha256);
  });
});
