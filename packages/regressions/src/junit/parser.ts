/**
 * Streaming JUnit XML parser (over `XmlScanner`). One pass, constant memory apart from the tests it keeps.
 *
 * The scanner's events are dispatched by where they are: the root (`roots.ts`: JUnit or another
 * format), a suite, a testcase, or a captured child of one (`attempts.ts`). The dialects mostly share
 * one reading; where one differs it has its own module: Surefire's rerun children (`surefire.ts`),
 * mocha-junit-reporter's swapped names (`mocha.ts`), node:test's placeholder classnames
 * (`node-test.ts`), outcome attributes (`status-attribute.ts`).
 * What a repeated testcase means per reporter is told apart later (`../dialect.ts`, `../repeats.ts`).
 *
 * Safety: the scanner never reads a DTD; any `<!DOCTYPE` is refused with JUNIT_DOCTYPE_REFUSED
 * before an entity could be used. Depth, attributes per tag, attribute size and text size are
 * capped (REPORT_LIMIT_EXCEEDED). Anything not well-formed (truncated, unclosed CDATA, NUL bytes,
 * undefined entities) is JUNIT_MALFORMED naming the file, line and column. Names, classnames,
 * suites and files longer than 1 KiB keep their first KiB and say they were cut (`capField`).
 */
import { capField } from "../caps.js";
import type { Dialect } from "../dialect.js";
import { SkipCodes } from "../errors.js";
import { createIdentity, type IdentityFn } from "../identity.js";
import { PassedTest, type TestResult } from "../model.js";
import { XmlScanner } from "../xml-scanner.js";
import { AttemptBuilder, CAPTURE_KINDS, type Capture, type CaptureKind } from "./attempts.js";
import { attr, detach, parseSeconds } from "./fields.js";
import { mochaSuitePrefix } from "./mocha.js";
import { nodeTestClassname } from "./node-test.js";
import {
  DEFAULT_LIMITS,
  type JunitOptions,
  type JunitParseResult,
  NotJunitSignal,
  type ParseLimits,
} from "./options.js";
import { PlacedErrors } from "./placed-errors.js";
import { notJunitRoot } from "./roots.js";

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
  private readonly idEndsWithName: boolean;
  private readonly attemptsOf: AttemptBuilder;
  private readonly errors: PlacedErrors;
  private readonly swapMocha: boolean;
  private readonly nodeTest: boolean;
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
    dialect?: Dialect, // which reporter wrote it, when known before the first testcase
  ) {
    this.nodeTest = dialect === "node-test";
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
    // createIdentity() gives one function for the default fields, whose ids end with the name.
    this.idEndsWithName = this.identity === createIdentity();
    this.attemptsOf = new AttemptBuilder(file, options.failureLines ?? 20, options.lineWidth ?? 500);
    this.swapMocha = (options.mochaSwappedNames ?? "auto") === "auto";
    this.onCase = options.onCase ?? ((test) => this.cases.push(test));
    this.scanner = new XmlScanner(
      {
        open: (name, attrs) => this.onOpen(name, attrs),
        close: (name) => this.onClose(name),
        text: this.onText,
        doctype: () => {
          throw this.errors.doctypeRefused();
        },
      },
      this.limits,
    );
    this.errors = new PlacedErrors(file, this.scanner);
  }

  /** Feeds decoded text. Throws a CodexrelError or a NotJunitSignal. */
  write(text: string): void {
    try {
      this.scanner.write(text);
    } catch (error) {
      throw this.errors.translate(error);
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
      throw this.errors.translate(error);
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
    if (this.depth > this.limits.maxDepth) throw this.errors.limit(`elements nest deeper than ${this.limits.maxDepth}`);

    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name === "testsuites") return;
      if (name === "testsuite") {
        this.openSuite(attrs);
        return;
      }
      throw notJunitRoot(name);
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
          message: message ? detach(this.attemptsOf.cap(message)) : null,
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
    const inherited = this.suites[this.suites.length - 1]?.file ?? null;
    const file = own === undefined ? inherited : own ? this.intern(capField(own), 1) : null;
    // jest-junit writes the name again as the classname: share it, not intern a copy (compared once).
    const classIsName = classname !== undefined && classname !== "" && classname === name;
    this.current = {
      name: name ?? null,
      classname: classname && !classIsName ? this.intern(classname, 0) : null,
      classIsName,
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
    } else if (this.swapMocha) {
      const prefix = mochaSuitePrefix(name, classname);
      if (prefix !== null) {
        name = classname!;
        classname = this.intern(prefix, 0);
      }
    }
    if (this.nodeTest) classname = nodeTestClassname(classname, this.suiteNames());
    const suite = this.suitePath();
    const id = this.identity({ suite, classname, name, file: c.file });
    // Keep the name as a view into the (new, flat) id when it ends it, else as a copy: either way
    // it no longer pins the parser's input chunk.
    const view = name.length >= 13 && (this.idEndsWithName || id.endsWith(name));
    const kept = view ? id.slice(id.length - name.length) : detach(name);
    if (c.classIsName && classname === name) classname = kept;
    let test: TestResult;
    if (c.captures === null && c.status === null) {
      test = new PassedTest(id, kept, classname, suite, c.file, c.line, c.durationMs, this.file, c.reportLine);
    } else {
      test = {
        id,
        name: kept,
        classname,
        suite,
        file: c.file,
        line: c.line,
        attempts: this.attemptsOf.attempts(c.captures, c.status, c.durationMs, c.reportLine),
      };
    }
    this.caseCount += 1;
    this.onCase(test);
  }

  private suitePathCache = { key: undefined as SuiteState | undefined, len: -1, value: null as string | null };

  private suiteNames(): string[] {
    return this.suites.flatMap((s) => (s.name ? [s.name] : []));
  }

  private suitePath(): string | null {
    const top = this.suites[this.suites.length - 1];
    const cache = this.suitePathCache;
    if (cache.key === top && cache.len === this.suites.length) return cache.value;
    const names = this.suiteNames();
    const value = names.length === 0 ? null : this.intern(names.join(" › "));
    this.suitePathCache = { key: top, len: this.suites.length, value };
    return value;
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
