/**
 * `pnpm bench:publish`: requests for one report-comment upsert on a 1,000-comment thread, counted
 * by the testkit's fake GitHub (REST validated against GitHub's OpenAPI description, GraphQL
 * executed against GitHub's schema). Ours (the publisher's newest-first lookup: viewer and the
 * newest 100 comments in one GraphQL request) against the baseline in the same run: the adapter's
 * plain marker upsert, which reads the viewer and then every page of the thread.
 *
 * Targets (issue 6): at most 2 requests when the marked comment is among the newest 100, and 0
 * writes when the body is unchanged. The bench exits 1 when a target is missed. Wall times are
 * printed as medians for information only (the counts are the result).
 */
import { buildMarker } from "@codexrel/core";
import { createGitHubClient, type GitHubClient, type ThreadRef, upsertMarkedComment } from "@codexrel/github";
import { upsertReportComment } from "@codexrel/publisher";
import { type FakeGitHub, startFakeGitHub } from "@codexrel/testkit/github";

const REPO = "acme/shop";
const BOT = "github-actions[bot]";
const MARKER = { kind: "report", id: "cuj" };
const TOTAL = 1000;
const ROUNDS = 5;

interface Case {
  name: string;
  /** Index (0 = oldest) of our marked comment among TOTAL comments, or null for none. */
  at: number | null;
  body: "same" | "changed";
}

const CASES: Case[] = [
  { name: "marked comment among the newest 100, unchanged", at: 950, body: "same" },
  { name: "marked comment among the newest 100, changed", at: 950, body: "changed" },
  { name: "marked comment older than the newest 100, changed", at: 10, body: "changed" },
];

const OLD_BODY = `${buildMarker(MARKER.kind, MARKER.id)}\n### CUJ evidence\n\nrun 1\n`;
const NEW_BODY = `${buildMarker(MARKER.kind, MARKER.id)}\n### CUJ evidence\n\nrun 2\n`;

async function seeded(c: Case): Promise<{ fake: FakeGitHub; client: GitHubClient; ref: ThreadRef }> {
  const fake = await startFakeGitHub();
  fake.state.addRepo(REPO);
  fake.state.addIssue(REPO, { number: 1 });
  const token = fake.state.addToken({
    login: BOT,
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    repositories: "all",
  });
  for (let i = 0; i < TOTAL; i++) {
    if (i === c.at) fake.state.addComment(REPO, 1, { author: BOT, body: OLD_BODY });
    else fake.state.addComment(REPO, 1, { author: i % 3 ? "alice" : "bob", body: `comment ${i}` });
  }
  const client = createGitHubClient({
    token,
    apiUrl: fake.apiUrl,
    graphqlUrl: fake.graphqlUrl,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retryBaseDelayMs: 1,
  });
  return { fake, client, ref: { owner: "acme", repo: "shop", number: 1, kind: "issue" } };
}

const WRITE = /^(POST|PATCH|DELETE) /;

interface Measure {
  requests: number;
  writes: number;
  ms: number;
  action: string;
}

async function measure(c: Case, which: "ours" | "baseline"): Promise<Measure> {
  const { fake, client, ref } = await seeded(c);
  try {
    const body = c.body === "same" ? OLD_BODY : NEW_BODY;
    const before = fake.requests.length;
    const t = performance.now();
    const action =
      which === "ours"
        ? (await upsertReportComment(client, { repository: REPO, kind: "issue", number: 1 }, MARKER, body)).action
        : (await upsertMarkedComment(client, ref, { marker: MARKER, body })).action;
    const ms = performance.now() - t;
    const log = fake.requests.slice(before);
    fake.assertNoViolations();
    return {
      requests: log.length,
      writes: log.filter((r) => r.route && WRITE.test(r.route)).length,
      ms,
      action,
    };
  } finally {
    await fake.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

let failed = false;
console.log(
  `report-comment upsert on a ${TOTAL}-comment thread (${ROUNDS} rounds, median ms; requests counted by the fake)`,
);
for (const c of CASES) {
  const ours: Measure[] = [];
  const base: Measure[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    base.push(await measure(c, "baseline"));
    ours.push(await measure(c, "ours"));
  }
  const o = ours[0] as Measure;
  const b = base[0] as Measure;
  const om = median(ours.map((m) => m.ms));
  const bm = median(base.map((m) => m.ms));
  console.log(`\n  ${c.name}`);
  console.log(`    ours      ${o.action.padEnd(9)} requests ${o.requests}  writes ${o.writes}  ${om.toFixed(1)} ms`);
  console.log(`    baseline  ${b.action.padEnd(9)} requests ${b.requests}  writes ${b.writes}  ${bm.toFixed(1)} ms`);
  console.log(
    `    ratio ours/baseline: requests ${(o.requests / b.requests).toFixed(2)}x, time ${(om / bm).toFixed(2)}x`,
  );
  if (ours.some((m) => m.requests !== o.requests || m.writes !== o.writes)) {
    console.log("    FAIL: request counts differ between rounds");
    failed = true;
  }
  if (c.at !== null && c.at >= TOTAL - 100) {
    if (o.requests > 2) {
      console.log(`    FAIL: ${o.requests} requests; the target is at most 2`);
      failed = true;
    }
    if (c.body === "same" && o.writes !== 0) {
      console.log(`    FAIL: ${o.writes} writes for an unchanged body; the target is 0`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
