// Bundles the benchmark (and the workspace packages from their sources) into one plain-node
// script, so every measured child starts the same bare `node`, without a TypeScript loader.
// The root tsconfig's `paths` map @codexrel/* to packages/*/src, and esbuild follows them.
import { build } from "esbuild";

await build({
  entryPoints: [new URL("./classify.ts", import.meta.url).pathname],
  outfile: new URL("./out/classify.mjs", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: new URL("../tsconfig.json", import.meta.url).pathname,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
