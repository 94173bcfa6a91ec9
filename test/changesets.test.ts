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

test("every changeset parses and names publishable workspace packages", () => {
  const packages = workspacePackages();
  const files = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const { releases, summary } = parse(readFileSync(join(root, ".changeset", file), "utf8"));
    expect(releases.length, `${file} names no package (frontmatter broken?)`).toBeGreaterThan(0);
    expect(summary.trim(), file).not.toBe("");
    for (const r of releases) {
      expect(packages.has(r.name), `${file}: unknown package ${r.name}`).toBe(true);
      expect(packages.get(r.name)?.private, `${file}: ${r.name} is private`).toBe(false);
    }
  }
});
