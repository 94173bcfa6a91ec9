/**
 * mocha-junit-reporter writes the test's full title (suite titles, then its own) as `name` and its
 * own title as `classname`: the two are swapped back so the id reads like every other dialect's.
 */

/**
 * When `name` is mocha's full title ending in " " + `classname`, the part before it (the suite
 * titles: the real classname); otherwise null. The test's own name is then `classname`.
 */
export function mochaSuitePrefix(name: string, classname: string | null): string | null {
  if (!classname || name.length <= classname.length || !name.endsWith(` ${classname}`)) return null;
  return name.slice(0, name.length - classname.length - 1);
}
