/**
 * Rate limits through `@octokit/plugin-throttling`. Production uses the plugin's own Bottleneck
 * groups: GitHub's spacing (10 requests at once, writes and GraphQL calls 1 s apart, comments 3 s,
 * searches 2 s), shared by every client in the process, as GitHub's secondary limits count per
 * account and not per client. Tests inject their own groups (`createThrottleGroups`) so that waits
 * cost nothing and no state is shared between clients.
 *
 * The limit handlers are explicit: a primary or secondary limit is waited out up to `maxRetries`
 * times when GitHub asks for at most `maxWaitSeconds`; otherwise the request fails with
 * GITHUB_RATE_LIMITED (errors.ts).
 */
import type { Redactor } from "@codexrel/core";
import Bottleneck from "bottleneck/light.js";
import type { GitHubClientOptions, GitHubLog, RateLimitPolicy } from "./client-types.js";

/** The groups the plugin schedules requests on (its `throttle.global`, `.write`, ...). */
export interface ThrottleGroups {
  global: Bottleneck.Group;
  auth: Bottleneck.Group;
  search: Bottleneck.Group;
  write: Bottleneck.Group;
  notifications: Bottleneck.Group;
}

export interface ThrottleSpacing {
  /** Minimum gap between writes (and GraphQL calls). Default 1000 ms, as the plugin's. */
  writeIntervalMs?: number;
  /** Minimum gap between writes that notify (comments). Default 3000 ms, as the plugin's. */
  notificationIntervalMs?: number;
  /** Minimum gap between searches. Default 2000 ms, as the plugin's. */
  searchIntervalMs?: number;
}

/**
 * Fresh groups shaped like the plugin's defaults, for tests: `createThrottleGroups({
 * writeIntervalMs: 0, notificationIntervalMs: 0 })` removes the waits, and a client given them
 * shares its limiters with no other.
 */
export function createThrottleGroups(spacing: ThrottleSpacing = {}): ThrottleGroups {
  const group = (options: Bottleneck.ConstructorOptions) => new Bottleneck.Group({ timeout: 120_000, ...options });
  return {
    global: group({ maxConcurrent: 10 }),
    auth: group({ maxConcurrent: 1 }),
    search: group({ maxConcurrent: 1, minTime: spacing.searchIntervalMs ?? 2000 }),
    write: group({ maxConcurrent: 1, minTime: spacing.writeIntervalMs ?? 1000 }),
    notifications: group({ maxConcurrent: 1, minTime: spacing.notificationIntervalMs ?? 3000 }),
  };
}

/**
 * The groups a test injected, directly or through the older interval options; undefined (the
 * throttling plugin's defaults) otherwise.
 */
export function injectedThrottleGroups(
  options: Pick<GitHubClientOptions, "throttleGroups" | "writeIntervalMs" | "notificationIntervalMs">,
): ThrottleGroups | undefined {
  if (options.throttleGroups) return options.throttleGroups;
  if (options.writeIntervalMs === undefined && options.notificationIntervalMs === undefined) return undefined;
  return createThrottleGroups({
    ...(options.writeIntervalMs !== undefined ? { writeIntervalMs: options.writeIntervalMs } : {}),
    ...(options.notificationIntervalMs !== undefined ? { notificationIntervalMs: options.notificationIntervalMs } : {}),
  });
}

/** The plugin's `throttle` option: explicit handlers, and the groups only when some were injected. */
export function throttleOptions(
  policy: RateLimitPolicy,
  groups: ThrottleGroups | undefined,
  log: GitHubLog,
  redact: Redactor,
): Record<string, unknown> {
  const maxRetries = policy.maxRetries ?? 2;
  const maxWaitSeconds = policy.maxWaitSeconds ?? 60;
  const onLimit =
    (label: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const where = `${request.method} ${request.url}`;
      if (retryCount < maxRetries && retryAfter <= maxWaitSeconds) {
        log.warn?.(redact(`${label} on ${where}; retrying after ${retryAfter}s (retry ${retryCount + 1})`));
        return true;
      }
      log.warn?.(redact(`${label} on ${where}; giving up (retry-after ${retryAfter}s)`));
      return false;
    };
  return {
    onRateLimit: onLimit("rate limit"),
    onSecondaryRateLimit: onLimit("secondary rate limit"),
    retryAfterBaseValue: policy.retryAfterScaleMs ?? 1000,
    ...(groups ?? {}),
  };
}
