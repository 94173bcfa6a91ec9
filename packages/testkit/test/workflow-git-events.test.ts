// git over local bare repositories with the token's contents permission enforced by a
// pre-receive hook, which ref each event checks out, and the events a run's writes fire
// (GITHUB_TOKEN-made ones start no workflow run).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkflowSimulation, type WorkflowSimulation, webhookPayload } from "../src/index.js";

// Whole workflow runs spawn git, shells and node: a safety limit, not a timing assertion.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

let sim: WorkflowSimulation;
beforeEach(async () => {
  sim = await createWorkflowSimulation();
});
afterEach(async () => {
  await sim.dispose();
});

const pushScript = (branch: string, file = "new.txt") => `
          git config user.name "github-actions[bot]"
          git config user.email "bot@example.invalid"
          mkdir -p "$(dirname ${file})"
          echo hi > ${file}
          git add --all
          git commit -q -m "add ${file}"
          git push origin HEAD:refs/heads/${branch}`;

const pushWorkflow = `name: push
on:
  issue_comment:
    types: [created]
permissions: {}
jobs:
  writer:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      issues: write
    steps:
      - uses: actions/checkout@v4
      - id: push
        run: |${pushScript("codex/work")}
      - id: comment
        env:
          GH_TOKEN: \${{ github.token }}
          NUMBER: \${{ github.event.issue.number }}
        run: |
          node -e 'fetch(process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/issues/" + process.env.NUMBER + "/comments", {method: "POST", headers: {authorization: "Bearer " + process.env.GH_TOKEN}, body: JSON.stringify({body: "done"})}).then(r => { if (r.status !== 201) process.exit(1) })'
  reader:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - id: push
        run: |${pushScript("codex/denied")}
  nocreds:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: |${pushScript("codex/nocreds")}
  workflows:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - run: |${pushScript("codex/wf", ".github/workflows/new.yml")}
`;

describe("git and events", () => {
  it("pushes need contents: write through persisted credentials; accepted pushes update the fake's refs and record events that trigger nothing", async () => {
    sim.addRepo("octo/app", { files: { ".github/workflows/push.yml": pushWorkflow } });
    sim.fake.state.addIssue("octo/app", { number: 5, title: "Do it", author: "alice" });
    const payload = webhookPayload("issue_comment", {
      action: "created",
      repo: "octo/app",
      overrides: { issue: { number: 5 }, comment: { body: "@codex go" } },
    });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/push.yml",
      event: { name: "issue_comment", payload },
    });
    expect(run.jobs["writer"]!.result).toBe("success");
    const pushed = sim.refSha("octo/app", "refs/heads/codex/work");
    expect(pushed).toMatch(/^[0-9a-f]{40}$/);
    expect(sim.fake.state.repo("octo/app")!.refs.get("refs/heads/codex/work")).toBe(pushed);

    const reader = run.jobs["reader"]!;
    expect(reader.result).toBe("failure");
    expect(reader.steps[1]!.log.join("\n")).toContain("Permission to octo/app.git denied to github-actions[bot].");
    expect(sim.refSha("octo/app", "refs/heads/codex/denied")).toBe("");
    expect(run.jobs["nocreds"]!.steps[1]!.log.join("\n")).toContain("could not read Username");
    expect(run.jobs["workflows"]!.steps[1]!.log.join("\n")).toContain(
      "refusing to allow a GitHub App to create or update workflow `.github/workflows/new.yml` without `workflows` permission",
    );

    const push = sim.events.find((e) => e.name === "push")!;
    expect(push).toMatchObject({
      repo: "octo/app",
      actor: "github-actions[bot]",
      tokenKind: "installation",
      triggersWorkflows: false,
    });
    expect(push.payload).toMatchObject({ ref: "refs/heads/codex/work", after: pushed });
    const comment = sim.events.find((e) => e.name === "issue_comment")!;
    expect(comment).toMatchObject({ action: "created", triggersWorkflows: false, byRun: String(run.runId) });
    expect((comment.payload["comment"] as { body: string }).body).toBe("done");
    // Fed to the next run, a GITHUB_TOKEN-made event starts nothing.
    const next = await sim.run({ repo: "octo/app", workflow: ".github/workflows/push.yml", event: comment });
    expect(next.triggered).toBe(false);
    expect(next.reason).toMatch(/GITHUB_TOKEN/);

    // A person's (or a GitHub App's) comment does start runs.
    const user = sim.fake.state.addToken({ login: "alice", scopes: ["repo"] });
    const r = await fetch(`${sim.fake.apiUrl}/repos/octo/app/issues/5/comments`, {
      method: "POST",
      headers: { authorization: `token ${user}` },
      body: JSON.stringify({ body: "@codex again" }),
    });
    expect(r.status).toBe(201);
    expect(sim.events.at(-1)).toMatchObject({ name: "issue_comment", actor: "alice", triggersWorkflows: true });
    sim.fake.assertNoViolations();
  });

  it("issue_comment runs check out the default branch; pull_request runs check out refs/pull/N/merge", async () => {
    const wf = `name: which
on:
  issue_comment:
  pull_request:
permissions:
  contents: read
jobs:
  look:
    runs-on: ubuntu-latest
    steps:
      - id: co
        uses: actions/checkout@v4
      - id: file
        run: |
          if [ -f feature.txt ]; then echo "has=yes" >> "$GITHUB_OUTPUT"; else echo "has=no" >> "$GITHUB_OUTPUT"; fi
          echo "ref=$GITHUB_REF" >> "$GITHUB_OUTPUT"
`;
    const { sha: mainSha } = sim.addRepo("octo/app", { files: { ".github/workflows/which.yml": wf } });
    const pr = sim.openPullRequest("octo/app", { head: "feature", files: { "feature.txt": "x" }, author: "alice" });
    const onComment = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/which.yml",
      event: {
        name: "issue_comment",
        payload: webhookPayload("issue_comment", {
          action: "created",
          onPullRequest: true,
          repo: "octo/app",
          overrides: { issue: { number: pr.number } },
        }),
      },
    });
    const look = onComment.jobs["look"]!;
    expect(look.steps[0]!.outputs).toMatchObject({ ref: "refs/heads/main", commit: mainSha });
    expect(look.steps[1]!.outputs).toEqual({ has: "no", ref: "refs/heads/main" });

    const onPr = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/which.yml",
      event: {
        name: "pull_request",
        payload: webhookPayload("pull_request", {
          action: "opened",
          repo: "octo/app",
          overrides: { number: pr.number, pull_request: { number: pr.number } },
        }),
      },
    });
    const prLook = onPr.jobs["look"]!;
    expect(prLook.steps[0]!.outputs["ref"]).toBe(`refs/pull/${pr.number}/merge`);
    expect(prLook.steps[0]!.outputs["commit"]).toBe(sim.refSha("octo/app", `refs/pull/${pr.number}/merge`));
    expect(prLook.steps[1]!.outputs["has"]).toBe("yes");
  });
  it("repository_dispatch with a run's GITHUB_TOKEN needs contents: write, starts a run (the exception to the GITHUB_TOKEN rule) on the default branch, and carries client_payload", async () => {
    const wf = `name: relay
on:
  issue_comment:
    types: [created]
  repository_dispatch:
    types: [codexrel-relay]
permissions: {}
jobs:
  send:
    if: github.event_name == 'issue_comment'
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - env:
          GH_TOKEN: \${{ github.token }}
        run: |
          node -e 'fetch(process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/dispatches", {method: "POST", headers: {authorization: "Bearer " + process.env.GH_TOKEN}, body: JSON.stringify({event_type: "codexrel-relay", client_payload: {number: 5}})}).then(r => { console.log("status " + r.status); if (r.status !== 204) process.exit(1) })'
  denied:
    if: github.event_name == 'issue_comment'
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - env:
          GH_TOKEN: \${{ github.token }}
        run: |
          node -e 'fetch(process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/dispatches", {method: "POST", headers: {authorization: "Bearer " + process.env.GH_TOKEN}, body: JSON.stringify({event_type: "codexrel-relay"})}).then(r => console.log("status " + r.status))'
  receive:
    if: github.event_name == 'repository_dispatch'
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: seen
        env:
          NUMBER: \${{ github.event.client_payload.number }}
          TYPE: \${{ github.event.action }}
        run: |
          echo "ref=$GITHUB_REF" >> "$GITHUB_OUTPUT"
          echo "number=$NUMBER" >> "$GITHUB_OUTPUT"
          echo "type=$TYPE" >> "$GITHUB_OUTPUT"
`;
    sim.addRepo("octo/app", { files: { ".github/workflows/relay.yml": wf } });
    sim.fake.state.addIssue("octo/app", { number: 5, title: "Do it", author: "alice" });
    sim.commit("octo/app", "feature", { "f.txt": "x" });
    const comment = webhookPayload("issue_comment", {
      action: "created",
      repo: "octo/app",
      overrides: { issue: { number: 5 } },
    });
    const run = await sim.run({
      repo: "octo/app",
      workflow: ".github/workflows/relay.yml",
      event: { name: "issue_comment", payload: comment },
    });
    expect(run.jobs["send"]!.steps[0]!.log.join("\n")).toContain("status 204");
    expect(run.jobs["denied"]!.steps[0]!.log.join("\n")).toContain("status 403");
    const dispatched = sim.events.filter((e) => e.name === "repository_dispatch");
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]).toMatchObject({
      action: "codexrel-relay",
      actor: "github-actions[bot]",
      triggersWorkflows: true,
    });
    expect(dispatched[0]!.payload).toMatchObject({
      branch: "main",
      client_payload: { number: 5 },
      sender: { type: "Bot" },
    });
    const next = await sim.run({ repo: "octo/app", workflow: ".github/workflows/relay.yml", event: dispatched[0]! });
    expect(next.triggered).toBe(true);
    expect(next.jobs["receive"]!.steps[0]!.outputs).toEqual({
      ref: "refs/heads/main",
      number: "5",
      type: "codexrel-relay",
    });
    // Another event type does not start a workflow that lists only codexrel-relay.
    const other = { ...dispatched[0]!, action: "deploy", payload: { ...dispatched[0]!.payload, action: "deploy" } };
    expect((await sim.run({ repo: "octo/app", workflow: ".github/workflows/relay.yml", event: other })).triggered).toBe(
      false,
    );
    sim.fake.assertNoViolations();
  });
});
