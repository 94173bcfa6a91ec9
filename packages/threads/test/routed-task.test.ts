/**
 * completeRoutedTask: the GitHub reads after routing (PR head and fork refusal, drain, review
 * context) through a fake of the three ports it uses.
 */
import { describe, expect, test } from "vitest";
import { completeRoutedTask, type PullRequestHead, type Task } from "../src/index.js";

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

function github(head: PullRequestHead) {
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
        throw new Error("not used");
      },
    },
  };
}

describe("completeRoutedTask", () => {
  test("a same-repository PR: the head branch is looked up and the task is kept", async () => {
    const gh = github({ ref: "codex/issue-5", sha: "abc", repository: "octo/app", fork: false });
    const out = await completeRoutedTask({ live: task("continue"), github: gh.port, config: {}, warn: () => {} });
    expect(out).toMatchObject({
      headRef: "codex/issue-5",
      refused: false,
      task: { action: "continue", prompt: "do it" },
    });
    expect(gh.reads).toEqual(["head"]);
  });

  test("a fork PR is refused: ignore with reason code FORK and no prompt, nothing else is read", async () => {
    const gh = github({ ref: "main", sha: "abc", repository: "eve/app", fork: true });
    const out = await completeRoutedTask({ live: task("review"), github: gh.port, config: {}, warn: () => {} });
    expect(out.refused).toBe(true);
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
