// The demo's unit tests. Run twice by codexrel.yml (attempt 1 and a re-run) with JUnit output, and
// classified against reports/base/junit.xml (the same suite run on the base branch) so the report
// shows one test of each class.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { add, formatPrice, isoWeek, slugify, truncate } from "../src/math.js";

describe("math", () => {
  test("adds numbers", () => assert.equal(add(2, 3), 5)); // passed on base and now: passed

  test("slugifies titles", () => assert.equal(slugify("Hello, World!"), "hello-world")); // new regression

  test("formats prices for de-DE", () => assert.equal(formatPrice(1999, "de-DE"), "19,99 €")); // known failure

  test("computes ISO weeks", () => assert.equal(isoWeek(new Date(Date.UTC(2021, 0, 3))), 53)); // fixed

  test("retries the flaky network call", () => {
    // Stands in for an intermittent failure: fails on the first attempt, passes on the re-run.
    assert.notEqual(process.env.DEMO_ATTEMPT, "1", "connection reset by peer (simulated)");
  }); // flaky

  test("truncates long titles", () => assert.equal(truncate("codexrel release", 9), "codexrel…")); // added

  test("renders dark mode", { skip: "needs a browser" }, () => {}); // skipped
});
