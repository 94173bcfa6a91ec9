// Cancelling a run as GitHub does (workflow-cancellation-reference): the running step's entry
// process gets SIGINT, SIGTERM after 7500 ms, and its process tree is killed 2500 ms later; the
// step is cancelled (not failed), and only `cancelled()` / `always()` steps run afterwards.
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createWorkflowSimulation, type WorkflowSimulation, webhookPayload } from "../src/index.js";

vi.setConfig({ testTimeout: 120_000 });

let sim: WorkflowSimulation;
beforeEach(async () => {
  sim = await createWorkflowSimulation();
});
afterEach(async () => {
  await sim.dispose();
});

const workflow = (script: string) => `name: cancel
on:
  issues:
    types: [opened]
permissions: {}
jobs:
  work:
    runs-on: ubuntu-latest
    steps:
      - id: long
        run: |
${script
  .split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
      - id: next
        run: echo "should not run"
      - id: failed
        if: failure()
        run: echo "should not run either"
      - id: tidy
        if: cancelled()
        run: echo "tidied up"
`;

/** `trap` is the step's signal handling, set before it says it has started; `body` then runs. */
async function cancelDuring(trap: string, body: string) {
  const script = `${trap}\n__STARTED__\n${body}`;
  // The step says it has started (a file), so the cancel lands while it runs, however slow the machine.
  const started = join(tmpdir(), `codexrel-cancel-${randomUUID()}`);
  sim.addRepo("octo/app", {
    files: { ".github/workflows/cancel.yml": workflow(script.replace("__STARTED__", `touch '${started}'`)) },
  });
  const payload = webhookPayload("issues", { action: "opened", repo: "octo/app" });
  const handle = sim.start({
    repo: "octo/app",
    workflow: ".github/workflows/cancel.yml",
    event: { name: "issues", payload },
  });
  while (!existsSync(started)) await new Promise((r) => setTimeout(r, 50));
  rmSync(started);
  handle.cancel();
  const run = await handle.result;
  const job = run.jobs["work"]!;
  const outcome = (id: string) => job.steps.find((s) => s.id === id)?.outcome;
  return {
    run,
    outcome,
    log: (id: string) => job.steps.find((s) => s.id === id)?.log.join("\n") ?? "",
  };
}

it("a step that traps SIGINT runs its trap; it is cancelled, not failed, and the cancelled() step runs", async () => {
  const r = await cancelDuring("trap 'echo \"got SIGINT\"; exit 130' INT", "sleep 60 &\nwait $!");
  expect(r.run.conclusion).toBe("cancelled");
  expect(r.outcome("long")).toBe("cancelled");
  expect(r.log("long")).toContain("got SIGINT");
  expect(r.outcome("next")).toBe("skipped");
  expect(r.outcome("failed")).toBe("skipped");
  expect(r.outcome("tidy")).toBe("success");
  expect(r.log("tidy")).toContain("tidied up");
});

it("a step that ignores SIGINT gets SIGTERM; a child left behind is killed with the tree", async () => {
  // bash ignores SIGINT and dies of SIGTERM; the background sleep keeps the step's output open
  // until the tree is killed.
  // The sleep outlives the test's own limit: without the tree kill this test cannot finish.
  const r = await cancelDuring("trap '' INT", "sleep 600 &\nwait $!");
  expect(r.outcome("long")).toBe("cancelled");
  expect(r.outcome("tidy")).toBe("success");
});
