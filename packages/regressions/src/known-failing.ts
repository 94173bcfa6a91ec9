/**
 * The known-failing (quarantine) list: YAML or JSON. Either a list of entries, or an object with
 * a `tests` (or `known`) list. Each entry names tests by `id`, or by any of `name`, `classname`,
 * `suite`, `file` (all given fields must match; `*` matches any run of characters), and gives a
 * `reason`. An optional `expires` date (YYYY-MM-DD or ISO 8601) ends the entry: after it, the
 * entry is ignored and a warning says so.
 *
 * ```yaml
 * tests:
 *   - id: "com.acme.CartTest::checkoutTotals"
 *     reason: "JIRA-123: rounding differs on Windows"
 *     expires: 2026-09-30
 *   - classname: "e2e.*"
 *     name: "*uploads*"
 *     reason: "storage emulator is unreliable"
 * ```
 */
import { readFile } from "node:fs/promises";
import { CodexrelError } from "@codexrel/core";
import { parse as parseYaml } from "yaml";
import { RegressionErrorCodes } from "./errors.js";
import type { TestResult } from "./model.js";
import { compileWildcard, type WildcardMatcher } from "./wildcard.js";

export interface KnownFailingEntry {
  id?: string;
  name?: string;
  classname?: string;
  suite?: string;
  file?: string;
  reason: string;
  /** Inclusive last day (YYYY-MM-DD) or instant (ISO 8601) the entry applies. */
  expires?: string;
}

export interface KnownFailingList {
  source: string;
  entries: KnownFailingEntry[];
}

const FIELDS = ["id", "name", "classname", "suite", "file"] as const;
const ALLOWED = new Set<string>([...FIELDS, "reason", "expires"]);

export async function loadKnownFailing(path: string, name: string = path): Promise<KnownFailingList> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw invalid(name, `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, error);
  }
  return parseKnownFailing(text, name);
}

export function parseKnownFailing(text: string, source = "known-failing"): KnownFailingList {
  let doc: unknown;
  try {
    doc = parseYaml(text, { schema: "core", maxAliasCount: 100 });
  } catch (error) {
    throw invalid(source, `is not valid YAML or JSON: ${(error as Error).message.split("\n", 1)[0]}`, error);
  }
  if (doc === null || doc === undefined) return { source, entries: [] };
  const list = Array.isArray(doc)
    ? doc
    : typeof doc === "object"
      ? ((doc as Record<string, unknown>).tests ?? (doc as Record<string, unknown>).known)
      : undefined;
  if (!Array.isArray(list)) throw invalid(source, "must be a list of entries, or an object with a `tests` list");
  const entries = list.map((raw, i): KnownFailingEntry => {
    const where = `entry ${i + 1}`;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw invalid(source, `${where} is not a mapping`);
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!ALLOWED.has(key))
        throw invalid(source, `${where}: unknown field "${key}" (allowed: ${[...ALLOWED].join(", ")})`);
    }
    const out: KnownFailingEntry = { reason: "" };
    for (const f of FIELDS) {
      const v = e[f];
      if (v === undefined || v === null) continue;
      if (typeof v !== "string" || v === "") throw invalid(source, `${where}: "${f}" must be a non-empty string`);
      out[f] = v;
    }
    if (!FIELDS.some((f) => out[f] !== undefined))
      throw invalid(source, `${where}: name the test with id, name, classname, suite or file`);
    if (typeof e.reason !== "string" || e.reason.trim() === "") throw invalid(source, `${where}: "reason" is required`);
    out.reason = e.reason.trim();
    if (e.expires !== undefined && e.expires !== null) {
      const exp = e.expires instanceof Date ? e.expires.toISOString() : String(e.expires);
      if (Number.isNaN(expiryInstant(exp)))
        throw invalid(source, `${where}: "expires" is not a date: ${JSON.stringify(exp)}`);
      out.expires = exp;
    }
    return out;
  });
  return { source, entries };
}

/** A plain date is inclusive: it expires at the end of that day (UTC). */
export function expiryInstant(expires: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) return Date.parse(`${expires}T23:59:59.999Z`);
  return Date.parse(expires);
}

export interface KnownFailingMatcher {
  match(test: Pick<TestResult, "id" | "name" | "classname" | "suite" | "file">): KnownFailingEntry | undefined;
  /** Expired entries and entries that matched no test (call after every test was matched). */
  warnings(): string[];
}

export function createKnownFailingMatcher(list: KnownFailingList | undefined, now: Date): KnownFailingMatcher {
  const warnings: string[] = [];
  const active: { entry: KnownFailingEntry; tests: [string, WildcardMatcher | string][]; used: boolean }[] = [];
  const exact = new Map<string, number>();
  for (const entry of list?.entries ?? []) {
    const label = describe(entry);
    if (entry.expires !== undefined && expiryInstant(entry.expires) < now.getTime()) {
      warnings.push(`known-failing entry ${label} expired on ${entry.expires}; it no longer applies`);
      continue;
    }
    const tests: [string, WildcardMatcher | string][] = [];
    for (const f of FIELDS) {
      const v = entry[f];
      if (v !== undefined) tests.push([f, v.includes("*") ? compileWildcard(v) : v]);
    }
    const index = active.push({ entry, tests, used: false }) - 1;
    if (tests.length === 1 && tests[0]![0] === "id" && typeof tests[0]![1] === "string" && !exact.has(tests[0]![1])) {
      exact.set(tests[0]![1], index);
    }
  }
  const patterned = active.filter(
    (a) => !(a.tests.length === 1 && a.tests[0]![0] === "id" && typeof a.tests[0]![1] === "string"),
  );
  return {
    match(test) {
      const hit = exact.get(test.id);
      if (hit !== undefined) {
        const a = active[hit]!;
        a.used = true;
        return a.entry;
      }
      for (const a of patterned) {
        let ok = true;
        for (const [field, want] of a.tests) {
          const have = test[field as keyof typeof test];
          if (have === null || have === undefined) {
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
      return undefined;
    },
    warnings() {
      const unused = active
        .filter((a) => !a.used)
        .map((a) => `known-failing entry ${describe(a.entry)} matched no test`);
      return [...warnings, ...unused];
    },
  };
}

function describe(entry: KnownFailingEntry): string {
  return FIELDS.filter((f) => entry[f] !== undefined)
    .map((f) => `${f}=${JSON.stringify(entry[f])}`)
    .join(" ");
}

function invalid(source: string, what: string, cause?: unknown): CodexrelError {
  return new CodexrelError(RegressionErrorCodes.KNOWN_FAILING_INVALID, `known-failing file ${source} ${what}`, {
    hint: "Each entry needs a test selector (id, name, classname, suite or file) and a reason; expires is optional.",
    ...(cause === undefined ? {} : { cause }),
    details: { file: source },
  });
}
