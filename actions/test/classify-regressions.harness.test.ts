/**
 * actions/classify-regressions run through its action.yml by the action harness: two workflow
 * runs sharing one cache, as on GitHub. A push to the default branch stages and saves its test
 * results under its commit SHA; a pull request on top restores them by its base SHA and classifies
 * against them. Then advisory mode with a broken dependency (a malformed report) still exits 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { afterEach, describe, expect, it } from "vitest";

const BASE_SHA = "a".repeat(40);
const repository = { full_name: "acme/shop", name: "shop", owner: { login: "acme" }, default_branch: "main" };

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

const harnesses: ActionHarness[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function job(event: { name: string; payload: Record<string, unknown> }, sha: string, cacheDir: string): ActionHarness {
  const h = createActionHarness({
    event,
    github: { repository: "acme/shop", sha, ref: event.name === "push" ? "refs/heads/main" : "refs/pull/5/merge" },
    cacheDir,
  });
  harnesses.push(h);
  return h;
}

describe("actions/classify-regressions through action.yml", () => {
  it("end to end: main saves its results by SHA; the PR restores them by its base SHA and classifies", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "codexrel-cache-"));
    dirs.push(cacheDir);

    const main = job({ name: "push", payload: { ref: "refs/heads/main", repository } }, BASE_SHA, cacheDir);
    writeFileSync(join(main.paths.workspace, "results.xml"), suite({ totals: "pass", taxes: "fail", coupons: "pass" }));
    const saved = await main.run("classify-regressions", { inputs: { candidate: "results.xml" } });
    expect(saved.conclusion).toBe("success");
    expect(main.cache.entries().map((e) => e.key)).toEqual([`codexrel-test-results-${BASE_SHA}`]);

    const pr = job(
      {
        name: "pull_request",
        payload: {
          action: "synchronize",
          number: 5,
          repository,
          pull_request: {
            number: 5,
            base: { sha: BASE_SHA, ref: "main" },
            head: { sha: "b".repeat(40), ref: "feature" },
          },
        },
      },
      "c".repeat(40),
      cacheDir,
    );
    writeFileSync(join(pr.paths.workspace, "results.xml"), suite({ totals: "fail", taxes: "fail", coupons: "pass" }));
    const r = await pr.run("classify-regressions", { inputs: { candidate: "results.xml" } });
    expect(r.conclusion).toBe("success"); // advisory by default: a blocking class is reported, not failed
    expect(r.outputs).toMatchObject({
      "baseline-available": "true",
      new: "1",
      known: "1",
      passed: "1",
      "error-code": "",
    });
    expect(r.outputs.decision).toBeTruthy();
    expect(r.summary).toContain("New regressions (1)");
    expect(r.annotations.some((a) => a.file === "src/cart.test.ts" && a.line === 12)).toBe(true);

    const blocking = await pr.run("classify-regressions", { inputs: { candidate: "results.xml", mode: "blocking" } });
    expect(blocking.conclusion).toBe("failure");
  });

  it("advisory with a broken dependency (a malformed report): the failure is in outputs and summary, exit 0", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "codexrel-cache-"));
    dirs.push(cacheDir);
    const h = job({ name: "push", payload: { ref: "refs/heads/feature", repository } }, "d".repeat(40), cacheDir);
    writeFileSync(join(h.paths.workspace, "results.xml"), "<testsuite><testcase name='x'>");
    const r = await h.run("classify-regressions", { inputs: { candidate: "results.xml" } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs["error-code"]).toBe("JUNIT_MALFORMED");
    expect(r.summary).toContain("JUNIT_MALFORMED");
  });
});
