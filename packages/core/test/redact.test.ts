import {
  buildMarker,
  CodexrelError,
  codeBlock,
  containsSecret,
  createRedactor,
  escapeMarkdown,
  formatError,
  hasMarker,
  parseMarkers,
  redact,
  redactWithCount,
} from "@codexrel/core";
import { describe, expect, test } from "vitest";

const samples = {
  ghp: `ghp_${"A1b2C3d4".repeat(4)}abcd`,
  gho: `gho_${"Z9y8X7w6".repeat(4)}wxyz`,
  ghs: `ghs_${"q".repeat(36)}`,
  ghu: `ghu_${"Q".repeat(36)}`,
  ghr: `ghr_${"7".repeat(36)}`,
  pat: `github_pat_11ABCDEFG0${"x".repeat(70)}`,
  openai: `sk-proj-${"abcDEF123_-".repeat(5)}`,
  openaiLegacy: `sk-${"a".repeat(48)}`,
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
};

describe("redaction", () => {
  test.each(Object.entries(samples))("removes %s tokens wherever they appear", (_k, secret) => {
    const text = `before ${secret} after\n"${secret}"`;
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/^before \[REDACTED:[a-z-]+\] after/);
    expect(containsSecret(text)).toBe(true);
  });

  test("removes Authorization header values and keeps the scheme", () => {
    expect(redact("Authorization: Bearer abc.def.ghi")).toBe("Authorization: Bearer [REDACTED:authorization]");
    expect(redact('"authorization": "token 0123456789"')).toBe('"authorization": "token [REDACTED:authorization]"');
  });

  test("removes exact known secrets and counts them", () => {
    const r = redactWithCount("key=my-custom-secret-value; again my-custom-secret-value", {
      secrets: ["my-custom-secret-value", "short", undefined],
    });
    expect(r).toEqual({ text: "key=[REDACTED:secret]; again [REDACTED:secret]", count: 2 });
  });

  test("a redactor learns secrets at run time", () => {
    const r = createRedactor();
    r.add("late-secret-12345");
    expect(r("x late-secret-12345 y")).toBe("x [REDACTED:secret] y");
  });

  test("ordinary text is left alone", () => {
    const text = "sk-short ghp_short github_pat_ eyJ token: ok";
    expect(redact(text)).toBe(text);
  });

  test("errors are redacted and carry code, hint and cause", () => {
    const cause = new Error("inner");
    const e = new CodexrelError("GITHUB_TOKEN_INVALID", `token ${samples.ghp} rejected`, {
      hint: "Create a new token.\nsecond line dropped",
      cause,
    });
    expect(e.message).not.toContain(samples.ghp);
    expect(e.hint).toBe("Create a new token.");
    expect(e.cause).toBe(cause);
    expect(formatError(e)).toMatch(/^GITHUB_TOKEN_INVALID: token \[REDACTED:github-token\] rejected\n {2}hint: /);
    expect(() => new CodexrelError("bad code", "x", { hint: "y" })).toThrow(TypeError);
  });
});

describe("markers", () => {
  test("build and parse round-trip", () => {
    const body = `${buildMarker("report")}\nhello\n${buildMarker("progress", "issue-12")}`;
    expect(parseMarkers(body)).toEqual([{ kind: "report" }, { kind: "progress", id: "issue-12" }]);
    expect(hasMarker(body, "progress", "issue-12")).toBe(true);
    expect(hasMarker(body, "progress")).toBe(false);
    expect(hasMarker(body, "report")).toBe(true);
  });

  test("invalid kinds or ids are refused", () => {
    expect(() => buildMarker("Report")).toThrow(/MARKER|not allowed/);
    expect(() => buildMarker("report", "a b")).toThrow(/not allowed/);
    expect(() => buildMarker("report", "x -->")).toThrow(/not allowed/);
  });

  test("escaped untrusted text can never contain a marker", () => {
    const forged = escapeMarkdown("<!-- codexrel:report -->");
    expect(parseMarkers(forged)).toEqual([]);
  });
});

describe("escaping", () => {
  test("inline: mentions, HTML, pipes, newlines and emphasis are neutralised", () => {
    const out = escapeMarkdown("@alice <b>|x|</b>\n# h *em*");
    expect(out).toBe("@&#8203;alice &lt;b&gt;\\|x\\|&lt;/b&gt; \\# h \\*em\\*");
  });

  test("code blocks use a fence longer than any run inside", () => {
    const block = codeBlock("a ```` b");
    expect(block.startsWith("`````\n")).toBe(true);
    expect(block.endsWith("\n`````")).toBe(true);
  });
});
