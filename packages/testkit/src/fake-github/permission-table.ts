/**
 * GitHub's own endpoint -> installation-permission table (`data/github-permissions/`, from
 * github/docs), enforced for installation tokens and fine-grained personal access tokens.
 *
 * - A route the table lists needs one of the permissions it is listed under, at the listed access
 *   (`write` includes `read`). When a route is listed under several permissions
 *   (`additional-permissions: true`), any one of them is accepted: this is how GitHub answers the
 *   routes codexrel uses (a comment on a PR: `issues` or `pull_requests`); the file itself does not
 *   say "all" or "any" (see its README).
 * - `metadata` is always granted (read) to an installation token.
 * - `server-to-server: false` routes are refused to installation tokens whatever they hold, and
 *   `user-to-server: false` ones to fine-grained tokens.
 * - The refusal is GitHub's: 403, `Resource not accessible by integration` (installation) or
 *   `... by personal access token`, the endpoint's documentation URL, and
 *   `x-accepted-github-permissions` naming what would work.
 *   https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible
 * Routes the table does not list keep the fake's other access rules (see `unlistedRoutes()`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeToken, PermissionLevel } from "./state.js";

interface TableEntry {
  verb: string;
  requestPath: string;
  access: PermissionLevel;
  category: string;
  subcategory: string;
  slug: string;
  "user-to-server": boolean;
  "server-to-server": boolean;
}

export interface RouteRequirement {
  /** Alternatives: permission name -> minimum access. */
  anyOf: Array<{ permission: string; access: PermissionLevel }>;
  documentationUrl: string;
  serverToServer: boolean;
  userToServer: boolean;
}

let cached: Map<string, RouteRequirement> | undefined;

function tableFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "data", "github-permissions", "server-to-server-permissions.json");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("fake github: data/github-permissions/server-to-server-permissions.json not found");
    dir = parent;
  }
}

/** `METHOD /template` -> what GitHub requires for it. */
export function permissionTable(): Map<string, RouteRequirement> {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(tableFile(), "utf8")) as Record<string, { permissions: TableEntry[] }>;
  const table = new Map<string, RouteRequirement>();
  for (const [permission, { permissions }] of Object.entries(raw)) {
    for (const e of permissions) {
      const key = `${e.verb.toUpperCase()} ${e.requestPath}`;
      let req = table.get(key);
      if (!req) {
        req = {
          anyOf: [],
          documentationUrl: `https://docs.github.com/rest/${e.category}/${e.subcategory}#${e.slug}`,
          serverToServer: e["server-to-server"],
          userToServer: e["user-to-server"],
        };
        table.set(key, req);
      }
      if (!req.anyOf.some((a) => a.permission === permission && a.access === e.access)) {
        req.anyOf.push({ permission, access: e.access });
      }
    }
  }
  cached = table;
  return table;
}

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2, admin: 3 };

/**
 * Whether a read is checked against the table. GitHub serves public data to every caller, so a
 * read of a public repository outside a token's installation is answered as to anyone: reads are
 * checked for private repositories, for tokens with an explicit repository list that names the
 * repository, and always for a workflow run's GITHUB_TOKEN (`runId`). Tokens a test made without
 * a repository list keep the fake's older read rules on public repositories.
 */
export function readsChecked(token: FakeToken, repo: { fullName: string; private: boolean } | undefined): boolean {
  if (token.runId !== undefined) return true;
  if (repo?.private) return true;
  const list = token.repositories;
  return Array.isArray(list) && repo !== undefined && list.some((r) => r.toLowerCase() === repo.fullName.toLowerCase());
}

export interface PermissionDenial {
  status: 403;
  message: string;
  documentationUrl: string;
  accepted: string;
}

/** Undefined when the token may call the route (or the table does not list it). */
export function checkRoutePermission(
  token: FakeToken,
  route: string,
  options: { onPlainIssue?: boolean } = {},
): PermissionDenial | undefined {
  if (token.kind !== "installation" && token.kind !== "fine-grained") return undefined;
  const listed = permissionTable().get(route);
  if (!listed) return undefined;
  // The issues routes serve pull requests too (hence `pull_requests` in the table); on a plain
  // issue only `issues` applies, as GitHub answers (`x-accepted-github-permissions: issues=write`).
  const narrowed = listed.anyOf.filter((a) => a.permission !== "pull_requests");
  const req =
    options.onPlainIssue && narrowed.length > 0 && narrowed.length < listed.anyOf.length
      ? { ...listed, anyOf: narrowed }
      : listed;
  const message =
    token.kind === "installation"
      ? "Resource not accessible by integration"
      : "Resource not accessible by personal access token";
  const accepted = req.anyOf.map((a) => `${a.permission}=${a.access}`).join("; ");
  const denial: PermissionDenial = { status: 403, message, documentationUrl: req.documentationUrl, accepted };
  if (token.kind === "installation" && !req.serverToServer) return denial;
  if (token.kind === "fine-grained" && !req.userToServer) return denial;
  // Metadata read comes with every installation token and every fine-grained PAT.
  const granted: Record<string, PermissionLevel> = { metadata: "read", ...token.permissions };
  const ok = req.anyOf.some((a) => {
    const have = granted[a.permission];
    return have !== undefined && RANK[have] >= RANK[a.access];
  });
  return ok ? undefined : denial;
}
