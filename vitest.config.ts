import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { workspaceEntries } from "./scripts/package-entries.js";

// Tests import workspace packages from their TypeScript sources, so `pnpm test` needs no build
// and a stale dist can never hide a failing test. Built outputs are checked by the CLI/e2e tests.
// Every entry in a package's `exports` (`@codexrel/core`, `@codexrel/testkit/github`, ...) maps to
// its src/<name>.ts, as tsconfig `paths` does for tsc and tsx.
const alias = workspaceEntries(join(import.meta.dirname, "packages")).map((e) => ({
  find: new RegExp(`^${e.specifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
  replacement: join(e.dir, "src", `${e.name}.ts`),
}));

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
    // let Vite transform it. Only @codexrel/testkit/actions (the action harness and workflow runner)
    // and the testkit root load it: tests that import /github, /openai or /canary never do.
    server: { deps: { inline: [/@actions\/workflow-parser/] } },
  },
});
