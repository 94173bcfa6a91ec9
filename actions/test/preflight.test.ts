/**
 * actions/preflight run for real by the action harness (committed bundle, composite steps, env
 * inputs), against the schema-validated fake GitHub and a minimal local `/v1/models` stub.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ActionHarness, createActionHarness } from "@codexrel/testkit/actions";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const WRITER = "ghs_CANARYactionWriter000000000000000000001";
const READER = "ghs_CANARYactionReader000000000000000000002";
const OPENAI = "sk-proj-CANARYactionOpenAI0000000000000000003";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets");
  fake.state.addPullRequest("acme/widgets", { number: 5 });
  fake.state.addPullRequest("acme/widgets", { number: 6, headRepo: "contributor/widgets" });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: WRITER,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: READER,
  });
});

let openai: Server;
let openaiBase = "";
beforeAll(async () => {
  openai = createServer((req, res) => {
    const ok = req.url === "/v1/models" && req.headers.authorization === `Bearer ${OPENAI}`;
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
    res.end(
      JSON.stringify(ok ? { data: [{ id: "gpt-5" }] } : { error: { message: "bad key", code: "invalid_api_key" } }),
    );
  });
  await new Promise<void>((r) => openai.listen(0, "127.0.0.1", r));
  openaiBase = `http://127.0.0.1:${(openai.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => openai.close(() => r())));

let harness: ActionHarness | undefined;
afterEach(() => {
  harness?.dispose();
  harness = undefined;
});

function prEvent(number: number, headRepo: string) {
  return {
    name: "pull_request",
    payload: {
      action: "opened",
      number,
      repository: { full_name: "acme/widgets" },
      pull_request: {
        number,
        user: { login: "someone" },
        head: { ref: "patch", sha: "abc123", repo: { full_name: headRepo } },
        base: { ref: "main", repo: { full_name: "acme/widgets" } },
      },
    },
  };
}

function secretsAbsent(text: string): void {
  for (const s of [WRITER, READER, OPENAI]) expect(text).not.toContain(s);
}

describe("actions/preflight", () => {
  it("end to end: a same-repository PR with a writing token and a working key is publishable and runnable", async () => {
    harness = createActionHarness({
      event: prEvent(5, "acme/widgets"),
      github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token: WRITER },
    });
    const r = await harness.run("preflight", {
      inputs: { "openai-api-key": OPENAI, "openai-base-url": openaiBase },
    });
    expect(r.conclusion).toBe("success");
    expect(r.outputs).toMatchObject({ publishable: "true", "agent-runnable": "true", fork: "false", reasons: "[]" });
    expect(r.summary).toContain("### codexrel preflight");
    expect(r.summary).toContain("**Publishable:** yes · **Agent can run:** yes");
    expect(r.summary).toMatch(/\| can-comment \| ✅ pass \| `CAN_COMMENT` \|/);
    secretsAbsent(r.log.join("\n") + r.summary + JSON.stringify(r.outputs));
  });

  it("a fork PR with the read-only token: agent ruled out, publishing unknown, reasons name the fixes; advisory exits 0", async () => {
    harness = createActionHarness({
      event: prEvent(6, "contributor/widgets"),
      github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token: READER },
    });
    const r = await harness.run("preflight", { inputs: { checks: "github-token,thread,can-comment,fork,openai-key" } });
    expect(r.conclusion).toBe("success");
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ publishable: "unknown", "agent-runnable": "false", fork: "true" });
    const reasons = JSON.parse(r.outputs.reasons ?? "[]") as Array<{ id: string; code: string; hint?: string }>;
    expect(reasons.map((x) => `${x.id} ${x.code}`)).toEqual([
      "can-comment CAN_COMMENT_UNKNOWN",
      "fork FORK_PULL_REQUEST",
      "openai-key OPENAI_KEY_MISSING",
    ]);
    expect(reasons[0]?.hint).toMatch(/`issues: write` \(or `pull-requests: write`\) to the job's `permissions`/);
    expect(r.summary).toContain("`FORK_PULL_REQUEST`");
    expect(r.annotations.filter((a) => a.level === "warning").map((a) => a.title)).toEqual([
      "codexrel preflight: can-comment",
      "codexrel preflight: fork",
      "codexrel preflight: openai-key",
    ]);
    secretsAbsent(r.log.join("\n") + r.summary + JSON.stringify(r.outputs));
  });

  it("the probe proves the read-only token cannot comment, naming the permission GitHub asked for", async () => {
    harness = createActionHarness({
      event: prEvent(5, "acme/widgets"),
      github: { repository: "acme/widgets", api_url: gh().apiUrl, graphql_url: gh().graphqlUrl, token: READER },
    });
    const r = await harness.run("preflight", {
      inputs: { checks: "github-token,thread,can-comment", "probe-comment": "true" },
    });
    expect(r.outputs.publishable).toBe("false");
    const reasons = JSON.parse(r.outputs.reasons ?? "[]") as Array<{ code: string; hint: string }>;
    expect(reasons[0]).toMatchObject({
      code: "CAN_COMMENT_DENIED",
      hint: "add `issues: write` (or `pull-requests: write`) to the job's `permissions` (or use a token that has it).",
    });
    expect(gh().state.threadComments("acme/widgets", 5)).toHaveLength(0);
  });

  it("advisory mode with GitHub down: reported in outputs and summary, and the step exits 0", async () => {
    const down = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => down.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
    try {
      harness = createActionHarness({
        event: prEvent(5, "acme/widgets"),
        github: { repository: "acme/widgets", api_url: url, graphql_url: `${url}/graphql`, token: WRITER },
      });
      const r = await harness.run("preflight", { inputs: { checks: "github-token,thread,can-comment" } });
      expect(r.conclusion).toBe("success");
      expect(r.exitCode).toBe(0);
      expect(r.outputs.publishable).toBe("unknown");
      expect(r.outputs.reasons).toContain("GITHUB_UNREACHABLE");
      expect(r.summary).toContain("`GITHUB_UNREACHABLE`");
      expect(r.annotations.some((a) => a.level === "warning")).toBe(true);
    } finally {
      down.closeAllConnections();
      down.close();
    }
  });

  it("blocking mode: a missing token fails the step with an error annotation", async () => {
    harness = createActionHarness({ event: prEvent(5, "acme/widgets"), github: { repository: "acme/widgets" } });
    const r = await harness.run("preflight", {
      inputs: { "github-token": "", advisory: "false", checks: "github-token,thread" },
    });
    expect(r.conclusion).toBe("failure");
    expect(r.exitCode).toBe(1);
    expect(r.outputs.publishable).toBe("false");
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: "error", title: "codexrel preflight: github-token" }),
    );
  });

  it("a bad input is reported, not thrown, in advisory mode", async () => {
    harness = createActionHarness({ github: { repository: "acme/widgets" } });
    const r = await harness.run("preflight", { inputs: { thread: "not a thread" } });
    expect(r.conclusion).toBe("success");
    expect(r.outputs.publishable).toBe("unknown");
    expect(r.outputs.reasons).toContain("THREAD_REF_INVALID");
    expect(r.summary).toContain("Preflight could not run");
  });
});
