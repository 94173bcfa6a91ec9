import { createReport, finalizeReport, renderComment } from "@codexrel/core";
import { expect, test } from "vitest";

test("an empty report finalizes, validates and renders", () => {
  const report = finalizeReport(createReport({ tool: { version: "0.0.0" } }));
  expect(report.decision.ready).toBe(true);
  expect(renderComment(report)).toContain("<!-- codexrel:report -->");
});
