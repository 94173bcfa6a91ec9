/**
 * Issue 20: every action codexrel does not own is pinned by full commit SHA with its version in a
 * trailing comment, one pin per action repository across all files, and the examples set up Node 24.
 * A tag can be moved; a SHA cannot, and Dependabot updates both the SHA and the comment.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { officialUses, pinnedFiles, pinProblems, repoOfficialUses } from "./official-uses.js";

const root = join(import.meta.dirname, "..");
const SHA_A = "3d3c42e5aac5ba805825da76410c181273ba90b1";
const SHA_B = "27d5ce7f107fe9357f9df03efb73ab90386fccae";

describe("the pin check", () => {
  it("flags tags, short SHAs and a missing or loose version comment", () => {
    const text = [
      "steps:",
      "  - uses: actions/checkout@v7",
      `  - uses: actions/setup-node@${SHA_A.slice(0, 12)} # v7.0.0`,
      `  - uses: actions/upload-artifact@${SHA_A}`,
      `    uses: "actions/download-artifact@${SHA_A}" # v8`,
      `  - uses: changesets/action@${SHA_A} # v1.9.0`,
      "  - uses: ./actions/preflight",
      "  - uses: codexrel/codexrel/actions/route-event@v1",
      "  - uses: docker://alpine:3",
    ].join("\n");
    const uses = officialUses("x.yml", text);
    expect(uses.map((u) => u.line)).toEqual([2, 3, 4, 5, 6]);
    expect(pinProblems(uses)).toEqual([
      "x.yml:2: actions/checkout@v7 is not pinned by a full commit SHA",
      `x.yml:3: actions/setup-node@${SHA_A.slice(0, 12)} is not pinned by a full commit SHA`,
      `x.yml:4: actions/upload-artifact@${SHA_A} needs its version as a trailing comment (# vX.Y.Z)`,
      `x.yml:5: actions/download-artifact@${SHA_A} needs its version as a trailing comment (# vX.Y.Z)`,
    ]);
  });

  it("flags one action repository pinned to two SHAs (or two versions) in different files", () => {
    const uses = [
      ...officialUses("a.yml", `- uses: actions/cache/restore@${SHA_B} # v5.0.5`),
      ...officialUses("b/action.yml", `- uses: actions/cache/save@${SHA_A} # v5.0.4`),
      ...officialUses("c.md", `  - uses: actions/checkout@${SHA_A} # v7.0.1`),
      ...officialUses("d.yml", `  - uses: actions/checkout@${SHA_A} # v7.0.1`),
    ];
    expect(pinProblems(uses)).toEqual([
      `actions/cache is pinned 2 ways: ${SHA_B} # v5.0.5 (a.yml:1); ${SHA_A} # v5.0.4 (b/action.yml:1)`,
    ]);
  });
});

describe("this repository", () => {
  const uses = repoOfficialUses(root);

  it("reads the examples, the workflows, the composite actions and the READMEs", () => {
    const files = pinnedFiles(root);
    for (const f of [".github/workflows/ci.yml", "examples/release-monitor.yml", "actions/preflight/action.yml"])
      expect(files).toContain(f);
    const seen = new Set(uses.map((u) => u.file));
    expect(seen).toContain(".github/workflows/release.yml");
    expect(seen).toContain("examples/workflows/cuj-evidence.yml");
    expect(seen).toContain("actions/publish-artifacts/action.yml");
    expect(seen).toContain("actions/route-event/README.md");
  });

  it("pins every official action by full SHA with a # vX.Y.Z comment, one pin per action", () => {
    expect(uses.length).toBeGreaterThan(20);
    expect(pinProblems(uses)).toEqual([]);
  });

  it("sets up Node 24 wherever an example uses actions/setup-node", () => {
    const setups = pinnedFiles(root)
      .filter((f) => f.startsWith("examples/") && /\.ya?ml$/.test(f))
      .flatMap((file) => {
        const doc = parse(readFileSync(join(root, file), "utf8")) as {
          jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
        } | null;
        return Object.values(doc?.jobs ?? {}).flatMap((job) =>
          (job.steps ?? [])
            .filter((s) => s.uses?.startsWith("actions/setup-node@"))
            .map((s) => `${file}: ${String(s.with?.["node-version"])}`),
        );
      });
    expect(setups.length).toBeGreaterThan(0);
    expect(setups.filter((s) => !s.endsWith(": 24"))).toEqual([]);
  });
});
