/** The markers that find a progress comment: `<!-- codex:progress[:scope] -->` and core's form. */
import { buildMarker } from "@codexrel/core";
import { ThreadsErrorCodes, threadsError } from "../errors.js";

/** The two markers of a progress comment for `scope` (none: the thread's main progress comment). */
export function progressMarkers(scope?: string | null): { codex: string; core: string } {
  if (scope != null && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(scope)) {
    throw threadsError(
      ThreadsErrorCodes.PROGRESS_INPUT_INVALID,
      `progress scope ${JSON.stringify(scope)} is not allowed`,
      "Use 1-40 of a-z 0-9 - for a scope (e.g. review).",
    );
  }
  return scope
    ? { codex: `<!-- codex:progress:${scope} -->`, core: buildMarker("progress", scope) }
    : { codex: "<!-- codex:progress -->", core: buildMarker("progress") };
}

/** True when `body` is the progress comment for `scope` (either marker form). */
export function isProgressComment(body: string, scope?: string | null): boolean {
  const m = progressMarkers(scope);
  const lines = body.split("\n", 3).map((l) => l.trim());
  return lines.includes(m.codex) || lines.includes(m.core);
}
