/**
 * Real webhook payloads (`@octokit/webhooks-examples`, the examples GitHub's webhook docs and
 * Octokit maintain), adapted to a simulated repository and thread. A workflow's `github.event` is
 * the webhook payload of the event that triggered it:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context
 */
import { createRequire } from "node:module";

type Obj = Record<string, unknown>;

interface ExampleSet {
  name: string;
  examples: Obj[];
}

let cached: ExampleSet[] | undefined;

function examples(): ExampleSet[] {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = require("@octokit/webhooks-examples") as ExampleSet[];
  }
  return cached;
}

export interface WebhookPayloadOptions {
  /** Activity type (`created`, `opened`...); the first example of the event when omitted. */
  action?: string;
  /** Pick the example whose issue is a pull request (issue_comment on a PR). */
  onPullRequest?: boolean;
  /** `owner/name` of the simulated repository: rewrites `repository`, `organization`-free. */
  repo?: string;
  defaultBranch?: string;
  /** Deep-merged over the adapted example (objects merge, other values replace). */
  overrides?: Obj;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function deepMerge(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    if (v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" && !Array.isArray(b)) {
      out[k] = deepMerge(b as Obj, v as Obj);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** A real example payload of `event` (and `action`), adapted to `repo`. */
export function webhookPayload(event: string, options: WebhookPayloadOptions = {}): Obj {
  const set = examples().find((e) => e.name === event);
  if (!set) throw new Error(`@octokit/webhooks-examples has no '${event}' payload`);
  const candidates = set.examples.filter(
    (e) =>
      (options.action === undefined || e["action"] === options.action) &&
      (options.onPullRequest === undefined ||
        Boolean((e["issue"] as Obj | undefined)?.["pull_request"]) === options.onPullRequest),
  );
  // No example for that activity type: the event's first example, with the action replaced.
  let payload = clone(candidates[0] ?? set.examples[0]!);
  if (options.action !== undefined) payload["action"] = options.action;
  if (options.onPullRequest && !(payload["issue"] as Obj)?.["pull_request"]) {
    const issue = payload["issue"] as Obj;
    issue["pull_request"] = {
      url: String(issue["url"]).replace("/issues/", "/pulls/"),
      html_url: String(issue["html_url"]).replace("/issues/", "/pull/"),
      diff_url: `${String(issue["html_url"]).replace("/issues/", "/pull/")}.diff`,
      patch_url: `${String(issue["html_url"]).replace("/issues/", "/pull/")}.patch`,
      merged_at: null,
    };
  }
  if (options.repo) payload = adaptRepository(payload, options.repo, options.defaultBranch);
  return options.overrides ? deepMerge(payload, options.overrides) : payload;
}

/** Rewrites every repository field of a payload to a simulated `owner/name`. */
export function adaptRepository(payload: Obj, fullName: string, defaultBranch = "main"): Obj {
  const [owner, name] = fullName.split("/") as [string, string];
  const old = payload["repository"] as Obj | undefined;
  const oldName = old ? String(old["full_name"]) : undefined;
  let text = JSON.stringify(payload);
  if (oldName) {
    text = text.split(`/${oldName}/`).join(`/${fullName}/`).split(`/${oldName}"`).join(`/${fullName}"`);
  }
  const out = JSON.parse(text) as Obj;
  delete out["organization"];
  delete out["installation"];
  if (old) {
    const repo = out["repository"] as Obj;
    repo["full_name"] = fullName;
    repo["name"] = name;
    repo["default_branch"] = defaultBranch;
    repo["owner"] = { ...(repo["owner"] as Obj), login: owner, type: "User" };
  }
  for (const key of ["pull_request"]) {
    const pr = out[key] as Obj | undefined;
    if (!pr) continue;
    for (const side of ["base", "head"]) {
      const s = pr[side] as Obj | undefined;
      const r = s?.["repo"] as Obj | undefined;
      if (r && String(r["full_name"]) === oldName) {
        r["full_name"] = fullName;
        r["name"] = name;
        r["default_branch"] = defaultBranch;
        r["owner"] = { ...(r["owner"] as Obj), login: owner };
        if (s) s["label"] = `${owner}:${String(s["ref"])}`;
      }
    }
  }
  return out;
}
