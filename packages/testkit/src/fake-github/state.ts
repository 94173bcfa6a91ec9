/**
 * The fake's world: users, tokens, repositories, issues and pull requests, comments and reactions.
 * Plain data with small helpers; REST handlers and GraphQL resolvers both read and write it, so a
 * comment created over REST is visible to a GraphQL query in the same test. The records are in
 * state-records.ts; users, tokens, repositories and the clock in state-accounts.ts.
 */

import type { RecordedEvent } from "./events.js";
import { FakeGitHubAccounts } from "./state-accounts.js";
import type {
  AddCheckRunOptions,
  AddCommentOptions,
  AddPullRequestOptions,
  AddReleaseOptions,
  AddReviewOptions,
  AddReviewThreadOptions,
  AddStatusOptions,
  AddThreadOptions,
  FakeCheckRun,
  FakeComment,
  FakeReaction,
  FakeRelease,
  FakeReview,
  FakeReviewThread,
  FakeStatusContext,
  FakeThread,
  ReactionContent,
} from "./state-records.js";

export { splitRepo } from "./state-accounts.js";
export * from "./state-records.js";

export class FakeGitHubState extends FakeGitHubAccounts {
  readonly threads = new Map<string, FakeThread>();
  readonly comments = new Map<number, FakeComment>();
  readonly reactions: FakeReaction[] = [];
  readonly reviewThreads: FakeReviewThread[] = [];
  readonly reviews: FakeReview[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly statuses: FakeStatusContext[] = [];
  readonly releases: FakeRelease[] = [];
  /** Events the fake's writes would fire (see events.ts). */
  readonly events: RecordedEvent[] = [];

  addIssue(fullName: string, options: AddThreadOptions = {}): FakeThread {
    return this.addThread(fullName, "issue", options);
  }

  addPullRequest(fullName: string, options: AddPullRequestOptions = {}): FakeThread {
    return this.addThread(fullName, "pr", options);
  }

  /** Issues and pull requests of a repository, in number order. */
  threadsOf(fullName: string): FakeThread[] {
    const key = fullName.toLowerCase();
    return [...this.threads.values()].filter((t) => t.repo.toLowerCase() === key).sort((a, b) => a.number - b.number);
  }

  /** Open issues and pull requests (GitHub's `open_issues_count` counts both). */
  openThreadCount(fullName: string): number {
    return this.threadsOf(fullName).filter((t) => t.state === "open").length;
  }

  thread(fullName: string, number: number): FakeThread | undefined {
    return this.threads.get(`${fullName.toLowerCase()}#${number}`);
  }

  addComment(fullName: string, number: number, options: AddCommentOptions): FakeComment {
    const thread = this.thread(fullName, number);
    if (!thread) throw new Error(`fake github: no thread ${fullName}#${number}`);
    this.addUser(options.author);
    const id = this.id();
    const at = this.now();
    const comment: FakeComment = {
      id,
      nodeId: `IC_kwDO${id}`,
      repo: thread.repo,
      number,
      body: options.body,
      author: options.author,
      createdAt: at,
      updatedAt: at,
      minimized: options.minimized ?? null,
    };
    this.comments.set(id, comment);
    return comment;
  }

  /** Comments of a thread, oldest first (GitHub's order). */
  threadComments(fullName: string, number: number): FakeComment[] {
    const key = fullName.toLowerCase();
    return [...this.comments.values()]
      .filter((c) => c.repo.toLowerCase() === key && c.number === number)
      .sort((a, b) => a.id - b.id);
  }

  addReaction(
    subjectNodeId: string,
    content: ReactionContent,
    user: string,
  ): { reaction: FakeReaction; created: boolean } {
    const existing = this.reactions.find(
      (r) => r.subjectNodeId === subjectNodeId && r.content === content && r.user.toLowerCase() === user.toLowerCase(),
    );
    if (existing) return { reaction: existing, created: false };
    const id = this.id();
    const reaction: FakeReaction = {
      id,
      nodeId: `REA_lADO${id}`,
      subjectNodeId,
      content,
      user,
      createdAt: this.now(),
    };
    this.reactions.push(reaction);
    return { reaction, created: true };
  }

  /** A review thread on a pull request's diff, with its conversation (oldest comment first). */
  addReviewThread(fullName: string, number: number, options: AddReviewThreadOptions): FakeReviewThread {
    const thread = this.thread(fullName, number);
    if (thread?.kind !== "pr") throw new Error(`fake github: no pull request ${fullName}#${number}`);
    const id = this.id();
    const review: FakeReviewThread = {
      id,
      nodeId: `PRRT_kwDO${id}`,
      repo: thread.repo,
      number,
      path: options.path,
      line: options.line ?? null,
      isResolved: options.resolved ?? false,
      isOutdated: options.outdated ?? false,
      comments: options.comments.map((c) => {
        this.addUser(c.author);
        const cid = this.id();
        return { id: cid, nodeId: `PRRC_kwDO${cid}`, author: c.author, body: c.body, createdAt: this.now() };
      }),
    };
    this.reviewThreads.push(review);
    return review;
  }

  /** A submitted review of a pull request (its summary body and state). */
  addReview(fullName: string, number: number, options: AddReviewOptions): FakeReview {
    const thread = this.thread(fullName, number);
    if (thread?.kind !== "pr") throw new Error(`fake github: no pull request ${fullName}#${number}`);
    this.addUser(options.author);
    const id = this.id();
    const review: FakeReview = {
      id,
      nodeId: `PRR_kwDO${id}`,
      repo: thread.repo,
      number,
      author: options.author,
      body: options.body ?? "",
      state: options.state ?? "COMMENTED",
      submittedAt: this.now(),
    };
    this.reviews.push(review);
    return review;
  }

  reviewsOf(fullName: string, number: number): FakeReview[] {
    const key = fullName.toLowerCase();
    return this.reviews.filter((r) => r.repo.toLowerCase() === key && r.number === number);
  }

  reviewThreadsOf(fullName: string, number: number): FakeReviewThread[] {
    const key = fullName.toLowerCase();
    return this.reviewThreads.filter((t) => t.repo.toLowerCase() === key && t.number === number);
  }

  /** A check run on commit `sha` (default: completed successfully). */
  addCheckRun(fullName: string, sha: string, options: AddCheckRunOptions): FakeCheckRun {
    const repo = this.mustRepo(fullName);
    const id = this.id();
    const status = options.status ?? "COMPLETED";
    const run: FakeCheckRun = {
      id,
      nodeId: `CR_kwDO${id}`,
      repo: repo.fullName,
      sha,
      name: options.name,
      status,
      conclusion: options.conclusion !== undefined ? options.conclusion : status === "COMPLETED" ? "SUCCESS" : null,
      detailsUrl: options.detailsUrl ?? `https://github.com/${repo.fullName}/runs/${id}`,
      title: options.title ?? null,
      summary: options.summary ?? null,
      workflow: options.workflow ?? null,
    };
    this.checkRuns.push(run);
    return run;
  }

  /** A commit status on `sha` (default: success). */
  addStatus(fullName: string, sha: string, options: AddStatusOptions): FakeStatusContext {
    const repo = this.mustRepo(fullName);
    const id = this.id();
    const status: FakeStatusContext = {
      id,
      nodeId: `SC_kwDO${id}`,
      repo: repo.fullName,
      sha,
      context: options.context,
      state: options.state ?? "SUCCESS",
      description: options.description ?? null,
      targetUrl: options.targetUrl ?? null,
    };
    this.statuses.push(status);
    return status;
  }

  /** Check runs and statuses of a commit, in the order they were added. */
  commitChecks(fullName: string, sha: string): Array<FakeCheckRun | FakeStatusContext> {
    const key = fullName.toLowerCase();
    const mine = <T extends { repo: string; sha: string }>(list: T[]) =>
      list.filter((c) => c.repo.toLowerCase() === key && c.sha === sha);
    return [...mine(this.checkRuns), ...mine(this.statuses)].sort((a, b) => a.id - b.id);
  }

  /** A release of `tagName` (the tag itself is not modelled). Drafts have no publishedAt. */
  addRelease(fullName: string, tagName: string, options: AddReleaseOptions = {}): FakeRelease {
    const repo = this.mustRepo(fullName);
    const author = options.author ?? repo.owner;
    this.addUser(author);
    const id = this.id();
    const at = this.now();
    const release: FakeRelease = {
      id,
      nodeId: `RE_kwDO${id}`,
      repo: repo.fullName,
      tagName,
      name: options.name === undefined ? tagName : options.name,
      body: options.body ?? null,
      draft: options.draft ?? false,
      prerelease: options.prerelease ?? false,
      author,
      createdAt: at,
      publishedAt: options.draft ? null : at,
    };
    this.releases.push(release);
    return release;
  }

  /** Releases of a repository, newest first (GitHub's order). */
  repoReleases(fullName: string): FakeRelease[] {
    const key = fullName.toLowerCase();
    return this.releases.filter((r) => r.repo.toLowerCase() === key).sort((a, b) => b.id - a.id);
  }

  /** Issues (not pull requests) of a repository, oldest first. */
  repoIssues(fullName: string): FakeThread[] {
    const key = fullName.toLowerCase();
    return [...this.threads.values()]
      .filter((t) => t.kind === "issue" && t.repo.toLowerCase() === key)
      .sort((a, b) => a.id - b.id);
  }

  reactionsOf(subjectNodeId: string): FakeReaction[] {
    return this.reactions.filter((r) => r.subjectNodeId === subjectNodeId);
  }

  private addThread(fullName: string, kind: "issue" | "pr", options: AddPullRequestOptions): FakeThread {
    const repo = this.mustRepo(fullName);
    const number = options.number ?? this.nextNumber(repo.fullName);
    if (this.thread(repo.fullName, number)) throw new Error(`fake github: ${repo.fullName}#${number} exists`);
    const author = options.author ?? repo.owner;
    this.addUser(author);
    const id = this.id();
    const thread: FakeThread = {
      repo: repo.fullName,
      number,
      kind,
      id,
      nodeId: kind === "pr" ? `PR_kwDO${id}` : `I_kwDO${id}`,
      title: options.title ?? `${kind === "pr" ? "Pull request" : "Issue"} ${number}`,
      body: options.body ?? "",
      author,
      state: options.state ?? "open",
      locked: options.locked ?? false,
      lockReason: options.locked ? (options.lockReason ?? "RESOLVED") : null,
      draft: options.draft ?? false,
      headRepo: options.headRepo === undefined ? repo.fullName : options.headRepo,
      headRef: options.headRef ?? `feature-${number}`,
      baseRef: options.baseRef ?? "main",
      headSha: options.headSha ?? `${"0".repeat(32)}${String(id).padStart(8, "0")}`,
      createdAt: this.now(),
      labels: [...(options.labels ?? [])],
    };
    if (kind === "pr" && thread.headRepo && !this.repo(thread.headRepo)) this.addRepo(thread.headRepo);
    this.threads.set(`${repo.fullName.toLowerCase()}#${number}`, thread);
    return thread;
  }

  private nextNumber(fullName: string): number {
    let max = 0;
    const key = fullName.toLowerCase();
    for (const t of this.threads.values()) if (t.repo.toLowerCase() === key) max = Math.max(max, t.number);
    return max + 1;
  }
}
