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
  plugins: [
    {
      // The published @actions/workflow-parser dist points its source maps at files it does not ship;
      // load it without them so Vite does not warn once per module.
      name: "workflow-parser-without-sourcemaps",
      enforce: "pre",
      load(id) {
        const file = id.split("?")[0] ?? id;
        if (!/[\\/]@actions[\\/]workflow-parser[\\/]dist[\\/].*\.js$/.test(file)) return null;
        return readFileSync(file, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
      },
    },
  ],
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
    reporters: ["default", "./test/plain-summary-reporter.ts"],
    // GitHub's workflow parser imports JSON without import attributes, which Node refuses as ESM;
    // let Vite transform it (the testkit's action harness uses it).
    server: { deps: { inline: [/@actions\/workflow-parser/] } },
  },
});
