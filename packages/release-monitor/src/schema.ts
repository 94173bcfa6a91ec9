/**
 * The package's own JSON Schemas (config and state), validated with ajv (draft 2020-12). The
 * agent's output is validated by @codexrel/core's release-impact schema instead.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import configSchema from "../schemas/release-monitor-config.schema.json" with { type: "json" };
import stateSchema from "../schemas/release-monitor-state.schema.json" with { type: "json" };

export const releaseMonitorSchemas = {
  config: configSchema,
  state: stateSchema,
} as const;

let ajv: Ajv2020 | undefined;
const compiled = new Map<keyof typeof releaseMonitorSchemas, ValidateFunction>();

function validator(name: keyof typeof releaseMonitorSchemas): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    ajv ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    fn = ajv.compile(releaseMonitorSchemas[name]);
    compiled.set(name, fn);
  }
  return fn;
}

/** Problems as `pointer message` lines; empty when the value is valid. */
export function schemaProblems(name: keyof typeof releaseMonitorSchemas, value: unknown): string[] {
  const fn = validator(name);
  if (fn(value)) return [];
  return format(fn.errors ?? []);
}

function format(errors: ErrorObject[]): string[] {
  const out = new Set<string>();
  for (const e of errors) {
    let pointer = e.instancePath || "/";
    let message = e.message ?? e.keyword;
    if (e.keyword === "additionalProperties") {
      pointer = `${e.instancePath}/${(e.params as { additionalProperty?: string }).additionalProperty ?? ""}`;
      message = "is not an allowed property";
    } else if (e.keyword === "required") {
      pointer = `${e.instancePath}/${(e.params as { missingProperty?: string }).missingProperty ?? ""}`;
      message = "is required";
    } else if (e.keyword === "enum") {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    out.add(`${pointer} ${message}`);
  }
  return [...out];
}
