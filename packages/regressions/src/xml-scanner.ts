/**
 * A streaming, conforming (non-validating) XML tokenizer for test reports, written for speed.
 *
 * Why not saxes (which this replaced, and which the bench still runs as the baseline): on a
 * jest-junit report of 177 bytes per testcase the bare saxes scan was already most of the time
 * budget the classifier has (bench/README.md shows the numbers). saxes reads every character
 * through a state machine and builds an attribute object per tag; this scanner jumps with
 * `indexOf` between the characters that matter and hands attributes over in one reused array.
 *
 * It keeps every rule the saxes-based parser kept (the same tests run against it, and a
 * differential test compares both on mutated corpus files):
 * - well-formedness: one root, matching end tags, quoted attribute values without `<`, unique
 *   attribute names, whitespace between attributes, valid names, only the five predefined entities
 *   and character references to allowed characters, no `]]>` in text, no `--` in comments, no
 *   text outside the root, an XML declaration only at the very start, and only XML 1.0 characters
 *   (checked per chunk) — anything else is a `ScanError` with line and column;
 * - no DTD: `<!DOCTYPE` is handed to `onDoctype` (the JUnit parser refuses it) and never read;
 * - caps: attributes per tag (checked per tag), name length, and the size of any one attribute
 *   value, text run, CDATA section or comment while it is still being read.
 *
 * One class over one buffer, longer than the project's 400 lines on purpose: the package README
 * ("Why `xml-scanner.ts` is one file") says why and what moved out (`xml-chars.ts`, `xml-references.ts`).
 *
 * Line ends are normalized as XML says (`\r\n` and `\r` read as `\n`); tabs and line ends inside
 * attribute values become spaces (attribute-value normalization), as saxes does.
 */

import {
  ATTR_WS,
  BAD_CHAR,
  BANG,
  DQ,
  EQ,
  GT,
  isWs,
  NAME_ASCII,
  NAME_RE,
  QUESTION,
  SLASH,
  SQ,
  WS_RUN,
  XML_DECL,
} from "./xml-chars.js";
import { decodeReferences } from "./xml-references.js";

export interface ScanLimits {
  maxAttributes: number;
  maxTextChars: number;
  maxNameChars: number;
}

export interface ScanHandler {
  /** `attrs` is a flat [name, value, name, value, ...] list, valid only during the call. */
  open(name: string, attrs: string[], selfClosing: boolean): void;
  close(name: string): void;
  /** Text and CDATA content (entities decoded), only while `wantText` is true. */
  text(text: string): void;
  /** A `<!DOCTYPE`: must throw (DTDs are never read). */
  doctype(): void;
}

/** A well-formedness error (`limit` for a cap), at a line and column of the input. */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly limit = false,
  ) {
    super(message);
  }
}

/**
 * Whether `s` holds `name` at `at` (the caller checked it fits). A loop the compiler inlines: for
 * the short tag and attribute names read on every tag it beat the `startsWith` builtin's call.
 */
function sameAt(s: string, name: string, at: number): boolean {
  for (let k = 0; k < name.length; k += 1) if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** Thrown inside the scanner when the buffer ends before the construct does. */
const MORE = Symbol("more");

export class XmlScanner {
  /** Deliver text and CDATA to `handler.text`. */
  wantText = false;
  /** Line (1-based) and column of the end of the last token read: where an event happened. */
  line = 1;
  column = 0;

  private buf = "";
  private pos = 0;
  /** Newlines in the input before `buf[0]`, and up to `countedTo` inside it. */
  private linesBefore = 0;
  private countedTo = 0;
  private countedLines = 0;
  private lastNl = -1;
  private readonly stack: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  private started = false;
  /** Reused per tag: flat name/value pairs. */
  private readonly attrs: string[] = [];
  /** A construct left unfinished at the end of `buf`: the next write needs this string to go on. */
  private waitFor: string | null = null;
  private held: string[] = [];
  private heldChars = 0;
  /** Inside a CDATA section or comment that spans writes: how much of it was read so far. */
  private spanning: "cdata" | "comment" | null = null;
  private spanChars = 0;
  /** The next "&" and "]]>" at or after the last place asked (-1: none; -2: not looked yet). */
  private ampAt = -2;
  private ddAt = -2;
  /** The same for "<", "\n", "\t" and "\r". */
  private ltAt = -2;
  private nlAt = -2;
  private tabAt = -2;
  private crAt = -2;

  constructor(
    private readonly handler: ScanHandler,
    private readonly limits: ScanLimits,
  ) {}

  write(chunk: string): void {
    const bad = BAD_CHAR.exec(chunk);
    if (bad) {
      // Read up to the bad character first, so the error comes at its place (and earlier errors first).
      this.feed(chunk.slice(0, bad.index));
      this.fail("disallowed character", this.buf.length);
    }
    this.feed(chunk);
  }

  /** Ends the document: unclosed elements and unfinished constructs fail here. */
  close(): void {
    if (this.waitFor !== null) this.fail("unclosed tag", this.buf.length + this.heldChars);
    if (this.spanning === "cdata" || (this.buf.length > this.pos && this.buf.startsWith("<![CDATA[", this.pos)))
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
  linesWritten(): number {
    this.countTo(this.buf.length);
    return this.linesBefore + this.countedLines;
  }

  private feed(input: string): void {
    let chunk = input;
    if (chunk.length === 0) return;
    if (this.waitFor !== null) {
      // An unfinished tag: scan it again only once the string it waits for arrived. Until then the
      // chunks are held apart (joining them to the buffer each time would copy it every time).
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
    if (this.buf.length === 0 && !this.started && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
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

  private run(): void {
    const s = this.buf;
    const end = s.length;
    try {
      if (this.spanning !== null) this.resumeSpan();
      while (this.pos < end) {
        const i = this.pos;
        const lt = this.nextLt(i);
        if (lt < 0) {
          // Text to the end: keep back an entity reference that may go on in the next chunk.
          const amp = s.lastIndexOf("&");
          const cut = amp >= i && s.indexOf(";", amp) < 0 ? amp : end;
          // Keep back a "]" or "]]" too: "]]>" is not allowed in text.
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

  private overLimit(): never {
    this.fail(
      `a text node, CDATA section, comment or attribute value exceeds ${this.limits.maxTextChars} characters`,
      this.buf.length,
      true,
    );
  }

  private nextLt(from: number): number {
    const at = this.ltAt;
    if (at === -2 || (at >= 0 && at < from)) this.ltAt = this.buf.indexOf("<", from);
    return this.ltAt;
  }

  /** Whether buf[from, to) holds a tab or line end (attribute-value normalization needed). */
  private hasWs(from: number, to: number): boolean {
    const s = this.buf;
    let at = this.nlAt;
    if (at === -2 || (at >= 0 && at < from)) {
      at = s.indexOf("\n", from);
      this.nlAt = at;
    }
    if (at >= 0 && at < to) return true;
    at = this.tabAt;
    if (at === -2 || (at >= 0 && at < from)) {
      at = s.indexOf("\t", from);
      this.tabAt = at;
    }
    if (at >= 0 && at < to) return true;
    at = this.crAt;
    if (at === -2 || (at >= 0 && at < from)) {
      at = s.indexOf("\r", from);
      this.crAt = at;
    }
    return at >= 0 && at < to;
  }

  private nextAmp(from: number): number {
    const at = this.ampAt;
    if (at === -2 || (at >= 0 && at < from)) this.ampAt = this.buf.indexOf("&", from);
    return this.ampAt;
  }

  private nextDd(from: number): number {
    const at = this.ddAt;
    if (at === -2 || (at >= 0 && at < from)) this.ddAt = this.buf.indexOf("]]>", from);
    return this.ddAt;
  }

  private text(from: number, to: number, _atEnd: boolean): void {
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
  private isNameAt(name: string, i: number): boolean {
    const s = this.buf;
    const e = i + name.length;
    if (e >= s.length || !sameAt(s, name, i)) return false;
    const c = s.charCodeAt(e);
    return c < 128 && NAME_ASCII[c] === 0;
  }

  /** Reads a name starting at i; returns its end. */
  private nameEnd(i: number): number {
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

  private openTag(lt: number): void {
    const s = this.buf;
    const nameEnd = this.nameEnd(lt + 1);
    if (this.closedRoot) this.fail("element after the root element", lt);
    // Filled by index and cut to `count` only before it is handed over: setting `length` is a
    // runtime call, and consecutive tags mostly have as many attributes as the one before.
    const attrs = this.attrs;
    let count = 0;
    const plan = this.plans[this.slotOf(lt + 1, nameEnd)]!;
    let i = nameEnd;
    const end = s.length;
    for (;;) {
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
      // Tags of one name mostly repeat their attribute names in order (see `plans`).
      const guess = plan[count >> 1];
      let an: number;
      let attrName: string;
      if (guess !== undefined && this.isNameAt(guess, i)) {
        an = i + guess.length;
        attrName = guess;
      } else {
        an = this.nameEnd(i);
        attrName = this.pickName(i, an);
        // Bounded (32 short names per slot), so a hostile report cannot make the plans hold much.
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
      // The first "<" after the tag's own must come after its end, so not inside a value.
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
  private pickName(from: number, to: number): string {
    const s = this.buf;
    const len = to - from;
    const slot = this.slotOf(from, to);
    const n = this.names[slot]!;
    if (n.length === len && sameAt(s, n, from)) return n;
    // A copy, not a view: a kept view would pin the whole input chunk.
    const name = len < 13 ? s.slice(from, to) : ` ${s.slice(from, to)}`.slice(1);
    this.names[slot] = name;
    return name;
  }

  /** Length, first and last character: the ~40 names JUnit reports use share 3 slots in pairs. */
  private slotOf(from: number, to: number): number {
    const s = this.buf;
    return (to - from + s.charCodeAt(from) * 8 + s.charCodeAt(to - 1) * 28) & 127;
  }

  /**
   * Per slot of a tag name, the attribute names of the last tag there, in order: the next tag of
   * that name is read against them (`isNameAt`), which skips walking and picking each name.
   * A wrong guess (another tag in the slot, other attributes) only costs the compare. At most 32
   * names of up to 64 characters per slot: 128 slots hold at most ~260,000 characters.
   */
  private readonly plans: string[][] = Array.from({ length: 128 }, () => []);

  /** Names by slot (see `pickName`); "" never matches a name (names are not empty). */
  private readonly names: string[] = new Array<string>(128).fill("");

  private attrValue(from: number, to: number): string {
    const s = this.buf;
    const amp = this.nextAmp(from);
    // Normalize whitespace in the literal parts only: a character reference stays as written.
    if (amp >= 0 && amp < to) return decodeReferences(s, from, to, true, this.failAt);
    const v = s.slice(from, to);
    return this.hasWs(from, to) ? v.replace(ATTR_WS, " ") : v;
  }

  private checkUnique(lt: number): void {
    const a = this.attrs;
    if (a.length <= 2) return;
    if (a.length <= 16) {
      for (let x = 0; x < a.length; x += 2)
        for (let y = x + 2; y < a.length; y += 2) if (a[x] === a[y]) this.dup(lt, a[x]!);
      return;
    }
    const seen = new Set<string>();
    for (let x = 0; x < a.length; x += 2) {
      if (seen.has(a[x]!)) this.dup(lt, a[x]!);
      seen.add(a[x]!);
    }
  }

  private dup(lt: number, name: string): never {
    this.fail(`duplicate attribute: ${name.slice(0, 100)}`, lt);
  }

  private closeTag(lt: number): void {
    const s = this.buf;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    // The name it must have is known: checked in one compare, not walked and then compared.
    const known = top !== undefined && this.isNameAt(top, lt + 2);
    const nameEnd = known ? lt + 2 + top.length : this.nameEnd(lt + 2);
    let i = nameEnd;
    let c = s.charCodeAt(i);
    while (isWs(c)) c = s.charCodeAt(++i);
    if (i >= s.length) throw MORE;
    if (c !== GT) this.fail("invalid characters in closing tag", i);
    if (!known) {
      const len = nameEnd - lt - 2;
      if (top === undefined) this.fail("unmatched closing tag", lt);
      if (top.length !== len || !s.startsWith(top, lt + 2)) this.fail(`unexpected close tag (expected </${top}>)`, lt);
    }
    this.pos = i + 1;
    this.setLine(i);
    stack.pop();
    if (stack.length === 0) this.closedRoot = true;
    this.handler.close(top!);
  }

  private bang(lt: number): void {
    const s = this.buf;
    if (s.length < lt + 9 && !s.startsWith("<!--", lt)) {
      // Not enough to tell "<!--", "<![CDATA[" and "<!DOCTYPE" apart yet.
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
      // Point at the end of the declaration when it is in the buffer (internal subset included).
      const open = s.indexOf("[", lt);
      const gt = s.indexOf(">", lt);
      let at = gt < 0 ? lt : gt;
      if (open >= 0 && (gt < 0 || open < gt)) {
        const closeSubset = s.indexOf("]", open);
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
  private resumeSpan(): void {
    const s = this.buf;
    const cdata = this.spanning === "cdata";
    const endMark = cdata ? "]]>" : "-->";
    const close = s.indexOf(endMark, this.pos);
    if (close < 0) {
      // Keep back the last two characters (a split end mark).
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

  private spanPart(from: number, to: number, last: boolean): void {
    this.spanChars += to - from;
    if (this.spanChars > this.limits.maxTextChars) this.overLimit();
    const s = this.buf;
    if (this.spanning === "comment") {
      const dd = s.indexOf("--", from);
      // "--" is allowed only as the start of the closing "-->".
      if (dd >= 0 && dd < to) this.fail("double dash in comment", dd);
      if (last && to > from && s.charCodeAt(to - 1) === 45) this.fail("double dash in comment", to - 1);
      return;
    }
    if (this.wantText && to > from) this.handler.text(s.slice(from, to));
  }

  private pi(lt: number): void {
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
  private countTo(to: number): void {
    const s = this.buf;
    let i = this.countedTo;
    let n = this.countedLines;
    for (;;) {
      const nl = s.indexOf("\n", i);
      if (nl < 0 || nl >= to) break;
      n += 1;
      this.lastNl = nl;
      i = nl + 1;
    }
    this.countedLines = n;
    this.countedTo = Math.max(to, i);
  }

  private setLine(at: number): void {
    this.countTo(at);
    this.line = this.linesBefore + this.countedLines + 1;
    this.column = at - this.lastNl;
  }

  private readonly failAt = (message: string, at: number): never => this.fail(message, at);

  private fail(message: string, at: number, limit = false): never {
    this.setLine(Math.min(at, this.buf.length));
    throw new ScanError(message, this.line, this.column, limit);
  }
}
