// The Argo WorkflowTemplate validates against Argo's own published JSON Schema (vendored whole in
// fixtures/argo with its Apache-2.0 licence), and its work step does what the GitHub worker does:
// clone, log in from stdin, restore and resume by session id, run in the checkout, push, open the PR.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repoRoot = join(import.meta.dirname, "..", "..");
// ajv is a dependency of the testkit; the examples tests borrow it rather than add a root dependency.
const requireFromTestkit = createRequire(join(repoRoot, "packages", "testkit", "package.json"));
const Ajv2020 = requireFromTestkit("ajv/dist/2020").default as new (
  o: object,
) => {
  addSchema(s: object): void;
  getSchema(ref: string): ((d: unknown) => boolean) & { errors?: unknown[] | null };
};

const schema = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "argo", "schema.json"), "utf8"));
const template = parse(readFileSync(join(repoRoot, "examples", "argo", "codexrel-thread-worker.yaml"), "utf8"));
const DEF = "io.argoproj.workflow.v1alpha1.WorkflowTemplate";

function validator() {
  // Argo's schema uses Kubernetes formats (int32, int64, ...); formats are not what is tested here.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(schema);
  return ajv.getSchema(`${schema.$id}#/definitions/${DEF}`);
}

describe("the Argo WorkflowTemplate", () => {
  it("validates against Argo's published schema for WorkflowTemplate", () => {
    const validate = validator();
    const ok = validate(template);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema check can fail: a misspelled field is rejected", () => {
    const validate = validator();
    const broken = structuredClone(template);
    broken.spec.templates[0].stepz = broken.spec.templates[0].steps;
    delete broken.spec.templates[0].steps;
    broken.spec.entrypoint = 42;
    expect(validate(broken)).toBe(false);
  });

  it("clones, logs in from stdin, resumes by id, mirrors the stage log, runs in the checkout, pushes and opens the PR", () => {
    const work = template.spec.templates.find((t: { name: string }) => t.name === "work");
    const script: string = work.script.source;
    const order = [
      "codexrel session restore",
      "git clone",
      "cd /work/repo",
      "printenv OPENAI_API_KEY | codex login --with-api-key",
      'codexrel stream --stage "$stage" --repo "$repo" "--$kind" "$number" --run-id "$RUN_ID"',
      `codex exec resume --json "$\{config[@]}" --output-last-message /work/task/last-message.md "$session_id" - < /work/task/prompt.md | mirror`,
      "git push origin",
      "api -X POST",
      "codexrel session save",
    ].map((needle) => {
      const at = script.indexOf(needle);
      expect(at, needle).toBeGreaterThanOrEqual(0);
      return at;
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(script).not.toContain("--full-auto");
    expect(script).not.toContain("--last");
    expect(script).toContain("--require-session");
    // The mirror is advisory: codex's own status (PIPESTATUS[0]) decides, not the pipeline's.
    expect(script).toContain(['if [ "$', '{status[0]}" != 0 ]; then exit "$', '{status[0]}"; fi'].join(""));
    const discord = work.script.env.filter((e: { name: string }) => e.name.startsWith("DISCORD_"));
    expect(discord.map((e: { name: string }) => e.name)).toEqual([
      "DISCORD_BOT_TOKEN",
      "DISCORD_GUILD_ID",
      "DISCORD_CATEGORY_ID",
    ]);
    for (const e of discord) expect(e.valueFrom.secretKeyRef.optional, e.name).toBe(true);
    expect(script).not.toMatch(/\{\{/);
  });
});
