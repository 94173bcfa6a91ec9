/**
 * Deterministic JUnit files for the classify benchmark: a Surefire-like base run and a jest-like
 * candidate run of the same 100,000 tests (same suite/classname/name, so the classifier has real
 * work: regressions, known failures, fixes, retries, added and removed tests).
 *
 * - Surefire-like: `<testsuites>` of 1,000 `<testsuite>`s with a Surefire `<properties>` block,
 *   CDATA `<system-out>` on some tests, stack traces on failures, `flakyFailure` on a few.
 * - jest-like: jest-junit layout (`<testsuites name="jest tests">`, `file` on suites, escaped
 *   failure text, no CDATA), retries as repeated `<testcase>`s.
 */
import { createWriteStream } from "node:fs";

export const TESTS = 100_000;
const PER_SUITE = 100;

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

const suiteName = (s: number) => `com.acme.module${s % 40}.service${s % 7}.Feature${s}ServiceTest`;
const testName = (s: number, t: number) => `shouldHandleScenario${t}ForFeature${s}WhenInputIsValid`;

function stack(cls: string, depth: number): string {
  const frames = [`org.opentest4j.AssertionFailedError: expected: <200> but was: <500>`];
  for (let i = 0; i < depth; i += 1) frames.push(`\tat ${cls}.helper${i}(${cls.split(".").pop()}.java:${40 + i})`);
  frames.push("\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)");
  return frames.join("\n");
}

const PROPS = Array.from(
  { length: 45 },
  (_, i) =>
    `      <property name="java.property.number${i}" value="/usr/lib/jvm/temurin-21/lib/value-${i}-with-some-length"/>`,
).join("\n");

type Write = (s: string) => Promise<void>;

function writer(path: string): { write: Write; end: () => Promise<void> } {
  const stream = createWriteStream(path);
  let buffer = "";
  const flush = async () => {
    if (!stream.write(buffer)) await new Promise<void>((r) => stream.once("drain", () => r()));
    buffer = "";
  };
  return {
    write: async (s) => {
      buffer += s;
      if (buffer.length > 1 << 20) await flush();
    },
    end: async () => {
      await flush();
      await new Promise<void>((r) => stream.end(() => r()));
    },
  };
}

export async function generateSurefire(path: string, tests = TESTS, seed = 1): Promise<void> {
  const SUITES = tests / PER_SUITE;
  const rand = rng(seed);
  const w = writer(path);
  await w.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n`);
  for (let s = 0; s < SUITES; s += 1) {
    const cls = suiteName(s);
    await w.write(
      `  <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="${cls}" time="3.21" tests="${PER_SUITE}" errors="0" skipped="0" failures="0">\n    <properties>\n${PROPS}\n    </properties>\n`,
    );
    for (let t = 0; t < PER_SUITE; t += 1) {
      const r = rand();
      const name = testName(s, t);
      // The very last test of each suite exists only on the base (removed in the candidate).
      const head = `    <testcase name="${name}" classname="${cls}" time="${(r * 0.5).toFixed(3)}"`;
      if (r < 0.015) {
        await w.write(
          `${head}>\n      <failure message="expected: &lt;200&gt; but was: &lt;500&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[${stack(cls, 24)}]]></failure>\n      <system-out><![CDATA[${"log line with request id and payload\n".repeat(20)}]]></system-out>\n    </testcase>\n`,
        );
      } else if (r < 0.02) {
        await w.write(
          `${head}>\n      <flakyFailure message="timeout" type="java.util.concurrent.TimeoutException">\n        <stackTrace><![CDATA[${stack(cls, 12)}]]></stackTrace>\n      </flakyFailure>\n    </testcase>\n`,
        );
      } else if (r < 0.03) {
        await w.write(`${head}>\n      <skipped message="disabled on this platform"/>\n    </testcase>\n`);
      } else if (r < 0.16) {
        await w.write(
          `${head}>\n      <system-out><![CDATA[${"INFO  c.a.s.Service - handled request 42 in 3 ms\n".repeat(12)}]]></system-out>\n    </testcase>\n`,
        );
      } else {
        await w.write(`${head}/>\n`);
      }
    }
    await w.write("  </testsuite>\n");
  }
  await w.write("</testsuites>\n");
  await w.end();
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export async function generateJest(path: string, tests = TESTS, seed = 2): Promise<void> {
  const SUITES = tests / PER_SUITE;
  const rand = rng(seed);
  const w = writer(path);
  await w.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jest tests" tests="${tests}" failures="0" errors="0" time="812.5">\n`,
  );
  for (let s = 0; s < SUITES; s += 1) {
    const cls = suiteName(s);
    await w.write(
      `  <testsuite name="${cls}" errors="0" failures="0" skipped="0" timestamp="2026-01-01T00:00:00" time="3.21" tests="${PER_SUITE}" file="src/module${s % 40}/feature${s}.test.ts">\n`,
    );
    for (let t = 0; t < PER_SUITE; t += 1) {
      const r = rand();
      // One test per suite renamed: removed on the candidate (base name) and added (new name).
      const name = seed === 2 && t === PER_SUITE - 1 ? `${testName(s, t)}Renamed` : testName(s, t);
      const head = `    <testcase classname="${cls}" name="${name}" time="${(r * 0.5).toFixed(3)}">\n`;
      const failure = `      <failure>${escapeXml(`Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 500\n${stack(cls, 30)}`)}</failure>\n`;
      if (r < 0.02) {
        await w.write(`${head}${failure}    </testcase>\n`);
      } else if (r < 0.025) {
        // Retried: a failed testcase, then the passing one.
        await w.write(`${head}${failure}    </testcase>\n${head}    </testcase>\n`);
      } else if (r < 0.035) {
        await w.write(`${head}      <skipped/>\n    </testcase>\n`);
      } else {
        await w.write(
          `${head}      <system-out>${escapeXml(`console.log\n    rendered component ${t} with props {"id":${t}}\n`.repeat(2))}</system-out>\n    </testcase>\n`,
        );
      }
    }
    await w.write("  </testsuite>\n");
  }
  await w.write("</testsuites>\n");
  await w.end();
}

/**
 * jest-junit with its default templates: 100 tests per suite, `classname` equal to `name`
 * ("{classname} {title}" for both), `time` only, no system-out, one short failure per ~1,000
 * tests (about 177 bytes per testcase). `seed` 3 is the base, 4 the candidate: the same tests,
 * failing in different places; the candidate renames one test in every 50 suites.
 */
export async function generateJestJunit(path: string, tests = TESTS, seed = 3): Promise<void> {
  const rand = rng(seed);
  const w = writer(path);
  const suites = tests / PER_SUITE;
  await w.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jest tests" tests="${tests}" failures="0" errors="0" time="812.5">\n`,
  );
  for (let s = 0; s < suites; s += 1) {
    const describe = `CheckoutFeature${s}`;
    await w.write(
      `  <testsuite name="${describe}" errors="0" failures="0" skipped="0" timestamp="2026-01-01T00:00:00" time="3.21" tests="${PER_SUITE}">\n`,
    );
    for (let t = 0; t < PER_SUITE; t += 1) {
      const r = rand();
      const renamed = seed !== 3 && t === PER_SUITE - 1 && s % 50 === 0;
      const title = `${describe} handles scenario ${t}${renamed ? " again" : ""} when input is ok`;
      const time = (r * 0.05).toFixed(3);
      if (r < 0.001) {
        await w.write(
          `    <testcase classname="${title}" name="${title}" time="${time}">\n      <failure>Error: expect(received).toBe(expected)\n\nExpected: 200\nReceived: 500</failure>\n    </testcase>\n`,
        );
      } else {
        await w.write(`    <testcase classname="${title}" name="${title}" time="${time}">\n    </testcase>\n`);
      }
    }
    await w.write("  </testsuite>\n");
  }
  await w.write("</testsuites>\n");
  await w.end();
}
