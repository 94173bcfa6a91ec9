import type { ReleaseImpact } from "@codexrel/core";
import { findingFingerprint, findingIssue, ISSUE_BODY_MAX_CHARS, issueTitle } from "@codexrel/release-monitor";
import { describe, expect, test } from "vitest";
import { finding, verdict } from "./helpers.js";

const entry = { repository: "acme/upstream", fromTag: "v1.0.0", toTag: "v1.1.0", compareUrl: null, skipped: [] };

describe("fingerprints", () => {
  test("stable for the same upstream, base and id; different when any changes", () => {
    const a = findingFingerprint("acme/upstream", "v1.0.0", "key-renamed");
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(findingFingerprint("ACME/Upstream", "v1.0.0", "key-renamed")).toBe(a);
    expect(findingFingerprint("acme/upstream", "v1.1.0", "key-renamed")).not.toBe(a);
    expect(findingFingerprint("acme/upstream", null, "key-renamed")).not.toBe(a);
    expect(findingFingerprint("acme/upstream", "v1.0.0", "other")).not.toBe(a);
  });
});

describe("issue text", () => {
  test("titles are one plain line of at most 256 characters", () => {
    expect(issueTitle("a/b", "v1", "x\ny\u0007z")).toBe("a/b v1: x y z");
    const long = issueTitle("a/b", "v1", "t".repeat(400));
    expect([...long]).toHaveLength(256);
    expect(long.endsWith("…")).toBe(true);
  });

  test("the body fits GitHub's limit: evidence beyond the budget is left out with a note", () => {
    const many = finding("big", {
      description: "d".repeat(40_000),
      evidence: Array.from({ length: 40 }, (_, i) => ({ file: `f${i}.rs`, line: i + 1, excerpt: "e".repeat(3_999) })),
    });
    const impact = verdict(entry, [many]) as unknown as ReleaseImpact;
    const issue = findingIssue(entry, impact, impact.findings[0]!, []);
    expect(issue.body.length).toBeLessThanOrEqual(ISSUE_BODY_MAX_CHARS);
    expect(issue.body).toMatch(/_\d+ more evidence item\(s\) left out to fit GitHub's issue size limit\._/);
    expect(issue.body).toContain("`f0.rs` line 1");
  });

  test("a compare link and the first-review wording", () => {
    const impact = verdict({ ...entry, fromTag: null }, [finding("x")]) as unknown as ReleaseImpact;
    const first = findingIssue(
      { ...entry, fromTag: null, compareUrl: "https://github.com/acme/upstream/tree/v1.1.0" },
      impact,
      impact.findings[0]!,
      [],
    );
    expect(first.body).toContain(
      "up to `v1.1.0` (first review) ([compare](https://github.com/acme/upstream/tree/v1.1.0))",
    );
  });
});
