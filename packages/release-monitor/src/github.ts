/**
 * The real ports over @codexrel/github: finding issues (find by fingerprint marker among this
 * identity's issues; open through REST without ever duplicating after a lost response) and
 * upstream releases.
 */

import { CodexrelError, hasMarker } from "@codexrel/core";
import {
  createIssue,
  findMarkedIssues,
  type GitHubClient,
  isOwnIssue,
  listIssues,
  listReleases,
  parseRepoRef,
} from "@codexrel/github";
import type { FindingsPort } from "./apply.js";
import type { ReleasesPort } from "./check.js";
import { ReleaseMonitorErrorCodes } from "./errors.js";
import { FINDING_MARKER_KIND } from "./findings.js";

export interface GitHubFindingsOptions {
  /** owner/name to open issues in. */
  repository: string;
  /** How many of the newest issues to search. */
  scanLimit: number;
}

/**
 * A findings port for when no repository is known: any use fails with
 * RELEASE_MONITOR_REPOSITORY_MISSING and the edge's own hint (which flag or input to set), so a
 * dry run without a repository still works and a real apply says exactly what is missing.
 */
export function missingRepositoryFindingsPort(hint: string): FindingsPort {
  const missing = () =>
    new CodexrelError(
      ReleaseMonitorErrorCodes.RELEASE_MONITOR_REPOSITORY_MISSING,
      "no repository to open finding issues in",
      { hint },
    );
  return {
    existing: async () => {
      throw missing();
    },
    open: async () => {
      throw missing();
    },
  };
}

export function githubFindingsPort(gh: GitHubClient, options: GitHubFindingsOptions): FindingsPort {
  const repo = parseRepoRef(options.repository);
  return {
    async existing() {
      const found = await findMarkedIssues(gh, repo, FINDING_MARKER_KIND, { max: options.scanLimit });
      const byFingerprint = new Map(
        [...found.byId].map(([id, issue]) => [id, { number: issue.number, url: issue.url, state: issue.state }]),
      );
      return { byFingerprint, complete: found.complete, scanned: found.scanned };
    },
    async open(issue) {
      const created = await createIssue(
        gh,
        repo,
        { title: issue.title, body: issue.body, labels: issue.labels },
        {
          // After a lost response, the marker tells whether the issue landed.
          reread: async () => {
            const identity = await gh.viewer();
            const { issues } = await listIssues(gh, repo, { max: 100 });
            return issues.find(
              (i) => isOwnIssue(i, identity) && hasMarker(i.body, FINDING_MARKER_KIND, issue.fingerprint),
            );
          },
        },
      );
      return { number: created.number, url: created.url, state: created.state };
    },
  };
}

export function githubReleasesPort(gh: GitHubClient): ReleasesPort {
  return async (repository) => {
    const { releases } = await listReleases(gh, parseRepoRef(repository));
    return releases.map((r) => ({ tagName: r.tagName, draft: r.draft, prerelease: r.prerelease }));
  };
}
