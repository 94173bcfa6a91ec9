/** Stable codes raised or reported by the publisher. */
export const PublisherErrorCodes = {
  /** The bundle folder does not exist or is not a folder. */
  CUJ_BUNDLE_NOT_FOUND: "CUJ_BUNDLE_NOT_FOUND",
  CUJ_SUMMARY_MISSING: "CUJ_SUMMARY_MISSING",
  CUJ_SUMMARY_NOT_JSON: "CUJ_SUMMARY_NOT_JSON",
  CUJ_SUMMARY_INVALID: "CUJ_SUMMARY_INVALID",
  /** The bundle holds more files or bytes than the limits allow. */
  CUJ_BUNDLE_TOO_LARGE: "CUJ_BUNDLE_TOO_LARGE",
  /** A referenced path (or a symlink) leads outside the bundle folder. */
  CUJ_PATH_OUTSIDE_BUNDLE: "CUJ_PATH_OUTSIDE_BUNDLE",
  CUJ_FILE_MISSING: "CUJ_FILE_MISSING",
  /** A screenshot that is not a png/jpeg/webp image, or a video that is not webm/mp4, by content. */
  CUJ_KIND_MISMATCH: "CUJ_KIND_MISMATCH",
  /** The file name's extension disagrees with its content (a warning: content wins). */
  CUJ_EXTENSION_MISMATCH: "CUJ_EXTENSION_MISMATCH",
  CUJ_NO_SCREENSHOT: "CUJ_NO_SCREENSHOT",
  CUJ_NO_VIDEO: "CUJ_NO_VIDEO",
  CUJ_NO_LOG: "CUJ_NO_LOG",
  /** The output folder is inside the bundle (copying would recurse). */
  CUJ_OUTPUT_INSIDE_BUNDLE: "CUJ_OUTPUT_INSIDE_BUNDLE",
  /** The bundle has problems the policy treats as errors. */
  CUJ_POLICY_FAILED: "CUJ_POLICY_FAILED",
  /** A journey of the bundle failed. */
  CUJ_JOURNEY_FAILED: "CUJ_JOURNEY_FAILED",
  LINK_EMPTY: "LINK_EMPTY",
  LINK_LOCAL_PATH: "LINK_LOCAL_PATH",
  LINK_EPHEMERAL_PATH: "LINK_EPHEMERAL_PATH",
  LINK_SCHEME: "LINK_SCHEME",
  LINK_NOT_DURABLE: "LINK_NOT_DURABLE",
  LINK_REJECTED: "LINK_REJECTED",
  PUBLISH_WRITE_FAILED: "PUBLISH_WRITE_FAILED",
  /** A binary file of the bundle (image, video) holds a known secret: it cannot be redacted, so nothing is published. */
  PUBLISH_SECRET_IN_BINARY: "PUBLISH_SECRET_IN_BINARY",
  /** The artifacts branch's tree is too large for GitHub to list in one response. */
  BRANCH_TREE_TOO_LARGE: "BRANCH_TREE_TOO_LARGE",
  /** Another run kept moving the artifacts branch. */
  BRANCH_MOVED: "BRANCH_MOVED",
  /** The Actions artifact destination was chosen but no artifact URL was handed in. */
  ARTIFACT_URL_MISSING: "ARTIFACT_URL_MISSING",
  /** A comment body about to be posted holds a local or ephemeral path. */
  COMMENT_HAS_LOCAL_PATH: "COMMENT_HAS_LOCAL_PATH",
} as const;

export type PublisherErrorCode = (typeof PublisherErrorCodes)[keyof typeof PublisherErrorCodes];
