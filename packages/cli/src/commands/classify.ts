/**
 * `codexrel classify`: classify the candidate's test results against the base's (new regression,
 * known, flaky, fixed, added, removed, skipped, passed, unknown-baseline). Exit 1 when the policy
 * blocks (default: a new regression), 0 otherwise, 2 on usage or input errors.
 */
import { resolve } from "node:path";
import {
  CodexrelError,
  createReport,
  decisionExitCode,
  ErrorCodes,
  finalizeReport,
  REGRESSION_CLASSES,
  type RegressionClass,
  renderJobSummary,
} from "@codexrel/core";
import {
  classifyOptionsFromConfig,
  classifyReports,
  REPEATED_OPTIONS,
  type RepeatedOption,
} from "@codexrel/regressions";
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { writeFilesAtomically } from "../io.js";
import { formatDecision } from "../output/status-table.js";
import { CLI_VERSION } from "../version.js";
import { secretsFromEnv } from "./shared.js";

interface ClassifyOptions {
  /** `false` with --no-base: no baseline on purpose. */
  base?: string[] | false;
  candidate: string[];
  attempt?: string[];
  knownFailing?: string;
  blocking?: string;
  repetitions?: boolean;
  repeated?: string;
  baselineSource?: string;
  json?: boolean;
  includePassed?: boolean;
  out?: string;
  summary?: string;
}

const LISTED: RegressionClass[] = ["new", "unknown-baseline", "known", "flaky", "fixed", "removed"];

export function register(program: Command, ctx: CliContext): void {
  program
    .command("classify")
    .description(
      "classify test results against the base: new regressions, known failures, flaky tests, fixed, added, removed; exit 1 when the policy blocks",
    )
    .option(
      "--base <paths...>",
      "base report files, directories or globs (JUnit XML or CTRF JSON); each must match a file",
    )
    .option("--no-base", "no baseline on purpose (without --base or --no-base the run is not ready: BASELINE_MISSING)")
    .requiredOption("--candidate <paths...>", "candidate report files, directories or globs")
    .option("--attempt <paths...>", "reports of a re-run of the candidate (a later attempt)")
    .option("--known-failing <file>", "known-failing (quarantine) list, YAML or JSON")
    .option(
      "--blocking <classes>",
      `comma-separated classes that block (default: new); any of ${REGRESSION_CLASSES.join(", ")}`,
    )
    .option("--repetitions", "read repeated testcases as deliberate repetitions (same as --repeated repetitions)")
    .option(
      "--repeated <how>",
      `what a repeated testcase is: ${REPEATED_OPTIONS.join(", ")} (default auto: as the reporter that wrote the report means it)`,
    )
    .option("--baseline-source <label>", "where the base results came from, shown in the report")
    .option(
      "--json",
      "print the run report (with its regressions section) as JSON; passing tests are counted, not listed",
    )
    .option("--include-passed", "list passing tests in the report too (--json, --out), not only count them")
    .option("--out <file>", "also write the run report JSON to a file")
    .option("--summary <file>", "also write the job-summary markdown to a file")
    .action(async (opts: ClassifyOptions) => {
      const blocking = parseBlocking(opts.blocking);
      const repeated = parseRepeated(opts.repeated, opts.repetitions === true);
      // The flags are the config's `regressions:` section, so both map to the library the same way.
      const result = await classifyReports(
        classifyOptionsFromConfig(
          {
            ...(opts.base ? { base: opts.base } : {}),
            ...(opts.base === false ? { baseline: "none" as const } : {}),
            candidate: opts.candidate,
            ...(opts.attempt ? { attempts: [opts.attempt] } : {}),
            ...(opts.knownFailing ? { knownFailing: opts.knownFailing } : {}),
            ...(blocking ? { blocking } : {}),
            ...(repeated ? { repeated } : {}),
            ...(opts.baselineSource ? { baselineSource: opts.baselineSource } : {}),
          },
          {
            cwd: ctx.cwd,
            // The report lists what needs attention; passing tests are counted unless asked for.
            includePassed: opts.includePassed === true,
          },
        ),
      );
      const report = finalizeReport(
        {
          ...createReport({ tool: { version: CLI_VERSION }, title: "Test classification" }),
          regressions: result.section,
        },
        { secrets: secretsFromEnv(ctx.env) },
      );
      const files: { path: string; content: string }[] = [];
      if (opts.out) files.push({ path: resolve(ctx.cwd, opts.out), content: `${JSON.stringify(report, null, 2)}\n` });
      if (opts.summary) files.push({ path: resolve(ctx.cwd, opts.summary), content: renderJobSummary(report) });
      if (files.length > 0) await writeFilesAtomically(files);

      if (opts.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else ctx.stdout.write(`${formatText(report.regressions!)}\n${formatDecision(report)}`);
      ctx.exitCode = decisionExitCode(report.decision);
    });
}

function parseRepeated(value: string | undefined, repetitions: boolean): RepeatedOption | undefined {
  if (value === undefined) return repetitions ? "repetitions" : undefined;
  if (!(REPEATED_OPTIONS as readonly string[]).includes(value) || (repetitions && value !== "repetitions")) {
    throw new CodexrelError(
      ErrorCodes.USAGE,
      `--repeated: ${JSON.stringify(value)} is not one of ${REPEATED_OPTIONS.join(", ")}${repetitions ? " (or contradicts --repetitions)" : ""}`,
      {
        hint: `Use --repeated ${REPEATED_OPTIONS.join("|")}; --repetitions is --repeated repetitions.`,
      },
    );
  }
  return value as RepeatedOption;
}

function parseBlocking(value: string | undefined): RegressionClass[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of list) {
    if (!(REGRESSION_CLASSES as readonly string[]).includes(c)) {
      throw new CodexrelError(ErrorCodes.USAGE, `--blocking: unknown class ${JSON.stringify(c)}`, {
        hint: `Use a comma-separated list of: ${REGRESSION_CLASSES.join(", ")}.`,
      });
    }
  }
  return list as RegressionClass[];
}

function formatText(section: NonNullable<ReturnType<typeof finalizeReport>["regressions"]>): string {
  const lines: string[] = [];
  const counts = REGRESSION_CLASSES.filter((c) => section.counts[c] > 0).map((c) => `${c} ${section.counts[c]}`);
  lines.push(`tests: ${counts.join(", ") || "none"}`);
  lines.push(
    section.baseline.available
      ? `baseline: ${section.baseline.source ?? "given"}`
      : `baseline: none${section.baseline.declaredNone ? " (chosen with --no-base)" : ""} — ${section.baseline.note ?? "failures cannot be told new from known"}`,
  );
  lines.push(`blocking classes: ${section.policy.blocking.join(", ") || "none"}`);
  for (const cls of LISTED) {
    const tests = section.tests.filter((t) => t.class === cls);
    if (tests.length === 0) continue;
    lines.push("", `${cls} (${tests.length})${tests.some((t) => t.blocking) ? " — blocking" : ""}:`);
    for (const t of tests.slice(0, 20)) {
      const scope = t.classname ?? t.suite;
      const where = t.file ? ` (${t.file}${t.line ? `:${t.line}` : ""})` : "";
      const why = [t.evidence, t.knownReason ? `known: ${t.knownReason}` : ""].filter(Boolean).join("; ");
      lines.push(`  ${scope ? `${scope} › ` : ""}${t.name}${where}${why ? ` — ${why}` : ""}`);
      const first = t.firstLines?.[0] ?? t.message;
      if (first && cls !== "fixed" && cls !== "removed") lines.push(`      ${first.slice(0, 200)}`);
    }
    if (tests.length > 20) lines.push(`  … and ${tests.length - 20} more (use --json for all)`);
  }
  // The classification's warnings are in the decision's warnings (printed by formatDecision).
  return `${lines.join("\n")}\n`;
}
