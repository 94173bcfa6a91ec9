import { type ClassifiedTest, countRegressions, createReport, finalizeReport, type RunReport } from "@codexrel/core";

export const FIXED_START = new Date("2026-01-02T03:04:05.000Z");
export const FIXED_END = new Date("2026-01-02T03:05:06.000Z");

/** A report with one of everything, valid against the schema. */
export function fullReport(overrides: Partial<RunReport> = {}): RunReport {
  const base = createReport({ tool: { version: "1.2.3" }, title: "release 1.2.3", startedAt: FIXED_START });
  const tests: ClassifiedTest[] = [
    {
      id: "unit::math::adds",
      name: "adds",
      classname: "math",
      file: "test/math.test.ts",
      line: 12,
      class: "new",
      message: "expected 3 to be 4",
      firstLines: ["AssertionError: expected 3 to be 4", "  at test/math.test.ts:12:5"],
    },
    {
      id: "unit::math::subtracts",
      name: "subtracts",
      classname: "math",
      class: "known",
      knownReason: "tracked in #12",
    },
    {
      id: "unit::net::retries",
      name: "retries",
      classname: "net",
      class: "flaky",
      evidence: "passed on retry in-report",
    },
    { id: "unit::io::reads", name: "reads", classname: "io", class: "fixed" },
    { id: "unit::io::writes", name: "writes", classname: "io", class: "passed" },
  ];
  const report: RunReport = {
    ...base,
    meta: {
      ...base.meta,
      repository: "acme/widgets",
      ref: "refs/heads/release/1.2",
      sha: "0123456789abcdef0123456789abcdef01234567",
      thread: { repository: "acme/widgets", kind: "pr", number: 42 },
      runUrl: "https://github.com/acme/widgets/actions/runs/1",
      iteration: { n: 1, max: 3, stopReason: null },
    },
    preflight: [
      {
        id: "github-token",
        status: "fail",
        code: "GITHUB_TOKEN_MISSING",
        reason: "no token",
        hint: "set GITHUB_TOKEN",
        blocking: false,
      },
    ],
    commands: [
      {
        name: "lint",
        command: "pnpm lint",
        status: "pass",
        blocking: true,
        exitCode: 0,
        durationMs: 1200,
        outputTail: ["ok"],
        firstFailingLines: [],
      },
      {
        name: "build",
        command: "pnpm build:fast",
        status: "warn",
        blocking: true,
        exitCode: 1,
        durationMs: 800,
        code: "FALLBACK_USED",
        reason: "fallback used: exit code 1; fallback passed",
        fallback: { command: "pnpm build", status: "pass", exitCode: 0, durationMs: 3000 },
        outputTail: ["error: no bundler"],
        firstFailingLines: ["error: no bundler"],
      },
    ],
    regressions: {
      baseline: { available: true, source: "main@abc1234" },
      policy: { blocking: ["new"] },
      counts: countRegressions(tests),
      tests,
    },
    artifacts: [
      {
        name: "home page",
        kind: "screenshot",
        url: "https://github.com/acme/widgets/blob/abc/cuj/home.png?raw=true",
        durable: true,
        destination: "branch",
      },
      { name: "HTML report", kind: "report", url: "report.html", durable: false, destination: "local" },
    ],
    publication: {
      status: "blocked",
      code: "GITHUB_TOKEN_MISSING",
      reason: "no token",
      rerunHint: "add permissions",
    },
    ...overrides,
  };
  return finalizeReport(report, { finishedAt: FIXED_END });
}
