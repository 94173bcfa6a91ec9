/**
 * Issues and releases against the schema-validated fake GitHub: open an issue (REST), find this
 * identity's marked issues (GraphQL), never duplicate after a lost response, name the missing
 * permission, and list releases (drafts only for those who can push).
 */
import { createIssue, findMarkedIssues, listIssues, listReleases, parseRepoRef } from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CANARY, caught, clientFor } from "./helpers.js";

const REPO = { owner: "acme", repo: "widgets" };
const CREATE = "POST /repos/{owner}/{repo}/issues";

function seed(fake: FakeGitHub): void {
  fake.state.addRepo("acme/widgets", { collaborators: { alice: "write" } });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    // contents: write: releases are contents (GitHub's permission table), drafts need push.
    permissions: { issues: "write", contents: "write", metadata: "read" },
    value: CANARY.installation,
  });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "read", metadata: "read" },
    value: CANARY.readOnly,
  });
  fake.state.addToken({ login: "bob", scopes: ["public_repo"], value: CANARY.classic });
}

const gh = useFakeGitHub({ beforeEach, afterEach }, seed);

describe("issues", () => {
  test("opens an issue with labels and finds it again by marker", async () => {
    const c = clientFor(gh(), CANARY.installation);
    const issue = await createIssue(c, REPO, {
      title: "Upstream broke the config",
      body: "<!-- codexrel:release-finding:abc123 -->\nDetails",
      labels: ["release-monitor"],
    });
    expect(issue).toMatchObject({ number: 1, state: "open", url: "https://github.com/acme/widgets/issues/1" });
    expect(gh().state.thread("acme/widgets", 1)?.labels).toEqual(["release-monitor"]);
    const found = await findMarkedIssues(c, REPO, "release-finding");
    expect([...found.byId.keys()]).toEqual(["abc123"]);
    expect(found.byId.get("abc123")?.number).toBe(1);
    expect(found.complete).toBe(true);
  });

  test("labels are silently dropped for a user who cannot push, as on GitHub", async () => {
    const c = clientFor(gh(), CANARY.classic);
    await createIssue(c, REPO, { title: "t", body: "b", labels: ["x"] });
    expect(gh().state.thread("acme/widgets", 1)?.labels).toEqual([]);
  });

  test("only this identity's issues count: a copied marker in someone else's issue is ignored", async () => {
    gh().state.addIssue("acme/widgets", { author: "alice", body: "<!-- codexrel:release-finding:abc123 -->" });
    const c = clientFor(gh(), CANARY.installation);
    expect((await findMarkedIssues(c, REPO, "release-finding")).byId.size).toBe(0);
  });

  test("pages newest first and reports an incomplete scan at max", async () => {
    for (let i = 0; i < 130; i++) gh().state.addIssue("acme/widgets", { title: `issue ${i + 1}` });
    gh().state.addPullRequest("acme/widgets", { number: 500 });
    const c = clientFor(gh(), CANARY.installation);
    const all = await listIssues(c, REPO);
    expect(all.complete).toBe(true);
    expect(all.issues).toHaveLength(130);
    expect(all.issues[0]?.number).toBe(130);
    const some = await listIssues(c, REPO, { max: 120 });
    expect(some).toMatchObject({ complete: false });
    expect(some.issues).toHaveLength(120);
  });

  test("a lost response after the issue landed does not open a second one", async () => {
    gh().fault({ route: CREATE }, { kind: "drop", when: "after" });
    const c = clientFor(gh(), CANARY.installation);
    const issue = await createIssue(c, REPO, { title: "once", body: "<!-- codexrel:x:1 -->\nonly once" });
    expect(issue.number).toBe(1);
    expect(gh().count({ route: CREATE })).toBe(1);
    expect(gh().state.repoIssues("acme/widgets")).toHaveLength(1);
    expect(c.logs.join("\n")).toMatch(/had landed/);
  });

  test("a lost response before it landed is retried once and opens exactly one issue", async () => {
    gh().fault({ route: CREATE }, { kind: "drop", when: "before" });
    const c = clientFor(gh(), CANARY.installation);
    await createIssue(c, REPO, { title: "once", body: "only once" });
    expect(gh().count({ route: CREATE })).toBe(2);
    expect(gh().state.repoIssues("acme/widgets")).toHaveLength(1);
  });

  test("a token without issues: write gets the permission named in the hint", async () => {
    const c = clientFor(gh(), CANARY.readOnly);
    const e = await caught(createIssue(c, REPO, { title: "t", body: "b" }));
    expect(e.code).toBe("GITHUB_PERMISSION_DENIED");
    expect(e.hint).toContain("`issues: write`");
    expect(e.message).not.toContain(CANARY.readOnly);
  });

  test("the body is redacted and a too-long body is refused before sending", async () => {
    const c = clientFor(gh(), CANARY.installation);
    await createIssue(c, REPO, { title: "t", body: `token ${CANARY.installation} here` });
    expect(gh().state.thread("acme/widgets", 1)?.body).not.toContain(CANARY.installation);
    const e = await caught(createIssue(c, REPO, { title: "t", body: "x".repeat(70_000) }));
    expect(e.code).toBe("ISSUE_TOO_LONG");
  });

  test("an unknown repository is REPOSITORY_NOT_FOUND", async () => {
    const c = clientFor(gh(), CANARY.installation);
    const e = await caught(listIssues(c, { owner: "acme", repo: "nope" }));
    expect(e.code).toBe("REPOSITORY_NOT_FOUND");
  });

  test("parseRepoRef", () => {
    expect(parseRepoRef("openai/codex")).toEqual({ owner: "openai", repo: "codex" });
    expect(() => parseRepoRef("nope")).toThrow(/owner\/name/);
    expect(() => parseRepoRef("a/b/c")).toThrow();
  });
});

describe("releases", () => {
  test("newest first; drafts only for a token that can push; prerelease flag kept", async () => {
    gh().state.addRelease("acme/widgets", "v1.0.0");
    gh().state.addRelease("acme/widgets", "v1.1.0-rc.1", { prerelease: true });
    gh().state.addRelease("acme/widgets", "v1.1.0", { draft: true });
    const writer = await listReleases(clientFor(gh(), CANARY.installation), REPO);
    expect(writer.releases.map((r) => `${r.tagName}${r.draft ? " draft" : ""}${r.prerelease ? " pre" : ""}`)).toEqual([
      "v1.1.0 draft",
      "v1.1.0-rc.1 pre",
      "v1.0.0",
    ]);
    const reader = await listReleases(clientFor(gh(), CANARY.classic), REPO);
    expect(reader.releases.map((r) => r.tagName)).toEqual(["v1.1.0-rc.1", "v1.0.0"]);
  });
});
