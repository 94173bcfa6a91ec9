/**
 * Rendering cost for a large report (10,000 classified tests): comment markdown, job summary and
 * HTML, against JSON.stringify of the same report as the baseline, in one process.
 */
import {
  type ClassifiedTest,
  countRegressions,
  createReport,
  finalizeReport,
  renderComment,
  renderHtml,
  renderJobSummary,
} from "@codexrel/core";

const tests: ClassifiedTest[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `s${i % 50}::t${i}`,
  name: `test ${i}`,
  classname: `com.example.Suite${i % 50}`,
  class: (["new", "known", "flaky", "fixed", "passed"] as const)[i % 5]!,
  firstLines: [`AssertionError: expected ${i}`, "  at frame 1", "  at frame 2"],
}));
const report = finalizeReport({
  ...createReport({ tool: { version: "bench" } }),
  regressions: { baseline: { available: true }, policy: { blocking: ["new"] }, counts: countRegressions(tests), tests },
});

function bench(fn: () => unknown, rounds = 7): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const base = bench(() => JSON.stringify(report));
const rows: Array<[string, number, number]> = [
  ["comment markdown", bench(() => renderComment(report)), renderComment(report).length],
  ["job summary", bench(() => renderJobSummary(report)), Buffer.byteLength(renderJobSummary(report))],
  ["HTML", bench(() => renderHtml(report)), renderHtml(report).length],
];
console.log("render: 10,000 classified tests (median of 7)");
console.log(`  JSON.stringify baseline ${base.toFixed(1)} ms`);
for (const [name, ms, size] of rows) {
  console.log(`  ${name.padEnd(17)} ${ms.toFixed(1).padStart(7)} ms  ratio ${(ms / base).toFixed(1)}x  size ${size}`);
}
