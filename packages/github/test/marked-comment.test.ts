/**
 * The one marked-comment implementation (report and progress comments): an update among the
 * newest 100 of a 1,000-comment thread costs two requests, authorship is exact (a user named
 * `codexbot` cannot plant a comment that `codexbot[bot]` edits), and two concurrent
 * read-modify-writes through one client both land. All against the fake GitHub.
 */
import {
  modifyMarkedComment,
  newestFirstCommentPort,
  readMarkedComment,
  sameAuthor,
  upsertMarkedComment,
} from "@codexrel/github";
import { type FakeGitHub, useFakeGitHub } from "@codexrel/testkit/github";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { clientFor } from "./helpers.js";

const REPO = "acme/widgets";
const REF = { owner: "acme", repo: "widgets", number: 7 };
const MARKER = { kind: "progress" };
const M = "<!-- codexrel:progress -->";
let botToken = "";

function seed(fake: FakeGitHub): void {
  fake.state.addRepo(REPO);
  fake.state.addIssue(REPO, { number: 7, author: "alice" });
  botToken = fake.state.addToken({
    login: "codexbot[bot]",
    kind: "installation",
    permissions: { issues: "write", pull_requests: "write", metadata: "read" },
    repositories: "all",
  });
}

const gh = useFakeGitHub({ beforeEach, afterEach }, seed);
const ours = () =>
  gh()
    .state.threadComments(REPO, 7)
    .filter((c) => c.author === "codexbot[bot]");

describe("marked comment", () => {
  test("an update on a 1,000-comment thread costs 2 requests when the comment is among the newest 100", async () => {
    const fake = gh();
    for (let i = 0; i < 950; i++) fake.state.addComment(REPO, 7, { author: "alice", body: `comment ${i}` });
    const client = clientFor(fake, botToken);
    await upsertMarkedComment(newestFirstCommentPort(client, REF, MARKER), REF, { marker: MARKER, body: "step 1" });
    for (let i = 0; i < 49; i++) fake.state.addComment(REPO, 7, { author: "alice", body: `later ${i}` });
    expect(fake.state.threadComments(REPO, 7)).toHaveLength(1000);

    const fresh = clientFor(fake, botToken);
    const before = fake.requests.length;
    const r = await modifyMarkedComment(newestFirstCommentPort(fresh, REF, MARKER), REF, {
      marker: MARKER,
      render: (current) => `${current?.body ?? ""}\nstep 2`,
    });
    expect(r.action).toBe("updated");
    expect(fake.requests.length - before).toBe(2);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain("step 1\nstep 2");
  });

  test("a user named codexbot cannot plant a comment that codexbot[bot] then edits", async () => {
    const fake = gh();
    fake.state.addComment(REPO, 7, { author: "codexbot", body: `${M}\nplanted` });
    const client = clientFor(fake, botToken);
    expect(await readMarkedComment(client, REF, MARKER)).toBeNull();
    const r = await upsertMarkedComment(newestFirstCommentPort(client, REF, MARKER), REF, {
      marker: MARKER,
      body: "ours",
    });
    expect(r.action).toBe("created");
    const all = fake.state.threadComments(REPO, 7).map((c) => `${c.author}: ${c.body}`);
    expect(all).toEqual([`codexbot: ${M}\nplanted`, `codexbot[bot]: ${M}\nours`]);
  });

  test("the author rule: the [bot] suffix is only ignored for Bot accounts", () => {
    expect(sameAuthor("codexbot", "Bot", "codexbot[bot]")).toBe(true);
    expect(sameAuthor("codexbot[bot]", "Bot", "codexbot[bot]")).toBe(true);
    expect(sameAuthor("codexbot", "User", "codexbot[bot]")).toBe(false);
    expect(sameAuthor("codexbot", null, "codexbot[bot]")).toBe(false);
    expect(sameAuthor("alice", "User", "alice")).toBe(true);
    expect(sameAuthor("alice", "User", "Alice")).toBe(true);
    expect(sameAuthor("alice2", "User", "alice")).toBe(false);
  });

  test("two concurrent updates through one client never lose a change", async () => {
    const fake = gh();
    const client = clientFor(fake, botToken);
    await upsertMarkedComment(newestFirstCommentPort(client, REF, MARKER), REF, { marker: MARKER, body: "start" });
    const add = (line: string) =>
      modifyMarkedComment(newestFirstCommentPort(client, REF, MARKER), REF, {
        marker: MARKER,
        render: (current) => `${current?.body ?? ""}\n${line}`,
      });
    await Promise.all([add("from A"), add("from B"), add("from C")]);
    expect(ours()).toHaveLength(1);
    const body = ours()[0]?.body ?? "";
    for (const line of ["start", "from A", "from B", "from C"]) expect(body).toContain(line);
  });
});
