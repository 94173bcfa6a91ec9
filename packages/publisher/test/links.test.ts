import type { Artifact } from "@codexrel/core";
import { validateReport } from "@codexrel/core/schemas";
import { assertArtifactLinks, checkLink, findLocalPaths } from "@codexrel/publisher";
import { describe, expect, test } from "vitest";

const RUNNER_TEMP = "/home/runner/work/_temp";

describe("link validation", () => {
  test.each([
    ["/tmp/shots/a.png", "LINK_EPHEMERAL_PATH"],
    ["/var/tmp/a.png", "LINK_EPHEMERAL_PATH"],
    ["/dev/shm/x", "LINK_EPHEMERAL_PATH"],
    ["file:///home/me/a.png", "LINK_LOCAL_PATH"],
    ["FILE:///C:/a.png", "LINK_LOCAL_PATH"],
    [`${RUNNER_TEMP}/cuj/a.png`, "LINK_EPHEMERAL_PATH"],
    ["D:\\a\\_temp\\a.png", "LINK_EPHEMERAL_PATH"],
    ["/home/me/out/a.png", "LINK_LOCAL_PATH"],
    ["~/out/a.png", "LINK_LOCAL_PATH"],
    ["C:\\Users\\me\\a.png", "LINK_LOCAL_PATH"],
    ["../secrets/a.png", "LINK_LOCAL_PATH"],
    ["cuj/../../a.png", "LINK_LOCAL_PATH"],
    ["javascript:alert(1)", "LINK_SCHEME"],
    ["data:image/png;base64,AAAA", "LINK_SCHEME"],
    ["", "LINK_EMPTY"],
  ])("%s is refused (%s)", (url, code) => {
    expect(checkLink(url, { ephemeralDirs: [RUNNER_TEMP, "D:\\a\\_temp"] })?.code).toBe(code);
  });

  test("a URL that embeds the runner temp dir (even encoded) is refused", () => {
    expect(checkLink(`https://example.com/view?f=${RUNNER_TEMP}/a.png`, { ephemeralDirs: [RUNNER_TEMP] })?.code).toBe(
      "LINK_EPHEMERAL_PATH",
    );
    expect(checkLink("https://example.com/home/runner/work/_temp%2Fa.png", { ephemeralDirs: [RUNNER_TEMP] })).toBe(
      null,
    );
    expect(checkLink("https://example.com/home/runner/work/_temporary/a.png", { ephemeralDirs: [RUNNER_TEMP] })).toBe(
      null,
    );
  });

  test("relative paths are fine when not durable; durable needs https on a real host", () => {
    expect(checkLink("cuj/screens/a.png")).toBe(null);
    expect(checkLink("cuj/screens/a.png", { durable: true })?.code).toBe("LINK_NOT_DURABLE");
    expect(checkLink("http://example.com/a.png", { durable: true })?.code).toBe("LINK_NOT_DURABLE");
    expect(checkLink("https://127.0.0.1:8080/a.png", { durable: true })?.code).toBe("LINK_NOT_DURABLE");
    expect(checkLink("https://localhost/a.png", { durable: true })?.code).toBe("LINK_NOT_DURABLE");
    const blob = "https://github.com/o/r/blob/0123abc/cuj/tmp/a.png?raw=true";
    expect(checkLink(blob, { durable: true })).toBe(null);
  });

  test("assertArtifactLinks throws LINK_REJECTED with every problem; what it accepts the report schema accepts", () => {
    const good: Artifact[] = [
      { name: "a", kind: "screenshot", url: "cuj/a.png", durable: false, destination: "local" },
      {
        name: "b",
        kind: "video",
        url: "https://github.com/o/r/blob/abc1234/b.webm?raw=true",
        durable: true,
        destination: "branch",
      },
    ];
    expect(assertArtifactLinks(good)).toBe(good);
    const bad: Artifact[] = [
      ...good,
      { name: "c", kind: "screenshot", url: "/tmp/c.png", durable: false, destination: "local" },
      { name: "d", kind: "screenshot", url: "cuj/d.png", durable: true, destination: "local" },
    ];
    try {
      assertArtifactLinks(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe("LINK_REJECTED");
      expect((e as { details: { problems: unknown[] } }).details.problems).toHaveLength(2);
    }
    // The schema agrees on the relative/https ones.
    const report = {
      schemaVersion: "1",
      meta: { tool: { name: "t", version: "1" }, stage: "validation", startedAt: "2024-01-01T00:00:00Z" },
      preflight: [],
      commands: [],
      regressions: null,
      artifacts: good,
      publication: { status: "skipped", code: "X", reason: "x" },
      decision: { ready: true, blockingReasons: [], nextAction: "go" },
    };
    expect(validateReport(report).errors).toEqual([]);
  });

  test("findLocalPaths finds /tmp paths, file:// URLs and the runner temp dir in a comment body", () => {
    const body = `see /tmp/run-1/shot.png and file:///home/x/y.webm and ${RUNNER_TEMP}/z.log; fine: https://github.com/o/r/blob/abc/tmp/a.png`;
    expect(findLocalPaths(body, { ephemeralDirs: [RUNNER_TEMP] }).sort()).toEqual(
      ["/tmp/run-1/shot.png", "file:///home/x/y.webm", `${RUNNER_TEMP}/z.log`].sort(),
    );
    expect(findLocalPaths("all links are https://example.com/a.png")).toEqual([]);
  });
});
