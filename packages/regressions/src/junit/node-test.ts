/**
 * Node's own JUnit reporter (`node --test --test-reporter=junit`) writes a `classname` that says
 * nothing the suite path does not, and says it differently per Node major (read from each
 * binary's lib/internal/test_runner: reporter/junit.js and test.js):
 * - Node 20 and 22: `classname = event.data.classname ?? 'test'`, and nothing sets it: always "test".
 * - Node 24: test.js sets it to the enclosing suite names joined with "." ("outer.inner"); a
 *   top-level test still gets "test".
 * Kept in the id, that turns every test into "removed" plus "added" when a project moves from
 * Node 22 to 24 (the base report from one major, the candidate from the other). So for this
 * dialect a classname that is the placeholder or the dotted suite path is dropped: the id is the
 * suite path and the name on every major. Any other classname (a custom reporter's) is kept.
 */

/** The classname to keep for a node:test testcase inside `suites` (their names, outermost first). */
export function nodeTestClassname(classname: string | null, suites: readonly string[]): string | null {
  if (classname === null) return null;
  if (classname === "test") return null;
  if (suites.length > 0 && classname === suites.join(".")) return null;
  return classname;
}
