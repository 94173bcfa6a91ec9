/**
 * Where bundles live. A backend stores a bundle file under a key and finds the newest bundle whose
 * key starts with a prefix (the thread's prefix), the way GitHub's cache matches `restore-keys`.
 */
export interface SessionBackend {
  /** Short name for logs and reports: `local`, `actions-cache`. */
  readonly name: string;
  /** Stores `bundleFile` under `key`. Keys are unique per save. */
  save(key: string, bundleFile: string): Promise<void>;
  /**
   * Copies the newest bundle whose key starts with `prefix` to `destFile`; undefined when there is
   * none (a cache miss).
   */
  restore(prefix: string, destFile: string): Promise<{ key: string } | undefined>;
}
