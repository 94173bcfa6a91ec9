/**
 * Every GitHub check against every fault the fake can raise, at every GitHub call preflight
 * makes (identity, thread, the probe's write). Each outcome is stated, secrets never show, and a
 * fault never turns into "publishable: yes".
 */

import { renderPreflightMarkdown, renderPreflightText, runPreflight } from "@codexrel/preflight";
import { type FaultMatch, type FaultSpec, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CANARY, found, githubAt, seedGitHub, statuses } from "./helpers.js";

const gh = useFakeGitHub({ beforeEach, afterEach }, seedGitHub);

const FAULTS: Record<string, FaultSpec> = {
  "401": { kind: "unauthorized" },
  "403 accepted-permissions": { kind: "forbidden", accepted: "issues=write" },
  "404": { kind: "not-found" },
  "secondary rate limit 403": { kind: "secondary-rate-limit", status: 403, retryAfter: 3600 },
  "secondary rate limit 429": { kind: "secondary-rate-limit", status: 429, retryAfter: 3600 },
  "primary rate limit": { kind: "rate-limit", resetInSeconds: 3600 },
  "500": { kind: "server-error", status: 500 },
  "502": { kind: "server-error", status: 502 },
  "503": { kind: "server-error", status: 503 },
  slow: { kind: "slow", delayMs: 120_000 },
  dropped: { kind: "drop" },
};

/** What each fault becomes when it hits a read (identity or thread). */
const ON_READ: Record<string, string> = {
  "401": "fail GITHUB_TOKEN_INVALID",
  "403 accepted-permissions": "fail GITHUB_PERMISSION_DENIED",
  "404": "fail GITHUB_NOT_FOUND",
  "secondary rate limit 403": "warn GITHUB_RATE_LIMITED",
  "secondary rate limit 429": "warn GITHUB_RATE_LIMITED",
  "primary rate limit": "warn GITHUB_RATE_LIMITED",
  "500": "warn GITHUB_UNREACHABLE",
  "502": "warn GITHUB_UNREACHABLE",
  "503": "warn GITHUB_UNREACHABLE",
  slow: "warn GITHUB_UNREACHABLE",
  dropped: "warn GITHUB_UNREACHABLE",
};

/** What each fault becomes when it hits the probe's comment POST. */
const ON_PROBE: Record<string, string> = {
  ...ON_READ,
  "403 accepted-permissions": "fail CAN_COMMENT_DENIED",
};

const TARGETS: Record<string, FaultMatch> = {
  identity: { graphql: "viewer" },
  thread: { graphql: "CodexrelThread" },
  probe: { route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments" },
};

function expected(target: string, fault: string): Record<string, string> {
  const failedAt = target === "probe" ? ON_PROBE[fault]! : ON_READ[fault]!;
  if (target === "identity") {
    return {
      "github-token": failedAt,
      thread: "skip GITHUB_TOKEN_UNAVAILABLE",
      "can-comment": "skip THREAD_UNAVAILABLE",
      fork: "skip THREAD_UNAVAILABLE",
    };
  }
  if (target === "thread") {
    return {
      "github-token": "pass GITHUB_TOKEN_OK",
      thread: failedAt,
      "can-comment": "skip THREAD_UNAVAILABLE",
      fork: "skip THREAD_UNAVAILABLE",
    };
  }
  return {
    "github-token": "pass GITHUB_TOKEN_OK",
    thread: "pass THREAD_OK",
    "can-comment": failedAt,
    fork: "pass SAME_REPOSITORY",
  };
}

describe.each(Object.keys(TARGETS))("fault at %s", (target) => {
  test.each(Object.keys(FAULTS))("%s", async (fault) => {
    gh().fault(TARGETS[target]!, FAULTS[fault]!, { times: Number.POSITIVE_INFINITY });
    const r = await runPreflight({
      checks: ["github-token", "thread", "can-comment", "fork"],
      github: githubAt(gh(), found(CANARY.installation), 300),
      thread: { owner: "acme", repo: "widgets", number: 3 },
      probeComment: true,
    });
    expect(statuses(r)).toEqual(expected(target, fault));
    expect(r.publishable).not.toBe("yes");
    for (const c of r.checks) {
      if (c.status === "fail" || c.status === "warn") expect(c.hint, `${c.id} needs a hint`).toBeTruthy();
    }
    const everything = JSON.stringify(r) + renderPreflightText(r) + renderPreflightMarkdown(r);
    expect(everything).not.toContain(CANARY.installation);
  });
});

test("a GitHub error that echoes the Authorization header is redacted", async () => {
  gh().route("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", (ctx) => ({
    status: 403,
    body: { message: `denied for ${String(ctx.headers.authorization)}`, documentation_url: "https://docs.github.com" },
    headers: { "x-accepted-github-permissions": "issues=write" },
  }));
  const r = await runPreflight({
    checks: ["github-token", "thread", "can-comment"],
    github: githubAt(gh(), found(CANARY.installation)),
    thread: { owner: "acme", repo: "widgets", number: 1 },
    probeComment: true,
  });
  expect(statuses(r)["can-comment"]).toBe("fail CAN_COMMENT_DENIED");
  const everything = JSON.stringify(r) + renderPreflightText(r) + renderPreflightMarkdown(r);
  expect(everything).toContain("denied for token [REDACTED");
  expect(everything).not.toContain(CANARY.installation);
});
