/**
 * `${{ }}` in workflow files: whole-value expressions keep their type (an `if:`, a `with:` value
 * that is a number), embedded ones are rendered as strings, as the runner does.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */
import { data } from "@actions/expressions";
import {
  type Contexts,
  type EvalEnvironment,
  evaluateExpression,
  type JobStatus,
  type JsonValue,
  truthy,
} from "../action-harness/expressions.js";

const EMBEDDED = /\$\{\{([\s\S]*?)\}\}/g;
const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/;

export function evalEnv(contexts: Contexts, status: JobStatus, workspace: string): EvalEnvironment {
  return { contexts, status, workspace };
}

function render(value: data.ExpressionData): string {
  if (value.kind === data.Kind.Null) return "";
  if (value.kind === data.Kind.Dictionary || value.kind === data.Kind.Array) return JSON.stringify(toJson(value));
  return value.coerceString();
}

/** Turns the evaluator's data back into plain JSON. */
export function toJson(value: data.ExpressionData): JsonValue {
  switch (value.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number:
      return (value as data.NumberData).value;
    case data.Kind.String:
      return (value as data.StringData).value;
    case data.Kind.Array:
      return (value as data.Array).values().map(toJson);
    default: {
      const out: Record<string, JsonValue> = {};
      for (const pair of (value as data.Dictionary).pairs()) out[pair.key] = toJson(pair.value);
      return out;
    }
  }
}

/** Evaluates a scalar from YAML: strings are templates, other scalars pass through. */
export function evaluateValue(value: unknown, env: EvalEnvironment): JsonValue {
  if (typeof value !== "string") return (value ?? null) as JsonValue;
  const whole = WHOLE.exec(value);
  if (whole && !whole[1]!.includes("}}")) return toJson(evaluateExpression(whole[1]!, env));
  return value.replace(EMBEDDED, (_m, inner: string) => render(evaluateExpression(inner, env)));
}

/** A value as the string GitHub passes (`with:`, `env:`, outputs). */
export function evaluateString(value: unknown, env: EvalEnvironment): string {
  const v = evaluateValue(value, env);
  if (v === null) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * `if:` as GitHub reads it: `${{ }}` is optional, and a condition without a status function is
 * `success() && (<condition>)`.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#status-check-functions
 */
export function evaluateIf(condition: unknown, env: EvalEnvironment): boolean {
  if (condition === undefined || condition === null || condition === "") {
    return truthy(evaluateExpression("success()", env));
  }
  if (typeof condition === "boolean" || typeof condition === "number") {
    return Boolean(condition) && truthy(evaluateExpression("success()", env));
  }
  let text = String(condition).trim();
  const whole = WHOLE.exec(text);
  if (whole) text = whole[1]!.trim();
  const expression = STATUS_CALL.test(text) ? text : `success() && (${text})`;
  return truthy(evaluateExpression(expression, env));
}

/** Evaluates every value of an `env:`/`with:` mapping, in order. */
export function evaluateMapping(
  mapping: unknown,
  env: EvalEnvironment,
  onEach?: (key: string, value: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!mapping || typeof mapping !== "object") return out;
  for (const [key, value] of Object.entries(mapping as Record<string, unknown>)) {
    out[key] = evaluateString(value, env);
    onEach?.(key, out[key]!);
  }
  return out;
}
