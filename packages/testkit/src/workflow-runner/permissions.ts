/**
 * A workflow's `permissions:` block -> the job's GITHUB_TOKEN (an installation token).
 *
 * - "If you specify the access for any of these permissions, all of those that are not specified
 *   are set to none"; `metadata` always stays read; `read-all` / `write-all` / `{}`.
 *   https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
 * - Without a block: the repository's default, "permissive" (read/write for most scopes) or
 *   "restricted" (contents and packages read), and at most read for pull requests from forks.
 *   https://docs.github.com/en/actions/reference/github_token-reference#permissions-for-the-github_token
 * - A job-level block replaces the workflow-level one (jobs.<job_id>.permissions).
 * - In a called workflow, "the GITHUB_TOKEN permissions passed from the caller workflow can be only
 *   downgraded (not elevated) by the called workflow".
 *   https://docs.github.com/en/actions/sharing-automations/reusing-workflows#access-and-permissions
 */
import type { PermissionLevel } from "../fake-github/state.js";

export type Access = "none" | "read" | "write";

/** Workflow spelling -> the spelling of GitHub's installation-permission table. */
export const WORKFLOW_SCOPES: Record<string, string> = {
  actions: "actions",
  attestations: "attestations",
  checks: "checks",
  contents: "contents",
  deployments: "deployments",
  discussions: "discussions",
  "id-token": "id_token",
  issues: "issues",
  models: "models",
  packages: "packages",
  pages: "pages",
  "pull-requests": "pull_requests",
  "repository-projects": "repository_projects",
  "security-events": "security_events",
  statuses: "statuses",
};

/** Scope (table spelling) -> access. `metadata: read` is always added when the token is minted. */
export type TokenPermissions = Record<string, Access>;

export type DefaultPermissions = "permissive" | "restricted";

function all(access: Access): TokenPermissions {
  const out: TokenPermissions = {};
  for (const scope of Object.values(WORKFLOW_SCOPES))
    out[scope] = scope === "id_token" && access === "read" ? "none" : access;
  return out;
}

/** The repository default when no block applies (github_token-reference, table "Default access"). */
export function defaultPermissions(kind: DefaultPermissions): TokenPermissions {
  if (kind === "restricted") return { ...all("none"), contents: "read", packages: "read" };
  // Permissive: read/write everywhere except id-token (none) and models (read).
  return { ...all("write"), id_token: "none", models: "read" };
}

export class PermissionsBlockError extends Error {}

/** Parses a `permissions:` value (string shorthand or mapping). */
export function parsePermissionsBlock(block: unknown): TokenPermissions {
  if (block === "read-all") return all("read");
  if (block === "write-all") return all("write");
  if (block === null || typeof block !== "object" || Array.isArray(block)) {
    throw new PermissionsBlockError(`invalid permissions: ${JSON.stringify(block)}`);
  }
  const out = all("none");
  for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
    const scope = WORKFLOW_SCOPES[key];
    if (!scope) throw new PermissionsBlockError(`unknown permission scope '${key}'`);
    if (value !== "read" && value !== "write" && value !== "none") {
      throw new PermissionsBlockError(`permission '${key}' must be read, write or none, not ${JSON.stringify(value)}`);
    }
    if (key === "id-token" && value === "read") {
      throw new PermissionsBlockError("id-token takes write or none");
    }
    out[scope] = value;
  }
  return out;
}

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

/** The lower of two accesses per scope (a called workflow, a fork's cap). */
export function intersectPermissions(a: TokenPermissions, b: TokenPermissions): TokenPermissions {
  const out: TokenPermissions = {};
  for (const scope of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[scope] ?? "none";
    const y = b[scope] ?? "none";
    out[scope] = RANK[x] <= RANK[y] ? x : y;
  }
  return out;
}

export interface JobPermissionsInput {
  workflowBlock: unknown;
  jobBlock: unknown;
  repoDefault: DefaultPermissions;
  /** The caller job's permissions when this job is in a called workflow. */
  callerPermissions?: TokenPermissions;
  /** pull_request from a fork: every scope is capped at read. */
  fromFork?: boolean;
}

export function jobPermissions(input: JobPermissionsInput): TokenPermissions {
  const block = input.jobBlock !== undefined ? input.jobBlock : input.workflowBlock;
  let perms: TokenPermissions;
  if (block !== undefined) perms = parsePermissionsBlock(block);
  else if (input.callerPermissions) perms = { ...input.callerPermissions };
  else perms = defaultPermissions(input.repoDefault);
  if (input.callerPermissions) perms = intersectPermissions(perms, input.callerPermissions);
  if (input.fromFork) perms = intersectPermissions(perms, all("read"));
  return perms;
}

/** The permissions map the fake GitHub's installation token carries (no `none`, plus metadata read). */
export function toTokenGrant(perms: TokenPermissions): Record<string, PermissionLevel> {
  const out: Record<string, PermissionLevel> = { metadata: "read" };
  for (const [scope, access] of Object.entries(perms)) if (access !== "none") out[scope] = access;
  return out;
}
