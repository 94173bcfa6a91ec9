/** Shared by preflight and publish-artifacts: the issue or pull request the triggering event is about. */
import { readFileSync } from "node:fs";
import { type EventThread, threadFromEvent } from "@codexrel/github";

/** From GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH; null outside an event or for an unreadable payload. */
export function eventThread(env: NodeJS.ProcessEnv = process.env): EventThread | null {
  if (!env.GITHUB_EVENT_PATH || !env.GITHUB_EVENT_NAME) return null;
  try {
    return threadFromEvent(env.GITHUB_EVENT_NAME, JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")));
  } catch {
    return null;
  }
}
