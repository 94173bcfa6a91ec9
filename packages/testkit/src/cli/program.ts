/** The `codexrel-testkit` commands (commander); the bin is the only caller. */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { startFakeGitHub } from "../fake-github/server.js";
import { FakeGitHubState } from "../fake-github/state.js";
import { applySeed, dumpState, type Seed, SeedError } from "./seed.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves on SIGTERM/SIGINT (tests pass their own). */
  untilStopped(): Promise<void>;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  untilStopped: () =>
    new Promise<void>((done) => {
      process.once("SIGTERM", () => done());
      process.once("SIGINT", () => done());
    }),
};

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is 0-65535");
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function pairs(list: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf("=");
    if (i <= 0) throw new InvalidArgumentError(`${what} takes NAME=VALUE, got '${item}'`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

function readSeed(file: string): Seed {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Seed;
  } catch (err) {
    throw new SeedError(`cannot read the seed ${file}: ${(err as Error).message}`);
  }
}

export async function runTestkitCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = new Command("codexrel-testkit")
    .description("codexrel's fake GitHub and workflow runner")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("fake-github")
    .description(
      "serve the fake GitHub (REST at /, GraphQL at /graphql); print its URL first; dump its state on SIGTERM",
    )
    .requiredOption("--seed <state.json>", "initial state (see the testkit README)")
    .option("--port <n>", "port on 127.0.0.1 (0: a free one)", port, 0)
    .option("--dump-state <file>", "write the state here on SIGTERM (default: stdout)")
    .action(async (opts: { seed: string; port: number; dumpState?: string }) => {
      const state = new FakeGitHubState();
      applySeed(state, readSeed(opts.seed));
      const fake = await startFakeGitHub({ state, port: opts.port });
      io.stdout(`${fake.baseUrl}\n`);
      await io.untilStopped();
      const dump = `${JSON.stringify(dumpState(fake), null, 2)}\n`;
      if (opts.dumpState) writeFileSync(opts.dumpState, dump);
      else io.stdout(dump);
      await fake.close();
    });

  program
    .command("run-workflow")
    .description("run one workflow of a repository folder for one event, against a fresh fake GitHub")
    .requiredOption("--workflow <path>", "workflow path inside the repository, e.g. .github/workflows/ci.yml")
    .requiredOption("--event <name>", "event name, e.g. issue_comment")
    .option("--files <dir>", "the repository's files (its first commit)", ".")
    .option("--repo <owner/name>", "the simulated repository", "octo/app")
    .option("--action <type>", "activity type of the example payload, e.g. created")
    .option("--payload <file>", "webhook payload JSON (default: @octokit/webhooks-examples, adapted)")
    .option("--seed <state.json>", "extra fake GitHub state (issues, pulls, tokens...)")
    .option("--secret <NAME=VALUE>", "a repository secret (repeatable)", collect, [])
    .option("--action-repo <owner/name=dir>", "a local checkout for owner/name/...@ref (repeatable)", collect, [])
    .option("--default-permissions <kind>", "restricted or permissive", "restricted")
    .option("--json", "print the whole result as JSON")
    .action(async (opts) => {
      // Loaded here: the runner pulls in GitHub's workflow parser, which the fake alone does not need.
      const { createWorkflowSimulation } = await import("../workflow-runner/simulation.js");
      const { webhookPayload } = await import("../webhooks/payloads.js");
      const actionRepos = pairs(opts.actionRepo as string[], "--action-repo");
      const sim = await createWorkflowSimulation({
        secrets: pairs(opts.secret as string[], "--secret"),
        ...(Object.keys(actionRepos).length > 0 ? { actionRepos } : {}),
        defaultPermissions: opts.defaultPermissions === "permissive" ? "permissive" : "restricted",
      });
      try {
        sim.addRepo(opts.repo, { files: resolve(opts.files) });
        if (opts.seed) applySeed(sim.fake.state, readSeed(opts.seed));
        const payload = opts.payload
          ? (JSON.parse(readFileSync(opts.payload, "utf8")) as Record<string, unknown>)
          : webhookPayload(opts.event, { ...(opts.action ? { action: opts.action } : {}), repo: opts.repo });
        const result = await sim.run({
          repo: opts.repo,
          workflow: opts.workflow,
          event: { name: opts.event, payload },
        });
        if (opts.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else {
          io.stdout(
            `run ${result.runId}: ${result.triggered ? result.conclusion : `not triggered (${result.reason})`}\n`,
          );
          for (const job of Object.values(result.jobs)) {
            io.stdout(`  ${job.id}: ${job.result}${job.reason ? ` (${job.reason})` : ""}\n`);
            for (const a of job.annotations) io.stdout(`    ${a.level}: ${a.message}\n`);
          }
        }
        code = result.conclusion === "failure" || result.conclusion === "cancelled" ? 1 : 0;
      } finally {
        await sim.dispose();
      }
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : err.exitCode || 2;
    }
    io.stderr(`codexrel-testkit: ${(err as Error).message}\n`);
    return 2;
  }
  return code;
}
