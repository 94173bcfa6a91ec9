/**
 * actions/route-event's review-event relay, run by the action harness (committed bundle) against
 * the fake GitHub: `relay: true` turns a routed review into a `relay` output instead of work, and
 * `send-relay` sends it as a repository_dispatch; it claims "relayed" only once GitHub took it.
 */
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const WRITER = "ghs_CANARYrelayWriter000000000000000000000001";
const READER = "ghs_CANARYrelayReader000000000000000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets", { collaborators: { maintainer: "write" } });
  fake.state.addPullRequest("acme/widgets", { number: 8, title: "Parser", headRef: "codex/issue-7/parser" });
  const permissions = { issues: "write", pull_requests: "write", metadata: "read" } as const;
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { ...permissions, contents: "write" },
    repositories: ["acme/widgets"],
    value: WRITER,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { ...permissions, contents: "read" },
    repositories: ["acme/widgets"],
    value: READER,
  });
});

let harness: ActionHarness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

function start(event: { name: string; payload: Record<string, unknown> }, token = WRITER): ActionHarness {
  harness?.dispose();
  harness = createActionHarness({
    event,
    github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token, run_id: "77" },
  });
  return harness;
}

const repository = { full_name: "acme/widgets", name: "widgets", owner: { login: "acme" }, default_branch: "main" };
const pullRequest = {
  number: 8,
  title: "Parser",
  head: { ref: "codex/issue-7/parser", repo: { full_name: "acme/widgets" } },
  base: { ref: "main", repo: { full_name: "acme/widgets" } },
};

function reviewEvent(id: number, login = "maintainer", association = "COLLABORATOR") {
  return {
    name: "pull_request_review",
    payload: {
      action: "submitted",
      repository,
      pull_request: pullRequest,
      review: {
        id,
        body: "split the parser",
        state: "changes_requested",
        user: { login, type: "User" },
        author_association: association,
      },
      sender: { login, type: "User" },
    },
  };
}

describe("actions/route-event relay", () => {
  it("relay: a routed review comes out as a relay request (numbers only), not as work here; an ignored one does not", async () => {
    const r = await start(reviewEvent(41)).run("route-event", { inputs: { relay: "true", "review-context": "false" } });
    expect(r.conclusion).toBe("success");
    expect(r.outputs.action).toBe("continue");
    expect(JSON.parse(r.outputs.relay as string)).toEqual({ number: 8, event: "pull_request_review", id: 41 });
    expect(r.summary).toContain("to be relayed to a run on the default branch");
    expect(r.summary).not.toContain("**relayed**");

    const off = await start(reviewEvent(42)).run("route-event", { inputs: { "review-context": "false" } });
    expect(off.outputs.relay).toBe("");
    const stranger = await start(reviewEvent(43, "stranger", "NONE")).run("route-event", { inputs: { relay: "true" } });
    expect(stranger.outputs).toMatchObject({ action: "ignore", relay: "" });
  });

  it("send-relay: sends the repository_dispatch and says so after GitHub took it; a token without contents: write fails blocking with the permission to add, and sends nothing", async () => {
    const request = JSON.stringify({ number: 8, event: "pull_request_review", id: 41 });
    const sent = await start(reviewEvent(41)).run("route-event", {
      inputs: { "send-relay": request, mode: "blocking" },
    });
    expect(sent.conclusion).toBe("success");
    expect(sent.outputs).toMatchObject({ relay: request, number: "8", kind: "pr", error: "" });
    expect(sent.summary).toContain("**relayed** pull_request_review 41 on PR #8");
    const events = gh().state.events.filter((e) => e.name === "repository_dispatch");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "codexrel-relay", triggersWorkflows: true });
    expect(events[0]?.payload["client_payload"]).toEqual(JSON.parse(request));

    const denied = await start(reviewEvent(41), READER).run("route-event", {
      inputs: { "send-relay": request, mode: "blocking" },
    });
    expect(denied.conclusion).toBe("failure");
    expect(denied.outputs.error).toMatch(/^GITHUB_PERMISSION_DENIED: .*contents: write/);
    expect(denied.summary).not.toContain("**relayed**");
    expect(gh().state.events.filter((e) => e.name === "repository_dispatch")).toHaveLength(1);
    expect(denied.log.join("\n")).not.toContain(READER);

    const bad = await start(reviewEvent(41)).run("route-event", {
      inputs: { "send-relay": '{"number":8,"event":"push"}', mode: "blocking" },
    });
    expect(bad.conclusion).toBe("failure");
    expect(bad.outputs.error).toMatch(/^RELAY_INVALID: /);
  });
});
