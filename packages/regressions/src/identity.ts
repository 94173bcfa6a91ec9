/**
 * Test identity: the key that says "this is the same test" across base, candidate and history.
 *
 * Default: the suite path, the classname and the name, in that order, joined with `::`; empty
 * parts are dropped and a part equal to the one before it is dropped (Surefire and go-junit-report
 * repeat the class or package as the suite name, jest-junit repeats the name as the classname).
 * Values are used exactly as written (two names differing only in spacing are two tests). Nothing
 * that varies between runs (time, hostname, timestamp,
 * attempt number, report file name) takes part, so the same test gets the same id on every run.
 *
 * Configure which fields take part (`fields`), case folding, or pass a function for full control.
 */

export type IdentityField = "suite" | "classname" | "name" | "file";

export interface IdentityInput {
  suite: string | null;
  classname: string | null;
  name: string;
  file: string | null;
}

export interface IdentityOptions {
  /** Fields in the id, in order. Default `["suite", "classname", "name"]`. */
  fields?: readonly IdentityField[];
  /** Lower-case the id (for runners whose casing varies between platforms). Default false. */
  caseInsensitive?: boolean;
  /** Full control: a function of the test's fields. Must be deterministic. */
  custom?: (test: IdentityInput) => string;
}

export const DEFAULT_IDENTITY_FIELDS: readonly IdentityField[] = ["suite", "classname", "name"];
export const IDENTITY_SEPARATOR = "::";

export type IdentityFn = (test: IdentityInput) => string;

export function createIdentity(options: IdentityOptions = {}): IdentityFn {
  if (options.custom) {
    const custom = options.custom;
    const fold = options.caseInsensitive === true;
    return (t) => {
      const id = custom(t);
      return fold ? id.toLowerCase() : id;
    };
  }
  const fields = options.fields && options.fields.length > 0 ? options.fields : DEFAULT_IDENTITY_FIELDS;
  const fold = options.caseInsensitive === true;
  if (!fold && fields.length === 3 && fields.every((f, i) => f === DEFAULT_IDENTITY_FIELDS[i])) return defaultIdentity;
  return (t) => {
    // Array#join gives one flat string (no rope of concatenations to flatten on every Map lookup).
    const parts: string[] = [];
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

/**
 * The default fields without folding, written out: called once per testcase of every file, and
 * the general loop (a keyed read per field, an array per id) showed in profiles of big reports.
 * Same ids as the loop: falsy parts and a part equal to the one before are dropped. The id ends
 * with a non-empty name (the JUnit parser relies on that): the name is the last part, or it was
 * dropped for being equal to the part before it.
 */
function defaultIdentity(t: IdentityInput): string {
  const { suite, classname, name } = t;
  const c = classname && classname !== suite ? classname : null;
  const n = name && name !== (c ?? suite) ? name : null;
  // Array#join, as in the loop: one flat string.
  if (suite) {
    if (c) return n ? [suite, c, n].join(IDENTITY_SEPARATOR) : [suite, c].join(IDENTITY_SEPARATOR);
    return n ? [suite, n].join(IDENTITY_SEPARATOR) : suite;
  }
  if (c) return n ? [c, n].join(IDENTITY_SEPARATOR) : c;
  return n ?? "(unnamed)";
}
