/**
 * The JSON Schemas (draft 2020-12) and their validators. The schema files are the source of
 * truth; types in ./generated are produced from them and a test keeps the two in step.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import codexrelConfigSchema from "../schemas/codexrel-config.schema.json" with { type: "json" };
import cujSummarySchema from "../schemas/cuj-summary.schema.json" with { type: "json" };
import releaseImpactSchema from "../schemas/release-impact.schema.json" with { type: "json" };
import releaseIntakeSchema from "../schemas/release-intake.schema.json" with { type: "json" };
import runReportSchema from "../schemas/run-report.schema.json" with { type: "json" };
import { CodexrelError, ErrorCodes } from "./errors.js";
import type { CodexrelConfig } from "./generated/codexrel-config.js";
import type { CujSummary } from "./generated/cuj-summary.js";
import type { ReleaseImpact } from "./generated/release-impact.js";
import type { ReleaseIntake } from "./generated/release-intake.js";
import type { RunReport } from "./generated/run-report.js";

export const schemas = {
  "run-report": runReportSchema,
  "cuj-summary": cujSummarySchema,
  "release-impact": releaseImpactSchema,
  "codexrel-config": codexrelConfigSchema,
  "release-intake": releaseIntakeSchema,
} as const;

export type SchemaName = keyof typeof schemas;

export interface SchemaTypes {
  "run-report": RunReport;
  "cuj-summary": CujSummary;
  "release-impact": ReleaseImpact;
  "codexrel-config": CodexrelConfig;
  "release-intake": ReleaseIntake;
}

/** One validation problem, located by JSON pointer into the document. */
export interface ValidationIssue {
  /** RFC 6901 pointer to the offending value; "" is the document root. */
  pointer: string;
  message: string;
  keyword: string;
}

export type ValidationResult<T> = { valid: true; value: T; errors: [] } | { valid: false; errors: ValidationIssue[] };

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function validatorFor(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    ajv ??= addFormats(new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }));
    fn = ajv.compile(schemas[name]);
    compiled.set(name, fn);
  }
  return fn;
}

/** Validates `value` against one of the codexrel schemas and returns every error. */
export function validate<N extends SchemaName>(name: N, value: unknown): ValidationResult<SchemaTypes[N]> {
  if (!(name in schemas)) {
    throw new CodexrelError(ErrorCodes.SCHEMA_UNKNOWN, `unknown schema ${JSON.stringify(name)}`, {
      hint: `Use one of: ${Object.keys(schemas).join(", ")}.`,
    });
  }
  const fn = validatorFor(name);
  if (fn(value)) return { valid: true, value: value as SchemaTypes[N], errors: [] };
  return { valid: false, errors: toIssues(fn.errors ?? []) };
}

/** Validates a run report. Nothing is rendered or published from a report that fails this. */
export function validateReport(value: unknown): ValidationResult<RunReport> {
  return validate("run-report", value);
}

export function validateCujSummary(value: unknown): ValidationResult<CujSummary> {
  return validate("cuj-summary", value);
}

export function validateReleaseImpact(value: unknown): ValidationResult<ReleaseImpact> {
  return validate("release-impact", value);
}

/** Throws REPORT_INVALID (with every issue in `details.errors`) unless `value` is a valid report. */
export function assertValidReport(value: unknown): RunReport {
  const result = validateReport(value);
  if (result.valid) return result.value;
  throw new CodexrelError(
    ErrorCodes.REPORT_INVALID,
    `run report is invalid: ${result.errors.length} error(s); first: ${formatIssue(result.errors[0])}`,
    {
      hint: "Fix the fields listed in details.errors (JSON pointers); an invalid report is never rendered or published.",
      details: { errors: result.errors },
    },
  );
}

export function formatIssue(issue: ValidationIssue | undefined): string {
  if (!issue) return "(none)";
  return `${issue.pointer || "/"} ${issue.message}`;
}

function toIssues(errors: ErrorObject[]): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const e of errors) {
    // `if/then` and `oneOf` add a summary error on top of the real one; keep the real ones.
    if (e.keyword === "if") continue;
    let pointer = e.instancePath;
    let message = e.message ?? e.keyword;
    if (e.keyword === "additionalProperties") {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty ?? "";
      pointer = `${pointer}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      message = "is not an allowed property";
    } else if (e.keyword === "required") {
      const missing = (e.params as { missingProperty?: string }).missingProperty ?? "";
      pointer = `${pointer}/${missing.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      message = "is required";
    } else if (e.keyword === "enum") {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message, keyword: e.keyword });
  }
  return out;
}
