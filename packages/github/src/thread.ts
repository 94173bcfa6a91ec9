/**
 * The thread model: which issue or pull request a run belongs to, from arguments
 * (`owner/repo#12`, or an issue/PR URL) or from a GitHub event payload.
 */
import { CodexrelError, type Thread } from "@codexrel/core";

export type ThreadKind = "issue" | "pr";

export interface ThreadRef {
  owner: string;
  repo: string;
  number: number;
  /** Known from the event or the arguments; resolved from GitHub when absent. */
  kind?: ThreadKind;
}

export interface EventThread {
  ref: ThreadRef & { kind: ThreadKind };
  /** For pull requests: the head and base repositories as the event reports them. */
  head?: { repository: string | null; ref: string; sha: string };
  base?: { repository: string; ref: string };
  /** Head repository differs from the base (or was deleted): secrets are not available. */
  fork?: boolean;
  author?: string;
}

const NAME = /^[A-Za-z0-9_.-]+$/;
const SHORT = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)$/;
const URL_RE = /^https?:\/\/[^/]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(issues|pull)\/(\d+)(?:[/?#].*)?$/;

function invalid(text: string): CodexrelError {
  return new CodexrelError("THREAD_REF_INVALID", `not a thread reference: ${JSON.stringify(text)}`, {
    hint: "Use owner/repo#123, or an issue or pull request URL.",
  });
}

/** Parses `owner/repo#12` or `https://github.com/owner/repo/issues/12` (or `/pull/12`). */
export function parseThreadRef(text: string, kind?: ThreadKind): ThreadRef {
  const t = text.trim();
  const short = SHORT.exec(t);
  if (short) return makeRef(short[1]!, short[2]!, Number(short[3]), kind, text);
  const url = URL_RE.exec(t);
  if (url) return makeRef(url[1]!, url[2]!, Number(url[4]), url[3] === "pull" ? "pr" : "issue", text);
  throw invalid(text);
}

/** Builds a ref from separate arguments (`--repo owner/repo --issue 12`). */
export function threadRef(repository: string, number: number, kind?: ThreadKind): ThreadRef {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository.trim());
  if (!m) {
    throw new CodexrelError("THREAD_REF_INVALID", `not a repository: ${JSON.stringify(repository)}`, {
      hint: "Use owner/repo, e.g. --repo octo-org/widgets.",
    });
  }
  return makeRef(m[1]!, m[2]!, number, kind, `${repository}#${number}`);
}

function makeRef(owner: string, repo: string, number: number, kind: ThreadKind | undefined, text: string): ThreadRef {
  if (!NAME.test(owner) || !NAME.test(repo) || !Number.isSafeInteger(number) || number < 1) throw invalid(text);
  return kind ? { owner, repo, number, kind } : { owner, repo, number };
}

export function formatThreadRef(ref: ThreadRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

export function repositoryOf(ref: ThreadRef): string {
  return `${ref.owner}/${ref.repo}`;
}

/** The report's `meta.thread`. */
export function toReportThread(ref: ThreadRef & { kind: ThreadKind }): Thread {
  return { repository: repositoryOf(ref), kind: ref.kind, number: ref.number };
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/**
 * The thread of a GitHub event (`issues`, `issue_comment`, `pull_request`, `pull_request_target`,
 * `pull_request_review`, `pull_request_review_comment`). Null for events without a thread.
 */
export function threadFromEvent(eventName: string, payload: unknown): EventThread | null {
  const p = obj(payload);
  const fullName = str(obj(p?.repository)?.full_name);
  if (!p || !fullName) return null;
  const [owner, repo] = fullName.split("/") as [string, string];

  const pr = obj(p.pull_request);
  if (pr && eventName.startsWith("pull_request")) {
    const number = Number(pr.number ?? p.number);
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headRepo = str(obj(head?.repo)?.full_name) ?? null;
    const baseRepo = str(obj(base?.repo)?.full_name) ?? fullName;
    return {
      ref: { ...makeRef(owner, repo, number, "pr", `${fullName}#${number}`), kind: "pr" },
      head: { repository: headRepo, ref: str(head?.ref) ?? "", sha: str(head?.sha) ?? "" },
      base: { repository: baseRepo, ref: str(base?.ref) ?? "" },
      fork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      ...(str(obj(pr.user)?.login) ? { author: str(obj(pr.user)?.login)! } : {}),
    };
  }

  const issue = obj(p.issue);
  if (issue && (eventName === "issues" || eventName === "issue_comment")) {
    const number = Number(issue.number);
    const kind: ThreadKind = issue.pull_request ? "pr" : "issue";
    return {
      ref: { ...makeRef(owner, repo, number, kind, `${fullName}#${number}`), kind },
      ...(str(obj(issue.user)?.login) ? { author: str(obj(issue.user)?.login)! } : {}),
    };
  }
  return null;
}
