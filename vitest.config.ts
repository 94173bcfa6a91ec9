import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Tests import workspace packages from their TypeScript sources, so `pnpm test` needs no build
// and a stale dist can never hide a failing test. Built outputs are checked by the CLI/e2e tests.
const packagesDir = join(import.meta.dirname, "packages");
const alias = readdirSync(packagesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    try {
      const pkg = JSON.parse(readFileSync(join(packagesDir, d.name, "package.json"), "utf8")) as { name: string };
      return [{ find: new RegExp(`^${pkg.name}$`), replacement: join(packagesDir, d.name, "src", "index.ts") }];
    } catch {
      return [];
    }
  });

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "actions/test/**/*.test.ts",
      "examples/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
