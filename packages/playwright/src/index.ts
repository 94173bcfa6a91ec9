export { type CommitIdentity, CujBundleErrorCodes, type WriteBundleOptions, writeCujBundle } from "./bundle.js";
export { detectCommit } from "./commit.js";
export {
  FfmpegErrorCodes,
  linkSystemFfmpeg,
  playwrightFfmpegRevision,
  type SystemFfmpegOptions,
} from "./ffmpeg.js";
export {
  DEFAULT_JOURNEY_TAG,
  describeResult,
  draftJourneys,
  type FinishedTest,
  type JourneyAttachment,
  type JourneyDraft,
  journeyKey,
  slugify,
} from "./journeys.js";
export type { CujReporterOptions } from "./reporter.js";
