/**
 * The release monitor's config (`.github/release-monitor.yml` by default): the upstreams to
 * watch, where the state file lives, and how issues and the diff are shaped. Parsed with `yaml`
 * (YAML 1.2, unique keys), validated against `schemas/release-monitor-config.schema.json`, and
 * returned with every default filled in. Pure: reading the file is the caller's job.
 */
import { CodexrelError } from "@codexrel/core";
import { LineCounter, parseDocument } from "yaml";
import { ReleaseMonitorErrorCodes as Codes } from "./errors.js";
import { schemaProblems } from "./schema.js";

export const DEFAULT_CONFIG_PATH = ".github/release-monitor.yml";
export const DEFAULT_STATE_PATH = ".github/release-monitor/state.json";
export const DEFAULT_DIFF_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_COMMITS = 500;
export const DEFAULT_SCAN_LIMIT = 1000;

export type UpstreamSource = "tags" | "releases";

export interface UpstreamConfig {
  /** Key in the state file (default: repository). */
  name: string;
  /** owner/name on GitHub. */
  repository: string;
  /** git URL or local path the tags are fetched from. */
  url: string;
  tagPattern: string;
  prereleases: boolean;
  source: UpstreamSource;
  labels: string[];
}

export interface ReleaseMonitorConfig {
  upstreams: UpstreamConfig[];
  /** State file path, relative to the repository root. */
  state: string;
  issues: { repository: string | null; labels: string[]; scanLimit: number };
  diff: { maxBytes: number; maxCommits: number };
}

interface RawUpstream {
  name?: string;
  repository: string;
  url?: string;
  tagPattern?: string;
  prereleases?: boolean;
  source?: UpstreamSource;
  labels?: string[];
}

interface RawConfig {
  version?: 1;
  upstreams: RawUpstream[];
  state?: string;
  issues?: { repository?: string; labels?: string[]; scanLimit?: number };
  diff?: { maxBytes?: number; maxCommits?: number };
}

export interface ParseConfigOptions {
  /** For messages, e.g. the file path. */
  sourceName?: string;
  /** Base of default upstream URLs (GITHUB_SERVER_URL). Default https://github.com. */
  serverUrl?: string;
}

export function parseReleaseMonitorConfig(text: string, options: ParseConfigOptions = {}): ReleaseMonitorConfig {
  const sourceName = options.sourceName ?? DEFAULT_CONFIG_PATH;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const pos = first?.pos ? lineCounter.linePos(first.pos[0]) : undefined;
    const where = pos ? `${sourceName}:${pos.line}:${pos.col}` : sourceName;
    throw new CodexrelError(
      Codes.RELEASE_MONITOR_CONFIG_INVALID,
      `${where}: ${first?.message.split("\n")[0] ?? "invalid YAML"}`,
      { hint: "Fix the YAML syntax at the position shown.", cause: first },
    );
  }
  const value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  return resolveReleaseMonitorConfig(value, options);
}

/** Validates an already-parsed config object and fills in the defaults. */
export function resolveReleaseMonitorConfig(value: unknown, options: ParseConfigOptions = {}): ReleaseMonitorConfig {
  const sourceName = options.sourceName ?? DEFAULT_CONFIG_PATH;
  const problems = schemaProblems("config", value);
  if (problems.length > 0) {
    throw new CodexrelError(Codes.RELEASE_MONITOR_CONFIG_INVALID, `${sourceName} is invalid: ${problems.join("; ")}`, {
      hint: "Fix the listed fields; see @codexrel/release-monitor/schemas/release-monitor-config.schema.json.",
      details: { errors: problems },
    });
  }
  const raw = value as RawConfig;
  const server = (options.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  const upstreams = raw.upstreams.map(
    (u): UpstreamConfig => ({
      name: u.name ?? u.repository,
      repository: u.repository,
      url: u.url ?? `${server}/${u.repository}.git`,
      tagPattern: u.tagPattern ?? "v*",
      prereleases: u.prereleases ?? false,
      source: u.source ?? "tags",
      labels: u.labels ?? [],
    }),
  );
  const seen = new Set<string>();
  for (const u of upstreams) {
    if (seen.has(u.name)) {
      throw new CodexrelError(
        Codes.RELEASE_MONITOR_CONFIG_INVALID,
        `${sourceName}: two upstreams are named ${JSON.stringify(u.name)}`,
        { hint: "Give each upstream a distinct `name` (it is the key in the state file)." },
      );
    }
    seen.add(u.name);
  }
  return {
    upstreams,
    state: raw.state ?? DEFAULT_STATE_PATH,
    issues: {
      repository: raw.issues?.repository ?? null,
      labels: raw.issues?.labels ?? [],
      scanLimit: raw.issues?.scanLimit ?? DEFAULT_SCAN_LIMIT,
    },
    diff: {
      maxBytes: raw.diff?.maxBytes ?? DEFAULT_DIFF_MAX_BYTES,
      maxCommits: raw.diff?.maxCommits ?? DEFAULT_MAX_COMMITS,
    },
  };
}
