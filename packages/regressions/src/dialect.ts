/**
 * Which reporter wrote a JUnit report, read from the report's prelude (the root and the first
 * `<testsuite>` tag, before the first `<testcase>`), and what a repeated `<testcase>` means there.
 *
 * Checked against each reporter's source or real output (see the package README, "Repeated
 * testcases"):
 * - Gradle writes every execution of a retried test as its own `<testcase>` unless `mergeReruns`
 *   is on (JUnitXmlReport#getMergeReruns: "defaults to false, causing each test execution to be a
 *   discrete <testcase>"); its `<testsuite>` attributes come in a fixed order
 *   (JUnitXmlResultWriter: name, tests, skipped, failures, errors, timestamp, hostname, time).
 * - gotestsum `--rerun-fails` lists every run of a rerun test (gotestsum#281, #384: "by design"),
 *   and so does a real run here (test/fixtures/runners/go).
 * - pytest itself never repeats a testcase (parametrize ids are made unique), but rerun plugins do:
 *   pytest-rerunfailures (16.6.1 and later) and `flaky` write one `<testcase>` per attempt, the
 *   earlier ones empty (pytest-rerunfailures#170, box/flaky#136); a teardown error adds a second
 *   record to a passing test (pytest#9909). So a repeated record means the test ran again after
 *   failing: every record before the last is a failed attempt, whatever it shows.
 * - vitest and jest-junit write one `<testcase>` per test (vitest drops the failed tries of a test
 *   that passed on retry; jest-junit writes the final result only): a repeated name is a
 *   parameterized case (`test.each` with a repeated title).
 * - go-junit-report: `go test` names repeated subtests `#01`, so a repeat is `-count=N`.
 * - Playwright folds retries into one `<testcase>` (one `<failure>` holding every retry's output) and
 *   repeats a test once per project, in suites that differ only by `hostname`.
 * - Surefire/Failsafe record reruns as `flakyFailure`/`rerunFailure` children of one `<testcase>`.
 * - `node --test --test-reporter=junit` writes one `<testcase>` per test (a re-run is another
 *   report); its root `<testsuites>` has no attributes, its `<testsuite>` attributes come in a fixed
 *   order (reporter/junit.js: name, time, disabled, errors, tests, failures, skipped, then Node 24's
 *   timestamp, then hostname), and a top-level test comes first as `name, time, classname`.
 * Anything not recognised is read as separate tests: that never hides a failure behind a retry.
 */
import { SaxesParser } from "saxes";

export type Dialect =
  | "vitest"
  | "jest-junit"
  | "pytest"
  | "gotestsum"
  | "go-junit-report"
  | "gradle"
  | "playwright"
  | "surefire"
  | "mocha"
  | "node-test"
  | "ctrf"
  | "junit";

/**
 * What a repeated testcase (same id again in one run) is:
 * - `attempts`: another attempt of the same test, in order (a failure then a pass is flaky);
 * - `reruns`: the test ran again because it failed: earlier records are failed attempts;
 * - `separate`: another test with the same name, given a numbered id (`name [#2]`).
 */
export type RepeatMeaning = "attempts" | "reruns" | "separate";

export const REPEAT_MEANING: Readonly<Record<Dialect, RepeatMeaning>> = {
  vitest: "separate",
  "jest-junit": "separate",
  pytest: "reruns",
  gotestsum: "attempts",
  "go-junit-report": "separate",
  gradle: "attempts",
  playwright: "separate",
  surefire: "separate",
  mocha: "separate",
  "node-test": "separate",
  ctrf: "separate",
  junit: "separate",
};

const GRADLE_SUITE = "name,tests,skipped,failures,errors,timestamp,hostname,time";
const PYTEST_SUITE = "name,errors,failures,skipped,tests,time,timestamp,hostname";
const JEST_SUITE = "name,errors,failures,skipped,timestamp,time,tests";
const GOTESTSUM_SUITE = "tests,failures,time,name,timestamp";
const PLAYWRIGHT_ROOT = "id,name,tests,failures,skipped,errors,time";
const SUREFIRE_SUITE = "name,time,tests,errors,skipped,failures";
const NODE_SUITE = "name,time,disabled,errors,tests,failures,skipped,hostname";
const NODE_24_SUITE = "name,time,disabled,errors,tests,failures,skipped,timestamp,hostname";

interface Prelude {
  root: { name: string; attrs: Record<string, string> } | null;
  suite: Record<string, string> | null;
  /** The first `<testcase>` tag's attributes, when no `<testsuite>` came before it. */
  firstCase: Record<string, string> | null;
  properties: string[];
}

/** The dialect of a JUnit report from its first decoded text (the prelude must be in it). */
export function detectDialect(head: string): Dialect {
  return dialectOf(readPrelude(head));
}

function readPrelude(head: string): Prelude {
  const prelude: Prelude = { root: null, suite: null, firstCase: null, properties: [] };
  // Up to the end of the first testcase's start tag (a `>` in an attribute value is escaped or
  // quoted; a cut-off tag is simply not read).
  const start = head.indexOf("<testcase");
  const close = start === -1 ? -1 : head.indexOf(">", start);
  const text = start === -1 ? head : close === -1 ? head.slice(0, start) : head.slice(0, close + 1);
  const parser = new SaxesParser({ xmlns: false });
  let done = false;
  parser.on("opentag", (tag) => {
    if (done) return;
    const attrs = tag.attributes as Record<string, string>;
    if (!prelude.root) prelude.root = { name: tag.name, attrs };
    if (tag.name === "testsuite" && !prelude.suite) prelude.suite = attrs;
    else if (tag.name === "property" && typeof attrs.name === "string" && prelude.properties.length < 64) {
      prelude.properties.push(attrs.name);
    } else if (tag.name === "testcase") {
      if (!prelude.suite) prelude.firstCase = attrs;
      done = true;
    }
  });
  try {
    parser.write(text);
  } catch {
    // A prelude cut off mid-tag, or a malformed one: the real parse reports it; use what was read.
  }
  return prelude;
}

function dialectOf({ root, suite, firstCase, properties }: Prelude): Dialect {
  const rootName = root?.name === "testsuites" ? root.attrs.name : undefined;
  if (rootName === "vitest tests") return "vitest";
  if (rootName === "jest tests") return "jest-junit";
  if (rootName === "pytest tests") return "pytest";
  if (rootName === "Mocha Tests") return "mocha";
  const keys = suite ? Object.keys(suite).join(",") : "";
  if (suite?.name === "pytest" || keys === PYTEST_SUITE || isOldPytest(suite)) return "pytest";
  if (keys === JEST_SUITE) return "jest-junit";
  if (keys === GRADLE_SUITE) return "gradle";
  const go = properties.includes("go.version");
  if (keys === GOTESTSUM_SUITE) return "gotestsum";
  if (go) return "go-junit-report";
  if (root?.name === "testsuites" && Object.keys(root.attrs).join(",") === PLAYWRIGHT_ROOT) return "playwright";
  const schema = suite?.["xsi:noNamespaceSchemaLocation"] ?? "";
  if (schema.includes("surefire") || keys === SUREFIRE_SUITE) return "surefire";
  if (suite?.name === "Mocha Tests") return "mocha";
  if (isNodeTest(root, keys, firstCase)) return "node-test";
  return "junit";
}

function isNodeTest(root: Prelude["root"], suiteKeys: string, firstCase: Record<string, string> | null): boolean {
  if (root?.name !== "testsuites" || Object.keys(root.attrs).length > 0) return false;
  if (suiteKeys === NODE_SUITE || suiteKeys === NODE_24_SUITE) return true;
  return firstCase !== null && Object.keys(firstCase).slice(0, 3).join(",") === "name,time,classname";
}

/** pytest before 5.1 wrote `<testsuite>` attributes in alphabetical order (`skips` before 5.0). */
function isOldPytest(suite: Record<string, string> | null): boolean {
  if (!suite) return false;
  const keys = Object.keys(suite);
  if (!keys.includes("name") || !keys.includes("errors") || !keys.includes("failures") || !keys.includes("tests"))
    return false;
  if (!keys.includes("skips") && !keys.includes("skipped")) return false;
  for (let i = 1; i < keys.length; i += 1) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
