/**
 * The one reader of an action's inputs, shared by every entry, built on @actions/core.
 *
 * The composite action.yml hands each input to its node step through `env:` as INPUT_<NAME>: the
 * action.yml name upper-cased with its dashes as underscores (`github-token` -> INPUT_GITHUB_TOKEN,
 * a name bash can read). @actions/core reads INPUT_<name upper-cased, spaces as _> and keeps
 * dashes, so it is given the name with dashes as underscores. Callers use the action.yml name, and
 * errors name the input the way the user wrote it, with a stable code.
 */
import * as core from "@actions/core";
import { CodexrelError } from "@codexrel/core";

export const ActionInputErrorCodes = {
  /** An input the action needs is empty (or not passed). */
  INPUT_REQUIRED: "INPUT_REQUIRED",
  /** An input's value is not one the action accepts: a boolean that is not true/false, an unknown choice. */
  INPUT_INVALID: "INPUT_INVALID",
} as const;

/** The name @actions/core is asked for: it upper-cases it, and our env names have `_` for `-`. */
const coreName = (name: string): string => name.replace(/-/g, "_");

export function required(name: string): CodexrelError {
  return new CodexrelError(ActionInputErrorCodes.INPUT_REQUIRED, `the ${name} input is required and empty`, {
    hint: `Set \`${name}\` in the step's \`with:\`.`,
  });
}

export function invalid(name: string, message: string, hint: string, cause?: unknown): CodexrelError {
  return new CodexrelError(ActionInputErrorCodes.INPUT_INVALID, `${name}: ${message}`, {
    hint,
    ...(cause === undefined ? {} : { cause }),
  });
}

export interface TextOptions {
  /** Empty is an INPUT_REQUIRED error. */
  required?: boolean;
  /** Keep the value's surrounding whitespace (default: trimmed). */
  raw?: boolean;
}

/** A text input ("" when empty and not required). */
export function text(name: string, options: TextOptions = {}): string {
  const value = core.getInput(coreName(name), { trimWhitespace: options.raw !== true });
  if (options.required && value.trim() === "") throw required(name);
  return value;
}

/** A boolean input (YAML's true/True/TRUE, false/False/FALSE); empty is `fallback`. */
export function flag(name: string, fallback: boolean): boolean {
  return optionalFlag(name) ?? fallback;
}

/** A boolean input, or undefined when it is empty (the caller keeps its own default). */
export function optionalFlag(name: string): boolean | undefined {
  const value = text(name);
  if (value === "") return undefined;
  try {
    return core.getBooleanInput(coreName(name));
  } catch (cause) {
    throw invalid(name, `${JSON.stringify(value)} is not a boolean`, `Set \`${name}\` to true or false.`, cause);
  }
}

export interface ListOptions {
  /** What separates the values: newlines (default), newlines or commas, or any whitespace or comma. */
  split?: "lines" | "commas" | "words";
  required?: boolean;
}

const SEPARATORS = { lines: null, commas: /,/, words: /[\s,]+/ } as const;

/** A list input: one value per line (or also split at commas or whitespace), each trimmed, empties dropped. */
export function list(name: string, options: ListOptions = {}): string[] {
  const separator = SEPARATORS[options.split ?? "lines"];
  const values = core
    .getMultilineInput(coreName(name))
    .flatMap((line) => (separator ? line.split(separator) : [line]))
    .map((v) => v.trim())
    .filter(Boolean);
  if (options.required && values.length === 0) throw required(name);
  return values;
}

/** A choice among `allowed`; empty is `fallback`, anything else an INPUT_INVALID error. */
export function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = text(name);
  if (value === "") return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw invalid(
      name,
      `${JSON.stringify(value)} is not one of ${allowed.join(", ")}`,
      `Set \`${name}\` to one of ${allowed.join(", ")}.`,
    );
  return value as T;
}

/** The `mode` input as the actions read it: `blocking` fails the step, anything else is advisory. */
export function mode(): "advisory" | "blocking" {
  return text("mode") === "blocking" ? "blocking" : "advisory";
}
