/**
 * What each public package's tarball holds, packed as `pnpm changeset publish` packs it
 * (`pnpm pack`): dist and the files it names, never the TypeScript sources or tests, always the
 * LICENSE, and a file behind every `exports`, `main`, `types` and `bin` target. Needs `pnpm build`
 * first (the suite's command builds before it tests).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readPackageJson, workspacePackageDirs } from "../scripts/package-entries.js";

const root = join(import.meta.dirname, "..");
const run = promisify(execFile);

interface Manifest {
  name: string;
  private?: boolean;
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
}

/** Every file path an `exports` value points at, through nested conditions. */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Every file the manifest promises a consumer, as tarball paths (no leading `./`). */
function promisedFiles(pkg: Manifest): string[] {
  const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
  const all = [...exportTargets(pkg.exports), pkg.main, pkg.types, ...bins].filter((f): f is string => Boolean(f));
  return [...new Set(all.map((f) => f.replace(/^\.\//, "")))].sort();
}

/** What is wrong with one packed tarball (empty when nothing is). */
function tarballProblems(pkg: Manifest, files: readonly string[]): string[] {
  const out: string[] = [];
  const packed = new Set(files);
  for (const f of files) {
    if (f.startsWith("src/")) out.push(`${pkg.name}: ships source ${f}`);
    if (/(^|\/)(test|tests|__tests__|__snapshots__)\/|\.(test|spec)\.[cm]?[jt]sx?$/.test(f)) {
      out.push(`${pkg.name}: ships test file ${f}`);
    }
  }
  if (!packed.has("LICENSE")) out.push(`${pkg.name}: no LICENSE in the tarball`);
  for (const f of promisedFiles(pkg)) if (!packed.has(f)) out.push(`${pkg.name}: ${f} is promised but not packed`);
  for (const t of exportTargets(pkg.exports)) {
    if (/\.[cm]?ts$/.test(t) && !/\.d\.[cm]?ts$/.test(t)) out.push(`${pkg.name}: an export points at source ${t}`);
  }
  return out;
}

const publicDirs = workspacePackageDirs(join(root, "packages")).filter((dir) => !readPackageJson(dir).private);
const packed = new Map<string, { pkg: Manifest; files: string[] }>();
let destination = "";

beforeAll(async () => {
  destination = mkdtempSync(join(tmpdir(), "codexrel-pack-"));
  await Promise.all(
    publicDirs.map(async (dir) => {
      const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", destination], { cwd: dir });
      const result = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
      packed.set(dir, { pkg: readPackageJson(dir) as Manifest, files: result.files.map((f) => f.path) });
    }),
  );
}, 120_000);

afterAll(() => {
  if (destination) rmSync(destination, { recursive: true, force: true });
});

describe("public package tarballs", () => {
  test("there are public packages to check", () => {
    expect(publicDirs.length).toBeGreaterThan(5);
  });

  test.each(publicDirs.map((dir) => [relative(root, dir), dir]))(
    "%s: dist only, a LICENSE, every export packed (run `pnpm build` first)",
    (_name, dir) => {
      const p = packed.get(dir);
      expect(p).toBeDefined();
      if (!p) return;
      expect(tarballProblems(p.pkg, p.files)).toEqual([]);
      expect(p.files.some((f) => f.startsWith("dist/"))).toBe(true);
    },
  );
});

test("the check catches sources, tests, a missing LICENSE, an unpacked or a source export target", () => {
  const pkg: Manifest = {
    name: "@codexrel/example",
    main: "./dist/index.js",
    bin: { example: "./dist/bin.js" },
    exports: {
      ".": { source: "./src/index.ts", types: "./dist/index.d.ts", import: "./dist/index.js" },
      "./sub": { types: "./dist/sub.d.ts", import: "./dist/sub.js" },
    },
  };
  const good = ["LICENSE", "dist/index.js", "dist/index.d.ts", "dist/sub.js", "dist/sub.d.ts", "dist/bin.js"];
  const withoutSource = { ...pkg, exports: { ...(pkg.exports as object), ".": { import: "./dist/index.js" } } };
  expect(tarballProblems(withoutSource, good)).toEqual([]);
  const found = tarballProblems(pkg, [...good.filter((f) => f !== "LICENSE" && f !== "dist/sub.js"), "src/index.ts"]);
  expect(found).toEqual([
    "@codexrel/example: ships source src/index.ts",
    "@codexrel/example: no LICENSE in the tarball",
    "@codexrel/example: dist/sub.js is promised but not packed",
    "@codexrel/example: an export points at source ./src/index.ts",
  ]);
  expect(tarballProblems(withoutSource, [...good, "dist/a.test.js", "test/fixtures/x.xml"])).toEqual([
    "@codexrel/example: ships test file dist/a.test.js",
    "@codexrel/example: ships test file test/fixtures/x.xml",
  ]);
});
