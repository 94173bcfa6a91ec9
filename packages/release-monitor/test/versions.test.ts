import { compileTagPattern, isNewer, selectTags, tagVersion } from "@codexrel/release-monitor";
import { describe, expect, test } from "vitest";

describe("tag patterns", () => {
  test("a glob with a literal prefix; the rest is the version", () => {
    const p = compileTagPattern("rust-v*");
    expect(p.prefix).toBe("rust-v");
    expect(p.regex.test("rust-v0.1.0")).toBe(true);
    expect(p.regex.test("v0.1.0")).toBe(false);
    expect(tagVersion("rust-v0.12.3", p)?.version).toBe("0.12.3");
    expect(tagVersion("rust-vnext", p)).toBeNull();
  });

  test("regex metacharacters in the pattern are literal; ? is one character", () => {
    const p = compileTagPattern("release.v?.*");
    expect(p.regex.test("release.v1.2")).toBe(true);
    expect(p.regex.test("releaseXv1.2")).toBe(false);
  });

  test("loose versions: v-prefixed, two-part and calendar tags parse", () => {
    const p = compileTagPattern("*");
    expect(tagVersion("v1.2.3", p)?.version).toBe("1.2.3");
    expect(tagVersion("1.2", p)?.version).toBe("1.2.0");
    expect(tagVersion("2024.05.01", p)?.version).toBe("2024.5.1");
    expect(tagVersion("latest", p)).toBeNull();
  });
});

describe("selection and ordering", () => {
  const tags = [
    "v1.2.0",
    "v1.10.0",
    "v1.9.0",
    "v2.0.0-rc.1",
    "v2.0.0-alpha.2",
    "nightly",
    "vnext",
    "rust-v9.9.9",
    "v1.10.0+build.5",
  ];

  test("semver order, not string order; prereleases off by default; non-matching and unversioned counted", () => {
    const sel = selectTags(tags, { pattern: "v*", prereleases: false });
    expect(sel.candidates.map((c) => c.tag)).toEqual(["v1.10.0+build.5", "v1.10.0", "v1.9.0", "v1.2.0"]);
    expect(sel.prereleasesSkipped).toBe(2);
    expect(sel.unversioned).toEqual(["vnext"]);
    expect(sel.nonMatching).toBe(2);
  });

  test("prereleases on: rc beats alpha, and both beat 1.10", () => {
    const sel = selectTags(tags, { pattern: "v*", prereleases: true });
    expect(sel.candidates.slice(0, 3).map((c) => c.tag)).toEqual(["v2.0.0-rc.1", "v2.0.0-alpha.2", "v1.10.0+build.5"]);
    expect(sel.candidates[0]?.prerelease).toBe(true);
  });

  test("a release marked prerelease on GitHub counts as one even with a plain version", () => {
    const sel = selectTags(["v1.0.0", "v1.1.0"], {
      pattern: "v*",
      prereleases: false,
      prereleaseTags: new Set(["v1.1.0"]),
    });
    expect(sel.candidates.map((c) => c.tag)).toEqual(["v1.0.0"]);
  });

  test("isNewer compares versions, and falls back to names for unversioned reviewed tags", () => {
    const [latest] = selectTags(["v1.10.0"], { pattern: "v*", prereleases: false }).candidates;
    expect(isNewer(latest!, "v1.9.0", "v*")).toBe(true);
    expect(isNewer(latest!, "v1.10.0", "v*")).toBe(false);
    expect(isNewer(latest!, "v2.0.0-rc.1", "v*")).toBe(false);
    expect(isNewer(latest!, "old-scheme-7", "v*")).toBe(true);
  });
});
