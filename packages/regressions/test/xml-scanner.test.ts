/**
 * The hand-written XML scanner against saxes (the conforming parser it replaced, kept as a dev
 * dependency for this test): on every corpus XML file and on mutations of them (characters
 * deleted or inserted where they break XML), both must agree on well-formed or not. Plus the
 * hostile inputs of issue 16 that concern the scanner: invalid UTF-8 (item 11), thousands of
 * attributes in a small file (item 12), a 60 MiB test name (item 14).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CodexrelError } from "@codexrel/core/errors";
import { memorySource, parseReport, XmlScanner } from "@codexrel/regressions";
import { SaxesParser } from "saxes";
import { glob } from "tinyglobby";
import { describe, expect, test } from "vitest";

const FIXTURES = join(import.meta.dirname, "fixtures", "corpus");

function saxesVerdict(text: string): string {
  const p = new SaxesParser({ xmlns: false });
  let doctype = false;
  p.on("doctype", () => {
    doctype = true;
  });
  try {
    p.write(text);
    p.close();
  } catch {
    return "malformed";
  }
  return doctype ? "doctype" : "ok";
}

function scannerVerdict(text: string, chunk: number): string {
  let doctype = false;
  const s = new XmlScanner(
    {
      open: () => {},
      close: () => {},
      text: () => {},
      doctype: () => {
        doctype = true;
        throw new Error("doctype");
      },
    },
    { maxAttributes: 1 << 20, maxTextChars: 1 << 30, maxNameChars: 1 << 20 },
  );
  s.wantText = true;
  try {
    for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
    s.close();
  } catch {
    return doctype ? "doctype" : "malformed";
  }
  return "ok";
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  "<",
  ">",
  "&",
  "&amp;",
  "&#0;",
  "&#x41;",
  '"',
  "'",
  "]]>",
  "--",
  "/",
  "=",
  " ",
  "\n",
  "<!--",
  "<![CDATA[",
  "?>",
  "<?x ?>",
  "é",
  "\u0001",
];

describe("the scanner agrees with saxes", () => {
  test("on every corpus XML file and on mutations of each (several chunk sizes)", async () => {
    const files = (await glob("**/*.xml", { cwd: FIXTURES })).sort();
    expect(files.length).toBeGreaterThan(100);
    const rand = rng(17);
    const disagreements: string[] = [];
    let compared = 0;
    for (const f of files) {
      const text = readFileSync(join(FIXTURES, f), "utf8");
      if (text.length > 200_000) continue;
      const variants: [string, string][] = [["as is", text]];
      for (let k = 0; k < 6; k += 1) {
        const at = Math.floor(rand() * text.length);
        if (rand() < 0.3) variants.push([`deleted ${at}`, text.slice(0, at) + text.slice(at + 1)]);
        else {
          const ins = INSERTS[Math.floor(rand() * INSERTS.length)]!;
          variants.push([`inserted ${JSON.stringify(ins)} at ${at}`, text.slice(0, at) + ins + text.slice(at)]);
        }
      }
      for (const [what, v] of variants) {
        const want = saxesVerdict(v);
        for (const chunk of [1 << 20, 7]) {
          compared += 1;
          const got = scannerVerdict(v, chunk);
          // A DOCTYPE is refused either way; saxes may find the document malformed first.
          const bothRefuse = (got === "doctype" && want === "malformed") || (want === "doctype" && got === "malformed");
          if (got !== want && !bothRefuse)
            disagreements.push(`${f} (${what}, chunk ${chunk}): saxes ${want}, scanner ${got}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});

describe("names the scanner reuses from earlier tags", () => {
  // A tag's attribute names are read against the last tag of that name, a close tag's name against
  // the open one: tags that repeat, reorder, extend or cut those names (a prefix, a longer name, a
  // duplicate, more than 32 attributes, names over 64 characters) must read as saxes reads them.
  test("give saxes' elements and attributes, and its verdict, on generated documents", () => {
    const rand = rng(23);
    const long = `n${"x".repeat(70)}`;
    const pool = ["x", "xy", "name", "names", "classname", "time", "t", "a:b", long, `${long}y`];
    const tags = ["testcase", "a", "ab", "testcases"];
    const events = (text: string, chunk: number): string => {
      const out: string[] = [];
      const s = new XmlScanner(
        {
          open: (name, attrs) => out.push(`<${name} ${attrs.join("|")}`),
          close: (name) => out.push(`</${name}`),
          text: () => {},
          doctype: () => {
            throw new Error("doctype");
          },
        },
        { maxAttributes: 1000, maxTextChars: 1 << 20, maxNameChars: 4096 },
      );
      try {
        for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
        s.close();
      } catch {
        return "malformed";
      }
      return out.join("\n");
    };
    const saxesEvents = (text: string): string => {
      const out: string[] = [];
      const p = new SaxesParser({ xmlns: false });
      p.on("opentag", (t) => out.push(`<${t.name} ${Object.entries(t.attributes).flat().join("|")}`));
      p.on("closetag", (t) => out.push(`</${t.name}`));
      try {
        p.write(text);
        p.close();
      } catch {
        return "malformed";
      }
      return out.join("\n");
    };
    let malformed = 0;
    for (let doc = 0; doc < 300; doc += 1) {
      const parts = ["<r>"];
      for (let k = 0; k < 12; k += 1) {
        const tag = tags[Math.floor(rand() * tags.length)]!;
        const n = rand() < 0.1 ? 40 : Math.floor(rand() * 5);
        const attrs = Array.from({ length: n }, (_, i) =>
          rand() < 0.7 && i < pool.length ? `${pool[i]}="${i}"` : `${pool[Math.floor(rand() * pool.length)]}="v"`,
        );
        const close = rand() < 0.1 ? `</${tags[Math.floor(rand() * tags.length)]}>` : `</${tag}>`;
        parts.push(rand() < 0.5 ? `<${tag} ${attrs.join(" ")}/>` : `<${tag} ${attrs.join(" ")}>${close}`);
      }
      parts.push("</r>");
      const text = parts.join("\n");
      const want = saxesEvents(text);
      if (want === "malformed") malformed += 1;
      for (const chunk of [1 << 20, 5]) expect(events(text, chunk), `document ${doc}, chunk ${chunk}`).toBe(want);
    }
    // Both kinds were compared: well-formed documents and ones with a duplicate or a wrong close tag.
    expect(malformed).toBeGreaterThan(20);
    expect(malformed).toBeLessThan(290);
  });
});

async function errorOf(content: string | Uint8Array, chunk?: number): Promise<CodexrelError> {
  const result = await parseReport(memorySource("report.xml", content, chunk)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(CodexrelError);
  return result as CodexrelError;
}

describe("hostile inputs (issue 16)", () => {
  test("invalid UTF-8 is JUNIT_MALFORMED naming file and line, never replaced (item 11)", async () => {
    const head = new TextEncoder().encode(
      `<?xml version="1.0"?>\n<testsuite name="s">\n  <testcase name="ok"/>\n  <testcase name="login`,
    );
    const bytes = new Uint8Array([
      ...head,
      0xff,
      ...new TextEncoder().encode(`"><failure/></testcase>\n</testsuite>\n`),
    ]);
    for (const chunk of [undefined, 1, 5, 64]) {
      const e = await errorOf(bytes, chunk);
      expect(e.code).toBe("JUNIT_MALFORMED");
      expect(e.details).toMatchObject({ file: "report.xml", line: 4 });
      expect(e.message).toMatch(/^report\.xml:4: is not valid utf-8/);
    }
    // A character cut off at the end of the file.
    const cut = new Uint8Array([...new TextEncoder().encode(`<testsuite><testcase name="caf`), 0xc3]);
    expect((await errorOf(cut)).code).toBe("JUNIT_MALFORMED");
  });

  test("two names that differ only in invalid bytes never merge into one test", async () => {
    const enc = (b: number) =>
      new Uint8Array([
        ...new TextEncoder().encode(`<testsuite><testcase name="login`),
        b,
        ...new TextEncoder().encode(`"/></testsuite>`),
      ]);
    expect((await errorOf(enc(0xff))).code).toBe("JUNIT_MALFORMED");
    expect((await errorOf(enc(0xfe))).code).toBe("JUNIT_MALFORMED");
  });

  test("the attribute cap holds per tag, even when the whole file is one small chunk (item 12)", async () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => `a${i}="x"`).join(" ");
    const small = `<testsuite name="s">\n<testcase name="t" ${attrs}/></testsuite>`;
    expect(small.length).toBeLessThan(64 * 1024);
    for (const chunk of [undefined, 1 << 20]) {
      const e = await errorOf(small, chunk);
      expect(e.code).toBe("REPORT_LIMIT_EXCEEDED");
      expect(e.message).toContain("more than 256 attributes");
      expect(e.details).toMatchObject({ file: "report.xml", line: 2 });
    }
    // On any element, not only suites.
    const onProperty = `<testsuite><properties><property ${attrs}/></properties></testsuite>`;
    expect((await errorOf(onProperty)).code).toBe("REPORT_LIMIT_EXCEEDED");
  });

  test("a 60 MiB test name keeps its first KiB and says it was cut; long names stay distinct (item 14)", async () => {
    const long = "n".repeat(60 * 1024 * 1024);
    const xml = `<testsuite name="s"><testcase name="${long}"/><testcase name="${"n".repeat(2048)}a"/><testcase name="${"n".repeat(2048)}b"><failure message="m"/></testcase></testsuite>`;
    const out = await parseReport(memorySource("r.xml", xml));
    if (out.kind !== "report") throw new Error("skipped");
    const [a, b, c] = out.report.cases;
    expect(a!.name.length).toBeLessThan(1200);
    expect(a!.name.startsWith("n".repeat(1024))).toBe(true);
    expect(a!.name).toMatch(/… \[cut: 62914560 characters, sha256 [0-9a-f]{12}\]$/);
    expect(a!.id.length).toBeLessThan(1300);
    // Same first KiB, same length, different ends: still two tests.
    expect(b!.id).not.toBe(c!.id);
  }, 120_000);
});
