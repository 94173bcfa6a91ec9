/**
 * The one tsup setup every package builds with (ESM + bundled `.d.ts` for Node >= 20). A package's
 * tsup.config.ts calls this, passing only what differs (e.g. the CLI's extra `bin` entry).
 */
import { defineConfig, type Options } from "tsup";

export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: true,
    clean: true,
    sourcemap: true,
    ...overrides,
  });
}
