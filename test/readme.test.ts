import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

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
