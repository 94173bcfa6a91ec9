/**
 * Test-runner wiring: a fresh fake GitHub per test, and a test that made GitHub-invalid requests
 * fails in `afterEach` with the list of violations. The hooks are passed in (vitest's
 * `beforeEach`/`afterEach`) so importing the testkit never imports a test runner.
 */
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "./server.js";

export interface TestHooks {
  beforeEach(fn: () => Promise<void> | void): void;
  afterEach(fn: () => Promise<void> | void): void;
}

/**
 * Call at the top of a describe block or file. Returns a getter for the current test's fake.
 * `seed` runs after each start, to add users, tokens, repositories and threads.
 */
export function useFakeGitHub(
  hooks: TestHooks,
  seed?: (fake: FakeGitHub) => void | Promise<void>,
  options: FakeGitHubOptions = {},
): () => FakeGitHub {
  let current: FakeGitHub | undefined;
  hooks.beforeEach(async () => {
    current = await startFakeGitHub(options);
    await seed?.(current);
  });
  hooks.afterEach(async () => {
    const fake = current;
    current = undefined;
    if (!fake) return;
    try {
      fake.assertNoViolations();
    } finally {
      await fake.close();
    }
  });
  return () => {
    if (!current) throw new Error("useFakeGitHub: no fake is running (use it inside a test)");
    return current;
  };
}
