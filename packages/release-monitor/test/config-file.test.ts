import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readReleaseMonitorConfig } from "../src/index.js";

describe("readReleaseMonitorConfig", () => {
  test("reads .github/release-monitor.yml from the checkout; a missing file is RELEASE_MONITOR_CONFIG_NOT_FOUND", async () => {
    const root = mkdtempSync(join(tmpdir(), "codexrel-rm-config-"));
    await expect(readReleaseMonitorConfig({ root })).rejects.toMatchObject({
      code: "RELEASE_MONITOR_CONFIG_NOT_FOUND",
    });
    mkdirSync(join(root, ".github"));
    writeFileSync(join(root, ".github/release-monitor.yml"), "upstreams:\n  - repository: openai/codex\n");
    const config = await readReleaseMonitorConfig({ root });
    expect(config.upstreams.map((u) => u.repository)).toEqual(["openai/codex"]);
    writeFileSync(join(root, "other.yml"), "upstreams: 3\n");
    await expect(readReleaseMonitorConfig({ root, path: "other.yml" })).rejects.toMatchObject({
      code: "RELEASE_MONITOR_CONFIG_INVALID",
      message: expect.stringContaining("other.yml"),
    });
  });
});
