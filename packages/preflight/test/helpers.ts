import { createGitHubClient, createThrottleGroups, type TokenDiscovery } from "@codexrel/github";
import type { PreflightOptions } from "@codexrel/preflight";
import type { FakeGitHub } from "@codexrel/testkit/github";

export const CANARY = {
  classic: "ghp_CANARYpreflightclassic00000000000000000001",
  noScope: "ghp_CANARYpreflightnoscope00000000000000000002",
  installation: "ghs_CANARYpreflightinstall00000000000000000003",
  readOnly: "ghs_CANARYpreflightreadonly0000000000000000004",
  fineGrained: "github_pat_CANARYpreflightfine0000000000000000000000000000000000000000000005",
  fineRead: "github_pat_CANARYpreflightfineread00000000000000000000000000000000000000006",
  invalid: "ghp_CANARYpreflightinvalid00000000000000000007",
  openai: "sk-proj-CANARYpreflightopenaikey000000000000000008",
} as const;

export function found(token: string): TokenDiscovery {
  return {
    found: true,
    token,
    source: "GITHUB_TOKEN",
    kind: "unknown",
    attempts: [{ source: "GITHUB_TOKEN", outcome: "found" }],
  };
}

export const NOT_FOUND: TokenDiscovery = {
  found: false,
  attempts: [
    { source: "GITHUB_TOKEN", outcome: "unset" },
    { source: "GH_TOKEN", outcome: "unset" },
    { source: "gh auth token", outcome: "not-installed", note: "gh is not installed" },
  ],
};

/** GitHub options for preflight against the fake, with waits shrunk. */
export function githubAt(gh: FakeGitHub, token: TokenDiscovery | null, timeoutMs = 5_000): PreflightOptions["github"] {
  return {
    token,
    createClient: (t) =>
      createGitHubClient({
        token: t,
        apiUrl: gh.apiUrl,
        graphqlUrl: gh.graphqlUrl,
        throttleGroups: createThrottleGroups({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
        retryBaseDelayMs: 1,
        retries: 1,
        timeoutMs,
        rateLimit: { retryAfterScaleMs: 1, maxRetries: 1, maxWaitSeconds: 60 },
        sleep: async () => {},
      }),
  };
}

export function seedGitHub(gh: FakeGitHub): void {
  const s = gh.state;
  s.addRepo("acme/widgets", { collaborators: { alice: "write" } });
  s.addRepo("acme/secret", { private: true, collaborators: { alice: "write" } });
  s.addRepo("acme/old", { archived: true });
  s.addIssue("acme/widgets", { number: 1 });
  s.addIssue("acme/widgets", { number: 2, locked: true });
  s.addPullRequest("acme/widgets", { number: 3 });
  s.addPullRequest("acme/widgets", { number: 4, headRepo: "contributor/widgets" });
  s.addIssue("acme/secret", { number: 1 });
  s.addIssue("acme/old", { number: 1 });
  s.addToken({ login: "alice", kind: "classic", scopes: ["repo"], value: CANARY.classic });
  s.addToken({ login: "eve", kind: "classic", scopes: [], value: CANARY.noScope });
  s.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: CANARY.installation,
  });
  s.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: CANARY.readOnly,
  });
  s.addToken({
    login: "dave",
    kind: "fine-grained",
    permissions: { issues: "write", metadata: "read" },
    repositories: ["acme/widgets"],
    value: CANARY.fineGrained,
  });
  s.addToken({
    login: "dave",
    kind: "fine-grained",
    permissions: { issues: "read", metadata: "read" },
    repositories: ["acme/widgets"],
    value: CANARY.fineRead,
  });
}

export function statuses(result: {
  checks: Array<{ id: string; status: string; code: string }>;
}): Record<string, string> {
  return Object.fromEntries(result.checks.map((c) => [c.id, `${c.status} ${c.code}`]));
}
