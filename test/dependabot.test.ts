/** .github/dependabot.yml covers npm and the github-actions of the workflows, of every composite action and of the examples. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { repoOfficialUses } from "./official-uses.js";

const root = join(import.meta.dirname, "..");

test("every actions/<name>/action.yml is a directory Dependabot's github-actions updates read", () => {
  const config = parse(readFileSync(join(root, ".github", "dependabot.yml"), "utf8")) as {
    updates: { "package-ecosystem": string; directory?: string; directories?: string[] }[];
  };
  const actions = config.updates.find((u) => u["package-ecosystem"] === "github-actions");
  const listed = new Set(actions?.directories ?? (actions?.directory ? [actions.directory] : []));
  const wanted = readdirSync(join(root, "actions"))
    .filter((name) => existsSync(join(root, "actions", name, "action.yml")))
    .map((name) => `/actions/${name}`);
  expect(wanted.length).toBeGreaterThan(0);
  expect(wanted.filter((d) => !listed.has(d))).toEqual([]);
  expect(listed.has("/")).toBe(true);
  expect(config.updates.some((u) => u["package-ecosystem"] === "npm" && u.directory === "/")).toBe(true);
});

test("every folder with an official `uses:` (examples too) is a directory Dependabot's github-actions updates read", () => {
  const config = parse(readFileSync(join(root, ".github", "dependabot.yml"), "utf8")) as {
    updates: { "package-ecosystem": string; directory?: string; directories?: string[] }[];
  };
  const actions = config.updates.find((u) => u["package-ecosystem"] === "github-actions");
  const listed = new Set(actions?.directories ?? (actions?.directory ? [actions.directory] : []));
  // "/" covers .github/workflows; other directories are read one level deep, YAML files only.
  const wanted = new Set(
    repoOfficialUses(root)
      .filter((u) => /\.ya?ml$/.test(u.file))
      .map((u) => (u.file.startsWith(".github/workflows/") ? "/" : `/${u.file.slice(0, u.file.lastIndexOf("/"))}`)),
  );
  expect(wanted).toContain("/examples/workflows");
  expect([...wanted].filter((d) => !listed.has(d))).toEqual([]);
});
