/** `codexrel thread commit`: record a routed task as processed, so replays of it route to duplicate. */
import { resolve } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import { commitProcessed, createDirStateStore, processedItemsOf, type Task } from "@codexrel/threads";
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { readJson } from "../io.js";

/** Reads a task file written by `codexrel route --json` or actions/route-event. */
export async function readTask(ctx: CliContext, file: string): Promise<Task> {
  const value = (await readJson(resolve(ctx.cwd, file), "task file")) as Partial<Task> & { tasks?: Task[] };
  if (!value || typeof value !== "object" || typeof value.action !== "string" || !("thread" in value)) {
    throw new CodexrelError(ErrorCodes.INPUT_NOT_JSON, `${file} is not a task file`, {
      hint: "Pass the JSON that `codexrel route --json` printed (or route-event's task-file).",
    });
  }
  return value as Task;
}

export function register(program: Command, ctx: CliContext): void {
  const thread = program.command("thread").description("per-thread routing state");
  thread
    .command("commit")
    .description("record a routed task (and the comments it drained) as processed; replays of it become duplicates")
    .requiredOption("--task <file>", "the task JSON from `codexrel route --json`")
    .requiredOption("--state-dir <dir>", "the per-thread state directory used with `codexrel route --state-dir`")
    .option("--json", "print the thread state after the commit")
    .action(async (opts: { task: string; stateDir: string; json?: boolean }) => {
      const task = await readTask(ctx, opts.task);
      if (!task.threadKey) {
        ctx.stdout.write(opts.json ? "null\n" : "nothing to commit: the task names no thread\n");
        return;
      }
      // The task, what it drained, and every kind's cursor (skipped comments and reviews move it too).
      const items = processedItemsOf(task);
      const state = await commitProcessed(
        createDirStateStore(resolve(ctx.cwd, opts.stateDir)),
        task.threadKey,
        items,
        new Date(),
      );
      if (opts.json) ctx.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      else
        ctx.stdout.write(`${task.threadKey}: ${state.seen.length} processed key(s), stage ${state.stage ?? "none"}\n`);
    });
}
