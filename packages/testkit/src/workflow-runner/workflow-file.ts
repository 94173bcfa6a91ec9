/**
 * Loading a workflow file and deciding whether an event triggers it.
 * `on:` as a string, a list or a mapping; `types:` filter activity types (and when omitted, some
 * events trigger only for their default types: pull_request for opened, synchronize, reopened).
 * https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows
 */
import { parse } from "yaml";
import { WorkflowError, WorkflowErrorCodes } from "./errors.js";

export type Yaml = Record<string, unknown>;

export function parseWorkflow(text: string, where: string): Yaml {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new WorkflowError(
      WorkflowErrorCodes.WORKFLOW_INVALID,
      `${where}: ${(err as Error).message}`,
      "Fix the YAML.",
    );
  }
  if (!doc || typeof doc !== "object" || !("jobs" in doc) || !("on" in doc)) {
    throw new WorkflowError(
      WorkflowErrorCodes.WORKFLOW_INVALID,
      `${where}: not a workflow (needs 'on' and 'jobs')`,
      "Pass a workflow file.",
    );
  }
  return doc as Yaml;
}

/** `on:` as a mapping event -> config. */
export function triggers(workflow: Yaml): Record<string, Yaml | null> {
  const on = workflow["on"];
  if (typeof on === "string") return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((e) => [String(e), null]));
  if (on && typeof on === "object") return on as Record<string, Yaml | null>;
  return {};
}

/** Events whose runs start only for some activity types when `types:` is omitted. */
const DEFAULT_TYPES: Record<string, string[]> = {
  pull_request: ["opened", "synchronize", "reopened"],
  pull_request_target: ["opened", "synchronize", "reopened"],
};

export interface TriggerDecision {
  triggered: boolean;
  reason?: string;
}

export function matchesEvent(workflow: Yaml, eventName: string, payload: Yaml): TriggerDecision {
  const on = triggers(workflow);
  if (!(eventName in on)) return { triggered: false, reason: `on: has no '${eventName}'` };
  const config = on[eventName] ?? {};
  const action = typeof payload["action"] === "string" ? (payload["action"] as string) : undefined;
  const types = (config["types"] as string[] | undefined) ?? DEFAULT_TYPES[eventName];
  if (types && action !== undefined && !types.includes(action)) {
    return { triggered: false, reason: `activity type '${action}' is not in types [${types.join(", ")}]` };
  }
  const branchFilter = (config["branches"] as string[] | undefined) ?? undefined;
  if (branchFilter && (eventName === "pull_request" || eventName === "push")) {
    const pr = payload["pull_request"] as Yaml | undefined;
    const branch =
      eventName === "push"
        ? String(payload["ref"] ?? "").replace(/^refs\/heads\//, "")
        : String((pr?.["base"] as Yaml | undefined)?.["ref"] ?? "");
    if (!branchFilter.some((b) => globMatch(b, branch))) {
      return { triggered: false, reason: `branch '${branch}' does not match branches [${branchFilter.join(", ")}]` };
    }
  }
  return { triggered: true };
}

/** The filter pattern syntax's `*` and `**` (enough for branch names). */
function globMatch(pattern: string, value: string): boolean {
  const re = pattern
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  return new RegExp(`^${re}$`).test(value);
}
