import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  emptyState,
  parseReleaseMonitorConfig,
  parseState,
  readState,
  serializeState,
  writeState,
} from "@codexrel/release-monitor";
import { describe, expect, test } from "vitest";
import { tempDir } from "./helpers.js";

describe("config", () => {
  test("defaults are filled in", () => {
    const c = parseReleaseMonitorConfig("upstreams:\n  - repository: openai/codex\n    tagPattern: rust-v*\n");
    expect(c).toEqual({
      upstreams: [
        {
          name: "openai/codex",
          repository: "openai/codex",
          url: "https://github.com/openai/codex.git",
          tagPattern: "rust-v*",
          prereleases: false,
          source: "tags",
          labels: [],
        },
      ],
      state: ".github/release-monitor/state.json",
      issues: { repository: null, labels: [], scanLimit: 1000 },
      diff: { maxBytes: 262144, maxCommits: 500 },
    });
  });

  test("GitHub Enterprise: default URLs use the server URL", () => {
    const c = parseReleaseMonitorConfig("upstreams: [{ repository: a/b }]", { serverUrl: "https://ghe.example/" });
    expect(c.upstreams[0]?.url).toBe("https://ghe.example/a/b.git");
  });

  test("schema errors name the field; YAML errors name the line", () => {
    expect(() => parseReleaseMonitorConfig("upstreams:\n  - repository: codex\n")).toThrow(
      /\/upstreams\/0\/repository must match pattern/,
    );
    expect(() => parseReleaseMonitorConfig("upstreams: []\n")).toThrow(/must NOT have fewer than 1 items/);
    expect(() => parseReleaseMonitorConfig("upstreams:\n  - repository: a/b\n    prerelease: true\n")).toThrow(
      /\/upstreams\/0\/prerelease is not an allowed property/,
    );
    expect(() => parseReleaseMonitorConfig("upstreams: [\n", { sourceName: "rm.yml" })).toThrow(/^rm\.yml:2:1/);
    expect(() => parseReleaseMonitorConfig("upstreams:\n  - repository: a/b\n    url: --upload-pack=x\n")).toThrow(
      /url must match pattern/,
    );
  });

  test("two upstreams with the same name are refused", () => {
    expect(() => parseReleaseMonitorConfig("upstreams: [{ repository: a/b }, { repository: a/b }]")).toThrow(
      /two upstreams are named "a\/b"/,
    );
    expect(
      parseReleaseMonitorConfig(
        "upstreams: [{ repository: a/b, tagPattern: 'v*' }, { name: b-rust, repository: a/b, tagPattern: 'rust-v*' }]",
      ).upstreams.map((u) => u.name),
    ).toEqual(["a/b", "b-rust"]);
  });
});

test("the README's config example is valid", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  const block = /## Config[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeTruthy();
  const c = parseReleaseMonitorConfig(block!);
  expect(c.upstreams.map((u) => `${u.name} ${u.source} ${u.tagPattern}`)).toEqual([
    "openai/codex tags rust-v*",
    "widgets-lib releases v*",
  ]);
});

describe("state file", () => {
  test("a missing file is an empty state; write is atomic, sorted and round-trips", async () => {
    const tmp = tempDir();
    try {
      const path = join(tmp.path, "nested", "state.json");
      expect(await readState(path)).toEqual(emptyState());
      await writeState(path, {
        schemaVersion: "1",
        upstreams: {
          zeta: { lastReviewedTag: "v2", impact: "low", issues: [3] },
          alpha: { lastReviewedTag: "v1", fromTag: null },
        },
      });
      const text = readFileSync(path, "utf8");
      expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
      expect(text.endsWith("}\n")).toBe(true);
      expect(serializeState(await readState(path))).toBe(text);
    } finally {
      tmp.dispose();
    }
  });

  test("invalid state is refused with the field", () => {
    expect(() => parseState("{")).toThrow(/not JSON/);
    expect(() => parseState('{"schemaVersion":"1","upstreams":{"a":{}}}')).toThrow(
      /\/upstreams\/a\/lastReviewedTag is required/,
    );
  });
});
