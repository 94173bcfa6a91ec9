/**
 * `codexrel iterations show|stop|resume|raise`: the maintainer's side of the fix loop's ledger.
 * `stop` is what the worker runs for a routed `@codex stop` (gated by @codexrel/threads); after
 * it, `codexrel run --iteration` is refused until `resume`. `raise` lifts the budget, which
 * otherwise makes an iteration beyond it a usage error.
 */
import { join, resolve } from "node:path";
import { CodexrelError, ErrorCodes } from "@codexrel/core";
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { DEFAULT_LEDGER, readLedger, writeLedger } from "../pipeline/fix-loop.js";

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

function login(value: string | undefined): string {
  if (!value || !LOGIN.test(value)) {
    throw new CodexrelError(ErrorCodes.USAGE, `--by ${JSON.stringify(value ?? "")} is not a GitHub login`, {
      hint: "Pass the maintainer's login, e.g. --by octocat.",
    });
  }
  return value;
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program.command("iterations").description("show or steer the fix-iteration ledger");
  const ledgerPath = (opts: { ledger?: string }) => resolve(ctx.cwd, opts.ledger ?? DEFAULT_LEDGER);
  const ledgerOption = `the iteration ledger (default ${join(".", DEFAULT_LEDGER)})`;

  cmd
    .command("show")
    .description("print the ledger as JSON")
    .option("--ledger <file>", ledgerOption)
    .action(async (opts: { ledger?: string }) => {
      ctx.stdout.write(`${JSON.stringify(await readLedger(ledgerPath(opts)), null, 2)}\n`);
    });

  cmd
    .command("stop")
    .description("record a maintainer's stop (`@codex stop`): no further iteration runs")
    .requiredOption("--by <login>", "who stopped the loop")
    .option("--reason <text>", "why")
    .option("--ledger <file>", ledgerOption)
    .action(async (opts: { by: string; reason?: string; ledger?: string }) => {
      const path = ledgerPath(opts);
      const ledger = await readLedger(path);
      const by = login(opts.by);
      const last = ledger.iterations.at(-1);
      const stopReason = `stopped by @${by}${opts.reason ? `: ${opts.reason}` : ""}`;
      await writeLedger(path, {
        ...ledger,
        stopped: { by, at: new Date().toISOString(), ...(opts.reason ? { reason: opts.reason } : {}) },
        iterations: last ? [...ledger.iterations.slice(0, -1), { ...last, stopReason }] : ledger.iterations,
      });
      ctx.stdout.write(`Fix loop ${stopReason} after iteration ${last?.n ?? 0}.\n`);
    });

  cmd
    .command("resume")
    .description("lift a stop")
    .requiredOption("--by <login>", "who resumed the loop")
    .option("--ledger <file>", ledgerOption)
    .action(async (opts: { by: string; ledger?: string }) => {
      const path = ledgerPath(opts);
      const ledger = await readLedger(path);
      login(opts.by);
      await writeLedger(path, { ...ledger, stopped: null });
      ctx.stdout.write(`Fix loop resumed by @${opts.by}.\n`);
    });

  cmd
    .command("raise")
    .description("raise the fix budget (a maintainer's decision; recorded with the login)")
    .requiredOption("--max <n>", "the new budget")
    .requiredOption("--by <login>", "who raised it")
    .option("--ledger <file>", ledgerOption)
    .action(async (opts: { max: string; by: string; ledger?: string }) => {
      const max = Number(opts.max);
      if (!Number.isInteger(max) || max < 1 || max > 100) {
        throw new CodexrelError(ErrorCodes.USAGE, `--max ${JSON.stringify(opts.max)} is not a budget`, {
          hint: "Pass a whole number from 1 to 100.",
        });
      }
      const path = ledgerPath(opts);
      const ledger = await readLedger(path);
      const by = login(opts.by);
      await writeLedger(path, { ...ledger, budget: { max, raisedBy: by, at: new Date().toISOString() } });
      ctx.stdout.write(`Fix budget raised to ${max} by @${by}.\n`);
    });
}
