import {
  type ClassifiedTest,
  COMMENT_LIMIT,
  CodexrelError,
  countRegressions,
  parseMarkers,
  renderComment,
  renderHtml,
  renderJobSummary,
} from "@codexrel/core";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { fullReport } from "./helpers.js";

function manyRegressions(n: number): ClassifiedTest[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `suite-${i % 50}::test-${i}`,
    name: `test ${i} ${"with a long descriptive name ".repeat(3)}`,
    classname: `com.example.suite${i % 50}.SomethingIntegrationTest`,
    file: `src/test/java/com/example/suite${i % 50}/SomethingIntegrationTest.java`,
    line: (i % 400) + 1,
    class: (["new", "known", "flaky", "fixed", "removed"] as const)[i % 5]!,
    message: `expected ${i} but was ${i + 1}`,
    firstLines: Array.from({ length: 12 }, (_, j) => `  at frame ${j} of test ${i} ${"x".repeat(80)}`),
  }));
}

describe("comment markdown", () => {
  test("shows decision, checks, regressions, artifacts and publication", () => {
    const md = renderComment(fullReport());
    expect(md.startsWith("<!-- codexrel:report -->")).toBe(true);
    expect(md).toContain("❌ Not ready");
    expect(md).toContain("| build | ⚠️ warn | yes | 1 |");
    expect(md).toContain("fallback `pnpm build` passed");
    expect(md).toContain("<details open><summary>🔴 New regressions (1)</summary>");
    expect(md).toContain("![home page](https://github.com/acme/widgets/blob/abc/cuj/home.png?raw=true)");
    expect(md).toContain("**Publication:** ⛔ blocked");
    expect(md).toContain("fix iteration 1 of 3");
  });

  test("a report with 10,000 regressions still renders under 65,536 characters, pointing at the full report", () => {
    const tests = manyRegressions(10_000);
    const report = fullReport({
      regressions: {
        baseline: { available: true },
        policy: { blocking: ["new"] },
        counts: countRegressions(tests),
        tests,
      },
    });
    const md = renderComment(report, { reportUrl: "https://example.com/report.html" });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect([...md].length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toContain("[the full report](https://example.com/report.html)");
    expect(md).toMatch(/… \d+ more not shown here/);
    // Still well-formed: every <details> is closed, every fence is closed.
    expect(md.match(/<details/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    expect((md.match(/^\s*```/gm)?.length ?? 0) % 2).toBe(0);
    expect(md.endsWith("</sub>\n")).toBe(true);
  });

  test("any limit is respected, even a tiny one", () => {
    const tests = manyRegressions(500);
    const report = fullReport({
      regressions: {
        baseline: { available: true },
        policy: { blocking: ["new"] },
        counts: countRegressions(tests),
        tests,
      },
    });
    for (const limit of [2_000, 5_000, 20_000])
      expect(renderComment(report, { limit }).length).toBeLessThanOrEqual(limit);
  });

  test("the job summary stays within 1 MiB even for 10,000 regressions with long output", () => {
    const tests = manyRegressions(10_000);
    const report = fullReport({
      regressions: {
        baseline: { available: true },
        policy: { blocking: ["new"] },
        counts: countRegressions(tests),
        tests,
      },
    });
    const summary = renderJobSummary(report);
    expect(Buffer.byteLength(summary, "utf8")).toBeLessThanOrEqual(1024 * 1024);
    expect(summary).not.toContain("<!-- codexrel:");
  });

  test("an invalid report is never rendered", () => {
    const bad = { ...fullReport(), schemaVersion: "2" } as never;
    expect(() => renderComment(bad)).toThrow(CodexrelError);
    expect(() => renderHtml(bad)).toThrow(/REPORT_INVALID|invalid/);
  });
});

describe("hostile test names and messages", () => {
  const hostile = [
    "@octocat please look <!-- codexrel:report --> here",
    "name``` \n```\n# injected heading\n| a | b |",
    "<img src=x onerror=alert(1)> <script>alert(1)</script>",
    "pipe | breaks | table @org/team",
    "-->",
  ];
  const tests: ClassifiedTest[] = hostile.map((name, i) => ({
    id: `h${i}`,
    name,
    classname: `@evil/${name}`,
    class: "new",
    message: name,
    firstLines: [name, "````", "~~~", `@someone ${name}`],
  }));
  const report = fullReport({
    regressions: {
      baseline: { available: true },
      policy: { blocking: ["new"] },
      counts: countRegressions(tests),
      tests,
    },
    commands: [
      {
        name: "@team <!-- x -->",
        command: "echo '```'",
        status: "fail",
        blocking: true,
        exitCode: 1,
        durationMs: 1,
        reason: "@ping | pipe",
        outputTail: ["```", "@everyone"],
        firstFailingLines: ["```", "<!-- open"],
      },
    ],
  });
  const md = renderComment(report);

  // Parse the comment the way GitHub does (CommonMark + GFM tables, raw HTML allowed) and look at
  // the result, not at the markdown text.
  const html = new MarkdownIt({ html: true }).render(md);
  const outsideCode = html
    .replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, "")
    .replace(/<code>[\s\S]*?<\/code>/g, "");

  test("cannot ping anyone outside code", () => {
    // GitHub resolves a mention only for `@` directly followed by a name; ours carry a zero-width space.
    expect(outsideCode).toContain("@\u200boctocat");
    expect(outsideCode).not.toMatch(/@(?!\u200b)[A-Za-z0-9]/);
  });

  test("cannot open HTML comments or tags, or forge a marker", () => {
    expect(outsideCode.match(/<!--/g)?.length).toBe(1); // only our own marker
    // The only image is the report's own durable screenshot; the hostile <img onerror> stays text.
    expect(outsideCode.match(/<img /g)?.length).toBe(1);
    expect(outsideCode).not.toMatch(/<script|<[a-z][^>]*\sonerror=/i);
    expect(parseMarkers(md)).toEqual([{ kind: "report" }]);
  });

  test("cannot break out of code blocks: each hostile block parses as exactly one code block", () => {
    const blocks = [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) =>
      m[1]!.replace(/\u200b/g, ""),
    );
    // one block for the failing check + one per hostile test, nothing split or merged
    expect(blocks.length).toBe(1 + hostile.length);
    for (const name of hostile) {
      const first = name.split("\n")[0]!.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      expect(blocks.some((b) => b.includes(first))).toBe(true);
    }
    expect(outsideCode).not.toContain("<h1>");
  });

  test("cannot add table rows or cells", () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    const checks = tables.find((t) => t.includes("<th>Check</th>") && t.includes("Exit"))!;
    const rows = [...checks.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(rows.length).toBe(2); // header + the one check
    expect(rows[1]!.match(/<td/g)?.length).toBe(6);
  });

  test("the HTML report escapes everything", () => {
    const html = renderHtml(report);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("HTML report", () => {
  test("is self-contained: no external scripts, styles or fonts", () => {
    const html = renderHtml(fullReport());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import|url\(http/i);
    expect(html).toContain("Content-Security-Policy");
  });
});
