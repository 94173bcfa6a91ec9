/**
 * Reports produced here by real runners (vitest's junit reporter and `node --test` with its junit
 * reporter) for a base and a candidate version of a small project, then classified. The candidate
 * has a regression, a known failure, a fixed test, an added and a removed test, a skipped test,
 * and a test that fails once and passes on the re-run.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createReport, finalizeReport, renderComment, validateReport } from "@codexrel/core";
import { classifyReports } from "@codexrel/regressions";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const vitestBin = join(repoRoot, "node_modules/vitest/vitest.mjs");
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "codexrel-runners-"));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST" && k !== "NODE_TEST_CONTEXT") env[k] = v;
  }
  env.CI = "true";
  env.NO_COLOR = "1";
  return env;
}

function exec(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, env: cleanEnv(), timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      done({ code, out: `${stdout}${stderr}` });
    });
  });
}

type Version = "base" | "candidate";

/** The project's test file for one version; `flakyMarker` makes one test fail on its first run only. */
function testSource(version: Version, api: "vitest" | "node:test", flakyMarker: string): string {
  const imports =
    api === "vitest"
      ? `import { describe, test, expect } from "vitest";\nconst eq = (a, b) => expect(a).toBe(b);`
      : `import { describe, test } from "node:test";\nimport assert from "node:assert/strict";\nconst eq = (a, b) => assert.equal(a, b);`;
  const add = version === "base" ? "(a, b) => a + b" : "(a, b) => a + b + (a === 2 ? 1 : 0)"; // regression for 2+x
  const mul = version === "base" ? "(a, b) => a * b + 1" : "(a, b) => a * b"; // fixed in the candidate
  const lines = [
    imports,
    `import { existsSync, writeFileSync } from "node:fs";`,
    `const add = ${add};`,
    `const mul = ${mul};`,
    `describe("calc", () => {`,
    `  test("adds small numbers", () => eq(add(1, 1), 2));`,
    `  test("adds two", () => eq(add(2, 2), 4));`,
    `  test("multiplies", () => eq(mul(2, 3), 6));`,
    `  test("divides by zero", () => eq(1 / 0, 0));`, // failing on both: known
    `  test("network", { skip: true }, () => {});`,
    `  test("sometimes slow", () => {`,
    `    if (${version === "candidate"} && !existsSync(${JSON.stringify(flakyMarker)})) {`,
    `      writeFileSync(${JSON.stringify(flakyMarker)}, "1");`,
    `      throw new Error("timed out waiting for the cache");`,
    `    }`,
    `  });`,
    version === "base" ? `  test("legacy api", () => eq(1, 1));` : `  test("new api", () => eq(add(3, 4), 7));`,
    `});`,
  ];
  if (api === "vitest") {
    return lines.join("\n").replace(`test("network", { skip: true }, () => {});`, `test.skip("network", () => {});`);
  }
  return lines.join("\n");
}

async function runVitest(version: Version, out: string, marker: string): Promise<number> {
  const dir = join(work, `vitest-${version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "vitest.config.mjs"), "export default { test: { include: ['*.test.mjs'] } };\n");
  writeFileSync(join(dir, "calc.test.mjs"), testSource(version, "vitest", marker));
  const r = await exec([vitestBin, "run", "--root", dir, "--reporter=junit", `--outputFile=${out}`], dir);
  return r.code;
}

async function runNodeTest(version: Version, out: string, marker: string): Promise<number> {
  const dir = join(work, `node-${version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "calc.test.mjs"), testSource(version, "node:test", marker));
  const r = await exec(["--test", "--test-reporter=junit", `--test-reporter-destination=${out}`, "calc.test.mjs"], dir);
  return r.code;
}

const expected = {
  "adds two": "new",
  "divides by zero": "known",
  multiplies: "fixed",
  "new api": "added",
  "legacy api": "removed",
  network: "skipped",
  "sometimes slow": "flaky",
  "adds small numbers": "passed",
};

describe.each([
  ["vitest", runVitest],
  ["node --test", runNodeTest],
] as const)("%s junit reports", (runner, runTests) => {
  test("base vs candidate (two attempts): one test of each class", async () => {
    const slug = runner.replace(/\W+/g, "-");
    const marker = join(work, `${slug}.flaky-marker`);
    const reports = join(work, `${slug}-reports`);
    mkdirSync(reports, { recursive: true });
    const base = join(reports, "base.xml");
    const attempt1 = join(reports, "candidate-1.xml");
    const attempt2 = join(reports, "candidate-2.xml");
    expect(await runTests("base", base, marker)).not.toBe(0); // "divides by zero" fails on the base too
    expect(await runTests("candidate", attempt1, marker)).not.toBe(0);
    expect(await runTests("candidate", attempt2, marker)).not.toBe(0);

    const result = await classifyReports({
      base: [base],
      candidate: [attempt1],
      candidateAttempts: [[attempt2]],
      baselineSource: "base run",
    });
    const byName = Object.fromEntries(result.section.tests.map((t) => [t.name.replace(/^calc > /, ""), t.class]));
    expect(byName).toEqual(expected);
    expect(result.blocked).toBe(true);

    const slow = result.section.tests.find((t) => t.name.endsWith("sometimes slow"))!;
    expect(slow.evidence).toBe("failed in attempt 1, passed in a later attempt (2)");
    expect(slow.firstLines?.join("\n") ?? slow.message).toMatch(/timed out waiting for the cache/);
    const regression = result.section.tests.find((t) => t.class === "new")!;
    expect(regression.firstLines?.join("\n") ?? regression.message).toMatch(/5|4/);

    const report = finalizeReport({ ...createReport({ tool: { version: "test" } }), regressions: result.section });
    expect(validateReport(report).valid).toBe(true);
    expect(renderComment(report)).toMatch(/New regressions \(1\)/);
  });

  test("without a base: failures are unknown-baseline", async () => {
    const slug = runner.replace(/\W+/g, "-");
    const out = join(work, `${slug}-nobase.xml`);
    await runTests("candidate", out, join(work, `${slug}.marker-nobase`));
    const result = await classifyReports({ candidate: [out] });
    expect(result.section.baseline.available).toBe(false);
    expect(result.section.counts.new).toBe(0);
    expect(result.section.counts.known).toBe(0);
    expect(result.section.counts["unknown-baseline"]).toBe(3); // adds two, divides by zero, sometimes slow
    expect(result.blocked).toBe(true); // unknown-baseline blocks by default
  });
});

test("vitest --retry: a test that fails on every retry stays a failure (repeated <failure> elements)", async () => {
  const dir = join(work, "vitest-retry");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "vitest.config.mjs"), "export default { test: { include: ['*.test.mjs'] } };\n");
  writeFileSync(
    join(dir, "r.test.mjs"),
    `import { test, expect } from "vitest";\ntest("always", () => expect(1).toBe(2));\ntest("fine", () => {});\n`,
  );
  const out = join(dir, "junit.xml");
  await exec([vitestBin, "run", "--root", dir, "--retry=2", "--reporter=junit", `--outputFile=${out}`], dir);
  const base = join(dir, "base.xml");
  writeFileSync(
    base,
    `<testsuites><testsuite name="r.test.mjs"><testcase classname="r.test.mjs" name="always"/><testcase classname="r.test.mjs" name="fine"/></testsuite></testsuites>`,
  );
  const result = await classifyReports({ base: [base], candidate: [out] });
  expect(Object.fromEntries(result.section.tests.map((t) => [t.name, t.class]))).toEqual({
    always: "new",
    fine: "passed",
  });
});
