/**
 * Evidence against the testkit's fake GitHub (requests validated against GitHub's OpenAPI
 * description and GraphQL schema): publishing through @codexrel/github and @codexrel/preflight.
 * Create, update, unchanged (zero writes), two concurrent upserts (one comment survives), a
 * 1,000-comment thread (requests counted), permission denied (blocked, nothing claimed), fork PR.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { createThrottleGroups, type TokenDiscovery } from "@codexrel/github";
import { githubPublishPorts, type PublishOptions, publishBundle, type ThreadTarget } from "@codexrel/publisher";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { installGitRoutes } from "./fake-git-routes.js";
import type { GitStore } from "./git-store.js";
import { cleanup, copyDemo, demoBundle, tempDir } from "./helpers.js";

const REPO = "acme/shop";
const BOT = "github-actions[bot]";
let writer = "";
let readOnly = "";
let store: GitStore;

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake) => {
  fake.state.addRepo(REPO, { collaborators: { alice: "write" } });
  fake.state.addIssue(REPO, { number: 1, author: "alice" });
  fake.state.addPullRequest(REPO, { number: 2, author: "alice" });
  fake.state.addPullRequest(REPO, { number: 3, author: "mallory", headRepo: "mallory/shop" });
  writer = fake.state.addToken({
    login: BOT,
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", contents: "write", metadata: "read" },
    repositories: "all",
  });
  // What a pull request from a fork gets: a read-only GITHUB_TOKEN.
  readOnly = fake.state.addToken({
    login: BOT,
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", contents: "read", metadata: "read" },
    repositories: "all",
  });
  store = installGitRoutes(fake);
});

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanup(dir));

const found = (token: string): TokenDiscovery => ({
  found: true,
  token,
  source: "GITHUB_TOKEN",
  kind: "installation",
  attempts: [{ source: "GITHUB_TOKEN", outcome: "found" }],
});

function ports(fake: FakeGitHub, token: string, fetch?: typeof globalThis.fetch) {
  return githubPublishPorts({
    token: found(token),
    apiUrl: fake.apiUrl,
    graphqlUrl: fake.graphqlUrl,
    clientOptions: {
      throttleGroups: createThrottleGroups({ writeIntervalMs: 0, notificationIntervalMs: 0 }),
      retryBaseDelayMs: 1,
      rateLimit: { retryAfterScaleMs: 1 },
      sleep: async () => {},
      ...(fetch ? { fetch } : {}),
    },
  });
}

/**
 * A fetch that holds every comment POST until `n` runs have read the thread: both runs then see
 * no report comment and both create one — the race, made deterministic.
 */
function raceBarrier(n: number): typeof globalThis.fetch {
  let listed = 0;
  let release: () => void = () => {};
  const allListed = new Promise<void>((r) => {
    release = r;
  });
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = typeof init?.body === "string" ? init.body : "";
    if (init?.method === "POST" && /\/issues\/\d+\/comments$/.test(url)) await allListed;
    const response = await globalThis.fetch(input, init);
    if (body.includes("CodexrelNewestComments") && ++listed === n) release();
    return response;
  };
}

const PR2: ThreadTarget = { repository: REPO, kind: "pr", number: 2 };

function options(fake: FakeGitHub, over: Partial<PublishOptions> = {}): PublishOptions {
  return {
    bundleDir: demoBundle,
    outDir: join(dir, "out"),
    toolVersion: "1.0.0",
    thread: PR2,
    destination: "branch",
    ports: ports(fake, writer),
    ephemeralDirs: [dir],
    now: () => new Date("2025-01-01T00:00:00Z"),
    ...over,
  };
}

const WRITE_ROUTES = [
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
  "POST /repos/{owner}/{repo}/git/blobs",
  "POST /repos/{owner}/{repo}/git/trees",
  "POST /repos/{owner}/{repo}/git/commits",
  "POST /repos/{owner}/{repo}/git/refs",
  "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
];
/** Writes GitHub accepted (a refused attempt changes nothing). */
const writes = (fake: FakeGitHub) =>
  fake.requests.filter(
    (r) => r.route && WRITE_ROUTES.includes(r.route) && typeof r.status === "number" && r.status < 300,
  ).length;
const attempts = (fake: FakeGitHub) => fake.requests.filter((r) => r.route && WRITE_ROUTES.includes(r.route)).length;
const ourComments = (fake: FakeGitHub, number = 2) =>
  fake.state.threadComments(REPO, number).filter((c) => c.body.includes("<!-- codexrel:report:cuj -->"));

describe("publishing to GitHub (fake)", () => {
  test("create: branch commit + one report comment with embedded screenshots; published with GitHub's URL", async () => {
    const fake = gh();
    const r = await publishBundle(options(fake));
    expect(r.report.publication.status).toBe("published");
    const [comment] = ourComments(fake);
    expect(comment).toBeDefined();
    expect(r.report.publication.url).toBe(r.comment?.url);
    expect(r.comment?.action).toBe("created");
    expect(r.comment?.url).toMatch(/^https:\/\/github\.com\/acme\/shop\/pull\/2#issuecomment-\d+$/);
    expect(comment?.body).toMatch(
      /!\[screens\/make-slug-1-empty\.png\]\(https:\/\/github\.com\/acme\/shop\/blob\/[0-9a-f]{40}\/codexrel\/pr-2\/[0-9a-f]{16}\/screens\/make-slug-1-empty\.png\?raw=true\)/,
    );
    expect(comment?.body).not.toContain(dir);
    // Every durable link points into the commit on the branch, and the files there are the bundle's.
    const head = store.head(REPO, "codexrel-artifacts");
    expect(head).not.toBeNull();
    for (const url of r.durableUrls) expect(url).toContain(`/blob/${head}/`);
    expect(validateReport(r.report).errors).toEqual([]);
    expect(r.report.preflight.map((c) => `${c.id}:${c.status}`)).toEqual(
      expect.arrayContaining(["github-token:pass", "thread:pass", "can-comment:pass", "cuj-bundle:pass"]),
    );
  });

  test("update in place, then unchanged with zero writes", async () => {
    const fake = gh();
    const first = await publishBundle(options(fake));
    const changed = copyDemo(dir);
    writeFileSync(join(changed, "logs/add-numbers.log"), "changed\n");
    const second = await publishBundle(options(fake, { bundleDir: changed }));
    expect(second.comment?.action).toBe("updated");
    expect(second.comment?.url).toBe(first.comment?.url);
    expect(ourComments(fake)).toHaveLength(1);

    const before = writes(fake);
    const third = await publishBundle(options(fake, { bundleDir: changed }));
    expect(third.comment?.action).toBe("unchanged");
    expect(third.report.publication).toMatchObject({ status: "published", url: first.comment?.url });
    expect(writes(fake) - before).toBe(0);
  });

  test("two concurrent upserts: one comment survives (duplicates folded into the oldest)", async () => {
    const fake = gh();
    const barrier = raceBarrier(2);
    const [a, b] = await Promise.all([
      publishBundle(
        options(fake, { destination: "local", outDir: join(dir, "a"), ports: ports(fake, writer, barrier) }),
      ),
      publishBundle(
        options(fake, { destination: "local", outDir: join(dir, "b"), ports: ports(fake, writer, barrier) }),
      ),
    ]);
    // Both created one...
    expect(fake.count({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments" })).toBe(2);
    // ...and the newer was folded into the oldest, which both runs report.
    const left = ourComments(fake);
    expect(left).toHaveLength(1);
    expect(a.report.publication.status).toBe("published");
    expect(b.report.publication.status).toBe("published");
    expect(a.comment?.url).toBe(b.comment?.url);
    expect(a.comment?.url).toContain(`#issuecomment-${left[0]?.id}`);
    expect(
      [...(a.comment?.removedDuplicates ?? []), ...(b.comment?.removedDuplicates ?? [])].length,
    ).toBeGreaterThanOrEqual(1);
  });

  test("a 1,000-comment thread: the marked comment among the newest 100 costs one read; one write when changed, none when not", async () => {
    const fake = gh();
    for (let i = 0; i < 950; i++)
      fake.state.addComment(REPO, 1, { author: i % 2 ? "alice" : "bob", body: `comment ${i}` });
    const issue: ThreadTarget = { repository: REPO, kind: "issue", number: 1 };
    await publishBundle(options(fake, { thread: issue, destination: "local" }));
    for (let i = 0; i < 49; i++) fake.state.addComment(REPO, 1, { author: "alice", body: `later ${i}` });
    expect(fake.state.threadComments(REPO, 1)).toHaveLength(1000);

    const graphqlBefore = fake.count({ graphql: "CodexrelNewestComments" });
    const allBefore = fake.requests.length;
    const unchanged = await publishBundle(
      options(fake, { thread: issue, destination: "local", ports: ports(fake, writer) }),
    );
    expect(unchanged.comment?.action).toBe("unchanged");
    const upsertRequests = (n: number) =>
      fake.requests
        .slice(n)
        .filter((r) => r.graphql?.operationName === "CodexrelNewestComments" || r.route?.includes("/comments"));
    expect(upsertRequests(allBefore)).toHaveLength(1);
    expect(fake.count({ graphql: "CodexrelNewestComments" }) - graphqlBefore).toBe(1);

    const n = fake.requests.length;
    const changed = copyDemo(dir);
    writeFileSync(join(changed, "logs/add-numbers.log"), "changed\n");
    const updated = await publishBundle(
      options(fake, { thread: issue, destination: "local", bundleDir: changed, ports: ports(fake, writer) }),
    );
    expect(updated.comment?.action).toBe("updated");
    expect(upsertRequests(n).map((r) => r.graphql?.operationName ?? r.route)).toEqual([
      "CodexrelNewestComments",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    ]);
  });

  test("a 1,000-comment thread without our comment: the whole thread is searched before creating one", async () => {
    const fake = gh();
    for (let i = 0; i < 1000; i++) fake.state.addComment(REPO, 1, { author: "bob", body: `comment ${i}` });
    const issue: ThreadTarget = { repository: REPO, kind: "issue", number: 1 };
    const r = await publishBundle(options(fake, { thread: issue, destination: "local" }));
    expect(r.comment?.action).toBe("created");
    expect(fake.count({ graphql: "CodexrelComments" })).toBe(10);
  });

  test("permission denied: blocked with the reason and how to re-run; nothing written, nothing claimed", async () => {
    const fake = gh();
    const r = await publishBundle(options(fake, { ports: ports(fake, readOnly) }));
    expect(r.report.publication.status).toBe("blocked");
    expect(r.report.publication.url).toBeUndefined();
    expect(r.report.publication.code).toMatch(/^[A-Z_]+$/);
    expect(r.report.publication.rerunHint).toBeTruthy();
    // An installation token's write access cannot be read ahead (preflight: can-comment unknown), so
    // the first write is attempted, refused with 403, and publishing stops there.
    expect(r.report.publication.code).toBe("GITHUB_PERMISSION_DENIED");
    expect(r.report.publication.rerunHint).toMatch(/contents: write/);
    expect(attempts(fake)).toBe(1);
    expect(writes(fake)).toBe(0);
    expect(ourComments(fake)).toHaveLength(0);
    expect(store.head(REPO, "codexrel-artifacts")).toBeNull();
    expect(r.localDir).toBeTruthy(); // local metadata kept
    expect(validateReport(r.report).errors).toEqual([]);
  });

  test("fork pull request (read-only token): fork noted, the first write refused, blocked with the fork hint, nothing written", async () => {
    const fake = gh();
    const fork: ThreadTarget = { repository: REPO, kind: "pr", number: 3 };
    const r = await publishBundle(options(fake, { thread: fork, ports: ports(fake, readOnly) }));
    expect(r.report.publication.status).toBe("blocked");
    expect(r.report.preflight.find((c) => c.id === "fork")).toMatchObject({ code: "FORK_PULL_REQUEST" });
    expect(r.report.publication.code).toBe("GITHUB_PERMISSION_DENIED");
    expect(r.report.publication.rerunHint).toMatch(/fork.*read-only.*workflow_run/);
    expect(r.report.publication.url).toBeUndefined();
    expect(writes(fake)).toBe(0);
    expect(ourComments(fake, 3)).toHaveLength(0);
  });

  test("a write refused after preflight passed (branch protected): blocked with GitHub's code, no URL claimed", async () => {
    const fake = gh();
    fake.fault({ route: "POST /repos/{owner}/{repo}/git/commits" }, { kind: "forbidden", accepted: "contents=write" });
    const r = await publishBundle(options(fake));
    expect(r.report.publication).toMatchObject({ status: "blocked", code: "GITHUB_PERMISSION_DENIED" });
    expect(r.report.publication.url).toBeUndefined();
    expect(ourComments(fake)).toHaveLength(0);
  });
});
