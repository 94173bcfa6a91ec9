import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import parse from "@changesets/parse";
import { expect, test } from "vitest";

const root = join(import.meta.dirname, "..");

function workspacePackages(): Map<string, { private: boolean }> {
  const out = new Map<string, { private: boolean }>();
  for (const dir of ["packages", "actions", "bench", "examples"]) {
    const base = join(root, dir);
    const candidates = dir === "packages" || dir === "examples" ? readdirSync(base).map((d) => join(base, d)) : [base];
    for (const c of candidates) {
      try {
        const pkg = JSON.parse(readFileSync(join(c, "package.json"), "utf8"));
        out.set(pkg.name, { private: Boolean(pkg.private) });
      } catch {}
    }
  }
  return out;
}

/** What is wrong with one changeset's text (empty when nothing is). */
function problems(file: string, text: string, packages: Map<string, { private: boolean }>): string[] {
  const out: string[] = [];
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(text);
  } catch (error) {
    return [`${file}: does not parse: ${(error as Error).message}`];
  }
  if (parsed.releases.length === 0) out.push(`${file} names no package (frontmatter broken?)`);
  if (parsed.summary.trim() === "") out.push(`${file}: the summary is empty`);
  for (const r of parsed.releases) {
    if (!packages.has(r.name)) out.push(`${file}: unknown package ${r.name}`);
    else if (packages.get(r.name)?.private) out.push(`${file}: ${r.name} is private`);
  }
  return out;
}

// Zero pending changesets is a normal state (the Version Packages PR, main after a release): the
// test checks whatever is there, and the second test shows the check catches a bad one.
test("every pending changeset parses and names publishable workspace packages", () => {
  const packages = workspacePackages();
  const files = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  const found = files.flatMap((file) => problems(file, readFileSync(join(root, ".changeset", file), "utf8"), packages));
  expect(found).toEqual([]);
});

test("the check catches a broken frontmatter, an unknown package, a private one and an empty summary", () => {
  const packages = workspacePackages();
  expect(problems("ok.md", '---\n"@codexrel/core": patch\n---\n\nFixed.\n', packages)).toEqual([]);
  expect(problems("a.md", "---\n---\n\nNo package.\n", packages).join()).toContain("names no package");
  expect(problems("b.md", '---\n"@codexrel/nope": patch\n---\n\nX.\n', packages).join()).toContain("unknown package");
  expect(problems("c.md", '---\n"@codexrel/testkit": patch\n---\n\nX.\n', packages).join()).toContain("is private");
  expect(problems("d.md", '---\n"@codexrel/core": patch\n---\n', packages).join()).toContain("summary is empty");
});
