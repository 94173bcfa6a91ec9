/**
 * REST representations, shaped to pass the response schemas of GitHub's OpenAPI description
 * (the fake validates every response it sends against them).
 */
import type { FakeComment, FakeGitHubState, FakeReaction, FakeUser } from "./state.js";

export const HTML_BASE = "https://github.com";

export function restUser(apiUrl: string, user: FakeUser): Record<string, unknown> {
  const u = `${apiUrl}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: u,
    html_url:
      user.type === "Bot" ? `${HTML_BASE}/apps/${user.login.replace(/\[bot\]$/, "")}` : `${HTML_BASE}/${user.login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function commentHtmlUrl(c: FakeComment, kind: "issue" | "pr"): string {
  return `${HTML_BASE}/${c.repo}/${kind === "pr" ? "pull" : "issues"}/${c.number}#issuecomment-${c.id}`;
}

export function restComment(
  apiUrl: string,
  state: FakeGitHubState,
  c: FakeComment,
  authorAssociation: string,
): Record<string, unknown> {
  const thread = state.thread(c.repo, c.number);
  const author = state.addUser(c.author);
  const url = `${apiUrl}/repos/${c.repo}/issues/comments/${c.id}`;
  return {
    id: c.id,
    node_id: c.nodeId,
    url,
    html_url: commentHtmlUrl(c, thread?.kind ?? "issue"),
    body: c.body,
    user: restUser(apiUrl, author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${apiUrl}/repos/${c.repo}/issues/${c.number}`,
    author_association: authorAssociation,
    reactions: reactionRollup(`${url}/reactions`, state.reactionsOf(c.nodeId)),
  };
}

export function reactionRollup(url: string, reactions: FakeReaction[]): Record<string, unknown> {
  const count = (content: string) => reactions.filter((r) => r.content === content).length;
  return {
    url,
    total_count: reactions.length,
    "+1": count("+1"),
    "-1": count("-1"),
    laugh: count("laugh"),
    confused: count("confused"),
    heart: count("heart"),
    hooray: count("hooray"),
    eyes: count("eyes"),
    rocket: count("rocket"),
  };
}

export function restReaction(apiUrl: string, state: FakeGitHubState, r: FakeReaction): Record<string, unknown> {
  return {
    id: r.id,
    node_id: r.nodeId,
    user: restUser(apiUrl, state.addUser(r.user)),
    content: r.content,
    created_at: r.createdAt,
  };
}

export function errorBody(
  message: string,
  status: number,
  docs = "https://docs.github.com/rest",
): Record<string, unknown> {
  return { message, documentation_url: docs, status: String(status) };
}
