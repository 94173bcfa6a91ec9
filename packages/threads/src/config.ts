/**
 * Routing configuration: who may drive the agent, how people address it, and how branches are
 * named. Every field has a safe default; `resolveRoutingConfig` checks what a user passes.
 */
import { ThreadsErrorCodes, threadsError } from "./errors.js";

/** GitHub's `author_association` values. */
export type AuthorAssociation =
  | "OWNER"
  | "MEMBER"
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIMER"
  | "FIRST_TIME_CONTRIBUTOR"
  | "MANNEQUIN"
  | "NONE";

/** Repository permission levels, weakest first (GitHub's `permission` / `role_name`). */
export const PERMISSION_LEVELS = ["none", "read", "triage", "write", "maintain", "admin"] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export interface RoutingConfig {
  /** The handle people mention to address the agent, without `@` (e.g. `codex` for `@codex review`). */
  botName: string;
  /**
   * Logins that are this automation itself (the bot-loop guard), e.g. `github-actions[bot]` or the
   * app's `<slug>[bot]`. Any login that is a bot (type `Bot` or a `[bot]` suffix) is ignored anyway.
   */
  selfLogins: string[];
  /** Bot logins that may trigger runs despite being bots (default none). */
  allowedBots: string[];
  /** Author associations that are authorized without a permission lookup. */
  allowedAssociations: AuthorAssociation[];
  /**
   * Authors outside `allowedAssociations` are still authorized when they hold at least this
   * permission on the repository (asked through the permission port). `null`: associations only.
   */
  minPermission: Exclude<PermissionLevel, "none" | "read" | "triage"> | null;
  /** Command phrases; `{bot}` stands for `@<botName>`. Matched case-insensitively at the start of a line. */
  commands: {
    review: string[];
    executePlan: string[];
  };
  /** When true, a comment continues the thread only if it mentions `@<botName>`. */
  requireMention: boolean;
  /**
   * When set, issues start only when they carry this label (on `opened`, or when it is added by
   * `labeled`); when null, every authorized `opened` issue starts and `labeled` is ignored.
   */
  triggerLabel: string | null;
  /** The marker a plan comment carries; an authorized plan comment promotes the thread to implementation. */
  planMarker: string;
  /** First segment of branch names: `<prefix>/issue-<n>/<summary>`. */
  branchPrefix: string;
  /** Upper bound for the whole branch name. */
  maxBranchLength: number;
  /** Review pull requests whose head is in another repository (default false: secrets stay home). */
  allowForks: boolean;
  /** `pull_request` opened/reopened/synchronize/ready_for_review start an advisory review. */
  reviewPullRequests: boolean;
  /** Review draft pull requests too (default false; `ready_for_review` triggers it later). */
  reviewDrafts: boolean;
}

export const DEFAULT_ROUTING_CONFIG: Readonly<RoutingConfig> = Object.freeze({
  botName: "codex",
  selfLogins: ["github-actions[bot]"],
  allowedBots: [],
  allowedAssociations: ["OWNER", "MEMBER", "COLLABORATOR"],
  minPermission: "write",
  commands: { review: ["{bot} review"], executePlan: ["execute plan", "{bot} execute plan"] },
  requireMention: false,
  triggerLabel: null,
  planMarker: "<!-- codex:plan -->",
  branchPrefix: "codex",
  maxBranchLength: 60,
  allowForks: false,
  reviewPullRequests: true,
  reviewDrafts: false,
}) as RoutingConfig;

const ASSOCIATIONS = new Set<string>([
  "OWNER",
  "MEMBER",
  "COLLABORATOR",
  "CONTRIBUTOR",
  "FIRST_TIMER",
  "FIRST_TIME_CONTRIBUTOR",
  "MANNEQUIN",
  "NONE",
]);

function invalid(message: string): never {
  throw threadsError(
    ThreadsErrorCodes.THREAD_CONFIG_INVALID,
    `routing config is invalid: ${message}`,
    "Fix the `threads:` section of codexrel.yml (or the options passed to routeEvent).",
  );
}

/** What callers pass: any subset of the fields, commands included. */
export type RoutingConfigInput = Omit<Partial<RoutingConfig>, "commands"> & {
  commands?: Partial<RoutingConfig["commands"]>;
};

/** Merges a partial config over the defaults and checks it. */
export function resolveRoutingConfig(partial: RoutingConfigInput = {}): RoutingConfig {
  const c: RoutingConfig = {
    ...DEFAULT_ROUTING_CONFIG,
    ...(stripUndefined(partial) as Partial<RoutingConfig>),
    commands: { ...DEFAULT_ROUTING_CONFIG.commands, ...stripUndefined(partial.commands ?? {}) },
  };
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(c.botName)) {
    invalid(`botName ${JSON.stringify(c.botName)} is not a GitHub login (leave out the @)`);
  }
  for (const a of c.allowedAssociations) if (!ASSOCIATIONS.has(a)) invalid(`unknown association ${JSON.stringify(a)}`);
  if (c.minPermission !== null && !["write", "maintain", "admin"].includes(c.minPermission)) {
    invalid(`minPermission must be write, maintain, admin or null, got ${JSON.stringify(c.minPermission)}`);
  }
  if (!/^[a-z0-9][a-z0-9-]{0,19}$/.test(c.branchPrefix)) {
    invalid(`branchPrefix ${JSON.stringify(c.branchPrefix)} must be 1-20 of a-z 0-9 -`);
  }
  const minLength = c.branchPrefix.length + "/issue-1234567890/".length + 8;
  if (!Number.isInteger(c.maxBranchLength) || c.maxBranchLength < minLength || c.maxBranchLength > 200) {
    invalid(`maxBranchLength must be an integer between ${minLength} and 200`);
  }
  if (!/^<!-- [a-z][a-z0-9-]*:[a-z][a-z0-9-]* -->$/.test(c.planMarker)) {
    invalid(`planMarker ${JSON.stringify(c.planMarker)} must look like <!-- codex:plan -->`);
  }
  for (const list of [c.commands.review, c.commands.executePlan]) {
    if (!Array.isArray(list)) invalid("commands must be lists of phrases");
    for (const p of list) if (typeof p !== "string" || p.trim() === "") invalid("a command phrase is empty");
  }
  if (c.triggerLabel !== null && (typeof c.triggerLabel !== "string" || c.triggerLabel.trim() === "")) {
    invalid("triggerLabel must be a label name or null");
  }
  return c;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function permissionAtLeast(actual: PermissionLevel, wanted: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(wanted);
}
