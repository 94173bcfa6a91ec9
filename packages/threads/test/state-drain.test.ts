import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  batchStage,
  branchName,
  combinePrompts,
  commitProcessed,
  createDirStateStore,
  drainQueue,
  emptyThreadState,
  kebabSummary,
  laterStage,
  MAX_SEEN_KEYS,
  markProcessed,
  matchCommand,
  parseThreadState,
  stateFileName,
  type ThreadComment,
} from "@codexrel/threads";
import { describe, expect, it } from "vitest";
import { fakePermissions, untrustedBodies } from "./helpers.js";

const NOW = new Date("2026-03-01T10:00:00Z");
const THREAD = { repository: "octo/hello", kind: "issue" as const, number: 4 };
const KEY = "octo/hello/issue-4";

function c(id: number, body: string, login = "maintainer", association = "MEMBER", type = "User"): ThreadComment {
  return { id, body, user: { login, type }, authorAssociation: association };
}

describe("branch names", () => {
  it("are ASCII kebab, bounded, cut at word boundaries and never empty", () => {
    expect(branchName(12, "Fix the login page")).toBe("codex/issue-12/fix-the-login-page");
    const long = branchName(123456, "Refactor the extremely long module name that keeps going and going forever");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^codex\/issue-123456\/[a-z0-9-]+[a-z0-9]$/);
    expect(branchName(1, "...")).toBe("codex/issue-1/task");
    expect(branchName(1, "Supercalifragilisticexpialidocious".repeat(5), { maxLength: 40 })).toHaveLength(40);
    expect(branchName(9, "Add .lock files / ..", { prefix: "bot" })).toBe("bot/issue-9/add-lock-files");
    expect(kebabSummary("  ÀÉÎ  õü ", 20)).toBe("aei-ou");
  });
});

describe("command matching", () => {
  it("matches at the start of a line, case- and space-insensitively, and returns the rest", () => {
    expect(matchCommand("hi\n  @CODEX   Review  please\nthen this", ["{bot} review"], "codex")).toEqual({
      args: "please\nthen this",
    });
    expect(matchCommand("@codex reviewer", ["{bot} review"], "codex")).toBeNull();
    expect(matchCommand("~~~\n@codex review\n~~~", ["{bot} review"], "codex")).toBeNull();
    expect(matchCommand("```\n~~~\n@codex review\n```\n@codex review", ["{bot} review"], "codex")).toEqual({
      args: "",
    });
  });
});

describe("thread state", () => {
  it("records keys, advances cursors only forward and keeps the latest stage", () => {
    let s = emptyThreadState(KEY);
    s = markProcessed(s, [{ dedupeKey: "a", source: { cursor: "issueComment", id: 10 }, stage: "planning" }], NOW);
    s = markProcessed(s, [{ dedupeKey: "a", source: { cursor: "issueComment", id: 5 }, stage: "implementation" }], NOW);
    s = markProcessed(s, [{ dedupeKey: "b", stage: "planning" }], NOW);
    expect(s).toEqual({
      version: 1,
      threadKey: KEY,
      stage: "implementation",
      cursors: { issueComment: 10 },
      seen: ["a", "b"],
      branch: null,
      updatedAt: NOW.toISOString(),
    });
  });

  it("fixes the branch at the thread's first processed task: a later one never renames it", () => {
    let s = emptyThreadState(KEY);
    s = markProcessed(s, [{ dedupeKey: "a", branch: "codex/issue-1/add-a-parser" }], NOW);
    s = markProcessed(s, [{ dedupeKey: "b", branch: "codex/issue-1/renamed-title" }], NOW);
    expect(s.branch).toBe("codex/issue-1/add-a-parser");
    expect(parseThreadState(JSON.stringify(s), KEY).branch).toBe("codex/issue-1/add-a-parser");
  });

  it("keeps at most MAX_SEEN_KEYS keys, dropping the oldest", () => {
    const items = Array.from({ length: MAX_SEEN_KEYS + 5 }, (_, i) => ({ dedupeKey: `k${i}` }));
    const s = markProcessed(emptyThreadState(KEY), items, NOW);
    expect(s.seen).toHaveLength(MAX_SEEN_KEYS);
    expect(s.seen[0]).toBe("k5");
  });

  it("the directory store round-trips one file per thread, atomically, and rejects foreign or broken files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "threads-state-"));
    const store = createDirStateStore(join(dir, "nested"));
    expect(await store.load(KEY)).toBeNull();
    const saved = await commitProcessed(store, KEY, [{ dedupeKey: "x", source: { cursor: "review", id: 3 } }], NOW);
    expect(await store.load(KEY)).toEqual(saved);
    expect(await readdir(join(dir, "nested"))).toEqual([stateFileName(KEY)]);
    expect(stateFileName(KEY)).toBe("octo__hello__issue-4.json");
    const file = join(dir, "nested", stateFileName(KEY));
    const text = await readFile(file, "utf8");
    expect(() => parseThreadState(text, "octo/hello/pr-4")).toThrow(
      expect.objectContaining({ code: "THREAD_STATE_INVALID" }),
    );
    await writeFile(file, "{not json");
    await expect(store.load(KEY)).rejects.toMatchObject({ code: "THREAD_STATE_INVALID" });
    await writeFile(file, JSON.stringify({ ...saved, cursors: { review: -1 } }));
    await expect(store.load(KEY)).rejects.toMatchObject({ code: "THREAD_STATE_INVALID" });
  });
});

describe("queue drain", () => {
  it("handles every newer authorized comment in order and skips the rest with reasons", async () => {
    const state = markProcessed(
      emptyThreadState(KEY),
      [{ dedupeKey: null, source: { cursor: "issueComment", id: 100 } }],
      NOW,
    );
    const comments = [
      c(105, "third: also add docs"),
      c(90, "old, already handled"),
      c(101, "first: use the v2 API"),
      c(102, "bot noise", "ci[bot]", "NONE", "Bot"),
      c(103, "<!-- codex:progress -->\n- [ ] x", "maintainer"),
      c(104, "drive-by", "stranger", "NONE"),
      c(106, "@codex review"),
    ];
    const result = await drainQueue({ thread: THREAD, title: "Use v2", comments, state }, NOW);
    expect(result.tasks.map((t) => t.source?.id)).toEqual([101, 105]);
    expect(result.skipped.map((s) => [s.id, s.reasonCode])).toEqual([
      [102, "BOT_AUTHOR"],
      [103, "OWN_OUTPUT"],
      [104, "NOT_AUTHORIZED"],
      [106, "REVIEW_NEEDS_PR"],
    ]);
    expect(result.action).toBe("continue");
    expect(result.stage).toBe("planning");
    expect(result.nextState.cursors.issueComment).toBe(106);
    expect(result.nextState.seen).toEqual(["issue_comment/101", "issue_comment/105"]);
    // One combined prompt, in order.
    const bodies = untrustedBodies(result.prompt);
    expect(bodies).toEqual(["first: use the v2 API\n", "third: also add docs\n"]);
    expect(result.prompt.indexOf("Request 1 of 2")).toBeLessThan(result.prompt.indexOf("Request 2 of 2"));
    // Draining again after saving the state finds nothing.
    const again = await drainQueue({ thread: THREAD, comments, state: result.nextState }, NOW);
    expect(again).toMatchObject({ tasks: [], action: "ignore", stage: null, prompt: "" });
  });

  it("uses the permission port for people outside the allowed associations", async () => {
    const comments = [c(1, "please", "outside", "CONTRIBUTOR")];
    const perms = fakePermissions({ outside: "admin" });
    const result = await drainQueue(
      { thread: THREAD, comments, state: emptyThreadState(KEY), permissions: perms },
      NOW,
    );
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]?.author?.permission).toBe("admin");
  });

  it("a plan execution in the queue promotes the whole drain; PR review commands drain as review", async () => {
    const result = await drainQueue(
      { thread: THREAD, comments: [c(1, "ok"), c(2, "execute plan")], state: emptyThreadState(KEY) },
      NOW,
    );
    expect(result.stage).toBe("implementation");
    expect(result.nextState.stage).toBe("implementation");
    const pr = { ...THREAD, kind: "pr" as const };
    const review = await drainQueue(
      { thread: pr, comments: [c(1, "@codex review")], state: emptyThreadState("octo/hello/pr-4") },
      NOW,
    );
    expect(review).toMatchObject({ action: "review", stage: "review" });
    expect(combinePrompts(review.tasks)).toBe(review.tasks[0]?.prompt);
  });
});

describe("stages", () => {
  it("a PR thread moves between review and implementation: the newer request wins; planning never comes back", () => {
    expect(laterStage("review", "implementation")).toBe("implementation");
    expect(laterStage("implementation", "review")).toBe("review");
    expect(laterStage("implementation", "planning")).toBe("implementation");
    expect(laterStage("planning", "implementation")).toBe("implementation");
    expect(laterStage(null, "review")).toBe("review");
    expect(laterStage("review", null)).toBe("review");
  });

  it("one turn for a batch: implementation wins over review (a read-only turn cannot make the fix)", () => {
    expect(batchStage(["implementation", "review"])).toBe("implementation");
    expect(batchStage(["review", "implementation"])).toBe("implementation");
    expect(batchStage(["review", "review"])).toBe("review");
    expect(batchStage([null, "planning"])).toBe("planning");
    expect(batchStage([])).toBeNull();
  });
});
