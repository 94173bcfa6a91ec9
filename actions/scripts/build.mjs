#!/usr/bin/env node
// Bundles every actions/src/<name>.ts into actions/dist/<name>.js: one self-contained ESM file
// per action, so an action runs with the runner's `node` and nothing installed.
// `--check` rebuilds into a temp folder and fails when the committed dist differs (stale).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const srcDir = join(root, "src");
const distDir = join(root, "dist");
const check = process.argv.includes("--check");

const entries = existsSync(srcDir)
  ? readdirSync(srcDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("_"))
  : [];

const outDir = check ? mkdtempSync(join(tmpdir(), "codexrel-actions-dist-")) : distDir;
mkdirSync(outDir, { recursive: true });
await Promise.all(
  entries.map((file) =>
    build({
      entryPoints: [join(srcDir, file)],
      outfile: join(outDir, `${basename(file, ".ts")}.js`),
      bundle: true,
      platform: "node",
      target: "node20",
      format: "esm",
      // Resolve workspace packages from their TypeScript sources (the `source` export condition),
      // so the bundle never depends on a separately built dist.
      conditions: ["source"],
      // Paths in the bundle's comments are relative to this: pin it so the output (and the staleness
      // check) does not depend on the directory the build is started from.
      absWorkingDir: root,
      legalComments: "none",
      logLevel: "warning",
      // Some dependencies are CommonJS and call require(); give the ESM bundle one.
      banner: {
        js: "// Bundled by actions/scripts/build.mjs; do not edit.\nimport { createRequire as __codexrelCreateRequire } from 'node:module';\nconst require = __codexrelCreateRequire(import.meta.url);",
      },
    }),
  ),
);

if (check) {
  const expected = new Set(entries.map((f) => `${basename(f, ".ts")}.js`));
  const committed = existsSync(distDir) ? readdirSync(distDir).filter((f) => f.endsWith(".js")) : [];
  const stale = [];
  for (const name of expected) {
    const fresh = readFileSync(join(outDir, name), "utf8");
    const current = existsSync(join(distDir, name)) ? readFileSync(join(distDir, name), "utf8") : null;
    if (fresh !== current) stale.push(name);
  }
  for (const name of committed) if (!expected.has(name)) stale.push(`${name} (no source)`);
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(
      `actions/dist is stale: ${stale.join(", ")}\nRun \`pnpm --filter @codexrel/actions build\` and commit actions/dist.`,
    );
    process.exit(1);
  }
  console.log(`actions/dist is fresh (${expected.size} entries)`);
} else {
  writeFileSync(join(distDir, ".gitattributes"), "*.js linguist-generated=true -diff\n");
  console.log(`bundled ${entries.length} action entries into actions/dist`);
}
