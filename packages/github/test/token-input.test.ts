import { describe, expect, test } from "vitest";
import { tokenFromInput } from "../src/index.js";

describe("tokenFromInput", () => {
  test("a given token is found with its kind; an empty one names the input to set", () => {
    expect(tokenFromInput(" ghs_abcdefghijklmnop ")).toMatchObject({
      found: true,
      token: "ghs_abcdefghijklmnop",
      kind: "installation",
    });
    expect(tokenFromInput("  ")).toEqual({
      found: false,
      attempts: [{ source: "GITHUB_TOKEN", outcome: "empty", note: "the github-token input is empty" }],
    });
  });
});
