/**
 * The review-event relay: a routed review or review comment becomes a relay request, which is sent
 * as a `repository_dispatch` (through @codexrel/github's client against the testkit's fake
 * GitHub, with GitHub's permission table) and routed back, on the default branch, as a task that
 * the PR's drain replaces with what is queued there.
 */
import type { Thread } from "@codexrel/core";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import {
  commitProcessed,
  createMemoryStateStore,
  emptyThreadState,
  mergeDrained,
  parseRelayRequest,
  processedItemsOf,
  RELAY_EVENT_TYPE,
  relayRequest,
  routeEvent,
  threadsGitHub,
} from "@codexrel/threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { example, fakeGitHubClient, untrustedBodies } from "./helpers.js";

const BOT = "ghs_CANARYthreadsRelay000000000000000000000001";
const READER = "ghs_CANARYthreadsRelay000000000000000000000002";
const PR: Thread = { repository: "acme/widgets", kind: "pr", number: 8 };
const NOW = new Date("2026-03-01T10:05:00Z");

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write" } });
  fake.state.addPullRequest("acme/widgets", { number: 8, title: "Parser", author: "github-actions[bot]" });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { contents: "write", issues: "write", pull_requests: "write", metadata: "read" },
    value: BOT,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { contents: "read", issues: "write", pull_requests: "write", metadata: "read" },
    value: READER,
  });
});

function reviewDelivery(id: number, body: string, extra: Record<string, unknown> = {}) {
  return {
    ...example("pull_request_review", "submitted"),
    repository: { full_name: "acme/widgets" },
    pull_request: {
      number: 8,
      title: "Parser",
      head: { repo: { full_name: "acme/widgets" } },
      base: { repo: { full_name: "acme/widgets" } },
    },
    review: {
      id,
      body,
      state: "changes_requested",
      user: { login: "maintainer", type: "User" },
      author_association: "COLLABORATOR",
    },
    ...extra,
  };
}

describe("review-event relay", () => {
  it("a routed review becomes a relay request; ignored reviews, forks and other events do not", async () => {
    const review = await routeEvent({ eventName: "pull_request_review", payload: reviewDelivery(41, "split it") });
    expect(relayRequest(review)).toEqual({ number: 8, event: "pull_request_review", id: 41 });
    const bot = await routeEvent({
      eventName: "pull_request_review",
      payload: reviewDelivery(42, "bump", { sender: { login: "dependabot[bot]", type: "Bot" } }),
    });
    const botReview = { ...bot, action: "ignore" as const };
    expect(relayRequest(botReview)).toBeNull();
    const comment = await routeEvent({ eventName: "issue_comment", payload: example("issue_comment", "created") });
    expect(relayRequest(comment)).toBeNull();
    expect(relayRequest({ ...review, fork: true })).toBeNull();
  });

  it("parses only numbers and a known event back; anything else is RELAY_INVALID", () => {
    expect(parseRelayRequest('{"number":8,"event":"pull_request_review_comment","id":9}')).toEqual({
      number: 8,
      event: "pull_request_review_comment",
      id: 9,
    });
    expect(parseRelayRequest({ number: "8", event: "pull_request_review" })).toEqual({
      number: 8,
      event: "pull_request_review",
      id: null,
    });
    for (const bad of [
      "",
      "{",
      "[]",
      '{"number":0,"event":"pull_request_review"}',
      '{"number":8,"event":"push"}',
      '{"number":8,"event":"pull_request_review","id":-1}',
    ]) {
      expect(() => parseRelayRequest(bad), bad).toThrow(expect.objectContaining({ code: "RELAY_INVALID" }));
    }
  });

  it("is sent as a repository_dispatch that starts workflows (contents: write; a read-only token gets the 403 that names it)", async () => {
    const request = { number: 8, event: "pull_request_review" as const, id: 41 };
    await threadsGitHub(fakeGitHubClient(gh(), BOT)).relay("acme/widgets", request);
    const sent = gh().state.events.filter((e) => e.name === "repository_dispatch");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ action: RELAY_EVENT_TYPE, triggersWorkflows: true });
    expect(sent[0]?.payload).toMatchObject({ client_payload: request, branch: "main" });

    const denied = threadsGitHub(fakeGitHubClient(gh(), READER)).relay("acme/widgets", request);
    // The coded error's hint names the permission GitHub's x-accepted-github-permissions header asks for.
    await expect(denied).rejects.toMatchObject({
      code: "GITHUB_PERMISSION_DENIED",
      hint: expect.stringContaining("contents"),
    });
    expect(gh().state.events.filter((e) => e.name === "repository_dispatch")).toHaveLength(1);
    gh().assertNoViolations();
  });

  it("routed back, the relay stands for the PR's queue: the drain puts the review (and anything queued) in its place; a second relay of it is a duplicate", async () => {
    const s = gh().state;
    s.addComment("acme/widgets", 8, { author: "maintainer", body: "@codex first: rename parse()" });
    const review = s.addReview("acme/widgets", 8, {
      author: "maintainer",
      body: "second: split the parser",
      state: "CHANGES_REQUESTED",
    });
    const request = { number: 8, event: "pull_request_review" as const, id: review.id };
    await threadsGitHub(fakeGitHubClient(gh(), BOT)).relay("acme/widgets", request);
    const dispatched = s.events.find((e) => e.name === "repository_dispatch");
    const payload = { ...dispatched?.payload, repository: { full_name: "acme/widgets" } };

    const state = emptyThreadState("acme/widgets/pr-8");
    const store = createMemoryStateStore([state]);
    const live = await routeEvent({ eventName: "repository_dispatch", payload, state: store });
    expect(live).toMatchObject({ action: "continue", reasonCode: "RELAYED", thread: PR, relayed: request });
    expect(live.reason).toContain("(holds write access)");

    const github = threadsGitHub(fakeGitHubClient(gh(), BOT));
    const merged = mergeDrained(live, await github.drain({ thread: PR, state, now: NOW }));
    expect(merged.action).toBe("continue");
    expect(merged.event.name).toBe("repository_dispatch");
    expect(untrustedBodies(merged.prompt)).toEqual(["@codex first: rename parse()\n", "second: split the parser\n"]);
    expect(merged.dedupeKey).toMatch(/^issue_comment\//);
    expect(merged.drained.map((t) => t.dedupeKey)).toEqual([`pull_request_review/${review.id}`]);

    const next = await commitProcessed(store, "acme/widgets/pr-8", processedItemsOf(merged), NOW);
    expect(next.seen).toContain(`pull_request_review/${review.id}`);
    const again = await routeEvent({ eventName: "repository_dispatch", payload, state: store });
    const replay = mergeDrained(again, await github.drain({ thread: PR, state: next, now: NOW }));
    expect(replay).toMatchObject({ action: "duplicate", reasonCode: "ALREADY_DRAINED", prompt: "" });
    expect(replay.reason).toContain(`relayed pull_request_review ${review.id}`);
  });

  it("a dispatch of another type, or a relay without a usable PR number, is ignored with a reason", async () => {
    const base = { ...example("repository_dispatch"), repository: { full_name: "acme/widgets" } };
    const other = await routeEvent({ eventName: "repository_dispatch", payload: { ...base, action: "deploy" } });
    expect(other).toMatchObject({ action: "ignore", reasonCode: "ACTION_NOT_ROUTED" });
    const broken = await routeEvent({
      eventName: "repository_dispatch",
      payload: {
        ...base,
        action: RELAY_EVENT_TYPE,
        client_payload: { number: "x; rm -rf /", event: "pull_request_review" },
      },
    });
    expect(broken).toMatchObject({ action: "ignore", reasonCode: "NO_THREAD" });
    expect(broken.reason).toContain("RELAY_INVALID");
  });
});
