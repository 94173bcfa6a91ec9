import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createReport, finalizeReport, schemas, validate, validateReport } from "@codexrel/core";
import { describe, expect, test } from "vitest";
// @ts-expect-error plain ESM script without types
import { generate, schemaFiles } from "../scripts/gen-types.mjs";
import { fullReport } from "./helpers.js";

const root = join(import.meta.dirname, "..");

describe("schemas", () => {
  test("the shipped schema files are exactly the ones the validators use (snapshot guards changes)", () => {
    for (const name of Object.keys(schemas) as (keyof typeof schemas)[]) {
      const file = JSON.parse(readFileSync(join(root, "schemas", `${name}.schema.json`), "utf8"));
      expect(file).toEqual(schemas[name]);
      expect(file.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    }
    expect(schemas).toMatchSnapshot();
  });

  test("the package exports every schema file", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const name of Object.keys(schemas)) {
      expect(pkg.exports[`./schemas/${name}.schema.json`]).toBe(`./schemas/${name}.schema.json`);
    }
  });

  test("generated TypeScript types are in step with the schemas", async () => {
    for (const name of Object.keys(schemaFiles)) {
      const current = readFileSync(join(root, "src", "generated", `${name}.ts`), "utf8");
      expect(current, `run \`pnpm --filter @codexrel/core gen:types\` (${name})`).toBe(await generate(name));
    }
  });
});

describe("run report: accepts", () => {
  test("an empty finalized report", () => {
    const r = finalizeReport(createReport({ tool: { version: "0.0.0" } }));
    expect(validateReport(r)).toMatchObject({ valid: true });
  });

  test("a report with every section filled", () => {
    expect(validateReport(fullReport()).errors).toEqual([]);
  });

  test("local artifacts as relative paths, not durable", () => {
    const r = fullReport();
    r.artifacts = [{ name: "x", kind: "report", url: "out/report.html", durable: false, destination: "local" }];
    expect(validateReport(r).valid).toBe(true);
  });
});

describe("run report: rejects, with a JSON pointer per error", () => {
  const cases: Array<[string, (r: Record<string, any>) => void, string]> = [
    ["missing decision", (r) => delete r.decision, "/decision"],
    ["unknown top-level property", (r) => (r.extra = 1), "/extra"],
    ["bad command status", (r) => (r.commands[0].status = "ok"), "/commands/0/status"],
    ["exit code not an integer", (r) => (r.commands[0].exitCode = 1.5), "/commands/0/exitCode"],
    ["artifact under /tmp", (r) => (r.artifacts[1].url = "/tmp/x/report.html"), "/artifacts/1/url"],
    ["artifact as file://", (r) => (r.artifacts[1].url = "file:///home/u/x.png"), "/artifacts/1/url"],
    ["artifact escaping with ..", (r) => (r.artifacts[1].url = "../../etc/passwd"), "/artifacts/1/url"],
    ["artifact under home", (r) => (r.artifacts[1].url = "~/x.png"), "/artifacts/1/url"],
    ["durable link that is not https", (r) => (r.artifacts[0].url = "http://example.com/a.png"), "/artifacts/0/url"],
    ["published without a URL", (r) => (r.publication = { status: "published" }), "/publication/url"],
    ["blocked without a code", (r) => (r.publication = { status: "blocked", reason: "x" }), "/publication/code"],
    ["ready with blocking reasons", (r) => (r.decision.ready = true), "/decision/blockingReasons"],
    [
      "not ready without reasons",
      (r) => {
        r.decision.ready = false;
        r.decision.blockingReasons = [];
      },
      "/decision/blockingReasons",
    ],
    ["unknown regression class", (r) => (r.regressions.tests[0].class = "broken"), "/regressions/tests/0/class"],
    ["lowercase error code", (r) => (r.preflight[0].code = "token_missing"), "/preflight/0/code"],
    ["bad sha", (r) => (r.meta.sha = "not-a-sha"), "/meta/sha"],
    ["bad timestamp", (r) => (r.meta.startedAt = "yesterday"), "/meta/startedAt"],
  ];
  test.each(cases)("%s", (_name, mutate, pointer) => {
    const r = structuredClone(fullReport()) as Record<string, any>;
    mutate(r);
    const result = validateReport(r);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.pointer)).toContain(pointer);
  });

  test("every error is returned, not just the first", () => {
    const r = structuredClone(fullReport()) as Record<string, any>;
    r.commands[0].status = "ok";
    r.commands[1].blocking = "yes";
    r.meta.stage = "shipping";
    const pointers = validateReport(r).errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/commands/0/status", "/commands/1/blocking", "/meta/stage"]));
  });
});

describe("CUJ summary and release impact", () => {
  const cuj = {
    schemaVersion: "1",
    journeys: [
      {
        id: "checkout",
        title: "Checkout",
        status: "pass",
        assertions: [{ id: "a1", description: "total shown", status: "pass", kind: "text-visible", expected: "$10" }],
        screenshots: ["checkout/1.png"],
        video: "checkout/run.webm",
        log: "checkout/assertions.log",
      },
    ],
  };
  test("accepts a CUJ summary and rejects paths leaving the bundle", () => {
    expect(validate("cuj-summary", cuj).valid).toBe(true);
    const bad = structuredClone(cuj);
    bad.journeys[0]!.screenshots = ["../../secret.png"];
    bad.journeys[0]!.video = "/tmp/run.webm";
    const pointers = validate("cuj-summary", bad).errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/journeys/0/screenshots/0", "/journeys/0/video"]));
  });

  test("accepts a release impact and rejects a finding without evidence", () => {
    const impact = {
      schemaVersion: "1",
      upstream: { repository: "openai/codex", fromTag: "rust-v0.1.0", toTag: "rust-v0.2.0" },
      impact: "medium",
      summary: "resume semantics changed",
      findings: [
        {
          id: "resume-cwd",
          title: "resume --last filters by cwd",
          severity: "high",
          description: "sessions from other directories are ignored",
          evidence: [{ file: "codex-rs/exec/src/lib.rs", line: 120, excerpt: "if cwd != ..." }],
          mitigation: "resume by session id",
        },
      ],
    };
    expect(validate("release-impact", impact).valid).toBe(true);
    const bad = structuredClone(impact);
    bad.findings[0]!.evidence = [];
    expect(validate("release-impact", bad).errors.map((e) => e.pointer)).toContain("/findings/0/evidence");
  });
});

describe("decision", () => {
  test("a run with an exhausted fix budget says to stop and hand over, not to re-run", () => {
    const r = fullReport({ meta: { ...fullReport().meta, iteration: { n: 3, max: 3, stopReason: "budget spent" } } });
    expect(r.decision.ready).toBe(false);
    expect(r.decision.blockingReasons.map((b) => b.code)).toEqual(["REGRESSIONS_BLOCK", "ITERATIONS_EXHAUSTED"]);
    expect(r.decision.nextAction).toMatch(/^Stop the fix loop \(fix iteration 3 of 3: budget spent\) and hand over/);
  });

  test("blocking regressions name the tests", () => {
    expect(fullReport().decision.blockingReasons[0]?.message).toBe("blocking tests (1 new): math › adds");
  });
});
