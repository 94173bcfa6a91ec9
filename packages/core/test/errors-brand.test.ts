/**
 * Two installed copies of @codexrel/core each have their own CodexrelError class. An error
 * thrown by one must still be a CodexrelError to the other: identity is the `Symbol.for` brand.
 */
import { CodexrelError, ErrorCodes, formatError, isCodexrelError, toCodexrelError } from "@codexrel/core/errors";
import { describe, expect, test } from "vitest";

// A query string makes the module loader evaluate errors.ts a second time: a second copy.
const secondCopyUrl = "../src/errors.ts?second-copy";
const copy = (await import(/* @vite-ignore */ secondCopyUrl)) as typeof import("../src/errors.js");

const hint = "a hint";

describe("CodexrelError identity across copies of @codexrel/core", () => {
  test("the second copy is a different class, which the prototype chain alone does not see", () => {
    expect(copy.CodexrelError).not.toBe(CodexrelError);
    const other = new copy.CodexrelError("USAGE", "from the other copy", { hint });
    // What `instanceof` was before the brand: false across copies.
    expect(Function.prototype[Symbol.hasInstance].call(CodexrelError, other)).toBe(false);
  });

  test("an error from the other copy is a CodexrelError here, and one from here is one there", () => {
    const other = new copy.CodexrelError("USAGE", "from the other copy", { hint });
    expect(other instanceof CodexrelError).toBe(true);
    expect(isCodexrelError(other)).toBe(true);
    expect(new CodexrelError("USAGE", "here", { hint }) instanceof copy.CodexrelError).toBe(true);
    expect(copy.isCodexrelError(new CodexrelError("USAGE", "here", { hint }))).toBe(true);
    // Passed through as it is, not wrapped as INTERNAL.
    expect(toCodexrelError(other)).toBe(other);
    expect(formatError(other)).toBe("USAGE: from the other copy\n  hint: a hint");
  });

  test("an object carrying the brand is one; errors and objects without it are not", () => {
    const branded = Object.assign(new Error("x"), { [Symbol.for("codexrel.error")]: true, code: "USAGE", hint });
    expect(branded instanceof CodexrelError).toBe(true);
    for (const value of [new Error("x"), { code: "USAGE", hint }, null, undefined, "USAGE", 1]) {
      expect(value instanceof CodexrelError).toBe(false);
      expect(isCodexrelError(value)).toBe(false);
    }
    expect(toCodexrelError(new Error("boom")).code).toBe(ErrorCodes.INTERNAL);
    expect(isCodexrelError({ [Symbol.for("codexrel.error")]: "yes" })).toBe(false);
  });

  test("a subclass keeps the prototype-chain check", () => {
    class ParseError extends CodexrelError {}
    class OtherParseError extends copy.CodexrelError {}
    const sub = new ParseError("USAGE", "sub", { hint });
    expect(sub instanceof ParseError).toBe(true);
    expect(sub instanceof CodexrelError).toBe(true);
    expect(sub instanceof copy.CodexrelError).toBe(true);
    expect(new CodexrelError("USAGE", "base", { hint }) instanceof ParseError).toBe(false);
    expect(new OtherParseError("USAGE", "other", { hint }) instanceof ParseError).toBe(false);
  });

  test("the brand is not an own property: JSON and own keys are as before", () => {
    const e = new CodexrelError("USAGE", "m", { hint });
    expect(Object.getOwnPropertySymbols(e)).toEqual([]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: "USAGE", message: "m", hint });
  });
});
