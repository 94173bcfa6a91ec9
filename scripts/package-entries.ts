/**
 * The code entry points of the workspace packages, read from each package.json's `exports`: the
 * subpath whose `import` is `./dist/<name>.js` is built from `src/<name>.ts`. tsup.base.ts builds
 * these, vitest.config.ts aliases them to their sources, and test/packages-pack.test.ts checks the
 * tsconfig `paths` list against them, so a new subpath needs only its line in `exports`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PackageEntry {
  /** What an import names: `@codexrel/core`, `@codexrel/testkit/github`. */
  specifier: string;
  /** The file name in dist/ and src/: `index`, `github`. */
  name: string;
  /** The package folder. */
  dir: string;
}

type ExportTarget = string | { import?: string } | null;

interface PackageJson {
  name: string;
  private?: boolean;
  exports?: Record<string, ExportTarget>;
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

/** One package's code entries (schema files and `./package.json` are not code entries). */
export function packageEntries(dir: string): PackageEntry[] {
  const pkg = readPackageJson(dir);
  return Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) => {
    const file = typeof target === "string" ? target : target?.import;
    const name = file?.match(/^\.\/dist\/(.+)\.js$/)?.[1];
    if (!name) return [];
    return [{ specifier: subpath === "." ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, "")}`, name, dir }];
  });
}

/** The folders under packages/ that hold a package.json. */
export function workspacePackageDirs(packagesDir: string): string[] {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(packagesDir, d.name))
    .filter((dir) => {
      try {
        readPackageJson(dir);
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

/** Every code entry of every workspace package. */
export function workspaceEntries(packagesDir: string): PackageEntry[] {
  return workspacePackageDirs(packagesDir).flatMap(packageEntries);
}
