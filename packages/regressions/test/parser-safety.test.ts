/**
 * The parser under hostile or odd input: it refuses DTDs, caps depth/attributes/text, reports
 * file and line for anything not well-formed, and never depends on how bytes are chunked.
 */
import { CodexrelError } from "@codexrel/core/errors";
import { memorySource, parseReport } from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

async function errorOf(content: string | Uint8Array, options = {}, chunk?: number): Promise<CodexrelError> {
  const result = await parseReport(memorySource("report.xml", content, chunk), options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(CodexrelError);
  return result as CodexrelError;
}

const ok = `<?xml version="1.0"?>
<testsuites>
  <testsuite name="s">
    <testcase classname="a.B" name="passes" time="0.5"/>
    <testcase classname="a.B" name="fails" time="1,234.5"><failure message="boom">line one
line two</failure></testcase>
  </testsuite>
</testsuites>`;

describe("well-formedness", () => {
  test("a valid report parses", async () => {
    const out = await parseReport(memorySource("report.xml", ok));
    expect(out.kind).toBe("report");
    if (out.kind !== "report") return;
    expect(out.report.cases.map((c) => c.id)).toEqual(["s::a.B::passes", "s::a.B::fails"]);
    expect(out.report.cases[1]!.attempts[0]).toMatchObject({
      status: "failed",
      durationMs: 1234500,
      message: "boom",
      firstLines: ["line one", "line two"],
      report: "report.xml",
      reportLine: 5,
    });
  });

  test("truncated input is JUNIT_MALFORMED with file and line", async () => {
    const e = await errorOf(ok.slice(0, ok.indexOf("line two")));
    expect(e.code).toBe("JUNIT_MALFORMED");
    // The input ends on line 6, inside the unclosed <failure>: that is where it breaks.
    expect(e.details).toMatchObject({ file: "report.xml", line: 6 });
    expect(e.message).toMatch(/^report\.xml:6:\d+: is not well-formed XML: unclosed tag/);
  });

  test("a NUL byte is JUNIT_MALFORMED at its line", async () => {
    const e = await errorOf(ok.replace("line two", "line\u0000two"));
    expect(e.code).toBe("JUNIT_MALFORMED");
    expect(e.details?.line).toBe(6);
  });

  test("an undefined entity is JUNIT_MALFORMED", async () => {
    const e = await errorOf(ok.replace("boom", "&nbsp;"));
    expect(e.code).toBe("JUNIT_MALFORMED");
  });

  test("an unclosed CDATA section is JUNIT_MALFORMED", async () => {
    const e = await errorOf(ok.replace("line two", "<![CDATA[ never closed"));
    expect(e.code).toBe("JUNIT_MALFORMED");
  });

  test("the result does not depend on chunk boundaries (multi-byte characters split)", async () => {
    const text = ok.replace("passes", "päßt ✓ 𝒳 テスト");
    const whole = await parseReport(memorySource("r.xml", text));
    for (const size of [1, 2, 3, 7]) {
      const split = await parseReport(memorySource("r.xml", text, size));
      expect(split).toEqual(whole);
    }
    expect(JSON.stringify(whole)).toContain("päßt ✓ 𝒳 テスト");
  });

  test("a UTF-8 BOM and a UTF-16 file are decoded", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ok)]);
    const a = await parseReport(memorySource("bom.xml", bom));
    expect(a.kind).toBe("report");
    const utf16 = new Uint8Array(2 + ok.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < ok.length; i += 1) {
      utf16[2 + i * 2] = ok.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = ok.charCodeAt(i) >> 8;
    }
    const b = await parseReport(memorySource("utf16.xml", utf16));
    const shape = (o: typeof a) =>
      o.kind === "report"
        ? o.report.cases.map((c) => [c.id, c.attempts.map((x) => [x.status, x.message, x.firstLines])])
        : o;
    expect(shape(b)).toEqual(shape(a));
    expect(shape(a)).toHaveLength(2);
  });

  test("a Latin-1 declaration is honoured", async () => {
    const latin = `<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="caf\u00e9"/></testsuite>`;
    const bytes = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const out = await parseReport(memorySource("l.xml", bytes));
    expect(out.kind === "report" && out.report.cases[0]!.name).toBe("café");
  });
});

describe("DTDs and entities", () => {
  test("an internal-subset entity bomb is refused before any expansion", async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<testsuite><testcase name="&lol3;"/></testsuite>`;
    const e = await errorOf(bomb);
    expect(e.code).toBe("JUNIT_DOCTYPE_REFUSED");
    expect(e.details).toMatchObject({ file: "report.xml", line: 6 });
  });

  test("an external entity is refused (no file read)", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&x;"/></testsuite>`;
    expect((await errorOf(xxe)).code).toBe("JUNIT_DOCTYPE_REFUSED");
  });

  test("even a harmless DOCTYPE is refused", async () => {
    expect((await errorOf(`<!DOCTYPE testsuite><testsuite/>`)).code).toBe("JUNIT_DOCTYPE_REFUSED");
  });
});

describe("limits", () => {
  test("depth", async () => {
    const deep = `<testsuites>${"<testsuite>".repeat(300)}${"</testsuite>".repeat(300)}</testsuites>`;
    const e = await errorOf(deep);
    expect(e.code).toBe("REPORT_LIMIT_EXCEEDED");
    expect(e.message).toContain("deeper than 256");
  });

  test("attribute count", async () => {
    const attrs = Array.from({ length: 300 }, (_, i) => `a${i}="x"`).join(" ");
    expect((await errorOf(`<testsuites><testsuite ${attrs}/></testsuites>`)).code).toBe("REPORT_LIMIT_EXCEEDED");
  });

  test("attribute and text size (checked while streaming, before the document ends)", async () => {
    const big = "x".repeat(300_000);
    const limits = { maxTextChars: 100_000 };
    expect((await errorOf(`<testsuite><testcase name="${big}"/></testsuite>`, { limits }, 64 * 1024)).code).toBe(
      "REPORT_LIMIT_EXCEEDED",
    );
    expect(
      (
        await errorOf(
          `<testsuite><testcase name="t"><system-out><![CDATA[${big}]]></system-out></testcase></testsuite>`,
          { limits },
          64 * 1024,
        )
      ).code,
    ).toBe("REPORT_LIMIT_EXCEEDED");
    // Unclosed, never-ending CDATA: refused once over the cap, not buffered to the end.
    expect(
      (await errorOf(`<testsuite><testcase name="t"><system-out><![CDATA[${big}`, { limits }, 64 * 1024)).code,
    ).toBe("REPORT_LIMIT_EXCEEDED");
  });

  test("failure bodies are kept to the first lines, each capped", async () => {
    const body = Array.from({ length: 100 }, (_, i) => `line ${i} ${"y".repeat(1000)}`).join("\n");
    const out = await parseReport(
      memorySource("r.xml", `<testsuite><testcase name="t"><failure>${body}</failure></testcase></testsuite>`),
    );
    if (out.kind !== "report") throw new Error("skipped");
    const a = out.report.cases[0]!.attempts[0]!;
    expect(a.firstLines).toHaveLength(20);
    expect(a.firstLines.every((l) => l.length <= 500)).toBe(true);
  });
});

describe("skips", () => {
  test("well-formed XML with another root is skipped, not misread", async () => {
    const out = await parseReport(memorySource("pom.xml", `<project><testcase name="x"/></project>`));
    expect(out).toMatchObject({ kind: "skipped", skipped: { code: "REPORT_UNRECOGNIZED", file: "pom.xml" } });
  });

  test("whitespace-only is empty", async () => {
    const out = await parseReport(memorySource("e.xml", "  \n\t"));
    expect(out).toMatchObject({ kind: "skipped", skipped: { code: "REPORT_EMPTY" } });
  });
});
