/**
 * The command table the executable starts from: each top-level command's name, its line in the
 * root help, and how to load it. A command's module (and the packages it imports) is loaded only
 * when that command runs, so `codexrel --version` and `--help` start in about the time of bare
 * node. `test/command-table.test.ts` checks the root help equals the fully loaded program's.
 */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export interface LazyCommand {
  name: string;
  /** What the root help prints after the name: `[options]` and the arguments, as commander would. */
  usage: string;
  description: string;
  load: () => Promise<RegisterCommand>;
}

/** In the order of `commands/index.ts`, which is the order of the root help. */
export const commandTable: readonly LazyCommand[] = [
  {
    name: "report",
    usage: "",
    description: "validate or render a run report",
    load: async () => (await import("./commands/report.js")).register,
  },
  {
    name: "checks",
    usage: "",
    description: "run the checks listed in codexrel.yml",
    load: async () => (await import("./commands/checks.js")).register,
  },
  {
    name: "run",
    usage: "[options]",
    description:
      "run the pipeline for a project and write report.json, report.md and report.html; exit 0 ready, 1 not ready",
    load: async () => (await import("./commands/run.js")).register,
  },
  {
    name: "classify",
    usage: "[options]",
    description:
      "classify test results against the base: new regressions, known failures, flaky tests, fixed, added, removed; exit 1 when the policy blocks",
    load: async () => (await import("./commands/classify.js")).register,
  },
  {
    name: "preflight",
    usage: "[options]",
    description:
      "check the GitHub token, the thread, write access, fork status, the OpenAI key and CODEX_HOME; exit 0 when nothing failed, 1 otherwise",
    load: async () => (await import("./commands/preflight.js")).register,
  },
  {
    name: "publish",
    usage: "[options] <bundle>",
    description:
      "check a CUJ bundle, copy it with an HTML gallery, and publish it to an Actions artifact or a branch with one report comment",
    load: async () => (await import("./commands/publish.js")).register,
  },
  {
    name: "route",
    usage: "[options]",
    description:
      "route a GitHub event to an agent task (start, continue, review, ignore or duplicate) with its stage, thread, prompt and reason",
    load: async () => (await import("./commands/route.js")).register,
  },
  {
    name: "thread",
    usage: "",
    description: "per-thread routing state",
    load: async () => (await import("./commands/thread.js")).register,
  },
  {
    name: "progress",
    usage: "",
    description: "the thread's progress comment (update, done, fail, cancel) and the pull request handoff",
    load: async () => (await import("./commands/progress.js")).register,
  },
  {
    name: "release-monitor",
    usage: "",
    description:
      "watch upstream releases: check for new ones, prepare the diff for an agent, open one issue per finding",
    load: async () => (await import("./commands/release-monitor.js")).register,
  },
  {
    name: "session",
    usage: "",
    description: "a fresh CODEX_HOME per job, and the thread's Codex session saved and restored between jobs",
    load: async () => (await import("./commands/session.js")).register,
  },
  {
    name: "stream",
    usage: "[options]",
    description:
      "pass a stage's log through (stdin to stdout) and mirror it, readable and redacted, to Discord, the job summary, the progress comment and .codex-<stage>.log",
    load: async () => (await import("./commands/stream.js")).register,
  },
  {
    name: "intake",
    usage: "[options]",
    description:
      "parse a release request (the issue body of the codex-release form) and print the execution plan comment; exit 1 names missing fields",
    load: async () => (await import("./commands/intake.js")).register,
  },
  {
    name: "iterations",
    usage: "",
    description: "show or steer the fix-iteration ledger",
    load: async () => (await import("./commands/iterations.js")).register,
  },
];

/** The root options that may come before the command name; `--secret-env` takes a value. */
const ROOT_FLAGS = new Set(["-V", "--version", "-h", "--help"]);

/**
 * Which commands `argv` can reach, read the way commander reads it: the first operand after the
 * root options, or the operand after `help`. `"all"` when something it does not know comes first
 * (commander then decides, with every command loaded, as before the table existed).
 */
export function commandsToLoad(
  argv: readonly string[],
  table: readonly LazyCommand[] = commandTable,
): readonly LazyCommand[] | "all" {
  const operands: string[] = [];
  for (let i = 0; i < argv.length && operands.length < 2; i++) {
    const a = argv[i] ?? "";
    if (a === "--secret-env") i++;
    else if (a.startsWith("--secret-env=") || ROOT_FLAGS.has(a)) continue;
    else if (a.startsWith("-")) return "all";
    else {
      operands.push(a);
      if (a !== "help") break;
    }
  }
  const name = operands[0] === "help" ? operands[1] : operands[0];
  return table.filter((c) => c.name === name);
}
