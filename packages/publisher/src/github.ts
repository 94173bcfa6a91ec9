/**
 * The publish ports over GitHub, built from @codexrel/github (client, marker upsert) and
 * @codexrel/preflight (can this run publish, and why not). Nothing else in the publisher talks to
 * GitHub.
 *
 * Finding the report comment costs one request in the common case: the viewer and the newest 100
 * comments come in one GraphQL query; only when the marked comment is not among them is the rest
 * of the thread read. Writes: none when the body is unchanged, one update otherwise.
 */
import {
  createGitHubClient,
  type EventThread,
  type GitHubClient,
  type GitHubClientOptions,
  isGitHubError,
  newestFirstCommentPort,
  type ThreadRef,
  type TokenDiscovery,
  threadRef,
  upsertMarkedComment,
} from "@codexrel/github";
import { blockedPublication, type CheckId, runPreflight } from "@codexrel/preflight";
import type { GitDataPort, TreeEntry } from "./destinations/branch.js";
import type { CommentOutcome, PublishPorts, ThreadTarget } from "./publish.js";

export interface GitHubPublishOptions {
  /** The outcome of `discoverToken` (or `{ found: false, attempts: [] }`); null when not looked for. */
  token: TokenDiscovery | null;
  apiUrl?: string | undefined;
  graphqlUrl?: string | undefined;
  /** The thread as the triggering event described it (fork information without an API call). */
  event?: EventThread | null;
  clientOptions?: Partial<GitHubClientOptions>;
}

function refOf(thread: ThreadTarget): ThreadRef {
  return threadRef(thread.repository, thread.number, thread.kind);
}

function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}

/** The one newest-first marked-comment port of @codexrel/github (re-exported for existing users). */
export { newestFirstCommentPort };

/** Upserts the report comment of a thread (one per thread and report kind) through the adapter. */
export async function upsertReportComment(
  client: GitHubClient,
  thread: ThreadTarget,
  marker: { kind: string; id: string },
  body: string,
): Promise<CommentOutcome> {
  const ref = refOf(thread);
  const result = await upsertMarkedComment(newestFirstCommentPort(client, ref, marker), ref, { marker, body });
  return { action: result.action, url: result.comment.url, removedDuplicates: result.removedDuplicates };
}

/** The git data API (blobs, trees, commits, refs) over the adapter's REST calls. */
export function gitDataPort(client: GitHubClient): GitDataPort {
  // Git objects are content-addressed and ref moves are checked by the caller on its next read,
  // so after a lost response the write is simply tried again (nothing to re-read first).
  const again = async () => undefined;
  const notFound = (e: unknown) => isGitHubError(e, "GITHUB_NOT_FOUND");
  // GitHub answers 422 "Reference already exists" / "Update is not a fast forward" when another run moved the branch.
  const conflict = (e: unknown) =>
    isGitHubError(e, "GITHUB_VALIDATION_FAILED") &&
    /already exists|fast.?forward/i.test(String((e.details as { githubMessage?: string }).githubMessage ?? e.message));
  return {
    async branchHead(repo, branch) {
      try {
        const data = await client.restRead<{ object: { sha: string } }>(
          `read branch ${branch}`,
          "GET /repos/{owner}/{repo}/git/ref/{ref}",
          { ...splitRepo(repo), ref: `heads/${branch}` },
        );
        return data.object.sha;
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async commitTree(repo, sha) {
      const data = await client.restRead<{ tree: { sha: string } }>(
        `read commit ${sha}`,
        "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
        { ...splitRepo(repo), commit_sha: sha },
      );
      return data.tree.sha;
    },
    async listTree(repo, sha) {
      const data = await client.restRead<{ tree: TreeEntry[]; truncated: boolean }>(
        `list tree ${sha}`,
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
        { ...splitRepo(repo), tree_sha: sha, recursive: "1" },
      );
      return {
        entries: data.tree.map((e) => ({ path: e.path, type: e.type, sha: e.sha })),
        truncated: data.truncated,
      };
    },
    async readBlob(repo, sha) {
      const data = await client.restRead<{ content: string; encoding: string }>(
        `read blob ${sha}`,
        "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
        { ...splitRepo(repo), file_sha: sha },
      );
      return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    },
    async createBlob(repo, content) {
      const data = await client.restWrite<{ sha: string }>(
        "upload a file",
        "POST /repos/{owner}/{repo}/git/blobs",
        {
          ...splitRepo(repo),
          content: content.toString("base64"),
          encoding: "base64",
        },
        again,
      );
      return data.sha;
    },
    async createTree(repo, baseTree, entries) {
      const data = await client.restWrite<{ sha: string }>(
        "write a tree",
        "POST /repos/{owner}/{repo}/git/trees",
        {
          ...splitRepo(repo),
          ...(baseTree ? { base_tree: baseTree } : {}),
          tree: entries.map((e) =>
            "content" in e
              ? { path: e.path, mode: "100644", type: "blob", content: e.content }
              : { path: e.path, mode: "100644", type: "blob", sha: e.sha },
          ),
        },
        again,
      );
      return data.sha;
    },
    async createCommit(repo, commit) {
      const data = await client.restWrite<{ sha: string }>(
        "write a commit",
        "POST /repos/{owner}/{repo}/git/commits",
        {
          ...splitRepo(repo),
          message: commit.message,
          tree: commit.tree,
          parents: commit.parents,
        },
        again,
      );
      return data.sha;
    },
    async createBranch(repo, branch, sha) {
      try {
        await client.restWrite(
          `create branch ${branch}`,
          "POST /repos/{owner}/{repo}/git/refs",
          {
            ...splitRepo(repo),
            ref: `refs/heads/${branch}`,
            sha,
          },
          again,
        );
        return "ok";
      } catch (e) {
        if (conflict(e)) return "conflict";
        throw e;
      }
    },
    async updateBranch(repo, branch, sha) {
      try {
        await client.restWrite(
          `move branch ${branch}`,
          "PATCH /repos/{owner}/{repo}/git/refs/{ref}",
          {
            ...splitRepo(repo),
            ref: `heads/${branch}`,
            sha,
            force: false,
          },
          again,
        );
        return "ok";
      } catch (e) {
        if (conflict(e)) return "conflict";
        throw e;
      }
    },
  };
}

/**
 * The ports for `publishBundle`. Without a token, preflight still runs (and says so: publication
 * blocked, GITHUB_TOKEN_MISSING with the hint), and there is no comment or branch port.
 */
export function githubPublishPorts(options: GitHubPublishOptions): PublishPorts {
  const token = options.token?.found ? options.token.token : null;
  const clientOptions = { ...(options.clientOptions ?? {}) };
  const client = token
    ? createGitHubClient({ token, apiUrl: options.apiUrl, graphqlUrl: options.graphqlUrl, ...clientOptions })
    : null;
  return {
    async preflight({ thread }) {
      const checks: CheckId[] = thread ? ["github-token", "thread", "can-comment", "fork"] : ["github-token"];
      const result = await runPreflight({
        checks,
        github: {
          token: options.token ?? { found: false, attempts: [] },
          apiUrl: options.apiUrl,
          graphqlUrl: options.graphqlUrl,
          ...(client ? { createClient: () => client } : {}),
          clientOptions,
        },
        thread: thread ? refOf(thread) : null,
        event: options.event ?? null,
      });
      return { checks: result.checks, blocked: blockedPublication(result) };
    },
    ...(client
      ? {
          upsertComment: (thread: ThreadTarget, marker: { kind: string; id: string }, body: string) =>
            upsertReportComment(client, thread, marker, body),
          git: gitDataPort(client),
        }
      : {}),
  };
}
