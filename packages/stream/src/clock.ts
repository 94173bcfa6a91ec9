/**
 * Time as a port: sinks wait (Discord's `retry_after`, the progress interval, batching) through
 * `sleep`, so tests pass a clock that records the waits and returns at once.
 */
import { setTimeout as delay } from "node:timers/promises";

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or early (without error) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    await delay(ms, undefined, signal ? { signal } : {}).catch((error: unknown) => {
      if ((error as { name?: string }).name !== "AbortError") throw error;
    });
  },
};

/** A clock whose sleeps return at once and advance `now` by the time asked (for tests). */
export interface ManualClock extends Clock {
  /** Every wait asked for, in order (ms). */
  readonly sleeps: number[];
}

export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
    },
  };
}
