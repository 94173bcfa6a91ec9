import { join } from "node:path";
import { encodePath, loadBundle, renderGallery, renderIndexMarkdown } from "@codexrel/publisher";
import MarkdownIt from "markdown-it";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cleanup, demoBundle, demoWebm, journey, makePng, tempDir, writeBundle } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

function markdownLinks(md: string): string[] {
  return [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

describe("index.md", () => {
  test("links every file of the bundle and embeds the screenshots", async () => {
    const b = await loadBundle(demoBundle);
    const md = renderIndexMarkdown(b);
    const links = new Set(markdownLinks(md));
    for (const f of b.files) expect(links, f.path).toContain(encodePath(f.path));
    expect(links).toContain("index.html");
    expect(md).toContain("![screens/make-slug-1-empty.png](screens/make-slug-1-empty.png)");
    expect(md).toContain("▶️ Video: [videos/make-slug.webm](videos/make-slug.webm)");
    // The demo's journeys are recorded by @codexrel/playwright: an expect step and its expected value.
    expect(md).toMatch(/\| locator.*toHaveText.*release-notes-2026.* \| ✅ pass \| `release-notes-2026` \|/);
    expect(md).toContain("Journeys: 2 passed, 0 failed, 0 skipped");
  });

  test("linkFor maps paths to a destination's URLs", async () => {
    const b = await loadBundle(demoBundle);
    const md = renderIndexMarkdown(b, { linkFor: (p) => `https://example.com/x/${encodePath(p)}?raw=true` });
    for (const l of markdownLinks(md)) expect(l).toMatch(/^https:\/\/example\.com\/x\//);
  });

  test("paths with spaces and parentheses become safe relative links", () => {
    expect(encodePath("shots/home (1).png")).toBe("shots/home%20%281%29.png");
    expect(encodePath("a#b/c?d.png")).toBe("a%23b/c%3Fd.png");
  });
});

describe("hostile text in summary.json is inert", () => {
  const evil = {
    title: `<script>alert("t")</script> @octocat ghp_${"a".repeat(36)}`,
    message: `<img src=x onerror=alert(1)> ](javascript:alert(1)) <!-- codexrel:report -->`,
  };

  async function hostileBundle() {
    const b = writeBundle(
      join(dir, "b"),
      {
        title: evil.title,
        target: "<b>x</b>",
        journeys: [
          journey("evil", {
            title: evil.title,
            screenshots: ["weird name (1).png"],
            assertions: [
              {
                id: "a",
                description: evil.message,
                status: "fail",
                expected: { html: "<i>" },
                actual: "</td><script>",
                message: evil.message,
              },
            ],
          }),
        ],
      },
      { "weird name (1).png": makePng(), "evil.webm": demoWebm() },
    );
    return loadBundle(b);
  }

  test("in the gallery: no script, no event handler, no live tag; secrets redacted", async () => {
    const html = await renderGallery(await hostileBundle());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<b>x<\/b>/);
    expect(html).not.toContain("ghp_aaaa");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("[REDACTED:github-token]");
    // The only <img> tags are our data URIs, the only <source> is the video file.
    for (const m of html.matchAll(/<img [^>]*>/g))
      expect(m[0]).toMatch(/^<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="/);
    expect(html).toContain('<a href="weird%20name%20%281%29.png">');
  });

  test("in index.md: no HTML tag, no mention, no marker, no javascript link", async () => {
    const md = renderIndexMarkdown(await hostileBundle());
    // Rendered as GitHub would (raw HTML allowed): the only tags are the ones markdown makes.
    const html = new MarkdownIt({ html: true, linkify: false }).render(md);
    expect(html).not.toMatch(/<(?:script|b)\b/i);
    for (const m of html.matchAll(/<img [^>]*>/g)) expect(m[0]).toMatch(/^<img src="weird%20name%20%281%29\.png" alt=/);
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toContain("<!-- codexrel:");
    for (const l of markdownLinks(md)) expect(l).not.toMatch(/^javascript:/i);
    expect(md).not.toContain("ghp_aaaa");
  });
});

describe("index.html gallery", () => {
  test("screenshots inline as data URIs, videos from the files beside it with their content type, assertions table", async () => {
    const b = await loadBundle(demoBundle);
    const html = await renderGallery(b);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
    expect(html.match(/<source src="videos\/[a-z-]+\.webm" type="video\/webm">/g)).toHaveLength(2);
    expect(html.match(/<table class="assertions">/g)).toHaveLength(2);
    expect(html).toContain("<pre>01 test ");
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none';/);
    // Every file is linked.
    for (const f of b.files) expect(html).toContain(`<a href="${encodePath(f.path)}">`);
  });

  test("size limits: large images are linked relative, small videos can be inlined", async () => {
    const b = await loadBundle(demoBundle);
    const html = await renderGallery(b, { inlineImageMaxBytes: 0, inlineVideoMaxBytes: 1024 * 1024 });
    expect(html).not.toContain("data:image/png");
    expect(html.match(/<img src="screens\//g)).toHaveLength(3);
    expect(html.match(/<source src="data:video\/webm;base64,/g)).toHaveLength(2);
  });
});
