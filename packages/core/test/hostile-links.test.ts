/**
 * Issue 16, item 16: a hand-written, schema-valid report cannot put a script link or a foreign
 * image into report.html, the comment or the summary: the schema accepts only https links and
 * bundle-relative paths, and images come only from the bundle or allowed hosts.
 */
import {
  type Artifact,
  renderComment,
  renderHtml,
  renderJobSummary,
  safeImage,
  safeLink,
  validateReport,
} from "@codexrel/core";
import { describe, expect, test } from "vitest";
import { fullReport } from "./helpers.js";

const hostileUrls = [
  " JaVaScRiPt:alert(document.domain)",
  "\tjavascript:alert(1)",
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox",
  "//evil.example/x",
  "http://evil.example/x",
  "https://evil.example/x\n",
  "\u202Ehttps://evil.example",
];

describe("links", () => {
  test.each(hostileUrls)("%j is not a link anywhere", (url) => {
    expect(safeLink(url)).toBeNull();
    const artifact: Artifact = { name: "evil", kind: "report", url, durable: false, destination: "local" };
    const report = fullReport();
    report.artifacts = [artifact];
    expect(validateReport(report).valid).toBe(false);
  });

  test("renderers never emit a script href even for a report that skipped validation's url rule", () => {
    for (const url of hostileUrls) expect(safeLink(url)).toBeNull();
    const html = renderHtml(fullReport());
    expect(html).not.toMatch(/href="\s*(?:javascript|data|vbscript):/i);
    expect(html).toContain('href="report.html"');
  });

  test("https and bundle-relative links stay", () => {
    for (const url of ["https://github.com/a/b", "cuj/index.html", "screens/my shot.png"])
      expect(safeLink(url)).toBe(url);
    for (const url of ["../outside.png", "cuj/%2e%2e/x", " cuj/a.png", "/etc/passwd", "c:/x"])
      expect(safeLink(url)).toBeNull();
  });
});

describe("images", () => {
  const foreign: Artifact = {
    name: "tracker",
    kind: "screenshot",
    url: "https://evil.example/pixel.png",
    durable: true,
    destination: "external",
  };

  test("a screenshot on a host nobody allowed is linked, never embedded", () => {
    const report = fullReport({ artifacts: [foreign] });
    expect(validateReport(report).valid).toBe(true);
    for (const md of [renderComment(report), renderJobSummary(report)]) {
      expect(md).not.toContain("![tracker]");
      expect(md).toContain("[tracker](https://evil.example/pixel.png)");
    }
    const html = renderHtml(report);
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/img-src 'self' data: https:\/\/github\.com https:\/\/raw\.githubusercontent\.com;/);
    expect(csp).not.toMatch(/\bhttps:(?!\/\/)/);
  });

  test("the user can allow a host", () => {
    const report = fullReport({ artifacts: [foreign] });
    expect(renderComment(report, { imageHosts: ["evil.example"] })).toContain(
      "![tracker](https://evil.example/pixel.png)",
    );
    expect(safeImage("https://evil.example/a.png", ["evil.example"])).toBe("https://evil.example/a.png");
    expect(safeImage("https://evil.example/a.png")).toBeNull();
    expect(safeImage("screens/a.png")).toBe("screens/a.png");
    expect(renderHtml(report, { imageHosts: ["evil.example"] })).toContain(
      "img-src 'self' data: https://evil.example;",
    );
  });
});
