/**
 * What names a stage run: stage, repository, thread and run id. From it come the Discord channel
 * name (deterministic, valid, at most 100 characters), the channel topic and the banner message.
 */
import { createHash } from "node:crypto";
import { StreamErrorCodes, streamError } from "./errors.js";

export const STAGES = ["planning", "implementation", "review", "validation"] as const;
export type Stage = (typeof STAGES)[number];

export interface RunMeta {
  stage: Stage;
  /** `owner/repo` */
  repository: string;
  thread: { kind: "issue" | "pr"; number: number };
  runId: string;
  /** Link to the workflow run, when known. */
  runUrl?: string | null;
  /** `https://github.com` unless GitHub Enterprise. */
  serverUrl?: string;
  /** When the stream started (ISO 8601). */
  startedAt: string;
}

const REPO_RE = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;
const RUN_ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

export function checkRunMeta(meta: RunMeta): RunMeta {
  if (!STAGES.includes(meta.stage)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      `unknown stage ${JSON.stringify(meta.stage)}`,
      `Use one of ${STAGES.join(", ")}.`,
    );
  }
  if (!REPO_RE.test(meta.repository)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "the repository is not owner/repo",
      "Pass --repo owner/repo.",
    );
  }
  if (!Number.isInteger(meta.thread.number) || meta.thread.number < 1) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      "the thread number is not positive",
      "Pass --issue N or --pr N.",
    );
  }
  if (!RUN_ID_RE.test(meta.runId)) {
    throw streamError(
      StreamErrorCodes.STREAM_INPUT_INVALID,
      `run id ${JSON.stringify(meta.runId.slice(0, 80))} is not allowed`,
      "Use 1-64 of A-Z a-z 0-9 . _ - (the Actions run id, or the Argo workflow name).",
    );
  }
  return meta;
}

/** Discord's limit for a channel name. */
export const CHANNEL_NAME_MAX = 100;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * `<stage>-<owner>-<repo>-<issue|pr>-<n>-run-<id>`, lower case, only a-z 0-9 - _ (what Discord
 * keeps in a text channel name). Too long, the owner/repo part is shortened and an 8-hex digest of
 * the full identity keeps names of different runs apart.
 */
export function channelName(meta: Pick<RunMeta, "stage" | "repository" | "thread" | "runId">): string {
  const [owner = "", repo = ""] = meta.repository.split("/");
  const tail = `${meta.thread.kind}-${meta.thread.number}-run-${slug(meta.runId) || "0"}`;
  const full = [meta.stage, slug(owner), slug(repo), tail].filter(Boolean).join("-");
  if (full.length <= CHANNEL_NAME_MAX) return full;
  const digest = createHash("sha256")
    .update(`${meta.stage}\n${meta.repository}\n${meta.thread.kind}\n${meta.thread.number}\n${meta.runId}`)
    .digest("hex")
    .slice(0, 8);
  const fixed = `${meta.stage}--${digest}-${tail}`;
  const room = CHANNEL_NAME_MAX - fixed.length;
  const repoPart = slug(`${owner}-${repo}`).slice(0, Math.max(0, room)).replace(/-+$/, "");
  const name = `${meta.stage}-${repoPart}-${digest}-${tail}`.replace(/-{2,}/g, "-");
  return name.slice(0, CHANNEL_NAME_MAX).replace(/-+$/, "");
}

export function threadUrl(meta: RunMeta): string {
  const server = (meta.serverUrl ?? "https://github.com").replace(/\/+$/, "");
  return `${server}/${meta.repository}/${meta.thread.kind === "pr" ? "pull" : "issues"}/${meta.thread.number}`;
}

export function threadLabel(meta: Pick<RunMeta, "repository" | "thread">): string {
  return `${meta.repository} ${meta.thread.kind === "pr" ? "PR" : "issue"} #${meta.thread.number}`;
}

/** The channel topic (Discord allows 1,024 characters). */
export function channelTopic(meta: RunMeta): string {
  return `codexrel ${meta.stage} · ${threadLabel(meta)} · run ${meta.runId}`.slice(0, 1024);
}

/** The first message of the channel: what this run is, with links. */
export function bannerText(meta: RunMeta, logName: string): string {
  const lines = [
    `**codexrel · ${meta.stage}** — ${threadLabel(meta)}`,
    `Thread: <${threadUrl(meta)}>`,
    `Run: ${meta.runId}${meta.runUrl ? ` · <${meta.runUrl}>` : ""}`,
    `Started: ${meta.startedAt}`,
    `The stage's log follows, secrets redacted. The full transcript is the run's \`${logName}\` artifact.`,
  ];
  return lines.join("\n");
}

export function logFileName(stage: Stage): string {
  return `.codex-${stage}.log`;
}
