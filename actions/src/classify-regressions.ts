/**
 * Entry of actions/classify-regressions: inputs arrive only through INPUT_* environment variables
 * (set by the composite action's `env:`), one library call classifies, and this file turns the
 * result into outputs, a job summary and annotations. Advisory mode never fails the step.
 *
 * `--stage-baseline`: copies the candidate reports into INPUT_BASELINE_DIR so the next step can
 * save them to the cache under this commit's SHA (default-branch runs).
 */
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import * as core from "@actions/core";
import {
  createReport,
  escapeMarkdown,
  finalizeReport,
  formatError,
  REGRESSION_CLASSES,
  type RegressionClass,
  redact,
  renderJobSummary,
  toCodexrelError,
} from "@codexrel/core";
import {
  classifyOptionsFromConfig,
  classifyReports,
  REPEATED_OPTIONS,
  resolveInputs,
  selectAnnotations,
} from "@codexrel/regressions";
import * as inputs from "./_inputs.js";
import { actionSecrets } from "./_secrets.js";

const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
const mode = inputs.mode();
const secrets = actionSecrets();

async function stageBaseline(): Promise<void> {
  const dir = resolve(cwd, inputs.text("baseline-dir") || ".codexrel/baseline");
  const { files } = await resolveInputs(inputs.list("candidate", { required: true }), cwd);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Flatten with an index prefix: names stay unique and the order of inputs is kept.
  await Promise.all(files.map((f, i) => copyFile(f, join(dir, `${String(i).padStart(5, "0")}-${basename(f)}`))));
  core.info(`staged ${files.length} report file(s) in ${dir} as this commit's baseline`);
}

async function classifyStep(): Promise<void> {
  const classes = inputs.list("blocking-classes", { split: "words" });
  const unknown = classes.filter((c) => !(REGRESSION_CLASSES as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw inputs.invalid(
      "blocking-classes",
      `unknown class(es) ${unknown.join(", ")}`,
      `Use ${REGRESSION_CLASSES.join(", ")}.`,
    );
  const blocking = classes.length > 0 ? (classes as RegressionClass[]) : undefined;
  const explicitBase = inputs.list("base");
  const restored = inputs.text("restored-base");
  const base = explicitBase.length > 0 ? explicitBase : restored ? [restored] : null;
  const baseSha = inputs.text("base-sha");
  const baselineSource =
    explicitBase.length > 0
      ? "base reports given as input"
      : restored
        ? `cached results of base commit ${baseSha.slice(0, 12)}`
        : undefined;
  const knownFailing = inputs.text("known-failing");
  // The same mapping as codexrel.yml's regressions: section (codexrel run / classify).
  const result = await classifyReports(
    classifyOptionsFromConfig(
      {
        ...(base ? { base } : {}),
        candidate: inputs.list("candidate", { required: true }),
        ...(knownFailing ? { knownFailing } : {}),
        ...(blocking ? { blocking } : {}),
        ...(baselineSource ? { baselineSource } : {}),
        repeated: inputs.choice("repeated", REPEATED_OPTIONS, "auto"),
      },
      // The report lists what needs attention; passing tests are counted (counts.passed).
      { cwd, includePassed: false },
    ),
  );
  if (!base && inputs.flag("baseline-cache", false) && baseSha) {
    result.section.baseline.note = `no cached results for base commit ${baseSha.slice(0, 12)} (run this action on the default branch to save them), so failures cannot be told new from known`;
  }
  const report = finalizeReport(
    {
      ...createReport({ tool: { version: "classify-regressions" }, title: "Test classification" }),
      regressions: result.section,
    },
    { secrets },
  );
  const reportPath = resolve(cwd, inputs.text("report-path") || ".codexrel/regressions-report.json");
  await mkdir(resolve(reportPath, ".."), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);

  const counts = result.section.counts;
  for (const c of REGRESSION_CLASSES) core.setOutput(c, String(counts[c]));
  core.setOutput("baseline-available", String(result.section.baseline.available));
  core.setOutput("report-path", reportPath);
  // The decision output agrees with the report's decision (a missing baseline blocks too), not only with the classes.
  core.setOutput("decision", report.decision.ready ? "pass" : "block");
  core.setOutput("error-code", "");

  for (const a of selectAnnotations(result.section)) {
    const props = { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.line ? { startLine: a.line } : {}) };
    if (a.level === "error") core.error(a.message, props);
    else if (a.level === "warning") core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  await core.summary.addRaw(renderJobSummary(report)).write();

  const line = REGRESSION_CLASSES.filter((c) => counts[c] > 0)
    .map((c) => `${c} ${counts[c]}`)
    .join(", ");
  core.info(`classified: ${line || "no tests"}`);
  if (!report.decision.ready) {
    const message = report.decision.blockingReasons.map((r) => r.message).join("; ");
    if (mode === "blocking") core.setFailed(message);
    else core.warning(`${message} (advisory mode: not failing the job)`);
  }
}

try {
  if (process.argv.includes("--stage-baseline")) await stageBaseline();
  else await classifyStep();
} catch (error) {
  const coded = toCodexrelError(error);
  const text = redact(formatError(coded), { secrets });
  // Every declared output is written on every path (empty when it does not apply), so a workflow
  // reading one never sees an unset value by accident.
  for (const c of REGRESSION_CLASSES) core.setOutput(c, "");
  core.setOutput("baseline-available", "");
  core.setOutput("report-path", "");
  core.setOutput("decision", "error");
  core.setOutput("error-code", coded.code);
  if (!process.argv.includes("--stage-baseline")) {
    await core.summary
      .addRaw(
        `### Test classification failed\n\n\`${coded.code}\`: ${escapeMarkdown(coded.message)}\n\n${escapeMarkdown(coded.hint)}\n`,
      )
      .write();
  }
  if (mode === "blocking" && !process.argv.includes("--stage-baseline")) core.setFailed(text);
  else
    core.warning(`${text}${process.argv.includes("--stage-baseline") ? "" : " (advisory mode: not failing the job)"}`);
}
