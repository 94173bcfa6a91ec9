/**
 * Apply the agent's verdicts: for every prepared range, parse `release-impact.json` strictly;
 * missing or invalid gives a placeholder and a warning and the state stays where it was. Valid
 * findings become one issue each, deduplicated by their fingerprint marker (an issue this
 * identity already opened for the same finding is reused, never duplicated). The state advances
 * for an upstream only when every one of its findings has its issue; `dryRun` opens nothing and
 * writes nothing, and says what it would do.
 */
import { join } from "node:path";
import { CodexrelError, type Level, toCodexrelError } from "@codexrel/core";
import type { ReleaseMonitorConfig } from "./config.js";
import { type ContextEntry, loadContext } from "./context.js";
import { ReleaseMonitorErrorCodes as Codes } from "./errors.js";
import { type FindingIssue, findingIssue } from "./findings.js";
import { readImpact } from "./impact.js";
import { type ReleaseMonitorState, readState, writeState } from "./state.js";

export interface IssueRef {
  number: number;
  url: string;
  state?: "open" | "closed";
}

export interface ExistingFindings {
  /** Fingerprint -> the issue this identity opened for it. */
  byFingerprint: Map<string, IssueRef>;
  /** False when only the newest issues were searched (scan limit reached). */
  complete: boolean;
  scanned: number;
}

/** What apply needs from GitHub (see `githubFindingsPort` for the real one). */
export interface FindingsPort {
  /** This identity's finding issues in the target repository. */
  existing(): Promise<ExistingFindings>;
  open(issue: FindingIssue): Promise<IssueRef>;
}

export type FindingAction = "opened" | "exists" | "would-open" | "not-attempted";

export interface FindingOutcome {
  id: string;
  title: string;
  severity: string;
  fingerprint: string;
  action: FindingAction;
  issue?: IssueRef;
  /** The issue text (dry-run shows it). */
  issueTitle: string;
  issueBody: string;
}

export type EntryStatus = "reviewed" | "placeholder" | "failed" | "dry-run";

export interface EntryOutcome {
  name: string;
  repository: string;
  fromTag: string | null;
  toTag: string;
  status: EntryStatus;
  /** The agent's overall impact (null for placeholders). */
  impact: Level | null;
  summary: string | null;
  findings: FindingOutcome[];
  /** Why the verdict was not used (placeholder), or what failed. */
  problems: string[];
  error?: { code: string; message: string; hint: string };
  stateAdvanced: boolean;
}

export type ApplyStatus = "ok" | "placeholder" | "failed" | "dry-run" | "nothing-to-apply";

export interface ApplyResult {
  status: ApplyStatus;
  entries: EntryOutcome[];
  warnings: string[];
  statePath: string;
  stateChanged: boolean;
  opened: number;
  existing: number;
  manifestSha256: string;
}

export interface ApplyOptions {
  config: ReleaseMonitorConfig;
  contextDir: string;
  /** Absolute path of the state file. */
  statePath: string;
  /** null when there is no token: fine for verdicts without findings, and for dry runs. */
  findings: FindingsPort | null;
  dryRun?: boolean;
  /** sha256 of manifest.json as the context step wrote it; refused when it differs. */
  expectedManifestSha256?: string | null;
  now?: () => Date;
  log?: (line: string) => void;
}

export async function applyReleaseImpact(options: ApplyOptions): Promise<ApplyResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const ctx = await loadContext(options.contextDir, options.expectedManifestSha256);
  const state = await readState(options.statePath);
  const next: ReleaseMonitorState = { schemaVersion: "1", upstreams: { ...state.upstreams } };
  const warnings: string[] = [];
  const entries: EntryOutcome[] = [];
  let existing: ExistingFindings | null = null;
  const existingFindings = async (port: FindingsPort): Promise<ExistingFindings> => {
    if (!existing) {
      existing = await port.existing();
      if (!existing.complete) {
        const w = `only the newest ${existing.scanned} issues were searched for existing findings (issues.scanLimit); an older duplicate would be missed`;
        warnings.push(w);
        log(`warning: ${w}`);
      }
    }
    return existing;
  };

  for (const entry of ctx.manifest.entries) {
    const outcome = await applyEntry(entry);
    entries.push(outcome);
  }

  async function applyEntry(entry: ContextEntry): Promise<EntryOutcome> {
    const base: EntryOutcome = {
      name: entry.name,
      repository: entry.repository,
      fromTag: entry.fromTag,
      toTag: entry.toTag,
      status: "placeholder",
      impact: null,
      summary: null,
      findings: [],
      problems: [],
      stateAdvanced: false,
    };
    const range = `${entry.repository} ${entry.fromTag ?? "(first)"} → ${entry.toTag}`;
    const read = await readImpact(join(ctx.dir, entry.output), entry);
    if (!read.ok) {
      const w = `${range}: no usable release-impact verdict (${read.reason}): ${read.problems.join("; ")}; no issue opened, state not advanced`;
      warnings.push(w);
      log(`warning: ${w}`);
      return { ...base, problems: read.problems };
    }
    const impact = read.impact;
    const upstream = options.config.upstreams.find((u) => u.name === entry.name);
    const labels = [...new Set([...options.config.issues.labels, ...(upstream?.labels ?? [])])];
    const issues = impact.findings.map((f) => findingIssue(entry, impact, f, labels));
    const findings: FindingOutcome[] = impact.findings.map((f, i) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      fingerprint: issues[i]!.fingerprint,
      action: "not-attempted",
      issueTitle: issues[i]!.title,
      issueBody: issues[i]!.body,
    }));
    const reviewed = { ...base, impact: impact.impact, summary: impact.summary, findings };

    if (options.dryRun) {
      if (issues.length > 0 && options.findings) {
        try {
          const known = await existingFindings(options.findings);
          for (const f of findings) {
            const issue = known.byFingerprint.get(f.fingerprint);
            f.action = issue ? "exists" : "would-open";
            if (issue) f.issue = issue;
          }
        } catch (error) {
          const coded = toCodexrelError(error);
          const w = `${range}: could not look for existing issues (${coded.code}: ${coded.message}); listing every finding as would-open`;
          warnings.push(w);
          for (const f of findings) f.action = "would-open";
        }
      } else {
        for (const f of findings) f.action = "would-open";
        if (findings.length > 0 && !options.findings) {
          warnings.push(`${range}: no GitHub token: existing issues were not checked, so some may already exist`);
        }
      }
      log(`${range}: dry run: impact ${impact.impact}, ${findings.length} finding(s)`);
      return { ...reviewed, status: "dry-run" };
    }

    try {
      if (issues.length > 0) {
        if (!options.findings) {
          throw new CodexrelError(
            Codes.RELEASE_MONITOR_NO_GITHUB,
            `${range}: ${issues.length} finding(s) need issues and there is no GitHub token`,
            { hint: "Set GITHUB_TOKEN (with issues: write on the target repository), or use --dry-run to preview." },
          );
        }
        const known = await existingFindings(options.findings);
        for (const [i, issue] of issues.entries()) {
          const f = findings[i]!;
          const found = known.byFingerprint.get(issue.fingerprint);
          if (found) {
            f.action = "exists";
            f.issue = found;
            log(`${range}: finding ${f.id}: already filed as #${found.number}`);
            continue;
          }
          const opened = await options.findings.open(issue);
          known.byFingerprint.set(issue.fingerprint, opened);
          f.action = "opened";
          f.issue = opened;
          log(`${range}: finding ${f.id}: opened #${opened.number}`);
        }
      }
    } catch (error) {
      const coded = toCodexrelError(error);
      log(`${range}: ${coded.code}: ${coded.message}; state not advanced`);
      return {
        ...reviewed,
        status: "failed",
        error: { code: coded.code, message: coded.message, hint: coded.hint },
      };
    }
    next.upstreams[entry.name] = {
      lastReviewedTag: entry.toTag,
      sha: entry.toSha,
      fromTag: entry.fromTag,
      reviewedAt: now().toISOString(),
      impact: impact.impact,
      issues: findings.map((f) => f.issue!.number),
    };
    log(
      `${range}: reviewed (impact ${impact.impact}, ${findings.length} finding(s)); state advanced to ${entry.toTag}`,
    );
    return { ...reviewed, status: "reviewed", stateAdvanced: true };
  }

  const advanced = entries.some((e) => e.stateAdvanced);
  if (advanced) await writeState(options.statePath, next);
  const opened = entries.flatMap((e) => e.findings).filter((f) => f.action === "opened").length;
  const existingCount = entries.flatMap((e) => e.findings).filter((f) => f.action === "exists").length;
  const status: ApplyStatus =
    entries.length === 0
      ? "nothing-to-apply"
      : entries.some((e) => e.status === "failed")
        ? "failed"
        : options.dryRun
          ? "dry-run"
          : entries.some((e) => e.status === "placeholder")
            ? "placeholder"
            : "ok";
  return {
    status,
    entries,
    warnings,
    statePath: options.statePath,
    stateChanged: advanced,
    opened,
    existing: existingCount,
    manifestSha256: ctx.manifestSha256,
  };
}
