/**
 * Every error code the sources throw is in a registry (`*ErrorCodes` in the package's errors
 * module or beside the code that throws it), so a caller can match on it and the README tables
 * can list it. A code written as a string literal at the throw, or passed through a helper or a
 * subclass, is the way one slips past; error-code-scan.ts follows it there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { type SourceText, scanErrorCodes } from "./error-code-scan.js";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") out.push(...sources(path));
    } else if (/\.[cm]?tsx?$/.test(name) && !/\.d\.[cm]?ts$/.test(name)) out.push(path);
  }
  return out;
}

const packages = readdirSync(join(root, "packages")).filter((p) =>
  existsSync(join(root, "packages", p, "package.json")),
);
const files = [
  ...packages.flatMap((p) =>
    existsSync(join(root, "packages", p, "src")) ? sources(join(root, "packages", p, "src")) : [],
  ),
  ...sources(join(root, "actions", "src")),
];
const rel = (path: string) => relative(root, path);
const scan = (entries: SourceText[]) => scanErrorCodes(entries, rel);

test("the scan reads every package's src and actions/src", () => {
  const scanned = new Set(files.map((f) => rel(f).split("/").slice(0, 2).join("/")));
  for (const p of packages) {
    if (existsSync(join(root, "packages", p, "src"))) expect(scanned, p).toContain(`packages/${p}`);
  }
  expect(scanned).toContain("actions/src");
  expect(packages.length).toBeGreaterThanOrEqual(13);
});

test("every code thrown is in a registry", () => {
  const result = scan(files.map((path) => ({ path, text: readFileSync(path, "utf8") })));
  expect(result.registered.size).toBeGreaterThan(50);
  // Every `new CodexrelError(` and every call of a helper that passes a code on.
  expect(result.sites).toBeGreaterThan(200);
  expect(result.problems).toEqual([]);
});

test("the scan follows codes through helpers and subclasses, and refuses codes built at run time", () => {
  const registry = [
    "export const DemoErrorCodes = {",
    '  DEMO_OK: "DEMO_OK",',
    '  DEMO_OTHER: "DEMO_OTHER",',
    "} as const;",
    "",
  ].join("\n");
  const thrower = [
    'import { DemoErrorCodes as Codes } from "./a.js";',
    'throw new CodexrelError("DEMO_OK", "fine");', // 2
    'throw new CodexrelError(\n  "DEMO_MISSING", "no");', // 3-4
    "const make = (code: string, message: string) => new CodexrelError(code, message, { hint });", // 5
    'make("DEMO_VIA_HELPER", "no");', // 6
    "export function fail(what: string, code: string) { return make(code, what); }", // 7
    'fail("a message", "DEMO_TWO_STEPS");', // 8
    "class DemoError extends CodexrelError { constructor(message: string, code: string) { super(code, message, { hint }); } }", // 9
    'new DemoError("m", "DEMO_SUBCLASS");', // 10
    "class Quiet extends DemoError {}", // 11
    'new Quiet("m", "DEMO_INHERITED");', // 12
    'new CodexrelError(x ? "DEMO_OK" : "DEMO_BRANCH", "m");', // 13
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test, not a template
    "new CodexrelError(`DEMO_${kind}`, 'm');", // 14
    "new CodexrelError(Codes.DEMO_OTHER, 'm'); new CodexrelError(Codes.DEMO_NOPE, 'm');", // 15
    'const CODE = "DEMO_CONST"; new CodexrelError(CODE, "m");', // 16
    'function toCoded(e: unknown, fallback = "DEMO_DEFAULT") { return new CodexrelError(fallback, "m"); }', // 17
    "codes.map((c) => new CodexrelError(c, 'm')); new CodexrelError(DemoErrorCodes[key], 'm');", // 18
    'make(Codes.DEMO_OK, "fine"); fail("fine", "DEMO_OK");', // 19
  ].join("\n");
  const result = scan([
    { path: join(root, "a.ts"), text: registry },
    { path: join(root, "b.ts"), text: thrower },
  ]);
  expect(result.problems).toEqual([
    "DEMO_MISSING (b.ts:4)",
    "DEMO_VIA_HELPER (b.ts:6)",
    "DEMO_TWO_STEPS (b.ts:8)",
    "DEMO_SUBCLASS (b.ts:10)",
    "DEMO_INHERITED (b.ts:12)",
    "DEMO_BRANCH (b.ts:13)",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test, not a template
    "`DEMO_${kind}` (b.ts:14)",
    "Codes.DEMO_NOPE (b.ts:15)",
    "DEMO_CONST (b.ts:16)",
    "c (b.ts:18)",
    "DEMO_DEFAULT (b.ts:17)",
  ]);
  // A helper the file does not export is that file's own: another file's `make(...)` is not a throw.
  const other = scan([
    { path: join(root, "a.ts"), text: registry },
    { path: join(root, "b.ts"), text: thrower },
    { path: join(root, "c.ts"), text: 'make("not a code", 1); fail("m", "DEMO_ELSEWHERE");' },
  ]);
  expect(other.problems.filter((p) => p.includes("c.ts"))).toEqual(["DEMO_ELSEWHERE (c.ts:1)"]);
});
