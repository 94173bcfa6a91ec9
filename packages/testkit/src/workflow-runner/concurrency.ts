/**
 * Concurrency groups as GitHub runs them: "at most one running and one pending job or workflow in
 * a concurrency group at any time. When a concurrent job or workflow is queued, if another job or
 * workflow using the same concurrency group in the repository is in progress, the queued job or
 * workflow will be pending. Any existing pending job or workflow in the same concurrency group, if
 * it exists, will be canceled and the new queued job or workflow will take its place."
 * With `cancel-in-progress: true` the running one is cancelled too.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/control-the-concurrency-of-workflows-and-jobs
 * GitHub documents no option that keeps more than one pending run, so none is modelled.
 */

export interface GroupHolder {
  /** Cancels the holder's run (it stops after the current step; cancellation steps still run). */
  cancel(): void;
}

interface Waiter {
  holder: GroupHolder;
  resolve(acquired: boolean): void;
}

export class ConcurrencyGroups {
  private readonly groups = new Map<string, { running: GroupHolder; pending?: Waiter }>();
  /** What happened, in order (for tests): `acquired`, `pending`, `replaced`, `cancel-in-progress`. */
  readonly log: Array<{ group: string; what: "acquired" | "pending" | "replaced" | "cancel-in-progress" }> = [];

  /** Resolves true when the holder may run, false when a newer run replaced it while pending. */
  acquire(group: string, holder: GroupHolder, cancelInProgress: boolean): Promise<boolean> {
    const g = this.groups.get(group);
    if (!g) {
      this.groups.set(group, { running: holder });
      this.log.push({ group, what: "acquired" });
      return Promise.resolve(true);
    }
    if (g.pending) {
      this.log.push({ group, what: "replaced" });
      g.pending.resolve(false);
    }
    if (cancelInProgress) {
      this.log.push({ group, what: "cancel-in-progress" });
      g.running.cancel();
    }
    this.log.push({ group, what: "pending" });
    return new Promise<boolean>((resolve) => {
      g.pending = { holder, resolve };
    });
  }

  release(group: string, holder: GroupHolder): void {
    const g = this.groups.get(group);
    if (!g || g.running !== holder) return;
    if (g.pending) {
      const next = g.pending;
      this.groups.set(group, { running: next.holder });
      this.log.push({ group, what: "acquired" });
      next.resolve(true);
    } else {
      this.groups.delete(group);
    }
  }

  /** Groups with a running holder (for tests and dumps). */
  busy(): string[] {
    return [...this.groups.keys()];
  }
}
