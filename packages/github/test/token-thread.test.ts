import {
  discoverToken,
  type ExecPort,
  formatThreadRef,
  parseThreadRef,
  resolveEndpoints,
  threadFromEvent,
  threadRef,
  tokenKind,
  toReportThread,
} from "@codexrel/github";
import examples from "@octokit/webhooks-examples";
import { describe, expect, test } from "vitest";

describe("discoverToken", () => {
  const gh = (stdout: string, exitCode = 0): ExecPort & { calls: string[][] } => {
    const calls: string[][] = [];
    const port = async (cmd: string, args: readonly string[]) => {
      calls.push([cmd, ...args]);
      return { exitCode, stdout, stderr: "" };
    };
    return Object.assign(port, { calls });
  };

  test("GITHUB_TOKEN first, then GH_TOKEN; gh is not run when a variable has one", async () => {
    const exec = gh("gho_fromgh");
    const a = await discoverToken({ env: { GITHUB_TOKEN: "ghs_a", GH_TOKEN: "ghp_b" }, exec });
    expect(a).toMatchObject({ found: true, token: "ghs_a", source: "GITHUB_TOKEN", kind: "installation" });
    const b = await discoverToken({ env: { GITHUB_TOKEN: "  ", GH_TOKEN: "ghp_b\n" }, exec });
    expect(b).toMatchObject({ found: true, token: "ghp_b", source: "GH_TOKEN", kind: "classic" });
    expect(b.attempts[0]).toMatchObject({ source: "GITHUB_TOKEN", outcome: "empty" });
    expect(exec.calls).toEqual([]);
  });

  test("falls back to `gh auth token`, with --hostname for Enterprise hosts", async () => {
    const exec = gh("gho_fromgh\n");
    expect(await discoverToken({ env: {}, exec })).toMatchObject({
      found: true,
      source: "gh auth token",
      kind: "oauth",
    });
    await discoverToken({ env: {}, exec, host: "ghe.example.com" });
    expect(exec.calls).toEqual([
      ["gh", "auth", "token"],
      ["gh", "auth", "token", "--hostname", "ghe.example.com"],
    ]);
  });

  test("says why nothing was found: gh missing, gh not logged in, no exec port", async () => {
    const missing: ExecPort = async () => {
      throw Object.assign(new Error("spawn gh ENOENT"), { code: "ENOENT" });
    };
    const r1 = await discoverToken({ env: {}, exec: missing });
    expect(r1).toMatchObject({ found: false });
    expect(r1.attempts.at(-1)).toMatchObject({ outcome: "not-installed" });
    const r2 = await discoverToken({ env: {}, exec: gh("", 1) });
    expect(r2.attempts.at(-1)).toMatchObject({ outcome: "not-logged-in" });
    const r3 = await discoverToken({ env: {}, exec: gh("", 127) });
    expect(r3.attempts.at(-1)).toMatchObject({ outcome: "not-installed" });
    const r4 = await discoverToken({ env: {} });
    expect(r4.attempts.map((a) => a.source)).toEqual(["GITHUB_TOKEN", "GH_TOKEN"]);
  });

  test("token kinds by prefix", () => {
    expect(["ghp_x", "github_pat_x", "gho_x", "ghs_x", "ghu_x", "v1.abc"].map((t) => tokenKind(t))).toEqual([
      "classic",
      "fine-grained",
      "oauth",
      "installation",
      "app-user",
      "unknown",
    ]);
  });
});

describe("endpoints", () => {
  test("defaults, Enterprise Server derivation, explicit URLs", () => {
    expect(resolveEndpoints()).toEqual({
      apiUrl: "https://api.github.com",
      graphqlUrl: "https://api.github.com/graphql",
      host: "github.com",
    });
    expect(resolveEndpoints({ apiUrl: "https://ghe.example.com/api/v3/" })).toEqual({
      apiUrl: "https://ghe.example.com/api/v3",
      graphqlUrl: "https://ghe.example.com/api/graphql",
      host: "ghe.example.com",
    });
    expect(resolveEndpoints({ apiUrl: "http://127.0.0.1:9/x", graphqlUrl: "http://127.0.0.1:9/gql" }).graphqlUrl).toBe(
      "http://127.0.0.1:9/gql",
    );
    expect(() => resolveEndpoints({ apiUrl: "ftp://x" })).toThrow(/must be http/);
    expect(() => resolveEndpoints({ graphqlUrl: "not a url" })).toThrow(/GITHUB_GRAPHQL_URL is not a URL/);
  });
});

describe("thread refs", () => {
  test("owner/repo#n, URLs, and separate arguments", () => {
    expect(parseThreadRef("octo-org/widgets#12")).toEqual({ owner: "octo-org", repo: "widgets", number: 12 });
    expect(parseThreadRef("octo-org/widgets#12", "pr")).toMatchObject({ kind: "pr" });
    expect(parseThreadRef("https://github.com/o/r/pull/7")).toEqual({ owner: "o", repo: "r", number: 7, kind: "pr" });
    expect(parseThreadRef("https://github.com/o/r/issues/7#issuecomment-1")).toMatchObject({ kind: "issue" });
    expect(threadRef("o/r.js", 3, "issue")).toEqual({ owner: "o", repo: "r.js", number: 3, kind: "issue" });
    expect(formatThreadRef({ owner: "o", repo: "r", number: 3 })).toBe("o/r#3");
    expect(toReportThread({ owner: "o", repo: "r", number: 3, kind: "pr" })).toEqual({
      repository: "o/r",
      kind: "pr",
      number: 3,
    });
  });

  test.each(["o/r", "o/r#0", "o/r#-1", "o r#1", "#1", "o/r#1x", "https://github.com/o/r/tree/1"])(
    "rejects %j with a hint",
    (text) => {
      expect(() => parseThreadRef(text)).toThrow(expect.objectContaining({ code: "THREAD_REF_INVALID" }));
    },
  );
});

describe("threadFromEvent (real payloads from @octokit/webhooks-examples)", () => {
  const payload = (name: string, action?: string) => {
    const group = examples.find((e) => e.name === name);
    const found = group?.examples.find((x) => action === undefined || (x as { action?: string }).action === action);
    if (!found) throw new Error(`no ${name} example`);
    return structuredClone(found) as Record<string, unknown>;
  };

  test("issues: an issue thread with its author", () => {
    const t = threadFromEvent("issues", payload("issues", "opened"));
    expect(t).toMatchObject({ ref: { owner: "Codertocat", repo: "Hello-World", number: 1, kind: "issue" } });
    expect(t?.author).toBeTypeOf("string");
  });

  test("issue_comment on an issue, and on a pull request (issue.pull_request set)", () => {
    expect(threadFromEvent("issue_comment", payload("issue_comment", "created"))?.ref.kind).toBe("issue");
    const onPr = payload("issue_comment", "created");
    (onPr.issue as Record<string, unknown>).pull_request = { url: "https://api.github.com/repos/o/r/pulls/1" };
    expect(threadFromEvent("issue_comment", onPr)?.ref.kind).toBe("pr");
  });

  test("pull_request: same-repository head is not a fork", () => {
    const t = threadFromEvent("pull_request", payload("pull_request", "opened"));
    expect(t).toMatchObject({
      ref: { owner: "Codertocat", repo: "Hello-World", number: 2, kind: "pr" },
      head: { repository: "Codertocat/Hello-World" },
      base: { repository: "Codertocat/Hello-World" },
      fork: false,
    });
  });

  test("pull_request_target from a fork (head repo differs) and from a deleted fork (head repo null)", () => {
    const p = payload("pull_request", "opened");
    const pr = p.pull_request as { head: { repo: { full_name: string } | null } };
    pr.head.repo = { ...(pr.head.repo as object), full_name: "contributor/Hello-World" };
    expect(threadFromEvent("pull_request_target", p)).toMatchObject({
      fork: true,
      head: { repository: "contributor/Hello-World" },
    });
    pr.head.repo = null;
    expect(threadFromEvent("pull_request_target", p)).toMatchObject({ fork: true, head: { repository: null } });
  });

  test("pull_request_review carries the PR", () => {
    expect(threadFromEvent("pull_request_review", payload("pull_request_review"))?.ref).toMatchObject({
      number: 2,
      kind: "pr",
    });
  });

  test("events without a thread give null", () => {
    expect(threadFromEvent("push", payload("push"))).toBeNull();
    expect(threadFromEvent("workflow_dispatch", payload("workflow_dispatch"))).toBeNull();
    expect(threadFromEvent("issues", null)).toBeNull();
  });
});
