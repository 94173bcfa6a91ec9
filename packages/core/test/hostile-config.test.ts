/**
 * Issue 16, item 13 (and item 14's 10 MB codexrel.yml): hostile YAML ends in a CONFIG_* code that
 * names the file, never INTERNAL or a stack overflow, and is refused before it costs memory.
 */
import { CONFIG_LIMITS, ErrorCodes, parseConfig } from "@codexrel/core";
import { describe, expect, test } from "vitest";

const laughs = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...["b", "c", "d", "e", "f", "g", "h"].map((k, i) => {
    const prev = "abcdefg"[i];
    return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(",")}]`;
  }),
].join("\n");

const cases: [string, string, string][] = [
  ["an alias bomb", laughs, "alias bomb"],
  // 2,000 block levels need 2 MB of indentation: the size cap answers first.
  [
    "a 2,000-deep block mapping",
    `${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n`,
    "characters",
  ],
  [
    "a 500-deep block mapping",
    `${Array.from({ length: 500 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n`,
    "deeper",
  ],
  ["a 2,000-deep flow mapping", `a: ${"{b: ".repeat(2000)}1${"}".repeat(2000)}\n`, "deeper"],
  ["a 2,000-deep flow sequence", `a: ${"[".repeat(2000)}1${"]".repeat(2000)}\n`, "deeper"],
  [
    "65 levels of two-space mappings",
    `${Array.from({ length: 65 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n")} 1\n`,
    "deeper",
  ],
  [
    "a 10 MB file",
    `checks:\n${Array.from({ length: 150_000 }, (_, i) => `  - name: c${i}\n    run: echo ${i}\n`).join("")}`.slice(
      0,
      10e6,
    ),
    "characters",
  ],
];

describe("hostile codexrel.yml", () => {
  test.each(cases)("%s: CONFIG_TOO_LARGE naming the file", (_name, text, what) => {
    let error: unknown;
    try {
      parseConfig(text, "ci/codexrel.yml");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: ErrorCodes.CONFIG_TOO_LARGE });
    expect((error as Error).message).toMatch(/^ci\/codexrel\.yml: /);
    expect((error as Error).message).toContain(what);
  });

  test("ordinary configs (anchors reused a few times, some nesting, quotes with brackets) still parse", () => {
    const text = [
      "checks:",
      '  - name: "lint [strict] {x}"',
      "    run: pnpm lint # [[[[",
      "    env: &env",
      "      A: '1'",
      "  - name: test",
      "    run: pnpm test",
      "    env: *env",
    ].join("\n");
    expect(parseConfig(text).checks).toHaveLength(2);
    expect(CONFIG_LIMITS.maxDepth).toBe(64);
  });
});
