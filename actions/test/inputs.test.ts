/**
 * actions/src/_inputs.ts, the one reader of the actions' inputs: the env names the composite steps
 * set (INPUT_<NAME> with `_` for `-`), trimming, lists, booleans, and the coded errors.
 */
import { afterEach, describe, expect, test } from "vitest";
import * as inputs from "../src/_inputs.js";

const set = new Set<string>();
function env(values: Record<string, string>): void {
  for (const [k, v] of Object.entries(values)) {
    process.env[k] = v;
    set.add(k);
  }
}
afterEach(() => {
  for (const k of set) delete process.env[k];
  set.clear();
});

describe("actions/src/_inputs", () => {
  test("reads the action.yml name from INPUT_<NAME> with dashes as underscores, trimmed unless raw", () => {
    env({ INPUT_GITHUB_TOKEN: "  tok  ", "INPUT_GITHUB-TOKEN": "dashed" });
    expect(inputs.text("github-token")).toBe("tok");
    expect(inputs.text("github-token", { raw: true })).toBe("  tok  ");
    expect(inputs.text("not-set")).toBe("");
  });

  test("an empty required input is INPUT_REQUIRED naming the input as action.yml does", () => {
    env({ INPUT_BUNDLE: "   " });
    expect(() => inputs.text("bundle", { required: true })).toThrow(
      expect.objectContaining({ code: "INPUT_REQUIRED", message: "the bundle input is required and empty" }),
    );
    expect(() => inputs.list("candidate", { required: true })).toThrow(
      expect.objectContaining({ code: "INPUT_REQUIRED" }),
    );
    env({ INPUT_BUNDLE: "cuj" });
    expect(inputs.text("bundle", { required: true })).toBe("cuj");
  });

  test("lists split at newlines, or also at commas, or at any whitespace; blanks are dropped", () => {
    env({ INPUT_CANDIDATE: "a.xml\r\n\n  b.xml  \n", INPUT_SELF_LOGINS: "x, y\nz,", INPUT_SECRET_ENV: "A B,C\n\tD" });
    expect(inputs.list("candidate")).toEqual(["a.xml", "b.xml"]);
    expect(inputs.list("self-logins", { split: "commas" })).toEqual(["x", "y", "z"]);
    expect(inputs.list("secret-env", { split: "words" })).toEqual(["A", "B", "C", "D"]);
    expect(inputs.list("nothing")).toEqual([]);
  });

  test("booleans: YAML's true/false forms, empty is the default, anything else INPUT_INVALID", () => {
    env({ INPUT_DRAIN: "True", INPUT_PR_HEAD: "false", INPUT_DRY_RUN: "yes" });
    expect(inputs.flag("drain", false)).toBe(true);
    expect(inputs.flag("pr-head", true)).toBe(false);
    expect(inputs.flag("review-context", true)).toBe(true);
    expect(inputs.optionalFlag("require-mention")).toBeUndefined();
    expect(() => inputs.flag("dry-run", false)).toThrow(
      expect.objectContaining({ code: "INPUT_INVALID", message: 'dry-run: "yes" is not a boolean' }),
    );
  });

  test("a choice outside the allowed values is INPUT_INVALID; mode is blocking or advisory", () => {
    env({ INPUT_REPEATED: "twice", INPUT_MODE: "blocking" });
    expect(() => inputs.choice("repeated", ["auto", "attempts"], "auto")).toThrow(
      expect.objectContaining({ code: "INPUT_INVALID" }),
    );
    expect(inputs.choice("destination", ["artifact", "branch"], "artifact")).toBe("artifact");
    expect(inputs.mode()).toBe("blocking");
    env({ INPUT_MODE: "" });
    expect(inputs.mode()).toBe("advisory");
  });
});
