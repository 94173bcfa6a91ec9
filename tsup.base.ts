/**
 * The one tsup setup every package builds with (ESM + bundled `.d.ts` for Node >= 20). A package's
 * tsup.config.ts calls this, passing only what differs (e.g. the CLI's extra `bin` entry).
 */
import { defineConfig, type Options } from "tsup";
import { packageEntries } from "./scripts/package-entries.js";

/**
 * The entries the package's `exports` promise (`./dist/<name>.js` is built from `src/<name>.ts`),
 * so a subpath added to `exports` is built, and no export points at a file the build skips.
 */
export function exportedEntries(packageDir: string = process.cwd()): Record<string, string> {
  return Object.fromEntries(packageEntries(packageDir).map((e) => [e.name, `src/${e.name}.ts`]));
}

export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: exportedEntries(),
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: true,
    clean: true,
    sourcemap: true,
    ...overrides,
  });
}
