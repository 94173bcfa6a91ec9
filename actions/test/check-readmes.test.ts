import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkActionReadme, readmeTable } from "../scripts/check-readmes.mjs";
import { renderTable, updateReadme } from "../scripts/readme-tables.mjs";

const fixtures = join(import.meta.dirname, "..", "..", "packages", "testkit", "test", "fixtures", "actions");

describe("check-readmes", () => {
  it("accepts a README whose tables equal action.yml (names, required, defaults)", () => {
    expect(checkActionReadme(join(fixtures, "lint-good"))).toEqual([]);
  });

  it("reports missing and extra names, a wrong required flag and a wrong default", () => {
    expect(checkActionReadme(join(fixtures, "readme-bad")).sort()).toEqual(
      [
        "readme-bad: input 'forgotten' is declared in action.yml but missing from the README Inputs table",
        "readme-bad: input 'mode': README says required=no, action.yml says yes",
        "readme-bad: input 'mode': README default 'advisory' differs from action.yml default ''",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
        "readme-bad: input 'token': README default '${{ secrets.TOKEN }}' differs from action.yml default '${{ github.token }}'",
        "readme-bad: README Inputs table lists 'extra', which action.yml does not declare",
        "readme-bad: output 'url' is declared in action.yml but missing from the README Outputs table",
        "readme-bad: README tables are stale; run node actions/scripts/readme-tables.mjs",
      ].sort(),
    );
  });

  it("reports a missing README and a missing table", () => {
    expect(checkActionReadme(join(fixtures, "basics"))).toEqual(["basics: README.md is missing"]);
    const dir = mkdtempSync(join(tmpdir(), "readme-"));
    try {
      writeFileSync(
        join(dir, "action.yml"),
        "name: x\ndescription: d\ninputs:\n  a:\n    description: d\nruns:\n  using: composite\n  steps: []\n",
      );
      writeFileSync(join(dir, "README.md"), "# x\n\nNo tables.\n");
      expect(checkActionReadme(dir)).toEqual([
        expect.stringMatching(/: README has no <!-- codexrel:inputs --> … <!-- \/codexrel:inputs --> markers$/),
        expect.stringMatching(/: README has no <!-- codexrel:outputs --> … <!-- \/codexrel:outputs --> markers$/),
        expect.stringContaining('README has no "## Inputs" table'),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("generates the marked tables from action.yml: a hand edit inside the markers is stale, a regenerated README is clean", () => {
    const action = {
      inputs: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
        token: { description: "GitHub | token.", default: "${{ github.token }}" },
        mode: { description: "advisory\nor blocking.", required: true },
        empty: { description: "An empty default.", default: "" },
      },
      outputs: { status: { description: "ok or failed." } },
    };
    const readme = [
      "# x",
      "## Inputs",
      "<!-- codexrel:inputs -->",
      "| old | table |",
      "<!-- /codexrel:inputs -->",
      "## Outputs",
      "<!-- codexrel:outputs -->",
      "<!-- /codexrel:outputs -->",
      "",
    ].join("\n");
    const { text, missing } = updateReadme(readme, action);
    expect(missing).toEqual([]);
    expect(text).toContain(
      [
        "<!-- codexrel:inputs -->",
        "| name | required | default | description |",
        "| --- | --- | --- | --- |",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
        "| `token` | no | `${{ github.token }}` | GitHub \\| token. |",
        "| `mode` | yes |  | advisory or blocking. |",
        '| `empty` | no | `""` | An empty default. |',
        "<!-- /codexrel:inputs -->",
      ].join("\n"),
    );
    expect(text).toContain("| `status` | ok or failed. |\n<!-- /codexrel:outputs -->");
    expect(updateReadme(text, action).text).toBe(text);
    expect(renderTable({}, "outputs")).toBe("This action has no outputs.");
  });

  it("reads escaped pipes inside cells", () => {
    const rows = readmeTable("## Inputs\n\n| name | default |\n|---|---|\n| `a` | `x \\| y` |\n", "Inputs");
    expect(rows?.[0]?.["default"]).toBe("`x | y`");
  });
});
