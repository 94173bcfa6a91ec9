import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");

test("the README quick start has exactly two commands, and .ci/run runs the test command verbatim", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Map"));
  const commands = [...quickStart.matchAll(/```sh\n([^\n]+)\n\s*```/g)].map((m) => m[1]!.trim());
  expect(commands).toHaveLength(2);
  const [demo, tests] = commands as [string, string];
  expect(demo).toMatch(/pnpm demo$/);
  const ci = readFileSync(join(root, ".ci/run"), "utf8")
    .split("\n")
    .map((l) => l.trim());
  expect(ci).toContain(tests);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  for (const script of ["build", "test", "lint", "bench", "demo"]) expect(pkg.scripts[script]).toBeTruthy();
});

test(".ci/run and ci.yml test on the same Node majors: the suite on 20 and 24, the demo on 22", () => {
  const ci = readFileSync(join(root, ".ci/run"), "utf8");
  expect(ci).toMatch(/node24="\$\(bash \.ci\/node-major 24\)"[\s\S]*PATH="\$node24:\$PATH" pnpm test/);
  expect(ci).toMatch(/node22="\$\(bash \.ci\/node-major 22\)"[\s\S]*PATH="\$node22:\$PATH" demo/);
  const workflow = parse(readFileSync(join(root, ".github/workflows/ci.yml"), "utf8")) as {
    jobs: Record<
      string,
      { strategy?: { matrix?: { node?: number[] } }; steps: { with?: { "node-version"?: unknown }; run?: string }[] }
    >;
  };
  expect(workflow.jobs["test"]?.strategy?.matrix?.node).toEqual([20, 24]);
  expect(workflow.jobs["test"]?.steps.at(-1)?.run).toBe("bash .ci/run test");
  expect(workflow.jobs["demo"]?.steps.find((s) => s.with?.["node-version"])?.with?.["node-version"]).toBe(22);
  expect(workflow.jobs["demo"]?.steps.at(-1)?.run).toBe("bash .ci/run demo");
  expect(workflow.jobs["checks"]?.steps.at(-1)?.run).toBe("bash .ci/run checks");
  // Engines state what is tested, the same in every package a user installs.
  const manifests = ["package.json", ...readdirSync(join(root, "packages")).map((d) => `packages/${d}/package.json`)];
  for (const file of manifests) {
    const engines = JSON.parse(readFileSync(join(root, file), "utf8")).engines?.node;
    expect(engines, file).toBe("^20.19.0 || ^22.12.0 || >=24");
  }
});
