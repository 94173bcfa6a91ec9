import {
  createGitHubClient,
  createThrottleGroups,
  type GitHubClient,
  type GitHubClientOptions,
} from "@codexrel/github";
import type { FakeGitHub } from "@codexrel/testkit/github";

/** A client pointed at the fake, with waits shrunk so retries and throttling cost no time. */
export function clientFor(
  gh: FakeGitHub,
  token: string,
  extra: Partial<GitHubClientOptions> = {},
): GitHubClient & { logs: string[] } {
  const logs: string[] = [];
  const client = createGitHubClient({
    token,
    apiUrl: gh.apiUrl,
    graphqlUrl: gh.graphqlUrl,
    throttleGroups: createThrottleGroups({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
    retryBaseDelayMs: 1,
    rateLimit: { retryAfterScaleMs: 1 },
    sleep: async () => {},
    log: { debug: (m) => logs.push(`debug: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
    ...extra,
  });
  return Object.assign(client, { logs });
}

/** Token-shaped canaries: if one shows up in any output, redaction failed. */
export const CANARY = {
  classic: "ghp_CANARYclassic0000000000000000000000000001",
  installation: "ghs_CANARYinstallation00000000000000000000002",
  fineGrained: "github_pat_CANARYfinegrained000000000000000000000000000000000000000000000003",
  readOnly: "ghs_CANARYreadonly0000000000000000000000000004",
  invalid: "ghp_CANARYinvalid000000000000000000000000000005",
} as const;

export async function caught(
  p: Promise<unknown>,
): Promise<Error & { code?: string; hint?: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}
