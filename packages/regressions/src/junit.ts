/**
 * Streaming JUnit XML parser (over `XmlScanner`). One pass, constant memory apart from the tests it keeps.
 *
 * Dialects read: Surefire/Failsafe (incl. `flakyFailure`, `flakyError`, `rerunFailure`,
 * `rerunError`), Gradle, jest-junit, vitest, pytest xunit1/xunit2, go-junit-report,
 * mocha-junit-reporter (classname and name swapped), Playwright, node:test, nextest, Catch2,
 * PHPUnit, tst (`status` attributes), Bazel; `<testsuites>` or `<testsuite>` roots; nested suites.
 *
 * Safety: the scanner never reads a DTD; any `<!DOCTYPE` is refused with JUNIT_DOCTYPE_REFUSED
 * before an entity could be used. Depth, attributes per tag, attribute size and text size are
 * capped (REPORT_LIMIT_EXCEEDED). Anything not well-formed (truncated, unclosed CDATA, NUL bytes,
 * undefined entities) is JUNIT_MALFORMED naming the file, line and column. Names, classnames,
 * suites and files longer than 1 KiB keep their first KiB and say they were cut (`capField`).
 */
import { CodexrelError } from "@codexrel/core";
import { capField } from "./caps.js";
import { RegressionErrorCodes, SkipCodes } from "./errors.js";
import { createIdentity, type IdentityFn, type IdentityOptions } from "./identity.js";
import { type AttemptStatus, NO_LINES, PassedTest, type TestAttempt, type TestResult } from "./model.js";
import { ScanError, XmlScanner } from "./xml-scanner.js";

export interface ParseLimits {
  /** Maximum element nesting depth. Default 256. */
  maxDepth: number;
  /** Maximum attributes on one element. Default 256. */
  maxAttributes: number;
  /** Maximum characters buffered for one text node, CDATA section, comment or attribute value. Default 64 Mi. */
  maxTextChars: number;
  /** Maximum characters of a tag or attribute name. Default 4096. */
  maxNameChars: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxDepth: 256,
  maxAttributes: 256,
  maxTextChars: 64 * 1024 * 1024,
  maxNameChars: 4096,
};

export interface JunitOptions {
  identity?: IdentityOptions | IdentityFn;
  limits?: Partial<ParseLimits>;
  /** Lines of a failure body kept per attempt. Default 20. */
  failureLines?: number;
  /** Characters kept per failure line. Default 500. */
  lineWidth?: number;
  /**
   * mocha-junit-reporter writes the full title as `name` and the test's own title as `classname`.
   * `auto` (default) swaps them back when `name` ends with " " + `classname`; `never` keeps them.
   */
  mochaSwappedNames?: "auto" | "never";
  /**
   * Receives each testcase as soon as it is read, instead of collecting them in `cases`: a run
   * merges them while they are fresh, without a second list of every test.
   */
  onCase?: (test: TestResult) => void;
}

/** Thrown internally to stop the parse of a well-formed document that is not JUnit. */
export class NotJunitSignal {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {}
}

export interface JunitParseResult {
  cases: TestResult[];
  caseCount: number;
  declaredTests: number | null;
  warnings: string[];
}

type CaptureKind = "failure" | "error" | "skipped" | "flakyFailure" | "flakyError" | "rerunFailure" | "rerunError";

const CAPTURE_KINDS = new Set<string>([
  "failure",
  "error",
  "skipped",
  "flakyFailure",
  "flakyError",
  "rerunFailure",
  "rerunError",
]);

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

const SKIP_STATUS = new Set(["skipped", "skip", "disabled", "notrun", "not_run", "ignored", "pending", "todo"]);
const FAIL_STATUS = new Set(["failed", "failure", "fail"]);
const ERROR_STATUS = new Set(["error", "errored"]);

interface Capture {
  kind: CaptureKind;
  message: string | null;
  text: string;
  /** Depth of the capture element; text of deeper system-out/err is not kept. */
  depth: number;
  /** Inside a nested element whose text is not part of the failure body. */
  muted: number;
}

interface CaseState {
  name: string | null;
  classname: string | null;
  file: string | null;
  line: number | null;
  durationMs: number | null;
  status: string | null;
  reportLine: number;
  captures: Capture[] | null;
  depth: number;
  /** The classname was written equal to the name (jest-junit's default templates). */
  classIsName: boolean;
}

interface SuiteState {
  name: string | null;
  file: string | null;
  depth: number;
  unnamed: number;
}

const MAX_CAPTURE_CHARS = 32 * 1024;

export class JunitStreamParser {
  readonly cases: TestResult[] = [];
  readonly warnings: string[] = [];
  caseCount = 0;
  declaredTests: number | null = null;

  private readonly scanner: XmlScanner;
  private readonly limits: ParseLimits;
  private readonly identity: IdentityFn;
  private readonly failureLines: number;
  private readonly lineWidth: number;
  private readonly swapMocha: boolean;
  private readonly onCase: (test: TestResult) => void;
  private readonly internPool = new Map<string, string>();
  private depth = 0;
  private sawRoot = false;
  private readonly suites: SuiteState[] = [];
  private current: CaseState | null = null;
  private capture: Capture | null = null;

  constructor(
    private readonly file: string,
    options: JunitOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
    this.failureLines = options.failureLines ?? 20;
    this.lineWidth = options.lineWidth ?? 500;
    this.swapMocha = (options.mochaSwappedNames ?? "auto") === "auto";
    this.onCase = options.onCase ?? ((test) => this.cases.push(test));
    this.scanner = new XmlScanner(
      {
        open: (name, attrs) => this.onOpen(name, attrs),
        close: (name) => this.onClose(name),
        text: this.onText,
        doctype: () => {
          throw this.coded(
            RegressionErrorCodes.JUNIT_DOCTYPE_REFUSED,
            "has a <!DOCTYPE> declaration, which is refused",
            "Test reports never need a DTD; a DOCTYPE can smuggle external entities (XXE). Remove it from the reporter's output.",
          );
        },
      },
      this.limits,
    );
  }

  /** Feeds decoded text. Throws a CodexrelError or a NotJunitSignal. */
  write(text: string): void {
    try {
      this.scanner.write(text);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Newlines in the text written so far: places a decoding error found before the scanner saw it. */
  linesWritten(): number {
    return this.scanner.linesWritten();
  }

  /** Ends the document: a truncated file fails here. */
  close(): JunitParseResult {
    try {
      this.scanner.close();
    } catch (error) {
      throw this.translate(error);
    }
    if (!this.sawRoot) {
      throw new NotJunitSignal(SkipCodes.REPORT_UNRECOGNIZED, "no root element");
    }
    return {
      cases: this.cases,
      caseCount: this.caseCount,
      declaredTests: this.declaredTests,
      warnings: this.warnings,
    };
  }

  private translate(error: unknown): unknown {
    if (error instanceof CodexrelError || error instanceof NotJunitSignal) return error;
    if (!(error instanceof ScanError)) return error;
    if (error.limit) return this.limit(error.message);
    const message = error.message;
    return this.coded(
      RegressionErrorCodes.JUNIT_MALFORMED,
      `is not well-formed XML: ${message}`,
      "The report is truncated or corrupt: re-run the tests, or check that the reporter finished writing before this step.",
      error,
    );
  }

  private coded(code: string, what: string, hint: string, cause?: unknown): CodexrelError {
    const line = this.scanner.line;
    const column = this.scanner.column;
    return new CodexrelError(code, `${this.file}:${line}:${column}: ${what}`, {
      hint,
      ...(cause === undefined ? {} : { cause }),
      details: { file: this.file, line, column },
    });
  }

  private limit(what: string): CodexrelError {
    return this.coded(
      RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
      what,
      "Raise the parser limit (limits option) if this report is trustworthy, or trim the reporter's captured output.",
    );
  }

  /** The last value interned per kind: consecutive testcases mostly repeat their classname and file. */
  private readonly lastInterned: string[] = ["", "", ""];

  /**
   * Shares repeated values (classnames, files, suite paths) and detaches them from parser chunks.
   * `kind` keeps one last-value slot per kind of value, so a classname and a file read in turn do
   * not evict each other and fall through to a hash lookup on every testcase.
   */
  private intern(value: string, kind: 0 | 1 | 2 = 2): string {
    const last = this.lastInterned[kind]!;
    if (value === last) return last;
    let hit = this.internPool.get(value);
    if (hit === undefined) {
      hit = detach(value);
      if (this.internPool.size < 100_000) this.internPool.set(hit, hit);
    }
    this.lastInterned[kind] = hit;
    return hit;
  }

  private onOpen(name: string, attrs: string[]): void {
    this.depth += 1;
    if (this.depth > this.limits.maxDepth) throw this.limit(`elements nest deeper than ${this.limits.maxDepth}`);

    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name === "testsuites") return;
      if (name === "testsuite") {
        this.openSuite(attrs);
        return;
      }
      const other = OTHER_FORMATS[name];
      throw new NotJunitSignal(
        other ? SkipCodes.REPORT_OTHER_FORMAT : SkipCodes.REPORT_UNRECOGNIZED,
        other
          ? `root element <${name}>: ${other}, not JUnit XML`
          : `root element <${name}> is not <testsuites> or <testsuite>`,
      );
    }

    const capture = this.capture;
    if (capture) {
      // Inside <failure> etc.: Surefire's flaky/rerun elements hold <stackTrace> (kept) and
      // <system-out>/<system-err> (not part of the failure).
      if (name !== "stackTrace") {
        capture.muted += 1;
        this.textOff();
      }
      return;
    }

    const current = this.current;
    if (current) {
      if (CAPTURE_KINDS.has(name)) {
        const message = attr(attrs, "message");
        this.capture = {
          kind: name as CaptureKind,
          message: message ? detach(this.cap(message)) : null,
          text: "",
          depth: this.depth,
          muted: 0,
        };
        if (name !== "skipped") this.textOn();
      }
      return;
    }

    if (name === "testsuite") {
      this.openSuite(attrs);
      return;
    }
    if (name === "testcase") {
      this.openCase(attrs);
    }
  }

  private onClose(tagName: string): void {
    const depth = this.depth;
    this.depth -= 1;
    const capture = this.capture;
    if (capture) {
      if (depth === capture.depth) {
        this.textOff();
        const current = this.current;
        if (current) {
          if (current.captures) current.captures.push(capture);
          else current.captures = [capture];
        }
        this.capture = null;
      } else if (tagName !== "stackTrace") {
        capture.muted -= 1;
        if (capture.muted === 0) this.textOn();
      }
      return;
    }
    const current = this.current;
    if (current) {
      if (depth === current.depth) {
        this.finishCase(current);
        this.current = null;
      }
      return;
    }
    const suite = this.suites[this.suites.length - 1];
    if (suite && suite.depth === depth) this.suites.pop();
  }

  private openSuite(attrs: string[]): void {
    const parent = this.suites[this.suites.length - 1];
    if (!parent) {
      const tests = attr(attrs, "tests");
      const declared = tests === undefined ? Number.NaN : Number(tests);
      if (Number.isFinite(declared)) this.declaredTests = (this.declaredTests ?? 0) + declared;
    }
    const suiteName = attr(attrs, "name");
    const suiteFile = attr(attrs, "file");
    const name = suiteName ? this.intern(capField(suiteName)) : null;
    this.suites.push({
      name,
      file: suiteFile ? this.intern(capField(suiteFile)) : (parent?.file ?? null),
      depth: this.depth,
      unnamed: 0,
    });
  }

  private openCase(attrs: string[]): void {
    let name: string | undefined;
    let classname: string | undefined;
    let klass: string | undefined;
    let lineText: string | undefined;
    let own: string | undefined;
    let time: string | undefined;
    let status: string | undefined;
    let result: string | undefined;
    // One pass over the attributes (the scanner hands them over as name/value pairs).
    for (let i = 0; i < attrs.length; i += 2) {
      const v = attrs[i + 1]!;
      switch (attrs[i]) {
        case "name":
          name = v;
          break;
        case "classname":
          classname = v;
          break;
        case "class":
          klass = v;
          break;
        case "time":
          time = v;
          break;
        case "file":
          own = v;
          break;
        case "line":
          lineText = v;
          break;
        case "status":
          status = v;
          break;
        case "result":
          result = v;
          break;
      }
    }
    classname ??= klass;
    if (name !== undefined && name.length > 1024) name = capField(name);
    if (classname !== undefined && classname.length > 1024) classname = capField(classname);
    const line = lineText === undefined ? Number.NaN : Number(lineText);
    // A file inherited from the suite is interned already.
    const file =
      own !== undefined
        ? own
          ? this.intern(capField(own), 1)
          : null
        : (this.suites[this.suites.length - 1]?.file ?? null);
    this.current = {
      name: name ?? null,
      // jest-junit writes the name again as the classname: share it instead of interning a new one.
      classname: classname ? (classname === name ? null : this.intern(classname, 0)) : null,
      classIsName: classname !== undefined && classname !== "" && classname === name,
      file,
      line: Number.isInteger(line) && line >= 1 ? line : null,
      durationMs: parseSeconds(time),
      status: status ?? result ?? null,
      reportLine: this.scanner.line,
      captures: null,
      depth: this.depth,
    };
  }

  private finishCase(c: CaseState): void {
    let name = c.name;
    let classname = c.classIsName ? name : c.classname;
    const suiteState = this.suites[this.suites.length - 1];
    if (name === null || name === "") {
      const n = suiteState ? ++suiteState.unnamed : this.caseCount + 1;
      name = `(unnamed #${n})`;
      this.warnOnce("testcase without a name attribute: named by position");
    } else if (this.swapMocha && classname && name.length > classname.length && name.endsWith(` ${classname}`)) {
      // mocha-junit-reporter: name = full title, classname = own title.
      const prefix = name.slice(0, name.length - classname.length - 1);
      name = classname;
      classname = this.intern(prefix, 0);
    }
    const suite = this.suitePath();
    const id = this.identity({ suite, classname, name, file: c.file });
    // Keep the name as a view into the (new, flat) id when it ends it, else as a copy: either way
    // it no longer pins the parser's input chunk.
    const kept = name.length >= 13 && id.endsWith(name) ? id.slice(id.length - name.length) : detach(name);
    if (c.classIsName && classname === name) classname = kept;
    let test: TestResult;
    if (c.captures === null && c.status === null) {
      test = new PassedTest(id, kept, classname, suite, c.file, c.line, c.durationMs, this.file, c.reportLine);
    } else {
      test = { id, name: kept, classname, suite, file: c.file, line: c.line, attempts: this.attempts(c) };
    }
    this.caseCount += 1;
    this.onCase(test);
  }

  private suitePathCache: { key: SuiteState | undefined; len: number; value: string | null } = {
    key: undefined,
    len: -1,
    value: null,
  };

  private suitePath(): string | null {
    const top = this.suites[this.suites.length - 1];
    const cache = this.suitePathCache;
    if (cache.key === top && cache.len === this.suites.length) return cache.value;
    const names: string[] = [];
    for (const s of this.suites) if (s.name) names.push(s.name);
    const value = names.length === 0 ? null : this.intern(names.join(" › "));
    this.suitePathCache = { key: top, len: this.suites.length, value };
    return value;
  }

  private attempts(c: CaseState): TestAttempt[] {
    const line = c.reportLine;
    if (c.captures === null && c.status === null) {
      // The common case: a passing testcase with no children.
      return [
        {
          status: "passed",
          durationMs: c.durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.file,
          reportLine: line,
          origin: "result",
        },
      ];
    }
    let primary: Capture | null = null;
    let primaryStatus: AttemptStatus = "passed";
    let flaky: TestAttempt[] | null = null;
    let reruns: TestAttempt[] | null = null;
    for (const cap of c.captures ?? []) {
      switch (cap.kind) {
        case "error":
          if (primaryStatus !== "error") {
            primaryStatus = "error";
            primary = cap;
          }
          break;
        case "failure":
          if (primaryStatus !== "error" && primaryStatus !== "failed") {
            primaryStatus = "failed";
            primary = cap;
          }
          break;
        case "skipped":
          if (primaryStatus === "passed") {
            primaryStatus = "skipped";
            primary = cap;
          }
          break;
        case "flakyFailure":
        case "flakyError":
          flaky ??= [];
          flaky.push(this.attemptFrom(cap, cap.kind === "flakyError" ? "error" : "failed", null, line, "rerun"));
          break;
        case "rerunFailure":
        case "rerunError":
          reruns ??= [];
          reruns.push(this.attemptFrom(cap, cap.kind === "rerunError" ? "error" : "failed", null, line, "rerun"));
          break;
      }
    }
    if (primaryStatus === "passed" && c.status) {
      const status = c.status.toLowerCase();
      if (SKIP_STATUS.has(status)) primaryStatus = "skipped";
      else if (FAIL_STATUS.has(status)) primaryStatus = "failed";
      else if (ERROR_STATUS.has(status)) primaryStatus = "error";
    }
    const main: TestAttempt = primary
      ? this.attemptFrom(primary, primaryStatus, c.durationMs, line, "result")
      : {
          status: primaryStatus,
          durationMs: c.durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.file,
          reportLine: line,
          origin: "result",
        };
    if (primaryStatus === "skipped") main.firstLines = NO_LINES;
    // Surefire: flaky runs failed before the passing one; reruns failed after the first failure.
    if (!flaky && !reruns) return [main];
    return [...(flaky ?? []), main, ...(reruns ?? [])];
  }

  private attemptFrom(
    cap: Capture,
    status: AttemptStatus,
    durationMs: number | null,
    line: number,
    origin: TestAttempt["origin"],
  ): TestAttempt {
    const firstLines = this.firstLines(cap.text);
    return {
      status,
      durationMs,
      message: cap.message ?? firstLines[0] ?? null,
      firstLines,
      report: this.file,
      reportLine: line,
      origin,
    };
  }

  private firstLines(text: string): string[] {
    if (text.length === 0) return [];
    const lines = text.split(/\r?\n|\r/);
    let start = 0;
    while (start < lines.length && lines[start]!.trim() === "") start += 1;
    const out: string[] = [];
    for (let i = start; i < lines.length && out.length < this.failureLines; i += 1) {
      out.push(detach(this.cap(lines[i]!.trimEnd())));
    }
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out.length === 0 ? NO_LINES : out;
  }

  private cap(text: string): string {
    return text.length > this.lineWidth ? `${text.slice(0, this.lineWidth - 1)}…` : text;
  }

  private readonly onText = (text: string): void => {
    const capture = this.capture;
    if (!capture || capture.muted > 0 || capture.text.length >= MAX_CAPTURE_CHARS) return;
    capture.text += text.length > MAX_CAPTURE_CHARS ? text.slice(0, MAX_CAPTURE_CHARS) : text;
  };

  private textOn(): void {
    this.scanner.wantText = true;
  }

  private textOff(): void {
    this.scanner.wantText = false;
  }

  private readonly warned = new Set<string>();
  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(`${this.file}: ${message}`);
  }
}

/** The value of attribute `key` in a flat name/value list. */
function attr(attrs: string[], key: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return undefined;
}

/** `time` attributes: seconds, sometimes with thousands separators or exponents; junk gives null. */
export function parseSeconds(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  let n = Number(value);
  if (!Number.isFinite(n)) n = Number(value.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 1_000_000) / 1000;
}

/**
 * A copy of `value` that does not keep the parser's input chunk alive: V8 may return substrings
 * as views into the (256 KiB) chunk string, so one kept name would pin the whole chunk.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
