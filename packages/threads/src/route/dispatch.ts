/** `workflow_dispatch`: a maintainer starts a run by hand, naming the thread in the inputs. */
import type { Thread } from "@codexrel/core";
import { int, obj, str, user } from "../payload.js";
import type { TaskStage } from "../state.js";
import { type Ctx, type Draft, draft, ignored } from "./draft.js";
import { deliveryKey, makeThread } from "./fields.js";
import { guardActor } from "./guard.js";
import { prompt } from "./prompt.js";
import { ReasonCodes, type TaskAction, type TaskSource } from "./task.js";

export function dispatch(ctx: Ctx): Draft {
  const inputs = obj(ctx.payload["inputs"]) ?? {};
  const number = int(inputs["number"] ?? inputs["issue"] ?? inputs["pr"]);
  const kindInput = str(inputs["kind"])?.trim().toLowerCase();
  const kind: Thread["kind"] = kindInput === "pr" || inputs["pr"] !== undefined ? "pr" : "issue";
  const sender = user(ctx.payload["sender"]);
  if (number === null || number < 1) {
    return ignored(ctx, null, ReasonCodes.NO_THREAD, "workflow_dispatch needs a `number` input naming the issue or PR");
  }
  const thread = makeThread(ctx, kind, number);
  const title = str(inputs["title"]) ?? "";
  const text = str(inputs["prompt"]) ?? "";
  const wanted = str(inputs["action"])?.trim().toLowerCase();
  const action: TaskAction =
    wanted === "continue"
      ? "continue"
      : wanted === "review" || (wanted !== "start" && kind === "pr")
        ? "review"
        : "start";
  if (action === "review" && kind !== "pr") {
    return ignored(ctx, { thread, title, source: null }, ReasonCodes.REVIEW_NEEDS_PR, "review needs a pull request");
  }
  const stageInput = str(inputs["stage"])?.trim().toLowerCase();
  const stage: TaskStage =
    action === "review"
      ? "review"
      : stageInput === "implementation" || stageInput === "planning"
        ? stageInput
        : kind === "pr"
          ? "implementation"
          : "planning";
  const source: TaskSource = { kind: "dispatch", id: null, url: null, cursor: null };
  const base = { thread, title, source };
  const actor = sender ? { user: sender, association: null } : null;
  const guard = guardActor(ctx, base, actor, "");
  if (guard) return guard;
  const d = draft(ctx, base, actor, {
    action,
    stage,
    reasonCode: ReasonCodes.DISPATCH,
    reason: `dispatched by @${actor?.user.login} for ${kind === "pr" ? "PR" : "issue"} #${number}`,
    dedupeKey: deliveryKey(ctx),
    prompt: prompt(thread, stage, {
      what: `A maintainer started a ${action} run by hand.`,
      actor,
      facts: [],
      blocks: [
        ["title", title],
        ["instructions", text],
      ],
    }),
  });
  // Only people with write access can dispatch a workflow.
  return { ...d, impliedPermission: "write" };
}
