// `codexrel-testkit fake-github --seed s.json`: prints its URL first, serves REST and GraphQL,
// and writes its state as JSON on SIGTERM (to --dump-state or stdout).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runTestkitCli } from "../src/cli/program.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const seed = {
  repos: [
    {
      owner: "octo",
      name: "app",
      defaultBranch: "main",
      collaborators: [{ login: "alice", permission: "write" }],
      issues: [{ number: 1, title: "Bug", body: "It breaks", user: "alice", labels: ["bug"] }],
      pulls: [{ number: 2, title: "Fix", user: "alice", head: "fix", base: "main" }],
    },
  ],
  tokens: {
    ghs_runtoken0001: {
      kind: "installation",
      login: "github-actions[bot]",
      permissions: { issues: "write" },
      runId: "7",
    },
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "codexrel-tk-cli-"));
  writeFileSync(join(dir, "s.json"), JSON.stringify(seed));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const auth = { authorization: "token ghs_runtoken0001" };

describe("codexrel-testkit fake-github", () => {
  it("serves the seed, enforces the token's permissions, and dumps the state when stopped", async () => {
    let out = "";
    let stop!: () => void;
    let ready!: (url: string) => void;
    const url = new Promise<string>((r) => (ready = r));
    const done = runTestkitCli(["fake-github", "--seed", join(dir, "s.json"), "--port", "0"], {
      stdout: (t) => {
        if (out === "") ready(t.split("\n")[0]!);
        out += t;
      },
      stderr: () => undefined,
      untilStopped: () => new Promise<void>((r) => (stop = r)),
    });
    const base = await url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const comment = await fetch(`${base}/repos/octo/app/issues/1/comments`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ body: "hi" }),
    });
    expect(comment.status).toBe(201);
    const checks = await fetch(`${base}/repos/octo/app/commits/main/check-runs`, { headers: auth });
    expect(checks.status).toBe(403);
    expect(await checks.json()).toEqual({
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference",
      status: "403",
    });
    const gql = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({
        query: '{ repository(owner: "octo", name: "app") { pullRequest(number: 2) { title } } }',
      }),
    });
    expect(((await gql.json()) as { errors: Array<{ type: string }> }).errors[0]!.type).toBe("FORBIDDEN");
    stop();
    expect(await done).toBe(0);
    const dump = JSON.parse(out.slice(out.indexOf("\n") + 1)) as any;
    expect(dump.repos[0].comments).toEqual([
      expect.objectContaining({ issue: 1, user: "github-actions[bot]", body: "hi" }),
    ]);
    expect(dump.repos[0].pulls[0]).toMatchObject({ number: 2, head: "fix", base: "main" });
    expect(dump.events).toEqual([
      expect.objectContaining({ name: "issue_comment", triggersWorkflows: false, byRun: "7" }),
    ]);
    expect(dump.tokens.ghs_runtoken0001).toMatchObject({ kind: "installation", runId: "7" });
  });

  it("as a process: the first stdout line is the URL; SIGTERM writes --dump-state and exits 0", async () => {
    const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", "tsx", "dist", "loader.mjs");
    const child = spawn(
      process.execPath,
      [
        "--import",
        tsx,
        join(import.meta.dirname, "..", "src", "bin.ts"),
        "fake-github",
        "--seed",
        join(dir, "s.json"),
        "--dump-state",
        join(dir, "dump.json"),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (c) => reject(new Error(`exited ${c}`)));
      });
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await fetch(`${first}/repos/octo/app/issues/1`, { headers: auth });
      expect(r.status).toBe(501); // GitHub has the route; this fake does not implement it
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const dump = JSON.parse(readFileSync(join(dir, "dump.json"), "utf8")) as any;
      expect(dump.repos[0].issues[0]).toMatchObject({ number: 1, title: "Bug", labels: ["bug"] });
      expect(dump.violations).toEqual([expect.objectContaining({ kind: "unimplemented" })]);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses a bad seed with a message and exit code 2", async () => {
    writeFileSync(join(dir, "bad.json"), "{not json");
    let err = "";
    const code = await runTestkitCli(["fake-github", "--seed", join(dir, "bad.json")], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      untilStopped: () => Promise.resolve(),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read the seed/);
  });
});
