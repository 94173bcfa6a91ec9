#!/usr/bin/env node
// Bundles every actions/src/<name>.ts into actions/dist/<name>.js in ONE esbuild build with code
// splitting: what two or more entries share (@actions/core, octokit, the codexrel libraries) is
// written once, to actions/dist/chunks/<name>-<hash>.js, and the entries import it relatively. So an
// action still runs with the runner's `node` and nothing installed, but dist is a fraction of nine
// self-contained bundles. Chunk names carry a content hash: the same sources give the same files.
// `--check` rebuilds into a temp folder and fails when the committed dist differs: a file stale,
// missing, or left over (a chunk no entry imports any more).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = join(root, "..", "packages");
const srcDir = join(root, "src");
const distDir = join(root, "dist");
const CHUNKS = "chunks";
const check = process.argv.includes("--check");

const entries = existsSync(srcDir)
  ? readdirSync(srcDir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("_"))
      .sort()
  : [];

/** Workspace package name -> its directory, read from each packages/<dir>/package.json. */
function workspacePackages() {
  const out = new Map();
  for (const d of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    try {
      const pkg = JSON.parse(readFileSync(join(packagesDir, d.name, "package.json"), "utf8"));
      out.set(pkg.name, join(packagesDir, d.name));
    } catch {
      // not a package (no package.json)
    }
  }
  return out;
}

/**
 * Resolves `@codexrel/<pkg>` to packages/<dir>/src/index.ts and `@codexrel/<pkg>/<sub>` to
 * src/<sub>.ts (a code subpath) or <dir>/<sub> (a file such as schemas/x.json), so the bundle is
 * built from the TypeScript sources and never from a separately built (maybe stale) dist. It reads
 * the names from the package.json files, as vitest.config.ts does, and needs no export condition.
 */
function workspaceSources() {
  const packages = workspacePackages();
  return {
    name: "codexrel-workspace-sources",
    setup(b) {
      b.onResolve({ filter: /^@codexrel\// }, (args) => {
        const [scope, name, ...rest] = args.path.split("/");
        const dir = packages.get(`${scope}/${name}`);
        if (!dir) return { errors: [{ text: `${args.path}: no workspace package ${scope}/${name} in packages/` }] };
        const sub = rest.join("/");
        const candidates = sub
          ? [join(dir, "src", `${sub.replace(/\.js$/, "")}.ts`), join(dir, sub)]
          : [join(dir, "src", "index.ts")];
        const found = candidates.find((c) => existsSync(c));
        if (!found)
          return {
            errors: [{ text: `${args.path}: none of ${candidates.map((c) => relative(root, c)).join(", ")} exists` }],
          };
        return { path: found };
      });
    },
  };
}

/** Every file under dir, as dist-relative paths with `/` separators. */
function filesUnder(dir, prefix = "") {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

const outDir = check ? mkdtempSync(join(tmpdir(), "codexrel-actions-dist-")) : distDir;
// A fresh folder each time: a chunk of an earlier build that no entry imports must not linger.
if (!check) for (const f of filesUnder(distDir)) if (f.endsWith(".js")) rmSync(join(distDir, f));
rmSync(join(outDir, CHUNKS), { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

await build({
  entryPoints: entries.map((file) => join(srcDir, file)),
  outdir: outDir,
  // dist/<name>.js stays the entry's path (the action.yml files and the worker run it); what the
  // entries share goes to dist/chunks/ with a content hash, so its name changes only with its code.
  entryNames: "[name]",
  chunkNames: `${CHUNKS}/[name]-[hash]`,
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  plugins: [workspaceSources()],
  // Paths in the bundle's comments are relative to this: pin it so the output (and the staleness
  // check) does not depend on the directory the build is started from.
  absWorkingDir: root,
  legalComments: "none",
  logLevel: "warning",
  // Some dependencies are CommonJS and call require(); give every output file (chunks too: the
  // require shim lives in whichever chunk holds it) one of its own.
  banner: {
    js: "// Bundled by actions/scripts/build.mjs; do not edit.\nimport { createRequire as __codexrelCreateRequire } from 'node:module';\nconst require = __codexrelCreateRequire(import.meta.url);",
  },
});

if (check) {
  const fresh = filesUnder(outDir).filter((f) => f.endsWith(".js"));
  const committed = new Set(filesUnder(distDir).filter((f) => f.endsWith(".js")));
  const stale = [];
  for (const name of fresh) {
    const current = committed.has(name) ? readFileSync(join(distDir, name), "utf8") : null;
    if (current === null) stale.push(`${name} (missing)`);
    else if (readFileSync(join(outDir, name), "utf8") !== current) stale.push(name);
  }
  const expected = new Set(fresh);
  for (const name of committed) if (!expected.has(name)) stale.push(`${name} (not built any more)`);
  rmSync(outDir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(
      `actions/dist is stale: ${stale.join(", ")}\nRun \`pnpm --filter @codexrel/actions build\` and commit actions/dist.`,
    );
    process.exit(1);
  }
  console.log(`actions/dist is fresh (${entries.length} entries, ${fresh.length - entries.length} shared chunks)`);
} else {
  writeFileSync(join(distDir, ".gitattributes"), "*.js linguist-generated=true -diff\n");
  const chunks = filesUnder(join(distDir, CHUNKS)).length;
  console.log(`bundled ${entries.length} action entries and ${chunks} shared chunks into actions/dist`);
}
