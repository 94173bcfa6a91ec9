// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  CLASS_ORDER,
  CodexrelError,
  DEFAULT_BLOCKING_CLASSES,
  ErrorCodes,
  REGRESSION_CLASSES,
  __commonJS,
  __toESM,
  actionSecrets,
  choice,
  countRegressions,
  createReport,
  error,
  escapeMarkdown,
  finalizeReport,
  flag,
  formatError,
  info,
  invalid,
  list,
  mode,
  notice,
  redact,
  renderJobSummary,
  require_dist,
  setFailed,
  setOutput,
  summary,
  text,
  toCodexrelError,
  warning
} from "./chunks/chunk-BMUCDFY2.js";

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// ../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "../node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// ../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xml/1.0/ed5.js
var require_ed5 = __commonJS({
  "../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xml/1.0/ed5.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "	\n\r -\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= SPACE && c <= 55295 || c === NL || c === CR || c === TAB || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// ../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xml/1.1/ed2.js
var require_ed2 = __commonJS({
  "../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xml/1.1/ed2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.RESTRICTED_CHAR = "-\b\v\f-\x7F-\x84\x86-\x9F";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL, CR, TAB];
    function isChar(c) {
      return c >= 1 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isRestrictedChar(c) {
      return c >= 1 && c <= 8 || c === 11 || c === 12 || c >= 14 && c <= 31 || c >= 127 && c <= 132 || c >= 134 && c <= 159;
    }
    exports.isRestrictedChar = isRestrictedChar;
    function isCharAndNotRestricted(c) {
      return c === 9 || c === 10 || c === 13 || c > 31 && c < 127 || c === 133 || c > 159 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isCharAndNotRestricted = isCharAndNotRestricted;
    function isS(c) {
      return c === SPACE || c === NL || c === CR || c === TAB;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// ../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xmlns/1.0/ed3.js
var require_ed3 = __commonJS({
  "../node_modules/.pnpm/xmlchars@2.2.0/node_modules/xmlchars/xmlns/1.0/ed3.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NC_NAME_START_CHAR = "A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
    exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
    exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
    function isNCNameStartChar(c) {
      return c >= 65 && c <= 90 || c === 95 || c >= 97 && c <= 122 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8204 && c <= 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNCNameStartChar = isNCNameStartChar;
    function isNCNameChar(c) {
      return isNCNameStartChar(c) || (c === 45 || c === 46 || c >= 48 && c <= 57 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256);
    }
    exports.isNCNameChar = isNCNameChar;
  }
});

// ../node_modules/.pnpm/saxes@6.0.0/node_modules/saxes/saxes.js
var require_saxes = __commonJS({
  "../node_modules/.pnpm/saxes@6.0.0/node_modules/saxes/saxes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SaxesParser = exports.EVENTS = void 0;
    var ed5 = require_ed5();
    var ed2 = require_ed2();
    var NSed3 = require_ed3();
    var isS = ed5.isS;
    var isChar10 = ed5.isChar;
    var isNameStartChar = ed5.isNameStartChar;
    var isNameChar = ed5.isNameChar;
    var S_LIST = ed5.S_LIST;
    var NAME_RE2 = ed5.NAME_RE;
    var isChar11 = ed2.isChar;
    var isNCNameStartChar = NSed3.isNCNameStartChar;
    var isNCNameChar = NSed3.isNCNameChar;
    var NC_NAME_RE = NSed3.NC_NAME_RE;
    var XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    var XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    var rootNS = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      xml: XML_NAMESPACE,
      xmlns: XMLNS_NAMESPACE
    };
    var XML_ENTITIES = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      amp: "&",
      gt: ">",
      lt: "<",
      quot: '"',
      apos: "'"
    };
    var EOC = -1;
    var NL_LIKE = -2;
    var S_BEGIN = 0;
    var S_BEGIN_WHITESPACE = 1;
    var S_DOCTYPE = 2;
    var S_DOCTYPE_QUOTE = 3;
    var S_DTD = 4;
    var S_DTD_QUOTED = 5;
    var S_DTD_OPEN_WAKA = 6;
    var S_DTD_OPEN_WAKA_BANG = 7;
    var S_DTD_COMMENT = 8;
    var S_DTD_COMMENT_ENDING = 9;
    var S_DTD_COMMENT_ENDED = 10;
    var S_DTD_PI = 11;
    var S_DTD_PI_ENDING = 12;
    var S_TEXT = 13;
    var S_ENTITY = 14;
    var S_OPEN_WAKA = 15;
    var S_OPEN_WAKA_BANG = 16;
    var S_COMMENT = 17;
    var S_COMMENT_ENDING = 18;
    var S_COMMENT_ENDED = 19;
    var S_CDATA = 20;
    var S_CDATA_ENDING = 21;
    var S_CDATA_ENDING_2 = 22;
    var S_PI_FIRST_CHAR = 23;
    var S_PI_REST = 24;
    var S_PI_BODY = 25;
    var S_PI_ENDING = 26;
    var S_XML_DECL_NAME_START = 27;
    var S_XML_DECL_NAME = 28;
    var S_XML_DECL_EQ = 29;
    var S_XML_DECL_VALUE_START = 30;
    var S_XML_DECL_VALUE = 31;
    var S_XML_DECL_SEPARATOR = 32;
    var S_XML_DECL_ENDING = 33;
    var S_OPEN_TAG = 34;
    var S_OPEN_TAG_SLASH = 35;
    var S_ATTRIB = 36;
    var S_ATTRIB_NAME = 37;
    var S_ATTRIB_NAME_SAW_WHITE = 38;
    var S_ATTRIB_VALUE = 39;
    var S_ATTRIB_VALUE_QUOTED = 40;
    var S_ATTRIB_VALUE_CLOSED = 41;
    var S_ATTRIB_VALUE_UNQUOTED = 42;
    var S_CLOSE_TAG = 43;
    var S_CLOSE_TAG_SAW_WHITE = 44;
    var TAB = 9;
    var NL = 10;
    var CR = 13;
    var SPACE = 32;
    var BANG2 = 33;
    var DQUOTE = 34;
    var AMP = 38;
    var SQUOTE = 39;
    var MINUS = 45;
    var FORWARD_SLASH = 47;
    var SEMICOLON = 59;
    var LESS = 60;
    var EQUAL = 61;
    var GREATER = 62;
    var QUESTION2 = 63;
    var OPEN_BRACKET = 91;
    var CLOSE_BRACKET = 93;
    var NEL = 133;
    var LS = 8232;
    var isQuote = (c) => c === DQUOTE || c === SQUOTE;
    var QUOTES = [DQUOTE, SQUOTE];
    var DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER];
    var DTD_TERMINATOR = [...QUOTES, LESS, CLOSE_BRACKET];
    var XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION2, ...S_LIST];
    var ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER, AMP, LESS];
    function nsPairCheck(parser, prefix, uri) {
      switch (prefix) {
        case "xml":
          if (uri !== XML_NAMESPACE) {
            parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
          }
          break;
        case "xmlns":
          if (uri !== XMLNS_NAMESPACE) {
            parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
          }
          break;
        default:
      }
      switch (uri) {
        case XMLNS_NAMESPACE:
          parser.fail(prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
          break;
        case XML_NAMESPACE:
          switch (prefix) {
            case "xml":
              break;
            case "":
              parser.fail(`the default namespace may not be set to ${uri}.`);
              break;
            default:
              parser.fail("may not assign the xml namespace to another prefix.");
          }
          break;
        default:
      }
    }
    function nsMappingCheck(parser, mapping) {
      for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
      }
    }
    var isNCName = (name) => NC_NAME_RE.test(name);
    var isName = (name) => NAME_RE2.test(name);
    var FORBIDDEN_START = 0;
    var FORBIDDEN_BRACKET = 1;
    var FORBIDDEN_BRACKET_BRACKET = 2;
    exports.EVENTS = [
      "xmldecl",
      "text",
      "processinginstruction",
      "doctype",
      "comment",
      "opentagstart",
      "attribute",
      "opentag",
      "closetag",
      "cdata",
      "error",
      "end",
      "ready"
    ];
    var EVENT_NAME_TO_HANDLER_NAME = {
      xmldecl: "xmldeclHandler",
      text: "textHandler",
      processinginstruction: "piHandler",
      doctype: "doctypeHandler",
      comment: "commentHandler",
      opentagstart: "openTagStartHandler",
      attribute: "attributeHandler",
      opentag: "openTagHandler",
      closetag: "closeTagHandler",
      cdata: "cdataHandler",
      error: "errorHandler",
      end: "endHandler",
      ready: "readyHandler"
    };
    var SaxesParser2 = class {
      /**
       * @param opt The parser options.
       */
      constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
          this.nameStartCheck = isNCNameStartChar;
          this.nameCheck = isNCNameChar;
          this.isName = isNCName;
          this.processAttribs = this.processAttribsNS;
          this.pushAttrib = this.pushAttribNS;
          this.ns = Object.assign({ __proto__: null }, rootNS);
          const additional = this.opt.additionalNamespaces;
          if (additional != null) {
            nsMappingCheck(this, additional);
            Object.assign(this.ns, additional);
          }
        } else {
          this.nameStartCheck = isNameStartChar;
          this.nameCheck = isNameChar;
          this.isName = isName;
          this.processAttribs = this.processAttribsPlain;
          this.pushAttrib = this.pushAttribPlain;
        }
        this.stateTable = [
          /* eslint-disable @typescript-eslint/unbound-method */
          this.sBegin,
          this.sBeginWhitespace,
          this.sDoctype,
          this.sDoctypeQuote,
          this.sDTD,
          this.sDTDQuoted,
          this.sDTDOpenWaka,
          this.sDTDOpenWakaBang,
          this.sDTDComment,
          this.sDTDCommentEnding,
          this.sDTDCommentEnded,
          this.sDTDPI,
          this.sDTDPIEnding,
          this.sText,
          this.sEntity,
          this.sOpenWaka,
          this.sOpenWakaBang,
          this.sComment,
          this.sCommentEnding,
          this.sCommentEnded,
          this.sCData,
          this.sCDataEnding,
          this.sCDataEnding2,
          this.sPIFirstChar,
          this.sPIRest,
          this.sPIBody,
          this.sPIEnding,
          this.sXMLDeclNameStart,
          this.sXMLDeclName,
          this.sXMLDeclEq,
          this.sXMLDeclValueStart,
          this.sXMLDeclValue,
          this.sXMLDeclSeparator,
          this.sXMLDeclEnding,
          this.sOpenTag,
          this.sOpenTagSlash,
          this.sAttrib,
          this.sAttribName,
          this.sAttribNameSawWhite,
          this.sAttribValue,
          this.sAttribValueQuoted,
          this.sAttribValueClosed,
          this.sAttribValueUnquoted,
          this.sCloseTag,
          this.sCloseTagSawWhite
          /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
      }
      /**
       * Indicates whether or not the parser is closed. If ``true``, wait for
       * the ``ready`` event to write again.
       */
      get closed() {
        return this._closed;
      }
      _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = void 0;
        this.forbiddenState = FORBIDDEN_START;
        this.attribList = [];
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT : S_BEGIN;
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot = this.sawRoot = fragmentOpt;
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = void 0;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === void 0) {
          if (this.opt.forceXMLVersion === true) {
            throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
          }
          defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
          version: void 0,
          encoding: void 0,
          standalone: void 0
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      /**
       * The stream position the parser is currently looking at. This field is
       * zero-based.
       *
       * This field is not based on counting Unicode characters but is to be
       * interpreted as a plain index into a JavaScript string.
       */
      get position() {
        return this.chunkPosition + this.i;
      }
      /**
       * The column number of the next character to be read by the parser.  *
       * This field is zero-based. (The first column in a line is 0.)
       *
       * This field reports the index at which the next character would be in the
       * line if the line were represented as a JavaScript string.  Note that this
       * *can* be different to a count based on the number of *Unicode characters*
       * due to how JavaScript handles astral plane characters.
       *
       * See [[column]] for a number that corresponds to a count of Unicode
       * characters.
       */
      get columnIndex() {
        return this.position - this.positionAtNewLine;
      }
      /**
       * Set an event listener on an event. The parser supports one handler per
       * event type. If you try to set an event handler over an existing handler,
       * the old handler is silently overwritten.
       *
       * @param name The event to listen to.
       *
       * @param handler The handler to set.
       */
      on(name, handler) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
      }
      /**
       * Unset an event handler.
       *
       * @parma name The event to stop listening to.
       */
      off(name) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = void 0;
      }
      /**
       * Make an error object. The error object will have a message that contains
       * the ``fileName`` option passed at the creation of the parser. If position
       * tracking was turned on, it will also have line and column number
       * information.
       *
       * @param message The message describing the error to report.
       *
       * @returns An error object with a properly formatted message.
       */
      makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
          if (msg.length > 0) {
            msg += ":";
          }
          msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
          msg += ": ";
        }
        return new Error(msg + message);
      }
      /**
       * Report a parsing error. This method is made public so that client code may
       * check for issues that are outside the scope of this project and can report
       * errors.
       *
       * @param message The error to report.
       *
       * @returns this
       */
      fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === void 0) {
          throw err;
        } else {
          handler(err);
        }
        return this;
      }
      /**
       * Write a XML data to the parser.
       *
       * @param chunk The XML data to write.
       *
       * @returns this
       */
      // We do need object for the type here. Yes, it often causes problems
      // but not in this case.
      write(chunk) {
        if (this.closed) {
          return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
          end = true;
          chunk = "";
        } else if (typeof chunk === "object") {
          chunk = chunk.toString();
        }
        if (this.carriedFromPrevious !== void 0) {
          chunk = `${this.carriedFromPrevious}${chunk}`;
          this.carriedFromPrevious = void 0;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end && // A trailing CR or surrogate must be carried over to the next
        // chunk.
        (lastCode === CR || lastCode >= 55296 && lastCode <= 56319)) {
          this.carriedFromPrevious = chunk[limit - 1];
          limit--;
          chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
          stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
      }
      /**
       * Close the current stream. Perform final well-formedness checks and reset
       * the parser tstate.
       *
       * @returns this
       */
      close() {
        return this.write(null);
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.0.
       *
       * @returns The character read.
       */
      getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code >= SPACE || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR:
              if (chunk.charCodeAt(i + 1) === NL) {
                this.i = i + 2;
              }
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.1.
       *
       * @returns {number} The character read.
       */
      getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code > 31 && code < 127 || code > 159 && code !== LS || code === TAB) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR: {
              const next = chunk.charCodeAt(i + 1);
              if (next === NL || next === NEL) {
                this.i = i + 2;
              }
            }
            /* yes, fall through */
            case NEL:
            // 0x85
            case LS:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Like ``getCode`` but with the return value normalized so that ``NL`` is
       * returned for ``NL_LIKE``.
       */
      getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE ? NL : c;
      }
      unget() {
        this.i = this.prevI;
        this.column--;
      }
      /**
       * Capture characters into a buffer until encountering one of a set of
       * characters.
       *
       * @param chars An array of codepoints. Encountering a character in the array
       * ends the capture. (``chars`` may safely contain ``NL``.)
       *
       * @return The character code that made the capture end, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          const c = this.getCode();
          const isNLLike = c === NL_LIKE;
          const final = isNLLike ? NL : c;
          if (final === EOC || chars.includes(final)) {
            this.text += chunk.slice(start, this.prevI);
            return final;
          }
          if (isNLLike) {
            this.text += `${chunk.slice(start, this.prevI)}
`;
            start = this.i;
          }
        }
      }
      /**
       * Capture characters into a buffer until encountering a character.
       *
       * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
       * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
       *
       * @return ``true`` if we ran into the character. Otherwise, we ran into the
       * end of the current chunk.
       */
      captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          let c = this.getCode();
          switch (c) {
            case NL_LIKE:
              this.text += `${chunk.slice(start, this.prevI)}
`;
              start = this.i;
              c = NL;
              break;
            case EOC:
              this.text += chunk.slice(start);
              return false;
            default:
          }
          if (c === char) {
            this.text += chunk.slice(start, this.prevI);
            return true;
          }
        }
      }
      /**
       * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
       * this parser.
       *
       * @return The character code that made the test fail, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureNameChars() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCode();
          if (c === EOC) {
            this.name += chunk.slice(start);
            return EOC;
          }
          if (!isNameChar(c)) {
            this.name += chunk.slice(start, this.prevI);
            return c === NL_LIKE ? NL : c;
          }
        }
      }
      /**
       * Skip white spaces.
       *
       * @return The character that ended the skip, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      skipSpaces() {
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC || !isS(c)) {
            return c;
          }
        }
      }
      setXMLVersion(version) {
        this.currentXMLVersion = version;
        if (version === "1.0") {
          this.isChar = isChar10;
          this.getCode = this.getCode10;
        } else {
          this.isChar = isChar11;
          this.getCode = this.getCode11;
        }
      }
      // STATE ENGINE METHODS
      // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
      // to be sure never to come back to this state later.
      sBegin() {
        if (this.chunk.charCodeAt(0) === 65279) {
          this.i++;
          this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
      }
      sBeginWhitespace() {
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
          this.xmlDeclPossible = false;
        }
        switch (c) {
          case LESS:
            this.state = S_OPEN_WAKA;
            if (this.text.length !== 0) {
              throw new Error("no-empty text at start");
            }
            break;
          case EOC:
            break;
          default:
            this.unget();
            this.state = S_TEXT;
            this.xmlDeclPossible = false;
        }
      }
      sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
          case GREATER: {
            (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            this.doctype = true;
            break;
          }
          case EOC:
            break;
          default:
            this.text += String.fromCodePoint(c);
            if (c === OPEN_BRACKET) {
              this.state = S_DTD;
            } else if (isQuote(c)) {
              this.state = S_DOCTYPE_QUOTE;
              this.q = c;
            }
        }
      }
      sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.q = null;
          this.state = S_DOCTYPE;
        }
      }
      sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
          return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET) {
          this.state = S_DOCTYPE;
        } else if (c === LESS) {
          this.state = S_DTD_OPEN_WAKA;
        } else if (isQuote(c)) {
          this.state = S_DTD_QUOTED;
          this.q = c;
        }
      }
      sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.state = S_DTD;
          this.q = null;
        }
      }
      sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
          case BANG2:
            this.state = S_DTD_OPEN_WAKA_BANG;
            this.openWakaBang = "";
            break;
          case QUESTION2:
            this.state = S_DTD_PI;
            break;
          default:
            this.state = S_DTD;
        }
      }
      sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
          this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
          this.openWakaBang = "";
        }
      }
      sDTDComment() {
        if (this.captureToChar(MINUS)) {
          this.text += "-";
          this.state = S_DTD_COMMENT_ENDING;
        }
      }
      sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
      }
      sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        } else {
          this.fail("malformed comment.");
          this.state = S_DTD_COMMENT;
        }
      }
      sDTDPI() {
        if (this.captureToChar(QUESTION2)) {
          this.text += "?";
          this.state = S_DTD_PI_ENDING;
        }
      }
      sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        }
      }
      sText() {
        if (this.tags.length !== 0) {
          this.handleTextInRoot();
        } else {
          this.handleTextOutsideRoot();
        }
      }
      sEntity() {
        let { i: start } = this;
        const { chunk } = this;
        loop:
          while (true) {
            switch (this.getCode()) {
              case NL_LIKE:
                this.entity += `${chunk.slice(start, this.prevI)}
`;
                start = this.i;
                break;
              case SEMICOLON: {
                const { entityReturnState } = this;
                const entity = this.entity + chunk.slice(start, this.prevI);
                this.state = entityReturnState;
                let parsed;
                if (entity === "") {
                  this.fail("empty entity name.");
                  parsed = "&;";
                } else {
                  parsed = this.parseEntity(entity);
                  this.entity = "";
                }
                if (entityReturnState !== S_TEXT || this.textHandler !== void 0) {
                  this.text += parsed;
                }
                break loop;
              }
              case EOC:
                this.entity += chunk.slice(start);
                break loop;
              default:
            }
          }
      }
      sOpenWaka() {
        const c = this.getCode();
        if (isNameStartChar(c)) {
          this.state = S_OPEN_TAG;
          this.unget();
          this.xmlDeclPossible = false;
        } else {
          switch (c) {
            case FORWARD_SLASH:
              this.state = S_CLOSE_TAG;
              this.xmlDeclPossible = false;
              break;
            case BANG2:
              this.state = S_OPEN_WAKA_BANG;
              this.openWakaBang = "";
              this.xmlDeclPossible = false;
              break;
            case QUESTION2:
              this.state = S_PI_FIRST_CHAR;
              break;
            default:
              this.fail("disallowed character in tag name");
              this.state = S_TEXT;
              this.xmlDeclPossible = false;
          }
        }
      }
      sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
          case "[CDATA[":
            if (!this.sawRoot && !this.reportedTextBeforeRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextBeforeRoot = true;
            }
            if (this.closedRoot && !this.reportedTextAfterRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextAfterRoot = true;
            }
            this.state = S_CDATA;
            this.openWakaBang = "";
            break;
          case "--":
            this.state = S_COMMENT;
            this.openWakaBang = "";
            break;
          case "DOCTYPE":
            this.state = S_DOCTYPE;
            if (this.doctype || this.sawRoot) {
              this.fail("inappropriately located doctype declaration.");
            }
            this.openWakaBang = "";
            break;
          default:
            if (this.openWakaBang.length >= 7) {
              this.fail("incorrect syntax.");
            }
        }
      }
      sComment() {
        if (this.captureToChar(MINUS)) {
          this.state = S_COMMENT_ENDING;
        }
      }
      sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS) {
          this.state = S_COMMENT_ENDED;
          (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
          this.text = "";
        } else {
          this.text += `-${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        }
      }
      sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER) {
          this.fail("malformed comment.");
          this.text += `--${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        } else {
          this.state = S_TEXT;
        }
      }
      sCData() {
        if (this.captureToChar(CLOSE_BRACKET)) {
          this.state = S_CDATA_ENDING;
        }
      }
      sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET) {
          this.state = S_CDATA_ENDING_2;
        } else {
          this.text += `]${String.fromCodePoint(c)}`;
          this.state = S_CDATA;
        }
      }
      sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
          case GREATER: {
            (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            break;
          }
          case CLOSE_BRACKET:
            this.text += "]";
            break;
          default:
            this.text += `]]${String.fromCodePoint(c)}`;
            this.state = S_CDATA;
        }
      }
      // We need this separate state to check the first character fo the pi target
      // with this.nameStartCheck which allows less characters than this.nameCheck.
      sPIFirstChar() {
        const c = this.getCodeNorm();
        if (this.nameStartCheck(c)) {
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        } else if (c === QUESTION2 || isS(c)) {
          this.fail("processing instruction without a target.");
          this.state = c === QUESTION2 ? S_PI_ENDING : S_PI_BODY;
        } else {
          this.fail("disallowed character in processing instruction name.");
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        }
      }
      sPIRest() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC) {
            this.piTarget += chunk.slice(start);
            return;
          }
          if (!this.nameCheck(c)) {
            this.piTarget += chunk.slice(start, this.prevI);
            const isQuestion = c === QUESTION2;
            if (isQuestion || isS(c)) {
              if (this.piTarget === "xml") {
                if (!this.xmlDeclPossible) {
                  this.fail("an XML declaration must be at the start of the document.");
                }
                this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
              } else {
                this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
              }
            } else {
              this.fail("disallowed character in processing instruction name.");
              this.piTarget += String.fromCodePoint(c);
            }
            break;
          }
        }
      }
      sPIBody() {
        if (this.text.length === 0) {
          const c = this.getCodeNorm();
          if (c === QUESTION2) {
            this.state = S_PI_ENDING;
          } else if (!isS(c)) {
            this.text = String.fromCodePoint(c);
          }
        } else if (this.captureToChar(QUESTION2)) {
          this.state = S_PI_ENDING;
        }
      }
      sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          const { piTarget } = this;
          if (piTarget.toLowerCase() === "xml") {
            this.fail("the XML declaration must appear at the start of the document.");
          }
          (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
            target: piTarget,
            body: this.text
          });
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else if (c === QUESTION2) {
          this.text += "?";
        } else {
          this.text += `?${String.fromCodePoint(c)}`;
          this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
      }
      sXMLDeclNameStart() {
        const c = this.skipSpaces();
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (c !== EOC) {
          this.state = S_XML_DECL_NAME;
          this.name = String.fromCodePoint(c);
        }
      }
      sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          this.name += this.text;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (!(isS(c) || c === EQUAL)) {
          return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
          switch (this.name.length) {
            case 0:
              this.fail("did not expect any more name/value pairs.");
              break;
            case 1:
              this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
              break;
            default:
              this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
          }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
      }
      sXMLDeclEq() {
        const c = this.getCodeNorm();
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (c !== EQUAL) {
          this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
      }
      sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (!isQuote(c)) {
          this.fail("value must be quoted.");
          this.q = SPACE;
        } else {
          this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
      }
      sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION2]);
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (c === EOC) {
          return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
          case "version": {
            this.xmlDeclExpects = ["encoding", "standalone"];
            const version = value;
            this.xmlDecl.version = version;
            if (!/^1\.[0-9]+$/.test(version)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version);
            }
            break;
          }
          case "encoding":
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
              this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
            }
            this.xmlDeclExpects = ["standalone"];
            this.xmlDecl.encoding = value;
            break;
          case "standalone":
            if (value !== "yes" && value !== "no") {
              this.fail('standalone value must match "yes" or "no".');
            }
            this.xmlDeclExpects = [];
            this.xmlDecl.standalone = value;
            break;
          default:
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
      }
      sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        if (c === QUESTION2) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (!isS(c)) {
          this.fail("whitespace required.");
          this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
      }
      sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          if (this.piTarget !== "xml") {
            this.fail("processing instructions are not allowed before root.");
          } else if (this.name !== "version" && this.xmlDeclExpects.includes("version")) {
            this.fail("XML declaration must contain a version.");
          }
          (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
          this.name = "";
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else {
          this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
      }
      sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
          return;
        }
        const tag = this.tag = {
          name: this.name,
          attributes: /* @__PURE__ */ Object.create(null)
        };
        this.name = "";
        if (this.xmlnsOpt) {
          this.topNS = tag.ns = /* @__PURE__ */ Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
          this.fail("documents may contain only one root.");
        }
        switch (c) {
          case GREATER:
            this.openTag();
            break;
          case FORWARD_SLASH:
            this.state = S_OPEN_TAG_SLASH;
            break;
          default:
            if (!isS(c)) {
              this.fail("disallowed character in tag name.");
            }
            this.state = S_ATTRIB;
        }
      }
      sOpenTagSlash() {
        if (this.getCode() === GREATER) {
          this.openSelfClosingTag();
        } else {
          this.fail("forward-slash in opening tag not followed by >.");
          this.state = S_ATTRIB;
        }
      }
      sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
          return;
        }
        if (isNameStartChar(c)) {
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
          this.state = S_ATTRIB_VALUE;
        } else if (isS(c)) {
          this.state = S_ATTRIB_NAME_SAW_WHITE;
        } else if (c === GREATER) {
          this.fail("attribute without value.");
          this.pushAttrib(this.name, this.name);
          this.name = this.text = "";
          this.openTag();
        } else if (c !== EOC) {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
          case EOC:
            return;
          case EQUAL:
            this.state = S_ATTRIB_VALUE;
            break;
          default:
            this.fail("attribute without value.");
            this.text = "";
            this.name = "";
            if (c === GREATER) {
              this.openTag();
            } else if (isNameStartChar(c)) {
              this.unget();
              this.state = S_ATTRIB_NAME;
            } else {
              this.fail("disallowed character in attribute name.");
              this.state = S_ATTRIB;
            }
        }
      }
      sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
          this.q = c;
          this.state = S_ATTRIB_VALUE_QUOTED;
        } else if (!isS(c)) {
          this.fail("unquoted attribute value.");
          this.state = S_ATTRIB_VALUE_UNQUOTED;
          this.unget();
        }
      }
      sAttribValueQuoted() {
        const { q, chunk } = this;
        let { i: start } = this;
        while (true) {
          switch (this.getCode()) {
            case q:
              this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
              this.name = this.text = "";
              this.q = null;
              this.state = S_ATTRIB_VALUE_CLOSED;
              return;
            case AMP:
              this.text += chunk.slice(start, this.prevI);
              this.state = S_ENTITY;
              this.entityReturnState = S_ATTRIB_VALUE_QUOTED;
              return;
            case NL:
            case NL_LIKE:
            case TAB:
              this.text += `${chunk.slice(start, this.prevI)} `;
              start = this.i;
              break;
            case LESS:
              this.text += chunk.slice(start, this.prevI);
              this.fail("disallowed character.");
              return;
            case EOC:
              this.text += chunk.slice(start);
              return;
            default:
          }
        }
      }
      sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
          this.state = S_ATTRIB;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else if (isNameStartChar(c)) {
          this.fail("no whitespace between attributes.");
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribValueUnquoted() {
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
          case AMP:
            this.state = S_ENTITY;
            this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
            break;
          case LESS:
            this.fail("disallowed character.");
            break;
          case EOC:
            break;
          default:
            if (this.text.includes("]]>")) {
              this.fail('the string "]]>" is disallowed in char data.');
            }
            this.pushAttrib(this.name, this.text);
            this.name = this.text = "";
            if (c === GREATER) {
              this.openTag();
            } else {
              this.state = S_ATTRIB;
            }
        }
      }
      sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER) {
          this.closeTag();
        } else if (isS(c)) {
          this.state = S_CLOSE_TAG_SAW_WHITE;
        } else if (c !== EOC) {
          this.fail("disallowed character in closing tag.");
        }
      }
      sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
          case GREATER:
            this.closeTag();
            break;
          case EOC:
            break;
          default:
            this.fail("disallowed character in closing tag.");
        }
      }
      // END OF STATE ENGINE METHODS
      handleTextInRoot() {
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        scanLoop:
          while (true) {
            switch (this.getCode()) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text: text2 } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text2.length !== 0) {
                    handler(text2 + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              case CLOSE_BRACKET:
                switch (forbiddenState) {
                  case FORBIDDEN_START:
                    forbiddenState = FORBIDDEN_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET:
                    forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET_BRACKET:
                    break;
                  default:
                    throw new Error("impossible state");
                }
                break;
              case GREATER:
                if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                  this.fail('the string "]]>" is disallowed in char data.');
                }
                forbiddenState = FORBIDDEN_START;
                break;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                forbiddenState = FORBIDDEN_START;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break scanLoop;
              default:
                forbiddenState = FORBIDDEN_START;
            }
          }
        this.forbiddenState = forbiddenState;
      }
      handleTextOutsideRoot() {
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        outRootLoop:
          while (true) {
            const code = this.getCode();
            switch (code) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text: text2 } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text2.length !== 0) {
                    handler(text2 + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                break outRootLoop;
              }
              case AMP:
                this.state = S_ENTITY;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                nonSpace = true;
                break outRootLoop;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break outRootLoop;
              default:
                if (!isS(code)) {
                  nonSpace = true;
                }
            }
          }
        if (!nonSpace) {
          return;
        }
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextAfterRoot = true;
        }
      }
      pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr2 = { name, prefix, local, value };
        this.attribList.push(attr2);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr2);
        if (prefix === "xmlns") {
          const trimmed = value.trim();
          if (this.currentXMLVersion === "1.0" && trimmed === "") {
            this.fail("invalid attempt to undefine prefix in XML 1.0");
          }
          this.topNS[local] = trimmed;
          nsPairCheck(this, local, trimmed);
        } else if (name === "xmlns") {
          const trimmed = value.trim();
          this.topNS[""] = trimmed;
          nsPairCheck(this, "", trimmed);
        }
      }
      pushAttribPlain(name, value) {
        var _a;
        const attr2 = { name, value };
        this.attribList.push(attr2);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr2);
      }
      /**
       * End parsing. This performs final well-formedness checks and resets the
       * parser to a clean state.
       *
       * @returns this
       */
      end() {
        var _a, _b;
        if (!this.sawRoot) {
          this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
          const tag = tags.pop();
          this.fail(`unclosed tag: ${tag.name}`);
        }
        if (this.state !== S_BEGIN && this.state !== S_TEXT) {
          this.fail("unexpected end.");
        }
        const { text: text2 } = this;
        if (text2.length !== 0) {
          (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text2);
          this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
      }
      /**
       * Resolve a namespace prefix.
       *
       * @param prefix The prefix to resolve.
       *
       * @returns The namespace URI or ``undefined`` if the prefix is not defined.
       */
      resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== void 0) {
          return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
          uri = tags[index].ns[prefix];
          if (uri !== void 0) {
            return uri;
          }
        }
        uri = this.ns[prefix];
        if (uri !== void 0) {
          return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
      }
      /**
       * Parse a qname into its prefix and local name parts.
       *
       * @param name The name to parse
       *
       * @returns
       */
      qname(name) {
        const colon = name.indexOf(":");
        if (colon === -1) {
          return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
          this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
      }
      processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
          const { prefix, local } = this.qname(tag.name);
          tag.prefix = prefix;
          tag.local = local;
          const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
          if (prefix !== "") {
            if (prefix === "xmlns") {
              this.fail('tags may not have "xmlns" as prefix.');
            }
            if (uri === "") {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              tag.uri = prefix;
            }
          }
        }
        if (attribList.length === 0) {
          return;
        }
        const { attributes } = tag;
        const seen = /* @__PURE__ */ new Set();
        for (const attr2 of attribList) {
          const { name, prefix, local } = attr2;
          let uri;
          let eqname;
          if (prefix === "") {
            uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
            eqname = name;
          } else {
            uri = this.resolve(prefix);
            if (uri === void 0) {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              uri = prefix;
            }
            eqname = `{${uri}}${local}`;
          }
          if (seen.has(eqname)) {
            this.fail(`duplicate attribute: ${eqname}.`);
          }
          seen.add(eqname);
          attr2.uri = uri;
          attributes[name] = attr2;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes[name] = value;
        }
        this.attribList = [];
      }
      /**
       * Handle a complete open tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onopentag``.
       */
      openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete self-closing tag. This parser code calls this once it has
       * seen the whole tag. This method checks for well-formeness and then emits
       * ``onopentag`` and ``onclosetag``.
       */
      openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
          this.closedRoot = true;
        }
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete close tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onclosetag``.
       */
      closeTag() {
        const { tags, name } = this;
        this.state = S_TEXT;
        this.name = "";
        if (name === "") {
          this.fail("weird empty close tag.");
          this.text += "</>";
          return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
          const tag = this.tag = tags.pop();
          this.topNS = tag.ns;
          handler === null || handler === void 0 ? void 0 : handler(tag);
          if (tag.name === name) {
            break;
          }
          this.fail("unexpected close tag.");
        }
        if (l === 0) {
          this.closedRoot = true;
        } else if (l < 0) {
          this.fail(`unmatched closing tag: ${name}.`);
          this.text += `</${name}>`;
        }
      }
      /**
       * Resolves an entity. Makes any necessary well-formedness checks.
       *
       * @param entity The entity to resolve.
       *
       * @returns The parsed entity.
       */
      parseEntity(entity) {
        if (entity[0] !== "#") {
          const defined = this.ENTITIES[entity];
          if (defined !== void 0) {
            return defined;
          }
          this.fail(this.isName(entity) ? "undefined entity." : "disallowed character in entity name.");
          return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
          num = parseInt(entity.slice(2), 16);
        } else if (/^#[0-9]+$/.test(entity)) {
          num = parseInt(entity.slice(1), 10);
        }
        if (!this.isChar(num)) {
          this.fail("malformed character entity.");
          return `&${entity};`;
        }
        return String.fromCodePoint(num);
      }
    };
    exports.SaxesParser = SaxesParser2;
  }
});

// src/classify-regressions.ts
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { basename as basename2, join, resolve as resolve5 } from "node:path";

// ../packages/regressions/src/annotations.ts
var ANNOTATIONS_PER_STEP = 10;
var ANNOTATED = {
  new: 0,
  "unknown-baseline": 1,
  known: 2,
  flaky: 3
};
function selectAnnotations(section, max = ANNOTATIONS_PER_STEP) {
  const candidates = section.tests.filter((t) => ANNOTATED[t.class] !== void 0);
  candidates.sort(
    (a, b) => Number(b.blocking === true) - Number(a.blocking === true) || ANNOTATED[a.class] - ANNOTATED[b.class] || Number(Boolean(b.file)) - Number(Boolean(a.file)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
  return candidates.slice(0, Math.max(0, max)).map(toAnnotation);
}
function toAnnotation(t) {
  const level = t.blocking ? "error" : t.class === "new" || t.class === "unknown-baseline" ? "warning" : "notice";
  const scope = t.classname ?? t.suite;
  const label = scope ? `${scope} \u203A ${t.name}` : t.name;
  const lines = t.firstLines && t.firstLines.length > 0 ? t.firstLines.slice(0, 10) : t.message ? [t.message] : [];
  const why = [t.evidence, t.knownReason ? `known: ${t.knownReason}` : void 0].filter(Boolean).join("; ");
  const out = {
    level,
    title: `${t.class}: ${label}`.slice(0, 255),
    message: [why, ...lines].filter((l) => l !== "").join("\n") || t.class
  };
  if (t.file) out.file = t.file;
  if (t.file && t.line) out.line = t.line;
  return out;
}

// ../packages/regressions/src/model.ts
var PassedTest = class {
  constructor(id, name, classname, suite, file, line, durationMs, report2, reportLine) {
    this.id = id;
    this.name = name;
    this.classname = classname;
    this.suite = suite;
    this.file = file;
    this.line = line;
    this.durationMs = durationMs;
    this.report = report2;
    this.reportLine = reportLine;
  }
  id;
  name;
  classname;
  suite;
  file;
  line;
  durationMs;
  report;
  reportLine;
  made = null;
  /**
   * How the test did on the base, as `attemptBits` plus a "seen" bit (0: not in the base): set by
   * `BaselineBuilder`, so a base test streaming past costs one map lookup and no map of its own.
   */
  baseBits = 0;
  /** True while the test is still the single passed attempt it was read as. */
  get singlePass() {
    return this.made === null;
  }
  get attempts() {
    if (this.made === null) {
      this.made = [
        {
          status: "passed",
          durationMs: this.durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.report,
          reportLine: this.reportLine,
          origin: "result"
        }
      ];
    }
    return this.made;
  }
  set attempts(value) {
    this.made = value;
  }
  toJSON() {
    const { id, name, classname, suite, file, line, attempts } = this;
    return { id, name, classname, suite, file, line, attempts };
  }
};
function isSinglePass(test) {
  return test instanceof PassedTest && test.singlePass;
}
function attemptSource(attempt) {
  return attempt.reportLine === null ? attempt.report : `${attempt.report}:${attempt.reportLine}`;
}
var NO_LINES = Object.freeze([]);

// ../packages/regressions/src/runs.ts
import { stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve3 } from "node:path";

// ../node_modules/.pnpm/tinyglobby@0.2.17/node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// ../node_modules/.pnpm/fdir@6.5.0_picomatch@4.0.7/node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path) {
  let normalized = normalize(path);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
  return path.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
  return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
  if (resolvePaths) path = resolve(path);
  if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
  if (path === ".") return "";
  const needsSeperator = path[path.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path = directoryPath || ".";
  if (filters.every((filter) => filter(path, true))) paths.push(path);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path, (error2, resolvedPath) => {
    if (error2) return queue.dequeue(suppressErrors ? null : error2, state);
    fs.stat(resolvedPath, (error$1, stat3) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat3, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat3 = fs.statSync(resolvedPath);
    if (stat3.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat3, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error2, callback$1, output, suppressErrors) {
  if (error2 && !suppressErrors) callback$1(error2, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error2, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error2, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error2, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error2)) {
      this.onQueueEmpty(error2, output);
      if (error2) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error2, state) => this.callbackInvoker(state, error2, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path)) continue;
        this.pushDirectory(path, paths, filters);
        this.walkDirectory(this.state, path, path, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path, this.state, (stat3, resolvedPath) => {
          if (stat3.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path) => isMatch(path));
    return this;
  }
};

// ../node_modules/.pnpm/tinyglobby@0.2.17/node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd2, root, absolute) {
  if (cwd2 === root || root.startsWith(`${cwd2}/`)) {
    if (absolute) {
      const start = cwd2.length + +!isRoot(cwd2);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd2.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd2, p) || ".";
  return (p) => posix.relative(cwd2, `${root}/${p}`) || ".";
}
function buildRelative(cwd2, root) {
  if (root.startsWith(`${cwd2}/`)) {
    const prefix = root.slice(cwd2.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd2, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path) {
  return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path) {
  var _result$parts;
  const result = import_picomatch.default.scan(path, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd2 = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd2);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd2, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd2, ...newCommonPath) : cwd2);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd2 = options.cwd;
  const props = {
    root: cwd2,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd2, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd2, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path = format(p, isDirectory);
      const matches = matcher(path) && !ignore(path);
      if (matches) log(`matched ${path}`);
      return matches;
    } : (p, isDirectory) => {
      const path = format(p, isDirectory);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd2 !== root && !absolute && buildRelative(cwd2, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative3] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative3) : [];
}

// ../packages/regressions/src/errors.ts
var RegressionErrorCodes = {
  /** XML that is not well-formed: truncated, unclosed, a NUL or other disallowed character, bad entity. */
  JUNIT_MALFORMED: "JUNIT_MALFORMED",
  /** Any `<!DOCTYPE`: DTDs (and so external entities) are never processed. */
  JUNIT_DOCTYPE_REFUSED: "JUNIT_DOCTYPE_REFUSED",
  /** Nesting depth, attribute count/size or text size above the configured caps. */
  REPORT_LIMIT_EXCEEDED: "REPORT_LIMIT_EXCEEDED",
  /** A `.json` report that is not valid JSON, or a CTRF document with the wrong shape. */
  CTRF_MALFORMED: "CTRF_MALFORMED",
  /** A file that could not be read. */
  REPORT_READ_FAILED: "REPORT_READ_FAILED",
  /** A configured base, candidate, attempt or history path matches no file (exit 2, never a warning). */
  REGRESSIONS_INPUT_MISSING: "REGRESSIONS_INPUT_MISSING",
  /** No candidate report was found among the inputs. */
  REGRESSIONS_NO_CANDIDATE: "REGRESSIONS_NO_CANDIDATE",
  /** The known-failing (quarantine) file is unreadable or invalid. */
  KNOWN_FAILING_INVALID: "KNOWN_FAILING_INVALID"
};
var SkipCodes = {
  REPORT_EMPTY: "REPORT_EMPTY",
  REPORT_UNRECOGNIZED: "REPORT_UNRECOGNIZED",
  REPORT_OTHER_FORMAT: "REPORT_OTHER_FORMAT"
};

// ../packages/regressions/src/ctrf-checks.ts
var MAX_CTRF_RETRIES = 1e3;
function ctrfPath(index, name, field) {
  const label = typeof name === "string" ? ` (${JSON.stringify(name.length > 120 ? `${name.slice(0, 119)}\u2026` : name)})` : "";
  return `results.tests[${index}]${label}.${field}`;
}
function fail(file, where, what, test) {
  return new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: ${where} ${what}`, {
    hint: "Check the file against the CTRF schema (https://ctrf.io): counts are non-negative integers, durations non-negative milliseconds.",
    details: { file, field: where, ...test === void 0 ? {} : { test } }
  });
}
function ctrfCount(file, where, value, cap, test) {
  if (value === void 0 || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw fail(file, where, `${JSON.stringify(value)} is not a count (a non-negative integer)`, test);
  }
  if (value > cap) {
    throw new CodexrelError(
      RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
      `${file}: ${where} ${value} is over the limit of ${cap}`,
      {
        hint: "The report is corrupt or hostile: no runner retries a test that often. Re-run the tests.",
        details: { file, field: where, limit: cap, ...test === void 0 ? {} : { test } }
      }
    );
  }
  return value;
}
function ctrfDuration(file, where, value, test) {
  if (value === void 0 || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw fail(file, where, `${JSON.stringify(value)} is not a duration (non-negative milliseconds)`, test);
  }
  return value;
}
function checkCtrfSummary(file, summary2) {
  if (summary2 === void 0 || summary2 === null) return null;
  if (typeof summary2 !== "object") throw fail(file, "results.summary", "is not an object");
  const s = summary2;
  for (const field of ["passed", "failed", "skipped", "pending", "other", "flaky", "suites"]) {
    ctrfCount(file, `results.summary.${field}`, s[field], Number.MAX_SAFE_INTEGER);
  }
  for (const field of ["start", "stop", "duration"]) {
    ctrfDuration(file, `results.summary.${field}`, s[field]);
  }
  return ctrfCount(file, "results.summary.tests", s.tests, Number.MAX_SAFE_INTEGER);
}

// ../packages/regressions/src/identity.ts
var DEFAULT_IDENTITY_FIELDS = ["suite", "classname", "name"];
var IDENTITY_SEPARATOR = "::";
function createIdentity(options = {}) {
  if (options.custom) {
    const custom = options.custom;
    const fold2 = options.caseInsensitive === true;
    return (t) => {
      const id = custom(t);
      return fold2 ? id.toLowerCase() : id;
    };
  }
  const fields = options.fields && options.fields.length > 0 ? options.fields : DEFAULT_IDENTITY_FIELDS;
  const fold = options.caseInsensitive === true;
  if (!fold && fields.length === 3 && fields.every((f, i) => f === DEFAULT_IDENTITY_FIELDS[i])) return defaultIdentity;
  return (t) => {
    const parts = [];
    let previous = "";
    for (const field of fields) {
      const part = t[field];
      if (!part || part === previous) continue;
      parts.push(part);
      previous = part;
    }
    const id = parts.length === 0 ? "(unnamed)" : parts.join(IDENTITY_SEPARATOR);
    return fold ? id.toLowerCase() : id;
  };
}
function defaultIdentity(t) {
  const { suite, classname, name } = t;
  const c = classname && classname !== suite ? classname : null;
  const n = name && name !== (c ?? suite) ? name : null;
  if (suite) {
    if (c) return n ? [suite, c, n].join(IDENTITY_SEPARATOR) : [suite, c].join(IDENTITY_SEPARATOR);
    return n ? [suite, n].join(IDENTITY_SEPARATOR) : suite;
  }
  if (c) return n ? [c, n].join(IDENTITY_SEPARATOR) : c;
  return n ?? "(unnamed)";
}

// ../packages/regressions/src/junit/fields.ts
function attr(attrs, key) {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === key) return attrs[i + 1];
  return void 0;
}
function parseSeconds(value) {
  if (value === void 0 || value === "") return null;
  const fast = plainSeconds(value);
  if (fast >= 0) return fast;
  let n = Number(value);
  if (!Number.isFinite(n)) n = Number(value.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 1e6) / 1e3;
}
function plainSeconds(v) {
  const len = v.length;
  let i = 0;
  let whole = 0;
  for (; i < len; i += 1) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 9) return -1;
  let micros = whole * 1e6;
  if (i < len) {
    if (v.charCodeAt(i) !== 46 || len - i - 1 < 1 || len - i - 1 > 6) return -1;
    let scale = 1e5;
    for (i += 1; i < len; i += 1) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      micros += d * scale;
      scale /= 10;
    }
  }
  return micros / 1e3;
}
function detach(value) {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

// ../packages/regressions/src/junit/options.ts
var DEFAULT_LIMITS = {
  maxDepth: 256,
  maxAttributes: 256,
  maxTextChars: 64 * 1024 * 1024,
  maxNameChars: 4096
};
var NotJunitSignal = class {
  constructor(code, reason) {
    this.code = code;
    this.reason = reason;
  }
  code;
  reason;
};

// ../packages/regressions/src/caps.ts
import { createHash } from "node:crypto";
var MAX_FIELD_CHARS = 1024;
function capField(value) {
  if (value.length <= MAX_FIELD_CHARS) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 12);
  return `${value.slice(0, MAX_FIELD_CHARS)}\u2026 [cut: ${value.length} characters, sha256 ${hash}]`;
}

// ../packages/regressions/src/xml-chars.ts
var GT = 62;
var SLASH = 47;
var BANG = 33;
var QUESTION = 63;
var EQ = 61;
var DQ = 34;
var SQ = 39;
var NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_ASCII[c] = 3;
  else if (/[-.0-9]/.test(ch)) NAME_ASCII[c] = 2;
}
var NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
var NAME_RE = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, "u");
var BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
var XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>/;
var WS_RUN = /^[ \t\r\n]*$/;
var ATTR_WS = /\r\n|[\t\n\r]/g;
var isWs = (c) => c === 32 || c === 10 || c === 9 || c === 13;

// ../packages/regressions/src/xml-references.ts
function referenceText(ref) {
  switch (ref) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  if (ref.charCodeAt(0) !== 35) return null;
  const hex = ref.charCodeAt(1) === 120;
  const digits = ref.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const cp = Number.parseInt(digits, hex ? 16 : 10);
  if (cp === 9 || cp === 10 || cp === 13 || cp >= 32 && cp <= 55295 || cp >= 57344 && cp <= 65533 || cp >= 65536 && cp <= 1114111)
    return String.fromCodePoint(cp);
  return null;
}
function referenceProblem(ref) {
  return ref.charCodeAt(0) === 35 ? `malformed character reference: &${ref.slice(0, 20)};` : `undefined entity: &${ref.slice(0, 40)};`;
}
function decodeReferences(s, from, to, normalize2, fail2) {
  let out = "";
  let i = from;
  for (; ; ) {
    const amp = s.indexOf("&", i);
    if (amp < 0 || amp >= to) break;
    out += normalize2 ? s.slice(i, amp).replace(ATTR_WS, " ") : s.slice(i, amp);
    const semi = s.indexOf(";", amp);
    if (semi < 0 || semi >= to || semi - amp > 64) fail2("unterminated entity reference", amp);
    const ref = s.slice(amp + 1, semi);
    const text2 = referenceText(ref);
    if (text2 === null) fail2(referenceProblem(ref), amp);
    out += text2;
    i = semi + 1;
  }
  const rest = s.slice(i, to);
  return out + (normalize2 ? rest.replace(ATTR_WS, " ") : rest);
}

// ../packages/regressions/src/xml-scanner.ts
var ScanError = class extends Error {
  constructor(message, line, column, limit = false) {
    super(message);
    this.line = line;
    this.column = column;
    this.limit = limit;
  }
  line;
  column;
  limit;
};
function sameAt(s, name, at) {
  for (let k = 0; k < name.length; k += 1) if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}
var MORE = /* @__PURE__ */ Symbol("more");
var XmlScanner = class {
  constructor(handler, limits) {
    this.handler = handler;
    this.limits = limits;
  }
  handler;
  limits;
  /** Deliver text and CDATA to `handler.text`. */
  wantText = false;
  /** Line (1-based) and column of the end of the last token read: where an event happened. */
  line = 1;
  column = 0;
  buf = "";
  pos = 0;
  /** Newlines in the input before `buf[0]`, and up to `countedTo` inside it. */
  linesBefore = 0;
  countedTo = 0;
  countedLines = 0;
  lastNl = -1;
  stack = [];
  sawRoot = false;
  closedRoot = false;
  started = false;
  /** Reused per tag: flat name/value pairs. */
  attrs = [];
  /** A construct left unfinished at the end of `buf`: the next write needs this string to go on. */
  waitFor = null;
  held = [];
  heldChars = 0;
  /** Inside a CDATA section or comment that spans writes: how much of it was read so far. */
  spanning = null;
  spanChars = 0;
  /** The next "&" and "]]>" at or after the last place asked (-1: none; -2: not looked yet). */
  ampAt = -2;
  ddAt = -2;
  /** The same for "<", "\n", "\t" and "\r". */
  ltAt = -2;
  nlAt = -2;
  tabAt = -2;
  crAt = -2;
  write(chunk) {
    const bad = BAD_CHAR.exec(chunk);
    if (bad) {
      this.feed(chunk.slice(0, bad.index));
      this.fail("disallowed character", this.buf.length);
    }
    this.feed(chunk);
  }
  /** Ends the document: unclosed elements and unfinished constructs fail here. */
  close() {
    if (this.waitFor !== null) this.fail("unclosed tag", this.buf.length + this.heldChars);
    if (this.spanning === "cdata" || this.buf.length > this.pos && this.buf.startsWith("<![CDATA[", this.pos))
      this.fail("unclosed CDATA section", this.buf.length);
    if (this.spanning === "comment") this.fail("unclosed comment", this.buf.length);
    if (this.buf.length > this.pos) {
      const rest = this.buf.slice(this.pos);
      if (rest.trimStart().startsWith("<")) this.fail("unclosed tag", this.buf.length);
      this.text(this.pos, this.buf.length, true);
    }
    if (this.stack.length > 0) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1]}`, this.buf.length);
    if (!this.sawRoot) this.fail("document must contain a root element", this.buf.length);
  }
  /** Newlines in everything written so far (for errors found outside the scanner, e.g. decoding). */
  linesWritten() {
    this.countTo(this.buf.length);
    return this.linesBefore + this.countedLines;
  }
  feed(input) {
    let chunk = input;
    if (chunk.length === 0) return;
    if (this.waitFor !== null) {
      if (chunk.indexOf(this.waitFor) < 0) {
        this.held.push(chunk);
        this.heldChars += chunk.length;
        if (this.buf.length - this.pos + this.heldChars > this.limits.maxTextChars) this.overLimit();
        return;
      }
      this.waitFor = null;
      if (this.held.length > 0) {
        this.held.push(chunk);
        chunk = this.held.join("");
        this.held = [];
        this.heldChars = 0;
      }
    }
    if (this.buf.length === 0 && !this.started && chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
    const rest = this.pos < this.buf.length ? this.buf.slice(this.pos) : "";
    if (this.pos > 0) {
      if (this.countedTo > this.pos) {
        this.countedTo = 0;
        this.countedLines = 0;
        this.lastNl = -1;
      }
      this.countTo(this.pos);
      this.linesBefore += this.countedLines;
      this.lastNl -= this.pos;
      this.countedLines = 0;
      this.countedTo = 0;
      this.pos = 0;
    }
    this.buf = rest + chunk;
    this.ampAt = -2;
    this.ddAt = -2;
    this.ltAt = -2;
    this.nlAt = -2;
    this.tabAt = -2;
    this.crAt = -2;
    this.run();
  }
  run() {
    const s = this.buf;
    const end = s.length;
    try {
      if (this.spanning !== null) this.resumeSpan();
      while (this.pos < end) {
        const i = this.pos;
        const lt = this.nextLt(i);
        if (lt < 0) {
          const amp = s.lastIndexOf("&");
          const cut = amp >= i && s.indexOf(";", amp) < 0 ? amp : end;
          let keep = cut;
          while (keep > i && keep > cut - 2 && s.charCodeAt(keep - 1) === 93) keep -= 1;
          if (keep > i) this.text(i, keep, false);
          this.pos = keep;
          if (end - keep > 64) this.fail("unterminated entity reference", keep);
          return;
        }
        if (lt > i) this.text(i, lt, false);
        this.pos = lt;
        if (lt + 1 >= end) throw MORE;
        const c = s.charCodeAt(lt + 1);
        if (c === SLASH) this.closeTag(lt);
        else if (c === BANG) this.bang(lt);
        else if (c === QUESTION) this.pi(lt);
        else this.openTag(lt);
      }
    } catch (e) {
      if (e !== MORE) throw e;
      if (this.buf.length - this.pos > this.limits.maxTextChars) this.overLimit();
    }
  }
  overLimit() {
    this.fail(
      `a text node, CDATA section, comment or attribute value exceeds ${this.limits.maxTextChars} characters`,
      this.buf.length,
      true
    );
  }
  nextLt(from) {
    const at = this.ltAt;
    if (at === -2 || at >= 0 && at < from) this.ltAt = this.buf.indexOf("<", from);
    return this.ltAt;
  }
  /** Whether buf[from, to) holds a tab or line end (attribute-value normalization needed). */
  hasWs(from, to) {
    const s = this.buf;
    let at = this.nlAt;
    if (at === -2 || at >= 0 && at < from) {
      at = s.indexOf("\n", from);
      this.nlAt = at;
    }
    if (at >= 0 && at < to) return true;
    at = this.tabAt;
    if (at === -2 || at >= 0 && at < from) {
      at = s.indexOf("	", from);
      this.tabAt = at;
    }
    if (at >= 0 && at < to) return true;
    at = this.crAt;
    if (at === -2 || at >= 0 && at < from) {
      at = s.indexOf("\r", from);
      this.crAt = at;
    }
    return at >= 0 && at < to;
  }
  nextAmp(from) {
    const at = this.ampAt;
    if (at === -2 || at >= 0 && at < from) this.ampAt = this.buf.indexOf("&", from);
    return this.ampAt;
  }
  nextDd(from) {
    const at = this.ddAt;
    if (at === -2 || at >= 0 && at < from) this.ddAt = this.buf.indexOf("]]>", from);
    return this.ddAt;
  }
  text(from, to, _atEnd) {
    const s = this.buf;
    this.started = true;
    if (this.stack.length === 0) {
      if (!WS_RUN.test(s.slice(from, to))) this.fail("text data outside of root node", from);
      return;
    }
    const dd = this.nextDd(from);
    if (dd >= 0 && dd + 3 <= to) this.fail('the string "]]>" is disallowed in text', dd);
    const amp = this.nextAmp(from);
    if (amp >= 0 && amp < to) {
      const decoded = decodeReferences(s, from, to, false, this.failAt);
      if (this.wantText) this.handler.text(decoded);
    } else if (this.wantText) this.handler.text(s.slice(from, to));
  }
  /**
   * Whether `name`, a name read (and checked) before, is the whole name at i: then `nameEnd(i)`
   * would return i + name.length, so it need not walk the name character by character again.
   */
  isNameAt(name, i) {
    const s = this.buf;
    const e = i + name.length;
    if (e >= s.length || !sameAt(s, name, i)) return false;
    const c = s.charCodeAt(e);
    return c < 128 && NAME_ASCII[c] === 0;
  }
  /** Reads a name starting at i; returns its end. */
  nameEnd(i) {
    const s = this.buf;
    const end = s.length;
    let j = i;
    let ascii = true;
    for (; j < end; j += 1) {
      const c = s.charCodeAt(j);
      if (c < 128) {
        if (NAME_ASCII[c] === 0) break;
      } else ascii = false;
    }
    if (j >= end) throw MORE;
    if (j - i > this.limits.maxNameChars) this.fail(`a name exceeds ${this.limits.maxNameChars} characters`, j, true);
    if (j === i) this.fail("expected a name", i);
    const first = s.charCodeAt(i);
    if (ascii) {
      if (NAME_ASCII[first] !== 3) this.fail("invalid name start character", i);
    } else if (!NAME_RE.test(s.slice(i, j))) this.fail("invalid name", i);
    return j;
  }
  openTag(lt) {
    const s = this.buf;
    const nameEnd = this.nameEnd(lt + 1);
    if (this.closedRoot) this.fail("element after the root element", lt);
    const attrs = this.attrs;
    let count = 0;
    const plan = this.plans[this.slotOf(lt + 1, nameEnd)];
    let i = nameEnd;
    const end = s.length;
    for (; ; ) {
      let c = s.charCodeAt(i);
      let sawWs = false;
      while (isWs(c)) {
        i += 1;
        sawWs = true;
        c = s.charCodeAt(i);
      }
      if (i >= end) throw MORE;
      if (c === GT || c === SLASH) {
        let self = false;
        if (c === SLASH) {
          if (i + 1 >= end) throw MORE;
          if (s.charCodeAt(i + 1) !== GT) this.fail("forward-slash in opening tag not followed by >", i);
          self = true;
          i += 1;
        }
        const name = this.pickName(lt + 1, nameEnd);
        if (attrs.length !== count) attrs.length = count;
        this.pos = i + 1;
        this.started = true;
        this.setLine(i);
        if (this.stack.length === 0) {
          if (this.sawRoot) this.fail("element after the root element", lt);
          this.sawRoot = true;
        }
        this.checkUnique(lt);
        this.stack.push(name);
        this.handler.open(name, attrs, self);
        if (self) {
          this.stack.pop();
          if (this.stack.length === 0) this.closedRoot = true;
          this.handler.close(name);
        }
        return;
      }
      if (!sawWs) this.fail("no whitespace between attributes", i);
      const guess = plan[count >> 1];
      let an;
      let attrName;
      if (guess !== void 0 && this.isNameAt(guess, i)) {
        an = i + guess.length;
        attrName = guess;
      } else {
        an = this.nameEnd(i);
        attrName = this.pickName(i, an);
        const k = count >> 1;
        if (k <= plan.length && k < 32) {
          if (an - i <= 64) plan[k] = attrName;
          else plan.length = k;
        }
      }
      let j = an;
      c = s.charCodeAt(j);
      while (isWs(c)) c = s.charCodeAt(++j);
      if (j >= end) throw MORE;
      if (c !== EQ) this.fail("attribute without value", j);
      c = s.charCodeAt(++j);
      while (isWs(c)) c = s.charCodeAt(++j);
      if (j >= end) throw MORE;
      if (c !== DQ && c !== SQ) this.fail("unquoted attribute value", j);
      const q = c === DQ ? '"' : "'";
      const close = s.indexOf(q, j + 1);
      if (close < 0) {
        this.waitFor = q;
        throw MORE;
      }
      if (close - j > this.limits.maxTextChars) this.overLimit();
      const ltIn = this.nextLt(lt + 1);
      if (ltIn >= 0 && ltIn < close) this.fail("disallowed character in attribute value", ltIn);
      if (count >= this.limits.maxAttributes * 2)
        this.fail(`an element has more than ${this.limits.maxAttributes} attributes`, i, true);
      attrs[count] = attrName;
      attrs[count + 1] = this.attrValue(j + 1, close);
      count += 2;
      i = close + 1;
    }
  }
  /**
   * The name at buf[from, to) as a string, reusing a name read before: a report repeats a handful
   * of tag and attribute names, so this saves a string per name (and its collection). One slot per
   * (length, first and last character) instead of a list searched in turn: the profile showed the search
   * (up to 24 compares per name, three names per testcase) as the scanner's biggest line.
   */
  pickName(from, to) {
    const s = this.buf;
    const len = to - from;
    const slot = this.slotOf(from, to);
    const n = this.names[slot];
    if (n.length === len && sameAt(s, n, from)) return n;
    const name = len < 13 ? s.slice(from, to) : ` ${s.slice(from, to)}`.slice(1);
    this.names[slot] = name;
    return name;
  }
  /** Length, first and last character: the ~40 names JUnit reports use share 3 slots in pairs. */
  slotOf(from, to) {
    const s = this.buf;
    return to - from + s.charCodeAt(from) * 8 + s.charCodeAt(to - 1) * 28 & 127;
  }
  /**
   * Per slot of a tag name, the attribute names of the last tag there, in order: the next tag of
   * that name is read against them (`isNameAt`), which skips walking and picking each name.
   * A wrong guess (another tag in the slot, other attributes) only costs the compare. At most 32
   * names of up to 64 characters per slot: 128 slots hold at most ~260,000 characters.
   */
  plans = Array.from({ length: 128 }, () => []);
  /** Names by slot (see `pickName`); "" never matches a name (names are not empty). */
  names = new Array(128).fill("");
  attrValue(from, to) {
    const s = this.buf;
    const amp = this.nextAmp(from);
    if (amp >= 0 && amp < to) return decodeReferences(s, from, to, true, this.failAt);
    const v = s.slice(from, to);
    return this.hasWs(from, to) ? v.replace(ATTR_WS, " ") : v;
  }
  checkUnique(lt) {
    const a = this.attrs;
    if (a.length <= 2) return;
    if (a.length <= 16) {
      for (let x = 0; x < a.length; x += 2)
        for (let y = x + 2; y < a.length; y += 2) if (a[x] === a[y]) this.dup(lt, a[x]);
      return;
    }
    const seen = /* @__PURE__ */ new Set();
    for (let x = 0; x < a.length; x += 2) {
      if (seen.has(a[x])) this.dup(lt, a[x]);
      seen.add(a[x]);
    }
  }
  dup(lt, name) {
    this.fail(`duplicate attribute: ${name.slice(0, 100)}`, lt);
  }
  closeTag(lt) {
    const s = this.buf;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    const known = top !== void 0 && this.isNameAt(top, lt + 2);
    const nameEnd = known ? lt + 2 + top.length : this.nameEnd(lt + 2);
    let i = nameEnd;
    let c = s.charCodeAt(i);
    while (isWs(c)) c = s.charCodeAt(++i);
    if (i >= s.length) throw MORE;
    if (c !== GT) this.fail("invalid characters in closing tag", i);
    if (!known) {
      const len = nameEnd - lt - 2;
      if (top === void 0) this.fail("unmatched closing tag", lt);
      if (top.length !== len || !s.startsWith(top, lt + 2)) this.fail(`unexpected close tag (expected </${top}>)`, lt);
    }
    this.pos = i + 1;
    this.setLine(i);
    stack.pop();
    if (stack.length === 0) this.closedRoot = true;
    this.handler.close(top);
  }
  bang(lt) {
    const s = this.buf;
    if (s.length < lt + 9 && !s.startsWith("<!--", lt)) {
      const head = s.slice(lt);
      if ("<!--".startsWith(head) || "<![CDATA[".startsWith(head) || "<!DOCTYPE".startsWith(head)) throw MORE;
    }
    if (s.startsWith("<!--", lt)) {
      this.spanning = "comment";
      this.spanChars = 0;
      this.pos = lt + 4;
      this.started = true;
      this.resumeSpan();
      return;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      if (this.stack.length === 0) this.fail("CDATA outside of the root element", lt);
      this.spanning = "cdata";
      this.spanChars = 0;
      this.pos = lt + 9;
      this.resumeSpan();
      return;
    }
    if (s.startsWith("<!DOCTYPE", lt)) {
      const open2 = s.indexOf("[", lt);
      const gt = s.indexOf(">", lt);
      let at = gt < 0 ? lt : gt;
      if (open2 >= 0 && (gt < 0 || open2 < gt)) {
        const closeSubset = s.indexOf("]", open2);
        if (closeSubset >= 0) {
          const g = s.indexOf(">", closeSubset);
          if (g >= 0) at = g;
        }
      }
      this.setLine(at);
      this.handler.doctype();
      this.fail("DOCTYPE refused", lt);
    }
    this.fail("unexpected markup after <!", lt);
  }
  /** Goes on reading a comment or CDATA section from `pos`. */
  resumeSpan() {
    const s = this.buf;
    const cdata = this.spanning === "cdata";
    const endMark = cdata ? "]]>" : "-->";
    const close = s.indexOf(endMark, this.pos);
    if (close < 0) {
      const upto = Math.max(this.pos, s.length - 2);
      this.spanPart(this.pos, upto, false);
      this.pos = upto;
      throw MORE;
    }
    this.spanPart(this.pos, close, true);
    this.pos = close + 3;
    this.setLine(close + 2);
    this.spanning = null;
  }
  spanPart(from, to, last) {
    this.spanChars += to - from;
    if (this.spanChars > this.limits.maxTextChars) this.overLimit();
    const s = this.buf;
    if (this.spanning === "comment") {
      const dd = s.indexOf("--", from);
      if (dd >= 0 && dd < to) this.fail("double dash in comment", dd);
      if (last && to > from && s.charCodeAt(to - 1) === 45) this.fail("double dash in comment", to - 1);
      return;
    }
    if (this.wantText && to > from) this.handler.text(s.slice(from, to));
  }
  pi(lt) {
    const s = this.buf;
    const close = s.indexOf("?>", lt + 2);
    if (close < 0) throw MORE;
    const nameEnd = this.nameEnd(lt + 2);
    const target = s.slice(lt + 2, nameEnd);
    if (target.toLowerCase() === "xml") {
      if (target !== "xml" || this.started) this.fail("XML declaration allowed only at the start", lt);
      if (!XML_DECL.test(s.slice(lt, close + 2))) this.fail("malformed XML declaration", lt);
    } else if (nameEnd < close && !isWs(s.charCodeAt(nameEnd))) this.fail("invalid processing instruction", lt);
    this.started = true;
    this.pos = close + 2;
    this.setLine(close + 1);
  }
  /** Counts newlines in buf up to `to` (monotonic within one buffer). */
  countTo(to) {
    const s = this.buf;
    let i = this.countedTo;
    let n = this.countedLines;
    for (; ; ) {
      const nl = s.indexOf("\n", i);
      if (nl < 0 || nl >= to) break;
      n += 1;
      this.lastNl = nl;
      i = nl + 1;
    }
    this.countedLines = n;
    this.countedTo = Math.max(to, i);
  }
  setLine(at) {
    this.countTo(at);
    this.line = this.linesBefore + this.countedLines + 1;
    this.column = at - this.lastNl;
  }
  failAt = (message, at) => this.fail(message, at);
  fail(message, at, limit = false) {
    this.setLine(Math.min(at, this.buf.length));
    throw new ScanError(message, this.line, this.column, limit);
  }
};

// ../packages/regressions/src/junit/status-attribute.ts
var SKIP_STATUS = /* @__PURE__ */ new Set(["skipped", "skip", "disabled", "notrun", "not_run", "ignored", "pending", "todo"]);
var FAIL_STATUS = /* @__PURE__ */ new Set(["failed", "failure", "fail"]);
var ERROR_STATUS = /* @__PURE__ */ new Set(["error", "errored"]);
function statusFromAttribute(value) {
  const status = value.toLowerCase();
  if (SKIP_STATUS.has(status)) return "skipped";
  if (FAIL_STATUS.has(status)) return "failed";
  if (ERROR_STATUS.has(status)) return "error";
  return null;
}

// ../packages/regressions/src/junit/surefire.ts
var RERUN_KINDS = ["flakyFailure", "flakyError", "rerunFailure", "rerunError"];
function rerunStatus(kind) {
  return kind === "flakyError" || kind === "rerunError" ? "error" : "failed";
}
function inRunOrder(flaky, main, reruns) {
  if (!flaky && !reruns) return [main];
  return [...flaky ?? [], main, ...reruns ?? []];
}

// ../packages/regressions/src/junit/attempts.ts
var CAPTURE_KINDS = /* @__PURE__ */ new Set(["failure", "error", "skipped", ...RERUN_KINDS]);
var AttemptBuilder = class {
  constructor(file, failureLines, lineWidth) {
    this.file = file;
    this.failureLines = failureLines;
    this.lineWidth = lineWidth;
  }
  file;
  failureLines;
  lineWidth;
  /** The attempts of a testcase, in the order they ran. */
  attempts(captures, statusAttribute, durationMs, line) {
    if (captures === null && statusAttribute === null) {
      return [
        {
          status: "passed",
          durationMs,
          message: null,
          firstLines: NO_LINES,
          report: this.file,
          reportLine: line,
          origin: "result"
        }
      ];
    }
    let primary = null;
    let primaryStatus = "passed";
    let flaky = null;
    let reruns = null;
    for (const cap of captures ?? []) {
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
          flaky.push(this.attemptFrom(cap, rerunStatus(cap.kind), null, line, "rerun"));
          break;
        case "rerunFailure":
        case "rerunError":
          reruns ??= [];
          reruns.push(this.attemptFrom(cap, rerunStatus(cap.kind), null, line, "rerun"));
          break;
      }
    }
    if (primaryStatus === "passed" && statusAttribute) {
      primaryStatus = statusFromAttribute(statusAttribute) ?? primaryStatus;
    }
    const main = primary ? this.attemptFrom(primary, primaryStatus, durationMs, line, "result") : {
      status: primaryStatus,
      durationMs,
      message: null,
      firstLines: NO_LINES,
      report: this.file,
      reportLine: line,
      origin: "result"
    };
    if (primaryStatus === "skipped") main.firstLines = NO_LINES;
    return inRunOrder(flaky, main, reruns);
  }
  /** A failure line or message cut to `lineWidth` characters. */
  cap(text2) {
    return text2.length > this.lineWidth ? `${text2.slice(0, this.lineWidth - 1)}\u2026` : text2;
  }
  attemptFrom(cap, status, durationMs, line, origin) {
    const firstLines = this.firstLines(cap.text);
    return {
      status,
      durationMs,
      message: cap.message ?? firstLines[0] ?? null,
      firstLines,
      report: this.file,
      reportLine: line,
      origin
    };
  }
  firstLines(text2) {
    if (text2.length === 0) return [];
    const lines = text2.split(/\r?\n|\r/);
    let start = 0;
    while (start < lines.length && lines[start].trim() === "") start += 1;
    const out = [];
    for (let i = start; i < lines.length && out.length < this.failureLines; i += 1) {
      out.push(detach(this.cap(lines[i].trimEnd())));
    }
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out.length === 0 ? NO_LINES : out;
  }
};

// ../packages/regressions/src/junit/mocha.ts
function mochaSuitePrefix(name, classname) {
  if (!classname || name.length <= classname.length || !name.endsWith(` ${classname}`)) return null;
  return name.slice(0, name.length - classname.length - 1);
}

// ../packages/regressions/src/junit/node-test.ts
function nodeTestClassname(classname, suites) {
  if (classname === null) return null;
  if (classname === "test") return null;
  if (suites.length > 0 && classname === suites.join(".")) return null;
  return classname;
}

// ../packages/regressions/src/junit/placed-errors.ts
var PlacedErrors = class {
  constructor(file, scanner) {
    this.file = file;
    this.scanner = scanner;
  }
  file;
  scanner;
  doctypeRefused() {
    return this.coded(
      RegressionErrorCodes.JUNIT_DOCTYPE_REFUSED,
      "has a <!DOCTYPE> declaration, which is refused",
      "Test reports never need a DTD; a DOCTYPE can smuggle external entities (XXE). Remove it from the reporter's output."
    );
  }
  limit(what) {
    return this.coded(
      RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
      what,
      "Raise the parser limit (limits option) if this report is trustworthy, or trim the reporter's captured output."
    );
  }
  /** A `ScanError` as JUNIT_MALFORMED or REPORT_LIMIT_EXCEEDED; anything else as it is. */
  translate(error2) {
    if (error2 instanceof CodexrelError || error2 instanceof NotJunitSignal) return error2;
    if (!(error2 instanceof ScanError)) return error2;
    if (error2.limit) return this.limit(error2.message);
    const message = error2.message;
    return this.coded(
      RegressionErrorCodes.JUNIT_MALFORMED,
      `is not well-formed XML: ${message}`,
      "The report is truncated or corrupt: re-run the tests, or check that the reporter finished writing before this step.",
      error2
    );
  }
  coded(code, what, hint, cause) {
    const line = this.scanner.line;
    const column = this.scanner.column;
    return new CodexrelError(code, `${this.file}:${line}:${column}: ${what}`, {
      hint,
      ...cause === void 0 ? {} : { cause },
      details: { file: this.file, line, column }
    });
  }
};

// ../packages/regressions/src/junit/roots.ts
var OTHER_FORMATS = {
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
  coverage: "a coverage report"
};
function notJunitRoot(name) {
  const other = OTHER_FORMATS[name];
  return new NotJunitSignal(
    other ? SkipCodes.REPORT_OTHER_FORMAT : SkipCodes.REPORT_UNRECOGNIZED,
    other ? `root element <${name}>: ${other}, not JUnit XML` : `root element <${name}> is not <testsuites> or <testsuite>`
  );
}

// ../packages/regressions/src/junit/parser.ts
var MAX_CAPTURE_CHARS = 32 * 1024;
var JunitStreamParser = class {
  constructor(file, options = {}, dialect) {
    this.file = file;
    this.nodeTest = dialect === "node-test";
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
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
        }
      },
      this.limits
    );
    this.errors = new PlacedErrors(file, this.scanner);
  }
  file;
  cases = [];
  warnings = [];
  caseCount = 0;
  declaredTests = null;
  scanner;
  limits;
  identity;
  idEndsWithName;
  attemptsOf;
  errors;
  swapMocha;
  nodeTest;
  onCase;
  internPool = /* @__PURE__ */ new Map();
  depth = 0;
  sawRoot = false;
  suites = [];
  current = null;
  capture = null;
  /** Feeds decoded text. Throws a CodexrelError or a NotJunitSignal. */
  write(text2) {
    try {
      this.scanner.write(text2);
    } catch (error2) {
      throw this.errors.translate(error2);
    }
  }
  /** Newlines in the text written so far: places a decoding error found before the scanner saw it. */
  linesWritten() {
    return this.scanner.linesWritten();
  }
  /** Ends the document: a truncated file fails here. */
  close() {
    try {
      this.scanner.close();
    } catch (error2) {
      throw this.errors.translate(error2);
    }
    if (!this.sawRoot) {
      throw new NotJunitSignal(SkipCodes.REPORT_UNRECOGNIZED, "no root element");
    }
    return {
      cases: this.cases,
      caseCount: this.caseCount,
      declaredTests: this.declaredTests,
      warnings: this.warnings
    };
  }
  /** The last value interned per kind: consecutive testcases mostly repeat their classname and file. */
  lastInterned = ["", "", ""];
  /**
   * Shares repeated values (classnames, files, suite paths) and detaches them from parser chunks.
   * `kind` keeps one last-value slot per kind of value, so a classname and a file read in turn do
   * not evict each other and fall through to a hash lookup on every testcase.
   */
  intern(value, kind = 2) {
    const last = this.lastInterned[kind];
    if (value === last) return last;
    let hit = this.internPool.get(value);
    if (hit === void 0) {
      hit = detach(value);
      if (this.internPool.size < 1e5) this.internPool.set(hit, hit);
    }
    this.lastInterned[kind] = hit;
    return hit;
  }
  onOpen(name, attrs) {
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
          kind: name,
          message: message ? detach(this.attemptsOf.cap(message)) : null,
          text: "",
          depth: this.depth,
          muted: 0
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
  onClose(tagName) {
    const depth = this.depth;
    this.depth -= 1;
    const capture = this.capture;
    if (capture) {
      if (depth === capture.depth) {
        this.textOff();
        const current2 = this.current;
        if (current2) {
          if (current2.captures) current2.captures.push(capture);
          else current2.captures = [capture];
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
  openSuite(attrs) {
    const parent = this.suites[this.suites.length - 1];
    if (!parent) {
      const tests = attr(attrs, "tests");
      const declared = tests === void 0 ? Number.NaN : Number(tests);
      if (Number.isFinite(declared)) this.declaredTests = (this.declaredTests ?? 0) + declared;
    }
    const suiteName = attr(attrs, "name");
    const suiteFile = attr(attrs, "file");
    const name = suiteName ? this.intern(capField(suiteName)) : null;
    this.suites.push({
      name,
      file: suiteFile ? this.intern(capField(suiteFile)) : parent?.file ?? null,
      depth: this.depth,
      unnamed: 0
    });
  }
  openCase(attrs) {
    let name;
    let classname;
    let klass;
    let lineText;
    let own;
    let time;
    let status;
    let result;
    for (let i = 0; i < attrs.length; i += 2) {
      const v = attrs[i + 1];
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
    if (name !== void 0 && name.length > 1024) name = capField(name);
    if (classname !== void 0 && classname.length > 1024) classname = capField(classname);
    const line = lineText === void 0 ? Number.NaN : Number(lineText);
    const inherited = this.suites[this.suites.length - 1]?.file ?? null;
    const file = own === void 0 ? inherited : own ? this.intern(capField(own), 1) : null;
    const classIsName = classname !== void 0 && classname !== "" && classname === name;
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
      depth: this.depth
    };
  }
  finishCase(c) {
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
        name = classname;
        classname = this.intern(prefix, 0);
      }
    }
    if (this.nodeTest) classname = nodeTestClassname(classname, this.suiteNames());
    const suite = this.suitePath();
    const id = this.identity({ suite, classname, name, file: c.file });
    const view2 = name.length >= 13 && (this.idEndsWithName || id.endsWith(name));
    const kept = view2 ? id.slice(id.length - name.length) : detach(name);
    if (c.classIsName && classname === name) classname = kept;
    let test;
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
        attempts: this.attemptsOf.attempts(c.captures, c.status, c.durationMs, c.reportLine)
      };
    }
    this.caseCount += 1;
    this.onCase(test);
  }
  suitePathCache = { key: void 0, len: -1, value: null };
  suiteNames() {
    return this.suites.flatMap((s) => s.name ? [s.name] : []);
  }
  suitePath() {
    const top = this.suites[this.suites.length - 1];
    const cache = this.suitePathCache;
    if (cache.key === top && cache.len === this.suites.length) return cache.value;
    const names = this.suiteNames();
    const value = names.length === 0 ? null : this.intern(names.join(" \u203A "));
    this.suitePathCache = { key: top, len: this.suites.length, value };
    return value;
  }
  onText = (text2) => {
    const capture = this.capture;
    if (!capture || capture.muted > 0 || capture.text.length >= MAX_CAPTURE_CHARS) return;
    capture.text += text2.length > MAX_CAPTURE_CHARS ? text2.slice(0, MAX_CAPTURE_CHARS) : text2;
  };
  textOn() {
    this.scanner.wantText = true;
  }
  textOff() {
    this.scanner.wantText = false;
  }
  warned = /* @__PURE__ */ new Set();
  warnOnce(message) {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(`${this.file}: ${message}`);
  }
};

// ../packages/regressions/src/ctrf.ts
var STATUS = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  pending: "skipped",
  other: "skipped"
};
function parseCtrf(file, text2, options = {}) {
  let doc;
  try {
    doc = JSON.parse(text2);
  } catch (error2) {
    if (isJsonLines(text2)) {
      throw new NotJunitSignal(
        SkipCodes.REPORT_UNRECOGNIZED,
        "newline-delimited JSON (e.g. go test -json, dart --reporter json): not a CTRF report"
      );
    }
    const message = error2 instanceof Error ? error2.message : String(error2);
    throw new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: is not valid JSON: ${message}`, {
      hint: "The report is truncated or corrupt: re-run the tests, or check the reporter's output path.",
      cause: error2,
      details: { file }
    });
  }
  const results = doc?.results;
  if (!results || typeof results !== "object" || !("tests" in results)) {
    throw new NotJunitSignal(SkipCodes.REPORT_UNRECOGNIZED, "JSON without results.tests: not a CTRF report");
  }
  if (!Array.isArray(results.tests)) throw malformed(file, "results.tests is not an array");
  const identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
  const failureLines = options.failureLines ?? 20;
  const width = options.lineWidth ?? 500;
  const cap = (s) => s.length > width ? `${s.slice(0, width - 1)}\u2026` : s;
  const warnings = [];
  const cases = [];
  const declaredTests = checkCtrfSummary(file, results.summary);
  results.tests.forEach((raw, index) => {
    if (!raw || typeof raw !== "object") throw malformed(file, `results.tests[${index}] is not an object`);
    const t = raw;
    if (typeof t.name !== "string") throw malformed(file, `results.tests[${index}].name is not a string`);
    const status = typeof t.status === "string" ? STATUS[t.status] : void 0;
    if (!status)
      throw malformed(file, `results.tests[${index}].status ${JSON.stringify(t.status)} is not a CTRF status`);
    const suite = Array.isArray(t.suite) ? t.suite.filter((s) => typeof s === "string").join(" \u203A ") || null : typeof t.suite === "string" && t.suite !== "" ? t.suite : null;
    const lines = (message, trace) => {
      const body = typeof trace === "string" && trace.trim() !== "" ? trace : typeof message === "string" ? message : "";
      const firstLines = body.split(/\r?\n/).filter((l, i, all) => i > 0 || l.trim() !== "" || all.length === 1).slice(0, failureLines).map((l) => cap(l.trimEnd()));
      return {
        message: typeof message === "string" && message !== "" ? cap(message.split(/\r?\n/, 1)[0] ?? "") : firstLines[0] ?? null,
        firstLines: status === "skipped" ? [] : firstLines
      };
    };
    const at = (field) => ctrfPath(index, t.name, field);
    const durationMs = ctrfDuration(file, at("duration"), t.duration, t.name);
    const retries = ctrfCount(file, at("retries"), t.retries, MAX_CTRF_RETRIES, t.name) ?? 0;
    const attempts = [];
    if (Array.isArray(t.retryAttempts)) {
      ctrfCount(file, at("retryAttempts.length"), t.retryAttempts.length, MAX_CTRF_RETRIES, t.name);
      for (const [k, r] of t.retryAttempts.entries()) {
        const rs = typeof r?.status === "string" ? STATUS[r.status] : void 0;
        if (!rs) continue;
        attempts.push({
          status: rs,
          durationMs: ctrfDuration(file, at(`retryAttempts[${k}].duration`), r.duration, t.name),
          ...lines(r.message, r.trace),
          report: file,
          reportLine: null,
          origin: "retry"
        });
      }
    } else if (retries > 0 && t.flaky === true && status === "passed") {
      for (let i = 0; i < retries; i += 1)
        attempts.push({
          status: "failed",
          durationMs: null,
          message: null,
          firstLines: NO_LINES,
          report: file,
          reportLine: null,
          origin: "retry"
        });
    }
    const last = attempts[attempts.length - 1];
    const finalIncluded = last !== void 0 && last.status === status && last.origin === "retry" && Array.isArray(t.retryAttempts);
    if (!finalIncluded) {
      attempts.push({
        status,
        durationMs,
        ...lines(t.message, t.trace),
        report: file,
        reportLine: null,
        origin: "result"
      });
    }
    const line = typeof t.line === "number" && Number.isInteger(t.line) && t.line >= 1 ? t.line : null;
    const test = {
      id: "",
      name: t.name,
      classname: null,
      suite,
      file: typeof t.filePath === "string" && t.filePath !== "" ? t.filePath : null,
      line,
      attempts
    };
    test.id = identity(test);
    cases.push(test);
  });
  return { cases, declaredTests, warnings };
}
function malformed(file, what) {
  return new CodexrelError(RegressionErrorCodes.CTRF_MALFORMED, `${file}: ${what}`, {
    hint: "Check the file against the CTRF schema (https://ctrf.io).",
    details: { file }
  });
}
function isJsonLines(text2) {
  const lines = text2.split(/\r?\n/, 3).filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  try {
    for (const l of lines) JSON.parse(l);
    return true;
  } catch {
    return false;
  }
}

// ../packages/regressions/src/dialect.ts
var import_saxes = __toESM(require_saxes(), 1);
var REPEAT_MEANING = {
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
  junit: "separate"
};
var GRADLE_SUITE = "name,tests,skipped,failures,errors,timestamp,hostname,time";
var PYTEST_SUITE = "name,errors,failures,skipped,tests,time,timestamp,hostname";
var JEST_SUITE = "name,errors,failures,skipped,timestamp,time,tests";
var GOTESTSUM_SUITE = "tests,failures,time,name,timestamp";
var PLAYWRIGHT_ROOT = "id,name,tests,failures,skipped,errors,time";
var SUREFIRE_SUITE = "name,time,tests,errors,skipped,failures";
var NODE_SUITE = "name,time,disabled,errors,tests,failures,skipped,hostname";
var NODE_24_SUITE = "name,time,disabled,errors,tests,failures,skipped,timestamp,hostname";
function detectDialect(head) {
  return dialectOf(readPrelude(head));
}
function readPrelude(head) {
  const prelude = { root: null, suite: null, firstCase: null, properties: [] };
  const start = head.indexOf("<testcase");
  const close = start === -1 ? -1 : head.indexOf(">", start);
  const text2 = start === -1 ? head : close === -1 ? head.slice(0, start) : head.slice(0, close + 1);
  const parser = new import_saxes.SaxesParser({ xmlns: false });
  let done = false;
  parser.on("opentag", (tag) => {
    if (done) return;
    const attrs = tag.attributes;
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
    parser.write(text2);
  } catch {
  }
  return prelude;
}
function dialectOf({ root, suite, firstCase, properties }) {
  const rootName = root?.name === "testsuites" ? root.attrs.name : void 0;
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
function isNodeTest(root, suiteKeys, firstCase) {
  if (root?.name !== "testsuites" || Object.keys(root.attrs).length > 0) return false;
  if (suiteKeys === NODE_SUITE || suiteKeys === NODE_24_SUITE) return true;
  return firstCase !== null && Object.keys(firstCase).slice(0, 3).join(",") === "name,time,classname";
}
function isOldPytest(suite) {
  if (!suite) return false;
  const keys = Object.keys(suite);
  if (!keys.includes("name") || !keys.includes("errors") || !keys.includes("failures") || !keys.includes("tests"))
    return false;
  if (!keys.includes("skips") && !keys.includes("skipped")) return false;
  for (let i = 1; i < keys.length; i += 1) if (keys[i - 1] > keys[i]) return false;
  return true;
}

// ../packages/regressions/src/source.ts
import { open } from "node:fs/promises";
import { TextDecoder } from "node:util";
var DEFAULT_CHUNK_BYTES = 64 * 1024;
function fileSource(path, name = path, chunkBytes = DEFAULT_CHUNK_BYTES) {
  return {
    name,
    async *chunks() {
      const handle = await open(path, "r");
      const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
      let turn = 0;
      let pending = handle.read(buffers[0], 0, chunkBytes, null);
      try {
        for (; ; ) {
          const { bytesRead, buffer } = await pending;
          if (bytesRead === 0) return;
          turn ^= 1;
          pending = handle.read(buffers[turn], 0, chunkBytes, null);
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await pending.catch(() => void 0);
        await handle.close();
      }
    }
  };
}
function sniffEncoding(head) {
  if (head[0] === 239 && head[1] === 187 && head[2] === 191) return { encoding: "utf-8" };
  if (head[0] === 255 && head[1] === 254) return { encoding: "utf-16le" };
  if (head[0] === 254 && head[1] === 255) return { encoding: "utf-16be" };
  const prolog = latin1(head.subarray(0, 256));
  const decl = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog);
  const label = decl?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return { encoding: "utf-8" };
  try {
    new TextDecoder(label);
    return { encoding: label };
  } catch {
    return { encoding: "utf-8", warning: `unknown encoding "${label}" declared; read as UTF-8` };
  }
}
function latin1(bytes) {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
var DecodeError = class extends Error {
  constructor(encoding, linesBefore) {
    super(`invalid ${encoding} byte sequence`);
    this.encoding = encoding;
    this.linesBefore = linesBefore;
  }
  encoding;
  linesBefore;
};
async function* decode(source, onWarning = () => {
}) {
  let decoder;
  let encoding = "utf-8";
  let carry = new Uint8Array(0);
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    if (!decoder) {
      const sniffed = sniffEncoding(chunk);
      if (sniffed.warning) onWarning(sniffed.warning);
      encoding = sniffed.encoding;
      decoder = new TextDecoder(encoding, { fatal: true });
    }
    let text2;
    try {
      text2 = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DecodeError(encoding, encoding === "utf-8" ? linesBeforeInvalid(carry, chunk) : 0);
    }
    if (encoding === "utf-8") carry = unfinishedTail(chunk);
    if (text2.length > 0) yield text2;
  }
  if (decoder) {
    let rest;
    try {
      rest = decoder.decode();
    } catch {
      throw new DecodeError(encoding, 0);
    }
    if (rest.length > 0) yield rest;
  }
}
function unfinishedTail(chunk) {
  const n = chunk.length;
  for (let back = 1; back <= 3 && back <= n; back += 1) {
    const b = chunk[n - back];
    if ((b & 192) === 128) continue;
    const need = b >= 240 ? 4 : b >= 224 ? 3 : b >= 192 ? 2 : 1;
    return need > back ? chunk.slice(n - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}
function linesBeforeInvalid(carry, chunk) {
  const bytes = new Uint8Array(carry.length + chunk.length);
  bytes.set(carry);
  bytes.set(chunk, carry.length);
  let i = 0;
  let lines = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      if (b === 10) lines += 1;
      i += 1;
      continue;
    }
    const need = b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    if (need === 0) break;
    if (i + need > bytes.length) break;
    let valid = true;
    for (let k = 1; k < need; k += 1) if ((bytes[i + k] & 192) !== 128) valid = false;
    const b1 = bytes[i + 1];
    if (b === 224 && b1 < 160) valid = false;
    if (b === 237 && b1 >= 160) valid = false;
    if (b === 240 && b1 < 144) valid = false;
    if (b === 244 && b1 >= 144) valid = false;
    if (!valid) break;
    i += need;
  }
  return lines;
}

// ../packages/regressions/src/parse.ts
async function parseReportFile(path, options = {}, name = path) {
  return parseReport(fileSource(path, name), options);
}
async function parseReport(source, options = {}) {
  const file = source.name;
  const warnings = [];
  const identity = typeof options.identity === "function" ? options.identity : createIdentity(options.identity);
  const opts = { ...options, identity };
  let kind;
  let junit;
  let dialect = "junit";
  let json = "";
  const maxJson = options.maxJsonChars ?? 256 * 1024 * 1024;
  let firstText = "";
  try {
    for await (const text2 of decode(readChunks(source), (w) => warnings.push(`${file}: ${w}`))) {
      if (kind === void 0) {
        firstText += text2;
        const trimmed = firstText.replace(/^[\s\uFEFF]+/, "");
        if (trimmed.length === 0) continue;
        const c = trimmed[0];
        kind = c === "<" ? "xml" : c === "{" || c === "[" ? "json" : "other";
        if (kind === "xml") {
          const head = firstText.replace(/^\uFEFF/, "");
          dialect = detectDialect(head);
          options.onDialect?.(dialect);
          junit = new JunitStreamParser(file, opts, dialect);
          junit.write(head);
        } else if (kind === "json") {
          json = firstText;
        } else {
          return notAReport(file, trimmed);
        }
        continue;
      }
      if (junit) junit.write(text2);
      else {
        json += text2;
        if (json.length > maxJson) {
          throw new CodexrelError(
            RegressionErrorCodes.REPORT_LIMIT_EXCEEDED,
            `${file}: JSON report over ${maxJson} characters`,
            {
              hint: "Raise maxJsonChars if this report is trustworthy.",
              details: { file }
            }
          );
        }
      }
    }
    if (kind === void 0) {
      return { kind: "skipped", skipped: { file, code: SkipCodes.REPORT_EMPTY, reason: "the file is empty" } };
    }
    if (junit) {
      const result2 = junit.close();
      return {
        kind: "report",
        report: {
          file,
          format: "junit",
          dialect,
          cases: result2.cases,
          caseCount: result2.caseCount,
          declaredTests: result2.declaredTests,
          warnings: [...warnings, ...result2.warnings]
        }
      };
    }
    const result = parseCtrf(file, json, opts);
    const onCase = options.onCase;
    options.onDialect?.("ctrf");
    if (onCase) for (const test of result.cases) onCase(test);
    return {
      kind: "report",
      report: {
        file,
        format: "ctrf",
        dialect: "ctrf",
        cases: onCase ? [] : result.cases,
        caseCount: result.cases.length,
        declaredTests: result.declaredTests,
        warnings: [...warnings, ...result.warnings]
      }
    };
  } catch (error2) {
    if (error2 instanceof DecodeError) {
      const before = junit ? junit.linesWritten() : countLines(kind === void 0 ? firstText : json);
      const line = before + error2.linesBefore + 1;
      const xml = kind !== "json";
      throw new CodexrelError(
        xml ? RegressionErrorCodes.JUNIT_MALFORMED : RegressionErrorCodes.CTRF_MALFORMED,
        `${file}:${line}: is not valid ${error2.encoding}: ${error2.message} (bytes are never replaced, so two different names cannot merge into one test)`,
        {
          hint: "The reporter wrote bytes that are not in the file's encoding: fix its output encoding, or declare the real one in the XML declaration.",
          cause: error2,
          details: { file, line }
        }
      );
    }
    if (error2 instanceof NotJunitSignal)
      return { kind: "skipped", skipped: { file, code: error2.code, reason: error2.reason } };
    throw error2;
  }
}
function countLines(text2) {
  let n = 0;
  for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1)) n += 1;
  return n;
}
async function* readChunks(source) {
  try {
    yield* source.chunks();
  } catch (error2) {
    if (error2 instanceof CodexrelError) throw error2;
    const code = error2?.code;
    throw new CodexrelError(
      RegressionErrorCodes.REPORT_READ_FAILED,
      `${source.name}: cannot be read${code ? ` (${code})` : ""}`,
      {
        hint: "Check the path and that the test step wrote its report before this step ran.",
        cause: error2,
        details: { file: source.name }
      }
    );
  }
}
function notAReport(file, start) {
  const lower = file.toLowerCase();
  if (lower.endsWith(".xml")) {
    throw new CodexrelError(
      RegressionErrorCodes.JUNIT_MALFORMED,
      `${file}:1:1: is not XML (starts with ${JSON.stringify(start.slice(0, 20))})`,
      {
        hint: "The report is corrupt or was overwritten with other output; re-run the tests.",
        details: { file, line: 1, column: 1 }
      }
    );
  }
  if (lower.endsWith(".json")) {
    throw new CodexrelError(
      RegressionErrorCodes.CTRF_MALFORMED,
      `${file}: is not JSON (starts with ${JSON.stringify(start.slice(0, 20))})`,
      {
        hint: "The report is corrupt or was overwritten with other output; re-run the tests.",
        details: { file, line: 1, column: 1 }
      }
    );
  }
  return { kind: "skipped", skipped: { file, code: SkipCodes.REPORT_UNRECOGNIZED, reason: "neither XML nor JSON" } };
}

// ../packages/regressions/src/repeats.ts
var REPEATED_OPTIONS = ["auto", "attempts", "repetitions", "separate"];
var RepeatTracker = class {
  constructor(option = "auto") {
    this.option = option;
    this.meaning = meaningFor(option, this.dialect);
  }
  option;
  dialect = "junit";
  meaning;
  /** Next ordinal per id that repeated as separate tests (only ids that did repeat). */
  ordinals = /* @__PURE__ */ new Map();
  /** Repeats per (meaning, dialect), and one example id per key, for the run's warnings. */
  tally = /* @__PURE__ */ new Map();
  /** The dialect of the report whose testcases come next. */
  beginReport(dialect) {
    this.dialect = dialect ?? "junit";
    this.meaning = meaningFor(this.option, this.dialect);
  }
  /**
   * Called for each testcase before it is stored: null when it is a new test (its id may have been
   * given an ordinal), else how to merge it into the test already seen with its id.
   */
  resolve(test, seen) {
    if (!seen(test.id)) return null;
    const meaning = this.meaning;
    this.count(meaning, test.id);
    if (meaning !== "separate") return meaning;
    const base = test.id;
    let n = this.ordinals.get(base) ?? 2;
    while (seen(`${base} [#${n}]`)) n += 1;
    this.ordinals.set(base, n + 1);
    test.id = `${base} [#${n}]`;
    test.ordinal = n;
    return null;
  }
  count(meaning, id) {
    const key = `${meaning}\0${this.dialect}`;
    const entry = this.tally.get(key);
    if (entry) entry.count += 1;
    else this.tally.set(key, { meaning, dialect: this.dialect, count: 1, example: id });
  }
  /** One line per kind of repeat seen, saying how it was read and how to read it otherwise. */
  warnings(label) {
    const out = [];
    for (const { meaning, dialect, count, example } of this.tally.values()) {
      const from = this.option === "auto" ? `${dialect} report(s)` : `--repeated ${this.option}`;
      if (meaning === "separate") {
        out.push(
          `${label}: ${count} repeated testcase(s) (${from}) read as separate tests, numbered by position: "${example}" and "${example} [#2]"; pass repeated "attempts" (--repeated attempts) if your runner repeats a testcase to retry it`
        );
      } else if (meaning === "reruns") {
        out.push(
          `${label}: ${count} repeated testcase(s) (${from}) read as reruns: each record before a test's last one is a failed attempt (e.g. "${example}")`
        );
      } else {
        const as = this.option === "repetitions" ? "deliberate repetitions" : "retry attempts";
        out.push(`${label}: ${count} repeated testcase(s) (${from}) read as ${as} (e.g. "${example}")`);
      }
    }
    return out;
  }
};
function meaningFor(option, dialect) {
  if (option === "auto") return REPEAT_MEANING[dialect];
  if (option === "separate") return "separate";
  return "attempts";
}

// ../packages/regressions/src/runs.ts
var REPORT_GLOB = "**/*.{xml,json}";
var IGNORE = ["**/node_modules/**", "**/.git/**"];
async function resolveInputs(patterns, cwd2 = process.cwd()) {
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  const unmatched = [];
  const add = (paths) => {
    for (const p of paths.sort()) {
      if (seen.has(p)) continue;
      seen.add(p);
      files.push(p);
    }
  };
  for (const pattern of patterns) {
    const abs = isAbsolute2(pattern) ? pattern : resolve3(cwd2, pattern);
    const info2 = await stat2(abs).catch(() => null);
    if (info2?.isFile()) {
      add([abs]);
      continue;
    }
    const found = info2?.isDirectory() ? await glob(REPORT_GLOB, { cwd: abs, absolute: true, ignore: IGNORE, dot: false }) : await glob(pattern, { cwd: cwd2, absolute: true, ignore: IGNORE, dot: false });
    const onlyFiles = [];
    for (const f of found) if ((await stat2(f).catch(() => null))?.isFile()) onlyFiles.push(f);
    if (onlyFiles.length === 0) unmatched.push(pattern);
    add(onlyFiles);
  }
  return { files, unmatched };
}
async function loadRun(patterns, options) {
  return loadInto(patterns, options, new RunBuilder({ label: options.label, repeated: options.repeated ?? "auto" }));
}
async function loadInto(patterns, options, run) {
  const cwd2 = options.cwd ?? process.cwd();
  const { files, unmatched } = await resolveInputs(patterns, cwd2);
  const skipped = [];
  for (const p of unmatched) run.warn(`${options.label}: ${JSON.stringify(p)} matched no file`);
  const whole = options.onMalformed === "warn";
  const parseOptions = whole ? options : { ...options, onDialect: (dialect) => run.beginReport(dialect), onCase: (test) => run.addTest(test) };
  for (const abs of files) {
    const name = displayPath(abs, cwd2);
    try {
      const outcome = await parseReportFile(abs, parseOptions, name);
      if (outcome.kind === "report") run.addReport(outcome.report);
      else skipped.push(outcome.skipped);
    } catch (error2) {
      if (whole && error2 instanceof CodexrelError && error2.code !== ErrorCodes.INTERNAL) {
        run.warn(`${options.label}: ${error2.code}: ${error2.message}`);
        continue;
      }
      throw error2;
    }
  }
  return run.finish(skipped);
}
var RunBuilder = class {
  constructor(options) {
    this.options = options;
    this.warnings = [...options.warnings ?? []];
    this.repeats = new RepeatTracker(options.repeated ?? "auto");
  }
  options;
  tests = /* @__PURE__ */ new Map();
  files = [];
  warnings;
  repeats;
  seen = (id) => this.has(id);
  /** The dialect of the report whose tests come next (see `repeats.ts`). */
  beginReport(dialect) {
    this.repeats.beginReport(dialect);
  }
  addTest(test) {
    const how = this.repeats.resolve(test, this.seen);
    if (how === null) this.keep(test);
    else this.merge(test, how);
  }
  /** Whether this run already has a test with this id. */
  has(id) {
    return this.tests.has(id);
  }
  /** A test seen for the first time. */
  keep(test) {
    this.tests.set(test.id, test);
  }
  /** A repeat that is another attempt (or a rerun) of the test already kept under its id. */
  merge(test, how) {
    const first = this.tests.get(test.id);
    if (how === "reruns") {
      const earlier = first.attempts;
      for (let k = 0; k < earlier.length; k += 1) {
        const a = earlier[k];
        if (a.status === "passed") earlier[k] = { ...a, status: "failed", origin: "rerun" };
      }
    }
    for (const a of test.attempts) first.attempts.push(a.origin === "result" ? { ...a, origin: "repeat" } : a);
    if (first.file === null && test.file !== null) first.file = test.file;
    if (first.line === null && test.line !== null) first.line = test.line;
  }
  /** A parsed report: its tests (unless the parser already handed them over), warnings and file. */
  addReport(report2) {
    this.files.push(report2.file);
    this.warnings.push(...report2.warnings);
    if (report2.caseCount === 0 && report2.declaredTests && report2.declaredTests > 0) {
      this.warnings.push(`${report2.file}: declares ${report2.declaredTests} test(s) but lists no testcase`);
    }
    if (report2.cases.length > 0) this.beginReport(report2.dialect);
    for (const test of report2.cases) this.addTest(test);
  }
  warn(message) {
    this.warnings.push(message);
  }
  finish(skipped) {
    const warnings = this.warnings;
    for (const s of skipped) warnings.push(`skipped ${s.file}: ${s.reason} (${s.code})`);
    warnings.push(...this.repeats.warnings(this.options.label));
    const repeated = this.options.repeated === "repetitions" ? "repetitions" : "attempts";
    return { label: this.options.label, tests: this.tests, files: this.files, skipped, warnings, repeated };
  }
};
function displayPath(abs, cwd2) {
  const rel = relative2(cwd2, abs);
  return rel === "" || rel.startsWith("..") || isAbsolute2(rel) ? abs : rel.split("\\").join("/");
}

// ../packages/regressions/src/baseline.ts
var asBefore = (bits) => bits;
var PASSED = 1;
var FAILED = 2;
var FAILED_RESULT = 4;
var SEEN = 8;
function attemptBits(attempts) {
  let bits = 0;
  for (const a of attempts) {
    if (a.status === "passed") bits |= PASSED;
    else if (a.status === "failed" || a.status === "error") {
      bits |= FAILED;
      if (a.origin === "result" || a.origin === "repeat") bits |= FAILED_RESULT;
    }
  }
  return bits;
}
function outcomeOfBits(bits, repetitions) {
  if ((bits & FAILED) === 0) return bits & PASSED ? "pass" : "skip";
  if ((bits & PASSED) === 0) return "fail";
  if (repetitions && bits & FAILED_RESULT) return "fail";
  return "flaky";
}
function outcomeOf(attempts, repetitions = false) {
  return outcomeOfBits(attemptBits(attempts), repetitions);
}
function outcomeLookup(bits, repetitions) {
  return (id) => {
    const b = bits.get(id);
    return b === void 0 ? "absent" : outcomeOfBits(b, repetitions(id));
  };
}
function baselineFromRuns(runs, candidateHas) {
  const withTests = runs.filter((r) => r.tests.size > 0);
  const bits = /* @__PURE__ */ new Map();
  const repeated = /* @__PURE__ */ new Set();
  const firstSeen = /* @__PURE__ */ new Map();
  for (const run of withTests) {
    for (const [id, test] of run.tests) {
      bits.set(id, (bits.get(id) ?? 0) | attemptBits(test.attempts));
      if (run.repeated === "repetitions") repeated.add(id);
      if (!firstSeen.has(id)) firstSeen.set(id, test);
    }
  }
  return {
    available: withTests.length > 0,
    labels: withTests.map((r) => r.label),
    outcome: outcomeLookup(bits, (id) => repeated.has(id)),
    *removed() {
      for (const [id, test] of firstSeen) if (!candidateHas(id)) yield test;
    },
    warnings: withTests.flatMap((r) => r.warnings)
  };
}
var BaselineBuilder = class extends RunBuilder {
  /**
   * @param candidateTest the candidate's test with this id (undefined when it has none). The bits
   *   go onto it when it is a `PassedTest` and `onObjects` (one candidate run: classify reads the
   *   same objects), else into a map keyed by the candidate's own id string; either way the base's
   *   copy of every id can be dropped as soon as it is read.
   * @param candidateOrder the candidate's tests in the order it listed them (its ids as keys), when
   *   `candidateTest` looks them up in that one list: see `lookup`.
   */
  constructor(label, candidateTest, repeated = "auto", warnings = [], useObjects = false, candidateOrder = null) {
    super({ label, repeated, warnings });
    this.candidateTest = candidateTest;
    this.useObjects = useObjects;
    this.order = candidateOrder;
  }
  candidateTest;
  useObjects;
  bits = /* @__PURE__ */ new Map();
  onObjects = 0;
  /**
   * Whether the base already has this id. For a test the candidate has, that is its bits: on the
   * candidate's `PassedTest` itself (one candidate run) or in the map keyed by its id string.
   */
  has(id) {
    const cand = this.lookup(id);
    if (cand === void 0) return super.has(id);
    if (this.useObjects && cand instanceof PassedTest) return cand.baseBits !== 0;
    return this.bits.has(cand.id);
  }
  /** A test the candidate has becomes bits; one it dropped is kept whole (for `removed`). */
  keep(test) {
    const cand = this.lookup(test.id);
    if (cand === void 0) super.keep(test);
    else this.record(cand, test, asBefore);
  }
  merge(test, how) {
    const cand = this.lookup(test.id);
    if (cand === void 0) super.merge(test, how);
    else this.record(cand, test, (earlier) => how === "reruns" ? FAILED : earlier);
  }
  lastId = null;
  lastCand;
  order;
  cursor = 0;
  /**
   * `candidateTest`, remembering the last answer: every base test is asked about twice in a row
   * (`has`, then `keep` or `merge`, with the same id string), and the candidate does not change
   * while the base streams.
   *
   * A base lists its tests mostly in the candidate's order, so the candidate's next test (after the
   * last one found) is tried first: one string compare instead of hashing the new id and probing
   * a map of every candidate test (a cache miss or two per test; together the biggest single
   * item of the base's profile). A miss falls back to the map and moves the cursor past the test
   * found when it is just ahead (tests the base does not have); the answer is the map's either way.
   */
  lookup(id) {
    if (id === this.lastId) return this.lastCand;
    const order = this.order;
    let cand;
    if (order !== null) {
      const next = order[this.cursor];
      if (next !== void 0 && next.id === id) {
        cand = next;
        this.cursor += 1;
      } else {
        cand = this.candidateTest(id);
        if (cand !== void 0) this.skipTo(order, cand);
      }
    } else cand = this.candidateTest(id);
    this.lastId = id;
    this.lastCand = cand;
    return cand;
  }
  /** Moves the cursor past `cand` when it is among the next few tests of the candidate. */
  skipTo(order, cand) {
    const end = Math.min(order.length, this.cursor + 16);
    for (let k = this.cursor; k < end; k += 1) {
      if (order[k] === cand) {
        this.cursor = k + 1;
        return;
      }
    }
  }
  /** ORs the base test's bits into the candidate test's record (`earlier` rewrites the old bits first). */
  record(cand, test, earlier) {
    const bits = isSinglePass(test) ? PASSED : attemptBits(test.attempts);
    if (this.useObjects && cand instanceof PassedTest) {
      if (cand.baseBits === 0) this.onObjects += 1;
      cand.baseBits = earlier(cand.baseBits & ~SEEN) | bits | SEEN;
      return;
    }
    this.bits.set(cand.id, earlier(this.bits.get(cand.id) ?? 0) | bits);
  }
  toBaseline(run) {
    const bits = this.bits;
    const repetitions = run.repeated === "repetitions";
    const fromMap = outcomeLookup(bits, () => repetitions);
    const useObjects = this.useObjects;
    return {
      available: bits.size > 0 || this.onObjects > 0 || run.tests.size > 0,
      labels: [run.label],
      outcome: (id, test) => {
        if (useObjects && test instanceof PassedTest) {
          const b = test.baseBits;
          return b === 0 ? "absent" : outcomeOfBits(b & ~SEEN, repetitions);
        }
        return fromMap(id);
      },
      removed: () => run.tests.values(),
      warnings: run.warnings
    };
  }
};

// ../packages/regressions/src/known-failing.ts
import { readFile } from "node:fs/promises";
var import_yaml = __toESM(require_dist(), 1);

// ../packages/regressions/src/wildcard.ts
function compileWildcard(pattern) {
  const pieces = pattern.split("*");
  const head = pieces[0];
  const tail = pieces.length > 1 ? pieces[pieces.length - 1] : "";
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  let steps = 0;
  const match = (text2) => {
    steps = 0;
    if (pieces.length === 1) {
      steps = Math.min(text2.length, pattern.length);
      return text2 === pattern;
    }
    if (text2.length < head.length + tail.length) return false;
    if (!text2.startsWith(head) || !text2.endsWith(tail)) return false;
    steps += head.length + tail.length;
    let from = head.length;
    const end = text2.length - tail.length;
    for (const piece of middle) {
      const at = find(text2, piece, from, end);
      if (at === -1) return false;
      from = at + piece.length;
    }
    return true;
  };
  const find = (text2, piece, from, end) => {
    const last = end - piece.length;
    for (let i = from; i <= last; i += 1) {
      let j = 0;
      while (j < piece.length) {
        steps += 1;
        if (text2.charCodeAt(i + j) !== piece.charCodeAt(j)) break;
        j += 1;
      }
      if (j === piece.length) return i;
    }
    return -1;
  };
  Object.defineProperty(match, "steps", { get: () => steps });
  return match;
}

// ../packages/regressions/src/known-failing.ts
var FIELDS = ["id", "name", "classname", "suite", "file"];
var ALLOWED = /* @__PURE__ */ new Set([...FIELDS, "reason", "expires"]);
async function loadKnownFailing(path, name = path) {
  let text2;
  try {
    text2 = await readFile(path, "utf8");
  } catch (error2) {
    throw invalid2(name, `cannot be read (${error2.code ?? "error"})`, error2);
  }
  return parseKnownFailing(text2, name);
}
function parseKnownFailing(text2, source = "known-failing") {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text2, { schema: "core", maxAliasCount: 100 });
  } catch (error2) {
    throw invalid2(source, `is not valid YAML or JSON: ${error2.message.split("\n", 1)[0]}`, error2);
  }
  if (doc === null || doc === void 0) return { source, entries: [] };
  const list2 = Array.isArray(doc) ? doc : typeof doc === "object" ? doc.tests ?? doc.known : void 0;
  if (!Array.isArray(list2)) throw invalid2(source, "must be a list of entries, or an object with a `tests` list");
  const entries = list2.map((raw, i) => {
    const where = `entry ${i + 1}`;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw invalid2(source, `${where} is not a mapping`);
    const e = raw;
    for (const key of Object.keys(e)) {
      if (!ALLOWED.has(key))
        throw invalid2(source, `${where}: unknown field "${key}" (allowed: ${[...ALLOWED].join(", ")})`);
    }
    const out = { reason: "" };
    for (const f of FIELDS) {
      const v = e[f];
      if (v === void 0 || v === null) continue;
      if (typeof v !== "string" || v === "") throw invalid2(source, `${where}: "${f}" must be a non-empty string`);
      out[f] = v;
    }
    if (!FIELDS.some((f) => out[f] !== void 0))
      throw invalid2(source, `${where}: name the test with id, name, classname, suite or file`);
    if (typeof e.reason !== "string" || e.reason.trim() === "") throw invalid2(source, `${where}: "reason" is required`);
    out.reason = e.reason.trim();
    if (e.expires !== void 0 && e.expires !== null) {
      const exp = e.expires instanceof Date ? e.expires.toISOString() : String(e.expires);
      if (Number.isNaN(expiryInstant(exp)))
        throw invalid2(source, `${where}: "expires" is not a date: ${JSON.stringify(exp)}`);
      out.expires = exp;
    }
    return out;
  });
  return { source, entries };
}
function expiryInstant(expires) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) return Date.parse(`${expires}T23:59:59.999Z`);
  return Date.parse(expires);
}
function createKnownFailingMatcher(list2, now) {
  const warnings = [];
  const active = [];
  const exact = /* @__PURE__ */ new Map();
  for (const entry of list2?.entries ?? []) {
    const label = describe(entry);
    if (entry.expires !== void 0 && expiryInstant(entry.expires) < now.getTime()) {
      warnings.push(`known-failing entry ${label} expired on ${entry.expires}; it no longer applies`);
      continue;
    }
    const tests = [];
    for (const f of FIELDS) {
      const v = entry[f];
      if (v !== void 0) tests.push([f, v.includes("*") ? compileWildcard(v) : v]);
    }
    const index = active.push({ entry, tests, used: false }) - 1;
    if (tests.length === 1 && tests[0][0] === "id" && typeof tests[0][1] === "string" && !exact.has(tests[0][1])) {
      exact.set(tests[0][1], index);
    }
  }
  const patterned = active.filter(
    (a) => !(a.tests.length === 1 && a.tests[0][0] === "id" && typeof a.tests[0][1] === "string")
  );
  return {
    match(test) {
      const hit = exact.get(test.id);
      if (hit !== void 0) {
        const a = active[hit];
        a.used = true;
        return a.entry;
      }
      for (const a of patterned) {
        let ok = true;
        for (const [field, want] of a.tests) {
          const have = test[field];
          if (have === null || have === void 0) {
            ok = false;
            break;
          }
          if (typeof want === "string" ? have !== want : !want(have)) {
            ok = false;
            break;
          }
        }
        if (ok) {
          a.used = true;
          return a.entry;
        }
      }
      return void 0;
    },
    warnings() {
      const unused = active.filter((a) => !a.used).map((a) => `known-failing entry ${describe(a.entry)} matched no test`);
      return [...warnings, ...unused];
    }
  };
}
function describe(entry) {
  return FIELDS.filter((f) => entry[f] !== void 0).map((f) => `${f}=${JSON.stringify(entry[f])}`).join(" ");
}
function invalid2(source, what, cause) {
  return new CodexrelError(RegressionErrorCodes.KNOWN_FAILING_INVALID, `known-failing file ${source} ${what}`, {
    hint: "Each entry needs a test selector (id, name, classname, suite or file) and a reason; expires is optional.",
    ...cause === void 0 ? {} : { cause },
    details: { file: source }
  });
}

// ../packages/regressions/src/classify.ts
function classify(input) {
  if (input.candidate.length === 0) throw new TypeError("classify: at least one candidate run is required");
  const now = (input.clock ?? { now: () => /* @__PURE__ */ new Date() }).now();
  const blockingClasses = input.policy?.blocking ?? DEFAULT_BLOCKING_CLASSES;
  const blockingSet = new Set(blockingClasses);
  const matcher = createKnownFailingMatcher(input.knownFailing, now);
  const warnings = [...input.warnings ?? []];
  const candidate = mergeRuns(input.candidate);
  const baseline = input.baseline ?? baselineFromRuns(input.base ?? [], (id) => candidate.tests.has(id));
  const baselineAvailable = baseline.available;
  const history = (input.history ?? []).map((run) => run.tests);
  const buckets = new Map(CLASS_ORDER.map((c) => [c, []]));
  const listPassed = input.includePassed !== false || blockingSet.has("passed");
  let unlistedPassed = 0;
  const oneRun = candidate.runsOf === null;
  for (const [id, candTest] of candidate.tests) {
    const single = oneRun && isSinglePass(candTest);
    const outcome = single ? "pass" : outcomeOf(candTest.attempts, candidate.repetitions(id));
    const known = matcher.match(candTest);
    const baseOutcome = baselineAvailable ? baseline.outcome(id, candTest) : "none";
    const decided = decide(id, candidate, candTest, outcome, baseOutcome, known, history);
    if (decided.cls === "passed" && !listPassed) {
      unlistedPassed += 1;
      continue;
    }
    buckets.get(decided.cls).push(toClassified(candTest, single ? null : view(candidate, id, candTest), decided, known, blockingSet));
  }
  if (baselineAvailable) {
    const removed = buckets.get("removed");
    for (const b of baseline.removed()) {
      removed.push({
        id: b.id,
        name: b.name,
        classname: b.classname,
        suite: b.suite,
        file: b.file,
        line: b.line,
        class: "removed",
        blocking: blockingSet.has("removed"),
        evidence: "in the baseline, not in the candidate"
      });
    }
  }
  const tests = [];
  for (const list2 of buckets.values()) for (const t of list2) tests.push(t);
  warnings.push(...matcher.warnings());
  for (const run of input.candidate) warnings.push(...run.warnings);
  warnings.push(...baseline.warnings);
  const max = input.maxWarnings ?? 50;
  const kept = warnings.length > max ? [...warnings.slice(0, max - 1), `\u2026 and ${warnings.length - max + 1} more warning(s)`] : warnings;
  const section = {
    baseline: baselineAvailable ? { available: true, source: input.baselineSource ?? baseline.labels.join(", ") } : {
      available: false,
      source: null,
      note: input.baselineNote ?? (input.baseline || (input.base ?? []).length > 0 ? "the base reports hold no test, so failures cannot be told new from known" : "no base results were given, so failures cannot be told new from known")
    },
    policy: { blocking: [...new Set(blockingClasses)] },
    counts: withUnlisted(countRegressions(tests), unlistedPassed),
    tests,
    passedListed: listPassed,
    ...kept.length > 0 ? { warnings: kept } : {}
  };
  return { section, blocked: tests.some((t) => t.blocking === true) };
}
function mergeRuns(runs) {
  if (runs.length === 1) {
    const run = runs[0];
    const repetitions = run.repeated === "repetitions";
    return { tests: run.tests, runsOf: null, repetitions: () => repetitions };
  }
  const tests = /* @__PURE__ */ new Map();
  const runsOf = /* @__PURE__ */ new Map();
  const repeated = /* @__PURE__ */ new Set();
  runs.forEach((run, index) => {
    for (const [id, test] of run.tests) {
      const m = tests.get(id);
      if (run.repeated === "repetitions") repeated.add(id);
      if (!m) {
        tests.set(id, { ...test, attempts: [...test.attempts] });
        runsOf.set(
          id,
          test.attempts.map(() => index)
        );
      } else {
        m.attempts.push(...test.attempts);
        runsOf.get(id).push(...test.attempts.map(() => index));
      }
    }
  });
  return { tests, runsOf, repetitions: (id) => repeated.has(id) };
}
function withUnlisted(counts, passed) {
  counts.passed += passed;
  return counts;
}
function view(side, id, test) {
  return { test, attempts: test.attempts, runs: side.runsOf?.get(id) ?? null, repetitions: side.repetitions(id) };
}
function decide(id, side, test, outcome, baseOutcome, known, history) {
  if (outcome === "flaky") return { cls: "flaky", evidence: flakyEvidence(view(side, id, test)) };
  if (outcome === "skip") return { cls: "skipped", evidence: "skipped in every attempt" };
  const past = historyOutcomes(id, history);
  if (outcome === "fail") {
    if (known) return { cls: "known", evidence: "listed in the known-failing file" };
    if (past.pass > 0)
      return {
        cls: "flaky",
        evidence: `fails here, but passed in ${past.pass} of ${past.total} earlier run(s) of the candidate`
      };
    if (baseOutcome === "none") return { cls: "unknown-baseline", evidence: "fails; no baseline to compare with" };
    if (baseOutcome === "fail") return { cls: "known", evidence: "already failing on the base" };
    if (baseOutcome === "flaky")
      return { cls: "flaky", evidence: "failed every attempt here; flaky on the base (failed, then passed on retry)" };
    if (baseOutcome === "absent")
      return { cls: "new", evidence: "not in the baseline: added by this change and failing" };
    if (baseOutcome === "skip") return { cls: "new", evidence: "skipped on the base, fails here" };
    return { cls: "new", evidence: "passed on the base, fails here" };
  }
  if (past.pass > 0 && past.fail > 0) {
    return {
      cls: "flaky",
      evidence: `passes here; flipped in history (passed ${past.pass}, failed ${past.fail} of ${past.total})`
    };
  }
  if (baseOutcome === "fail") return FIXED;
  if (baseOutcome === "absent") return ADDED;
  return PASSED2;
}
var PASSED2 = Object.freeze({ cls: "passed", evidence: "" });
var FIXED = Object.freeze({ cls: "fixed", evidence: "failed on the base, passes here" });
var ADDED = Object.freeze({ cls: "added", evidence: "not in the baseline" });
var NO_HISTORY = Object.freeze({ pass: 0, fail: 0, total: 0 });
function historyOutcomes(id, history) {
  if (history.length === 0) return NO_HISTORY;
  let pass = 0;
  let fail2 = 0;
  let total = 0;
  for (const run of history) {
    const t = run.get(id);
    if (!t) continue;
    const o = outcomeOf(t.attempts);
    total += 1;
    if (o === "pass") pass += 1;
    else if (o === "fail") fail2 += 1;
    else if (o === "flaky") {
      pass += 1;
      fail2 += 1;
    }
  }
  return { pass, fail: fail2, total };
}
function flakyEvidence(m) {
  const failed = m.attempts.filter((a) => a.status === "failed" || a.status === "error").length;
  const passed = m.attempts.filter((a) => a.status === "passed").length;
  if (m.runs) {
    const firstPassRun = m.runs[m.attempts.findIndex((a) => a.status === "passed")] ?? 0;
    const firstFailRun = m.runs[m.attempts.findIndex((a) => a.status === "failed" || a.status === "error")] ?? 0;
    if (firstPassRun !== firstFailRun) {
      return firstPassRun > firstFailRun ? `failed in attempt ${firstFailRun + 1}, passed in a later attempt (${firstPassRun + 1})` : `passed in attempt ${firstPassRun + 1}, failed in a later attempt (${firstFailRun + 1})`;
    }
  }
  if (m.attempts.some((a) => a.origin === "rerun")) {
    return `passed on rerun in-report: ${failed} flaky failure(s) recorded by the runner`;
  }
  if (m.attempts.some((a) => a.origin === "retry")) {
    return `passed on retry in-report: ${failed} failed and ${passed} passed attempt(s)`;
  }
  const firstPass = m.attempts.findIndex((a) => a.status === "passed");
  const firstFail = m.attempts.findIndex((a) => a.status === "failed" || a.status === "error");
  return firstPass > firstFail ? `passed on retry in-report after ${failed} failed attempt(s)` : `failed after passing in the same report (${passed} passed, ${failed} failed)`;
}
function toClassified(t, m, d, known, blocking) {
  const out = {
    id: t.id,
    name: t.name,
    classname: t.classname,
    suite: t.suite,
    file: t.file,
    line: t.line,
    class: d.cls,
    blocking: blocking.has(d.cls)
  };
  if (d.evidence) out.evidence = d.evidence;
  if (t.ordinal !== void 0) {
    const note = `repeated testcase #${t.ordinal} of this name in its suite, read as a separate test`;
    out.evidence = out.evidence ? `${out.evidence}; ${note}` : note;
  }
  if (m === null) {
    if (known) out.knownReason = known.reason;
    return out;
  }
  const failing = lastFailing(m.attempts);
  if (failing && d.cls !== "passed" && d.cls !== "fixed" && d.cls !== "added") {
    out.message = failing.message;
    if (failing.firstLines.length > 0) out.firstLines = failing.firstLines;
  }
  const single = m.attempts.length === 1 ? m.attempts[0] : void 0;
  if (single?.status !== "passed") {
    out.attempts = m.attempts.map((a) => ({ status: a.status, durationMs: a.durationMs, source: attemptSource(a) }));
  }
  if (known) out.knownReason = known.reason;
  return out;
}
function lastFailing(attempts) {
  for (let i = attempts.length - 1; i >= 0; i -= 1) {
    const a = attempts[i];
    if (a.status === "failed" || a.status === "error") return a;
  }
  return void 0;
}

// ../packages/regressions/src/api.ts
async function classifyReports(options) {
  const common = {
    ...options.parse,
    ...options.cwd ? { cwd: options.cwd } : {},
    ...options.repeated ? { repeated: options.repeated } : {},
    ...options.onMalformed ? { onMalformed: options.onMalformed } : {}
  };
  if (options.missingInputs !== "warn") await assertInputsPresent(options);
  const candidate = [await loadRun(options.candidate, { ...common, label: "candidate" })];
  for (const [i, patterns] of (options.candidateAttempts ?? []).entries()) {
    candidate.push(await loadRun(patterns, { ...common, label: `candidate attempt ${i + 2}` }));
  }
  if (candidate.every((run) => run.tests.size === 0 && run.files.length === 0)) {
    throw new CodexrelError(
      RegressionErrorCodes.REGRESSIONS_NO_CANDIDATE,
      `no candidate test report found in ${options.candidate.map((p) => JSON.stringify(p)).join(", ")}`,
      {
        hint: "Point --candidate at the JUnit XML or CTRF JSON files your test step writes (files, directories or globs).",
        details: { patterns: [...options.candidate], skipped: candidate.flatMap((r) => r.skipped) }
      }
    );
  }
  const basePatterns = options.base ?? [];
  const only = candidate.length === 1 ? candidate[0].tests : null;
  const candidateTest = (id) => {
    if (only) return only.get(id);
    for (const run of candidate) {
      const test = run.tests.get(id);
      if (test) return test;
    }
    return void 0;
  };
  const order = only && basePatterns.length > 0 ? Array.from(only.values()) : null;
  const builder = new BaselineBuilder("base", candidateTest, options.repeated ?? "auto", [], only !== null, order);
  const base = basePatterns.length > 0 ? await loadInto(basePatterns, { ...common, label: "base" }, builder) : null;
  const baseline = base ? builder.toBaseline(base) : void 0;
  const history = [];
  for (const [i, patterns] of (options.history ?? []).entries()) {
    history.push(await loadRun(patterns, { ...common, label: `history ${i + 1}` }));
  }
  const knownFailing = typeof options.knownFailing === "string" ? await loadKnownFailing(options.knownFailing) : options.knownFailing;
  let baselineNote;
  if (!base) baselineNote = "no base results were given, so failures cannot be told new from known";
  else if (!baseline?.available)
    baselineNote = base.files.length === 0 ? `no base report found in ${basePatterns.map((p) => JSON.stringify(p)).join(", ")}, so failures cannot be told new from known` : "the base reports hold no test, so failures cannot be told new from known";
  const result = classify({
    base: null,
    ...baseline ? { baseline } : {},
    candidate,
    history,
    ...knownFailing ? { knownFailing } : {},
    ...options.policy ? { policy: options.policy } : {},
    ...options.baselineSource ? { baselineSource: options.baselineSource } : {},
    ...baselineNote ? { baselineNote } : {},
    ...options.clock ? { clock: options.clock } : {},
    ...options.includePassed !== void 0 ? { includePassed: options.includePassed } : {}
  });
  if (options.baselineNone && !result.section.baseline.available) result.section.baseline.declaredNone = true;
  return { ...result, base, candidate };
}
async function assertInputsPresent(options) {
  const groups = [
    ["candidate", options.candidate],
    ...(options.candidateAttempts ?? []).map((p, i) => [`candidate attempt ${i + 2}`, p]),
    ["base", options.base ?? []],
    ...(options.history ?? []).map((p, i) => [`history ${i + 1}`, p])
  ];
  const missing = [];
  for (const [label, patterns] of groups) {
    if (patterns.length === 0) continue;
    const { unmatched } = await resolveInputs(patterns, options.cwd);
    for (const p of unmatched) missing.push(`${label} ${JSON.stringify(p)}`);
  }
  if (missing.length > 0) {
    throw new CodexrelError(
      RegressionErrorCodes.REGRESSIONS_INPUT_MISSING,
      `configured test report path(s) match no file: ${missing.join(", ")}`,
      {
        hint: "Fix the path (a typo such as junit.xmll?), or remove it; for no base on purpose use `baseline: none` (--no-base).",
        details: { missing }
      }
    );
  }
}

// ../packages/regressions/src/from-config.ts
import { resolve as resolve4 } from "node:path";
function classifyOptionsFromConfig(config, run) {
  return {
    ...run,
    base: config.base ?? null,
    ...config.baseline === "none" ? { baselineNone: true } : {},
    candidate: config.candidate,
    ...config.attempts ? { candidateAttempts: config.attempts } : {},
    ...config.history ? { history: config.history } : {},
    // The file is read by the library, so it is resolved here against the config's folder.
    ...config.knownFailing ? { knownFailing: resolve4(run.cwd, config.knownFailing) } : {},
    ...config.blocking ? { policy: { blocking: config.blocking } } : {},
    ...config.repeated ? { repeated: config.repeated } : {},
    ...config.baselineSource ? { baselineSource: config.baselineSource } : {}
  };
}

// src/classify-regressions.ts
var cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
var mode2 = mode();
var secrets = actionSecrets();
async function stageBaseline() {
  const dir = resolve5(cwd, text("baseline-dir") || ".codexrel/baseline");
  const { files } = await resolveInputs(list("candidate", { required: true }), cwd);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((f, i) => copyFile(f, join(dir, `${String(i).padStart(5, "0")}-${basename2(f)}`))));
  info(`staged ${files.length} report file(s) in ${dir} as this commit's baseline`);
}
async function classifyStep() {
  const classes = list("blocking-classes", { split: "words" });
  const unknown = classes.filter((c) => !REGRESSION_CLASSES.includes(c));
  if (unknown.length > 0)
    throw invalid(
      "blocking-classes",
      `unknown class(es) ${unknown.join(", ")}`,
      `Use ${REGRESSION_CLASSES.join(", ")}.`
    );
  const blocking = classes.length > 0 ? classes : void 0;
  const explicitBase = list("base");
  const restored = text("restored-base");
  const base = explicitBase.length > 0 ? explicitBase : restored ? [restored] : null;
  const baseSha = text("base-sha");
  const baselineSource = explicitBase.length > 0 ? "base reports given as input" : restored ? `cached results of base commit ${baseSha.slice(0, 12)}` : void 0;
  const knownFailing = text("known-failing");
  const result = await classifyReports(
    classifyOptionsFromConfig(
      {
        ...base ? { base } : {},
        candidate: list("candidate", { required: true }),
        ...knownFailing ? { knownFailing } : {},
        ...blocking ? { blocking } : {},
        ...baselineSource ? { baselineSource } : {},
        repeated: choice("repeated", REPEATED_OPTIONS, "auto")
      },
      // The report lists what needs attention; passing tests are counted (counts.passed).
      { cwd, includePassed: false }
    )
  );
  if (!base && flag("baseline-cache", false) && baseSha) {
    result.section.baseline.note = `no cached results for base commit ${baseSha.slice(0, 12)} (run this action on the default branch to save them), so failures cannot be told new from known`;
  }
  const report2 = finalizeReport(
    {
      ...createReport({ tool: { version: "classify-regressions" }, title: "Test classification" }),
      regressions: result.section
    },
    { secrets }
  );
  const reportPath = resolve5(cwd, text("report-path") || ".codexrel/regressions-report.json");
  await mkdir(resolve5(reportPath, ".."), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report2, null, 2)}
`);
  const counts = result.section.counts;
  for (const c of REGRESSION_CLASSES) setOutput(c, String(counts[c]));
  setOutput("baseline-available", String(result.section.baseline.available));
  setOutput("report-path", reportPath);
  setOutput("decision", report2.decision.ready ? "pass" : "block");
  setOutput("error-code", "");
  for (const a of selectAnnotations(result.section)) {
    const props = { title: a.title, ...a.file ? { file: a.file } : {}, ...a.line ? { startLine: a.line } : {} };
    if (a.level === "error") error(a.message, props);
    else if (a.level === "warning") warning(a.message, props);
    else notice(a.message, props);
  }
  await summary.addRaw(renderJobSummary(report2)).write();
  const line = REGRESSION_CLASSES.filter((c) => counts[c] > 0).map((c) => `${c} ${counts[c]}`).join(", ");
  info(`classified: ${line || "no tests"}`);
  if (!report2.decision.ready) {
    const message = report2.decision.blockingReasons.map((r) => r.message).join("; ");
    if (mode2 === "blocking") setFailed(message);
    else warning(`${message} (advisory mode: not failing the job)`);
  }
}
try {
  if (process.argv.includes("--stage-baseline")) await stageBaseline();
  else await classifyStep();
} catch (error2) {
  const coded = toCodexrelError(error2);
  const text2 = redact(formatError(coded), { secrets });
  for (const c of REGRESSION_CLASSES) setOutput(c, "");
  setOutput("baseline-available", "");
  setOutput("report-path", "");
  setOutput("decision", "error");
  setOutput("error-code", coded.code);
  if (!process.argv.includes("--stage-baseline")) {
    await summary.addRaw(
      `### Test classification failed

\`${coded.code}\`: ${escapeMarkdown(coded.message)}

${escapeMarkdown(coded.hint)}
`
    ).write();
  }
  if (mode2 === "blocking" && !process.argv.includes("--stage-baseline")) setFailed(text2);
  else
    warning(`${text2}${process.argv.includes("--stage-baseline") ? "" : " (advisory mode: not failing the job)"}`);
}
