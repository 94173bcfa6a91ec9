/**
 * actions/classify-regressions: the bundled entry run as the composite step runs it (inputs via
 * INPUT_* env, outputs/summary through the runner's files), and the action.yml contract.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const root = resolve(import.meta.dirname, "..");
const entry = join(root, "dist/classify-regressions.js");

function suite(cases: Record<string, "pass" | "fail">): string {
  const body = Object.entries(cases)
    .map(([name, s]) =>
      s === "pass"
        ? `<testcase classname="app.Cart" name="${name}" file="src/cart.test.ts" line="3"/>`
        : `<testcase classname="app.Cart" name="${name}" file="src/cart.test.ts" line="12"><failure message="${name}: expected 3">AssertionError: expected 2 to be 3</failure></testcase>`,
    )
    .join("");
  return `<testsuites><testsuite name="app.Cart">${body}</testsuite></testsuites>`;
}

function runAction(inputs: Record<string, string>, argv: string[] = []) {
  const ws = mkdtempSync(join(tmpdir(), "codexrel-action-"));
  writeFileSync(join(ws, "base.xml"), suite({ totals: "pass", taxes: "fail", coupons: "pass" }));
  writeFileSync(join(ws, "candidate.xml"), suite({ totals: "fail", taxes: "fail", coupons: "pass" }));
  writeFileSync(join(ws, "broken.xml"), "<testsuite><testcase name='x'>");
  const outputFile = join(ws, "output.txt");
  const summaryFile = join(ws, "summary.md");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k}`] = v;
  const r = spawnSync(process.execPath, [entry, ...argv], { cwd: ws, env, encoding: "utf8" });
  const outputs: Record<string, string> = {};
  const raw = readFileSync(outputFile, "utf8");
  for (const m of raw.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return { code: r.status, stdout: r.stdout, outputs, summary: readFileSync(summaryFile, "utf8"), ws };
}

describe("classify-regressions entry", () => {
  test("advisory (default): outputs counts and the decision, writes a summary and annotations, exits 0", () => {
    const r = runAction({ CANDIDATE: "candidate.xml", BASE: "base.xml" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      decision: "block",
      new: "1",
      known: "1",
      passed: "1",
      "baseline-available": "true",
    });
    expect(r.summary).toContain("New regressions (1)");
    expect(r.stdout).toMatch(
      /^::error title=new%3A app\.Cart › totals,file=src\/cart\.test\.ts,line=12::passed on the base/m,
    );
    expect(r.stdout).toMatch(/^::notice title=known%3A app\.Cart › taxes,file=src\/cart\.test\.ts,line=12::/m);
    expect(r.stdout).toContain("advisory mode: not failing the job");
    expect(JSON.parse(readFileSync(r.outputs["report-path"]!, "utf8")).regressions.counts.new).toBe(1);
  });

  test("blocking mode fails the step when the policy blocks", () => {
    const r = runAction({ CANDIDATE: "candidate.xml", BASE: "base.xml", MODE: "blocking" });
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe("block");
  });

  test("no baseline: unknown-baseline, decision block (a cache miss is no pass), and the summary says why", () => {
    const env = { CANDIDATE: "candidate.xml", BASELINE_CACHE: "true", BASE_SHA: "a".repeat(40) };
    const r = runAction({ ...env, MODE: "blocking" });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ decision: "block", "unknown-baseline": "2", "baseline-available": "false" });
    expect(r.summary).toContain("no cached results for base commit aaaaaaaaaaaa");
    expect(r.summary).toContain("BASELINE_MISSING");
    const advisory = runAction(env);
    expect(advisory.code).toBe(0);
    expect(advisory.outputs).toMatchObject({ decision: "block" });
  });

  test("a malformed report: decision error with its code; advisory exits 0, blocking fails", () => {
    const advisory = runAction({ CANDIDATE: "broken.xml" });
    expect(advisory.code).toBe(0);
    expect(advisory.outputs).toMatchObject({ decision: "error", "error-code": "JUNIT_MALFORMED" });
    expect(runAction({ CANDIDATE: "broken.xml", MODE: "blocking" }).code).toBe(1);
  });

  test("an empty required input (candidate) or a bad value is a coded input error, reported like any other", () => {
    const empty = runAction({ CANDIDATE: " \n " });
    expect(empty.code).toBe(0);
    expect(empty.outputs).toMatchObject({ decision: "error", "error-code": "INPUT_REQUIRED" });
    expect(empty.summary).toContain("the candidate input is required and empty");
    const bad = runAction({ CANDIDATE: "candidate.xml", BLOCKING_CLASSES: "new, nope", MODE: "blocking" });
    expect(bad.code).toBe(1);
    expect(bad.outputs["error-code"]).toBe("INPUT_INVALID");
    expect(runAction({ CANDIDATE: "candidate.xml", BASELINE_CACHE: "yes" }).outputs["error-code"]).toBe(
      "INPUT_INVALID",
    );
  });

  test("--stage-baseline copies the candidate reports for the cache", () => {
    const r = runAction({ CANDIDATE: "candidate.xml\nbase.xml", BASELINE_DIR: ".codexrel/baseline" }, [
      "--stage-baseline",
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(r.ws, ".codexrel/baseline/00000-candidate.xml"), "utf8")).toContain("totals");
    expect(readFileSync(join(r.ws, ".codexrel/baseline/00001-base.xml"), "utf8")).toContain("coupons");
  });
});

describe("action.yml", () => {
  const action = parse(readFileSync(join(root, "classify-regressions/action.yml"), "utf8"));
  test("composite, node check first, inputs reach scripts only through env", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps[0].run).toContain("check-node.sh");
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toContain("${{");
    const classify = action.runs.steps.find((s: { id?: string }) => s.id === "classify");
    for (const name of Object.keys(action.inputs)) {
      if (name === "cache-key-prefix") continue; // used by the cache steps' `with:` only
      expect(Object.values(classify.env).join("\n")).toContain(`inputs.${name}`);
    }
  });
  test("every output is wired to the classify step", () => {
    for (const [name, out] of Object.entries(action.outputs as Record<string, { value: string }>)) {
      expect(out.value).toBe(`\${{ steps.classify.outputs.${name} }}`);
    }
  });
});
