/**
 * The error model: every error codexrel raises on purpose carries a stable `code` (for machines
 * and docs), a one-line `hint` a person can act on, and the underlying `cause`. The message is
 * redacted at construction so a secret that slipped into it never reaches a log.
 */
import { redact } from "./redact.js";

/** Codes defined by core and shared by every package. Packages may add their own codes. */
export const ErrorCodes = {
  REPORT_INVALID: "REPORT_INVALID",
  SCHEMA_UNKNOWN: "SCHEMA_UNKNOWN",
  CONFIG_NOT_FOUND: "CONFIG_NOT_FOUND",
  CONFIG_PARSE: "CONFIG_PARSE",
  CONFIG_INVALID: "CONFIG_INVALID",
  /** codexrel.yml is larger, deeper or uses more aliases than any real config (a resource attack). */
  CONFIG_TOO_LARGE: "CONFIG_TOO_LARGE",
  INPUT_NOT_FOUND: "INPUT_NOT_FOUND",
  INPUT_NOT_JSON: "INPUT_NOT_JSON",
  OUTPUT_WRITE: "OUTPUT_WRITE",
  MARKER_INVALID: "MARKER_INVALID",
  USAGE: "USAGE",
  INTERNAL: "INTERNAL",
} as const;

export type CoreErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export interface CodexrelErrorOptions {
  /** One line telling a person what to do about it. */
  hint: string;
  cause?: unknown;
  /** Structured context for machines (never secrets). */
  details?: Record<string, unknown>;
}

/**
 * The brand every CodexrelError carries, from any copy of @codexrel/core: `Symbol.for` gives the
 * same symbol to every copy in the process, where each copy has its own class (two installed
 * versions, or a bundle beside node_modules), so `instanceof` across copies would be false.
 */
export const CODEXREL_ERROR_BRAND: unique symbol = Symbol.for("codexrel.error") as never;

export class CodexrelError extends Error {
  /**
   * `instanceof CodexrelError` asks for the brand, so it holds for an error from any copy of this
   * package; a subclass (`instanceof HarnessError`) keeps the prototype-chain check, as its own
   * identity is not shared across copies.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof` (base or subclass)
    if (this === CodexrelError) return isCodexrelError(value);
    // biome-ignore lint/complexity/noThisInStatic: a subclass asks the prototype chain, as `instanceof` does
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** On the prototype (see below), so it is no own property: equality and JSON stay as they were. */
  declare readonly [CODEXREL_ERROR_BRAND]: true;
  override readonly name = "CodexrelError";
  readonly code: string;
  readonly hint: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: CodexrelErrorOptions) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    if (!CODE_PATTERN.test(code)) {
      throw new TypeError(`CodexrelError code must be SCREAMING_SNAKE_CASE, got ${JSON.stringify(code)}`);
    }
    this.code = code;
    this.hint = redact(firstLine(options.hint));
    this.details = options.details;
  }

  /** A plain object for `--json` output and logs: code, message, hint; no stack, no cause body. */
  toJSON(): { code: string; message: string; hint: string; details?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

Object.defineProperty(CodexrelError.prototype, CODEXREL_ERROR_BRAND, { value: true });

/** True for a CodexrelError from any copy of @codexrel/core (it checks the brand, not the class). */
export function isCodexrelError(value: unknown): value is CodexrelError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [CODEXREL_ERROR_BRAND]?: unknown })[CODEXREL_ERROR_BRAND] === true
  );
}

/**
 * Wrap anything thrown into a CodexrelError so edges can print `code: message (hint)` uniformly.
 * Errors that are already coded pass through unchanged.
 */
export function toCodexrelError(error: unknown, fallbackCode: string = ErrorCodes.INTERNAL): CodexrelError {
  if (error instanceof CodexrelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CodexrelError(fallbackCode, message, {
    hint: "This is unexpected; re-run with --verbose and report it with the output attached.",
    cause: error,
  });
}

/** `CODE: message` plus the hint on its own line, redacted: what edges print on failure. */
export function formatError(error: unknown): string {
  const coded = toCodexrelError(error);
  return `${coded.code}: ${coded.message}\n  hint: ${coded.hint}`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  return line.trim();
}
