// The Codex CLI in a simulated run is the real @openai/codex against the fake Responses API,
// scripted to make a tool call that changes the checkout; the job then pushes the change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import {
  createWorkflowSimulation,
  execCommandTurn,
  type FakeOpenAI,
  startFakeOpenAI,
  type WorkflowSimulation,
  webhookPayload,
} from "../src/index.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const workflow = `name: agent
on:
  issues:
    types: [opened]
permissions:
  contents: write
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Run Codex
        env:
          CODEX_HOME: \${{ runner.temp }}/codex-home
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
          CODEX_CONFIG: \${{ secrets.CODEX_CONFIG }}
        run: |
          mkdir -p "$CODEX_HOME"
          printf '%s\\n' "$CODEX_CONFIG" > "$CODEX_HOME/config.toml"
          printenv OPENAI_API_KEY | codex login --with-api-key
          echo "Fix the issue" | codex exec --sandbox workspace-write -
      - run: |
          git config user.name "github-actions[bot]"
          git config user.email "bot@example.invalid"
          git add --all
          git commit -q -m "codex: fix"
          git push -q origin HEAD:refs/heads/codex/fix
`;

let sim: WorkflowSimulation;
let openai: FakeOpenAI;
beforeEach(async () => {
  openai = await startFakeOpenAI({ reply: [execCommandTurn("echo fixed > fix.txt"), "I wrote fix.txt."] });
  sim = await createWorkflowSimulation({
    secrets: { OPENAI_API_KEY: "sk-test-codex", CODEX_CONFIG: openai.codexConfigToml() },
  });
});
afterEach(async () => {
  await sim.dispose();
  await openai.close();
});

it("a scripted exec_command tool call really changes the checkout, and the job pushes it", async () => {
  sim.addRepo("octo/app", { files: { ".github/workflows/agent.yml": workflow } });
  const run = await sim.run({
    repo: "octo/app",
    workflow: ".github/workflows/agent.yml",
    event: { name: "issues", payload: webhookPayload("issues", { action: "opened", repo: "octo/app" }) },
  });
  expect(run.jobs["agent"]!.result).toBe("success");
  const responses = openai.responsesRequests();
  expect(responses.length).toBe(2);
  // The second request carries the command's result back to the model.
  const input = (responses[1]!.json as { input: Array<{ type: string; call_id?: string }> }).input;
  expect(input.some((i) => i.type === "function_call_output")).toBe(true);
  const sha = sim.refSha("octo/app", "refs/heads/codex/fix");
  expect(sha).toMatch(/^[0-9a-f]{40}$/);
  expect(readFileSync(join(sim.checkoutOf("octo/app", "refs/heads/codex/fix"), "fix.txt"), "utf8")).toBe("fixed\n");
  expect(sim.events.find((e) => e.name === "push")).toMatchObject({ triggersWorkflows: false });
}, 300_000);
