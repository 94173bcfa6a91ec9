/**
 * The streaming JUnit XML parser. Its modules are in `junit/`: the parser (`parser.ts`), the root
 * check (`roots.ts`), a testcase's attempts (`attempts.ts`), and one module per dialect rule that
 * differs (`surefire.ts`, `mocha.ts`, `status-attribute.ts`). This path keeps the names it always
 * exported importable from here.
 */
export { detach, parseSeconds } from "./junit/fields.js";
export {
  DEFAULT_LIMITS,
  type JunitOptions,
  type JunitParseResult,
  NotJunitSignal,
  type ParseLimits,
} from "./junit/options.js";
export { JunitStreamParser } from "./junit/parser.js";
