/**
 * The root element decides whether a well-formed XML file is a JUnit report at all: `<testsuites>`
 * or `<testsuite>` is read, the roots of other test-report formats are recognised and skipped
 * (REPORT_OTHER_FORMAT), never misread as JUnit, and anything else is REPORT_UNRECOGNIZED.
 */
import { SkipCodes } from "../errors.js";
import { NotJunitSignal } from "./options.js";

/** Roots of other test-report formats: recognised and skipped, never misread as JUnit. */
const OTHER_FORMATS: Record<string, string> = {
  "test-run": "an NUnit 3 report",
  "test-results": "an NUnit 2 report",
  "test-suite": "an NUnit report",
  assemblies: "an xUnit.net v2 report",
  assembly: "an xUnit.net report",
  TestRun: "a TRX (Visual Studio) report",
  "failsafe-summary": "a Maven Failsafe summary",
  testrun: "a TestNG/JUnit-run summary",
  "testng-results": "a TestNG report",
  checkstyle: "a Checkstyle report",
  coverage: "a coverage report",
};

/** The signal that stops the parse of a document whose root `name` is neither JUnit root. */
export function notJunitRoot(name: string): NotJunitSignal {
  const other = OTHER_FORMATS[name];
  return new NotJunitSignal(
    other ? SkipCodes.REPORT_OTHER_FORMAT : SkipCodes.REPORT_UNRECOGNIZED,
    other
      ? `root element <${name}>: ${other}, not JUnit XML`
      : `root element <${name}> is not <testsuites> or <testsuite>`,
  );
}
