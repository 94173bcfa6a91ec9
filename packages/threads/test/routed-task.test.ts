/**
 * completeRoutedTask: the GitHub reads after routing (PR head and fork refusal, drain, review
 * context) through a fake of the three ports it uses.
 */
import { describe, expect, test } from "vitest";
import {
  completeRoutedTask,
  type PullRequestHead,
  type ReviewContext,
  sessionFallbackThread,
  type Task,
} from "../src/index.js";

const prThread = { repository: "octo/app", kind: "pr", number: 5 } as const;

function task(action: Task["action"], thread: Task["thread"] = prThread): Task {
  return {
    action,
    stage: "implementation",
    thread,
    threadKey: thread ? `${thread.repository}/${thread.kind}-${thread.number}` : null,
    reasonCode: "COMMENT",
    reason: "mentioned",
    prompt: "do it",
    author: null,
    event: { name: "issue_comment", action: "created", deliveryId: null },
    source: null,
    dedupeKey: null,
    command: null,
    concurrencyGroup: null,
    branch: null,
    prBody: null,
    title: null,
    fork: null,
    threadBody: null,
  };
}

const CONTEXT: ReviewContext = {
  pr: {
    id: "PR_1",
    number: 5,
    title: "t",
    url: "https://github.com/octo/app/pull/5",
    isDraft: true,
    state: "OPEN",
    headRef: "codex/issue-5/x",
    headSha: "abc",
    baseRef: "main",
    reviewDecision: null,
    author: "codexrel",
    authorType: "Bot",
  },
  unresolvedThreads: [
    {
      id: "T_1",
      path: "greet.txt",
      line: 1,
      isOutdated: false,
      isResolved: false,
      comments: [{ author: "octocat", body: "say hi instead", url: null, createdAt: "2026-01-01T00:00:00Z" }],
      totalComments: 1,
    },
  ],
  resolvedThreads: 0,
  checks: [],
  rollup: null,
  complete: true,
};

function github(head: PullRequestHead, context?: ReviewContext) {
  const reads: string[] = [];
  return {
    reads,
    port: {
      pullRequestHead: async () => {
        reads.push("head");
        return head;
      },
      drain: async () => {
        reads.push("drain");
        throw new Error("not used");
      },
      reviewContext: async () => {
        reads.push("review");
        if (!context) throw new Error("not used");
        return context;
      },
    },
  };
}

describe("completeRoutedTask", () => {
  test("a same-repository PR: the head branch is looked up and the task is kept", async () => {
    const gh = github({ ref: "feature/x", sha: "abc", repository: "octo/app", fork: false });
    const out = await completeRoutedTask({
      live: task("continue"),
      github: gh.port,
      config: {},
      reviewContext: false,
      warn: () => {},
    });
    expect(out).toMatchObject({
      headRef: "feature/x",
      refused: false,
      sessionFallback: "",
      task: { action: "continue", prompt: "do it" },
    });
    expect(gh.reads).toEqual(["head"]);
  });

  test("a follow-up on the worker's PR for issue 3 starts from issue 3's session and reads the review context", async () => {
    const gh = github(
      { ref: "codex/issue-3/add-a-greeting", sha: "abc", repository: "octo/app", fork: false },
      CONTEXT,
    );
    const out = await completeRoutedTask({ live: task("continue"), github: gh.port, config: {}, warn: () => {} });
    expect(out.sessionFallback).toBe("octo/app/issue-3");
    expect(out.task.prompt).toContain("say hi instead");
    expect(gh.reads).toEqual(["head", "review"]);
    // A configured branch prefix is the one read; the default one no longer matches.
    const other = await completeRoutedTask({
      live: task("continue"),
      github: github({ ref: "codex/issue-3/x", sha: "abc", repository: "octo/app", fork: false }, CONTEXT).port,
      config: { branchPrefix: "bot" },
      warn: () => {},
    });
    expect(other.sessionFallback).toBe("");
  });

  test("a fork PR is refused: ignore with reason code FORK and no prompt, nothing else is read", async () => {
    const gh = github({ ref: "main", sha: "abc", repository: "eve/app", fork: true });
    const out = await completeRoutedTask({ live: task("review"), github: gh.port, config: {}, warn: () => {} });
    expect(out.refused).toBe(true);
    expect(out.sessionFallback).toBe("");
    expect(out.task).toMatchObject({ action: "ignore", reasonCode: "FORK", prompt: "" });
    expect(out.task.reason).toContain("eve/app");
    expect(gh.reads).toEqual(["head"]);
  });

  test("without a token, a review gets a warning instead of its review context; ignore reads nothing", async () => {
    const warnings: string[] = [];
    const out = await completeRoutedTask({
      live: task("review"),
      github: null,
      config: {},
      warn: (m) => warnings.push(m),
    });
    expect(out.task.prompt).toBe("do it");
    expect(warnings).toEqual(["review-context: no github-token, so the prompt has no review context"]);
    const gh = github({ ref: "x", sha: "y", repository: "octo/app", fork: false });
    await completeRoutedTask({ live: task("ignore"), github: gh.port, config: {}, drain: true, warn: () => {} });
    expect(gh.reads).toEqual([]);
  });
});

describe("sessionFallbackThread", () => {
  test.each([
    ["codex/issue-12/fix-it", { repository: "octo/app", kind: "issue", number: 12 }],
    ["codex/issue-12", null], // not a branch the worker names
    ["codex/issue-012/x", null],
    ["codexx/issue-1/x", null],
    ["feature/issue-1/x", null],
    ["main", null],
  ])("%s", (ref, expected) => {
    expect(sessionFallbackThread(prThread, ref)).toEqual(expected);
  });

  test("an issue thread has no fallback", () => {
    expect(sessionFallbackThread({ ...prThread, kind: "issue" }, "codex/issue-1/x")).toBeNull();
  });
});
