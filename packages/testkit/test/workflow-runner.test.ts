// The workflow runner runs whole workflow files for one event: on: filtering, jobs, needs,
// outputs, env precedence, step status functions, local composite actions from the checkout,
// reusable workflows (local and remote) and the permissions block -> job token.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkflowSimulation, type WorkflowSimulation, webhookPayload } from "../src/index.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

let sim: WorkflowSimulation;
beforeEach(async () => {
  sim = await createWorkflowSimulation({ secrets: { API_KEY: "sk-secret" } });
});
afterEach(async () => {
  await sim.dispose();
});

const action = `name: greet
description: greets
inputs:
  who:
    description: who
    required: true
outputs:
  greeting:
    description: the greeting
    value: \${{ steps.say.outputs.greeting }}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      env:
        WHO: \${{ inputs.who }}
      run: echo "greeting=hello $WHO" >> "$GITHUB_OUTPUT"
`;

const workflow = `name: demo
on:
  issues:
    types: [opened]
permissions: {}
env:
  LEVEL: workflow
jobs:
  first:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      issues: write
    env:
      LEVEL: job
    outputs:
      greeting: \${{ steps.greet.outputs.greeting }}
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
      - id: greet
        uses: ./.github/actions/greet
        with:
          who: \${{ github.event.issue.user.login }}
      - run: |
          echo "level=$LEVEL" >> "$GITHUB_OUTPUT"
          echo "EXPORTED=from-env-file" >> "$GITHUB_ENV"
          echo "LEVEL=from-env-file" >> "$GITHUB_ENV"
          echo "## hi" >> "$GITHUB_STEP_SUMMARY"
        id: env1
      - id: env2
        env:
          LEVEL: step
        run: echo "seen=$EXPORTED/$LEVEL" >> "$GITHUB_OUTPUT"
      - id: env3
        run: echo "seen=$LEVEL" >> "$GITHUB_OUTPUT"
      - id: broken
        continue-on-error: true
        run: exit 3
      - id: after
        if: steps.broken.outcome == 'failure'
        run: echo "ok=yes" >> "$GITHUB_OUTPUT"
  second:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - id: show
        env:
          GREETING: \${{ needs.first.outputs.greeting }}
        run: echo "got=$GREETING" >> "$GITHUB_OUTPUT"
      - run: exit 1
      - id: skipped
        run: echo never
      - id: fail
        if: failure()
        run: echo "ran=yes" >> "$GITHUB_OUTPUT"
  third:
    needs: second
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  fourth:
    needs: second
    if: always() && needs.second.result == 'failure'
    runs-on: ubuntu-latest
    steps:
      - run: echo cleanup
`;

const secretsWorkflow = `name: secrets
on:
  issues:
    types: [opened]
permissions: {}
jobs:
  use:
    runs-on: ubuntu-latest
    steps:
      - id: checkout
        uses: actions/checkout@v4
      - id: by-env
        env:
          KEY: \${{ secrets.API_KEY }}
        run: test -n "$KEY"
      - id: in-script
        run: echo "\${{ secrets.GITHUB_TOKEN }}" > /dev/null
      - id: by-input
        uses: ./.github/actions/greet
        with:
          who: \${{ secrets.API_KEY }}
      - id: none
        run: echo no secrets here
      - id: skipped
        if: false
        env:
          KEY: \${{ secrets.API_KEY }}
        run: echo never
`;

describe("workflow runner", () => {
  it("records which secrets reached each step (env, script, with:), so a test can prove one stayed unused", async () => {
    sim.addRepo("octo/app", {
      files: { ".github/workflows/secrets.yml": secretsWorkflow, ".github/actions/greet/action.yml": action },
    });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/secrets.yml",
      event: { name: "issues", payload: webhookPayload("issues", { action: "opened", repo: "octo/app" }) },
    });
    const job = run.jobs["use"]!;
    expect(job.result, JSON.stringify(job.annotations)).toBe("success");
    const seen = Object.fromEntries(job.steps.map((s) => [s.id, s.secrets]));
    expect(seen).toEqual({
      checkout: [],
      "by-env": ["API_KEY"],
      "in-script": ["GITHUB_TOKEN"],
      "by-input": ["API_KEY"],
      none: [],
      skipped: [],
    });
  });

  it("runs jobs, steps, a local composite action from the checkout, outputs and needs", async () => {
    sim.addRepo("octo/app", {
      files: { ".github/workflows/demo.yml": workflow, ".github/actions/greet/action.yml": action },
    });
    const payload = webhookPayload("issues", { action: "opened", repo: "octo/app" });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/demo.yml",
      event: { name: "issues", payload },
    });
    expect(run.triggered).toBe(true);
    const first = run.jobs["first"]!;
    expect(first.result).toBe("success");
    const login = (payload["issue"] as { user: { login: string } }).user.login;
    expect(first.outputs["greeting"]).toBe(`hello ${login}`);
    const step = (id: string) => first.steps.find((s) => s.id === id)!;
    expect(step("env1").outputs["level"]).toBe("job");
    // GITHUB_ENV overrides the job env for later steps; a step's own env wins over GITHUB_ENV.
    expect(step("env2").outputs["seen"]).toBe("from-env-file/step");
    expect(step("env3").outputs["seen"]).toBe("from-env-file");
    expect(step("broken").outcome).toBe("failure");
    expect(step("broken").conclusion).toBe("success");
    expect(step("after").outputs["ok"]).toBe("yes");
    expect(first.summary).toContain("## hi");
    expect(first.permissions).toMatchObject({ contents: "read", issues: "write", checks: "none" });

    const second = run.jobs["second"]!;
    expect(second.result).toBe("failure");
    expect(second.steps.find((s) => s.id === "show")!.outputs["got"]).toBe(`hello ${login}`);
    expect(second.steps.find((s) => s.id === "skipped")!.outcome).toBe("skipped");
    expect(second.steps.find((s) => s.id === "fail")!.outputs["ran"]).toBe("yes");
    expect(run.jobs["third"]!.result).toBe("skipped");
    expect(run.jobs["fourth"]!.result).toBe("success");
    expect(run.conclusion).toBe("failure");
  });

  it("does not run for an activity type outside on.<event>.types", async () => {
    sim.addRepo("octo/app", { files: { ".github/workflows/demo.yml": workflow } });
    const payload = webhookPayload("issues", { action: "closed", repo: "octo/app" });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/demo.yml",
      event: { name: "issues", payload },
    });
    expect(run.triggered).toBe(false);
    expect(run.reason).toMatch(/closed/);
  });
});
