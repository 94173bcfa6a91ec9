/**
 * `@codex stop`: a maintainer ends the fix-iteration loop. Routed like the other commands (same
 * bot-loop guard, mention rule and authorization, applied in route/ after this draft), it asks
 * the agent to start no further iteration and to record the stop in the iteration ledger
 * (`codexrel iterations stop`), whose next `codexrel run --iteration` is then refused.
 */
import { matchCommand } from "./text.js";

/** Phrases that stop the loop; `{bot}` stands for `@<botName>`. */
export const STOP_PHRASES: readonly string[] = ["{bot} stop"];

export interface StopCommand {
  /** Why, as the maintainer wrote it after the phrase ("" when nothing). */
  reason: string;
  /** What the agent is told (the untrusted reason is fenced by the caller's prompt builder). */
  what: string;
}

/** The stop command in a comment body, or null. */
export function matchStopCommand(body: string, botName: string, login: string | undefined): StopCommand | null {
  const m = matchCommand(body, STOP_PHRASES, botName);
  if (!m) return null;
  return {
    reason: m.args,
    what: `@${login ?? "a maintainer"} stopped the fix loop. Start no new fix iteration: run \`codexrel iterations stop --by ${login ?? "maintainer"}\` to record it in the iteration ledger, then post the final report with the blocking reasons and the next action.`,
  };
}
