/**
 * The fake's side of `git push` to a simulated repository: the bare repository's pre-receive hook
 * posts the ref updates, the pushing token (persisted by actions/checkout) and the changed paths
 * here; the answer accepts or refuses the push with the text git shows on a runner.
 *
 * - A push needs `contents: write` (installation / fine-grained) or `repo`/`public_repo` plus a
 *   write role (classic): https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps#repository-permissions-for-contents
 * - Changing `.github/workflows/*` also needs the `workflows` permission, which a GITHUB_TOKEN never
 *   has (classic tokens: the `workflow` scope):
 *   https://docs.github.com/en/apps/creating-github-apps/registering-a-github-app/choosing-permissions-for-a-github-app
 */
import { type Auth, resolveAuth } from "./access.js";
import { pushEvent } from "./events.js";
import { type FakeGitHubState, roleAtLeast } from "./state.js";

export const GIT_RECEIVE_PATH = "/_testkit/git/receive";

export interface PushRequest {
  repo: string;
  token: string;
  updates: Array<{ oldSha: string; newSha: string; ref: string }>;
  paths: string[];
}

export interface PushAnswer {
  ok: boolean;
  message: string;
}

export function authorizePush(state: FakeGitHubState, req: PushRequest): PushAnswer {
  const repo = state.repo(req.repo);
  const remote = `https://github.com/${req.repo}/`;
  if (!repo) return { ok: false, message: `remote: Repository not found.\nfatal: repository '${remote}' not found` };
  if (!req.token) {
    return { ok: false, message: "fatal: could not read Username for 'https://github.com': No such device or address" };
  }
  const auth: Auth = resolveAuth(state, `token ${req.token}`);
  if (auth.kind !== "token") {
    return {
      ok: false,
      message: `remote: Invalid username or token. Password authentication is not supported for Git operations.\nfatal: Authentication failed for '${remote}'`,
    };
  }
  const { token, user } = auth;
  const denied = `remote: Permission to ${repo.fullName}.git denied to ${user.login}.\nfatal: unable to access '${remote}': The requested URL returned error: 403`;
  const workflowFiles = req.paths.filter((p) => p.startsWith(".github/workflows/"));
  if (token.kind === "installation" || token.kind === "fine-grained") {
    const repos = token.repositories ?? "all";
    if (repos !== "all" && !repos.some((r) => r.toLowerCase() === repo.fullName.toLowerCase())) {
      return { ok: false, message: denied };
    }
    const contents = token.permissions?.["contents"];
    if (contents !== "write" && contents !== "admin") return { ok: false, message: denied };
    const workflows = token.permissions?.["workflows"];
    if (workflowFiles.length > 0 && workflows !== "write") {
      const what = token.kind === "installation" ? "a GitHub App" : "a Personal Access Token";
      return {
        ok: false,
        message: `refusing to allow ${what} to create or update workflow \`${workflowFiles[0]}\` without \`workflows\` permission`,
      };
    }
  } else {
    const scopes = token.scopes ?? [];
    const scoped = scopes.includes("repo") || (!repo.private && scopes.includes("public_repo"));
    if (!scoped || !roleAtLeast(state.roleOf(repo, user.login), "write")) return { ok: false, message: denied };
    if (workflowFiles.length > 0 && !scopes.includes("workflow")) {
      return {
        ok: false,
        message: `refusing to allow an OAuth App to create or update workflow \`${workflowFiles[0]}\` without \`workflow\` scope`,
      };
    }
  }
  if (repo.archived) return { ok: false, message: "remote: This repository was archived so it is read-only." };
  for (const u of req.updates) {
    if (/^0+$/.test(u.newSha)) repo.refs.delete(u.ref);
    else {
      repo.refs.set(u.ref, u.newSha);
      // An open PR whose head is this branch now has the pushed commit as its head.
      for (const t of state.threadsOf(repo.fullName)) {
        if (
          t.kind === "pr" &&
          t.state === "open" &&
          t.headRepo === repo.fullName &&
          `refs/heads/${t.headRef}` === u.ref
        ) {
          t.headSha = u.newSha;
        }
      }
    }
    pushEvent(state, auth, repo, u);
  }
  return { ok: true, message: "" };
}
