/**
 * The queue drain on a PR covers every kind of feedback GitHub sends (conversation comments,
 * submitted reviews, review comments), through @codexrel/github's client against the testkit's
 * fake GitHub (GraphQL executed against GitHub's schema): GitHub keeps one pending run per
 * concurrency group, so a review whose own run was cancelled must reach the run that got the thread.
 */
import type { Thread } from "@codexrel/core";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import {
  commitProcessed,
  createMemoryStateStore,
  emptyThreadState,
  mergeDrained,
  processedItemsOf,
  routeEvent,
  threadsGitHub,
} from "@codexrel/threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example, fakeGitHubClient, untrustedBodies } from "./helpers.js";

const BOT = "ghs_CANARYthreadsDrain00000000000000000000001";
const PR: Thread = { repository: "acme/widgets", kind: "pr", number: 8 };
const NOW = new Date("2026-03-01T10:05:00Z");

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write" } });
  fake.state.addIssue("acme/widgets", { number: 7, title: "Add a parser", author: "maintainer" });
  fake.state.addPullRequest("acme/widgets", { number: 8, title: "Parser", author: "github-actions[bot]" });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: BOT,
  });
});

const client = () => fakeGitHubClient(gh(), BOT);

describe("queue drain on a pull request", () => {
  it("handles conversation comments, review comments and reviews in the order they were written; records each kind's cursor", async () => {
    const s = gh().state;
    s.addComment("acme/widgets", 8, { author: "maintainer", body: "@codex first: rename parse()" });
    s.addReviewThread("acme/widgets", 8, {
      path: "src/parser.ts",
      line: 12,
      comments: [{ author: "maintainer", body: "second: this loop never ends" }],
    });
    s.addReviewThread("acme/widgets", 8, {
      path: "README.md",
      resolved: true,
      comments: [{ author: "maintainer", body: "dealt with already: a resolved thread is not a request" }],
    });
    s.addReview("acme/widgets", 8, { author: "dependabot[bot]", body: "bump", state: "COMMENTED" });
    const review = s.addReview("acme/widgets", 8, {
      author: "maintainer",
      body: "third: split the parser",
      state: "CHANGES_REQUESTED",
    });
    const github = threadsGitHub(client());
    const state = emptyThreadState("acme/widgets/pr-8");
    const drain = await github.drain({ thread: PR, state, now: NOW });
    expect(drain.complete).toBe(true);
    expect(drain.tasks.map((t) => t.source?.kind)).toEqual(["issue_comment", "review_comment", "review"]);
    expect(drain.tasks.map((t) => untrustedBodies(t.prompt)[0])).toEqual([
      "@codex first: rename parse()\n",
      "second: this loop never ends\n",
      "third: split the parser\n",
    ]);
    expect(drain.tasks[1]?.prompt).toContain("On src/parser.ts line 12");
    expect(drain.skipped.map((x) => [x.cursor, x.reasonCode])).toEqual([["review", "BOT_AUTHOR"]]);
    expect(drain.stage).toBe("implementation");

    // The live event is the review (its own run got the thread): it takes its place, last.
    const live = await routeEvent({
      eventName: "pull_request_review",
      payload: {
        ...example("pull_request_review", "submitted"),
        repository: { full_name: "acme/widgets" },
        pull_request: {
          number: 8,
          title: "Parser",
          head: { repo: { full_name: "acme/widgets" } },
          base: { repo: { full_name: "acme/widgets" } },
        },
        review: {
          id: review.id,
          body: "third: split the parser",
          state: "changes_requested",
          user: { login: "maintainer", type: "User" },
          author_association: "COLLABORATOR",
        },
      },
    });
    expect(live.action, live.reason).toBe("continue");
    const merged = mergeDrained(live, drain);
    expect(merged.drained.map((t) => t.source?.kind)).toEqual(["issue_comment", "review_comment"]);
    const p = merged.prompt;
    expect(p.indexOf("first: rename")).toBeLessThan(p.indexOf("second: this loop"));
    expect(p.indexOf("second: this loop")).toBeLessThan(p.indexOf("third: split"));

    // Committed as the worker does: every kind's cursor moves, so a second drain finds nothing.
    const store = createMemoryStateStore([state]);
    const next = await commitProcessed(store, "acme/widgets/pr-8", processedItemsOf(merged), NOW);
    expect(Object.keys(next.cursors).sort()).toEqual(["issueComment", "review", "reviewComment"]);
    const again = await github.drain({ thread: PR, state: next, now: NOW });
    expect(again.tasks).toEqual([]);
    expect(again.skipped).toEqual([]);
  });

  it("an issue thread reads no reviews", async () => {
    gh().state.addComment("acme/widgets", 7, { author: "maintainer", body: "go on" });
    const drain = await threadsGitHub(client()).drain({
      thread: { repository: "acme/widgets", kind: "issue", number: 7 },
      state: emptyThreadState("acme/widgets/issue-7"),
      now: NOW,
    });
    expect(drain.tasks).toHaveLength(1);
    expect(gh().requests.map((r) => r.graphql?.operationName)).not.toContain("CodexrelPullRequestFeedback");
    expect(gh().requests.map((r) => r.graphql?.operationName)).toContain("CodexrelThreadComments");
  });
});
