/**
 * The routing state travels with the thread's session: written under CODEX_HOME, packed by the
 * session store, restored into another job's fresh CODEX_HOME, where a replay is a duplicate and
 * the drain cursor is where the last run left it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalBackend, prepareCodexHome, restoreSession, saveSession } from "@codexrel/session-store";
import { commitProcessed, createDirStateStore, processedItem, routeEvent } from "@codexrel/threads";
import { afterEach, beforeEach, expect, it } from "vitest";
import { example } from "./helpers.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "threads-session-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

it("a replay in a later job is a duplicate once the state was saved with the session", async () => {
  const backend = createLocalBackend({ dir: join(root, "store") });
  const payload = example("issue_comment", "created");
  const first = await prepareCodexHome({ root, runId: 1, attempt: 1, job: "agent" });
  const stateDir = (home: string) => join(home, "codexrel", "threads");
  const task = await routeEvent({
    eventName: "issue_comment",
    payload,
    state: createDirStateStore(stateDir(first.codexHome)),
  });
  expect(task.action).toBe("continue");
  await commitProcessed(
    createDirStateStore(stateDir(first.codexHome)),
    task.threadKey!,
    [processedItem(task)],
    new Date(),
  );
  const saved = await saveSession({
    codexHome: first.codexHome,
    threadKey: task.threadKey!,
    backend,
    runId: 1,
    attempt: 1,
  });
  expect(saved.saved).toBe(true);
  expect(saved.manifest.files.map((f) => f.path)).toContain("codexrel/threads/Codertocat__Hello-World__issue-1.json");

  const second = await prepareCodexHome({ root, runId: 2, attempt: 1, job: "agent" });
  expect(second.codexHome).not.toBe(first.codexHome);
  await restoreSession({ threadKey: task.threadKey!, backend, codexHome: second.codexHome });
  const store = createDirStateStore(stateDir(second.codexHome));
  expect((await store.load(task.threadKey!))?.cursors.issueComment).toBe(492700400);
  const replay = await routeEvent({ eventName: "issue_comment", payload, state: store });
  expect(replay).toMatchObject({ action: "duplicate", reasonCode: "DUPLICATE" });
});
