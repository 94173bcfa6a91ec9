/**
 * Writes are never blindly retried. After a lost response (network error, timeout, 5xx: see
 * `isAmbiguousWriteFailure`) the write may or may not have landed, so a re-read decides: what it
 * finds is returned as the write's result; only when it finds nothing is the write tried again.
 * A failed re-read stops with the original error: a duplicate is worse than an error.
 *
 * This is a function the client's write methods call, not an Octokit hook: the re-read answers in
 * the caller's terms (a comment found among the newest by GraphQL, compared with a watermark taken
 * before the write), not with an HTTP response a hook could hand back.
 */
import { isAmbiguousWriteFailure } from "./errors.js";

export interface LostWritePolicy {
  /** Attempts after the first. */
  retries: number;
  /** Base of the quadratic backoff between attempts, in ms. */
  retryBaseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  warn?: ((message: string) => void) | undefined;
}

/**
 * Runs `attempt`; after an ambiguous failure, `reread` returns the result when the write landed
 * (or undefined when it did not) before another attempt is made.
 */
export async function writeSafely<T>(
  what: string,
  attempt: () => Promise<T>,
  reread: () => Promise<T | undefined>,
  policy: LostWritePolicy,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isAmbiguousWriteFailure(error) || n >= policy.retries) throw error;
      let landed: T | undefined;
      try {
        landed = await reread();
      } catch {
        throw error;
      }
      if (landed !== undefined) {
        policy.warn?.(`${what}: the response was lost but the write had landed; not repeating it`);
        return landed;
      }
      policy.warn?.(`${what}: attempt ${n + 1} failed (${(error as Error).message}); it did not land, retrying`);
      await policy.sleep((n + 1) ** 2 * policy.retryBaseDelayMs);
    }
  }
}
