import { createRequire } from "node:module";
import { createGitHubClient, type GitHubClient } from "@codexrel/github";
import type { FakeGitHub } from "@codexrel/testkit/github";
import type { PermissionLevel, PermissionPort } from "@codexrel/threads";

interface Definition {
  name: string;
  examples: Array<Record<string, unknown>>;
}

/** A mutable payload for building hostile variants (tests poke at arbitrary depths). */
export type Payload = Record<string, any>;

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as Definition[];

/** Real webhook payloads from @octokit/webhooks-examples (deep copies, safe to mutate). */
export function examples(name: string): Array<Payload> {
  const def = definitions.find((d) => d.name === name);
  if (!def) throw new Error(`no examples for ${name}`);
  return def.examples.map((e) => structuredClone(e) as Payload);
}

/** @codexrel/github's client against the fake, with every wait and retry delay made instant. */
export function fakeGitHubClient(fake: FakeGitHub, token: string): GitHubClient {
  return createGitHubClient({
    token,
    apiUrl: fake.apiUrl,
    graphqlUrl: fake.graphqlUrl,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retryBaseDelayMs: 1,
    rateLimit: { retryAfterScaleMs: 1 },
    sleep: async () => {},
  });
}

/** The first real example of `name` with `action`. */
export function example(name: string, action?: string): Payload {
  const found = examples(name).find((e) => action === undefined || e["action"] === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  return found;
}

export const ROUTED = [
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "workflow_dispatch",
  "repository_dispatch",
] as const;

/** A permission port answering from a table, recording every lookup. */
export function fakePermissions(table: Record<string, PermissionLevel | Error>): PermissionPort & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    async getPermission(repository, login) {
      calls.push(`${repository}:${login}`);
      const answer = table[login] ?? "none";
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

/** Prompts fence untrusted text; this returns the fenced bodies, checking each fence closes exactly once. */
export function untrustedBodies(prompt: string): string[] {
  const out: string[] = [];
  const re = /<<<untrusted ([0-9a-f]{16}) [^\n]*>>>\n/g;
  for (let m = re.exec(prompt); m; m = re.exec(prompt)) {
    const end = `<<<end ${m[1]}>>>`;
    const start = m.index + m[0].length;
    const stop = prompt.indexOf(end, start);
    if (stop < 0) throw new Error(`fence ${m[1]} never closes`);
    out.push(prompt.slice(start, stop));
    re.lastIndex = stop + end.length;
  }
  return out;
}
