/**
 * The secrets a stream redacts, for @codexrel/core's redactors (the one redaction implementation:
 * `createRedactor` for whole lines, `createStreamRedactor` for a line too long to hold, which
 * arrives in pieces). A line-oriented stream needs one extra step: a multi-line secret (a PEM key
 * in an env var) never appears whole on one line, so each of its lines is known on its own.
 */
import { createRedactor, MIN_EXACT_SECRET_LENGTH } from "@codexrel/core";

/** Exact secrets plus, for multi-line ones, each of their lines long enough to be a secret. */
export function expandSecrets(secrets: Iterable<string | undefined | null>): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== "string" || s.trim().length < MIN_EXACT_SECRET_LENGTH) continue;
    out.add(s);
    if (/[\r\n]/.test(s)) {
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= MIN_EXACT_SECRET_LENGTH) out.add(line.trim());
    }
  }
  return [...out];
}

export type TextRedactor = (text: string) => string;

export function lineRedactor(secrets: Iterable<string | undefined | null>): TextRedactor {
  return createRedactor(expandSecrets(secrets));
}
