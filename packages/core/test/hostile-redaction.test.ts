/**
 * Issue 16, items 4–7 and 15: redaction that does not lean on `\b`, redacts streams with a
 * carry-over window, redacts before it truncates, catches encoded forms of exact secrets and the
 * whole Authorization value; and bidi controls that never reach rendered text raw.
 */
import {
  codeBlock,
  createReport,
  createStreamRedactor,
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownShort,
  finalizeReport,
  redact,
  redactAndTruncate,
  renderComment,
  renderHtml,
  renderJobSummary,
  SECRET_PATTERNS,
} from "@codexrel/core";
import { describe, expect, test } from "vitest";

const GHP = `ghp_${"A1b2C3d4".repeat(4)}wxyz`; // 36 characters after the prefix
const NAMED = "corp-internal-Secret-Value-42!";

/** No 12-character window of `secret` may survive in `text`. */
function expectNoPrefix(text: string, secret: string, min = 12): void {
  for (let i = 0; i + min <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + min));
}

describe("item 4: tokens glued to letters, digits or a literal backslash-n", () => {
  test.each([
    ["after a literal \\n in JSON", `{"output":"logged in\\n${GHP}"}`],
    ["after a letter", `token${GHP}`],
    ["after a digit", `42${GHP}`],
    ["with a suffix", `${GHP}_suffix`],
    ["an OpenAI key after \\n", `{"o":"x\\nsk-proj-${"Ab1".repeat(12)}"}`],
    ["a JWT after a letter", "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fw"],
  ])("%s", (_name, text) => {
    const out = redact(text);
    expect(out).toContain("[REDACTED:");
    expectNoPrefix(out, text.includes(GHP) ? GHP : text.slice(text.search(/sk-|eyJ/)));
  });

  test("kebab-case words glued to sk- stay (no false positive)", () => {
    const text = "task-queue-handler-service-2024 and disk-usage-monitoring-service";
    expect(redact(text)).toBe(text);
  });
});

describe("item 5: streams keep a carry-over window", () => {
  test("a token split over two writes never appears whole or as a 12+ prefix", () => {
    for (const at of [1, 4, 10, 20, 39]) {
      const s = createStreamRedactor();
      const text = `before ${GHP} after\n`;
      const cut = text.indexOf(GHP) + at;
      const out = s.write(text.slice(0, cut)) + s.write(text.slice(cut)) + s.end();
      expect(out).toBe("before [REDACTED:github-token] after\n");
    }
  });

  test("an exact secret written one character at a time", () => {
    const s = createStreamRedactor({ secrets: [NAMED] });
    let out = "";
    for (const c of `x=${NAMED};\nnext line\n`) out += s.write(c);
    out += s.end();
    expect(out).toBe("x=[REDACTED:secret];\nnext line\n");
  });

  test("complete lines are released at once; the window is the longest pattern", () => {
    const s = createStreamRedactor();
    expect(s.write("line one\npartial")).toBe("line one\n");
    expect(s.window).toBe(Math.max(...SECRET_PATTERNS.map((p) => p.maxLength)));
    expect(s.end()).toBe("partial");
  });

  test("a long line without newlines is released behind the window", () => {
    const s = createStreamRedactor();
    const out = s.write("a".repeat(s.window * 3));
    expect(out.length).toBe(s.window * 2);
  });
});

describe("item 6: redact first, then truncate", () => {
  test("a cut never leaves a token prefix", () => {
    const text = `${"x".repeat(20)}${GHP}`;
    for (const max of [25, 30, 40, 50]) {
      const out = redactAndTruncate(text, max);
      expect(out).not.toContain("ghp_");
      const md = escapeMarkdownShort(text, max);
      expect(md).not.toContain("ghp");
    }
  });

  test("a named secret cut by a report line cap is not left as a prefix", () => {
    const line = `${"y".repeat(10)}${NAMED}`;
    const out = redactAndTruncate(line, 25, { secrets: [NAMED] });
    expectNoPrefix(out, NAMED);
  });

  test("rendered outputs (comment, summary, html) never show a cut token", () => {
    const report = finalizeReport({
      ...createReport({ tool: { version: "0.0.0" } }),
      commands: [
        {
          name: `check ${"n".repeat(70)}${GHP}`,
          command: `${"c".repeat(190)}${GHP}`,
          status: "fail",
          blocking: true,
          exitCode: 1,
          durationMs: 1,
          reason: `${"r".repeat(150)}${GHP}`,
          outputTail: [`${"o".repeat(480)}${GHP}`],
          firstFailingLines: [],
        },
      ],
    });
    for (const out of [renderComment(report), renderJobSummary(report), renderHtml(report)]) {
      expect(out).not.toMatch(/gh[pousr]_[A-Za-z0-9]{8}/);
    }
  });
});

describe("item 7: encoded forms and the whole Authorization value", () => {
  test("URL-encoded and JSON-escaped forms of an exact secret", () => {
    const secret = 'p@ss "word"/with spaces&more';
    const forms = [
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret).replace(/%20/g, "+"),
    ];
    for (const f of forms) {
      const out = redact(`value=${f};`, { secrets: [secret] });
      expect(out).toBe("value=[REDACTED:secret];");
    }
  });

  test.each([
    ["Authorization%3A%20Bearer%20abc.def-ghi", "Authorization%3A%20Bearer%20[REDACTED:authorization]"],
    ["Authorization: Bearer ab", "Authorization: Bearer [REDACTED:authorization]"],
    ["Authorization: Bearer abc,def;ghi", "Authorization: Bearer [REDACTED:authorization]"],
    ["authorization: bearer\tabcdefgh", "authorization: bearer\t[REDACTED:authorization]"],
    ['{"Authorization": "Basic dXNlcjpwYXNz"}', '{"Authorization": "Basic [REDACTED:authorization]"}'],
    ["authorization=xyz12345&next=1", "authorization=[REDACTED:authorization]&next=1"],
  ])("%s", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe("item 15: bidi override and isolate controls", () => {
  const hostile = "test \u202Eevil\u202C \u2066iso\u2069 \u202Aa\u202B\u202D\u2067\u2068";
  test.each([
    ["markdown", escapeMarkdown(hostile)],
    ["code block", codeBlock(hostile)],
    ["html", escapeHtml(hostile)],
  ])("%s shows them as code points", (_k, out) => {
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain("202E");
  });

  test("comment, summary and html of a report carry none", () => {
    const report = finalizeReport({
      ...createReport({ tool: { version: "0.0.0" }, title: `t\u202Eitle` }),
      commands: [
        {
          name: hostile,
          command: hostile,
          status: "fail",
          blocking: true,
          exitCode: 1,
          durationMs: 1,
          reason: hostile,
          outputTail: [hostile],
          firstFailingLines: [hostile],
        },
      ],
    });
    for (const out of [renderComment(report), renderJobSummary(report), renderHtml(report)])
      expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
