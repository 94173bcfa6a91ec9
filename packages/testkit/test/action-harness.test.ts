import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ActionHarness,
  createActionHarness,
  HarnessError,
  hashFiles,
  loadAction,
  parseKeyValueFile,
  parseWorkflowCommand,
  runAction,
} from "@codexrel/testkit/actions";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const fixtures = join(import.meta.dirname, "fixtures", "actions");
const fixture = (name: string) => join(fixtures, name);

let harness: ActionHarness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

async function expectHarnessError(promise: Promise<unknown>, code: string): Promise<HarnessError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).code).toBe(code);
    return err as HarnessError;
  }
  throw new Error(`expected a HarnessError ${code}, got success`);
}

describe("loading action.yml with GitHub's parser", () => {
  it("reads inputs, outputs and steps (with the implicit success() condition)", () => {
    const action = loadAction(fixture("basics"));
    expect(action.name).toBe("Basics");
    expect(action.inputs.map((i) => i.id)).toEqual(["greeting", "repo", "mode", "old-name"]);
    expect(action.inputs[0]?.required).toBe(true);
    expect(action.outputs.map((o) => o.id)).toContain("multiline");
    expect(action.steps.map((s) => s.kind)).toEqual(["run", "run", "run", "run"]);
    expect(action.steps[0]?.if.expression).toBe("success()");
  });

  it("refuses what GitHub refuses: a run step without shell, the secrets context in a composite action", () => {
    expect(() => loadAction(fixture("missing-shell"))).toThrow(/Required property is missing: shell/);
    expect(() => loadAction(fixture("secrets-context"))).toThrow(/secrets/);
    try {
      loadAction(fixture("missing-shell"));
    } catch (err) {
      expect((err as HarnessError).code).toBe("ACTION_INVALID");
    }
  });

  it("refuses non-composite actions and missing files", () => {
    expect(() => loadAction(fixture("not-composite"))).toThrow(/composite actions only/);
    expect(() => loadAction(fixture("does-not-exist"))).toThrow(/No action.yml/);
  });

  it("refuses duplicate and malformed step ids the way GitHub's converter does", () => {
    const dir = mkdtempSync(join(tmpdir(), "harness-ids-"));
    try {
      writeFileSync(
        join(dir, "action.yml"),
        [
          "name: ids",
          "description: d",
          "runs:",
          "  using: composite",
          "  steps:",
          "    - {id: a, shell: bash, run: 'true'}",
          "    - {id: a, shell: bash, run: 'true'}",
          "    - {id: 1bad, shell: bash, run: 'true'}",
        ].join("\n"),
      );
      expect(() => loadAction(dir)).toThrow(/may not be used more than once[\s\S]*1bad/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the three failure proofs", () => {
  it("fails on an input the action does not declare", async () => {
    harness = createActionHarness();
    const err = await expectHarnessError(
      harness.run(fixture("basics"), { inputs: { greeting: "x", greting: "typo" } }),
      "ACTION_INPUT_UNDECLARED",
    );
    expect(err.message).toContain("'greting'");
    expect(err.message).toContain("'greeting'");
  });

  it("fails on a declared output that is never written, and hands over the result", async () => {
    harness = createActionHarness();
    const err = await expectHarnessError(harness.run(fixture("unwritten-output")), "ACTION_OUTPUT_NOT_WRITTEN");
    expect(err.message).toContain("'result'");
    expect(err.message).not.toContain("'written'");
    expect(err.result?.outputs["written"]).toBe("yes");
    expect(err.result?.unwrittenOutputs).toEqual(["result"]);
    // A test may accept an optional output explicitly.
    const ok = await harness.run(fixture("unwritten-output"), { optionalOutputs: ["result"] });
    expect(ok.conclusion).toBe("success");
    expect(ok.outputs["result"]).toBe("");
  });

  it("fails on an expression inside a run: script, before running anything", async () => {
    harness = createActionHarness();
    const err = await expectHarnessError(harness.run(fixture("run-expression")), "ACTION_RUN_EXPRESSION");
    expect(err.message).toMatch(/Line: 11/);
    expect(err.hint).toContain("env:");
  });
});

describe("running a composite action", () => {
  it("runs run: steps in real shells with the runner's files, variables, contexts and commands", async () => {
    harness = createActionHarness({
      event: {
        name: "pull_request",
        payload: { number: 7, pull_request: { head: { ref: "feat" }, base: { ref: "main" } } },
      },
      github: { repository: "octo/demo" },
    });
    mkdirSync(join(harness.paths.workspace, "sub", "dir"), { recursive: true });
    const result = await harness.run(fixture("basics"), { inputs: { greeting: "world", "old-name": "legacy" } });

    expect(result.conclusion).toBe("success");
    expect(result.exitCode).toBe(0);
    // Input defaults are evaluated over the github context; inputs reach the script through env.
    expect(result.inputs).toEqual({ greeting: "world", repo: "octo/demo", mode: "advisory", "old-name": "legacy" });
    expect(result.outputs["message"]).toBe("hello world from octo/demo (advisory)");
    expect(result.outputs["multiline"]).toBe("line one\nline two");
    // GITHUB_ENV and GITHUB_PATH affect later steps.
    expect(result.outputs["exported"]).toBe("from-step-one");
    expect(result.exportedEnv).toEqual({ EXPORTED_BY_BASICS: "from-step-one" });
    expect(result.outputs["tool"]).toBe("tool-ran");
    expect(result.addedPath).toEqual([join(fixture("basics"), "tools")]);
    expect(result.outputs["event"]).toBe("pull_request:7");
    expect(result.outputs["context"]).toBe("advisory/Linux");
    expect(result.outputs["cwd"]).toBe(join(harness.paths.workspace, "sub", "dir"));
    expect(result.outputs["node"]).toBe("42");
    expect(result.state).toEqual({ saved: "yes" });
    expect(result.summary).toBe("### Basics for world\nsecond line of summary\n");
    expect(result.steps[0]?.name).toBe("Greet world");

    const fromCommands = result.annotations.filter((a) => a.origin === "command");
    expect(fromCommands).toEqual([
      {
        level: "error",
        message: "something\nbroke",
        file: "src/app.ts",
        line: 3,
        col: 5,
        title: "Bad thing",
        origin: "command",
        step: "Greet world",
      },
      { level: "warning", message: "check this", file: "README.md", line: 10, origin: "command", step: "Greet world" },
      { level: "notice", message: "all good", title: "Info", origin: "command", step: "Greet world" },
    ]);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: "warning", origin: "runner", message: expect.stringContaining("deprecated") }),
    );
    // ::add-mask:: hides the value from the log from then on; stderr is read too.
    expect(result.log).toContain("the secret is ***");
    expect(result.log.join("\n")).not.toContain("hunter2");
    expect(result.log).toContain("plain line to stderr");
  });

  it("keeps exported env and PATH for later runs of the same harness (one job)", async () => {
    harness = createActionHarness();
    mkdirSync(join(harness.paths.workspace, "sub", "dir"), { recursive: true });
    await harness.run(fixture("basics"), { inputs: { greeting: "a" } });
    const dir = mkdtempSync(join(tmpdir(), "harness-env-"));
    try {
      writeFileSync(
        join(dir, "action.yml"),
        [
          "name: reads env",
          "description: d",
          "outputs:",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
          "  seen: {description: d, value: '${{ steps.s.outputs.seen }}'}",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
          "  ctx: {description: d, value: '${{ env.EXPORTED_BY_BASICS }}'}",
          "runs:",
          "  using: composite",
          "  steps:",
          '    - {id: s, shell: bash, run: \'echo "seen=$EXPORTED_BY_BASICS $(basics-tool)" >> "$GITHUB_OUTPUT"\'}',
        ].join("\n"),
      );
      const second = await harness.run(dir);
      expect(second.outputs).toEqual({ seen: "from-step-one tool-ran", ctx: "from-step-one" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lets the env around the calling step win over GITHUB_ENV, as the runner does", async () => {
    harness = createActionHarness({ env: { FROM_JOB: "job" } });
    const dir = mkdtempSync(join(tmpdir(), "harness-prec-"));
    try {
      writeFileSync(
        join(dir, "action.yml"),
        [
          "name: precedence",
          "description: d",
          "outputs:",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub expressions, not templates
          "  seen: {description: d, value: '${{ steps.b.outputs.seen }}'}",
          "runs:",
          "  using: composite",
          "  steps:",
          '    - {shell: bash, run: \'echo FROM_JOB=exported >> "$GITHUB_ENV"; echo ONLY_EXPORTED=x >> "$GITHUB_ENV"\'}',
          '    - {id: b, shell: bash, run: \'echo "seen=$FROM_JOB $ONLY_EXPORTED $FROM_STEP" >> "$GITHUB_OUTPUT"\'}',
        ].join("\n"),
      );
      const r = await harness.run(dir, { env: { FROM_STEP: "step" } });
      expect(r.outputs["seen"]).toBe("job x step");
      expect(r.exportedEnv).toEqual({ FROM_JOB: "exported", ONLY_EXPORTED: "x" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hashFiles() hashes files inside the workspace, '' when none match", () => {
    const ws = mkdtempSync(join(tmpdir(), "harness-hash-"));
    try {
      writeFileSync(join(ws, "a.lock"), "a");
      mkdirSync(join(ws, "sub"));
      writeFileSync(join(ws, "sub", "b.lock"), "b");
      const h = hashFiles(ws, ["**/*.lock"]);
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect(hashFiles(ws, ["**/*.lock", "!sub/**"])).not.toBe(h);
      expect(hashFiles(ws, ["*.none"])).toBe("");
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it("fails the step (not the harness) when the working directory is missing", async () => {
    harness = createActionHarness();
    const result = await harness.run(fixture("basics"), { inputs: { greeting: "x" } });
    expect(result.conclusion).toBe("failure");
    const sh = result.steps.find((s) => s.id === "sh");
    expect(sh?.outcome).toBe("failure");
    expect(result.steps.find((s) => s.id === "node")?.outcome).toBe("skipped");
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: "error",
        origin: "runner",
        message: expect.stringContaining("No such file or directory"),
      }),
    );
  });

  it("fails on a missing required input unless the test allows it", async () => {
    harness = createActionHarness();
    await expectHarnessError(harness.run(fixture("basics")), "ACTION_INPUT_REQUIRED");
  });

  it("fails on a uses: step it has no stand-in for, and on undeclared inputs of a stand-in", async () => {
    harness = createActionHarness();
    const err = await expectHarnessError(harness.run(fixture("unsupported-uses")), "ACTION_USES_UNSUPPORTED");
    expect(err.message).toContain("actions/checkout@v4");
    const err2 = await expectHarnessError(harness.run(fixture("undeclared-with")), "ACTION_INPUT_UNDECLARED");
    expect(err2.message).toContain("'restore-key'");
  });
});

describe("if:, status functions and continue-on-error", () => {
  it("runs success() steps and skips failure()/cancelled() ones when all goes well", async () => {
    const r = await runAction(fixture("conditions"));
    expect(r.conclusion).toBe("success");
    expect(r.outputs["trace"]).toBe("success|success|success|skipped|success");
    expect(r.outputs["skipped-by-input"]).toBe("skipped");
    expect(r.steps.map((s) => [s.id, s.outcome])).toEqual([
      ["first", "success"],
      ["on-success", "success"],
      ["on-failure", "skipped"],
      ["cancelled", "skipped"],
      ["by-input", "skipped"],
      ["always", "success"],
    ]);
  });

  it("after a failure skips success() steps, runs failure() and always(), and fails with the step's exit code", async () => {
    const r = await runAction(fixture("conditions"), { inputs: { "fail-first": "true" } });
    expect(r.conclusion).toBe("failure");
    expect(r.exitCode).toBe(3);
    expect(r.outputs["trace"]).toBe("failure|failure|skipped|success|success");
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: "error", origin: "runner", message: "Process completed with exit code 3." }),
    );
  });

  it("continue-on-error keeps the action green: outcome failure, conclusion success", async () => {
    const r = await runAction(fixture("conditions"), { inputs: { "fail-first": "true", tolerate: "true" } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs["trace"]).toBe("failure|success|success|skipped|success");
  });
});

describe("actions/cache stand-ins", () => {
  it("misses, saves, hits exactly, then matches by restore-keys prefix (most recent first)", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "harness-cache-"));
    try {
      // Run 1: nothing cached. actions/cache leaves cache-hit unset on a miss.
      harness = createActionHarness({ cacheDir });
      const miss = await harness.run(fixture("cache-roundtrip"), {
        inputs: { key: "state-1" },
        optionalOutputs: ["cache-hit", "matched-key"],
      });
      expect(miss.outputs).toEqual({ "cache-hit": "", "primary-key": "state-1", "matched-key": "", content: "" });
      expect(harness.cache.entries().map((e) => e.key)).toEqual(["state-1"]);
      harness.dispose();

      // Run 2 (a later workflow run, fresh workspace and home): exact hit restores both paths.
      harness = createActionHarness({ cacheDir });
      const hit = await harness.run(fixture("cache-roundtrip"), { inputs: { key: "state-1" } });
      expect(hit.outputs).toEqual({
        "cache-hit": "true",
        "primary-key": "state-1",
        "matched-key": "state-1",
        content: "saved-under-state-1",
      });
      expect(readFileSync(join(harness.paths.home, "home-state", "h.txt"), "utf8")).toBe("home\n");
      // The key exists already: save warns like actions/cache/save and does not fail.
      expect(hit.annotations).toContainEqual(
        expect.objectContaining({
          level: "warning",
          message: expect.stringContaining("Unable to reserve cache with key state-1"),
        }),
      );
      harness.dispose();

      harness = createActionHarness({ cacheDir });
      await harness.run(fixture("cache-roundtrip"), {
        inputs: { key: "state-2", "restore-keys": "state-" },
      });
      harness.dispose();

      // Run 3: no exact match; the restore-keys prefix picks the most recently saved entry.
      harness = createActionHarness({ cacheDir });
      const partial = await harness.run(fixture("cache-roundtrip"), {
        inputs: { key: "state-3", "restore-keys": "nomatch-\nstate-" },
      });
      expect(partial.outputs).toMatchObject({
        "cache-hit": "false",
        "primary-key": "state-3",
        "matched-key": "state-2",
        content: "saved-under-state-2",
      });
      // The primary key is also tried as a prefix.
      harness.dispose();
      harness = createActionHarness({ cacheDir });
      const prefix = await harness.run(fixture("cache-roundtrip"), { inputs: { key: "state" } });
      expect(prefix.outputs).toMatchObject({ "cache-hit": "false", "matched-key": "state-3" });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("actions/upload-artifact stand-in", () => {
  it("uploads into the artifact folder and returns artifact-id and artifact-url", async () => {
    harness = createActionHarness({ github: { repository: "octo/demo", run_id: "99" } });
    const r = await harness.run(fixture("upload"));
    expect(r.conclusion).toBe("success");
    const [artifact] = harness.artifacts.list();
    expect(artifact?.name).toBe("report");
    expect(r.outputs["artifact-id"]).toBe(String(artifact?.id));
    expect(r.outputs["artifact-url"]).toBe(`https://github.com/octo/demo/actions/runs/99/artifacts/${artifact?.id}`);
    // Hidden files and the excluded pattern stay out; the folder itself is the root.
    expect(artifact?.files).toEqual(["index.html", "nested/data.json"]);
    expect(existsSync(join(artifact!.dir, "nested", "data.json"))).toBe(true);
    expect(artifact?.retentionDays).toBe(5);
  });

  it("refuses a second artifact with the same name, and honours if-no-files-found", async () => {
    harness = createActionHarness();
    await harness.run(fixture("upload"));
    const again = await harness.run(fixture("upload"), { optionalOutputs: ["artifact-id", "artifact-url"] });
    expect(again.conclusion).toBe("failure");
    expect(again.annotations).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining("(409) Conflict") }),
    );

    const warn = await harness.run(fixture("upload"), {
      inputs: { name: "empty", "make-files": "false" },
      optionalOutputs: ["artifact-id", "artifact-url"],
    });
    // The workspace still holds out/ from the first run; use a fresh harness for an empty one.
    expect(warn.conclusion).toBe("success");

    const fresh = createActionHarness();
    try {
      const none = await fresh.run(fixture("upload"), {
        inputs: { "make-files": "false" },
        optionalOutputs: ["artifact-id", "artifact-url"],
      });
      expect(none.conclusion).toBe("success");
      expect(none.outputs["artifact-url"]).toBe("");
      expect(none.annotations).toContainEqual(
        expect.objectContaining({ level: "warning", message: expect.stringContaining("No files were found") }),
      );
      const strict = await fresh.run(fixture("upload"), {
        inputs: { "make-files": "false", "if-no-files-found": "error" },
        optionalOutputs: ["artifact-id", "artifact-url"],
      });
      expect(strict.conclusion).toBe("failure");
    } finally {
      fresh.dispose();
    }
  });
});

describe("advisory mode with a failing dependency", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === "/ok" ? 200 : 503;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("exits 0 with the failure in outputs and summary", async () => {
    const r = await runAction(fixture("advisory"), { inputs: { endpoint: `${url}/down` } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({ status: "failed", error: "dependency answered HTTP 503" });
    expect(r.summary).toContain("Advisory check: failed");
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: "warning", title: "Advisory check" }));
  });

  it("exits non-zero in blocking mode, and reports ok when the dependency answers", async () => {
    const blocking = await runAction(fixture("advisory"), { inputs: { endpoint: `${url}/down`, mode: "blocking" } });
    expect(blocking.conclusion).toBe("failure");
    expect(blocking.exitCode).toBe(1);
    const ok = await runAction(fixture("advisory"), { inputs: { endpoint: `${url}/ok` } });
    expect(ok.outputs).toEqual({ status: "ok", error: "" });
  });
});

describe("runner file and command formats", () => {
  it("parses NAME=value and heredoc entries like the runner, and refuses an unterminated heredoc", () => {
    expect(parseKeyValueFile("a=1\nb=x=y\n\nc<<EOF\nl1\nl2\nEOF\nd<<X\nX\n")).toEqual([
      ["a", "1"],
      ["b", "x=y"],
      ["c", "l1\nl2"],
      ["d", ""],
    ]);
    expect(() => parseKeyValueFile("c<<EOF\nno end\n")).toThrow(/Matching delimiter not found/);
  });

  it("parses workflow commands with escaped properties", () => {
    expect(parseWorkflowCommand("::error file=a%2Cb.ts,line=2,title=T%3A1::m%25 %0Anext")).toEqual({
      command: "error",
      properties: { file: "a,b.ts", line: "2", title: "T:1" },
      message: "m% \nnext",
    });
    expect(parseWorkflowCommand("not a command")).toBeUndefined();
  });
});
