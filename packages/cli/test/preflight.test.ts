/**
 * `codexrel preflight` and the preflight inside `codexrel run`, against the schema-validated fake
 * GitHub. The environment is the only input, as in an agent container.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateReport } from "@codexrel/core/schemas";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { cli, copyDemo } from "./helpers.js";

const TOKEN = "ghs_CANARYcliPreflight0000000000000000000001";
const OPENAI = "sk-proj-CANARYcliPreflightOpenAI00000000000002";

const gh = useFakeGitHub({ beforeEach, afterEach }, (fake: FakeGitHub) => {
  fake.state.addRepo("acme/widgets");
  fake.state.addIssue("acme/widgets", { number: 1 });
  fake.state.addPullRequest("acme/widgets", { number: 2, headRepo: "contributor/widgets" });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    value: TOKEN,
  });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-preflight-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function env(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: dir, CODEX_HOME: join(dir, "codex-home"), ...extra };
}

function githubEnv(extra: Record<string, string> = {}) {
  return env({ GITHUB_API_URL: gh().apiUrl, GITHUB_GRAPHQL_URL: gh().graphqlUrl, ...extra });
}

type Check = { id: string; status: string; code: string };
const statuses = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, `${c.status} ${c.code}`]));

describe("codexrel preflight", () => {
  test("nothing configured: --json names every missing piece, exit 1", async () => {
    const r = await cli(["preflight", "--json"], { env: env() });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(statuses(out.checks)).toEqual({
      "github-token": "fail GITHUB_TOKEN_MISSING",
      thread: "skip THREAD_NOT_SET",
      "can-comment": "skip THREAD_NOT_SET",
      fork: "skip THREAD_NOT_SET",
      "openai-key": "fail OPENAI_KEY_MISSING",
      "codex-home": "pass CODEX_HOME_WRITABLE",
    });
    expect(out).toMatchObject({ publishable: "no", agentRunnable: "no", fork: null });
    expect(gh().requests).toHaveLength(0);
  });

  test("an agent container with only a token: publishable, the text names the identity", async () => {
    const r = await cli(
      ["preflight", "--repo", "acme/widgets", "--issue", "1", "--checks", "github-token,thread,can-comment,fork"],
      { env: githubEnv({ GITHUB_TOKEN: TOKEN }) },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PASS {2}github-token {2}GITHUB_TOKEN_OK: GitHub App installation token from GITHUB_TOKEN acts as github-actions\[bot\]/m,
    );
    expect(r.stdout).toMatch(/PASS {2}can-comment +CAN_COMMENT/);
    expect(r.stdout).toContain("publishable: yes");
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  test("GH_TOKEN is used when GITHUB_TOKEN is absent; a fork PR from the Actions event rules the agent out", async () => {
    const event = join(dir, "event.json");
    writeFileSync(
      event,
      JSON.stringify({
        action: "opened",
        number: 2,
        repository: { full_name: "acme/widgets" },
        pull_request: {
          number: 2,
          user: { login: "contributor" },
          head: { ref: "patch", sha: "abc", repo: { full_name: "contributor/widgets" } },
          base: { ref: "main", repo: { full_name: "acme/widgets" } },
        },
      }),
    );
    const r = await cli(["preflight", "--json", "--checks", "github-token,thread,fork,openai-key"], {
      env: githubEnv({
        GH_TOKEN: TOKEN,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: event,
        OPENAI_API_KEY: OPENAI,
      }),
    });
    const out = JSON.parse(r.stdout);
    expect(out.checks[0]).toMatchObject({ code: "GITHUB_TOKEN_OK", details: { source: "GH_TOKEN" } });
    expect(statuses(out.checks).fork).toBe("warn FORK_PULL_REQUEST");
    expect(out).toMatchObject({ fork: true, agentRunnable: "no" });
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(r.stdout + r.stderr).not.toContain(OPENAI);
  });

  test("--openai-base-url is where the key is checked", async () => {
    const r = await cli(
      ["preflight", "--json", "--checks", "openai-key", "--openai-base-url", "http://127.0.0.1:9/v1"],
      {
        env: env({ OPENAI_API_KEY: OPENAI }),
      },
    );
    const out = JSON.parse(r.stdout);
    expect(out.checks[0]).toMatchObject({ id: "openai-key", status: "warn", code: "OPENAI_NETWORK" });
    expect(out.checks[0].details.baseUrl).toBe("http://127.0.0.1:9/v1");
    expect(r.stdout).not.toContain(OPENAI);
    expect(r.code).toBe(0);
  });

  test.each([
    [["--issue", "1"], /--issue\/--pr need --repo/],
    [["--repo", "acme/widgets"], /--repo needs --issue N or --pr N/],
    [["--repo", "acme/widgets", "--issue", "1", "--pr", "2"], /exclusive/],
    [["--repo", "acme/widgets", "--issue", "x"], /--issue needs a positive number/],
    [["--repo", "nope", "--issue", "1"], /THREAD_REF_INVALID/],
    [["--checks", "github-token,bogus"], /unknown check\(s\): bogus/],
  ])("usage error %j exits 2", async (args, message) => {
    const r = await cli(["preflight", ...args], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("codexrel run includes preflight", () => {
  test("with a token and a thread: preflight checks land in the report; publication says why it was not attempted", async () => {
    const out = join(dir, "out");
    const r = await cli(
      ["run", "--config", copyDemo().config, "--out", out, "--repo", "acme/widgets", "--issue", "1", "--json"],
      { env: githubEnv({ GITHUB_TOKEN: TOKEN }) },
    );
    expect(r.code).toBe(1); // the demo carries one new regression: not ready
    const report = JSON.parse(r.stdout);
    expect(validateReport(report).errors).toEqual([]);
    expect(statuses(report.preflight)).toEqual({
      "github-token": "pass GITHUB_TOKEN_OK",
      thread: "pass THREAD_OK",
      "can-comment": "pass CAN_COMMENT",
      fork: "skip NOT_A_PULL_REQUEST",
      "cuj-bundle": "pass CUJ_BUNDLE_OK",
      // No git checkout here, so the run's commit is unknown: journeys shown, never evidence.
      "cuj-journeys": "pass CUJ_JOURNEYS_PASSED",
      "cuj-required": "warn CUJ_REQUIRED_NOT_EVIDENCE",
    });
    expect(report.publication).toMatchObject({ status: "skipped", code: "PUBLICATION_NOT_ATTEMPTED" });
    expect(r.stdout).not.toContain(TOKEN);
  });

  test("an invalid token blocks publication with GITHUB_TOKEN_INVALID", async () => {
    const r = await cli(["run", "--config", copyDemo().config, "--out", join(dir, "out"), "--json"], {
      env: githubEnv({ GITHUB_TOKEN: "ghp_CANARYrevoked00000000000000000000000003" }),
    });
    const report = JSON.parse(r.stdout);
    expect(report.publication).toMatchObject({ status: "blocked", code: "GITHUB_TOKEN_INVALID" });
    expect(r.stdout).not.toContain("ghp_CANARYrevoked00000000000000000000000003");
  });
});
