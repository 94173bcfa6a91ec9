/**
 * The release intake, tested on bodies built from the issue form file itself (rendered as GitHub
 * renders an issue form: "### <label>", a blank line, the answer, "_No response_" when empty)
 * and on hand-edited bodies with missing and extra sections.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  INTAKE_LABELS,
  INTAKE_OPTIONS,
  INTAKE_REQUIRED,
  type IntakeField,
  PLAN_SECTIONS,
  parseIntake,
  renderPlanComment,
  validate,
} from "../src/index.js";

const formPath = join(import.meta.dirname, "..", "..", "..", ".github", "ISSUE_TEMPLATE", "codex-release.yml");
interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: (string | { label: string })[]; [k: string]: unknown };
  validations?: { required?: boolean };
}
const form = parse(readFileSync(formPath, "utf8")) as { name: string; description: string; body: FormElement[] };
const fields = form.body.filter((e) => e.type !== "markdown");

/** What GitHub puts in the issue body for these answers (by label). */
function render(answers: Record<string, string>): string {
  return fields
    .map((e) => `### ${e.attributes.label}\n\n${answers[e.attributes.label ?? ""]?.trim() || "_No response_"}`)
    .join("\n\n");
}

const complete = {
  "Target version": "v1.4.0",
  "Release target kind": "Release branch",
  "Release branch or tag": "release/1.4",
  "Changelog source": "Changesets",
  "Changelog file": "",
  "Known blockers": "- #123 flaky upload test\n- waiting on the security review",
  "Required CUJs": "checkout\nsign-in",
  "Fix budget": "3",
  Notes: "",
};

describe("the issue form file, by GitHub's documented form syntax", () => {
  test("top-level keys and element types are the documented ones", () => {
    expect(
      Object.keys(form).every((k) =>
        ["name", "description", "title", "labels", "assignees", "projects", "type", "body"].includes(k),
      ),
    ).toBe(true);
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    for (const e of form.body) {
      expect(["markdown", "input", "textarea", "dropdown", "checkboxes"]).toContain(e.type);
      expect(Object.keys(e).every((k) => ["type", "id", "attributes", "validations"].includes(k))).toBe(true);
      if (e.type === "markdown") {
        expect(e.attributes.value).toBeTruthy();
        expect(e.id).toBeUndefined();
        expect(e.validations).toBeUndefined();
        continue;
      }
      // Labels, ids: required, unique; ids alphanumeric, - and _ only.
      expect(e.attributes.label).toBeTruthy();
      expect(e.id).toMatch(/^[A-Za-z0-9_-]+$/);
      if (e.type === "dropdown") expect(e.attributes.options?.length).toBeGreaterThan(0);
    }
    const labels = fields.map((e) => e.attributes.label);
    expect(new Set(labels).size).toBe(labels.length);
    const ids = fields.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the parser's labels, required fields and options are the form's", () => {
    expect(fields.map((e) => e.attributes.label).sort()).toEqual(Object.values(INTAKE_LABELS).sort());
    const required = fields.filter((e) => e.validations?.required).map((e) => e.attributes.label);
    expect(required.sort()).toEqual(INTAKE_REQUIRED.map((f) => INTAKE_LABELS[f]).sort());
    const options = (label: string) => fields.find((e) => e.attributes.label === label)?.attributes.options;
    expect(options(INTAKE_LABELS.targetKind)).toEqual(Object.keys(INTAKE_OPTIONS.targetKind));
    expect(options(INTAKE_LABELS.changelogSource)).toEqual(Object.keys(INTAKE_OPTIONS.changelogSource));
  });
});

describe("parseIntake", () => {
  test("a complete body from the form: a schema-valid intake", () => {
    const r = parseIntake(render(complete));
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.intake).toEqual({
      schemaVersion: "1",
      targetVersion: "1.4.0",
      target: { kind: "branch", name: "release/1.4" },
      changelog: { source: "changesets" },
      knownBlockers: ["#123 flaky upload test", "waiting on the security review"],
      requiredCujs: ["checkout", "sign-in"],
      fixBudget: 3,
    });
    expect(validate("release-intake", r.intake).errors).toEqual([]);
  });

  test("a changelog file and a tag; CRLF line ends as browsers submit them", () => {
    const body = render({
      ...complete,
      "Release target kind": "Tag",
      "Release branch or tag": "v1.4.0",
      "Changelog source": "A changelog file",
      "Changelog file": "docs/CHANGELOG.md",
      "Known blockers": "None",
      Notes: "Freeze starts Friday.",
    }).replace(/\n/g, "\r\n");
    const r = parseIntake(body);
    expect(r.problems).toEqual([]);
    expect(r.intake?.target).toEqual({ kind: "tag", name: "v1.4.0" });
    expect(r.intake?.changelog).toEqual({ source: "file", file: "docs/CHANGELOG.md" });
    expect(r.intake?.knownBlockers).toEqual([]);
    expect(r.intake?.notes).toBe("Freeze starts Friday.");
  });

  test.each(INTAKE_REQUIRED)("required %s left empty (_No response_): named, no intake", (field: IntakeField) => {
    const r = parseIntake(render({ ...complete, [INTAKE_LABELS[field]]: "" }));
    expect(r.intake).toBeNull();
    expect(r.problems).toEqual([{ field, label: INTAKE_LABELS[field], message: "is required but was left empty" }]);
  });

  test("hand-edited: a section deleted, an extra section added, a section repeated", () => {
    const body = render(complete)
      .replace(/### Fix budget\n\n3\n\n/, "")
      .concat("\n\n### Reviewer\n\n@octo\n\n### Target version\n\n9.9.9");
    const r = parseIntake(body);
    expect(r.intake).toBeNull();
    expect(r.problems).toEqual([
      { field: "fixBudget", label: "Fix budget", message: "is required but the section is missing" },
    ]);
    expect(r.warnings).toEqual([
      'section "Reviewer" is not a field of the release form; ignored',
      'section "Target version" appears more than once; the first is used',
    ]);
  });

  test("unreadable answers are named with what was given", () => {
    const r = parseIntake(
      render({
        ...complete,
        "Target version": "next",
        "Fix budget": "lots",
        "Required CUJs": "Check Out!",
        "Changelog source": "A changelog file",
      }),
    );
    expect(r.intake).toBeNull();
    expect(r.problems.map((p) => `${p.label}: ${p.message}`)).toEqual([
      'Changelog file: is required when the source is "A changelog file"',
      'Fix budget: "lots" is not a whole number from 1 to 20',
      'Required CUJs: "Check Out!" is not a journey id (lowercase letters, digits and dashes, as in summary.json)',
    ]);
    const version = parseIntake(render({ ...complete, "Target version": "next" }));
    expect(version.problems).toEqual([
      { field: "targetVersion", label: "Target version", message: '"next" is not a semantic version (e.g. 1.4.0)' },
    ]);
  });

  test("a ### line inside a fenced block is part of the answer, not a section", () => {
    const r = parseIntake(render({ ...complete, Notes: "```\n### not a heading\n```" }));
    expect(r.warnings).toEqual([]);
    expect(r.intake?.notes).toBe("```\n### not a heading\n```");
  });
});

describe("renderPlanComment", () => {
  test("the plan has the seed's sections, in order, with the intake's values", () => {
    const plan = renderPlanComment(parseIntake(render(complete)));
    expect(plan.startsWith("<!-- codex:plan -->\n# Release plan: 1.4.0\n")).toBe(true);
    const headings = [...plan.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...PLAN_SECTIONS]);
    expect(plan).toContain("branch `release/1.4`");
    expect(plan).toContain("at most 3 fix iteration(s)");
    expect(plan).toContain("- [ ] CUJ `checkout` passes");
    expect(plan).toContain("#123 flaky upload test");
  });

  test("with missing fields it asks for them by label and plans nothing", () => {
    const plan = renderPlanComment(parseIntake(render({ ...complete, "Required CUJs": "" })), {
      marker: "<!-- codex:plan -->",
    });
    expect(plan).toContain("# Release plan: information needed");
    expect(plan).toContain("- **Required CUJs** is required but was left empty");
    expect(plan).not.toContain("## Objective");
  });
});
