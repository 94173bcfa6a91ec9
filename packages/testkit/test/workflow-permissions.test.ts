// A workflow's permissions: block becomes the job's GITHUB_TOKEN, and the fake GitHub answers
// it the way GitHub does, from GitHub's endpoint -> permission table: 403 "Resource not
// accessible by integration" with the endpoint's documentation URL and
// x-accepted-github-permissions, and GraphQL FORBIDDEN with null at the path.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWorkflowSimulation,
  jobPermissions,
  parsePermissionsBlock,
  permissionTable,
  startFakeGitHub,
  type WorkflowSimulation,
  webhookPayload,
} from "../src/index.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const probe = `
const api = process.env.GITHUB_API_URL;
const repo = process.env.GITHUB_REPOSITORY;
const sha = process.env.GITHUB_SHA;
const headers = { authorization: "Bearer " + process.env.GH_TOKEN, "content-type": "application/json" };
const out = [];
async function call(name, path, init) {
  const r = await fetch(api + path, { headers, ...init });
  const body = await r.json();
  out.push(name + "=" + r.status);
  out.push(name + "-message=" + (body.message ?? ""));
  out.push(name + "-docs=" + (body.documentation_url ?? ""));
  out.push(name + "-accepted=" + (r.headers.get("x-accepted-github-permissions") ?? ""));
}
await call("checks", "/repos/" + repo + "/commits/" + sha + "/check-runs");
await call("runs", "/repos/" + repo + "/actions/runs");
await call("comment", "/repos/" + repo + "/issues/1/comments", { method: "POST", body: JSON.stringify({ body: "hi" }) });
require("node:fs").appendFileSync(process.env.GITHUB_OUTPUT, out.join("\\n") + "\\n");
`;

const job = (permissions: string) => `
    runs-on: ubuntu-latest
    permissions: ${permissions}
    outputs:
      checks: \${{ steps.probe.outputs.checks }}
    steps:
      - uses: actions/checkout@v4
      - id: probe
        env:
          GH_TOKEN: \${{ github.token }}
        run: node --input-type=commonjs -e "$(cat probe.js)"
`;

const workflow = `name: permissions
on: workflow_dispatch
permissions: {}
jobs:
  narrow:${job("\n      issues: write")}
  nothing:${job("{}")}
  everything:${job("write-all")}
`;

let sim: WorkflowSimulation;
beforeEach(async () => {
  sim = await createWorkflowSimulation();
});
afterEach(async () => {
  await sim.dispose();
});

describe("job tokens from permissions: blocks", () => {
  it("issues: write alone gets 403 on check runs and workflow runs; {} gets 403 on comments; write-all succeeds", async () => {
    sim.addRepo("octo/perm", {
      files: { ".github/workflows/p.yml": workflow, "probe.js": `(async () => {${probe}})();` },
    });
    sim.fake.state.addIssue("octo/perm", { number: 1, title: "t", author: "alice" });
    const payload = webhookPayload("workflow_dispatch", { repo: "octo/perm", overrides: { ref: "refs/heads/main" } });
    const run = await sim.run({
      repo: "octo/perm",
      workflow: ".github/workflows/p.yml",
      event: { name: "workflow_dispatch", payload },
    });
    const out = (id: string) => run.jobs[id]!.steps.find((s) => s.id === "probe")!.outputs;
    for (const id of ["narrow", "nothing", "everything"]) expect(run.jobs[id]!.result, id).toBe("success");

    const narrow = out("narrow");
    expect(narrow["checks"]).toBe("403");
    expect(narrow["checks-message"]).toBe("Resource not accessible by integration");
    expect(narrow["checks-docs"]).toBe("https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference");
    expect(narrow["checks-accepted"]).toBe("checks=read");
    expect(narrow["runs"]).toBe("403");
    expect(narrow["runs-docs"]).toBe(
      "https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository",
    );
    expect(narrow["runs-accepted"]).toBe("actions=read");
    expect(narrow["comment"]).toBe("201");

    const nothing = out("nothing");
    expect(nothing["comment"]).toBe("403");
    expect(nothing["comment-message"]).toBe("Resource not accessible by integration");
    expect(nothing["comment-accepted"]).toBe("issues=write");
    expect(nothing["checks"]).toBe("403");

    const everything = out("everything");
    expect([everything["checks"], everything["runs"], everything["comment"]]).toEqual(["200", "200", "201"]);
    expect(run.jobs["nothing"]!.permissions).toMatchObject({ issues: "none", contents: "none" });
    expect(run.jobs["everything"]!.permissions).toMatchObject({ issues: "write", checks: "write", actions: "write" });
    sim.fake.assertNoViolations();
  });
});

describe("permissions block rules", () => {
  it("a named scope sets every other one to none; job level replaces workflow level; missing = repository default", () => {
    expect(parsePermissionsBlock({ issues: "write" })).toMatchObject({
      issues: "write",
      contents: "none",
      checks: "none",
    });
    expect(parsePermissionsBlock("read-all")).toMatchObject({ contents: "read", actions: "read", id_token: "none" });
    expect(
      jobPermissions({ workflowBlock: "write-all", jobBlock: { issues: "read" }, repoDefault: "permissive" }),
    ).toMatchObject({
      issues: "read",
      contents: "none",
    });
    expect(jobPermissions({ workflowBlock: undefined, jobBlock: undefined, repoDefault: "restricted" })).toMatchObject({
      contents: "read",
      packages: "read",
      issues: "none",
    });
    expect(jobPermissions({ workflowBlock: undefined, jobBlock: undefined, repoDefault: "permissive" })).toMatchObject({
      contents: "write",
      issues: "write",
      id_token: "none",
    });
    expect(() => parsePermissionsBlock({ "pull-request": "write" })).toThrow(/unknown permission scope/);
  });

  it("a called workflow can only downgrade; a fork's pull request is capped at read", () => {
    const caller = parsePermissionsBlock({ contents: "read", issues: "write" });
    expect(
      jobPermissions({
        workflowBlock: undefined,
        jobBlock: { contents: "write", issues: "write", checks: "write" },
        repoDefault: "permissive",
        callerPermissions: caller,
      }),
    ).toMatchObject({
      contents: "read",
      issues: "write",
      checks: "none",
    });
    expect(
      jobPermissions({
        workflowBlock: undefined,
        jobBlock: undefined,
        repoDefault: "permissive",
        callerPermissions: caller,
      }),
    ).toMatchObject(caller);
    expect(
      jobPermissions({ workflowBlock: "write-all", jobBlock: undefined, repoDefault: "permissive", fromFork: true }),
    ).toMatchObject({
      contents: "read",
      issues: "read",
    });
  });
});

describe("GraphQL permissions", () => {
  it("a field whose REST twin needs a missing permission answers GitHub's FORBIDDEN with null at the path", async () => {
    const fake = await startFakeGitHub();
    try {
      fake.state.addRepo("acme/w");
      const sha = "a".repeat(40);
      fake.state.addCheckRun("acme/w", sha, { name: "test" });
      const token = (permissions: Record<string, "read" | "write">) =>
        fake.state.addToken({
          login: "github-actions[bot]",
          kind: "installation",
          permissions,
          repositories: ["acme/w"],
        });
      const query = `query($oid: GitObjectID!) { repository(owner: "acme", name: "w") { object(oid: $oid) { ... on Commit { statusCheckRollup { state } } } } }`;
      const ask = async (t: string) =>
        (await (
          await fetch(fake.graphqlUrl, {
            method: "POST",
            headers: { authorization: `bearer ${t}`, "content-type": "application/json" },
            body: JSON.stringify({ query, variables: { oid: sha } }),
          })
        ).json()) as { data: any; errors?: any[] };
      const denied = await ask(token({ contents: "read", issues: "write" }));
      expect(denied.data.repository.object.statusCheckRollup).toBeNull();
      expect(denied.errors).toEqual([
        {
          type: "FORBIDDEN",
          path: ["repository", "object", "statusCheckRollup"],
          extensions: { saml_failure: false },
          locations: [expect.objectContaining({ line: 1 })],
          message: "Resource not accessible by integration",
        },
      ]);
      const allowed = await ask(token({ contents: "read", checks: "read" }));
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data.repository.object.statusCheckRollup.state).toBe("SUCCESS");
      const noContents = await ask(token({ checks: "read" }));
      expect(noContents.errors?.[0]).toMatchObject({ type: "FORBIDDEN", path: ["repository", "object"] });
    } finally {
      await fake.close();
    }
  });
});

describe("the permission table", () => {
  it("lists the routes the fake implements, and the ones it does not list keep the fake's own rules", () => {
    const table = permissionTable();
    const implemented = [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions",
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      "POST /repos/{owner}/{repo}/issues",
      "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
      "GET /repos/{owner}/{repo}/actions/runs",
    ];
    const unlisted = implemented.filter((r) => !table.has(r));
    // Every route the fake implements is in GitHub's table: none keeps only the fake's own rules.
    expect(unlisted).toEqual([]);
    expect(table.get("GET /repos/{owner}/{repo}/commits/{ref}/check-runs")!.anyOf).toEqual([
      { permission: "checks", access: "read" },
    ]);
  });
});
