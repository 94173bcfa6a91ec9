/**
 * The marked comment a run keeps up to date: create, update, skip when unchanged, fold race
 * duplicates into the oldest, never touch someone else's or a minimized one.
 */
import { findMarkedComment, upsertMarkedComment, withMarker } from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CANARY, clientFor } from "./helpers.js";

const REF = { owner: "acme", repo: "widgets", number: 7 };
const MARKER = { kind: "report" };
const M = "<!-- codexrel:report -->";
const CREATE = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const UPDATE = "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}";
const DELETE = "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}";

function seed(fake: FakeGitHub): void {
  fake.state.addRepo("acme/widgets");
  fake.state.addPullRequest("acme/widgets", { number: 7 });
  fake.state.addToken({
    login: "github-actions[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write" },
    value: CANARY.installation,
  });
  fake.state.addToken({ login: "alice", scopes: ["repo"], value: CANARY.classic });
}

const gh = useFakeGitHub({ beforeEach, afterEach }, seed);
const bodies = () =>
  gh()
    .state.threadComments("acme/widgets", 7)
    .map((c) => `${c.author}: ${c.body}`);

describe("upsertMarkedComment", () => {
  test("creates, then skips an unchanged body without writing, then updates in place", async () => {
    const c = clientFor(gh(), CANARY.installation);
    const first = await upsertMarkedComment(c, REF, { marker: MARKER, body: "run 1" });
    expect(first.action).toBe("created");
    expect(first.comment.url).toMatch(/^https:\/\/github\.com\/acme\/widgets\/pull\/7#issuecomment-\d+$/);
    const again = await upsertMarkedComment(c, REF, { marker: MARKER, body: "run 1" });
    expect(again).toMatchObject({ action: "unchanged", comment: { id: first.comment.id } });
    const third = await upsertMarkedComment(c, REF, { marker: MARKER, body: "run 2" });
    expect(third).toMatchObject({ action: "updated", comment: { id: first.comment.id } });
    expect(bodies()).toEqual([`github-actions[bot]: ${M}\nrun 2`]);
    expect(gh().count({ route: CREATE })).toBe(1);
    expect(gh().count({ route: UPDATE })).toBe(1);
  });

  test("matches its own bot comments although GraphQL shows the bot without [bot]", async () => {
    gh().state.addComment("acme/widgets", 7, { author: "github-actions[bot]", body: `${M}\nold` });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "new" });
    expect(r.action).toBe("updated");
    expect(bodies()).toEqual([`github-actions[bot]: ${M}\nnew`]);
  });

  test("never edits someone else's comment that carries the same marker", async () => {
    gh().state.addComment("acme/widgets", 7, { author: "mallory", body: `${M}\nI copied your marker` });
    await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "ours" });
    expect(bodies()).toEqual([`mallory: ${M}\nI copied your marker`, `github-actions[bot]: ${M}\nours`]);
  });

  test("skips a minimized comment and writes a fresh one", async () => {
    gh().state.addComment("acme/widgets", 7, {
      author: "github-actions[bot]",
      body: `${M}\nhidden`,
      minimized: "outdated",
    });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "fresh" });
    expect(r.action).toBe("created");
    expect(bodies()).toHaveLength(2);
  });

  test("marker ids separate comments (report:a vs report:b vs report)", async () => {
    const c = clientFor(gh(), CANARY.installation);
    await upsertMarkedComment(c, REF, { marker: { kind: "report", id: "a" }, body: "A" });
    await upsertMarkedComment(c, REF, { marker: { kind: "report", id: "b" }, body: "B" });
    await upsertMarkedComment(c, REF, { marker: MARKER, body: "plain" });
    await upsertMarkedComment(c, REF, { marker: { kind: "report", id: "a" }, body: "A2" });
    expect(bodies()).toEqual([
      "github-actions[bot]: <!-- codexrel:report:a -->\nA2",
      "github-actions[bot]: <!-- codexrel:report:b -->\nB",
      `github-actions[bot]: ${M}\nplain`,
    ]);
  });

  test("duplicates left by a race are folded into the oldest", async () => {
    const s = gh().state;
    const oldest = s.addComment("acme/widgets", 7, { author: "github-actions[bot]", body: `${M}\nrun A` });
    s.addComment("acme/widgets", 7, { author: "someone", body: "unrelated" });
    const dup = s.addComment("acme/widgets", 7, { author: "github-actions[bot]", body: `${M}\nrun B` });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "run C" });
    expect(r).toMatchObject({ action: "updated", comment: { id: oldest.id }, removedDuplicates: [dup.id] });
    expect(bodies()).toEqual([`github-actions[bot]: ${M}\nrun C`, "someone: unrelated"]);
  });

  test("a race during creation: the other run's comment (older) wins, ours is removed", async () => {
    const s = gh().state;
    // The other run creates its comment right after we listed (simulated at our POST).
    gh().route(CREATE, (ctx) => {
      s.addComment("acme/widgets", 7, { author: "github-actions[bot]", body: `${M}\nother run` });
      const mine = s.addComment("acme/widgets", 7, {
        author: "github-actions[bot]",
        body: (ctx.body as { body: string }).body,
      });
      return {
        status: 201,
        body: {
          id: mine.id,
          node_id: mine.nodeId,
          html_url: `https://github.com/acme/widgets/pull/7#issuecomment-${mine.id}`,
          body: mine.body,
          created_at: mine.createdAt,
          updated_at: mine.updatedAt,
          user: null,
          url: `${ctx.apiUrl}/repos/acme/widgets/issues/comments/${mine.id}`,
          issue_url: `${ctx.apiUrl}/repos/acme/widgets/issues/7`,
        },
      };
    });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "ours" });
    expect(r.action).toBe("updated");
    expect(r.removedDuplicates).toHaveLength(1);
    expect(bodies()).toEqual([`github-actions[bot]: ${M}\nours`]);
    expect(gh().count({ route: DELETE })).toBe(1);
  });

  test("a lost create response does not leave two comments", async () => {
    gh().fault({ route: CREATE }, { kind: "drop", when: "after" });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.installation), REF, { marker: MARKER, body: "once" });
    expect(r.action).toBe("created");
    expect(bodies()).toEqual([`github-actions[bot]: ${M}\nonce`]);
  });

  test("finds the marked comment beyond the newest 100", async () => {
    const s = gh().state;
    s.addComment("acme/widgets", 7, { author: "alice", body: `${M}\nold report` });
    for (let i = 0; i < 150; i++) s.addComment("acme/widgets", 7, { author: "bob", body: `chatter ${i}` });
    const r = await upsertMarkedComment(clientFor(gh(), CANARY.classic), REF, { marker: MARKER, body: "new report" });
    expect(r.action).toBe("updated");
    expect(gh().count({ route: CREATE })).toBe(0);
  });

  test("secrets in a body are redacted before they are written, and an unchanged redacted body is not rewritten", async () => {
    const c = clientFor(gh(), CANARY.installation);
    const body = `tool printed ${CANARY.installation} and sk-proj-abcdefghijklmnopqrstuvwxyz012345`;
    await upsertMarkedComment(c, REF, { marker: MARKER, body });
    expect(bodies()[0]).not.toContain(CANARY.installation);
    expect(bodies()[0]).not.toContain("sk-proj-abcdefghijklmnopqrstuvwxyz012345");
    const again = await upsertMarkedComment(c, REF, { marker: MARKER, body });
    expect(again.action).toBe("unchanged");
  });
});

describe("findMarkedComment", () => {
  const c = (
    id: number,
    author: string,
    body: string,
    extra: { minimized?: boolean; viewerDidAuthor?: boolean } = {},
  ) => ({
    id,
    nodeId: `IC_${id}`,
    body,
    url: `https://github.com/o/r/issues/1#issuecomment-${id}`,
    author,
    createdAt: "",
    updatedAt: "",
    minimized: extra.minimized ?? false,
    authorType: "User",
    viewerDidAuthor: extra.viewerDidAuthor ?? true,
  });

  test("the newest own, visible, marked comment", () => {
    const list = [
      c(1, "me", `${M} a`),
      c(2, "other", `${M} b`),
      c(3, "me", `${M} c`),
      c(4, "me", `${M} d`, { minimized: true }),
      c(5, "me", "no marker"),
    ];
    expect(findMarkedComment(list, MARKER, { login: "me" })?.id).toBe(3);
    expect(findMarkedComment(list, MARKER, { login: "nobody" })).toBeUndefined();
    // Exact authorship: neither GitHub's flag alone nor a login alone makes a comment ours.
    expect(findMarkedComment([c(9, "x", `${M}`, { viewerDidAuthor: true })], MARKER, { login: "me" })).toBeUndefined();
    expect(
      findMarkedComment([c(9, "me", `${M}`, { viewerDidAuthor: false })], MARKER, { login: "me" }),
    ).toBeUndefined();
  });

  test("withMarker puts the marker first, once", () => {
    expect(withMarker("hi", MARKER)).toBe(`${M}\nhi`);
    expect(withMarker(`x\n${M}`, MARKER)).toBe(`x\n${M}`);
  });
});
