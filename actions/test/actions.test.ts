// Generic checks for every actions/<name>/action.yml: GitHub's parser accepts it, the node guard
// comes first, no `${{ }}` inside run:, every input reaches a script through env:, every `uses:`
// has a harness stand-in, and the README's Inputs/Outputs tables equal action.yml's.
// End-to-end tests of each action belong to its owner (see packages/testkit/README.md).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { lintAction, loadAction, standInFor } from "@codexrel/testkit/actions";
import { describe, expect, it } from "vitest";
import { actionDirs, checkActionReadme } from "../scripts/check-readmes.mjs";

const actionsRoot = join(import.meta.dirname, "..");
const actions = actionDirs(actionsRoot).map((dir) => ({ name: dir.split(/[\\/]/).pop()!, dir }));

it("finds the actions folder and its shared scripts", () => {
  expect(existsSync(join(actionsRoot, "scripts", "check-node.sh"))).toBe(true);
  expect(actions.every((a) => existsSync(join(a.dir, "action.yml")) || existsSync(join(a.dir, "action.yaml")))).toBe(
    true,
  );
});

for (const { name, dir } of actions)
  describe(`actions/${name}`, () => {
    it("is accepted by GitHub's action parser and is a composite action", () => {
      expect(() => loadAction(dir)).not.toThrow();
    });

    it("follows the project's rules: check-node.sh first, no expressions in run:, inputs through env:", () => {
      expect(lintAction(dir)).toEqual([]);
    });

    it("uses only official actions the harness can stand in for", () => {
      const unsupported = loadAction(dir)
        .steps.filter((s) => s.kind === "uses" && !standInFor(s.uses))
        .map((s) => (s.kind === "uses" ? s.uses : ""));
      expect(unsupported).toEqual([]);
    });

    it("documents exactly its inputs and outputs in README.md", () => {
      expect(checkActionReadme(dir)).toEqual([]);
    });
  });
