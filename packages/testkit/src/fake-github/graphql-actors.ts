/** The GraphQL shape of a user, bot or organization, and of the `viewer`. */
import type { Obj } from "./graphql-context.js";
import { HTML_BASE } from "./rest-objects.js";
import type { FakeUser } from "./state.js";

export function actorNode(user: FakeUser): Obj {
  const isBot = user.type === "Bot";
  // GitHub's GraphQL shows a bot author without the `[bot]` suffix REST uses.
  const login = isBot ? user.login.replace(/\[bot\]$/, "") : user.login;
  return {
    __typename: isBot ? "Bot" : user.type === "Organization" ? "Organization" : "User",
    id: user.nodeId,
    databaseId: user.id,
    login,
    url: isBot ? `${HTML_BASE}/apps/${login}` : `${HTML_BASE}/${login}`,
    resourcePath: isBot ? `/apps/${login}` : `/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

export function viewerNode(user: FakeUser): Obj {
  // `viewer` is typed User!; for an installation token it is the app's bot, login `name[bot]`.
  return {
    ...actorNode(user),
    __typename: "User",
    login: user.login,
    name: null,
  };
}
