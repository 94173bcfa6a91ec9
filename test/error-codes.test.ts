/**
 * Every error code the sources throw is in a registry (`*ErrorCodes` in the package's errors
 * module or beside the code that throws it), so a caller can match on it and the README tables
 * can list it. A code written as a string literal at the throw is the way one slips past.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") out.push(...sources(path));
    } else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const files = [
  ...readdirSync(join(root, "packages")).flatMap((p) => {
    try {
      return sources(join(root, "packages", p, "src"));
    } catch {
      return [];
    }
  }),
  ...sources(join(root, "actions", "src")),
];

/** Codes of every `export const <Name>ErrorCodes = { CODE: "CODE", ... }` block. */
function registered(texts: string[]): Set<string> {
  const codes = new Set<string>();
  for (const text of texts) {
    for (const block of text.matchAll(/export const \w*ErrorCodes = \{([\s\S]*?)\n\}/g)) {
      for (const m of (block[1] as string).matchAll(/^\s+([A-Z][A-Z0-9_]*):\s*"([A-Z0-9_]+)"/gm))
        codes.add(m[2] as string);
    }
  }
  return codes;
}

/** Codes given as string literals to CodexrelError, with where. */
function literalCodes(path: string, text: string): Array<{ code: string; where: string }> {
  return [...text.matchAll(/new CodexrelError\(\s*"([A-Z][A-Z0-9_]*)"/g)].map((m) => ({
    code: m[1] as string,
    where: `${path.slice(root.length + 1)}:${text.slice(0, m.index).split("\n").length}`,
  }));
}

function unregistered(entries: Array<{ path: string; text: string }>): string[] {
  const codes = registered(entries.map((e) => e.text));
  return entries
    .flatMap((e) => literalCodes(e.path, e.text).filter((c) => !codes.has(c.code)))
    .map((c) => `${c.code} (${c.where})`);
}

test("every code thrown as a literal is in a registry", () => {
  const entries = files.map((path) => ({ path, text: readFileSync(path, "utf8") }));
  expect(registered(entries.map((e) => e.text)).size).toBeGreaterThan(50);
  expect(unregistered(entries)).toEqual([]);
});

test("the scan finds an unregistered code, and accepts a registered one", () => {
  const registry = 'export const DemoErrorCodes = {\n  DEMO_OK: "DEMO_OK",\n} as const;\n';
  const thrower = 'throw new CodexrelError("DEMO_OK", "fine");\nthrow new CodexrelError(\n  "DEMO_MISSING", "no");\n';
  expect(
    unregistered([
      { path: join(root, "a.ts"), text: registry },
      { path: join(root, "b.ts"), text: thrower },
    ]),
  ).toEqual(["DEMO_MISSING (b.ts:2)"]);
});
