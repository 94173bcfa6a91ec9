// Reusable workflows (local and remote), the rule that `uses: ./path` in a called workflow
// resolves in the caller's checkout, secrets, typed inputs, outputs, and concurrency groups.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkflowSimulation, type WorkflowSimulation, webhookPayload } from "../src/index.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const greet = (who: string) => `name: greet
description: says who wrote it
outputs:
  from:
    description: whose action ran
    value: \${{ steps.s.outputs.from }}
runs:
  using: composite
  steps:
    - id: s
      shell: bash
      run: echo "from=${who}" >> "$GITHUB_OUTPUT"
`;

const called = `name: called
on:
  workflow_call:
    inputs:
      count:
        type: number
        default: 1
      flag:
        type: boolean
        default: false
    secrets:
      KEY:
        required: true
    outputs:
      from:
        value: \${{ jobs.work.outputs.from }}
jobs:
  work:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      issues: write
    outputs:
      from: \${{ steps.g.outputs.from }}
    steps:
      - uses: actions/checkout@v4
      - id: g
        uses: ./.github/actions/greet
      - id: types
        env:
          KEY: \${{ secrets.KEY }}
          COUNT_PLUS: \${{ inputs.count == 41 && 'forty-one' || inputs.count }}
          FLAG: \${{ inputs.flag && 'on' || 'off' }}
        run: echo "seen=$COUNT_PLUS/$FLAG/\${#KEY}" >> "$GITHUB_OUTPUT"
`;

const caller = `name: caller
on: workflow_dispatch
permissions:
  contents: read
jobs:
  local:
    uses: ./.github/workflows/called.yml
    with:
      count: 41
      flag: true
    secrets: inherit
  remote:
    uses: tools/shared/.github/workflows/called.yml@v1
    secrets:
      KEY: \${{ secrets.KEY }}
  after:
    needs: [local, remote]
    runs-on: ubuntu-latest
    steps:
      - id: show
        env:
          LOCAL: \${{ needs.local.outputs.from }}
          REMOTE: \${{ needs.remote.outputs.from }}
        run: echo "both=$LOCAL+$REMOTE" >> "$GITHUB_OUTPUT"
  undeclared:
    uses: ./.github/workflows/called.yml
    with:
      nope: 1
    secrets: inherit
  nosecret:
    uses: ./.github/workflows/called.yml
`;

let sim: WorkflowSimulation;
beforeEach(async () => {
  sim = await createWorkflowSimulation({ secrets: { KEY: "abcd" } });
});
afterEach(async () => {
  await sim.dispose();
});

const dispatch = (repo: string) => ({
  name: "workflow_dispatch",
  payload: webhookPayload("workflow_dispatch", { repo, overrides: { ref: "refs/heads/main", inputs: {} } }),
});

describe("reusable workflows", () => {
  it("local and remote calls: typed inputs, secrets, outputs; ./ actions come from the caller's checkout; permissions only go down", async () => {
    sim.addRepo("tools/shared", {
      defaultBranch: "v1",
      files: { ".github/workflows/called.yml": called, ".github/actions/greet/action.yml": greet("shared") },
    });
    sim.addRepo("octo/app", {
      files: {
        ".github/workflows/caller.yml": caller,
        ".github/workflows/called.yml": called,
        ".github/actions/greet/action.yml": greet("caller"),
      },
    });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/caller.yml",
      event: dispatch("octo/app"),
    });
    expect(run.jobs["local / work"]!.result).toBe("success");
    expect(run.jobs["local"]!.outputs["from"]).toBe("caller");
    // The remote workflow's `./.github/actions/greet` is the caller's action, not tools/shared's.
    expect(run.jobs["remote"]!.outputs["from"]).toBe("caller");
    expect(run.jobs["local / work"]!.steps.find((s) => s.id === "types")!.outputs["seen"]).toBe("forty-one/on/4");
    expect(run.jobs["remote / work"]!.steps.find((s) => s.id === "types")!.outputs["seen"]).toBe("1/off/4");
    expect(run.jobs["after"]!.steps[0]!.outputs["both"]).toBe("caller+caller");
    // The caller grants contents: read only; the called job's issues: write is downgraded to none.
    expect(run.jobs["local / work"]!.permissions).toMatchObject({ contents: "read", issues: "none" });
    expect(run.jobs["undeclared"]).toMatchObject({
      result: "failure",
      reason: "Invalid input, nope is not defined in the referenced workflow.",
    });
    expect(run.jobs["nosecret"]).toMatchObject({
      result: "failure",
      reason: "Secret KEY is required, but not provided while calling.",
    });
  });
});

describe("concurrency", () => {
  let gates: string;
  beforeEach(() => {
    gates = mkdtempSync(join(tmpdir(), "codexrel-gates-"));
  });
  afterEach(() => rmSync(gates, { recursive: true, force: true }));

  const wf = (cancelInProgress: boolean) => `name: c
on: workflow_dispatch
permissions: {}
concurrency:
  group: the-group
  cancel-in-progress: ${cancelInProgress}
jobs:
  hold:
    runs-on: ubuntu-latest
    steps:
      - env:
          GATE: ${gates}/\${{ github.run_id }}
        run: |
          touch "$GATE.started"
          while [ ! -f "$GATE" ]; do sleep 0.05; done
      - id: next
        run: echo "ran=yes" >> "$GITHUB_OUTPUT"
      - id: on-cancel
        if: cancelled()
        run: echo "ran=yes" >> "$GITHUB_OUTPUT"
`;
  const open = (runId: number) => writeFileSync(join(gates, String(runId)), "");

  it("one running and one pending: a newer pending run replaces (cancels) the older pending one", async () => {
    sim.addRepo("octo/app", { files: { ".github/workflows/c.yml": wf(false) } });
    const start = () =>
      sim.start({ repo: "octo/app", workflow: ".github/workflows/c.yml", event: dispatch("octo/app") });
    const a = start();
    const b = start();
    const c = start();
    const bResult = await b.result;
    expect(bResult.conclusion).toBe("cancelled");
    expect(bResult.reason).toMatch(/replaced by a newer pending run/);
    open(a.runId);
    expect((await a.result).conclusion).toBe("success");
    open(c.runId);
    const cResult = await c.result;
    expect(cResult.conclusion).toBe("success");
    expect(sim.concurrency.log.map((l) => l.what)).toEqual(["acquired", "pending", "replaced", "pending", "acquired"]);
  });

  it("cancel-in-progress cancels the running run: it stops after the current step and runs its cancelled() steps", async () => {
    sim.addRepo("octo/app", { files: { ".github/workflows/c.yml": wf(true) } });
    const start = () =>
      sim.start({ repo: "octo/app", workflow: ".github/workflows/c.yml", event: dispatch("octo/app") });
    const a = start();
    // Wait until a's first step is running, then queue b.
    while (!existsSync(join(gates, `${a.runId}.started`))) await new Promise((r) => setTimeout(r, 50));
    const b = start();
    open(a.runId);
    const aResult = await a.result;
    expect(aResult.conclusion).toBe("cancelled");
    const steps = aResult.jobs["hold"]!.steps;
    expect(steps.find((s) => s.id === "next")!.outcome).toBe("skipped");
    expect(steps.find((s) => s.id === "on-cancel")!.outputs["ran"]).toBe("yes");
    open(b.runId);
    expect((await b.result).conclusion).toBe("success");
  });
});
