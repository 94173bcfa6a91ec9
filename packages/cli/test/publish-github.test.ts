/**
 * `codexrel publish` against the schema-validated fake GitHub: the environment is the only input
 * (GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL), as in an agent container.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { BUNDLE_SHA, cli, demoBundleAt } from "./helpers.js";

const TOKEN = "ghs_CANARYcliPublish00000000000000000000001";
const READONLY = "ghs_CANARYcliPublishReadOnly000000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets");
  fake.state.addPullRequest("acme/widgets", { number: 2 });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: TOKEN,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", pull_requests: "read", metadata: "read" },
    value: READONLY,
  });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-publish-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = (token: string) => ({
  PATH: process.env.PATH,
  HOME: dir,
  GITHUB_TOKEN: token,
  GITHUB_API_URL: gh().apiUrl,
  GITHUB_GRAPHQL_URL: gh().graphqlUrl,
});
const args = (out: string) => [
  "publish",
  demoBundleAt(dir),
  "--sha",
  BUNDLE_SHA,
  "--out",
  out,
  "--repo",
  "acme/widgets",
  "--pr",
  "2",
];

describe("codexrel publish to a pull request", () => {
  test("creates the report comment, then leaves it unchanged (exit 0; the token never printed)", async () => {
    const first = await cli([...args(join(dir, "a")), "--json"], { env: env(TOKEN) });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(validateReport(report).errors).toEqual([]);
    expect(report.publication.status).toBe("published");
    expect(report.publication.url).toMatch(/^https:\/\/github\.com\/acme\/widgets\/pull\/2#issuecomment-\d+$/);
    const comments = gh().state.threadComments("acme/widgets", 2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("<!-- codexrel:report:cuj -->");

    const second = await cli(args(join(dir, "b")), { env: env(TOKEN) });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /Comment \(unchanged\): https:\/\/github\.com\/acme\/widgets\/pull\/2#issuecomment-\d+/,
    );
    expect(gh().count({ route: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}" })).toBe(0);
    for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(out).not.toContain(TOKEN);
  });

  test("--dry-run renders the comment and writes nothing", async () => {
    const out = join(dir, "out");
    const r = await cli([...args(out), "--dry-run"], { env: env(TOKEN) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("publication: dry-run (DRY_RUN)");
    expect(readFileSync(join(out, "comment.md"), "utf8")).toContain("<!-- codexrel:report:cuj -->");
    expect(gh().state.threadComments("acme/widgets", 2)).toHaveLength(0);
  });

  test("a read-only token: blocked (exit 1) with GitHub's reason and the fix; nothing claimed", async () => {
    const out = join(dir, "out");
    const r = await cli(args(out), { env: env(READONLY) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("publication: blocked (GITHUB_PERMISSION_DENIED)");
    // Write denied: the headline agrees with the exit code, and nothing is claimed published.
    expect(r.stdout).toMatch(/^Decision: NOT PUBLISHED/m);
    expect(r.stdout).not.toMatch(/Decision: READY|publication: published|Comment \(/);
    expect(r.stdout).toMatch(/To publish: .*pull-requests: write|To publish: .*issues: write/);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.publication.url).toBeUndefined();
    expect(gh().state.threadComments("acme/widgets", 2)).toHaveLength(0);
  });
});
