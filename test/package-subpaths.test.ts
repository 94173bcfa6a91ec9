/**
 * The subpath entries (`@codexrel/testkit/github`, `@codexrel/core/errors`, ...): tsconfig `paths`
 * maps each one to its source as package.json `exports` declares it, and each loads only its part
 * (what a module imports at load time, following the sources; type-only imports are erased).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { workspaceEntries } from "../scripts/package-entries.js";

const root = join(import.meta.dirname, "..");
const entries = workspaceEntries(join(root, "packages"));
const sourceOf = new Map(entries.map((e) => [e.specifier, join(e.dir, "src", `${e.name}.ts`)]));

/** The modules a source file imports when it loads: relative paths and bare specifiers. */
function runtimeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      const typeOnly =
        c?.isTypeOnly ||
        (c && !c.name && c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0
          ? c.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) out.push((st.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
      out.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

/** The bare packages (`yaml`, `@actions/workflow-parser`) a workspace entry loads, transitively. */
function loadedPackages(specifier: string): Set<string> {
  const start = sourceOf.get(specifier);
  if (!start) throw new Error(`${specifier} is not a workspace entry`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) {
        const base = resolve(dirname(file), spec.replace(/\.js$/, ""));
        const found = [`${base}.ts`, join(base, "index.ts")].find((f) => existsSync(f));
        if (found) visit(found);
      } else if (sourceOf.has(spec)) {
        visit(sourceOf.get(spec) as string);
      } else if (!spec.startsWith("node:")) {
        packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string));
      }
    }
  };
  visit(start);
  return packages;
}

test("tsconfig paths map every exported entry, and only those, to its source", () => {
  const read = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile);
  const paths = (read.config as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
  const expected = Object.fromEntries(
    entries.map((e) => [
      e.specifier,
      [
        `./${relative(root, join(e.dir, "src", `${e.name}.ts`))
          .split(sep)
          .join("/")}`,
      ],
    ]),
  );
  expect(paths).toEqual(expected);
  for (const [, [file]] of Object.entries(paths)) expect(existsSync(join(root, file as string)), file).toBe(true);
});

describe("each subpath loads only its part", () => {
  test("the testkit's fake GitHub, fake OpenAI and canaries do not load GitHub's workflow parser", () => {
    for (const sub of ["github", "openai", "canary"]) {
      const loaded = loadedPackages(`@codexrel/testkit/${sub}`);
      expect(loaded.has("@actions/workflow-parser"), sub).toBe(false);
      expect(loaded.has("@actions/expressions"), sub).toBe(false);
    }
    // The same walk finds the parser where it is: the action harness and the root.
    expect(loadedPackages("@codexrel/testkit/actions").has("@actions/workflow-parser")).toBe(true);
    expect(loadedPackages("@codexrel/testkit").has("@actions/workflow-parser")).toBe(true);
  });

  test("core's errors load no schema validator; its schemas and renderers do", () => {
    expect([...loadedPackages("@codexrel/core/errors")]).toEqual([]);
    expect(loadedPackages("@codexrel/core/schemas").has("ajv")).toBe(true);
    expect(loadedPackages("@codexrel/core/render").has("yaml")).toBe(false);
    expect(loadedPackages("@codexrel/core").has("yaml")).toBe(true);
  });
});
