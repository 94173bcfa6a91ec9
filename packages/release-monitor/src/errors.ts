/** Error codes of the release monitor (every one a CodexrelError with a one-line hint). */
export const ReleaseMonitorErrorCodes = {
  /** The config file is missing. */
  RELEASE_MONITOR_CONFIG_NOT_FOUND: "RELEASE_MONITOR_CONFIG_NOT_FOUND",
  /** The config file is not YAML, or does not match the schema. */
  RELEASE_MONITOR_CONFIG_INVALID: "RELEASE_MONITOR_CONFIG_INVALID",
  /** The state file is not JSON or does not match the schema. */
  RELEASE_MONITOR_STATE_INVALID: "RELEASE_MONITOR_STATE_INVALID",
  /** git is not installed (or not on PATH). */
  GIT_NOT_FOUND: "GIT_NOT_FOUND",
  /** A git command failed (the upstream is unreachable, a tag is missing, ...). */
  GIT_FAILED: "GIT_FAILED",
  /** The last reviewed tag is gone upstream, so there is nothing to diff against. */
  RELEASE_MONITOR_BASE_TAG_MISSING: "RELEASE_MONITOR_BASE_TAG_MISSING",
  /** The releases source needs a GitHub token. */
  RELEASE_MONITOR_RELEASES_NEED_TOKEN: "RELEASE_MONITOR_RELEASES_NEED_TOKEN",
  /** The context folder (manifest.json) is missing, invalid, or changed since it was written. */
  RELEASE_MONITOR_CONTEXT_INVALID: "RELEASE_MONITOR_CONTEXT_INVALID",
  /** Findings need issues, and there is no GitHub token to open them with. */
  RELEASE_MONITOR_NO_GITHUB: "RELEASE_MONITOR_NO_GITHUB",
  /** No repository to open issues in. */
  RELEASE_MONITOR_REPOSITORY_MISSING: "RELEASE_MONITOR_REPOSITORY_MISSING",
} as const;
