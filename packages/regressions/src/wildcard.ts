/**
 * Known-failing wildcards: `*` matches any run of characters (slashes and newlines too: test names
 * are not paths); every other character matches itself.
 *
 * Not a RegExp: `^a.*b.*c$` backtracks, so `*checkout*total*` against a long name took seconds
 * (9.9 s at 500 KB, 52 s at 1 MB). Here the literal pieces between stars are found left to right,
 * each at its first place after the previous one (the earliest match never rules out a later
 * piece, so no backtracking is needed); the last piece must end the name. Work is at most
 * name length × longest piece, counted in `steps` so a test can hold it to that bound. picomatch
 * was not used: its `*` stops at `/`, which go subtest names (`TestX/case`) contain.
 */

export interface WildcardMatcher {
  (text: string): boolean;
  /** Character comparisons made by the last call (for tests). */
  readonly steps: number;
}

export function compileWildcard(pattern: string): WildcardMatcher {
  const pieces = pattern.split("*");
  const head = pieces[0]!;
  const tail = pieces.length > 1 ? pieces[pieces.length - 1]! : "";
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  let steps = 0;
  const match = (text: string): boolean => {
    steps = 0;
    if (pieces.length === 1) {
      steps = Math.min(text.length, pattern.length);
      return text === pattern;
    }
    if (text.length < head.length + tail.length) return false;
    if (!text.startsWith(head) || !text.endsWith(tail)) return false;
    steps += head.length + tail.length;
    let from = head.length;
    const end = text.length - tail.length;
    for (const piece of middle) {
      const at = find(text, piece, from, end);
      if (at === -1) return false;
      from = at + piece.length;
    }
    return true;
  };
  /** First index >= from where `piece` fits before `end`, or -1; counts comparisons. */
  const find = (text: string, piece: string, from: number, end: number): number => {
    const last = end - piece.length;
    for (let i = from; i <= last; i += 1) {
      let j = 0;
      while (j < piece.length) {
        steps += 1;
        if (text.charCodeAt(i + j) !== piece.charCodeAt(j)) break;
        j += 1;
      }
      if (j === piece.length) return i;
    }
    return -1;
  };
  Object.defineProperty(match, "steps", { get: () => steps });
  return match as WildcardMatcher;
}
